//! The real binary in real terminals: tmux runs it, `send-keys` types,
//! `capture-pane` reads the screen. No fixed sleeps: every wait polls the
//! screen until what it waits for appears, or fails with the screen shown.
//!
//! The binary is `$DEBRIEF_BIN` when set (CI sets the release build),
//! else the one cargo built for these tests. tmux must be installed
//! (`.ci/run` installs it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long any step may take on a slow machine.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(20);

/// The debrief binary under test.
pub fn binary() -> PathBuf {
    std::env::var_os("DEBRIEF_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_debrief").into())
}

/// Runs debrief with `args` and `DEBRIEF_DIR` at `dir`; it must succeed.
/// Returns what it printed.
pub fn debrief(dir: &Path, args: &[&str]) -> String {
    let mut command = Command::new(binary());
    command.args(args).env("DEBRIEF_DIR", dir);
    let out = succeed(command, "debrief runs", &format!("debrief {args:?}"));
    String::from_utf8(out).expect("UTF-8 output")
}

/// Creates a Sev3 review titled `title` in `dir`, without opening it;
/// returns its id.
pub fn new_sev3(dir: &Path, title: &str) -> String {
    debrief(dir, &["new", title, "--sev", "3", "--no-open"])
        .trim()
        .to_owned()
}

/// The review `id` as saved in `dir`.
pub fn saved(dir: &Path, id: &str) -> debrief::domain::Review {
    let path = dir.join("reviews").join(format!("{id}.ron"));
    debrief::store::load(&path).expect("the saved review loads")
}

/// Runs `command`, which must start (`runs` says how it could) and
/// succeed (`what` names it if not); returns what it printed.
fn succeed(mut command: Command, runs: &str, what: &str) -> Vec<u8> {
    let out = command.output().expect(runs);
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The review file in `dir`'s reviews folder (the first, if several).
pub fn review_file(dir: &Path) -> PathBuf {
    let reviews = dir.join("reviews");
    std::fs::read_dir(&reviews)
        .expect("the reviews folder exists")
        .map(|e| e.expect("an entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .expect("a review file")
}

/// A process whose parent is `parent`, from /proc/<pid>/stat.
pub fn child_of(parent: u32) -> Option<u32> {
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

/// A tmux server of its own, killed when dropped; its sessions are named
/// by the test.
pub struct Server {
    socket: String,
    dir: PathBuf,
    /// The server's configuration file; without one, tmux reads none
    /// (`-f /dev/null`).
    conf: Option<tempfile::NamedTempFile>,
}

impl Server {
    /// A server with tmux's defaults (no configuration file is read),
    /// whose sessions run in `dir`.
    pub fn new(dir: &Path) -> Server {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        Server {
            socket: format!(
                "debrief-test-{}-{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ),
            dir: dir.to_owned(),
            conf: None,
        }
    }

    /// A server that reads `conf` as its configuration.
    pub fn with_conf(dir: &Path, conf: &str) -> Server {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut file, conf.as_bytes()).unwrap();
        let mut server = Server::new(dir);
        server.conf = Some(file);
        server
    }

    /// The server's socket name, for `tmux -L`.
    pub fn socket(&self) -> &str {
        &self.socket
    }

    /// Starts `script` (run by `sh -c`) in a new `width`x`height` session
    /// named `name`, with `DEBRIEF_DIR` pointing at the server's folder.
    /// When the script ends, the pane says how, and stays.
    pub fn start(&self, name: &str, script: &str, width: u16, height: u16) -> Pane<'_> {
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
        self.pane(name)
    }

    /// Starts debrief with `args` (shell words) in a new `width`x`height`
    /// session named `name`.
    pub fn start_debrief(&self, name: &str, args: &str, width: u16, height: u16) -> Pane<'_> {
        let script = format!("{} {args}", binary().display());
        self.start(name, &script, width, height)
    }

    /// The session `name`, started before.
    pub fn pane(&self, name: &str) -> Pane<'_> {
        Pane {
            server: self,
            target: name.to_owned(),
        }
    }

    /// Runs a tmux command on this server; it must succeed. Returns what
    /// it printed.
    pub fn run(&self, args: &[&str]) -> String {
        let conf = self
            .conf
            .as_ref()
            .map_or(Path::new("/dev/null"), |c| c.path());
        let mut command = Command::new("tmux");
        command
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg(conf)
            .args(args);
        let out = succeed(
            command,
            "tmux runs (install it: apt-get install -y tmux)",
            &format!("tmux {args:?}"),
        );
        String::from_utf8_lossy(&out).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// One session of a server: its window, and the pane in it.
pub struct Pane<'a> {
    server: &'a Server,
    target: String,
}

impl Pane<'_> {
    pub fn server(&self) -> &Server {
        self.server
    }

    /// The pane's name for tmux's `-t`.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Sends keys in tmux's names: `Enter`, `Escape`, `C-s`, `Tab`, or
    /// single characters.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.target];
        args.extend_from_slice(keys);
        self.server.run(&args);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.server
            .run(&["send-keys", "-t", &self.target, "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.server.run(&["capture-pane", "-p", "-t", &self.target])
    }

    /// The value of a tmux format, such as `#{alternate_on}`, for the pane.
    pub fn format(&self, format: &str) -> String {
        self.server
            .run(&["display-message", "-p", "-t", &self.target, format])
            .trim()
            .to_owned()
    }

    /// Waits until the screen holds `needle`; returns the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, PATIENCE)
    }

    /// Waits at most `limit` for `needle` on the screen.
    pub fn wait_until(&self, needle: &str, limit: Duration) -> String {
        self.poll(
            limit,
            |screen| screen.contains(needle),
            |screen| format!("waited {limit:?} for {needle:?} in {self}; the screen is:\n{screen}"),
        )
    }

    /// Waits until `check` holds for the screen; `what` names it.
    pub fn wait_screen(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        self.poll(PATIENCE, check, |screen| {
            format!("waited for {what} in {self}; the screen is:\n{screen}")
        })
    }

    fn poll(
        &self,
        limit: Duration,
        check: impl Fn(&str) -> bool,
        failure: impl Fn(&str) -> String,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(start.elapsed() < limit, "{}", failure(&screen));
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen stays the same for a few polls: no frame is
    /// being drawn.
    pub fn settled(&self) -> String {
        let start = Instant::now();
        let mut last = self.screen();
        let mut same = 0;
        while same < 5 {
            std::thread::sleep(Duration::from_millis(40));
            let screen = self.screen();
            if screen == last {
                same += 1;
            } else {
                same = 0;
                last = screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{self} never settled; the screen is:\n{last}"
            );
        }
        last
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.server.run(&[
            "resize-window",
            "-t",
            &self.target,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// The pid of the program the pane's shell runs: the shell's child,
    /// found in /proc.
    pub fn child_pid(&self) -> u32 {
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
            std::thread::sleep(POLL);
        }
    }

    /// Sends SIGTERM to the program the pane's shell runs; returns the
    /// screen once the pane says it has exited.
    pub fn terminate(&self) -> String {
        let pid = self.child_pid();
        let status = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.wait_for("[exited")
    }

    /// Presses `q` and waits until the program has exited with status 0;
    /// returns the screen.
    pub fn quit(&self) -> String {
        self.keys(&["q"]);
        self.wait_for("[exited 0]")
    }
}

impl std::fmt::Display for Pane<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.target)
    }
}
