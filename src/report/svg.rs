//! The recovery chart as a self-contained SVG file, and as a Markdown table
//! for readers without images.
//!
//! The SVG has no script, no external font, stylesheet or image: it is
//! meant to sit beside the internal report and open anywhere. It carries a
//! `<title>` and a `<desc>` that say in words what the picture shows. Every
//! piece of user text is escaped with [`xml`] first.
//!
//! The drawing follows [`crate::domain::chart`]: the y axis is the distance
//! from recovery, so work that helped moves the line down and to the right.
//! Judged events are filled circles (`class="point positive"`, `negative`
//! or `neutral`); events not yet judged are hollow diamonds
//! (`<rect class="point unjudged">`), so the two never mix.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::domain::{Impact, ItemId, RecoveryChart, Review, recovery_chart};

use super::escape;
use super::format::{Clock, impact, offset_label};

/// The picture's size, in SVG user units.
const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 300.0;
/// The plot area inside the picture.
const LEFT: f64 = 90.0;
const RIGHT: f64 = WIDTH - 45.0;
const TOP: f64 = 50.0;
const BOTTOM: f64 = HEIGHT - 60.0;

/// Colours, with the shape and a symbol in the tooltip telling impacts apart
/// for readers who cannot tell the colours apart.
const STYLE: &str = "\
text{font-family:sans-serif;font-size:11px;fill:#222}\
.axis{stroke:#222;stroke-width:1}\
.line{fill:none;stroke:#1f4e79;stroke-width:2}\
.positive{fill:#2e7d32}\
.negative{fill:#c62828}\
.neutral{fill:#757575}\
.unjudged{fill:#fff;stroke:#222;stroke-width:1.5}\
.marker{stroke:#555;stroke-width:1;stroke-dasharray:4 3}\
.band{opacity:0.12}\
.band.detection{fill:#f9a825}\
.band.response{fill:#1565c0}\
.band.remediation{fill:#2e7d32}\
.empty{font-size:16px;fill:#555}";

/// The name of the chart's file, written beside the internal report that
/// links to it: `<id>.recovery.svg`.
pub fn chart_file_name(review: &Review) -> String {
    format!("{}.recovery.svg", review.id)
}

/// The recovery chart of `review` as a complete SVG document.
///
/// x is time, from the earliest to the latest of the events and key
/// moments, labelled in the review's offset; y is the distance from
/// recovery. An empty timeline still gives a valid picture, which says
/// there are no events yet.
pub fn recovery_chart_svg(review: &Review) -> String {
    let chart = recovery_chart(review);
    let clock = Clock::new(review);
    let mut out = String::with_capacity(4096 + chart.points.len() * 256);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"chart-title chart-desc\">"
    );
    let _ = writeln!(
        out,
        "<title id=\"chart-title\">Recovery chart: {}</title>",
        xml(&title(review))
    );
    let _ = writeln!(
        out,
        "<desc id=\"chart-desc\">{}</desc>",
        xml(&describe(review, &chart))
    );
    let _ = writeln!(out, "<style>{STYLE}</style>");
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fff\"/>"
    );

    let scale = Scale::new(&chart);
    bands(&mut out, &chart, &scale);
    axes(&mut out, &chart, &scale, &clock, review);
    markers(&mut out, &chart, &scale);
    if chart.is_empty() {
        let _ = writeln!(
            out,
            "<text class=\"empty\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">No events yet</text>",
            (LEFT + RIGHT) / 2.0,
            (TOP + BOTTOM) / 2.0
        );
    } else {
        line(&mut out, &chart, &scale);
        points(&mut out, &chart, &scale, &clock);
    }
    out.push_str("</svg>\n");
    out
}

/// How the table's distance is counted, for the sentence above it.
pub const DISTANCE_NOTE: &str = "Distance from recovery counts steps from the start: \
     each positive event takes one off, each negative one adds one.";

/// The points of the chart as a Markdown table: time in the review's
/// offset, impact, distance from recovery after the event, and the event's
/// text, with a sentence saying the offset and how distance is counted. An
/// empty timeline gives a sentence instead of a table.
pub fn points_table(review: &Review) -> String {
    if review.timeline.is_empty() {
        return "No events on the timeline yet.\n".to_owned();
    }
    format!(
        "Times are {}. {DISTANCE_NOTE}\n\n{}",
        offset_label(review.offset),
        points_rows(review, |_| true)
    )
}

/// The table of [`points_table`] alone, for a report that has already
/// said which offset its times are in; only the events `keep` accepts.
pub fn points_rows(review: &Review, keep: impl Fn(ItemId) -> bool) -> String {
    let chart = recovery_chart(review);
    let clock = Clock::new(review);
    let mut out =
        String::from("| Time | Impact | Distance from recovery | Event |\n|---|---|--:|---|\n");
    for p in chart.points.iter().filter(|p| keep(p.id)) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            clock.short(p.at),
            impact(p.impact),
            p.distance,
            escape::cell(&p.text)
        );
    }
    out
}

/// Escapes `s` for XML text and attribute values: the five special
/// characters become entities, a line break becomes a space, and characters
/// that XML 1.0 does not allow (control characters, U+FFFE, U+FFFF) are
/// made visible or replaced, so no input can break the document.
pub fn xml(s: &str) -> String {
    let clean = crate::domain::text::visible(s);
    let mut out = String::with_capacity(clean.len() + 16);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c if (c as u32) < 0x20 => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The review's title, or a stand-in when it is empty.
fn title(review: &Review) -> String {
    let t = review.title.as_str().trim();
    if t.is_empty() {
        "Untitled review".to_owned()
    } else {
        t.to_owned()
    }
}

/// What the picture shows, in words (not yet escaped).
fn describe(review: &Review, chart: &RecoveryChart) -> String {
    if chart.is_empty() {
        return "No events yet: the timeline is empty.".to_owned();
    }
    let count = |i: Impact| chart.points.iter().filter(|p| p.impact == i).count();
    let mut s = format!(
        "{} events over time: {} moved towards recovery, {} away from it, {} neither, \
         {} not yet judged. Distance from recovery at the end: {} steps from the start. \
         Times are {}.",
        chart.points.len(),
        count(Impact::Positive),
        count(Impact::Negative),
        count(Impact::Neutral),
        chart.unjudged,
        chart.final_distance(),
        offset_label(review.offset),
    );
    if !chart.markers.is_empty() {
        let clock = Clock::new(review);
        let moments: Vec<String> = chart
            .markers
            .iter()
            .map(|m| format!("{} at {}", m.moment.describe(), clock.short(m.at)))
            .collect();
        let _ = write!(s, " Key moments: {}.", moments.join(", "));
    }
    s
}

/// Maps times and distances to picture coordinates.
struct Scale {
    start: Option<DateTime<Utc>>,
    /// Seconds from `start` to the latest time; `0` when all is at once.
    seconds: f64,
    lo: i32,
    hi: i32,
}

impl Scale {
    fn new(chart: &RecoveryChart) -> Scale {
        let span = chart.span();
        let (lo, hi) = chart.distance_range();
        Scale {
            start: span.map(|(a, _)| a),
            seconds: span.map_or(0.0, |(a, b)| (b - a).num_milliseconds() as f64 / 1000.0),
            lo,
            hi,
        }
    }

    /// The x of `at`; everything at one instant sits in the middle.
    fn x(&self, at: DateTime<Utc>) -> f64 {
        match self.start {
            Some(start) if self.seconds > 0.0 => {
                let t = (at - start).num_milliseconds() as f64 / 1000.0;
                LEFT + (t / self.seconds).clamp(0.0, 1.0) * (RIGHT - LEFT)
            }
            _ => (LEFT + RIGHT) / 2.0,
        }
    }

    /// The y of a distance: further from recovery is higher up.
    fn y(&self, distance: i32) -> f64 {
        // One spare step above and below keeps points off the frame.
        let lo = f64::from(self.lo) - 1.0;
        let hi = f64::from(self.hi) + 1.0;
        TOP + (hi - f64::from(distance)) / (hi - lo) * (BOTTOM - TOP)
    }
}

/// Shaded bands for detection, response and remediation, labelled below
/// the time axis.
fn bands(out: &mut String, chart: &RecoveryChart, scale: &Scale) {
    for band in &chart.bands {
        let x0 = scale.x(band.from);
        let x1 = scale.x(band.to);
        let _ = writeln!(
            out,
            "<rect class=\"band {name}\" x=\"{x0:.1}\" y=\"{TOP:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>",
            (x1 - x0).max(1.0),
            BOTTOM - TOP,
            name = band.name,
        );
        let _ = writeln!(
            out,
            "<text class=\"band-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            (x0 + x1) / 2.0,
            BOTTOM + 36.0,
            band.name
        );
    }
}

/// The two axes, with time labels along x and the meaning of y.
fn axes(out: &mut String, chart: &RecoveryChart, scale: &Scale, clock: &Clock, review: &Review) {
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{BOTTOM}\" x2=\"{RIGHT}\" y2=\"{BOTTOM}\"/>\n\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{BOTTOM}\"/>"
    );
    // Time labels: five evenly spaced, or one when everything is at once.
    if let Some((start, end)) = chart.span() {
        let ticks: Vec<DateTime<Utc>> = if start == end {
            vec![start]
        } else {
            (0..5).map(|i| start + (end - start) * i / 4).collect()
        };
        for t in ticks {
            let x = scale.x(t);
            let _ = writeln!(
                out,
                "<line class=\"axis\" x1=\"{x:.1}\" y1=\"{BOTTOM}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>\n\
                 <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                BOTTOM + 4.0,
                BOTTOM + 16.0,
                xml(&clock.short(t))
            );
        }
    }
    let _ = writeln!(
        out,
        "<text x=\"{RIGHT}\" y=\"{:.1}\" text-anchor=\"end\">time ({})</text>",
        HEIGHT - 6.0,
        xml(&offset_label(review.offset))
    );
    // The distance axis: the start level, and which way is which.
    if !chart.is_empty() {
        let y0 = scale.y(0);
        let _ = writeln!(
            out,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">start</text>",
            LEFT - 6.0,
            y0 + 4.0
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">further from</text>\n\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">recovery ↑</text>\n\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">closer to</text>\n\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">recovery ↓</text>",
        LEFT - 6.0,
        TOP - 14.0,
        LEFT - 6.0,
        TOP - 2.0,
        LEFT - 6.0,
        BOTTOM - 14.0,
        LEFT - 6.0,
        BOTTOM - 2.0,
    );
}

/// A dashed vertical line per key moment, labelled at the top. Labels of
/// moments close together alternate between two rows.
fn markers(out: &mut String, chart: &RecoveryChart, scale: &Scale) {
    for (i, m) in chart.markers.iter().enumerate() {
        let x = scale.x(m.at);
        let row = if i % 2 == 0 { TOP - 28.0 } else { TOP - 16.0 };
        let _ = writeln!(
            out,
            "<line class=\"marker\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{BOTTOM}\"/>\n\
             <text class=\"marker-label\" x=\"{x:.1}\" y=\"{row:.1}\" text-anchor=\"middle\">{}</text>",
            row + 3.0,
            m.moment.describe()
        );
    }
}

/// The step line: from the start level, flat until each event, then up or
/// down by its step.
fn line(out: &mut String, chart: &RecoveryChart, scale: &Scale) {
    let Some(first) = chart.points.first() else {
        return;
    };
    let mut d = format!("M {:.1} {:.1}", scale.x(first.at), scale.y(0));
    for p in &chart.points {
        let _ = write!(d, " H {:.1} V {:.1}", scale.x(p.at), scale.y(p.distance));
    }
    let _ = writeln!(out, "<path class=\"line\" d=\"{d}\"/>");
}

/// One mark per event, with its time, impact and text as a tooltip.
fn points(out: &mut String, chart: &RecoveryChart, scale: &Scale, clock: &Clock) {
    for p in &chart.points {
        let (x, y) = (scale.x(p.at), scale.y(p.distance));
        let tip = xml(&format!(
            "{} {} {}: {}",
            p.id,
            clock.short(p.at),
            impact(p.impact),
            p.text
        ));
        match p.impact {
            Impact::Unjudged => {
                let _ = writeln!(
                    out,
                    "<rect class=\"point unjudged\" x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" \
                     transform=\"rotate(45 {x:.1} {y:.1})\"><title>{tip}</title></rect>",
                    x - 4.0,
                    y - 4.0
                );
            }
            judged => {
                let _ = writeln!(
                    out,
                    "<circle class=\"point {judged}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\">\
                     <title>{tip}</title></circle>"
                );
            }
        }
    }
}
