//! Reports read the way GitHub reads them: the Markdown is rendered to HTML
//! with comrak (a port of cmark-gfm) with GFM's tables, autolinks,
//! strikethrough and task lists, raw HTML passed through and no tag
//! filter, so that anything a review's text could smuggle in would show.
//!
//! The HTML of a review with hostile text in every field must have exactly
//! the shape of the same review with plain words: the same elements with
//! the same attributes, tables with the same rows and cells. The only thing
//! text may add is a link, and only to the URL written in it.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use comrak::{Options, markdown_to_html};
use debrief::domain::text::visible;
use debrief::domain::*;
use debrief::report::{escape, markdown};
use proptest::prelude::*;

fn gfm() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    // comrak has no tag filter (GitHub's drops a few tags such as
    // <script>): raw HTML would pass whole, as it should for this check.
    options.render.r#unsafe = true;
    options
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

/// A review with `text` in every field a report shows.
fn review_with(text: &str) -> Review {
    let t = || Text::new(text);
    let mut r = Review::new(
        "2026-11-23-gfm-ab12".into(),
        t(),
        Severity::Sev2,
        ReviewKind::Full,
        at("2026-11-23T09:00:00Z"),
        Offset::UTC,
    );
    r.incident = Some(t());
    r.people.detected_by = Some(t());
    r.people.alerted_first = Some(t());
    r.people.commander = Some(t());
    r.people.facilitator = Some(t());
    r.summary.summary = t();
    r.summary.services = vec![t(), t()];
    r.summary.customer_impact = t();
    r.summary.sla_impact = t();
    r.summary.proximate_cause = t();
    r.summary.resolution = t();
    r.moments.started = Some(at("2026-11-23T09:50:00Z"));
    r.moments.detected = Some(at("2026-11-23T10:00:00Z"));
    r.moments.resolved = Some(at("2026-11-23T11:00:00Z"));
    for i in 0..3 {
        let mut e = Event::new(
            at("2026-11-23T10:00:00Z") + TimeDelta::minutes(i),
            t(),
            Source::Imported,
        );
        e.actor = Some(t());
        e.links = vec![t(), Text::new("https://dash.example/d/1")];
        e.starred = i == 1;
        e.internal = i == 2;
        e.impact = Impact::ALL[usize::try_from(i).unwrap_or(0) % Impact::ALL.len()];
        r.add_event(e);
    }
    for kind in LearningKind::ALL {
        let mut l = Learning::new(*kind, t());
        l.events.push(ItemId(1));
        r.add_learning(l);
    }
    for (i, effect) in Effect::ALL.iter().enumerate() {
        r.add_factor(Factor::new(t(), *effect, Area::ALL[i % Area::ALL.len()]));
    }
    for internal in [false, true] {
        let mut a = ActionItem::new(t());
        a.owner = Some(t());
        a.ticket = Some(t());
        a.due = NaiveDate::from_ymd_opt(2026, 12, 1);
        a.internal = internal;
        r.add_action(a);
    }
    r.add_parking(ParkingItem::new(t()));
    r.participants.push(Participant {
        name: t(),
        role: Role::FirstResponder,
    });
    r
}

/// A coach that flags nothing, so that the "Language and bias" section
/// has the same shape whatever the text.
fn quiet_coach() -> Coach {
    let off: Vec<String> = CategoryId::ALL
        .iter()
        .map(|c| format!("(id: {}, enabled: false)", c.as_str()))
        .collect();
    Coach::from_ron(&format!("(categories: [{}])", off.join(", "))).expect("a quiet coach")
}

fn reports(r: &Review) -> [(&'static str, String); 2] {
    [
        ("internal", markdown::internal_with_coach(r, &quiet_coach())),
        ("public", markdown::public(r)),
    ]
}

/// The HTML GitHub would show, as a tree.
fn html(md: &str) -> String {
    format!("<root>{}</root>", markdown_to_html(md, &gfm()))
}

fn parse<'a>(html: &'a str, what: &str) -> roxmltree::Document<'a> {
    roxmltree::Document::parse(html)
        .unwrap_or_else(|e| panic!("{what}: the HTML is not well formed ({e}):\n{html}"))
}

/// The elements and attributes of the tree, in order, without the links
/// (which are checked apart) and line breaks (multi-line text has them).
fn shape(node: roxmltree::Node<'_, '_>, out: &mut Vec<String>) {
    for child in node.children().filter(roxmltree::Node::is_element) {
        let name = child.tag_name().name();
        if name == "a" || name == "br" {
            shape(child, out);
            continue;
        }
        let mut attrs: Vec<String> = child
            .attributes()
            .map(|a| match a.name() {
                // The chart's alt text is the report's own; its src is the
                // review's id.
                "src" | "alt" => a.name().to_owned(),
                _ => format!("{}={:?}", a.name(), a.value()),
            })
            .collect();
        attrs.sort();
        out.push(format!("<{name} {}>", attrs.join(" ")));
        shape(child, out);
        out.push(format!("</{name}>"));
    }
}

/// Every link's target, after checking it is a link and nothing else.
fn links(doc: &roxmltree::Document<'_>, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    for a in doc.descendants().filter(|n| n.has_tag_name("a")) {
        let names: Vec<&str> = a.attributes().map(|a| a.name()).collect();
        assert_eq!(names, ["href"], "{what}: a link with {names:?}");
        let href = a.attribute("href").unwrap_or_default();
        assert!(
            ["http://", "https://", "ftp://", "mailto:"]
                .iter()
                .any(|s| href.to_ascii_lowercase().starts_with(s)),
            "{what}: a link to {href:?}"
        );
        assert!(
            a.children().all(|c| c.is_text()),
            "{what}: a link holds more than text"
        );
        out.push(href.to_owned());
    }
    out
}

/// `%XX` sequences decoded, so that hrefs compare by what they point to.
fn decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The text of every element (a hard line break is a `<br />` and a
/// newline, read as the newline).
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

const HOSTILE: &[&str] = &[
    "<b>bold</b> <i>x</i> <img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "</td></tr></table><h1>X</h1>",
    "<!-- comment --> <!-- open",
    "<![CDATA[x]]> <?php echo 1 ?> <!DOCTYPE html>",
    "a | b | c",
    "| --- | --- |",
    "`code` ``more`` ```fence```",
    "```\nfenced\n```",
    "[x](javascript:alert(1)) [y](<javascript:alert(1)>)",
    "![img](javascript:alert(1)) ![x](x.png)",
    "<javascript:alert(1)> <data:text/html,<b>x</b>>",
    "[x]: javascript:alert(1)\n[x]",
    "&lt;img src=x onerror=alert(1)&gt; &#60;script&#62; &#x3C;b&#x3E; &amp;lt;",
    "see https://s.example/<img src=x onerror=alert(1)>",
    "https://x/</td></tr></table><h1>X</h1>",
    "http://a.example/\\<img src=x onerror=alert(1)>",
    "www.evil.example/<script>alert(1)</script>",
    "www.x.example\\<img src=x>",
    "ops@example.com<img src=x> <ops@example.com>",
    "x https://a.example/_<b>_ y",
    "https://x.example/a|b|c and more|cells",
    "https://x.example/`|`<b>`",
    "https://x.example/'\"onmouseover=alert(1)",
    "HTTPS://X.EXAMPLE/<B>x</B>",
    "xhttps://x.example/<img src=x>",
    "1https://x.example/<img src=x>",
    "!https://x.example/a|b !www.x.example/a|b",
    "*https://x.example/a* _www.x.example_ ~www.x.example~",
    "(www.x.example) [www.x.example] [https://x.example/](x)",
    "<https://x.example/<img src=x>> <http://x.example/a|b>",
    "ftp://x.example/a_b\\_c<i>",
    "https://x.example/&lt;img&gt; https://x.example/?a=1&amp=2",
    "~~strike~~ ~one~\n- [ ] task\n- [x] done",
    "# heading\n> quote\n---\n1. one",
    "line one\n<img src=x>\nline three",
    "tab\there \u{1b}[31mred\u{1b}[0m\r\u{9b}2J",
    "\u{202e}bidi https://x.example/\u{202e}txt\u{2066}",
    "zero\u{200b}width\u{2028}sep https://x.example/\u{200b}<img src=x>",
    "snake_case_name *em* **strong** __strong__",
    "\\ trailing backslash \\",
];

#[test]
fn hostile_text_in_any_field_adds_no_element_and_no_attribute() {
    let plain = review_with("plain words");
    let want: Vec<(&str, Vec<String>)> = reports(&plain)
        .iter()
        .map(|(name, md)| {
            let html = html(md);
            let mut out = Vec::new();
            shape(parse(&html, name).root_element(), &mut out);
            (*name, out)
        })
        .collect();
    for text in HOSTILE {
        let r = review_with(text);
        for ((name, md), (_, want)) in reports(&r).iter().zip(&want) {
            let what = format!("{name} report with {text:?}");
            let html = html(md);
            let doc = parse(&html, &what);
            let mut got = Vec::new();
            shape(doc.root_element(), &mut got);
            if &got != want {
                let at = got.iter().zip(want).position(|(g, w)| g != w);
                panic!(
                    "{what}: the HTML differs in shape at element {at:?}\n\
                     got: {:?}\nwant: {:?}\nMarkdown:\n{md}\nHTML:\n{html}",
                    at.map(|i| &got[i..(i + 6).min(got.len())]),
                    at.map(|i| &want[i..(i + 6).min(want.len())]),
                );
            }
            links(&doc, &what);
        }
    }
}

/// Text as the report keeps it: controls made visible, each line without
/// the spaces around it, blank lines left out, joined by `join`.
fn kept(s: &str, join: &str) -> String {
    visible(s)
        .split('\n')
        .map(|l| l.trim_matches(' '))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(join)
}

#[test]
fn hostile_text_reads_back_as_itself() {
    for text in HOSTILE {
        let r = review_with(text);
        let md = markdown::public(&r);
        let html = html(&md);
        let doc = parse(&html, text);
        // The summary is a paragraph; a countermeasure, a table cell.
        let summary = doc
            .descendants()
            .find(|n| n.has_tag_name("h2") && text_of(*n) == "Summary")
            .and_then(|h| h.next_sibling_element())
            .map(text_of)
            .unwrap_or_default();
        assert_eq!(summary, kept(text, "\n"), "{text:?} in {md}");
        let cell = doc
            .descendants()
            .find(|n| n.has_tag_name("td"))
            .map(text_of)
            .unwrap_or_default();
        assert_eq!(cell, kept(text, " "), "{text:?} in {md}");
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("h1"))
            .map(text_of)
            .unwrap_or_default();
        assert_eq!(title, kept(text, " "), "{text:?} in {md}");
    }
}

/// What a piece of text links to, in every field, and in both reports.
fn targets_in(text: &str) -> Vec<Vec<String>> {
    let mut r = review_with(text);
    // A link given as such points at all of it (see below).
    for e in &mut r.timeline {
        e.links.remove(0);
    }
    reports(&r)
        .iter()
        .map(|(name, md)| {
            let html = html(md);
            let doc = parse(&html, name);
            links(&doc, name)
                .iter()
                .map(|h| decoded(h))
                .filter(|h| h != "https://dash.example/d/1")
                .collect()
        })
        .collect()
}

#[test]
fn a_url_in_text_becomes_a_link_to_exactly_that_url() {
    let cases: &[(&str, &[&str])] = &[
        (
            "see https://grafana.example/d/x?from=1&to=2 now",
            &["https://grafana.example/d/x?from=1&to=2"],
        ),
        (
            "https://x.example/a_b_(c)_*d*.",
            &["https://x.example/a_b_(c)_*d"],
        ),
        (
            "(see https://x.example/wiki/Foo_(bar))",
            &["https://x.example/wiki/Foo_(bar)"],
        ),
        (
            "www.example.com/path?a=1, then",
            &["http://www.example.com/path?a=1"],
        ),
        (
            "_www.x.example/a_b_ and *https://x.example/*",
            &["http://www.x.example/a_b", "https://x.example/"],
        ),
        ("https://s.example/<img src=x>", &["https://s.example/"]),
        (
            "pipes https://x.example/a|b|c in a cell",
            &["https://x.example/a|b|c"],
        ),
        (
            "odd https://x.example/`a`\\b\"c'd>e here",
            &["https://x.example/`a`\\b\"c'd>e"],
        ),
        (
            "https://x.example/?q=&lt;b&gt;",
            &["https://x.example/?q=&lt;b"],
        ),
        ("HTTPS://X.EXAMPLE/A", &["HTTPS://X.EXAMPLE/A"]),
        ("ftp://files.example/a_b*", &["ftp://files.example/a_b"]),
        ("mail ops@example.com.", &["mailto:ops@example.com"]),
        (
            "支付 https://例子.example/路径 ok",
            &["https://例子.example/路径"],
        ),
    ];
    for (text, want) in cases {
        for (i, got) in targets_in(text).iter().enumerate() {
            // Every field of the internal report that shows text, or the
            // public summary's title, summary fields, services and
            // countermeasures; each link is the same one.
            assert!(!got.is_empty(), "{text:?}: no link in report {i}");
            let mut distinct: Vec<&String> = got.iter().collect();
            distinct.sort();
            distinct.dedup();
            let mut want: Vec<&str> = want.to_vec();
            want.sort_unstable();
            assert_eq!(distinct, want, "{text:?} in report {i}: {got:?}");
        }
    }
}

#[test]
fn a_link_given_for_an_event_points_at_all_of_it() {
    for link in [
        "https://x/</td></tr></table><h1>X</h1>",
        "https://x.example/a|b`c`\"d\"'e'",
        "https://x.example/a_(b)_*c*.",
        "www.x.example/a?b=<c>",
    ] {
        let mut r = review_with("plain words");
        r.timeline[0].links = vec![Text::new(link)];
        let md = markdown::internal_with_coach(&r, &quiet_coach());
        let html = html(&md);
        let doc = parse(&html, link);
        let hrefs: Vec<String> = links(&doc, link).iter().map(|h| decoded(h)).collect();
        let want = if link.starts_with("www.") {
            format!("http://{link}")
        } else {
            link.to_owned()
        };
        assert!(hrefs.contains(&want), "{link:?}: {hrefs:?} in {md}");
        let shown = doc
            .descendants()
            .filter(|n| n.has_tag_name("a"))
            .map(text_of)
            .any(|t| t == link);
        assert!(shown, "{link:?} is shown as written: {md}");
    }
    let mut r = review_with("plain words");
    r.timeline[0].links = vec![Text::new("javascript:alert(1)")];
    let md = markdown::internal_with_coach(&r, &quiet_coach());
    let html = html(&md);
    let hrefs = links(&parse(&html, "javascript"), "javascript");
    assert!(
        hrefs.iter().all(|h| h == "https://dash.example/d/1"),
        "{hrefs:?}"
    );
    assert!(
        html.contains("javascript:alert(1)"),
        "shown as text: {html}"
    );
}

// ---------------------------------------------------------------------------
// Any text, as GitHub reads it

/// Pieces that mean something to GFM, so that random text is mostly made
/// of URLs, HTML, escapes and the punctuation around them.
const PIECES: &[&str] = &[
    "http://",
    "https://",
    "ftp://",
    "HTTPS://",
    "www.",
    "x",
    "a.example",
    "/p",
    "_",
    "*",
    "~",
    "<",
    ">",
    "\\",
    "&",
    "&lt;",
    "&amp;",
    ";",
    "|",
    "`",
    "(",
    ")",
    "[",
    "]",
    "!",
    " ",
    ".",
    ",",
    "@",
    "ops@example.com",
    "<img src=x>",
    "</td>",
    "<!--",
    "'",
    "\"",
    "#",
    ":",
    "//",
    "\n",
    "-",
    "1.",
    "支付",
    "\u{200b}",
    "\u{1b}[2J",
    "mailto:",
];

fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

/// The elements user text may bring into a paragraph, list item or cell.
fn allowed(name: &str) -> bool {
    matches!(
        name,
        "root" | "p" | "ul" | "li" | "br" | "a" | "table" | "thead" | "tbody" | "tr" | "th" | "td"
    )
}

/// Checks `md` renders to well-formed HTML holding only allowed elements,
/// links only to what their text says, and returns the text of its first
/// `tag` element.
fn check(md: &str, tag: &str) -> Result<String, TestCaseError> {
    let html = html(md);
    let doc = roxmltree::Document::parse(&html)
        .map_err(|e| TestCaseError::fail(format!("{e}: {md:?} gave {html}")))?;
    for n in doc.descendants().filter(roxmltree::Node::is_element) {
        let name = n.tag_name().name();
        prop_assert!(allowed(name), "<{}> from {:?}: {}", name, md, html);
        if name != "a" {
            prop_assert!(
                n.attributes().all(|a| a.name() == "align"),
                "attributes of <{}> from {:?}: {}",
                name,
                md,
                html
            );
        }
    }
    for a in doc.descendants().filter(|n| n.has_tag_name("a")) {
        let text = text_of(a);
        let href = decoded(a.attribute("href").unwrap_or_default());
        let points_at_its_text =
            href == text || href == format!("http://{text}") || href == format!("mailto:{text}");
        prop_assert!(
            points_at_its_text,
            "{:?} links to {:?} from {:?}: {}",
            text,
            href,
            md,
            html
        );
    }
    Ok(doc
        .descendants()
        .find(|n| n.has_tag_name(tag))
        .map(text_of)
        .unwrap_or_default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn any_text_inline_reads_back_and_adds_nothing(s in any_text()) {
        let md = escape::inline(&s);
        if kept(&s, "\n").is_empty() {
            // Blank text is no paragraph; the reports write a placeholder.
            prop_assert_eq!(md, "");
            return Ok(());
        }
        let got = check(&format!("- {}\n", md.replace('\n', "\n  ")), "li")?;
        prop_assert_eq!(got, kept(&s, "\n"), "{:?} as {:?}", s, md);
        let got = check(&format!("{md}\n"), "p")?;
        prop_assert_eq!(got, kept(&s, "\n"), "{:?} as {:?}", s, md);
    }

    #[test]
    fn any_text_in_a_cell_reads_back_and_keeps_the_columns(s in any_text()) {
        let md = format!(
            "| a | b | c |\n| --- | --- | --- |\n| x | {} | {} |\n",
            escape::cell(&s),
            escape::link(&s)
        );
        let html = html(&md);
        let got = check(&md, "tbody")?;
        let doc = parse(&html, &md);
        let cells: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("td"))
            .map(text_of)
            .collect();
        prop_assert_eq!(cells.len(), 3, "{:?}: {}", md, got);
        prop_assert_eq!(&cells[0], "x");
        prop_assert_eq!(&cells[1], &kept(&s, " "), "{:?}", md);
        prop_assert_eq!(&cells[2], &kept(&s, " "), "{:?}", md);
    }
}
