//! The review meeting as it runs: which stage the room is at, the meeting
//! clock, and the time box of each stage.
//!
//! The clock is a record of time spent, not a timer: every change comes
//! with the time it happened at, so the same calls give the same answers in
//! a test and in a meeting. While it runs, the time since `running_since`
//! belongs to the current stage; moving to another stage or pausing adds
//! that stretch to the stage's total.
//!
//! Pure: no file, no terminal, no clock of its own.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::review::{ReviewKind, Severity};
use crate::spelled_enum;

spelled_enum! {
    /// A step of the review meeting, in the order the room takes them.
    #[derive(Default)]
    "stage" enum Stage {
        #[default]
        SetTheStage => "set the stage" | "opening" | "open" | "start",
        KeyMoments => "key moments" | "moments" | "metrics",
        Timeline => "timeline",
        Impact => "impact on recovery" | "impact" | "recovery",
        Decisions => "decisions" | "judgments" | "judgements",
        Learnings => "learnings",
        Factors => "contributing factors" | "factors",
        Actions => "action items" | "actions",
        Summaries => "summaries" | "summary" | "publish",
    }
}

impl Stage {
    /// The position of the stage, from 0.
    pub fn index(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The stage after this one; the last stays where it is.
    pub fn next(self) -> Stage {
        Stage::ALL[(self.index() + 1).min(Stage::ALL.len() - 1)]
    }

    /// The stage before this one; the first stays where it is.
    pub fn prev(self) -> Stage {
        Stage::ALL[self.index().saturating_sub(1)]
    }

    /// A short name for a narrow stage rail.
    pub fn short(self) -> &'static str {
        match self {
            Stage::SetTheStage => "Opening",
            Stage::KeyMoments => "Moments",
            Stage::Timeline => "Timeline",
            Stage::Impact => "Impact",
            Stage::Decisions => "Decisions",
            Stage::Learnings => "Learnings",
            Stage::Factors => "Factors",
            Stage::Actions => "Actions",
            Stage::Summaries => "Summaries",
        }
    }

    /// The name with a capital, for titles.
    pub fn title(self) -> &'static str {
        match self {
            Stage::SetTheStage => "Set the stage",
            Stage::KeyMoments => "Key moments and metrics",
            Stage::Timeline => "Timeline",
            Stage::Impact => "Impact on recovery",
            Stage::Decisions => "Decisions",
            Stage::Learnings => "Learnings",
            Stage::Factors => "Contributing factors",
            Stage::Actions => "Action items",
            Stage::Summaries => "Summaries",
        }
    }
}

/// Default time boxes in minutes, in stage order: a long meeting for a
/// severe incident, a short one for a minor incident or a solo review.
const SEV1: [u32; 9] = [5, 10, 30, 15, 15, 20, 10, 10, 5];
const SEV2: [u32; 9] = [3, 5, 15, 8, 8, 10, 5, 4, 2];
const SEV3: [u32; 9] = [2, 3, 10, 5, 5, 8, 4, 5, 3];
const MINOR: [u32; 9] = [2, 2, 6, 3, 3, 6, 3, 3, 2];
const QUICK: [u32; 9] = [1, 1, 3, 2, 1, 3, 1, 2, 1];

/// The time box a stage gets when the review does not set its own.
pub fn default_timebox(stage: Stage, severity: Severity, kind: ReviewKind) -> u32 {
    let table = match (kind, severity) {
        (ReviewKind::Quick, _) => &QUICK,
        (ReviewKind::Full, Severity::Sev1) => &SEV1,
        (ReviewKind::Full, Severity::Sev2) => &SEV2,
        (ReviewKind::Full, Severity::Sev3) => &SEV3,
        (ReviewKind::Full, Severity::Sev4 | Severity::Sev5) => &MINOR,
    };
    table[stage.index()]
}

/// The most time a stage can be said to have taken: ten years, in seconds.
const MAX_SPENT: u64 = 10 * 365 * 24 * 3600;

/// The meeting's state, saved with the review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Meeting {
    /// The stage the room is at.
    pub stage: Stage,
    /// When the clock was first started; `None` before the meeting begins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<DateTime<Utc>>,
    /// While the clock runs: when the current stretch of the current stage
    /// began. `None` while paused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running_since: Option<DateTime<Utc>>,
    /// Whole seconds spent in each stage, not counting the running stretch.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub spent: BTreeMap<Stage, u64>,
    /// The review's own time boxes, in minutes, where it differs from the
    /// defaults.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub timeboxes: BTreeMap<Stage, u32>,
}

/// What the clock shows for the current stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The meeting has not started.
    NotStarted,
    /// Time left in the stage's box (zero or more), and whether it runs.
    Left { left: Duration, running: bool },
    /// Time past the stage's box, and whether it runs.
    Over { over: Duration, running: bool },
}

impl Meeting {
    /// Whether nothing about the meeting has been recorded yet.
    pub fn is_empty(&self) -> bool {
        *self == Meeting::default()
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Starts the clock, or resumes it after a pause. Returns false if it
    /// was already running.
    pub fn start(&mut self, now: DateTime<Utc>) -> bool {
        if self.is_running() {
            return false;
        }
        self.started.get_or_insert(now);
        self.running_since = Some(now);
        true
    }

    /// Pauses the clock, keeping the time spent. Returns false if it was
    /// not running.
    pub fn pause(&mut self, now: DateTime<Utc>) -> bool {
        if !self.is_running() {
            return false;
        }
        self.fold(now);
        self.running_since = None;
        true
    }

    /// Starts, pauses or resumes the clock.
    pub fn toggle(&mut self, now: DateTime<Utc>) {
        if !self.pause(now) {
            self.start(now);
        }
    }

    /// Moves to `stage`; the time so far counts for the stage being left.
    pub fn go_to(&mut self, stage: Stage, now: DateTime<Utc>) {
        if stage == self.stage {
            return;
        }
        self.fold(now);
        self.stage = stage;
    }

    /// Adds the running stretch to the current stage's total and starts a
    /// new stretch at `now`.
    fn fold(&mut self, now: DateTime<Utc>) {
        if let Some(since) = self.running_since {
            let secs = (now - since).num_seconds().max(0) as u64;
            let spent = self.spent.entry(self.stage).or_default();
            *spent = spent.saturating_add(secs).min(MAX_SPENT);
            self.running_since = Some(now);
        }
    }

    /// Time spent in `stage`, the running stretch included.
    pub fn spent_in(&self, stage: Stage, now: DateTime<Utc>) -> Duration {
        let mut secs = self.spent.get(&stage).copied().unwrap_or(0);
        if stage == self.stage
            && let Some(since) = self.running_since
        {
            secs = secs.saturating_add((now - since).num_seconds().max(0) as u64);
        }
        // A hand-edited file may hold any number: beyond the cap it reads
        // as the cap, never as an overflow.
        Duration::seconds(secs.min(MAX_SPENT) as i64)
    }

    /// Time spent in the whole meeting so far.
    pub fn total(&self, now: DateTime<Utc>) -> Duration {
        Stage::ALL
            .iter()
            .map(|s| self.spent_in(*s, now))
            .fold(Duration::zero(), |a, b| a + b)
    }

    /// The time box of `stage` in minutes: the review's own, or the default
    /// for its severity and kind.
    pub fn timebox(&self, stage: Stage, severity: Severity, kind: ReviewKind) -> u32 {
        self.timeboxes
            .get(&stage)
            .copied()
            .unwrap_or_else(|| default_timebox(stage, severity, kind))
    }

    /// Sets the time box of `stage`; the default again if `minutes` is it.
    pub fn set_timebox(
        &mut self,
        stage: Stage,
        minutes: u32,
        severity: Severity,
        kind: ReviewKind,
    ) {
        if minutes == default_timebox(stage, severity, kind) {
            self.timeboxes.remove(&stage);
        } else {
            self.timeboxes.insert(stage, minutes);
        }
    }

    /// The sum of every stage's time box, in minutes.
    pub fn planned(&self, severity: Severity, kind: ReviewKind) -> u32 {
        Stage::ALL
            .iter()
            .map(|s| self.timebox(*s, severity, kind))
            .fold(0, u32::saturating_add)
    }

    /// The clock of the current stage.
    pub fn clock(&self, severity: Severity, kind: ReviewKind, now: DateTime<Utc>) -> Clock {
        if self.started.is_none() {
            return Clock::NotStarted;
        }
        let running = self.is_running();
        let boxed = Duration::minutes(i64::from(self.timebox(self.stage, severity, kind)));
        let spent = self.spent_in(self.stage, now);
        if spent > boxed {
            Clock::Over {
                over: spent - boxed,
                running,
            }
        } else {
            Clock::Left {
                left: boxed - spent,
                running,
            }
        }
    }

    /// Whether the current stage has run past its box.
    pub fn overrun(&self, severity: Severity, kind: ReviewKind, now: DateTime<Utc>) -> bool {
        matches!(self.clock(severity, kind, now), Clock::Over { .. })
    }
}

/// A duration as a clock reads it: `4:05`, `1:02:30`.
pub fn clock_text(d: Duration) -> String {
    let secs = d.num_seconds().max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(min: i64, sec: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap()
            + Duration::minutes(min)
            + Duration::seconds(sec)
    }

    #[test]
    fn stages_run_in_the_domain_order_and_stop_at_the_ends() {
        let labels: Vec<&str> = Stage::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            [
                "set the stage",
                "key moments",
                "timeline",
                "impact on recovery",
                "decisions",
                "learnings",
                "contributing factors",
                "action items",
                "summaries"
            ]
        );
        assert_eq!(Stage::SetTheStage.prev(), Stage::SetTheStage);
        assert_eq!(Stage::Summaries.next(), Stage::Summaries);
        let mut s = Stage::default();
        for want in &Stage::ALL[1..] {
            s = s.next();
            assert_eq!(s, *want);
        }
    }

    #[test]
    fn the_clock_counts_only_while_running_and_per_stage() {
        let mut m = Meeting::default();
        let (sev, kind) = (Severity::Sev2, ReviewKind::Full);
        assert_eq!(m.clock(sev, kind, at(0, 0)), Clock::NotStarted);
        assert!(m.start(at(0, 0)));
        assert!(!m.start(at(0, 5)), "already running");
        assert_eq!(
            m.spent_in(Stage::SetTheStage, at(2, 0)),
            Duration::minutes(2)
        );
        m.go_to(Stage::KeyMoments, at(2, 0));
        assert!(m.pause(at(3, 30)));
        // Paused: ten minutes pass and none of them count.
        assert_eq!(
            m.spent_in(Stage::KeyMoments, at(13, 30)),
            Duration::seconds(90)
        );
        m.toggle(at(13, 30));
        assert!(m.is_running());
        assert_eq!(
            m.spent_in(Stage::KeyMoments, at(14, 0)),
            Duration::minutes(2)
        );
        assert_eq!(
            m.spent_in(Stage::SetTheStage, at(14, 0)),
            Duration::minutes(2)
        );
        assert_eq!(m.total(at(14, 0)), Duration::minutes(4));
        assert_eq!(m.started, Some(at(0, 0)), "the first start is kept");
    }

    #[test]
    fn a_stage_over_its_box_says_by_how_much() {
        let mut m = Meeting::default();
        let (sev, kind) = (Severity::Sev2, ReviewKind::Full);
        m.start(at(0, 0));
        // Set the stage has 3 minutes for a full Sev2 review.
        assert_eq!(
            m.clock(sev, kind, at(1, 0)),
            Clock::Left {
                left: Duration::minutes(2),
                running: true
            }
        );
        assert!(
            !m.overrun(sev, kind, at(3, 0)),
            "exactly on time is not over"
        );
        assert_eq!(
            m.clock(sev, kind, at(4, 15)),
            Clock::Over {
                over: Duration::seconds(75),
                running: true
            }
        );
        m.pause(at(4, 15));
        assert_eq!(
            m.clock(sev, kind, at(50, 0)),
            Clock::Over {
                over: Duration::seconds(75),
                running: false
            }
        );
    }

    #[test]
    fn time_boxes_follow_severity_and_kind_and_can_be_changed() {
        let m = Meeting::default();
        let full1 = m.planned(Severity::Sev1, ReviewKind::Full);
        let full2 = m.planned(Severity::Sev2, ReviewKind::Full);
        let full3 = m.planned(Severity::Sev3, ReviewKind::Full);
        let quick = m.planned(Severity::Sev3, ReviewKind::Quick);
        assert!(
            full1 > full2 && full2 > full3 && full3 > quick,
            "{full1} {full2} {full3} {quick}"
        );
        assert_eq!(quick, 15);
        let mut m = m;
        m.set_timebox(Stage::Timeline, 25, Severity::Sev2, ReviewKind::Full);
        assert_eq!(
            m.timebox(Stage::Timeline, Severity::Sev2, ReviewKind::Full),
            25
        );
        m.set_timebox(Stage::Timeline, 15, Severity::Sev2, ReviewKind::Full);
        assert!(m.timeboxes.is_empty(), "the default is not stored");
    }

    #[test]
    fn a_clock_going_backwards_counts_nothing() {
        let mut m = Meeting::default();
        m.start(at(10, 0));
        assert_eq!(m.spent_in(Stage::SetTheStage, at(5, 0)), Duration::zero());
        m.go_to(Stage::Timeline, at(5, 0));
        assert_eq!(m.spent.get(&Stage::SetTheStage), Some(&0));
    }

    #[test]
    fn any_number_in_a_file_is_read_without_overflow() {
        let mut m = Meeting {
            spent: BTreeMap::from([(Stage::SetTheStage, u64::MAX)]),
            timeboxes: BTreeMap::from([(Stage::Timeline, u32::MAX)]),
            ..Meeting::default()
        };
        m.start(at(0, 0));
        let ten_years = Duration::seconds(MAX_SPENT as i64);
        assert_eq!(m.spent_in(Stage::SetTheStage, at(60, 0)), ten_years);
        m.go_to(Stage::Timeline, at(60, 0));
        assert_eq!(m.spent[&Stage::SetTheStage], MAX_SPENT);
        assert_eq!(m.planned(Severity::Sev1, ReviewKind::Full), u32::MAX);
        assert!(matches!(
            m.clock(Severity::Sev1, ReviewKind::Full, at(61, 0)),
            Clock::Left { .. }
        ));
    }

    #[test]
    fn clock_text_reads_like_a_clock() {
        assert_eq!(clock_text(Duration::seconds(5)), "0:05");
        assert_eq!(clock_text(Duration::seconds(245)), "4:05");
        assert_eq!(clock_text(Duration::seconds(3750)), "1:02:30");
        assert_eq!(clock_text(Duration::seconds(-3)), "0:00");
    }
}
