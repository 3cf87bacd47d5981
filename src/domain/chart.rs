//! The recovery chart: the timeline plotted against the state of recovery.
//!
//! # The y axis
//!
//! The y value of a point is its **distance from recovery**, counted in
//! steps and relative to where the incident stood before the first event:
//!
//! - the line starts at `0` ("incident ongoing"; how bad the impact was at
//!   its worst is not modelled, the chart only counts steps);
//! - an event judged [`Impact::Positive`] moves it one step *towards*
//!   recovery, so the distance goes **down** by one;
//! - an event judged [`Impact::Negative`] moves it one step *away*, so the
//!   distance goes **up** by one;
//! - [`Impact::Neutral`] and [`Impact::Unjudged`] events leave it where it
//!   was. Unjudged events are still points, flagged so that they can be
//!   drawn apart, and counted in [`RecoveryChart::unjudged`].
//!
//! Drawn with the distance upwards, as renderers do, work that helped moves
//! the line down and to the right, as the domain describes it, and a setback
//! pushes it back up. A distance below zero is normal: it only means more
//! steps helped than hurt.
//!
//! Pure: no file, no terminal, no clock.

use chrono::{DateTime, Utc};

use super::metrics::Metrics;
use super::review::{ItemId, Moment, Review};
use super::timeline::Impact;

/// One event on the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// The event this point stands for.
    pub id: ItemId,
    /// When the event happened, in UTC.
    pub at: DateTime<Utc>,
    /// The distance from recovery *after* the event (see the module docs).
    pub distance: i32,
    /// How the event was judged.
    pub impact: Impact,
    /// The event's text, as typed (not escaped).
    pub text: String,
}

impl Point {
    /// Whether the event has not been judged yet.
    pub fn is_unjudged(&self) -> bool {
        self.impact == Impact::Unjudged
    }
}

/// A key moment of the incident, drawn as a vertical line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    pub moment: Moment,
    pub at: DateTime<Utc>,
}

/// A part of the incident's lifecycle between two key moments: detection
/// (started to detected), response (detected to mitigated) and remediation
/// (mitigated to resolved), as in [`Metrics::lifecycle`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// `"detection"`, `"response"` or `"remediation"`.
    pub name: &'static str,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// The chart of a review's recovery over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryChart {
    /// One point per event, in timeline (time) order.
    pub points: Vec<Point>,
    /// The key moments that are set, in lifecycle order.
    pub markers: Vec<Marker>,
    /// The lifecycle phases whose two key moments are set and in order.
    pub bands: Vec<Band>,
    /// How many events are not judged yet.
    pub unjudged: usize,
}

impl RecoveryChart {
    /// Whether the chart has no point to draw.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// How many events are judged (positive, negative or neutral).
    pub fn judged(&self) -> usize {
        self.points.len() - self.unjudged
    }

    /// The earliest and latest time among points and markers, or `None`
    /// when there is neither. Both may be the same instant.
    pub fn span(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let times = self
            .points
            .iter()
            .map(|p| p.at)
            .chain(self.markers.iter().map(|m| m.at));
        times.fold(None, |acc, t| match acc {
            None => Some((t, t)),
            Some((lo, hi)) => Some((lo.min(t), hi.max(t))),
        })
    }

    /// The lowest and highest distance on the chart, the starting `0`
    /// included, so `lo <= 0 <= hi`.
    pub fn distance_range(&self) -> (i32, i32) {
        self.points.iter().fold((0, 0), |(lo, hi), p| {
            (lo.min(p.distance), hi.max(p.distance))
        })
    }

    /// The distance at the end of the timeline (`0` when it is empty).
    pub fn final_distance(&self) -> i32 {
        self.points.last().map_or(0, |p| p.distance)
    }
}

/// How far an event of this impact moves the distance from recovery.
pub fn step(impact: Impact) -> i32 {
    match impact {
        Impact::Positive => -1,
        Impact::Negative => 1,
        Impact::Neutral | Impact::Unjudged => 0,
    }
}

/// The recovery chart of `review`: one point per event of its timeline (in
/// the timeline's order, which is time order), the key moments that are
/// set, and the lifecycle bands between them.
pub fn recovery_chart(review: &Review) -> RecoveryChart {
    let mut distance = 0;
    let points: Vec<Point> = review
        .timeline
        .iter()
        .map(|e| {
            distance += step(e.impact);
            Point {
                id: e.id,
                at: e.at,
                distance,
                impact: e.impact,
                text: e.text.as_str().to_owned(),
            }
        })
        .collect();
    let unjudged = points.iter().filter(|p| p.is_unjudged()).count();
    let markers = review
        .moments
        .set_moments()
        .map(|(moment, at)| Marker { moment, at })
        .collect();
    let m = &review.moments;
    let bands = Metrics::compute(review)
        .lifecycle
        .iter()
        .filter(|s| s.value.is_some())
        .filter_map(|s| {
            Some(Band {
                name: s.short,
                from: m.get(s.from)?,
                to: m.get(s.to)?,
            })
        })
        .collect();
    RecoveryChart {
        points,
        markers,
        bands,
        unjudged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_down_towards_recovery() {
        assert_eq!(step(Impact::Positive), -1);
        assert_eq!(step(Impact::Negative), 1);
        assert_eq!(step(Impact::Neutral), 0);
        assert_eq!(step(Impact::Unjudged), 0);
    }
}
