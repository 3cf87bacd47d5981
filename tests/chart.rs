//! The recovery chart: its points for a hand-computed timeline, the SVG as
//! well-formed XML that no user text can break, and the Markdown table of
//! points for readers without images.

mod common;

use chrono::{DateTime, Utc};
use debrief::domain::*;
use debrief::report::svg::{points_table, recovery_chart_svg};
use pulldown_cmark::{Event as Md, Options, Parser, Tag, TagEnd};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn review() -> Review {
    Review::new(
        "r".into(),
        Text::new("Chart test"),
        Severity::Sev2,
        ReviewKind::Full,
        at("2026-11-23T20:00:00Z"),
        Offset::from_seconds(3600).unwrap_or_default(),
    )
}

fn add(r: &mut Review, when: &str, impact: Impact, text: &str) -> ItemId {
    let mut e = Event::new(at(when), Text::new(text), Source::Typed);
    e.impact = impact;
    r.add_event(e)
}

/// Six events: + - = ? + + at known times.
fn six() -> Review {
    let mut r = review();
    add(&mut r, "2026-11-23T15:00:00Z", Impact::Positive, "paged");
    add(
        &mut r,
        "2026-11-23T15:10:00Z",
        Impact::Negative,
        "restart made it worse",
    );
    add(
        &mut r,
        "2026-11-23T15:20:00Z",
        Impact::Neutral,
        "looked at dashboards",
    );
    add(
        &mut r,
        "2026-11-23T15:30:00Z",
        Impact::Unjudged,
        "asked in chat",
    );
    add(
        &mut r,
        "2026-11-23T15:40:00Z",
        Impact::Positive,
        "rolled back",
    );
    add(
        &mut r,
        "2026-11-23T15:50:00Z",
        Impact::Positive,
        "errors gone",
    );
    r
}

/// Parses `svg` as XML, failing the test with the document when it is not.
fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"))
}

fn classes<'a>(node: &roxmltree::Node<'a, '_>) -> Vec<&'a str> {
    node.attribute("class")
        .map(|c| c.split_whitespace().collect())
        .unwrap_or_default()
}

/// (circles with class "point", elements with class "point unjudged").
fn count_points(doc: &roxmltree::Document<'_>) -> (usize, usize) {
    let circles = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") && classes(n).contains(&"point"))
        .count();
    let unjudged = doc
        .descendants()
        .filter(|n| {
            let c = classes(n);
            c.contains(&"point") && c.contains(&"unjudged")
        })
        .count();
    (circles, unjudged)
}

#[test]
fn points_follow_the_hand_computed_distances() {
    let chart = recovery_chart(&six());
    let distances: Vec<i32> = chart.points.iter().map(|p| p.distance).collect();
    // + takes one off, - adds one, = and ? leave it.
    assert_eq!(distances, [-1, 0, 0, 0, -1, -2]);
    assert_eq!(chart.unjudged, 1);
    assert_eq!(chart.judged(), 5);
    assert_eq!(chart.final_distance(), -2);
    assert_eq!(chart.distance_range(), (-2, 0));
    assert!(chart.points[3].is_unjudged());
    assert_eq!(chart.points[1].text, "restart made it worse");
    assert_eq!(chart.points[1].at, at("2026-11-23T15:10:00Z"));
    assert_eq!(chart.points[5].id, ItemId(6));
    assert!(chart.markers.is_empty());
    assert!(chart.bands.is_empty());
    assert_eq!(
        chart.span(),
        Some((at("2026-11-23T15:00:00Z"), at("2026-11-23T15:50:00Z")))
    );
}

#[test]
fn markers_and_bands_come_from_the_key_moments_that_are_set() {
    let mut r = six();
    r.moments.detected = Some(at("2026-11-23T14:58:00Z"));
    r.moments.mitigated = Some(at("2026-11-23T15:45:00Z"));
    r.moments.resolved = Some(at("2026-11-23T16:10:00Z"));
    let chart = recovery_chart(&r);
    let markers: Vec<(Moment, DateTime<Utc>)> =
        chart.markers.iter().map(|m| (m.moment, m.at)).collect();
    assert_eq!(
        markers,
        [
            (Moment::Detected, at("2026-11-23T14:58:00Z")),
            (Moment::Mitigated, at("2026-11-23T15:45:00Z")),
            (Moment::Resolved, at("2026-11-23T16:10:00Z")),
        ]
    );
    let bands: Vec<&str> = chart.bands.iter().map(|b| b.name).collect();
    assert_eq!(bands, ["response", "remediation"]);
    assert_eq!(
        chart.span(),
        Some((at("2026-11-23T14:58:00Z"), at("2026-11-23T16:10:00Z")))
    );
}

#[test]
fn svg_holds_one_circle_per_judged_event_and_marks_unjudged_ones_apart() {
    let mut r = six();
    r.moments.started = Some(at("2026-11-23T14:50:00Z"));
    r.moments.detected = Some(at("2026-11-23T14:58:00Z"));
    let svg = recovery_chart_svg(&r);
    let doc = parse(&svg);
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    assert_eq!(root.attribute("viewBox"), Some("0 0 800 300"));
    assert!(root.children().any(|n| n.has_tag_name("title")));
    assert!(root.children().any(|n| n.has_tag_name("desc")));
    assert_eq!(count_points(&doc), (5, 1));
    for (impact, n) in [("positive", 3), ("negative", 1), ("neutral", 1)] {
        let found = doc
            .descendants()
            .filter(|c| c.has_tag_name("circle") && classes(c).contains(&impact))
            .count();
        assert_eq!(found, n, "{impact}");
    }
    // The unjudged mark is not a circle.
    assert!(
        doc.descendants()
            .all(|n| !(n.has_tag_name("circle") && classes(&n).contains(&"unjudged")))
    );
    // Two key moments, one band between them, labels in the review offset.
    let markers = doc
        .descendants()
        .filter(|n| classes(n).contains(&"marker"))
        .count();
    assert_eq!(markers, 2);
    assert!(
        doc.descendants()
            .any(|n| classes(&n).contains(&"detection") && classes(&n).contains(&"band"))
    );
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"15:50"), "{texts:?}"); // 14:50 UTC at +01:00
    assert!(texts.contains(&"16:50"), "{texts:?}");
    assert!(!svg.contains("<script"));
}

#[test]
fn hostile_text_stays_text() {
    let hostile = "<script>alert('x')</script> & \"quoted\" ]]> <![CDATA[ &amp; \u{1b}";
    let mut r = review();
    r.title = Text::new(hostile);
    add(&mut r, "2026-11-23T15:00:00Z", Impact::Positive, hostile);
    add(&mut r, "2026-11-23T15:05:00Z", Impact::Unjudged, hostile);
    let svg = recovery_chart_svg(&r);
    let doc = parse(&svg);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("]]>"));
    assert!(
        svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quoted&quot;")
    );
    assert_eq!(count_points(&doc), (1, 1));
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
    // The parsed text is what was typed (control characters made visible).
    let tips: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        tips.iter()
            .any(|t| t.contains("<script>alert('x')</script> & \"quoted\" ]]>")),
        "{tips:?}"
    );
}

#[test]
fn edge_cases_give_valid_svg() {
    // Empty timeline, no key moments.
    let empty = review();
    let svg = recovery_chart_svg(&empty);
    let doc = parse(&svg);
    assert_eq!(count_points(&doc), (0, 0));
    assert!(doc.descendants().any(|n| n.text() == Some("No events yet")));
    assert!(recovery_chart(&empty).span().is_none());

    // Empty timeline with key moments.
    let mut moments_only = review();
    moments_only.moments.detected = Some(at("2026-11-23T15:00:00Z"));
    moments_only.moments.resolved = Some(at("2026-11-23T16:00:00Z"));
    assert_eq!(
        count_points(&parse(&recovery_chart_svg(&moments_only))),
        (0, 0)
    );

    // A single event.
    let mut single = review();
    add(&mut single, "2026-11-23T15:00:00Z", Impact::Negative, "one");
    assert_eq!(count_points(&parse(&recovery_chart_svg(&single))), (1, 0));

    // Everything at the same instant, moments included.
    let mut same = review();
    for impact in [Impact::Positive, Impact::Unjudged, Impact::Neutral] {
        add(&mut same, "2026-11-23T15:00:00Z", impact, "now");
    }
    same.moments.detected = Some(at("2026-11-23T15:00:00Z"));
    let svg = recovery_chart_svg(&same);
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    assert_eq!(count_points(&parse(&svg)), (2, 1));
}

/// The rows of each table in `md` (header row excluded), as lists of
/// cell texts.
fn table_rows(md: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut in_head = false;
    let mut row: Option<Vec<String>> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Md::Start(Tag::TableHead) => in_head = true,
            Md::End(TagEnd::TableHead) => in_head = false,
            Md::Start(Tag::TableRow) if !in_head => row = Some(Vec::new()),
            Md::End(TagEnd::TableRow) => rows.extend(row.take()),
            Md::Start(Tag::TableCell) => {
                if let Some(r) = row.as_mut() {
                    r.push(String::new());
                }
            }
            Md::Text(t) | Md::Code(t) => {
                if let Some(cell) = row.as_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&t);
                }
            }
            Md::Html(_) | Md::InlineHtml(_) => panic!("HTML in the table:\n{md}"),
            _ => {}
        }
    }
    rows
}

#[test]
fn points_table_has_one_row_per_point() {
    let mut r = six();
    add(
        &mut r,
        "2026-11-23T16:00:00Z",
        Impact::Negative,
        "a | b <br> *c*",
    );
    let md = points_table(&r);
    let rows = table_rows(&md);
    assert_eq!(rows.len(), 7, "{md}");
    assert!(rows.iter().all(|row| row.len() == 4), "{rows:?}");
    assert_eq!(rows[0], ["16:00", "+ positive", "-1", "paged"]);
    assert_eq!(rows[3][1], "? unjudged");
    assert_eq!(rows[6], ["17:00", "- negative", "-1", "a | b <br> *c*"]);

    assert!(table_rows(&points_table(&review())).is_empty());
}

#[test]
fn example_review_charts_every_event_and_key_moment() {
    let r = common::example();
    let chart = recovery_chart(&r);
    assert_eq!(chart.points.len(), r.timeline.len());
    let set: Vec<(Moment, DateTime<Utc>)> = r.moments.set_moments().collect();
    let markers: Vec<(Moment, DateTime<Utc>)> =
        chart.markers.iter().map(|m| (m.moment, m.at)).collect();
    assert_eq!(markers, set);
    assert_eq!(chart.bands.len(), 3);
    let unjudged = r
        .timeline
        .iter()
        .filter(|e| e.impact == Impact::Unjudged)
        .count();
    assert_eq!(chart.unjudged, unjudged);

    let doc_text = recovery_chart_svg(&r);
    let doc = parse(&doc_text);
    assert_eq!(count_points(&doc), (r.timeline.len() - unjudged, unjudged));
    assert_eq!(table_rows(&points_table(&r)).len(), r.timeline.len());
}
