use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Cell;
use ratatui::style::Modifier;

use super::*;
use crate::domain::{Event, Moment, Offset, ReviewKind, Severity, Source, Text};
use crate::store::codec::decode;
use crate::ui::theme::{DARK, LIGHT, MONO};

fn example() -> Review {
    decode(
        include_str!("../../../assets/example-review.ron"),
        Path::new("example-review.ron"),
    )
    .expect("the example review decodes")
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn blank() -> Review {
    Review::new(
        "r".into(),
        Text::new("A quiet incident"),
        Severity::Sev3,
        ReviewKind::Quick,
        at("2026-11-23T20:00:00Z"),
        Offset::UTC,
    )
}

/// A review with one unjudged event, and a key moment at the same
/// instant: nothing to spread along x.
fn one_event() -> Review {
    let mut r = blank();
    let t = at("2026-11-23T16:00:00Z");
    r.add_event(Event::new(
        t,
        Text::new("The only thing that happened"),
        Source::Typed,
    ));
    r.moments.set(Moment::Detected, Some(t));
    r
}

fn render(
    theme: &Theme,
    review: &Review,
    selected: usize,
    braille: bool,
    w: u16,
    h: u16,
) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    draw(
        theme,
        &Keymap::defaults(),
        review,
        selected,
        braille,
        area,
        &mut buf,
    );
    buf
}

fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buf.cell((x, y)).map_or(" ", Cell::symbol))
                .collect()
        })
        .collect()
}

fn row_of(rows: &[String], needle: &str) -> Option<usize> {
    rows.iter().position(|r| r.contains(needle))
}

fn is_braille(c: char) -> bool {
    ('\u{2800}'..='\u{28FF}').contains(&c)
}

/// The rows of the plot: between the moments' labels and the x axis.
fn plot_rows(rows: &[String]) -> &[String] {
    let axis = row_of(rows, "└").expect("an x axis");
    &rows[3..axis]
}

#[test]
fn the_selected_event_is_described_below_the_chart() {
    let review = example();
    for (w, h) in [(80, 24), (160, 48)] {
        let rows = rows(&render(&DARK, &review, 2, true, w, h));
        let axis = row_of(&rows, "└").expect("an x axis");
        let header = row_of(&rows, "point 3/16").expect("the position");
        let text = row_of(&rows, "Alert CheckoutErrorRateHigh fired").expect("the text");
        assert!(
            axis < header && header < text,
            "{w}x{h}: {axis} {header} {text}"
        );
        // The time in the review's offset (14:02 UTC at +01:00), no
        // actor, the impact and the phase.
        for part in ["15:02", "nobody named", "+ positive", "detection"] {
            assert!(
                rows[header].contains(part),
                "{w}x{h}: {part} in {}",
                rows[header]
            );
        }
        // The text is wrapped, never cut at the edge.
        assert!(
            rows.iter()
                .any(|r| r.contains("paged the payments on-call."))
        );
    }
}

#[test]
fn an_actor_is_named_and_a_long_text_wraps() {
    let review = example();
    let chart = recovery_chart(&review);
    let i = chart
        .points
        .iter()
        .position(|p| p.text.starts_with("kubectl"))
        .expect("the restart event");
    let rows = rows(&render(&DARK, &review, i, true, 80, 24));
    let header = row_of(&rows, &format!("point {}/16", i + 1)).expect("the position");
    let actor = review.timeline[i]
        .actor
        .as_ref()
        .expect("an actor")
        .to_string();
    assert!(rows[header].contains(&actor), "{}", rows[header]);
    assert!(rows[header].contains("- negative"), "{}", rows[header]);
    assert!(row_of(&rows, "kubectl -n payments rollout restart").is_some());
}

#[test]
fn the_unjudged_events_are_counted() {
    let review = example();
    assert_eq!(recovery_chart(&review).unjudged, 2);
    let rows = rows(&render(&DARK, &review, 0, true, 80, 24));
    assert!(row_of(&rows, "2 not judged yet").is_some());
    assert!(row_of(&rows, "? not judged").is_some(), "the legend");
}

#[test]
fn an_empty_timeline_says_what_to_do() {
    for (w, h) in [(80, 24), (160, 48), (30, 10)] {
        let rows = rows(&render(&DARK, &blank(), 0, true, w, h));
        let all = rows.join(" ");
        assert!(all.contains("No events yet"), "{w}x{h}");
        let inside = rows[2..usize::from(h) - 2].join("");
        assert!(
            !inside.contains('└') && !inside.contains("point"),
            "no chart at {w}x{h}"
        );
        assert!(
            !all.contains("Enter"),
            "only closing makes sense at {w}x{h}"
        );
    }
    let rows = rows(&render(&DARK, &blank(), 0, true, 80, 24));
    assert!(row_of(&rows, EMPTY).is_some());
    // Centred, roughly halfway down.
    let y = row_of(&rows, EMPTY).unwrap_or_default();
    assert!((10..=13).contains(&y), "{y}");
}

#[test]
fn no_size_and_no_selection_panics() {
    let sizes = [
        (0, 0),
        (1, 1),
        (10, 3),
        (30, 8),
        (79, 23),
        (80, 24),
        (160, 48),
        (300, 90),
    ];
    for review in [example(), one_event(), blank()] {
        for (w, h) in sizes {
            for selected in [0, 5, usize::MAX] {
                for braille in [true, false] {
                    render(&DARK, &review, selected, braille, w, h);
                }
            }
        }
    }
}

#[test]
fn a_selection_past_the_end_is_the_last_point() {
    let rows = rows(&render(&DARK, &example(), usize::MAX, true, 80, 24));
    assert!(row_of(&rows, "point 16/16").is_some());
    assert!(row_of(&rows, "Payments reconciliation run finished").is_some());
}

#[test]
fn one_event_at_one_instant_is_drawn_in_the_middle() {
    let rows = rows(&render(&DARK, &one_event(), 0, false, 80, 24));
    assert!(row_of(&rows, "point 1/1").is_some());
    assert!(row_of(&rows, "The only thing that happened").is_some());
    // The range is widened around the instant, so the labels differ.
    let labels = row_of(&rows, "16:00").expect("the instant in the middle");
    assert!(rows[labels].contains("15:55") && rows[labels].contains("16:05"));
    let plot = plot_rows(&rows);
    assert!(plot.iter().any(|r| r.contains('?')), "the unjudged point");
    let line = plot.iter().find(|r| r.contains('?')).expect("a point");
    let x = line.chars().position(|c| c == '?').unwrap_or_default();
    assert!((30..=50).contains(&x), "in the middle: {x}");
}

#[test]
fn plain_characters_have_no_braille_and_braille_has_some() {
    for review in [example(), one_event()] {
        let plain = rows(&render(&MONO, &review, 0, false, 80, 24)).join("");
        assert!(!plain.chars().any(is_braille), "{plain}");
    }
    let plain = rows(&render(&MONO, &example(), 0, false, 160, 48)).join("");
    assert!(!plain.chars().any(is_braille));
    let braille = rows(&render(&DARK, &example(), 0, true, 80, 24)).join("");
    assert!(braille.chars().any(is_braille));
}

#[test]
fn impacts_read_without_colour() {
    let rows = rows(&render(&MONO, &example(), 0, false, 80, 24));
    let plot = plot_rows(&rows).join("");
    for symbol in ['+', '-', '=', '?'] {
        assert!(plot.contains(symbol), "{symbol} on the chart");
    }
    assert!(row_of(&rows, "+ positive  - negative  = neutral  ? not judged").is_some());
}

#[test]
fn the_selected_point_is_reversed() {
    let review = example();
    let chart = recovery_chart(&review);
    for theme in [&DARK, &LIGHT, &MONO] {
        for (i, p) in chart.points.iter().enumerate() {
            let buf = render(theme, &review, i, true, 160, 48);
            let reversed: Vec<&Cell> = buf
                .content()
                .iter()
                .filter(|c| c.modifier.contains(Modifier::REVERSED))
                .collect();
            assert_eq!(reversed.len(), 1, "point {i}");
            assert_eq!(reversed[0].symbol(), p.impact.symbol(), "point {i}");
        }
    }
}

#[test]
fn key_moments_are_labelled_above_their_lines() {
    let rows = rows(&render(&DARK, &example(), 0, true, 160, 48));
    let labels = &rows[2];
    for name in ["started", "acknowledged", "mitigated", "resolved"] {
        let x = labels
            .find(name)
            .unwrap_or_else(|| panic!("{name} in {labels}"));
        let start = labels[..x].chars().count();
        let below: String = rows[3].chars().skip(start).take(name.len()).collect();
        assert!(below.contains('┆'), "{name} above its line: {below:?}");
    }
    // Detected is five minutes before acknowledged: only its initial
    // fits, and the notes say what it stands for.
    assert!(labels.contains(" D "), "{labels}");
    assert!(row_of(&rows, "D\u{a0}detected\u{a0}15:02").is_some());
    // Times are in the review's offset.
    assert!(row_of(&rows, "times in UTC+01:00").is_some());
    assert!(row_of(&rows, "14:48").is_some() && row_of(&rows, "16:20").is_some());
}

#[test]
fn every_point_shows_its_impact_and_every_moment_is_labelled() {
    for review in [example(), one_event()] {
        let chart = recovery_chart(&review);
        for (w, h) in [(80, 24), (160, 48)] {
            for braille in [true, false] {
                let buf = render(&DARK, &review, 3, braille, w, h);
                let text: String = rows(&buf).concat();
                for p in &chart.points {
                    assert!(text.contains(p.impact.symbol()), "{w}x{h}");
                }
                let glyphs = text.chars().filter(|c| *c == moment_glyph(braille)).count();
                assert!(glyphs >= chart.markers.len(), "{w}x{h}: {glyphs}");
            }
        }
    }
}

#[test]
fn nothing_is_drawn_outside_the_area() {
    let review = example();
    for area in [
        Rect::new(5, 3, 80, 24),
        Rect::new(0, 0, 160, 48),
        Rect::new(2, 1, 20, 6),
    ] {
        let whole = Rect::new(0, 0, 170, 55);
        let mut buf = Buffer::filled(whole, Cell::new("x"));
        draw(&DARK, &Keymap::defaults(), &review, 4, true, area, &mut buf);
        for y in whole.top()..whole.bottom() {
            for x in whole.left()..whole.right() {
                if area.contains((x, y).into()) {
                    continue;
                }
                let cell = buf.cell((x, y)).expect("inside the buffer");
                assert_eq!(cell, &Cell::new("x"), "({x}, {y}) outside {area:?}");
            }
        }
    }
}

#[test]
fn the_key_hints_are_on_the_bottom_border() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let review = example();
    terminal
        .draw(|frame| {
            let area = frame.area();
            draw(
                &DARK,
                &Keymap::defaults(),
                &review,
                0,
                true,
                area,
                frame.buffer_mut(),
            );
        })
        .expect("drawn");
    let rows = rows(terminal.backend().buffer());
    let bottom = &rows[22];
    for hint in ["←/→ point", "Enter go to event", "Esc close"] {
        assert!(bottom.contains(hint), "{hint} in {bottom}");
    }
    assert!(rows[1].contains("Recovery chart"));
}
