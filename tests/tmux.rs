//! The real binary in a real terminal: tmux runs it, `send-keys` types,
//! `capture-pane` reads the screen. No fixed sleeps: every step polls the
//! screen until what it waits for appears, or fails with the screen shown.
//!
//! The binary is `$DEBRIEF_BIN` when set (CI sets the release build),
//! else the one cargo built for these tests. tmux must be installed
//! (`.ci/run` installs it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(20);

fn binary() -> PathBuf {
    std::env::var_os("DEBRIEF_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_debrief").into())
}

/// A tmux server of its own, with one window running a shell command.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `script` (run by `sh -c`) in a `width`x`height` window, with
    /// `DEBRIEF_DIR` pointing at `dir`.
    fn start(dir: &Path, script: &str, width: u16, height: u16) -> Tmux {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "debrief-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let tmux = Tmux { socket };
        let full = format!(
            "cd {dir}; export DEBRIEF_DIR={dir} TERM=xterm-256color LANG=C.UTF-8 TZ=UTC; {script}; \
             status=$?; modes=$(stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '); \
             echo \"[exited $status] [tty $modes]\"; exec sleep 600",
            dir = dir.display()
        );
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &full,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .output()
            .expect("tmux runs (install it: apt-get install -y tmux)");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends keys in tmux's names: `Enter`, `Escape`, `C-s`, `Tab`, or
    /// single characters.
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    fn format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", format])
            .trim()
            .to_owned()
    }

    /// Waits until the screen holds `needle`; returns the screen.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {needle:?}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The pid of the debrief process running in the window: the child of
    /// the window's shell, found in /proc.
    fn debrief_pid(&self) -> u32 {
        let shell: u32 = self.format("#{pane_pid}").parse().expect("a pid");
        let start = Instant::now();
        loop {
            if let Some(pid) = child_of(shell) {
                return pid;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "no process under the shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }
}

/// A process whose parent is `parent`, from /proc/<pid>/stat.
fn child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc")
        .ok()?
        .filter_map(Result::ok)
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // The fields after the command name, which is in parentheses.
            let rest = &stat[stat.rfind(')')? + 2..];
            let ppid: u32 = rest.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == parent).then_some(pid)
        })
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn debrief(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(binary())
        .args(args)
        .env("DEBRIEF_DIR", dir)
        .output()
        .expect("debrief runs");
    assert!(
        out.status.success(),
        "debrief {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn review_file(dir: &Path) -> PathBuf {
    let reviews = dir.join("reviews");
    std::fs::read_dir(&reviews)
        .expect("the reviews folder exists")
        .map(|e| e.expect("an entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .expect("a review file")
}

#[test]
fn a_review_is_captured_by_keys_survives_a_resize_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bin = binary();
    let t = Tmux::start(
        d,
        &format!("{} new 'Login failures' --sev 2", bin.display()),
        120,
        40,
    );
    t.wait_for("Login failures");

    // Two events through the quick-entry line, filed in time order.
    for line in [
        "16:10 ana: rolled back the deploy",
        "16:02 gary: saw the login page fail",
    ] {
        t.keys(&["n"]);
        t.wait_for("Quick entry");
        t.type_text(line);
        t.keys(&["Enter"]);
        t.wait_for(line.split(": ").nth(1).unwrap());
    }
    // A learning and an owned action item.
    t.keys(&["2", "a"]);
    t.wait_for("Add learning");
    t.type_text("Paging reached the right person quickly");
    t.keys(&["Tab", "Space", "Space", "C-s"]);
    t.wait_for("▶ improve   Paging reached");

    t.resize(80, 24);
    t.keys(&["4", "a"]);
    t.wait_for("Add action item");
    t.type_text("Alert on login error rate");
    t.keys(&["Tab"]);
    t.type_text("ana");
    t.keys(&["Tab", "Space", "C-s"]);
    t.wait_for("Alert on login error rate");
    t.resize(160, 48);
    t.wait_for("Alert on login error rate");
    t.keys(&["q"]);
    t.wait_for("[exited 0]");

    // Reopen: everything is there.
    let file = review_file(d);
    let id = file.file_stem().unwrap().to_string_lossy().into_owned();
    let t = Tmux::start(
        d,
        &format!("{} open {}", bin.display(), &id[..id.len() - 2]),
        120,
        40,
    );
    t.wait_for("saw the login page fail");
    t.keys(&["q"]);
    t.wait_for("[exited 0]");

    let report = debrief(d, &["export", &id]);
    let gary = report
        .find("saw the login page fail")
        .expect("first event in the report");
    let ana = report
        .find("rolled back the deploy")
        .expect("second event in the report");
    assert!(gary < ana, "time order in the report");
    assert!(
        report.contains("Paging reached the right person quickly"),
        "{report}"
    );
    assert!(
        report.contains("| Alert on login error rate | ana | High"),
        "{report}"
    );
}

#[test]
fn sigterm_mid_edit_keeps_committed_edits_and_the_typed_draft() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(d, &["new", "Cache stampede", "--no-open"])
        .trim()
        .to_owned();
    let t = Tmux::start(d, &format!("{} open {id}", binary().display()), 100, 30);
    t.wait_for("Cache stampede");
    t.keys(&["n"]);
    t.wait_for("Quick entry");
    t.type_text("09:15 mo: cache hit rate fell to zero");
    t.keys(&["Enter"]);
    t.wait_for("cache hit rate fell to zero");
    t.keys(&["5", "a"]);
    t.wait_for("Park an idea");
    t.type_text("Should the cache warm itself");
    t.wait_for("Should the cache warm itself");
    let pid = t.debrief_pid();
    let status = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let screen = t.wait_for("[exited");
    assert!(screen.contains("[exited 0]"), "{screen}");

    let shown = debrief(d, &["show", &id]);
    assert!(
        shown.contains("events        1"),
        "the committed event was saved: {shown}"
    );
    let t = Tmux::start(d, &format!("{} open {id}", binary().display()), 100, 30);
    t.wait_for("Cache stampede");
    t.keys(&["5"]);
    t.wait_for("Should the cache warm itself");
    t.keys(&["q"]);
    t.wait_for("[exited 0]");
    let report = debrief(d, &["export", &id]);
    assert!(report.contains("Recovered unsaved text"), "{report}");
}

#[test]
fn the_terminal_is_restored_after_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(
        dir.path(),
        &format!("echo before; {} demo", binary().display()),
        100,
        30,
    );
    t.wait_for("Checkout payments failing");
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "the workspace uses the alternate screen"
    );
    t.keys(&["q"]);
    let screen = t.wait_for("[exited 0]");
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_eq!(
        t.format("#{cursor_flag}"),
        "1",
        "the cursor is visible again"
    );
    assert!(
        screen.contains("before"),
        "the shell's screen is back: {screen}"
    );
    assert!(
        screen.contains("[tty icanon echo ]"),
        "cooked mode and echo are back: {screen}"
    );
}

#[test]
fn a_review_held_by_another_process_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(d, &["new", "Queue backlog", "--no-open"])
        .trim()
        .to_owned();
    let first = Tmux::start(d, &format!("{} open {id}", binary().display()), 100, 30);
    first.wait_for("Queue backlog");
    let second = Tmux::start(d, &format!("{} open {id}", binary().display()), 100, 30);
    second.wait_for("READ-ONLY");
    second.keys(&["x"]);
    second.wait_for("holds this review");
    second.keys(&["q"]);
    second.wait_for("[exited 0]");
    first.keys(&["q"]);
    first.wait_for("[exited 0]");
    let _ = review_file(d);
}

#[test]
fn a_hangup_saves_and_exits_instead_of_spinning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(d, &["new", "Dropped connection", "--no-open"])
        .trim()
        .to_owned();
    let t = Tmux::start(d, &format!("{} open {id}", binary().display()), 100, 30);
    t.wait_for("Dropped connection");
    t.keys(&["n"]);
    t.wait_for("Quick entry");
    t.type_text("11:00 sam: the ssh session dropped");
    t.keys(&["Enter"]);
    t.wait_for("the ssh session dropped");
    let pid = t.debrief_pid();
    // Closing the terminal sends SIGHUP and leaves the tty at end of file.
    t.run(&["kill-server"]);
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() && !is_zombie(pid) {
        assert!(
            start.elapsed() < PATIENCE,
            "debrief {pid} is still running after the hangup"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    let shown = debrief(d, &["show", &id]);
    assert!(shown.contains("events        1"), "{shown}");
}

fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rfind(')').map(|i| s[i + 2..].starts_with('Z')))
        .unwrap_or(true)
}

#[test]
fn the_coach_names_flagged_words_as_they_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(d, &["new", "Coach check", "--no-open"])
        .trim()
        .to_owned();
    let t = Tmux::start(d, &format!("{} open {id}", binary().display()), 80, 24);
    t.wait_for("Coach check");
    t.keys(&["2", "a"]);
    t.wait_for("Add learning");
    t.type_text("We should have rolled back sooner");
    t.wait_for("⚑ Counterfactual: should have rolled");
    t.keys(&["C-s"]);
    let screen = t.wait_for("⚑ We should have rolled back");
    assert!(
        !screen.contains("Add learning"),
        "saving is never blocked: {screen}"
    );
    t.keys(&["q"]);
    t.wait_for("[exited 0]");
}

#[test]
fn the_meeting_walks_every_stage_of_the_example_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let reviews = d.join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let id = "2026-11-17-checkout-payments-failing-k7qm";
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/example-review.ron");
    std::fs::copy(example, reviews.join(format!("{id}.ron"))).unwrap();
    let t = Tmux::start(d, &format!("{} open {id}", binary().display()), 120, 40);
    t.wait_for("Stage 1/9 · Set the stage");
    t.wait_for("This is a learning review.");
    t.keys(&["c"]);
    t.wait_for("Meeting clock started");
    let stages = [
        "Key moments and metrics",
        "Timeline",
        "Impact on recovery",
        "Decisions",
        "Learnings",
        "Contributing factors",
        "Action items",
        "Summaries",
    ];
    for (n, title) in stages.iter().enumerate() {
        t.keys(&["]"]);
        t.wait_for(&format!("Stage {}/9 · {title}", n + 2));
        if *title == "Impact on recovery" {
            // The example leaves two events unjudged: judge both.
            t.wait_for("2 to judge");
            t.keys(&["+"]);
            t.wait_for("1 still to judge");
            t.keys(&["="]);
            t.wait_for("every event is judged");
            t.keys(&["C"]);
            t.wait_for("Recovery chart");
            t.keys(&["Escape"]);
            t.wait_for("Stage 4/9");
        }
    }
    t.wait_for("Nothing to check: preview (P)");
    t.keys(&["e"]);
    t.wait_for("Exported");
    t.keys(&["q"]);
    t.wait_for("[exited 0]");

    let report = std::fs::read_to_string(reviews.join(format!("{id}.md"))).unwrap();
    assert!(report.contains("## The review meeting"), "{report}");
    for title in stages {
        assert!(
            report.contains(&format!("| {title} |")),
            "{title}: {report}"
        );
    }
    let saved = std::fs::read_to_string(reviews.join(format!("{id}.ron"))).unwrap();
    assert!(saved.contains("stage: Summaries"), "{saved}");
    assert!(
        !saved.contains("running_since"),
        "the clock was paused on quit"
    );
    assert!(!saved.contains("impact: Unjudged"), "every event judged");
    assert!(reviews.join(format!("{id}.public.md")).exists());
    assert!(reviews.join(format!("{id}.recovery.svg")).exists());
}

/// Keys sent to a window, counted as a person would press them: one for
/// each key, one for each character typed.
struct Counted<'a> {
    t: &'a Tmux,
    keys: usize,
}

impl Counted<'_> {
    fn keys(&mut self, keys: &[&str]) -> &mut Self {
        self.t.keys(keys);
        self.keys += keys.len();
        self
    }

    fn type_text(&mut self, text: &str) -> &mut Self {
        self.t.type_text(text);
        self.keys += text.chars().count();
        self
    }

    fn wait_for(&mut self, needle: &str) -> &mut Self {
        self.t.wait_for(needle);
        self
    }
}

#[test]
fn a_minor_incident_goes_from_nothing_to_an_exported_report_in_the_quick_review() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Sev3 is the default severity, and a Sev3 review is a quick one.
    let t = Tmux::start(
        d,
        &format!("{} new 'Login page failing'", binary().display()),
        80,
        24,
    );
    t.wait_for("What happened");
    let mut k = Counted { t: &t, keys: 0 };
    k.type_text("16:02 gary: saw the login page fail")
        .keys(&["Enter"])
        .type_text("16:31 ana: rolled back to v41")
        .keys(&["Tab"])
        .wait_for("Key moments")
        // Detected and resolved are offered from the first and last events.
        .type_text("15:50")
        .keys(&["C-n"])
        .wait_for("Went well")
        .type_text("paging reached ana in three minutes")
        .keys(&["Tab"])
        .type_text("no alert on login errors")
        .keys(&["Tab"])
        .wait_for("Action items")
        .type_text("Alert on login errors @gary")
        .keys(&["Tab"])
        .wait_for("Export")
        .keys(&["Enter"])
        .wait_for("Exported");
    let pressed = k.keys;
    println!("quick review, nothing to exported report: {pressed} keystrokes");
    t.keys(&["q"]);
    t.wait_for("[exited 0]");

    let file = review_file(d);
    let id = file.file_stem().unwrap().to_string_lossy().into_owned();
    let report = std::fs::read_to_string(file.with_extension("md")).unwrap();
    assert!(report.contains("saw the login page fail"), "{report}");
    assert!(report.contains("rolled back to v41"), "{report}");
    assert!(report.contains("paging reached ana"), "{report}");
    assert!(
        report.contains("| Alert on login errors | gary |"),
        "{report}"
    );
    assert!(
        d.join("reviews").join(format!("{id}.public.md")).exists(),
        "the public summary too"
    );
    // 155 characters of text and 7 other keys: about a minute of typing.
    assert_eq!(pressed, 162);
}

#[test]
fn presenter_mode_from_the_flag_and_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(d, &["new", "Checkout errors", "--sev", "2", "--no-open"]);
    let id = id.trim();
    debrief(d, &["set", id, "notes", "ask about the train wifi"]);
    let t = Tmux::start(
        d,
        &format!("{} open {id} --present", binary().display()),
        100,
        30,
    );
    t.wait_for("STAGE 1 OF 9");
    // Key moments: the details pane, where the notes row is.
    t.keys(&["]", "G"]);
    let screen = t.wait_for("private to the facilitator");
    assert!(!screen.contains("train wifi"), "{screen}");
    assert!(!screen.contains("? help"), "no key hints: {screen}");
    t.keys(&["F5"]);
    let screen = t.wait_for("train wifi");
    assert!(!screen.contains("STAGE 2 OF 9"), "{screen}");
    assert!(screen.contains("? help"), "{screen}");
    t.keys(&["F5", "z"]);
    t.wait_for("The facilitator's notes are private");
    t.keys(&["Escape"]);
    t.wait_for("STAGE 2 OF 9");
    t.keys(&["q"]);
    t.wait_for("[exited 0]");
}
