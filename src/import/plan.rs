//! What an import would do to a review, decided without a terminal or a
//! file: the time window, what is already in the review (by origin), who
//! each actor is among the participants, the key moments offered, and the
//! summary counts with their reasons. `debrief import` and the import view
//! both plan with this.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, TimeDelta, Utc};

use super::{Candidate, Format, Import};
use crate::domain::{Moment, Review, Text, parse_time};

/// How far before impact started and after resolved the default window
/// reaches.
pub const MARGIN_MINUTES: i64 = 30;

/// The times outside which candidates are left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl Window {
    /// From 30 minutes before impact started to 30 minutes after it was
    /// resolved, as far as those are set.
    pub fn around(review: &Review) -> Window {
        let margin = TimeDelta::minutes(MARGIN_MINUTES);
        Window {
            from: review.moments.get(Moment::Started).map(|t| t - margin),
            to: review.moments.get(Moment::Resolved).map(|t| t + margin),
        }
    }

    /// The default window with either end replaced by a time typed in the
    /// review's offset (`16:00`, `2026-11-23 16:00`). The error says which
    /// end did not read, as `from` or `to`.
    pub fn typed(
        review: &Review,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Window, (&'static str, String)> {
        let mut w = Window::around(review);
        let read = |raw: &str| parse_time(raw, review.incident_date(), review.offset);
        if let Some(raw) = from {
            w.from = Some(read(raw).map_err(|e| ("from", e.to_string()))?);
        }
        if let Some(raw) = to {
            w.to = Some(read(raw).map_err(|e| ("to", e.to_string()))?);
        }
        Ok(w)
    }

    pub fn holds(&self, at: DateTime<Utc>) -> bool {
        self.from.is_none_or(|f| at >= f) && self.to.is_none_or(|t| at <= t)
    }
}

/// Which candidates to consider, besides the window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choice {
    pub window: Window,
    /// Only pinned messages.
    pub pinned: bool,
    /// Only messages with this reaction (colons are ignored).
    pub reaction: Option<String>,
    /// Who did what the export names nobody for (a shell history).
    pub actor: Option<String>,
}

/// One candidate as planned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub candidate: Candidate,
    /// An event of the review already came from this message.
    pub already: bool,
}

/// What an import would do to a review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub format: Format,
    /// In the order of the export, those already in the review included;
    /// a message the export holds twice is listed once.
    pub rows: Vec<Planned>,
    /// What was left out, by reason, with how many.
    pub left_out: BTreeMap<String, usize>,
    /// Actors of new candidates who are not among the participants (bots
    /// aside), each once. Every row's actor that is a participant is
    /// named as the participant.
    pub unknown: Vec<String>,
    /// Secrets masked while reading.
    pub masked: usize,
    /// Candidates left out because the export held them twice.
    duplicates: usize,
}

impl Plan {
    /// Plans `parsed` against `review`.
    pub fn new(review: &Review, parsed: Import, choice: &Choice) -> Plan {
        let format = parsed.format.unwrap_or(Format::Plain);
        let known: HashSet<&str> = review
            .timeline
            .iter()
            .filter_map(|e| e.origin.as_ref().map(Text::as_str))
            .collect();
        let mut left_out = parsed.left_out;
        let mut skip = |reason: &str| *left_out.entry(reason.to_owned()).or_default() += 1;
        let reaction = choice.reaction.as_deref().map(|r| r.trim_matches(':'));
        let mut rows = Vec::new();
        let mut duplicates = 0;
        let mut seen = HashSet::new();
        for mut c in parsed.candidates {
            if !choice.window.holds(c.at) {
                skip("outside the time window");
            } else if choice.pinned && !c.pinned {
                skip("not pinned");
            } else if reaction.is_some_and(|r| !c.reactions.iter().any(|x| x == r)) {
                skip("without the reaction");
            } else {
                let origin = super::origin(format, &c);
                let already = known.contains(origin.as_str());
                if !seen.insert(origin) {
                    duplicates += 1;
                    continue;
                }
                if c.actor.is_none() {
                    c.actor = choice.actor.clone();
                }
                rows.push(Planned {
                    candidate: c,
                    already,
                });
            }
        }
        let mut unknown: Vec<String> = Vec::new();
        for row in rows.iter_mut() {
            let c = &mut row.candidate;
            let Some(actor) = c.actor.clone() else {
                continue;
            };
            match participant(review, &actor, &c.aliases) {
                Some(name) => c.actor = Some(name),
                None if !row.already
                    && !c.bot
                    && !unknown.iter().any(|u| same_person(u, &actor)) =>
                {
                    unknown.push(actor)
                }
                None => {}
            }
        }
        Plan {
            format,
            rows,
            left_out,
            unknown,
            masked: parsed.masked,
            duplicates,
        }
    }

    /// The candidates that would be added: those not in the review yet.
    pub fn chosen(&self) -> impl Iterator<Item = &Candidate> {
        self.rows
            .iter()
            .filter(|r| !r.already)
            .map(|r| &r.candidate)
    }

    /// How many are skipped as already there: in the review, or twice in
    /// the export.
    pub fn skipped(&self) -> usize {
        self.duplicates + self.rows.iter().filter(|r| r.already).count()
    }

    /// How many were left out, all reasons together.
    pub fn left_out_total(&self) -> usize {
        self.left_out.values().sum()
    }

    /// "1 deleted, 2 joins and leaves", or nothing.
    pub fn reasons(&self) -> String {
        let why: Vec<String> = self
            .left_out
            .iter()
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        why.join(", ")
    }

    /// The summary line: "added 8 events from slack, 0 skipped as already
    /// there, 4 left out (1 deleted, …)", with `verb` for "added".
    pub fn summary(&self, verb: &str, added: usize) -> String {
        let plural = if added == 1 { "" } else { "s" };
        let why = self.reasons();
        let why = if why.is_empty() {
            String::new()
        } else {
            format!(" ({why})")
        };
        format!(
            "{verb} {added} event{plural} from {}, {} skipped as already there, {} left out{why}",
            self.format,
            self.skipped(),
            self.left_out_total()
        )
    }

    /// The key moments the new candidates offer, and whether the review
    /// has none there yet.
    pub fn moments(&self, review: &Review) -> Vec<(Moment, DateTime<Utc>, bool)> {
        self.chosen()
            .filter_map(|c| c.moment.map(|m| (m, c.at, review.moments.get(m).is_none())))
            .collect()
    }
}

/// The participant `actor` (or one of its other names) is, by name,
/// display name or handle.
pub fn participant(review: &Review, actor: &str, aliases: &[String]) -> Option<String> {
    let names: Vec<&str> = std::iter::once(actor)
        .chain(aliases.iter().map(String::as_str))
        .collect();
    review
        .participants
        .iter()
        .find(|p| names.iter().any(|n| same_person(p.name.as_str(), n)))
        .map(|p| p.name.to_string())
}

/// Names match whatever their case, and a handle matches with or
/// without its `@`.
pub fn same_person(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().trim_start_matches('@').to_lowercase();
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EventKind, Offset, Participant, ReviewKind, Role, Severity};
    use crate::import::{Candidate, to_event};

    fn at(hm: &str) -> DateTime<Utc> {
        format!("2026-11-23T{hm}:00Z").parse().unwrap()
    }

    fn review() -> Review {
        let mut r = Review::new(
            "r".into(),
            Text::new("Checkout 502s"),
            Severity::Sev2,
            ReviewKind::Full,
            at("09:00"),
            Offset::default(),
        );
        r.participants.push(Participant {
            name: Text::trimmed("Ana Lima"),
            role: Role::Other,
        });
        r.moments.set(Moment::Started, Some(at("16:00")));
        r.moments.set(Moment::Resolved, Some(at("17:00")));
        r
    }

    fn said(hm: &str, who: &str, text: &str) -> Candidate {
        let mut c = Candidate::new(at(hm), EventKind::Observation, text);
        c.actor = Some(who.into());
        c
    }

    #[test]
    fn the_window_reaches_half_an_hour_around_the_incident() {
        let r = review();
        let w = Window::around(&r);
        assert!(w.holds(at("15:30")) && w.holds(at("17:30")));
        assert!(!w.holds(at("15:29")) && !w.holds(at("17:31")));
        let typed = Window::typed(&r, Some("16:10"), None).unwrap();
        assert_eq!(typed.from, Some(at("16:10")), "the review is in UTC");
        assert_eq!(typed.to, w.to);
        assert_eq!(Window::typed(&r, None, Some("soon")).unwrap_err().0, "to");
    }

    #[test]
    fn a_plan_marks_what_is_there_matches_people_and_counts_why() {
        let mut r = review();
        let there = said("16:05", "ana", "on it");
        r.add_event(to_event(Format::Plain, &there));
        let mut bot = said("16:01", "PagerBot", "alert fired");
        bot.bot = true;
        let mut handle = said("16:07", "@al", "looking");
        handle.aliases = vec!["ana lima".into()];
        let import = Import {
            format: Some(Format::Plain),
            candidates: vec![
                said("15:00", "gary", "too early"),
                bot,
                there.clone(),
                handle,
                said("16:08", "Gary", "restarting"),
                said("16:08", "Gary", "restarting"),
                said("16:09", "gary", "done"),
            ],
            left_out: BTreeMap::from([("deleted".to_owned(), 1)]),
            masked: 2,
        };
        let plan = Plan::new(&r, import, &Choice::default());
        let rows: Vec<(&str, bool)> = plan
            .rows
            .iter()
            .map(|p| (p.candidate.text.as_str(), p.already))
            .collect();
        assert_eq!(
            rows,
            [
                ("too early", false),
                ("alert fired", false),
                ("on it", true),
                ("looking", false),
                ("restarting", false),
                ("done", false)
            ],
            "the default choice has no window: the review's is the caller's"
        );
        assert_eq!(plan.rows[3].candidate.actor.as_deref(), Some("Ana Lima"));
        assert_eq!(plan.unknown, ["gary"], "bots aside, each person once");
        assert_eq!(
            plan.skipped(),
            2,
            "one in the review, one twice in the export"
        );
        assert_eq!(plan.masked, 2);
        let windowed = Choice {
            window: Window::around(&r),
            ..Choice::default()
        };
        let import = Import {
            format: Some(Format::Plain),
            candidates: vec![said("15:00", "gary", "too early"), there],
            ..Import::default()
        };
        let plan = Plan::new(&r, import, &windowed);
        assert_eq!(
            plan.summary("added", 0),
            "added 0 events from plain, 1 skipped as already there, 1 left out (1 outside the time window)"
        );
    }

    #[test]
    fn names_match_by_case_and_handle() {
        assert!(same_person("@Ana", "ana "));
        assert!(!same_person("ana", "anna"));
        let r = review();
        assert_eq!(
            participant(&r, "U01", &["ANA LIMA".into()]).as_deref(),
            Some("Ana Lima")
        );
        assert_eq!(participant(&r, "gary", &[]), None);
    }
}
