//! Shell histories: zsh's extended history (`: 1700000000:0;cmd`, lines
//! ending in `\` continued), bash with timestamps (`#1700000000` before
//! each command) and fish (`- cmd: ...` then `  when: ...`). Each command
//! becomes a "command" event; its person is named by the caller.

use chrono::{DateTime, Utc};

use super::{Candidate, Format, Import, ImportError};
use crate::domain::EventKind;

pub(super) fn is_zsh_line(line: &str) -> bool {
    zsh_header(line).is_some()
}

pub(super) fn is_bash_stamp(line: &str) -> bool {
    bash_stamp(line).is_some()
}

/// `: 1700000000:12;command` → the time and the command.
fn zsh_header(line: &str) -> Option<(DateTime<Utc>, &str)> {
    let rest = line.strip_prefix(": ")?;
    let (stamp, rest) = rest.split_once(':')?;
    let (duration, command) = rest.split_once(';')?;
    if !duration.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((epoch(stamp)?, command))
}

fn bash_stamp(line: &str) -> Option<DateTime<Utc>> {
    epoch(line.trim_end().strip_prefix('#')?)
}

fn epoch(s: &str) -> Option<DateTime<Utc>> {
    if s.is_empty() || s.len() > 12 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    DateTime::from_timestamp(s.parse().ok()?, 0)
}

/// zsh writes bytes of non-ASCII text "metafied": 0x83, then the byte
/// with bit 5 flipped.
fn unmetafy(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut it = bytes.iter();
    while let Some(b) = it.next() {
        match (*b, it.as_slice().first()) {
            (0x83, Some(next)) => {
                out.push(next ^ 0x20);
                it.next();
            }
            _ => out.push(*b),
        }
    }
    out
}

pub(super) fn parse(file: &str, bytes: &[u8], format: Format) -> Result<Import, ImportError> {
    let bytes = if format == Format::Zsh {
        unmetafy(bytes)
    } else {
        bytes.to_vec()
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut import = Import {
        format: Some(format),
        ..Import::default()
    };
    let commands = match format {
        Format::Zsh => zsh(file, &text)?,
        Format::Bash => bash(file, &text, &mut import)?,
        _ => fish(file, &text)?,
    };
    for (at, command) in commands {
        let command = command.trim();
        if command.is_empty() {
            import.leave_out("empty commands");
            continue;
        }
        import
            .candidates
            .push(Candidate::new(at, EventKind::Command, command));
    }
    Ok(import)
}

type Commands = Vec<(DateTime<Utc>, String)>;

fn zsh(file: &str, text: &str) -> Result<Commands, ImportError> {
    let mut out: Commands = Vec::new();
    let mut continued = false;
    for (n, line) in text.lines().enumerate() {
        if continued {
            if let Some((_, cmd)) = out.last_mut() {
                cmd.push('\n');
                cmd.push_str(line.strip_suffix('\\').unwrap_or(line));
            }
            continued = line.ends_with('\\');
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        match zsh_header(line) {
            Some((at, cmd)) => {
                out.push((at, cmd.strip_suffix('\\').unwrap_or(cmd).to_owned()));
                continued = cmd.ends_with('\\');
            }
            None => {
                return Err(ImportError::at_line(
                    file,
                    n + 1,
                    "expected a zsh history line like ': 1700000000:0;command'",
                ));
            }
        }
    }
    Ok(out)
}

fn bash(file: &str, text: &str, import: &mut Import) -> Result<Commands, ImportError> {
    let mut out: Commands = Vec::new();
    let mut waiting: Option<(usize, DateTime<Utc>)> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(at) = bash_stamp(line) {
            waiting = Some((n + 1, at));
            continue;
        }
        match (waiting.take(), out.last_mut()) {
            (Some((_, at)), _) => out.push((at, line.to_owned())),
            // bash with lithist keeps a command's later lines unmarked.
            (None, Some((_, cmd))) => {
                cmd.push('\n');
                cmd.push_str(line);
            }
            (None, None) if !line.trim().is_empty() => import.leave_out("lines without a time"),
            (None, None) => {}
        }
    }
    if let Some((line, _)) = waiting
        && out.is_empty()
    {
        return Err(ImportError::at_line(
            file,
            line,
            "expected a command after the time stamp",
        ));
    }
    Ok(out)
}

/// fish escapes a backslash as `\\` and a newline as `\n`.
fn fish_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('n')) => {
                out.push('\n');
                chars.next();
            }
            ('\\', Some('\\')) => {
                out.push('\\');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

fn fish(file: &str, text: &str) -> Result<Commands, ImportError> {
    let mut out = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(cmd) = line.strip_prefix("- cmd:") {
            if let Some((at, _)) = pending.replace((n + 1, fish_unescape(cmd.trim_start()))) {
                return Err(ImportError::at_line(
                    file,
                    at,
                    "expected '  when: SECONDS' after the command",
                ));
            }
        } else if let Some(when) = line.trim_start().strip_prefix("when:") {
            let Some((_, cmd)) = pending.take() else {
                return Err(ImportError::at_line(
                    file,
                    n + 1,
                    "expected '- cmd: ...' before 'when:'",
                ));
            };
            let at = epoch(when.trim()).ok_or_else(|| {
                ImportError::at_line(file, n + 1, "expected seconds since 1970 after 'when:'")
            })?;
            out.push((at, cmd));
        } else if !(line.starts_with(' ') || line.trim().is_empty()) {
            return Err(ImportError::at_line(
                file,
                n + 1,
                "expected a fish history entry: '- cmd: ...', '  when: ...' or '  paths:'",
            ));
        }
    }
    if let Some((at, _)) = pending {
        return Err(ImportError::at_line(
            file,
            at,
            "expected '  when: SECONDS' after the command",
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(bytes: &[u8], format: Format) -> Vec<(i64, String)> {
        parse("hist", bytes, format)
            .unwrap()
            .candidates
            .into_iter()
            .map(|c| (c.at.timestamp(), c.text))
            .collect()
    }

    #[test]
    fn zsh_extended_history_with_continued_lines() {
        let hist = b": 1700000000:0;kubectl get pods\n: 1700000060:3;for p in a b; do \\\n  echo $p\\\ndone\n: 1700000120:0;ls\n";
        assert_eq!(
            commands(hist, Format::Zsh),
            [
                (1_700_000_000, "kubectl get pods".into()),
                (1_700_000_060, "for p in a b; do \n  echo $p\ndone".into()),
                (1_700_000_120, "ls".into()),
            ]
        );
        // "é" is 0xC3 0xA9; zsh writes 0xA9 as 0x83 0x89.
        let meta = b": 1700000000:0;echo caf\xc3\x83\x89\n";
        assert_eq!(commands(meta, Format::Zsh)[0].1, "echo café");
    }

    #[test]
    fn bash_with_time_stamps() {
        let hist = "ls before stamps\n#1700000000\nsystemctl restart api\n#1700000030\ncat <<EOF\nmulti\nEOF\n";
        let import = parse("hist", hist.as_bytes(), Format::Bash).unwrap();
        assert_eq!(import.left_out.get("lines without a time"), Some(&1));
        assert_eq!(
            commands(hist.as_bytes(), Format::Bash),
            [
                (1_700_000_000, "systemctl restart api".into()),
                (1_700_000_030, "cat <<EOF\nmulti\nEOF".into()),
            ]
        );
    }

    #[test]
    fn fish_history_unescaped() {
        let hist = "- cmd: git log -1\n  when: 1700000000\n- cmd: echo a\\\\nb\\nc\n  when: 1700000005\n  paths:\n    - /tmp\n";
        assert_eq!(
            commands(hist.as_bytes(), Format::Fish),
            [
                (1_700_000_000, "git log -1".into()),
                (1_700_000_005, "echo a\\nb\nc".into()),
            ]
        );
    }

    #[test]
    fn broken_histories_name_the_line() {
        let e = parse("h", b": 1700000000:0;ok\nnot zsh\n", Format::Zsh).unwrap_err();
        assert_eq!(e.place, "line 2");
        let e = parse("h", b"garbage\n", Format::Zsh).unwrap_err();
        assert_eq!(e.place, "line 1");
        let e = parse("h", b"- cmd: ls\n- cmd: pwd\n  when: 1\n", Format::Fish).unwrap_err();
        assert_eq!(
            e.to_string(),
            "h, line 1: expected '  when: SECONDS' after the command"
        );
        let e = parse("h", b"- cmd: ls\n  when: soon\n", Format::Fish).unwrap_err();
        assert_eq!(e.place, "line 2");
    }
}
