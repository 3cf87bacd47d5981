//! A remote review, end to end: the facilitator's debrief in tmux, other
//! people following it through a read-only tmux client or `debrief
//! watch`. The real binary runs in real terminals; every step polls the
//! screen until what it waits for appears, or fails with the screen shown.
//! The only fixed wait is the window in which idle output is measured.
//!
//! The binary is `$DEBRIEF_BIN` when set (CI sets the release build),
//! else the one cargo built for these tests. tmux must be installed.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::tmux::{PATIENCE, Pane, Server, debrief};

/// How long a watcher may take to show a change the facilitator made: it
/// is saved within a second and seen within 100 ms of the save; the rest
/// is room for a slow CI machine.
const PROMPTLY: Duration = Duration::from_secs(3);

/// A tmux server of its own, configured with no status line (it would
/// only take a row from debrief), and so that keys typed quickly are keys,
/// not a paste (tmux runs no binding, such as detach, within a paste).
fn server(dir: &Path) -> Server {
    Server::with_conf(dir, "set -g status off\nset -g assume-paste-time 0\n")
}

/// A review with one event, ready to open; returns its id and its file.
fn new_review(dir: &Path, title: &str) -> (String, PathBuf) {
    let id = debrief(dir, &["new", title, "--sev", "2", "--no-open"])
        .trim()
        .to_owned();
    debrief(
        dir,
        &["add", &id, "event", "16:02 gary: saw the login page fail"],
    );
    let file = dir.join("reviews").join(format!("{id}.ron"));
    (id, file)
}

/// The files in the reviews folder, with their sizes and modification
/// times: what would show that something wrote there.
fn folder_state(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("reviews"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Starts debrief on the review `id` in a new 120x40 session `name`.
fn open<'a>(t: &'a Server, name: &str, id: &str) -> Pane<'a> {
    t.start_debrief(name, &format!("open {id}"), 120, 40)
}

/// Starts `debrief watch` on the review `id` in a new `width`x`height`
/// session `name`.
fn watch<'a>(t: &'a Server, name: &str, id: &str, width: u16, height: u16) -> Pane<'a> {
    t.start_debrief(name, &format!("watch {id}"), width, height)
}

/// Whether a screen of the workspace is whole at `width`x`height`: the
/// header, the stage rail, boxes closed at every corner, a status line,
/// and nothing wider than the window.
fn whole(screen: &str, title: &str, width: u16, height: u16) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    let count = |c: char| screen.chars().filter(|x| *x == c).count();
    lines.len() == usize::from(height)
        && lines[0].starts_with(" SEV2")
        && lines[0].contains(title)
        && lines[1].contains("1 Opening")
        && count('┌') > 0
        && count('┌') == count('┐')
        && count('└') == count('┘')
        && count('┌') == count('└')
        && !lines[lines.len() - 1].trim().is_empty()
        && lines
            .iter()
            .all(|l| l.chars().count() <= usize::from(width))
}

#[test]
fn a_read_only_tmux_client_changes_nothing_and_resizes_keep_the_screen_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (id, file) = new_review(d, "Login failures");

    // The facilitator's tmux, with debrief in the session "review".
    let inner = server(d);
    let review = open(&inner, "review", &id);
    review.wait_for("saw the login page fail");
    let window_size = || review.format("#{window_width}x#{window_height}");
    let whole_at = |width, height| {
        review.wait_screen(&format!("the screen whole at {width}x{height}"), |s| {
            whole(s, "Login failures", width, height)
        })
    };
    // Two terminals of different sizes attach to it: the facilitator's
    // and a participant's, read-only. Each is a pane of another tmux.
    let outer = server(d);
    let attach = |flags: &str| format!("tmux -L {} attach {flags} -t review", inner.socket());
    let facilitator = outer.start("facilitator", &attach(""), 120, 40);
    facilitator.wait_for("saw the login page fail");
    // Alone, a read-only client would size the window: it joins once the
    // facilitator's is there.
    let participant = outer.start("participant", &attach("-r"), 90, 28);
    participant.wait_for("Login failures");
    let clients = inner.run(&[
        "list-clients",
        "-F",
        "#{client_readonly} #{client_width}x#{client_height}",
    ]);
    let mut clients: Vec<&str> = clients.lines().collect();
    clients.sort();
    assert_eq!(
        clients,
        ["0 120x40", "1 90x28"],
        "two clients, one read-only"
    );
    assert_eq!(
        window_size(),
        "120x40",
        "the read-only client does not shrink the window"
    );
    whole_at(120, 40);

    // The facilitator's terminal shrinks: debrief redraws whole at the
    // new size, and the participant sees it.
    facilitator.resize(100, 30);
    whole_at(100, 30);
    assert_eq!(window_size(), "100x30");
    let header = |s: &str| {
        s.lines()
            .next()
            .is_some_and(|l| l.starts_with(" SEV2") && l.contains("Login failures"))
    };
    participant.wait_screen("the header at 100 columns", header);

    // The participant's terminal changes size, larger and smaller: the
    // window, and so debrief's screen, stay as they are.
    let before = review.screen();
    for (w, h) in [(140, 45), (80, 24)] {
        participant.resize(w, h);
        participant.wait_screen("the header again", header);
        assert_eq!(window_size(), "100x30");
        assert_eq!(review.screen(), before);
    }

    // The facilitator's terminal grows back: whole again.
    facilitator.resize(120, 40);
    whole_at(120, 40);
    let before = review.screen();
    let saved = std::fs::read(&file).unwrap();

    // The participant types: delete, next stage, quit, a new event. A
    // read-only client passes none of it on. Its detach key is the one
    // that works; once it has detached, every key before it was handled.
    participant.keys(&["x", "]", "n"]);
    participant.type_text("17:00 mallory: typed into a read-only client");
    participant.keys(&["Enter", "q"]);
    // Keys that come in a burst count as a paste, which runs no binding:
    // the detach key is sent on its own, again until it works.
    let start = Instant::now();
    'detached: loop {
        participant.keys(&["C-b", "d"]);
        let sent = Instant::now();
        while sent.elapsed() < Duration::from_secs(1) {
            let clients = inner.run(&["list-clients", "-F", "#{client_readonly}"]);
            if !clients.contains('1') {
                break 'detached;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(start.elapsed() < PATIENCE, "the participant detaches");
    }
    // Anything passed on would be in debrief's input before this key.
    facilitator.keys(&["?"]);
    review.wait_for("Help: every key");
    facilitator.keys(&["?"]);
    // The screen as it was, once the help is gone: had a key got
    // through, it would differ (another stage, no event, no debrief).
    review.wait_screen("the facilitator's screen as it was", |s| s == before);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved,
        "the review file is unchanged"
    );

    facilitator.keys(&["q"]);
    review.wait_for("[exited 0]");
}

#[test]
fn a_watcher_follows_edits_and_stages_and_never_shows_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (id, file) = new_review(d, "Login failures");
    debrief(d, &["set", &id, "notes", "secret words"]);

    let t = server(d);
    let facilitator = open(&t, "facilitator", &id);
    facilitator.wait_for("saw the login page fail");
    // Two watchers, at sizes of their own.
    let watcher = watch(&t, "watcher", &id, 100, 30);
    let second = watch(&t, "second", &id, 80, 24);
    for w in [&watcher, &second] {
        w.wait_for("WATCHING · read-only");
        w.wait_for("saw the login page fail");
    }
    let never = |screen: &str| {
        assert!(
            !screen.contains("secret words"),
            "a watcher shows the private notes:\n{screen}"
        );
    };

    // An edit by the facilitator is saved (the watchers hold no lock) and
    // reaches both watchers promptly.
    // Keys reach debrief in order: the quick-entry line opens before the
    // text arrives.
    facilitator.keys(&["n"]);
    facilitator.type_text("16:05 ana: restarted the connection pool");
    // The quick entry stays open for the next event: Esc closes it.
    facilitator.keys(&["Enter", "Escape"]);
    facilitator.wait_screen("the event filed and the entry closed", |s| {
        s.contains("restarted the connection pool") && !s.contains("Quick entry")
    });
    let start = Instant::now();
    for w in [&watcher, &second] {
        never(&w.wait_until("restarted the connection pool", PROMPTLY));
    }
    assert!(start.elapsed() < PROMPTLY);
    // The facilitator selected the new event before it was saved: the
    // watchers select it too once it arrives.
    for w in [&watcher, &second] {
        w.wait_screen("the new event selected", |s| {
            s.lines()
                .any(|l| l.contains("▶") && l.contains("restarted the connection"))
        });
    }
    // Saved: in the journal at once (which the watchers showed it from),
    // in the review file once typing settles; a load reads both.
    let saved = debrief::store::load(&file).unwrap();
    assert!(
        saved
            .timeline
            .iter()
            .any(|e| e.text.contains("restarted the connection pool")),
        "{saved:?}"
    );

    // The facilitator moves to the next stage: the watchers follow.
    facilitator.keys(&["]"]);
    facilitator.wait_for("▶ 2 Moments");
    never(&watcher.wait_until("▶ 2 Moments", PROMPTLY));

    // The facilitator selects the notes in the details pane: they are on
    // the facilitator's screen, and only there.
    facilitator.keys(&["6", "G"]);
    facilitator.wait_for("secret words");
    never(&watcher.wait_until("private to the facilitator", PROMPTLY));
    never(&second.screen());

    // The facilitator opens the recovery chart: so do the watchers; and
    // closes it.
    facilitator.keys(&["C"]);
    facilitator.wait_for("Recovery chart");
    never(&watcher.wait_until("Recovery chart", PROMPTLY));
    facilitator.keys(&["C"]);
    for p in [&facilitator, &watcher] {
        p.wait_screen("the chart closed", |s| !s.contains("Recovery chart"));
    }

    // A watcher's own keys move its own view, and edit nothing.
    watcher.keys(&["x"]);
    never(&watcher.wait_for("Read-only"));
    watcher.quit();
    second.keys(&["C-c"]);
    second.wait_for("[exited 0]");

    // The facilitator still saves after the watchers leave, and its follow
    // file goes when it quits.
    facilitator.quit();
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("stage: KeyMoments"), "{saved}");
    let follow = d.join("reviews").join(format!("{id}.ron.follow"));
    assert!(!follow.exists(), "the follow file is removed on quit");
}

#[test]
fn a_watcher_keeps_the_last_good_review_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (id, file) = new_review(d, "Queue backlog");
    let good = std::fs::read_to_string(&file).unwrap();
    let folder = folder_state(d);

    let t = server(d);
    let watcher = watch(&t, "watcher", &id, 100, 30);
    watcher.wait_for("WATCHING · read-only");

    // A file cut short, written in place (not as debrief saves): the
    // watcher keeps what it showed and says why.
    std::fs::write(&file, &good[..good.len() / 2]).unwrap();
    watcher.wait_for("Could not reload the review");
    let screen = watcher.settled();
    assert!(screen.contains("Could not reload the review"), "{screen}");
    assert!(screen.contains("Queue backlog"), "{screen}");
    assert!(screen.contains("saw the login page fail"), "{screen}");

    // A good file again, renamed over it as debrief saves: shown.
    let renamed = good.replace("Queue backlog", "Queue backlog cleared");
    let tmp = d.join("reviews").join("incoming.tmp");
    std::fs::write(&tmp, renamed).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    watcher.wait_for("Queue backlog cleared");
    watcher.wait_for("up to date again");

    // SIGTERM: the watcher stops cleanly and gives the terminal back.
    let screen = watcher.terminate();
    assert!(screen.contains("[exited 0]"), "{screen}");
    assert!(screen.contains("[tty icanon echo ]"), "{screen}");
    assert_eq!(watcher.format("#{alternate_on}"), "0");

    // Nothing was added or touched in the folder but the review itself.
    std::fs::write(&file, &good).unwrap();
    let now: Vec<String> = folder_state(d).into_iter().map(|(n, ..)| n).collect();
    let then: Vec<String> = folder.iter().map(|(n, ..)| n.clone()).collect();
    assert_eq!(now, then, "a watcher creates no file");
    let others = |state: Vec<(String, u64, std::time::SystemTime)>| {
        state
            .into_iter()
            .filter(|(n, ..)| !n.ends_with(".ron"))
            .collect::<Vec<_>>()
    };
    assert_eq!(others(folder_state(d)), others(folder), "nor changes one");
}

/// Bytes written to each pane's terminal over `window`, while nobody
/// types.
fn idle_output(panes: &[&Pane], window: Duration, out: &Path) -> Vec<u64> {
    let files: Vec<PathBuf> = panes.iter().map(|p| out.join(format!("{p}.out"))).collect();
    for (p, file) in panes.iter().zip(&files) {
        std::fs::write(file, b"").unwrap();
        p.server().run(&[
            "pipe-pane",
            "-o",
            "-t",
            p.target(),
            &format!("cat >> {}", file.display()),
        ]);
    }
    // The one fixed wait: the window being measured.
    std::thread::sleep(window);
    for p in panes {
        p.server().run(&["pipe-pane", "-t", p.target()]);
    }
    files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .collect()
}

#[test]
fn idle_screens_write_next_to_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (id, _) = new_review(d, "Idle screens");
    let t = server(d);
    let facilitator = open(&t, "facilitator", &id);
    facilitator.wait_for("✓ saved");
    let watcher = watch(&t, "watcher", &id, 100, 30);
    watcher.wait_for("WATCHING · read-only");
    watcher.wait_for("Watching: the view follows the facilitator");
    // Both first frames are drawn in full before the measure starts.
    facilitator.settled();
    watcher.settled();

    let scratch = tempfile::tempdir().unwrap();
    let bytes = idle_output(
        &[&facilitator, &watcher],
        Duration::from_secs(3),
        scratch.path(),
    );
    assert!(
        bytes.iter().all(|b| *b < 64),
        "bytes written in 3 idle seconds (facilitator, watcher): {bytes:?}"
    );

    // Still alive and drawing: a key is answered.
    watcher.keys(&["?"]);
    watcher.wait_for("Help: every key");
    facilitator.quit();
    watcher.keys(&["?", "q"]);
    watcher.wait_for("[exited 0]");
}

/// A second debrief on a review someone holds shows it read-only, follows
/// the holder's saves, and takes it over with Ctrl-T once the holder has
/// quit; on quitting it says nothing was saved by it while read-only.
#[test]
fn a_read_only_view_follows_the_holder_and_takes_over_when_free() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (id, file) = new_review(d, "Held elsewhere");
    let t = server(d);
    let holder = open(&t, "holder", &id);
    holder.wait_for("saw the login page fail");
    let second = t.start_debrief("second", &format!("open {id}"), 80, 24);
    second.wait_for("Read-only: debrief");
    // The holder adds an event: the second view shows it once saved.
    holder.keys(&["n"]);
    holder.type_text("16:05 priya: restarted the auth pods");
    holder.keys(&["Enter", "Escape"]);
    second.wait_until("restarted the auth pods", PROMPTLY);
    holder.wait_screen("the quick entry closed", |s| !s.contains("Quick entry"));
    // Changes are refused while it is held.
    second.keys(&["x"]);
    second.wait_for("holds this review");
    holder.keys(&["q"]);
    holder.wait_for("[exited 0]");
    second.wait_until("Ctrl-T takes it over", PROMPTLY);
    second.keys(&["C-t"]);
    second.wait_screen("the review open to change", |s| {
        s.lines().next().is_some_and(|l| !l.contains("read-only"))
    });
    second.keys(&["s"]);
    // The star is saved within a second of the key.
    let start = Instant::now();
    let saved = loop {
        let saved = std::fs::read_to_string(&file).unwrap();
        if saved.contains("starred: true") || start.elapsed() > PROMPTLY {
            break saved;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        saved.contains("starred: true"),
        "the star is saved:\n{saved}"
    );
    assert!(saved.contains("restarted the auth pods"), "{saved}");
    let end = second.quit();
    assert!(end.contains("Saved "), "{end}");
}
