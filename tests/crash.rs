//! The crash harness: the real binary in tmux makes committed edits and
//! is killed with SIGKILL at random moments after them; the review is then
//! read back and reopened. Every edit seen on screen before the kill must
//! be in the review once the kill comes 50 ms or more after it appeared
//! (the promise); edits lost sooner are counted and reported.
//!
//! A short run (20 cycles) is part of `cargo test`; a long one:
//!
//! ```sh
//! cargo build --release
//! DEBRIEF_BIN=target/release/debrief DEBRIEF_CRASH_CYCLES=500 \
//!   cargo test --release --test crash -- --nocapture
//! ```
//!
//! `DEBRIEF_CRASH_SEED` repeats a run (the seed is printed);
//! `DEBRIEF_CRASH_EVENTS=100000` starts from a review with that many
//! events, so that full saves take long while edits go on. The report
//! gives the cycles, the edits, the edits lost and the longest time from
//! an edit appearing on screen to a kill that lost it.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::tmux::{Server, debrief};
use debrief::store;

/// The longest a kill waits after the last edit of a cycle: beyond the
/// time the saver took to settle before edits were journaled.
const MAX_DELAY_MS: u64 = 300;

/// A committed edit is durable this long after it is seen on screen.
const PROMISE: Duration = Duration::from_millis(50);

/// A small random source (xorshift), seeded so that a run can be repeated.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// One edit: its text and when it was seen on screen.
struct Edit {
    text: String,
    seen: Instant,
}

#[derive(Default, Debug)]
struct Figures {
    cycles: usize,
    edits: usize,
    lost: usize,
    /// The longest time from an edit seen on screen to the kill that lost
    /// it.
    longest_lost: Option<Duration>,
    /// The longest time from an edit seen to a kill, lost or not.
    longest_delay: Duration,
    /// Edits lost though the kill came later than the promise.
    broken: Vec<String>,
    /// Every edit lost.
    lost_texts: Vec<String>,
}

fn kill_9(pid: u32) {
    let status = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -9 {pid}");
}

/// Temporary files left in the reviews folder.
fn temporaries(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("reviews"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count()
        })
        .unwrap_or(0)
}

/// Adds `events` events at midnight to the review, through `add ... -`.
fn fill(dir: &Path, id: &str, events: usize) {
    use std::io::Write;
    let mut child = Command::new(common::tmux::binary())
        .args(["add", id, "event", "-"])
        .env("DEBRIEF_DIR", dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("debrief runs");
    let mut stdin = child.stdin.take().expect("a pipe");
    for n in 0..events {
        writeln!(stdin, "00:00 ana: checked the dashboard, step {n}").expect("written");
    }
    drop(stdin);
    assert!(child.wait().expect("debrief ends").success(), "filling");
}

#[test]
fn committed_edits_survive_kill_9() {
    let cycles: usize = std::env::var("DEBRIEF_CRASH_CYCLES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(20);
    let seed = std::env::var("DEBRIEF_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(d, &["new", "Crash harness", "--sev", "2", "--no-open"])
        .trim()
        .to_owned();
    let path = store::Store::at(d).path_of(&id);
    let filler: usize = std::env::var("DEBRIEF_CRASH_EVENTS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if filler > 0 {
        fill(d, &id, filler);
    }
    let tmux = Server::new(d);
    // A session that stays, so the server lives on between cycles.
    let _keep = tmux.start("keep", "sleep 86400", 20, 5);
    let mut figures = Figures::default();
    let mut all: Vec<String> = Vec::new();

    for cycle in 0..cycles {
        let name = format!("c{cycle}");
        let t = tmux.start_debrief(&name, &format!("open {id}"), 100, 30);
        t.wait_for("Crash harness");
        let mut edits = Vec::new();
        for n in 0..=rng.below(3) {
            // Times that grow with the edits, so each new event is filed
            // last and shown selected.
            let minutes = all.len() + edits.len();
            let text = format!("edit-{cycle}-{n}");
            t.keys(&["n"]);
            t.wait_for("Quick entry");
            t.type_text(&format!(
                "{:02}:{:02} mo: {text}",
                (minutes / 60) % 24,
                minutes % 60
            ));
            t.keys(&["Enter", "Escape"]);
            t.wait_screen(&format!("{text} on the timeline"), |s| {
                s.contains(&text) && !s.contains("Quick entry")
            });
            edits.push(Edit {
                text,
                seen: Instant::now(),
            });
        }
        std::thread::sleep(Duration::from_millis(rng.below(MAX_DELAY_MS + 1)));
        let pid = t.child_pid();
        kill_9(pid);
        let killed = Instant::now();
        t.wait_for("[exited");
        tmux.run(&["kill-session", "-t", &name]);

        let review = store::load(&path)
            .unwrap_or_else(|e| panic!("cycle {cycle}: the review does not load: {e}"));
        let texts: Vec<&str> = review.timeline.iter().map(|e| e.text.as_str()).collect();
        for edit in &edits {
            let delay = killed - edit.seen;
            figures.longest_delay = figures.longest_delay.max(delay);
            if !texts.iter().any(|t| t.ends_with(&edit.text)) {
                figures.lost += 1;
                figures.longest_lost = figures.longest_lost.max(Some(delay));
                figures.lost_texts.push(edit.text.clone());
                if delay >= PROMISE {
                    figures.broken.push(edit.text.clone());
                }
                eprintln!(
                    "cycle {cycle}: lost {} ({delay:?} before the kill)",
                    edit.text
                );
            }
        }
        figures.edits += edits.len();
        figures.cycles += 1;
        all.extend(edits.into_iter().map(|e| e.text));
    }

    // Reopened once more and closed cleanly: every edit is in the file,
    // and nothing is left beside it.
    let t = tmux.start_debrief("last", &format!("open {id}"), 100, 30);
    t.wait_for("Crash harness");
    t.quit();
    let review = store::load(&path).unwrap();
    let missing: Vec<&String> = all
        .iter()
        .filter(|text| {
            !review
                .timeline
                .iter()
                .any(|e| e.text.ends_with(text.as_str()))
        })
        .collect();
    let left = temporaries(d);
    println!(
        "crash harness (seed {seed}): {} cycles, {} edits, {} lost, longest from an edit to a kill that lost it: {}, longest from an edit to a kill: {:?}, {} missing after reopening, {left} temporary files left, {} events in the review",
        figures.cycles,
        figures.edits,
        figures.lost,
        figures
            .longest_lost
            .map_or("none".to_owned(), |d| format!("{d:?}")),
        figures.longest_delay,
        missing.len(),
        review.timeline.len(),
    );
    assert!(
        figures.broken.is_empty(),
        "edits lost {PROMISE:?} or more after they were on screen: {:?}",
        figures.broken
    );
    let vanished: Vec<&&String> = missing
        .iter()
        .filter(|t| !figures.lost_texts.contains(t))
        .collect();
    assert!(
        vanished.is_empty(),
        "edits there after a kill, gone after reopening: {vanished:?}"
    );
    assert!(
        !store::journal_path(&path).exists(),
        "a clean close leaves no journal"
    );
    assert_eq!(left, 0, "temporary files left");
}
