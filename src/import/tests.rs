use super::*;
use crate::domain::Moment;

/// Candidates as the tests compare them: "time Kind actor: text", the
/// time written with `time` (`%H:%M`, `%d %H:%M`).
pub(crate) fn lines(cands: &[Candidate], time: &str) -> Vec<String> {
    cands
        .iter()
        .map(|c| {
            format!(
                "{} {:?} {}: {}",
                c.at.format(time),
                c.kind,
                c.actor.as_deref().unwrap_or("-"),
                c.text
            )
        })
        .collect()
}

#[test]
fn formats_are_told_apart_by_their_content() {
    let cases: [(&[u8], Format); 11] = [
        (
            b"{\"type\":\"version\",\"version\":1}\n",
            Format::Mattermost,
        ),
        (b"--- Log opened Mon Nov 23 23:00:00 2026\n", Format::Irssi),
        (b"2026-11-23 23:58:00\t@ana\thi\n", Format::Weechat),
        (b"{\"guild\": {}, \"messages\": []}", Format::Discord),
        (b"PK\x03\x04rest", Format::Slack),
        (b"[{\"ts\": \"1.2\"}]", Format::Slack),
        (b"  {\"log_entries\": []}", Format::PagerDuty),
        (b"\n: 1700000000:0;ls\n", Format::Zsh),
        (b"#1700000000\nls\n", Format::Bash),
        (b"- cmd: ls\n  when: 1700000000\n", Format::Fish),
        (b"16:02 gary: saw it", Format::Plain),
    ];
    for (bytes, want) in cases {
        assert_eq!(detect(bytes), want, "{}", String::from_utf8_lossy(bytes));
    }
    assert_eq!("PD".parse::<Format>(), Ok(Format::PagerDuty));
    assert!(
        "csv"
            .parse::<Format>()
            .unwrap_err()
            .contains("one of slack, discord, mattermost, pagerduty")
    );
}

#[test]
fn events_remember_their_origin() {
    let at = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    let mut c = Candidate::new(at, EventKind::Command, "ls\u{1b}[2J");
    c.actor = Some(" ana ".into());
    let e = to_event(Format::Zsh, &c);
    assert_eq!(e.source, Source::Imported);
    assert_eq!(e.kind, EventKind::Command);
    assert_eq!(e.actor.as_deref(), Some("ana"));
    assert!(
        !e.text.contains('\u{1b}'),
        "control characters are neutralised"
    );
    let origin = e.origin.clone().unwrap();
    assert!(origin.starts_with("zsh:1700000000:"), "{origin}");
    assert_eq!(
        to_event(Format::Zsh, &c).origin,
        e.origin,
        "the same line gives the same key"
    );
    c.text.push('!');
    assert_ne!(to_event(Format::Zsh, &c).origin, e.origin);
    c.source_id = Some("slack:C1:1.2".into());
    c.moment = Some(Moment::Detected);
    assert_eq!(
        to_event(Format::Zsh, &c).origin.as_deref(),
        Some("slack:C1:1.2")
    );
}

#[test]
fn secrets_are_masked_unless_kept() {
    let mut options = Options::new(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        Offset::UTC,
    );
    let bytes = b": 1700000000:0;curl -H 'Authorization: Bearer abc' x\n";
    let import = parse("h", bytes, &options).unwrap();
    assert_eq!(import.masked, 1);
    assert_eq!(
        import.candidates[0].text,
        "curl -H 'Authorization: [masked]' x"
    );
    let with_link = b"[{\"ts\": \"1700000000.000100\", \"bot_id\": \"B1\", \"text\": \"fired\", \"attachments\": [{\"title\": \"alert\", \"title_link\": \"https://alerts.example.com/a?token=0123456789abcdef0123\"}]}]";
    let import = parse("day.json", with_link, &options).unwrap();
    assert_eq!(
        import.candidates[0].links,
        ["https://alerts.example.com/a?token=[masked]"]
    );
    options.keep_secrets = true;
    let import = parse("h", bytes, &options).unwrap();
    assert_eq!(
        (import.masked, import.candidates[0].text.as_str()),
        (0, "curl -H 'Authorization: Bearer abc' x")
    );
}

#[test]
fn a_broken_file_of_each_kind_names_the_file_and_line() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let options = Options::new(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        Offset::UTC,
    );
    let cases = [
        ("pagerduty-broken.json", "$.log_entries[1].created_at"),
        ("discord-broken.json", "$.messages[1].timestamp"),
        ("irssi-broken.log", "line 3"),
        ("mattermost-broken.jsonl", "line 3"),
        ("weechat-broken.log", "line 2"),
        ("zsh_history-broken", "line 2"),
        ("bash_history-broken", "line 1"),
        ("fish_history-broken", "line 2"),
        ("lines-broken.txt", "line 2"),
    ];
    for (file, place) in cases {
        let path = dir.join(file);
        let e = read(&path, &options).unwrap_err();
        assert_eq!(e.place, place, "{file}: {e}");
        assert!(
            e.to_string().starts_with(&path.display().to_string()),
            "{e}"
        );
        assert!(e.problem.starts_with("expected"), "{e}");
    }
}
