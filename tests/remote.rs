//! A remote review, end to end: the facilitator's debrief in tmux, other
//! people following it through a read-only tmux client or `debrief
//! watch`. The real binary runs in real terminals; every step polls the
//! screen until what it waits for appears, or fails with the screen shown.
//! The only fixed wait is the window in which idle output is measured.
//!
//! The binary is `$DEBRIEF_BIN` when set (CI sets the release build),
//! else the one cargo built for these tests. tmux must be installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long any step may take on a slow machine.
const PATIENCE: Duration = Duration::from_secs(20);
/// How long a watcher may take to show a change the facilitator made: it
/// is saved within a second and seen within 100 ms of the save; the rest
/// is room for a slow CI machine.
const PROMPTLY: Duration = Duration::from_secs(3);

fn binary() -> PathBuf {
    std::env::var_os("DEBRIEF_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_debrief").into())
}

/// A tmux server of its own; sessions are named by the test.
struct Server {
    socket: String,
    dir: PathBuf,
    /// The server's configuration: no status line (it would only take a
    /// row from debrief), and keys typed quickly are keys, not a paste
    /// (tmux runs no binding, such as detach, within a paste).
    conf: tempfile::NamedTempFile,
}

impl Server {
    fn new(dir: &Path) -> Server {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        Server {
            socket: format!(
                "debrief-remote-{}-{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ),
            dir: dir.to_owned(),
            conf: {
                let mut conf = tempfile::NamedTempFile::new().unwrap();
                std::io::Write::write_all(
                    &mut conf,
                    b"set -g status off\nset -g assume-paste-time 0\n",
                )
                .unwrap();
                conf
            },
        }
    }

    /// Starts `script` (run by `sh -c`) in a new `width`x`height` session
    /// named `name`, with `DEBRIEF_DIR` pointing at the test's folder. When
    /// the script ends, the pane says how, and stays.
    fn start(&self, name: &str, script: &str, width: u16, height: u16) {
        let full = format!(
            "cd {dir}; export DEBRIEF_DIR={dir} TERM=xterm-256color LANG=C.UTF-8 TZ=UTC; \
             unset TMUX; {script}; \
             status=$?; modes=$(stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '); \
             echo \"[exited $status] [tty $modes]\"; exec sleep 600",
            dir = self.dir.display()
        );
        self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &full,
        ]);
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg(self.conf.path())
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

    fn keys(&self, target: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", target];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn type_text(&self, target: &str, text: &str) {
        self.run(&["send-keys", "-t", target, "-l", text]);
    }

    fn screen(&self, target: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", target])
    }

    fn format(&self, target: &str, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", target, format])
            .trim()
            .to_owned()
    }

    /// Waits until `target`'s screen holds `needle`; returns the screen.
    fn wait_for(&self, target: &str, needle: &str) -> String {
        self.wait_until(target, needle, PATIENCE)
    }

    /// Waits at most `limit` for `needle` on `target`'s screen.
    fn wait_until(&self, target: &str, needle: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(target);
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < limit,
                "waited {limit:?} for {needle:?} in {target}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `target`'s screen stays the same for a few polls: no
    /// frame is being drawn.
    fn settled(&self, target: &str) -> String {
        let start = Instant::now();
        let mut last = self.screen(target);
        let mut same = 0;
        while same < 5 {
            std::thread::sleep(Duration::from_millis(40));
            let screen = self.screen(target);
            if screen == last {
                same += 1;
            } else {
                same = 0;
                last = screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{target} never settled; the screen is:\n{last}"
            );
        }
        last
    }

    /// Waits until `check` holds for `target`'s screen.
    fn wait_screen(&self, target: &str, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(target);
            if check(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what} in {target}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn resize(&self, target: &str, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            target,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The pid of the program the pane's shell runs.
    fn child_pid(&self, target: &str) -> u32 {
        let shell: u32 = self.format(target, "#{pane_pid}").parse().expect("a pid");
        let start = Instant::now();
        loop {
            if let Some(pid) = child_of(shell) {
                return pid;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "no process under the shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
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
            let rest = &stat[stat.rfind(')')? + 2..];
            let ppid: u32 = rest.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == parent).then_some(pid)
        })
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

/// A review with one event, ready to open; returns its id.
fn new_review(dir: &Path, title: &str) -> String {
    let id = debrief(dir, &["new", title, "--sev", "2", "--no-open"])
        .trim()
        .to_owned();
    debrief(
        dir,
        &["add", &id, "event", "16:02 gary: saw the login page fail"],
    );
    id
}

fn review_path(dir: &Path, id: &str) -> PathBuf {
    dir.join("reviews").join(format!("{id}.ron"))
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
    let id = new_review(d, "Login failures");
    let file = review_path(d, &id);

    // The facilitator's tmux, with debrief in the session "review".
    let inner = Server::new(d);
    inner.start(
        "review",
        &format!("{} open {id}", binary().display()),
        120,
        40,
    );
    inner.wait_for("review", "saw the login page fail");
    // Two terminals of different sizes attach to it: the facilitator's
    // and a participant's, read-only. Each is a pane of another tmux.
    let outer = Server::new(d);
    let attach = |flags: &str| format!("tmux -L {} attach {flags} -t review", inner.socket);
    outer.start("facilitator", &attach(""), 120, 40);
    outer.wait_for("facilitator", "saw the login page fail");
    // Alone, a read-only client would size the window: it joins once the
    // facilitator's is there.
    outer.start("participant", &attach("-r"), 90, 28);
    outer.wait_for("participant", "Login failures");
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
        inner.format("review", "#{window_width}x#{window_height}"),
        "120x40",
        "the read-only client does not shrink the window"
    );
    inner.wait_screen("review", "the screen whole at 120x40", |s| {
        whole(s, "Login failures", 120, 40)
    });

    // The facilitator's terminal shrinks: debrief redraws whole at the
    // new size, and the participant sees it.
    outer.resize("facilitator", 100, 30);
    inner.wait_screen("review", "the screen whole at 100x30", |s| {
        whole(s, "Login failures", 100, 30)
    });
    assert_eq!(
        inner.format("review", "#{window_width}x#{window_height}"),
        "100x30"
    );
    outer.wait_screen("participant", "the header at 100 columns", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.starts_with(" SEV2") && l.contains("Login failures"))
    });

    // The participant's terminal changes size, larger and smaller: the
    // window, and so debrief's screen, stay as they are.
    let before = inner.screen("review");
    for (w, h) in [(140, 45), (80, 24)] {
        outer.resize("participant", w, h);
        outer.wait_screen("participant", "the header again", |s| {
            s.lines()
                .next()
                .is_some_and(|l| l.starts_with(" SEV2") && l.contains("Login failures"))
        });
        assert_eq!(
            inner.format("review", "#{window_width}x#{window_height}"),
            "100x30"
        );
        assert_eq!(inner.screen("review"), before);
    }

    // The facilitator's terminal grows back: whole again.
    outer.resize("facilitator", 120, 40);
    inner.wait_screen("review", "the screen whole at 120x40", |s| {
        whole(s, "Login failures", 120, 40)
    });
    let before = inner.screen("review");
    let saved = std::fs::read(&file).unwrap();

    // The participant types: delete, next stage, quit, a new event. A
    // read-only client passes none of it on. Its detach key is the one
    // that works; once it has detached, every key before it was handled.
    outer.keys("participant", &["x", "]", "n"]);
    outer.type_text(
        "participant",
        "17:00 mallory: typed into a read-only client",
    );
    outer.keys("participant", &["Enter", "q"]);
    // Keys that come in a burst count as a paste, which runs no binding:
    // the detach key is sent on its own, again until it works.
    let start = Instant::now();
    'detached: loop {
        outer.keys("participant", &["C-b", "d"]);
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
    outer.keys("facilitator", &["?"]);
    inner.wait_for("review", "Everywhere");
    outer.keys("facilitator", &["?"]);
    // The screen as it was, once the help is gone: had a key got
    // through, it would differ (another stage, no event, no debrief).
    inner.wait_screen("review", "the facilitator's screen as it was", |s| {
        s == before
    });
    assert_eq!(
        std::fs::read(&file).unwrap(),
        saved,
        "the review file is unchanged"
    );

    outer.keys("facilitator", &["q"]);
    inner.wait_for("review", "[exited 0]");
}

#[test]
fn a_watcher_follows_edits_and_stages_and_never_shows_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, "Login failures");
    debrief(d, &["set", &id, "notes", "secret words"]);
    let file = review_path(d, &id);
    let bin = binary();

    let t = Server::new(d);
    t.start(
        "facilitator",
        &format!("{} open {id}", bin.display()),
        120,
        40,
    );
    t.wait_for("facilitator", "saw the login page fail");
    // Two watchers, at sizes of their own.
    t.start("watcher", &format!("{} watch {id}", bin.display()), 100, 30);
    t.start("second", &format!("{} watch {id}", bin.display()), 80, 24);
    for w in ["watcher", "second"] {
        t.wait_for(w, "WATCHING · read-only");
        t.wait_for(w, "saw the login page fail");
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
    t.keys("facilitator", &["n"]);
    t.type_text("facilitator", "16:05 ana: restarted the connection pool");
    t.keys("facilitator", &["Enter"]);
    t.wait_for("facilitator", "restarted the connection pool");
    let start = Instant::now();
    for w in ["watcher", "second"] {
        never(&t.wait_until(w, "restarted the connection pool", PROMPTLY));
    }
    assert!(start.elapsed() < PROMPTLY);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("restarted the connection pool"), "{saved}");

    // The facilitator moves to the next stage: the watchers follow.
    t.keys("facilitator", &["]"]);
    t.wait_for("facilitator", "▶ 2 Moments");
    never(&t.wait_until("watcher", "▶ 2 Moments", PROMPTLY));

    // The facilitator selects the notes in the details pane: they are on
    // the facilitator's screen, and only there.
    t.keys("facilitator", &["6", "G"]);
    t.wait_for("facilitator", "secret words");
    never(&t.wait_until("watcher", "private to the facilitator", PROMPTLY));
    never(&t.screen("second"));

    // The facilitator opens the recovery chart: so do the watchers; and
    // closes it.
    t.keys("facilitator", &["C"]);
    t.wait_for("facilitator", "Recovery chart");
    never(&t.wait_until("watcher", "Recovery chart", PROMPTLY));
    t.keys("facilitator", &["C"]);
    t.wait_screen("facilitator", "the chart closed", |s| {
        !s.contains("Recovery chart")
    });
    t.wait_screen("watcher", "the chart closed", |s| {
        !s.contains("Recovery chart")
    });

    // A watcher's own keys move its own view, and edit nothing.
    t.keys("watcher", &["x"]);
    never(&t.wait_for("watcher", "Read-only"));
    t.keys("watcher", &["q"]);
    t.wait_for("watcher", "[exited 0]");
    t.keys("second", &["C-c"]);
    t.wait_for("second", "[exited 0]");

    // The facilitator still saves after the watchers leave, and its follow
    // file goes when it quits.
    t.keys("facilitator", &["q"]);
    t.wait_for("facilitator", "[exited 0]");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("stage: KeyMoments"), "{saved}");
    let follow = d.join("reviews").join(format!("{id}.ron.follow"));
    assert!(!follow.exists(), "the follow file is removed on quit");
}

#[test]
fn a_watcher_keeps_the_last_good_review_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, "Queue backlog");
    let file = review_path(d, &id);
    let good = std::fs::read_to_string(&file).unwrap();
    let folder = folder_state(d);

    let t = Server::new(d);
    t.start(
        "watcher",
        &format!("{} watch {id}", binary().display()),
        100,
        30,
    );
    t.wait_for("watcher", "WATCHING · read-only");

    // A file cut short, written in place (not as debrief saves): the
    // watcher keeps what it showed and says why.
    std::fs::write(&file, &good[..good.len() / 2]).unwrap();
    t.wait_for("watcher", "Could not reload the review");
    let screen = t.settled("watcher");
    assert!(screen.contains("Could not reload the review"), "{screen}");
    assert!(screen.contains("Queue backlog"), "{screen}");
    assert!(screen.contains("saw the login page fail"), "{screen}");

    // A good file again, renamed over it as debrief saves: shown.
    let renamed = good.replace("Queue backlog", "Queue backlog cleared");
    let tmp = d.join("reviews").join("incoming.tmp");
    std::fs::write(&tmp, renamed).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    t.wait_for("watcher", "Queue backlog cleared");
    t.wait_for("watcher", "up to date again");

    // SIGTERM: the watcher stops cleanly and gives the terminal back.
    let pid = t.child_pid("watcher");
    let status = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let screen = t.wait_for("watcher", "[exited");
    assert!(screen.contains("[exited 0]"), "{screen}");
    assert!(screen.contains("[tty icanon echo ]"), "{screen}");
    assert_eq!(t.format("watcher", "#{alternate_on}"), "0");

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

/// Bytes written to `target`'s terminal over `window`, while nobody types.
fn idle_output(t: &Server, targets: &[&str], window: Duration, out: &Path) -> Vec<u64> {
    let files: Vec<PathBuf> = targets
        .iter()
        .map(|name| out.join(format!("{name}.out")))
        .collect();
    for (target, file) in targets.iter().zip(&files) {
        std::fs::write(file, b"").unwrap();
        t.run(&[
            "pipe-pane",
            "-o",
            "-t",
            target,
            &format!("cat >> {}", file.display()),
        ]);
    }
    // The one fixed wait: the window being measured.
    std::thread::sleep(window);
    for target in targets {
        t.run(&["pipe-pane", "-t", target]);
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
    let id = new_review(d, "Idle screens");
    let bin = binary();
    let t = Server::new(d);
    t.start(
        "facilitator",
        &format!("{} open {id}", bin.display()),
        120,
        40,
    );
    t.wait_for("facilitator", "✓ saved");
    t.start("watcher", &format!("{} watch {id}", bin.display()), 100, 30);
    t.wait_for("watcher", "WATCHING · read-only");
    t.wait_for("watcher", "Watching: the view follows the facilitator");
    // Both first frames are drawn in full before the measure starts.
    t.settled("facilitator");
    t.settled("watcher");

    let scratch = tempfile::tempdir().unwrap();
    let bytes = idle_output(
        &t,
        &["facilitator", "watcher"],
        Duration::from_secs(3),
        scratch.path(),
    );
    assert!(
        bytes.iter().all(|b| *b < 64),
        "bytes written in 3 idle seconds (facilitator, watcher): {bytes:?}"
    );

    // Still alive and drawing: a key is answered.
    t.keys("watcher", &["?"]);
    t.wait_for("watcher", "Everywhere");
    t.keys("facilitator", &["q"]);
    t.wait_for("facilitator", "[exited 0]");
    t.keys("watcher", &["?", "q"]);
    t.wait_for("watcher", "[exited 0]");
}
