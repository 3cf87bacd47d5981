//! IRC logs: irssi (`HH:MM <@nick> text`, dated by `--- Log opened` and
//! `--- Day changed` lines) and WeeChat (`YYYY-MM-DD HH:MM:SS<TAB>nick<TAB>text`).
//! Neither writes an offset: times are read in the review's.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::{Candidate, Format, Import, ImportError, Options};
use crate::domain::EventKind;

pub(super) fn is_irssi(line: &str) -> bool {
    line.starts_with("--- Log opened ")
}

pub(super) fn is_weechat(line: &str) -> bool {
    let mut parts = line.splitn(3, '\t');
    parts
        .next()
        .is_some_and(|t| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").is_ok())
        && parts.next().is_some()
}

fn local(at: NaiveDateTime, options: &Options) -> Option<DateTime<Utc>> {
    at.and_local_timezone(options.offset.fixed())
        .single()
        .map(|t| t.with_timezone(&Utc))
}

fn nick(raw: &str) -> String {
    raw.trim()
        .trim_start_matches(['@', '+', '%', '~', '&', ' '])
        .to_owned()
}

fn said(import: &mut Import, at: DateTime<Utc>, who: &str, text: &str) {
    let mut c = Candidate::new(at, EventKind::Conversation, text.trim());
    c.actor = Some(nick(who));
    import.candidates.push(c);
}

pub(super) fn irssi(file: &str, text: &str, options: &Options) -> Result<Import, ImportError> {
    let mut import = Import {
        format: Some(Format::Irssi),
        ..Import::default()
    };
    let mut day: Option<NaiveDate> = None;
    for (n, line) in text.lines().enumerate() {
        let bad = |what: &str| ImportError::at_line(file, n + 1, what.to_owned());
        if let Some(rest) = line.strip_prefix("--- Log opened ") {
            let at = NaiveDateTime::parse_from_str(rest.trim(), "%a %b %d %H:%M:%S %Y")
                .map_err(|_| bad("expected a date like 'Tue Nov 17 14:00:00 2026'"))?;
            day = Some(at.date());
            continue;
        }
        if let Some(rest) = line.strip_prefix("--- Day changed ") {
            day = Some(
                NaiveDate::parse_from_str(rest.trim(), "%a %b %d %Y")
                    .map_err(|_| bad("expected a date like 'Wed Nov 18 2026'"))?,
            );
            continue;
        }
        if line.trim().is_empty() || line.starts_with("--- Log closed") {
            continue;
        }
        let (clock, rest) = line.split_once(' ').unwrap_or((line, ""));
        let time = NaiveTime::parse_from_str(clock, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M:%S"))
            .map_err(|_| bad("expected a line like '16:02 <nick> text'"))?;
        let Some(date) = day else {
            return Err(bad(
                "expected '--- Log opened ...' before the first message",
            ));
        };
        let at = local(date.and_time(time), options).ok_or_else(|| bad("expected a time"))?;
        if let Some(msg) = rest.strip_prefix('<') {
            let (who, said_text) = msg
                .split_once('>')
                .ok_or_else(|| bad("expected '>' after the nick"))?;
            said(&mut import, at, who, said_text);
        } else if let Some(action) = rest.trim_start().strip_prefix("* ") {
            let (who, what) = action.split_once(' ').unwrap_or((action, ""));
            said(&mut import, at, who, &format!("{} {what}", nick(who)));
        } else if rest.starts_with("-!-") {
            import.leave_out("joins, leaves and notices");
        } else {
            return Err(bad(
                "expected '<nick> text', ' * nick action' or '-!- notice'",
            ));
        }
    }
    Ok(import)
}

pub(super) fn weechat(file: &str, text: &str, options: &Options) -> Result<Import, ImportError> {
    let mut import = Import {
        format: Some(Format::Weechat),
        ..Import::default()
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = || {
            ImportError::at_line(
                file,
                n + 1,
                "expected 'YYYY-MM-DD HH:MM:SS<tab>nick<tab>text'",
            )
        };
        let mut parts = line.splitn(3, '\t');
        let (Some(stamp), Some(prefix), rest) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let at = NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %H:%M:%S")
            .ok()
            .and_then(|t| local(t, options))
            .ok_or_else(bad)?;
        let rest = rest.unwrap_or("");
        match prefix.trim() {
            "-->" | "<--" => import.leave_out("joins, leaves and notices"),
            "--" | "=!=" | "" => import.leave_out("joins, leaves and notices"),
            "*" => {
                let (who, _) = rest.split_once(' ').unwrap_or((rest, ""));
                said(&mut import, at, who, rest);
            }
            who => said(&mut import, at, who, rest),
        }
    }
    Ok(import)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Offset;

    fn options() -> Options {
        Options::new(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            "+01:00".parse::<Offset>().unwrap(),
        )
    }

    fn shown(import: &Import) -> Vec<String> {
        import
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{} {}: {}",
                    c.at.to_rfc3339(),
                    c.actor.as_deref().unwrap_or("-"),
                    c.text
                )
            })
            .collect()
    }

    #[test]
    fn irssi_logs_are_dated_by_their_headers() {
        let log = "--- Log opened Mon Nov 23 23:00:00 2026\n23:58 -!- gary [g@host] has joined #inc\n23:59 <@ana> rolling back\n--- Day changed Tue Nov 24 2026\n00:01  * gary checks the graphs\n00:02 <+gary> 5xx falling\n";
        let import = irssi("irc.log", log, &options()).unwrap();
        assert_eq!(
            shown(&import),
            [
                "2026-11-23T22:59:00+00:00 ana: rolling back",
                "2026-11-23T23:01:00+00:00 gary: gary checks the graphs",
                "2026-11-23T23:02:00+00:00 gary: 5xx falling",
            ]
        );
        assert_eq!(import.left_out.get("joins, leaves and notices"), Some(&1));
        let e = irssi("irc.log", "16:02 <ana> hi\n", &options()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "irc.log, line 1: expected '--- Log opened ...' before the first message"
        );
    }

    #[test]
    fn weechat_logs_are_tab_separated() {
        let log = "2026-11-23 23:58:00\t-->\tgary (g@host) has joined #inc\n2026-11-23 23:59:10\t@ana\trolling back\n2026-11-24 00:01:00\t *\tgary checks the graphs\n";
        let import = weechat("w.log", log, &options()).unwrap();
        assert_eq!(
            shown(&import),
            [
                "2026-11-23T22:59:10+00:00 ana: rolling back",
                "2026-11-23T23:01:00+00:00 gary: gary checks the graphs",
            ]
        );
        let e = weechat(
            "w.log",
            "2026-11-23 23:58:00\tana\tok\nyesterday\tana\thi\n",
            &options(),
        )
        .unwrap_err();
        assert_eq!(e.place, "line 2");
    }
}
