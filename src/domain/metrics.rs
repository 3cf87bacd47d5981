//! Numbers computed from the key moments and the timeline.
//!
//! Every span names the two moments it runs between, so the definition is
//! visible wherever the number is shown. A span whose end comes before its
//! start is not computed; the moments out of order are reported instead.

use chrono::{DateTime, TimeDelta, Utc};

use super::review::{KeyMoments, Moment, Review};
use super::timeline::Phase;

/// A span between two key moments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub name: &'static str,
    pub short: &'static str,
    pub from: Moment,
    pub to: Moment,
    /// `None` when a moment is missing or the two are out of order.
    pub value: Option<TimeDelta>,
}

/// Two key moments set in an order that cannot have happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfOrder {
    /// The moment that should come first...
    pub first: Moment,
    /// ...but is later than this one.
    pub then: Moment,
}

/// Time on the timeline spent in one phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseTime {
    /// `None` for events whose phase was not recorded.
    pub phase: Option<Phase>,
    pub time: TimeDelta,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metrics {
    /// Time to detect, acknowledge, mitigate and resolve.
    pub spans: Vec<Span>,
    /// Detection, response and remediation, from the key moments.
    pub lifecycle: Vec<Span>,
    /// Time per phase from the timeline, in phase order; phases with no
    /// time are left out.
    pub phases: Vec<PhaseTime>,
    pub out_of_order: Vec<OutOfOrder>,
}

/// Pairs of moments that must come in this order when both are set.
/// Mitigation may come before acknowledgement (an automatic failover), so
/// that pair is not checked.
const ORDER: [(Moment, Moment); 9] = [
    (Moment::Started, Moment::Detected),
    (Moment::Started, Moment::Acknowledged),
    (Moment::Started, Moment::Mitigated),
    (Moment::Started, Moment::Resolved),
    (Moment::Detected, Moment::Acknowledged),
    (Moment::Detected, Moment::Mitigated),
    (Moment::Detected, Moment::Resolved),
    (Moment::Acknowledged, Moment::Resolved),
    (Moment::Mitigated, Moment::Resolved),
];

impl Metrics {
    pub fn compute(review: &Review) -> Metrics {
        let m = &review.moments;
        // Impact is measured from its start when known, else from detection.
        let origin = if m.started.is_some() {
            Moment::Started
        } else {
            Moment::Detected
        };
        let spans = vec![
            span(
                m,
                "Time to detect",
                "TTD",
                Moment::Started,
                Moment::Detected,
            ),
            span(
                m,
                "Time to acknowledge",
                "TTA",
                Moment::Detected,
                Moment::Acknowledged,
            ),
            span(m, "Time to mitigate", "TTM", origin, Moment::Mitigated),
            span(m, "Time to resolve", "TTR", origin, Moment::Resolved),
        ];
        let lifecycle = vec![
            span(
                m,
                "Detection",
                "detection",
                Moment::Started,
                Moment::Detected,
            ),
            span(
                m,
                "Response",
                "response",
                Moment::Detected,
                Moment::Mitigated,
            ),
            span(
                m,
                "Remediation",
                "remediation",
                Moment::Mitigated,
                Moment::Resolved,
            ),
        ];
        let out_of_order = ORDER
            .iter()
            .filter(|(a, b)| matches!((m.get(*a), m.get(*b)), (Some(x), Some(y)) if y < x))
            .map(|&(first, then)| OutOfOrder { first, then })
            .collect();
        Metrics {
            spans,
            lifecycle,
            phases: phase_times(review),
            out_of_order,
        }
    }

    /// How long customers were affected: the time to resolve.
    pub fn duration(&self) -> Option<&Span> {
        self.spans
            .iter()
            .find(|s| s.to == Moment::Resolved && s.value.is_some())
    }
}

fn span(m: &KeyMoments, name: &'static str, short: &'static str, from: Moment, to: Moment) -> Span {
    let value = match (m.get(from), m.get(to)) {
        (Some(a), Some(b)) if b >= a => Some(b - a),
        _ => None,
    };
    Span {
        name,
        short,
        from,
        to,
        value,
    }
}

/// The time from each event to the next counts towards the first event's
/// phase; the last event's time runs to the resolution, if that is later.
fn phase_times(review: &Review) -> Vec<PhaseTime> {
    let mut totals: Vec<PhaseTime> = std::iter::once(None)
        .chain(Phase::ALL.iter().copied().map(Some))
        .map(|phase| PhaseTime {
            phase,
            time: TimeDelta::zero(),
        })
        .collect();
    let slot = |phase: Option<Phase>| {
        phase.map_or(0, |p| {
            1 + Phase::ALL.iter().position(|q| *q == p).unwrap_or(0)
        })
    };
    let ends = review
        .timeline
        .iter()
        .skip(1)
        .map(|e| Some(e.at))
        .chain(std::iter::once(review.moments.resolved));
    for (event, end) in review.timeline.iter().zip(ends) {
        if let Some(end) = end.filter(|end: &DateTime<Utc>| *end > event.at) {
            totals[slot(event.phase)].time += end - event.at;
        }
    }
    // Known phases first, in order; time without a phase last.
    totals.rotate_left(1);
    totals.retain(|t| t.time > TimeDelta::zero());
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Event, Offset, ReviewKind, Severity, Source, Text};
    use chrono::DateTime;

    fn at(hm: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-11-23T{hm}:00Z"))
            .unwrap()
            .with_timezone(&Utc)
    }

    fn review() -> Review {
        Review::new(
            "r".into(),
            Text::new("t"),
            Severity::Sev2,
            ReviewKind::Full,
            at("00:00"),
            Offset::UTC,
        )
    }

    fn minutes(s: &Span) -> Option<i64> {
        s.value.map(|v| v.num_minutes())
    }

    #[test]
    fn spans_for_moments_in_order() {
        let mut r = review();
        r.moments.started = Some(at("15:50"));
        r.moments.detected = Some(at("16:02"));
        r.moments.acknowledged = Some(at("16:05"));
        r.moments.mitigated = Some(at("16:40"));
        r.moments.resolved = Some(at("17:10"));
        let m = Metrics::compute(&r);
        let got: Vec<_> = m.spans.iter().map(|s| (s.short, minutes(s))).collect();
        assert_eq!(
            got,
            [
                ("TTD", Some(12)),
                ("TTA", Some(3)),
                ("TTM", Some(50)),
                ("TTR", Some(80))
            ]
        );
        let life: Vec<_> = m.lifecycle.iter().map(minutes).collect();
        assert_eq!(life, [Some(12), Some(38), Some(30)]);
        assert!(m.out_of_order.is_empty());
        assert_eq!(
            m.duration().and_then(|s| s.value),
            Some(TimeDelta::minutes(80))
        );
    }

    #[test]
    fn without_a_start_spans_run_from_detection() {
        let mut r = review();
        r.moments.detected = Some(at("16:00"));
        r.moments.resolved = Some(at("16:30"));
        let m = Metrics::compute(&r);
        let ttr = m.spans.iter().find(|s| s.short == "TTR").unwrap();
        assert_eq!((ttr.from, minutes(ttr)), (Moment::Detected, Some(30)));
        let ttd = m.spans.iter().find(|s| s.short == "TTD").unwrap();
        assert_eq!(ttd.value, None);
    }

    #[test]
    fn moments_out_of_order_give_warnings_not_numbers() {
        let mut r = review();
        r.moments.detected = Some(at("16:05"));
        r.moments.acknowledged = Some(at("16:01"));
        r.moments.mitigated = Some(at("16:00"));
        r.moments.resolved = Some(at("16:30"));
        let m = Metrics::compute(&r);
        let tta = m.spans.iter().find(|s| s.short == "TTA").unwrap();
        assert_eq!(tta.value, None);
        assert_eq!(
            m.out_of_order,
            [
                OutOfOrder {
                    first: Moment::Detected,
                    then: Moment::Acknowledged
                },
                OutOfOrder {
                    first: Moment::Detected,
                    then: Moment::Mitigated
                },
            ]
        );
        // A mitigation before the acknowledgement is allowed.
        assert!(
            !m.out_of_order
                .iter()
                .any(|o| o.then == Moment::Mitigated && o.first == Moment::Acknowledged)
        );
    }

    #[test]
    fn phase_time_runs_from_event_to_event() {
        let mut r = review();
        let mut add = |hm: &str, phase: Option<Phase>| {
            let mut e = Event::new(at(hm), Text::new("x"), Source::Typed);
            e.phase = phase;
            r.add_event(e);
        };
        add("16:00", Some(Phase::Detection));
        add("16:10", Some(Phase::Triage));
        add("16:25", None);
        add("16:30", Some(Phase::Triage));
        add("16:45", Some(Phase::Remediation));
        r.moments.resolved = Some(at("17:00"));
        let got: Vec<_> = Metrics::compute(&r)
            .phases
            .iter()
            .map(|p| (p.phase, p.time.num_minutes()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(Phase::Detection), 10),
                (Some(Phase::Triage), 30),
                (Some(Phase::Remediation), 15),
                (None, 5),
            ]
        );
    }
}
