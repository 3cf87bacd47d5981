//! Nothing debrief writes to a terminal can drive it: hostile text given to
//! every command that echoes (arguments, standard input, a team's coach
//! file, unknown ids, bad values) comes out with its control, bidi and
//! invisible characters shown, never raw. Standard output and standard
//! error are checked byte by byte; JSON must carry such text as `\u` escapes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

/// Every kind of character that can move the cursor, rewrite the screen,
/// reach the clipboard, reorder text or hide it.
const EVIL: &str = "A\x1b[2J\x1b]52;c;aGk=\x07B\rC\x08D\x7fE\u{9b}31mF\u{85}G\u{202e}H\u{2066}I\u{200b}J\u{2028}K\u{feff}L\u{200d}M\u{2029}N\u{200e}O";

/// The characters of [`EVIL`] that stored text still holds (a review keeps
/// invisible characters as they were typed): JSON must escape them.
const KEPT: [char; 5] = ['\u{200b}', '\u{2028}', '\u{feff}', '\u{200d}', '\u{2029}'];

struct Run {
    what: String,
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

struct Sandbox {
    _dir: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let config = dir.path().join("config");
        fs::create_dir_all(config.join("debrief")).unwrap();
        Sandbox {
            data,
            config,
            _dir: dir,
        }
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let envs = [
            ("DEBRIEF_DIR", self.data.as_os_str()),
            ("XDG_CONFIG_HOME", self.config.as_os_str()),
            ("DEBRIEF_USER", std::ffi::OsStr::new("tester")),
        ];
        let out = common::run::run_debrief(args, &envs, stdin);
        Run {
            what: format!("debrief {args:?}"),
            code: out.status.code().unwrap_or(-1),
            stdout: out.stdout,
            stderr: out.stderr,
        }
    }

    /// Runs a command that must succeed, its output checked.
    fn ok(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let run = self.run(args, stdin);
        assert_eq!(
            run.code,
            0,
            "{} failed: {}",
            run.what,
            String::from_utf8_lossy(&run.stderr)
        );
        assert_clean(&run);
        run
    }

    /// Runs a command that must fail with `code`, its output checked.
    fn fails(&self, args: &[&str], stdin: Option<&str>, code: i32) -> Run {
        let run = self.run(args, stdin);
        assert_eq!(
            run.code,
            code,
            "{} should fail with {code}: {}",
            run.what,
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(!run.stderr.is_empty(), "{} says nothing", run.what);
        assert_clean(&run);
        run
    }

    fn new_review(&self, title: &str) -> String {
        let run = self.ok(&["new", title, "--no-open"], None);
        String::from_utf8(run.stdout).unwrap().trim().to_owned()
    }
}

/// The first character a terminal could act on, or that hides or reorders
/// text, with its position.
fn dangerous(bytes: &[u8]) -> Option<(usize, String)> {
    if let Some(i) = bytes
        .iter()
        .position(|b| matches!(b, 0x1b | 0x07 | 0x08 | 0x0d | 0x7f | 0x00))
    {
        return Some((i, format!("byte {:#04x}", bytes[i])));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Some((e.valid_up_to(), "invalid UTF-8".into())),
    };
    text.char_indices()
        .find(|(_, c)| {
            matches!(*c as u32,
                0x80..=0x9f
                | 0x061c | 0x200b..=0x200f | 0x202a..=0x202e | 0x2066..=0x2069
                | 0x2028 | 0x2029 | 0x2060..=0x2064 | 0xfeff)
                || (c.is_control() && *c != '\n')
        })
        .map(|(i, c)| (i, format!("U+{:04X}", c as u32)))
}

fn assert_clean_bytes(what: &str, stream: &str, bytes: &[u8]) {
    if let Some((at, found)) = dangerous(bytes) {
        let from = at.saturating_sub(40);
        let to = (at + 40).min(bytes.len());
        panic!(
            "{what}: {found} at byte {at} of {stream}: {:?}",
            String::from_utf8_lossy(&bytes[from..to])
        );
    }
}

fn assert_clean(run: &Run) {
    assert_clean_bytes(&run.what, "stdout", &run.stdout);
    assert_clean_bytes(&run.what, "stderr", &run.stderr);
}

fn stderr(run: &Run) -> String {
    String::from_utf8(run.stderr.clone()).unwrap()
}

fn stdout(run: &Run) -> String {
    String::from_utf8(run.stdout.clone()).unwrap()
}

/// Whether `s` shows the parts of [`EVIL`] in their visible form (in pieces
/// that Markdown escaping leaves as they are).
fn shows_evil(s: &str) -> bool {
    [
        "A␛",
        "␇B␍C␈D␡E",
        "U+009B>31mF",
        "U+0085>G",
        "U+202E>H",
        "U+200B>J",
        "U+2028>K",
        "U+FEFF>L",
        "U+200D>M",
    ]
    .iter()
    .all(|part| s.contains(part))
}

/// Text as a RON string, every character outside printable ASCII escaped.
fn ron_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out.push('"');
    out
}

const FIELDS: [&str; 13] = [
    "title",
    "incident",
    "detected-by",
    "alerted-first",
    "commander",
    "facilitator",
    "summary",
    "services",
    "customer-impact",
    "sla-impact",
    "proximate-cause",
    "resolution",
    "notes",
];

#[test]
fn setting_a_field_echoes_its_value_visibly() {
    let s = Sandbox::new();
    let id = s.new_review(EVIL);
    for field in FIELDS {
        let run = s.ok(&["set", &id, field, EVIL], None);
        let said = stderr(&run);
        assert!(
            said.contains(&format!("{} = ", field.replace('-', " "))) && shows_evil(&said),
            "{field}: {said:?}"
        );
    }
    let run = s.ok(&["set", &id, "summary", "line one\nline two"], None);
    assert!(
        stderr(&run).contains("summary = line one␊line two\n"),
        "a message stays on one line: {:?}",
        stderr(&run)
    );
}

#[test]
fn bad_values_are_quoted_visibly_in_errors() {
    let s = Sandbox::new();
    let id = s.new_review("Hostile values");
    for field in [
        "severity", "status", "kind", "offset", "started", "detected", "resolved",
    ] {
        let run = s.fails(&["set", &id, field, EVIL], None, 1);
        assert!(shows_evil(&stderr(&run)), "{field}: {:?}", stderr(&run));
    }
    // Unknown reviews, fields and bad options, reported by debrief or by
    // the command-line parser.
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["show", EVIL], 1),
        (vec!["export", EVIL], 1),
        (vec!["open", EVIL], 1),
        (vec!["set", EVIL, "title", "x"], 1),
        (vec!["add", EVIL, "parking", "x"], 1),
        (vec!["coach", "--review", EVIL], 1),
        (vec!["set", &id, EVIL, "x"], 2),
        (vec!["add", &id, "event", "x", "--at", EVIL], 1),
        (vec!["add", &id, "action", "x", "--due", EVIL], 1),
        (vec!["add", &id, "action", "x", "--priority", EVIL], 2),
        (vec!["add", &id, "action", "x", "--status", EVIL], 2),
        (vec!["add", &id, "event", "10:00 x", "--phase", EVIL], 2),
        (vec!["add", &id, "event", "10:00 x", "--impact", EVIL], 2),
        (vec!["add", &id, "event", "10:00 x", "--kind", EVIL], 2),
        (vec!["add", &id, "learning", "x", "--kind", EVIL], 2),
        (vec!["add", &id, "factor", "x", "--area", EVIL], 2),
        (vec!["add", &id, "participant", "x", "--role", EVIL], 2),
        (vec!["new", "x", "--offset", EVIL], 2),
        (vec!["new", "x", "--sev", EVIL], 2),
        (vec![EVIL], 2),
        (vec!["list", EVIL], 2),
        (vec!["export", &id, EVIL], 2),
        (vec!["export", &id, "--format", EVIL], 2),
    ];
    for (args, code) in &cases {
        let run = s.fails(args, None, *code);
        assert!(
            shows_evil(&stderr(&run)),
            "{}: the bad value is not shown: {:?}",
            run.what,
            stderr(&run)
        );
    }
    // An event without a time: its first word is quoted as the bad time.
    let run = s.fails(&["add", &id, "event", EVIL], None, 1);
    assert!(
        stderr(&run).contains("'A␛[2J␛]52;c;aGk=␇B' is not a time"),
        "{}",
        stderr(&run)
    );
    // A bad line of a piped chat export names its line and shows it.
    let run = s.fails(
        &["add", &id, "event", "-"],
        Some(&format!("10:00 ana: fine\n{EVIL}\n")),
        1,
    );
    let said = stderr(&run);
    assert!(
        said.contains("standard input line 2: 'A␛[2J␛]52;c;aGk=␇B' is not a time"),
        "{said:?}"
    );
    // Help and version are the parser's own, unchanged.
    let help = s.ok(&["--help"], None);
    assert!(
        stdout(&help).contains("Usage: debrief"),
        "{}",
        stdout(&help)
    );
    let version = s.ok(&["--version"], None);
    assert!(stdout(&version).starts_with("debrief "));
    let missing = s.fails(&["add"], None, 2);
    assert!(stderr(&missing).contains("Usage:"), "{}", stderr(&missing));
}

/// A review with hostile text in every field and every kind of item, added
/// from arguments and from standard input.
fn hostile_review(s: &Sandbox) -> String {
    let id = s.new_review(EVIL);
    for field in FIELDS {
        s.ok(&["set", &id, field, EVIL], None);
    }
    s.ok(&["set", &id, "started", "2026-11-23 09:00"], None);
    let timed = format!("10:00 {EVIL}: {EVIL}");
    let piped = format!("10:05 ana: {EVIL}\n10:06 {EVIL}\n");
    s.ok(
        &[
            "add",
            &id,
            "event",
            &timed,
            "--actor",
            EVIL,
            "--link",
            EVIL,
            "--link",
            "https://x.example/a",
        ],
        None,
    );
    s.ok(&["add", &id, "event", EVIL, "--at", "10:02"], None);
    s.ok(&["add", &id, "event", "-"], Some(&piped));
    for kind in ["learning", "parking", "participant"] {
        s.ok(&["add", &id, kind, EVIL], None);
        s.ok(&["add", &id, kind, "-"], Some(&format!("{EVIL}\n{EVIL}\n")));
    }
    s.ok(&["add", &id, "factor", EVIL, "--area", "people"], None);
    s.ok(
        &["add", &id, "factor", "-", "--area", "process"],
        Some(&format!("{EVIL}\n")),
    );
    s.ok(
        &[
            "add", &id, "action", EVIL, "--owner", EVIL, "--ticket", EVIL,
        ],
        None,
    );
    s.ok(&["add", &id, "action", "-"], Some(&format!("{EVIL}\n")));
    let run = s.ok(&["add", &id, "learning", "x", "--event", "1"], None);
    assert!(
        stdout(&run).trim().parse::<u64>().is_ok(),
        "{}",
        stdout(&run)
    );
    id
}

#[test]
fn every_item_is_added_without_an_echo_and_shown_visibly() {
    let s = Sandbox::new();
    let id = hostile_review(&s);
    let show = s.ok(&["show", &id], None);
    assert!(shows_evil(&stdout(&show)), "{}", stdout(&show));
    let list = s.ok(&["list"], None);
    assert!(shows_evil(&stdout(&list)), "{}", stdout(&list));
    for args in [
        vec!["export", id.as_str()],
        vec!["export", id.as_str(), "--public"],
    ] {
        let run = s.ok(&args, None);
        assert!(shows_evil(&stdout(&run)), "{args:?}: {}", stdout(&run));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{EVIL}.md"));
    let file_arg = file.to_str().unwrap();
    let run = s.ok(&["export", &id, "-o", file_arg], None);
    assert!(stderr(&run).contains("wrote "), "{}", stderr(&run));
    assert!(shows_evil(&stderr(&run)), "the path: {}", stderr(&run));
    assert_clean_bytes(
        "the file of export -o",
        "the file",
        &fs::read(&file).unwrap(),
    );
    let folder = dir.path().join("all");
    fs::create_dir(&folder).unwrap();
    s.ok(&["export", &id, "--to", folder.to_str().unwrap()], None);
    let mut written = 0;
    for entry in fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        assert_clean_bytes(
            &path.display().to_string(),
            "the file",
            &fs::read(&path).unwrap(),
        );
        written += 1;
    }
    assert_eq!(written, 3, "both reports and the chart");
}

/// JSON keeps every character it was given, but writes the dangerous ones
/// as `\u` escapes.
fn assert_json_escapes(run: &Run, check: impl Fn(&serde_json::Value) -> bool) {
    let text = stdout(run);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        check(&value),
        "{}: the text is not all there: {text}",
        run.what
    );
    for c in KEPT {
        let escaped = format!("\\u{:04x}", c as u32);
        assert!(
            text.contains(&escaped),
            "{}: no {escaped} in {text}",
            run.what
        );
    }
}

fn holds_evil(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => KEPT.iter().all(|c| s.contains(*c)),
        serde_json::Value::Array(items) => items.iter().any(holds_evil),
        serde_json::Value::Object(map) => map.values().any(holds_evil),
        _ => false,
    }
}

#[test]
fn json_escapes_what_it_must_not_write_raw() {
    let s = Sandbox::new();
    let id = hostile_review(&s);
    for args in [
        vec!["export", id.as_str(), "--format", "json"],
        vec!["export", id.as_str(), "--format", "json", "--public"],
        vec!["list", "--json"],
    ] {
        let run = s.ok(&args, None);
        assert_json_escapes(&run, holds_evil);
    }
}

#[test]
fn the_coach_shows_a_teams_names_and_questions_visibly() {
    let s = Sandbox::new();
    let coach = format!(
        "(categories: [(id: counterfactual, name: {name}, questions: [{q}]), \
         (id: blame, name: {name}, explanation: {name}, questions: [{q}, {q}])])",
        name = ron_string(EVIL),
        q = ron_string(&format!("{EVIL}?")),
    );
    fs::write(s.config.join("debrief/coach.ron"), coach).unwrap();
    let id = s.new_review("Coach");
    s.ok(
        &[
            "set",
            &id,
            "summary",
            &format!("{EVIL} should have checked"),
        ],
        None,
    );
    let sentence = format!("{EVIL} should have known; Bob's mistake");
    for (args, stdin) in [
        (vec!["coach", sentence.as_str()], None),
        (vec!["coach", "-"], Some(sentence.as_str())),
        (vec!["coach"], Some(sentence.as_str())),
        (vec!["coach", "--review", id.as_str()], None),
    ] {
        let run = s.ok(&args, stdin);
        let out = stdout(&run);
        assert!(
            out.lines().count() >= 1 && shows_evil(&out),
            "{}: {out:?}",
            run.what
        );
    }
    for args in [
        vec!["coach", "--json", sentence.as_str()],
        vec!["coach", "--json", "--review", id.as_str()],
    ] {
        // A team's words are made visible as its file is read, so the
        // JSON carries them as shown.
        let run = s.ok(&args, None);
        let out = stdout(&run);
        assert_clean_bytes(&run.what, "standard output", out.as_bytes());
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(
            value.as_array().is_some_and(|rows| rows.iter().any(|r| {
                r["name"].as_str().is_some_and(shows_evil)
                    && r["question"].as_str().is_some_and(shows_evil)
            })),
            "{}: {out}",
            run.what
        );
    }
    let run = s.ok(&["export", &id], None);
    assert!(stdout(&run).contains("Language and bias"));
}

#[test]
fn a_broken_team_file_is_reported_visibly() {
    let s = Sandbox::new();
    fs::write(
        s.config.join("debrief/coach.ron"),
        format!("(categories: [(id: {EVIL})])"),
    )
    .unwrap();
    let id = s.new_review("Broken coach");
    let run = s.ok(&["coach", "should have known"], None);
    assert!(stderr(&run).contains("coach.ron"), "{}", stderr(&run));
    let run = s.ok(&["export", &id], None);
    assert!(stderr(&run).contains("warning: "), "{}", stderr(&run));
}

#[test]
fn a_folder_with_hostile_names_is_shown_visibly() {
    let s = Sandbox::new();
    let dir = s.data.join(EVIL);
    let run = s.ok(&["--dir", dir.to_str().unwrap(), "list"], None);
    assert!(shows_evil(&stderr(&run)), "{}", stderr(&run));
    let run = s.ok(
        &["--dir", dir.to_str().unwrap(), "new", "x", "--no-open"],
        None,
    );
    assert!(shows_evil(&stderr(&run)), "{}", stderr(&run));
    assert!(Path::new(&dir).exists());
}
