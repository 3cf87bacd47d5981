//! PagerDuty incident log entries, as the REST API returns them:
//! `{"log_entries": [...]}`, a bare array of entries, or one `log_entry`.
//!
//! The first trigger, the first acknowledge and the last resolve are
//! offered as the detected, acknowledged and resolved key moments.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{Candidate, Format, Import, ImportError};
use crate::domain::{EventKind, Moment};

pub(super) fn parse(file: &str, text: &str) -> Result<Import, ImportError> {
    let root: Value = serde_json::from_str(text).map_err(|e| ImportError::json(file, None, &e))?;
    let (path, entries) = match &root {
        Value::Array(a) => ("$".to_owned(), a.as_slice()),
        Value::Object(o) => match (o.get("log_entries"), o.get("log_entry")) {
            (Some(Value::Array(a)), _) => ("$.log_entries".to_owned(), a.as_slice()),
            (_, Some(one @ Value::Object(_))) => {
                ("$.log_entry".to_owned(), std::slice::from_ref(one))
            }
            _ => {
                return Err(ImportError::at(
                    file,
                    "$",
                    "expected PagerDuty log entries: an object with a \"log_entries\" array",
                ));
            }
        },
        _ => {
            return Err(ImportError::at(
                file,
                "$",
                "expected an object or an array of log entries",
            ));
        }
    };
    let mut import = Import {
        format: Some(Format::PagerDuty),
        ..Import::default()
    };
    for (i, entry) in entries.iter().enumerate() {
        let here = if path == "$.log_entry" {
            path.clone()
        } else {
            format!("{path}[{i}]")
        };
        import
            .candidates
            .push(entry_to_candidate(file, &here, entry)?);
    }
    import.candidates.sort_by_key(|c| c.at);
    let first = |kind: &str, cands: &[Candidate]| {
        cands
            .iter()
            .position(|c| c.source_id.as_deref().is_some_and(|id| id.ends_with(kind)))
    };
    // The kind is kept at the end of the id only while choosing moments.
    if let Some(i) = first("#trigger", &import.candidates) {
        import.candidates[i].moment = Some(Moment::Detected);
    }
    if let Some(i) = first("#acknowledge", &import.candidates) {
        import.candidates[i].moment = Some(Moment::Acknowledged);
    }
    if let Some(i) = import.candidates.iter().rposition(|c| {
        c.source_id
            .as_deref()
            .is_some_and(|id| id.ends_with("#resolve"))
    }) {
        import.candidates[i].moment = Some(Moment::Resolved);
    }
    for c in &mut import.candidates {
        if let Some(id) = &mut c.source_id
            && let Some(hash) = id.rfind('#')
        {
            id.truncate(hash);
        }
    }
    Ok(import)
}

fn string<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn entry_to_candidate(file: &str, here: &str, entry: &Value) -> Result<Candidate, ImportError> {
    let Some(kind_name) = string(entry, "type") else {
        return Err(ImportError::at(
            file,
            format!("{here}.type"),
            "expected the entry's type, such as \"trigger_log_entry\"",
        ));
    };
    let at = string(entry, "created_at")
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            ImportError::at(
                file,
                format!("{here}.created_at"),
                "expected a time in ISO 8601, like \"2026-11-23T16:02:11Z\"",
            )
        })?;
    let short = kind_name
        .trim_end_matches("_reference")
        .trim_end_matches("_log_entry");
    let kind = match short {
        "trigger" | "notify" => EventKind::Alert,
        "acknowledge" | "resolve" | "unacknowledge" | "snooze" | "assign" => EventKind::Action,
        "escalate"
        | "reach_trigger_limit"
        | "exhaust_escalation_path"
        | "repeat_escalation_path" => EventKind::Escalation,
        "annotate" => EventKind::Observation,
        _ => EventKind::Other,
    };
    let summary = string(entry, "summary").unwrap_or(short).to_owned();
    let mut text = summary;
    if short == "annotate"
        && let Some(note) = entry.get("channel").and_then(|c| string(c, "summary"))
        && !text.contains(note)
    {
        text = format!("{text}: {note}");
    }
    let mut c = Candidate::new(at, kind, text);
    if let Some(agent) = entry.get("agent") {
        c.actor = string(agent, "summary").map(str::to_owned);
        c.bot = string(agent, "type").is_some_and(|t| !t.starts_with("user"));
    }
    if c.actor.is_none() {
        c.bot = true;
    }
    if let Some(url) = string(entry, "html_url").filter(|u| u.starts_with("https://")) {
        c.links.push(url.to_owned());
    }
    let id = string(entry, "id")
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{}-{short}", at.timestamp()));
    c.source_id = Some(format!("pagerduty:{id}#{short}"));
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = r#"{"log_entries": [
      {"id": "R3", "type": "acknowledge_log_entry", "created_at": "2026-11-23T16:05:00Z",
       "summary": "Acknowledged by Ana Lima", "agent": {"type": "user_reference", "summary": "Ana Lima"}},
      {"id": "R1", "type": "trigger_log_entry", "created_at": "2026-11-23T16:01:00Z",
       "summary": "Triggered through the API", "agent": {"type": "service_reference", "summary": "checkout-api"}},
      {"id": "R2", "type": "notify_log_entry", "created_at": "2026-11-23T16:01:30Z",
       "summary": "Notified Ana Lima by phone"},
      {"id": "R4", "type": "annotate_log_entry", "created_at": "2026-11-23T16:20:00+01:00",
       "summary": "Note added", "channel": {"type": "note", "summary": "rolled back v42"},
       "agent": {"type": "user_reference", "summary": "Ana Lima"}},
      {"id": "R5", "type": "escalate_log_entry", "created_at": "2026-11-23T16:10:00Z", "summary": "Escalated to level 2"},
      {"id": "R6", "type": "resolve_log_entry", "created_at": "2026-11-23T16:40:00Z", "summary": "Resolved by Ana Lima",
       "agent": {"type": "user_reference", "summary": "Ana Lima"}}
    ], "limit": 100, "offset": 0, "more": false}"#;

    #[test]
    fn entries_become_events_and_offer_key_moments() {
        let import = parse("log.json", LOG).unwrap();
        let got: Vec<(&str, EventKind, Option<Moment>)> = import
            .candidates
            .iter()
            .map(|c| (c.source_id.as_deref().unwrap(), c.kind, c.moment))
            .collect();
        assert_eq!(
            got,
            [
                ("pagerduty:R4", EventKind::Observation, None),
                ("pagerduty:R1", EventKind::Alert, Some(Moment::Detected)),
                ("pagerduty:R2", EventKind::Alert, None),
                (
                    "pagerduty:R3",
                    EventKind::Action,
                    Some(Moment::Acknowledged)
                ),
                ("pagerduty:R5", EventKind::Escalation, None),
                ("pagerduty:R6", EventKind::Action, Some(Moment::Resolved)),
            ],
            "sorted by time: the note at 16:20 +01:00 is 15:20 UTC"
        );
        assert_eq!(import.candidates[0].text, "Note added: rolled back v42");
        assert!(import.candidates[1].bot, "a service triggered it");
        assert!(!import.candidates[3].bot);
        assert_eq!(import.candidates[3].actor.as_deref(), Some("Ana Lima"));
    }

    #[test]
    fn broken_entries_name_their_json_path() {
        let e = parse(
            "log.json",
            r#"{"log_entries": [{"type": "trigger_log_entry", "created_at": "yesterday"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.place, "$.log_entries[0].created_at");
        assert!(
            e.to_string()
                .starts_with("log.json, $.log_entries[0].created_at: expected a time")
        );
        let e = parse("log.json", r#"{"entries": []}"#).unwrap_err();
        assert_eq!(e.place, "$");
        let e = parse("log.json", "{\n\"log_entries\": [\n,]}").unwrap_err();
        assert!(e.place.starts_with("line 3"), "{e}");
    }
}
