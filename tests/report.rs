//! Reports: Markdown that no user text can break, a public summary that
//! leaves out everything internal, and readable snapshots of both.
//!
//! Escaping is proven with a real CommonMark parser (pulldown-cmark, with
//! every extension a renderer might enable): whatever a person types comes
//! back as plain text, in the place it was put.

mod common;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use debrief::domain::text::visible;
use debrief::domain::*;
use debrief::report::*;
use proptest::prelude::*;
use pulldown_cmark::{Event as Md, HeadingLevel, Options, Parser, Tag, TagEnd};
use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------
// Reading Markdown back

/// Every extension that changes what plain text means, so that escaping is
/// checked against the strictest reader (smart punctuation and front matter
/// are left out: they rewrite quotes and the first line, not structure).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_WIKILINKS
}

fn parse(md: &str) -> Vec<Md<'_>> {
    Parser::new_ext(md, options()).collect()
}

/// `%XX` sequences decoded, so that a link's target compares with its text.
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

/// If `events` starts with a link that a URL in the text became (its text
/// is plain and is the URL it points to, with `http://` before a `www.`
/// address), the number of events it spans. A report links URLs on
/// purpose: GitHub would link them anyway, and wrongly, if they were
/// escaped like other text.
fn url_link(events: &[Md<'_>]) -> Option<usize> {
    let Some(Md::Start(Tag::Link { dest_url, .. })) = events.first() else {
        return None;
    };
    let body = inside(events);
    if !body.iter().all(|e| matches!(e, Md::Text(_))) {
        return None;
    }
    let text = plain(body);
    let target = decoded(dest_url);
    let scheme = ["http://", "https://", "ftp://"]
        .iter()
        .any(|s| text.to_ascii_lowercase().starts_with(s));
    let matches = (scheme && target == text)
        || (text.starts_with("www.") && target == format!("http://{text}"));
    matches.then_some(body.len() + 2)
}

/// `events` without the URL links (their text kept in place).
fn without_url_links<'a>(events: &[Md<'a>]) -> Vec<Md<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match url_link(&events[i..]) {
            Some(n) => {
                out.extend(events[i + 1..i + n - 1].iter().cloned());
                i += n;
            }
            None => {
                out.push(events[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Whether an event is plain text, or a line break inside it.
fn is_text(e: &Md<'_>) -> bool {
    matches!(e, Md::Text(_) | Md::SoftBreak | Md::HardBreak)
}

/// The text of a run of events, line breaks as `\n`.
fn plain(events: &[Md<'_>]) -> String {
    events
        .iter()
        .map(|e| match e {
            Md::Text(t) => t.to_string(),
            Md::SoftBreak | Md::HardBreak => "\n".to_owned(),
            _ => String::new(),
        })
        .collect()
}

/// The events between the `Start` at `events[0]` and its own `End`.
fn inside<'a, 'e>(events: &'e [Md<'a>]) -> &'e [Md<'a>] {
    let mut depth = 0usize;
    for (i, e) in events.iter().enumerate() {
        match e {
            Md::Start(_) => depth += 1,
            Md::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return &events[1..i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced events: {events:?}")
}

/// A table as its header cells and body rows of cells, each cell's text.
#[derive(Debug)]
struct Table {
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Every table in the document. Panics if a cell holds anything but text
/// and emphasis: user text in a cell must never become code, a link or HTML.
fn tables(md: &str) -> Vec<Table> {
    let events = parse(md);
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if !matches!(e, Md::Start(Tag::Table(_))) {
            continue;
        }
        let mut table = Table {
            head: Vec::new(),
            rows: Vec::new(),
        };
        let body = inside(&events[i..]);
        let mut j = 0;
        while j < body.len() {
            match &body[j] {
                Md::Start(Tag::TableHead) | Md::Start(Tag::TableRow) => {
                    let head = matches!(body[j], Md::Start(Tag::TableHead));
                    let row = inside(&body[j..]);
                    let cells = cells(row);
                    if head {
                        table.head = cells;
                    } else {
                        table.rows.push(cells);
                    }
                    j += row.len() + 2;
                }
                other => panic!("unexpected {other:?} in a table"),
            }
        }
        out.push(table);
    }
    out
}

fn cells(row: &[Md<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    let mut j = 0;
    while j < row.len() {
        assert!(matches!(row[j], Md::Start(Tag::TableCell)), "{:?}", row[j]);
        let content = inside(&row[j..]);
        let span = content.len() + 2;
        let content = without_url_links(content);
        // Emphasis is checked apart, with `emphasised`: the report marks
        // internal items with it.
        let extra: Vec<_> = content
            .iter()
            .filter(|e| {
                !is_text(e)
                    && !matches!(
                        e,
                        Md::Start(Tag::Emphasis | Tag::Strong)
                            | Md::End(TagEnd::Emphasis | TagEnd::Strong)
                    )
            })
            .collect();
        assert!(extra.is_empty(), "a cell holds more than text: {extra:?}");
        out.push(plain(&content));
        j += span;
    }
    out
}

/// Every heading as its level and text.
fn headings(md: &str) -> Vec<(HeadingLevel, String)> {
    let events = parse(md);
    events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            Md::Start(Tag::Heading { level, .. }) => Some((*level, plain(inside(&events[i..])))),
            _ => None,
        })
        .collect()
}

fn sections(md: &str) -> Vec<String> {
    headings(md)
        .into_iter()
        .filter(|(level, _)| *level == HeadingLevel::H2)
        .map(|(_, text)| text)
        .collect()
}

/// Events that a report never produces itself, so that if one appears, it
/// came out of user text.
fn foreign(md: &str) -> Vec<String> {
    without_url_links(&parse(md))
        .into_iter()
        .filter(|e| {
            matches!(
                e,
                Md::Html(_)
                    | Md::InlineHtml(_)
                    | Md::Code(_)
                    | Md::InlineMath(_)
                    | Md::DisplayMath(_)
                    | Md::FootnoteReference(_)
                    | Md::TaskListMarker(_)
                    | Md::Rule
                    | Md::Start(
                        Tag::Link { .. }
                            | Tag::Image { .. }
                            | Tag::CodeBlock(_)
                            | Tag::HtmlBlock
                            | Tag::BlockQuote(_)
                            | Tag::Strikethrough
                            | Tag::Superscript
                            | Tag::Subscript
                            | Tag::FootnoteDefinition(_)
                            | Tag::DefinitionList
                            | Tag::MetadataBlock(_)
                    )
            )
        })
        .map(|e| format!("{e:?}"))
        .collect()
}

/// The text of every emphasis and strong span.
fn emphasised(md: &str) -> Vec<String> {
    let events = parse(md);
    events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            Md::Start(Tag::Emphasis | Tag::Strong) => Some(plain(inside(&events[i..]))),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// What escaping promises

/// Text as Markdown keeps it: controls made visible, each line without the
/// spaces around it, blank lines left out.
fn lines_of(s: &str) -> Vec<String> {
    visible(s)
        .split('\n')
        .map(|l| l.trim_matches(' ').to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn expected_inline(s: &str) -> String {
    lines_of(s).join("\n")
}

fn expected_cell(s: &str) -> String {
    lines_of(s).join(" ")
}

const HOSTILE: &[&str] = &[
    "a | b | c",
    "| --- | --- |",
    "# not a heading",
    "## nor this ##",
    "fix #",
    "> not a quote",
    "- not a list",
    "+ nor this",
    "* nor this",
    "1. not ordered",
    "2) nor this",
    "---",
    "===",
    "***",
    "_ _ _",
    "`code` and ``more``",
    "```rust\nfn main() {}\n```",
    "~~~\nfence\n~~~",
    "*em* _em_ **strong** __strong__ ***both***",
    "snake_case_name and _leading and trailing_",
    "[link](http://example.com) ![img](x.png) [ref][1]",
    "[1]: http://example.com",
    "[^note] and [[wiki]]",
    "<b>bold</b> <!-- comment --> <script>alert(1)</script>",
    "<http://autolink.example> <me@example.com>",
    "see https://s.example/<img src=x onerror=alert(1)>",
    "https://x.example/a|b`c`\\d and (www.y.example/_z_) !https://x.example/[x]",
    "https://x.example/?q=&lt;b&gt; www.x.example/&amp;",
    "<div>\nblock html\n</div>",
    "&amp; &lt; &#35; &#x23; &copy; R&D",
    "ends with a backslash \\",
    "\\*escaped already\\*",
    "two trailing spaces  \nthen a line",
    "line one\n# line two\n> line three\n- line four\n1. line five",
    "paragraph\n\n\nafter blank lines",
    "setext\n===",
    "setext\n---",
    "    indented code",
    "\ttabbed",
    "~strike~ ~~strike~~ ^sup^ $math$ $$display$$",
    "- [ ] task\n- [x] done",
    "term\n: definition",
    "# heading {#id .class}",
    "> [!NOTE]\n> alert",
    "支付失败 | 🔥 *紧急* `代码`",
    "👩‍💻 restarted pods_at_once 🚀",
    "\u{1b}[31mred\u{1b}[0m and \r carriage",
    "\u{202e}reversed",
    "   ",
    "",
];

fn assert_inline_round_trips(s: &str) {
    let want = expected_inline(s);
    let md = escape::inline(s);
    for doc in [
        format!("{md}\n"),
        format!("Before: {md}\n"),
        format!("- {md}\n"),
        format!("- {}\n", md.replace('\n', "\n  ")),
        format!("1. {md}\n"),
    ] {
        let events = without_url_links(&parse(&doc));
        let body: Vec<_> = events
            .iter()
            .filter(|e| !matches!(e, Md::Start(_) | Md::End(_)))
            .cloned()
            .collect();
        let extra: Vec<_> = body.iter().filter(|e| !is_text(e)).collect();
        assert!(extra.is_empty(), "{s:?} became {extra:?} in {doc:?}");
        let structure: Vec<_> = events
            .iter()
            .filter(|e| matches!(e, Md::Start(_)))
            .collect();
        assert!(
            structure
                .iter()
                .all(|e| matches!(e, Md::Start(Tag::Paragraph | Tag::List(_) | Tag::Item))),
            "{s:?} made {structure:?} in {doc:?}"
        );
        let want = if doc.starts_with("Before: ") {
            format!("Before: {want}").trim_end_matches(' ').to_owned()
        } else {
            want.clone()
        };
        assert_eq!(plain(&body), want, "{s:?} read back wrong from {doc:?}");
    }
}

fn assert_cell_round_trips(s: &str) {
    let want = expected_cell(s);
    let doc = format!(
        "| left | middle | right |\n|---|---|---|\n| x | {} | y |\n",
        escape::cell(s)
    );
    let tables = tables(&doc);
    assert_eq!(tables.len(), 1, "{s:?} in {doc:?}");
    let rows = &tables[0].rows;
    assert_eq!(rows.len(), 1, "{s:?} added rows in {doc:?}");
    assert_eq!(rows[0], ["x", want.as_str(), "y"], "{s:?} in {doc:?}");
    assert!(
        emphasised(&doc).is_empty(),
        "{s:?} made emphasis in {doc:?}"
    );

    if !want.is_empty() {
        let doc = format!("# {}\n", escape::cell(s));
        assert_eq!(
            headings(&doc),
            [(HeadingLevel::H1, want.clone())],
            "{s:?} as a heading: {doc:?}"
        );
        assert!(foreign(&doc).is_empty(), "{doc:?}");
    }
}

#[test]
fn hostile_text_in_a_paragraph_or_list_item_reads_back_as_itself() {
    for s in HOSTILE {
        assert_inline_round_trips(s);
    }
}

#[test]
fn hostile_text_in_a_table_cell_keeps_the_columns_and_reads_back_as_itself() {
    for s in HOSTILE {
        assert_cell_round_trips(s);
    }
}

#[test]
fn ordinary_text_is_not_littered_with_backslashes() {
    for s in [
        "Rolled back to v41 - checkout recovered.",
        "max_pool_size was 20, not 200",
        "R&D, Q&A and fish & chips",
        "支付失败 🔥",
    ] {
        assert_eq!(escape::inline(s), s);
        assert_eq!(escape::cell(s), s);
    }
    // A URL is a link to itself, in angle brackets, as it was written.
    let url = "https://grafana.example/d/x?from=1&to=2";
    assert_eq!(escape::inline(url), format!("<{url}>"));
    assert_eq!(escape::cell(url), format!("<{url}>"));
}

fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Mostly the characters Markdown gives meaning to.
        "[-#>*_`|\\[\\]()<>&;!~$^{}:=+.0-9a-z \\n\\\\\u{a0}\u{3000}支🔥]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_in_a_cell_reads_back_as_itself(s in hostile_string()) {
        assert_cell_round_trips(&s);
    }

    #[test]
    fn any_text_inline_reads_back_as_itself(s in hostile_string()) {
        assert_inline_round_trips(&s);
    }
}

// ---------------------------------------------------------------------------
// Building reviews

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

fn plus_one() -> Offset {
    "+01:00".parse().expect("a valid offset")
}

fn empty_review() -> Review {
    Review::new(
        "2026-11-23-empty-review-ab12".into(),
        Text::new("Empty review"),
        Severity::Sev3,
        ReviewKind::Quick,
        at("2026-11-23T09:00:00Z"),
        plus_one(),
    )
}

fn event(review: &mut Review, when: &str, text: &str) -> ItemId {
    review.add_event(Event::new(at(when), Text::new(text), Source::Typed))
}

/// Distinctive strings in every place the public summary must leave out.
const SECRETS: &[&str] = &[
    "PARTICIPANT-Zelda",
    "DETECTOR-Quill",
    "ALERTED-Rook",
    "COMMANDER-Sable",
    "FACILITATOR-Tern",
    "ACTOR-Wren",
    "INTERNAL-EVENT-Vole",
    "INTERNAL-LEARNING-Xerus",
    "INTERNAL-FACTOR-Yak",
    "INTERNAL-ACTION-Zebu",
    "OWNER-Alder",
    "TICKET-Birch",
    "PARKING-Cedar",
];

const NOTES: &str = "NOTES-Umber";

/// A review with a marker in every private place, and public text in the
/// public ones.
fn review_with_secrets() -> Review {
    let mut r = empty_review();
    r.participants.push(Participant {
        name: Text::new("PARTICIPANT-Zelda"),
        role: Role::FirstResponder,
    });
    r.people.detected_by = Some(Text::new("DETECTOR-Quill"));
    r.people.alerted_first = Some(Text::new("ALERTED-Rook"));
    r.people.commander = Some(Text::new("COMMANDER-Sable"));
    r.people.facilitator = Some(Text::new("FACILITATOR-Tern"));
    r.notes = Text::new(NOTES);
    r.summary.summary = Text::new("PUBLIC-SUMMARY-Ash");

    let id = event(&mut r, "2026-11-23T10:00:00Z", "PUBLIC-EVENT-Elm");
    if let Some(e) = r.timeline.iter_mut().find(|e| e.id == id) {
        e.actor = Some(Text::new("ACTOR-Wren"));
    }
    let id = event(&mut r, "2026-11-23T10:05:00Z", "INTERNAL-EVENT-Vole");
    if let Some(e) = r.timeline.iter_mut().find(|e| e.id == id) {
        e.internal = true;
    }

    let mut learning = Learning::new(LearningKind::Surprise, Text::new("INTERNAL-LEARNING-Xerus"));
    learning.internal = true;
    r.add_learning(learning);
    let mut factor = Factor::new(Text::new("INTERNAL-FACTOR-Yak"), Effect::Hurt, Area::People);
    factor.internal = true;
    r.add_factor(factor);

    let mut action = ActionItem::new(Text::new("PUBLIC-ACTION-Dove"));
    action.owner = Some(Text::new("OWNER-Alder"));
    action.ticket = Some(Text::new("TICKET-Birch"));
    action.due = NaiveDate::from_ymd_opt(2026, 12, 1);
    r.add_action(action);
    let mut action = ActionItem::new(Text::new("INTERNAL-ACTION-Zebu"));
    action.internal = true;
    r.add_action(action);
    r.add_parking(ParkingItem::new(Text::new("PARKING-Cedar")));
    r
}

// ---------------------------------------------------------------------------
// The public summary and the internal report

const PUBLIC_SECTIONS: [&str; 8] = [
    "Summary",
    "Services impacted",
    "Duration",
    "Severity",
    "Customer impact",
    "Proximate cause",
    "Resolution",
    "Countermeasures",
];

#[test]
fn the_public_summary_leaves_out_everything_internal() {
    let r = review_with_secrets();
    let public = markdown::public(&r);
    let internal = markdown::internal(&r);
    for secret in SECRETS {
        assert!(!public.contains(secret), "{secret} leaked:\n{public}");
        assert!(internal.contains(secret), "{secret} missing:\n{internal}");
    }
    for kept in ["PUBLIC-SUMMARY-Ash", "PUBLIC-ACTION-Dove", "2026-12-01"] {
        assert!(public.contains(kept), "{kept} missing:\n{public}");
    }
    assert_eq!(sections(&public), PUBLIC_SECTIONS);
}

#[test]
fn the_facilitators_notes_are_in_no_report() {
    let r = review_with_secrets();
    for (name, out) in [
        ("internal", markdown::internal(&r)),
        ("public", markdown::public(&r)),
        ("summary", summary(&r)),
        ("public json", to_json(&r.public_view())),
    ] {
        assert!(!out.contains(NOTES), "the notes are in the {name} report");
    }
}

#[test]
fn internal_items_are_marked_in_the_internal_report() {
    let internal = markdown::internal(&review_with_secrets());
    for secret in [
        "INTERNAL-EVENT-Vole",
        "INTERNAL-LEARNING-Xerus",
        "INTERNAL-FACTOR-Yak",
        "INTERNAL-ACTION-Zebu",
    ] {
        let line = internal
            .lines()
            .find(|l| l.contains(secret))
            .unwrap_or_else(|| panic!("{secret} missing"));
        assert!(line.contains("_(internal)_"), "{secret} unmarked: {line}");
    }
    let line = internal
        .lines()
        .find(|l| l.contains("PUBLIC-EVENT-Elm"))
        .unwrap_or_default();
    assert!(!line.contains("(internal)"), "{line}");
}

#[test]
fn the_internal_report_has_every_section_in_order() {
    let internal = markdown::internal(&common::example());
    assert_eq!(
        sections(&internal),
        [
            "Key moments",
            "Metrics",
            "Participants",
            "Summary",
            "Timeline",
            "Learnings",
            "Contributing factors",
            "Action items",
            "Parking lot",
            "Language and bias",
            "Warnings",
        ]
    );
    let h3: Vec<String> = headings(&internal)
        .into_iter()
        .filter(|(level, _)| *level == HeadingLevel::H3)
        .map(|(_, t)| t)
        .collect();
    // Learnings by kind in the order of LearningKind::ALL, then helped
    // before hurt.
    let learnings: Vec<&str> = h3
        .iter()
        .map(String::as_str)
        .skip_while(|h| *h != "Went well")
        .take(4)
        .collect();
    assert_eq!(
        learnings,
        [
            "Went well",
            "Needs improvement",
            "Where we got lucky",
            "Surprise"
        ]
    );
    assert!(h3.ends_with(&["Helped".to_owned(), "Hurt".to_owned()]));
}

/// A review whose every piece of text is hostile.
fn hostile_review() -> Review {
    let nasty = |i: usize| Text::new(HOSTILE[i % HOSTILE.len()]);
    let mut r = empty_review();
    r.title = Text::new("# <b>Title</b> | `x` [y](z) #");
    r.incident = Some(nasty(3));
    r.people.commander = Some(nasty(4));
    r.summary.summary = nasty(5);
    r.summary.services = (0..HOSTILE.len()).map(nasty).collect();
    r.summary.customer_impact = nasty(6);
    r.summary.proximate_cause = nasty(7);
    r.summary.resolution = nasty(8);
    r.moments.detected = Some(at("2026-11-23T10:00:00Z"));
    r.moments.resolved = Some(at("2026-11-23T11:00:00Z"));
    for (i, s) in HOSTILE.iter().enumerate() {
        let minute = i64::try_from(i).unwrap_or_default();
        let mut e = Event::new(
            at("2026-11-23T10:00:00Z") + TimeDelta::minutes(minute),
            Text::new(s),
            Source::Imported,
        );
        e.actor = Some(nasty(i + 1));
        e.links = vec![nasty(i + 2)];
        e.starred = i % 3 == 0;
        r.add_event(e);
        r.add_learning(Learning::new(LearningKind::ALL[i % 4], Text::new(s)));
        r.add_factor(Factor::new(
            Text::new(s),
            Effect::ALL[i % 2],
            Area::ALL[i % 3],
        ));
        let mut a = ActionItem::new(Text::new(s));
        a.owner = Some(nasty(i + 3));
        a.ticket = Some(nasty(i + 4));
        a.internal = i % 5 == 0;
        r.add_action(a);
        r.add_parking(ParkingItem::new(Text::new(s)));
        r.participants.push(Participant {
            name: Text::new(s),
            role: Role::ALL[i % Role::ALL.len()],
        });
    }
    r
}

#[test]
fn hostile_text_adds_no_structure_to_either_report() {
    let r = hostile_review();
    let internal_emphasis = [
        "Review:",
        "Incident:",
        "Severity:",
        "Status:",
        "Kind:",
        "Created:",
        "Updated:",
        "Detected by:",
        "Alerted first:",
        "Incident commander:",
        "Facilitator:",
        "Published:",
        "(internal)",
        "People:",
        "Process:",
        "Technology:",
        "Not yet written.",
        "None recorded yet.",
    ];
    for (name, md) in [
        ("internal", markdown::internal(&r)),
        ("public", markdown::public(&r)),
    ] {
        // The one image is the recovery chart the report itself links to.
        let chart = format!(
            "dest_url: Borrowed(\"{}\")",
            debrief::report::svg::chart_file_name(&r)
        );
        let images = foreign(&md).iter().filter(|e| e.contains(&chart)).count();
        assert_eq!(
            images,
            usize::from(name == "internal"),
            "{name}: the chart is linked once"
        );
        let foreign: Vec<String> = foreign(&md)
            .into_iter()
            .filter(|e| !e.contains(&chart))
            .collect();
        assert!(foreign.is_empty(), "{name}: {foreign:#?}");
        for text in emphasised(&md) {
            assert!(
                internal_emphasis.contains(&text.as_str()) || text.starts_with("(timeline: "),
                "{name}: user text became emphasis: {text:?}"
            );
        }
        let heads = headings(&md);
        assert_eq!(
            heads[0],
            (HeadingLevel::H1, "# <b>Title</b> | `x` [y](z) #".to_owned()),
            "{name}"
        );
        assert_eq!(
            heads.iter().filter(|(l, _)| *l == HeadingLevel::H1).count(),
            1,
            "{name}: {heads:#?}"
        );
        for table in tables(&md) {
            for row in &table.rows {
                assert_eq!(row.len(), table.head.len(), "{name}: {row:?}");
            }
        }
    }
    let public = markdown::public(&r);
    assert_eq!(sections(&public), PUBLIC_SECTIONS);
    let countermeasures = tables(&public).pop().expect("a countermeasures table");
    let expected: Vec<String> = r
        .actions
        .iter()
        .filter(|a| !a.internal)
        .map(|a| expected_cell(&a.text))
        .collect();
    let got: Vec<String> = countermeasures.rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(got, expected);
}

#[test]
fn the_timeline_table_shows_every_event_in_the_review_offset() {
    let mut r = empty_review();
    r.moments.started = Some(at("2026-11-23T15:00:00Z"));
    let first = event(&mut r, "2026-11-23T15:05:00Z", "paged");
    let late = event(&mut r, "2026-11-23T23:10:00Z", "after midnight, local time");
    for e in r.timeline.iter_mut() {
        if e.id == first {
            e.actor = Some(Text::new("Ana"));
            e.phase = Some(Phase::Detection);
            e.impact = Impact::Positive;
            e.starred = true;
        }
        if e.id == late {
            e.impact = Impact::Negative;
        }
    }
    let md = markdown::internal(&r);
    let timeline = tables(&md)
        .into_iter()
        .find(|t| t.head.last().is_some_and(|h| h == "What happened"))
        .expect("a timeline table");
    assert_eq!(
        timeline.head,
        ["Time", "Actor", "Kind", "Phase", "Impact", "What happened"]
    );
    assert_eq!(
        timeline.rows,
        [
            [
                "16:05 ★",
                "Ana",
                "Action",
                "Detection",
                "+ positive",
                "paged"
            ],
            [
                "11-24 00:10",
                "—",
                "Action",
                "—",
                "- negative",
                "after midnight, local time"
            ],
        ]
    );
    assert_eq!(
        md.matches("UTC+01:00").count(),
        1,
        "the offset is stated once"
    );
}

#[test]
fn a_long_timeline_with_stars_shows_only_the_starred_events() {
    let body_rows = |r: &Review| {
        tables(&markdown::internal(r))
            .into_iter()
            .find(|t| t.head.first().is_some_and(|h| h == "Time"))
            .map_or(0, |t| t.rows.len())
    };
    let mut r = empty_review();
    for i in 0..60 {
        let e = Event::new(
            at("2026-11-23T10:00:00Z") + TimeDelta::minutes(i),
            Text::new(format!("step {i}")),
            Source::Typed,
        );
        r.add_event(e);
    }
    assert_eq!(body_rows(&r), 60, "without stars, every event is shown");

    for i in [5, 17, 42] {
        r.timeline[i].starred = true;
    }
    let md = markdown::internal(&r);
    assert!(md.contains("Showing the 3 starred events of 60"), "{md}");
    assert_eq!(body_rows(&r), 3);

    r.timeline.truncate(50);
    assert_eq!(body_rows(&r), 50, "fifty events are not a long timeline");
}

#[test]
fn metrics_show_their_definitions_and_a_dash_when_unknown() {
    let mut r = empty_review();
    r.moments.detected = Some(at("2026-11-23T10:00:00Z"));
    r.moments.resolved = Some(at("2026-11-23T10:45:00Z"));
    let md = markdown::internal(&r);
    let metrics = tables(&md)
        .into_iter()
        .find(|t| t.head.first().is_some_and(|h| h == "Metric"))
        .expect("a metrics table");
    assert_eq!(
        metrics.rows,
        [
            [
                "Time to detect (TTD)",
                "—",
                "from impact started to detected"
            ],
            [
                "Time to acknowledge (TTA)",
                "—",
                "from detected to acknowledged"
            ],
            ["Time to mitigate (TTM)", "—", "from detected to mitigated"],
            ["Time to resolve (TTR)", "45m", "from detected to resolved"],
        ]
    );
}

#[test]
fn the_public_duration_names_its_two_times() {
    let r = common::example();
    let md = markdown::public(&r);
    assert!(
        md.contains(
            "1h 28m, from 2026-11-17 14:52 (impact started) to 2026-11-17 16:20 (resolved)."
        ),
        "{md}"
    );
    let md = markdown::public(&empty_review());
    assert!(md.contains("## Duration\n\nUnknown.\n"), "{md}");
}

#[test]
fn warnings_list_every_check_or_say_there_are_none() {
    let r = empty_review();
    let md = markdown::internal(&r);
    let checks = Check::all(&r, &Metrics::compute(&r));
    assert!(!checks.is_empty());
    let warnings = md.split("## Warnings").nth(1).unwrap_or_default();
    assert_eq!(warnings.matches("\n- ").count(), checks.len(), "{warnings}");
    assert!(
        warnings.contains("- There is no action item yet"),
        "{warnings}"
    );

    let md = markdown::internal(&common::example());
    assert!(md.ends_with("## Warnings\n\nNo warnings.\n"), "{md}");
}

#[test]
fn json_holds_the_whole_review() {
    let r = review_with_secrets();
    let json = to_json(&r);
    let back: Review = serde_json::from_str(&json).expect("valid JSON of a review");
    assert_eq!(back, r);
    assert!(json.ends_with("}\n"));
}

// ---------------------------------------------------------------------------
// The plain-text summary

#[test]
fn the_text_summary_lines_up_wide_characters() {
    let mut r = review_with_secrets();
    r.people.commander = Some(Text::new("王小明"));
    r.people.facilitator = Some(Text::new("🧑‍🚒 Ana"));
    let out = summary(&r);
    let people: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "People")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(people.len(), 4, "{out}");
    // Every value starts in the same display column.
    let columns: Vec<usize> = people
        .iter()
        .map(|l| {
            let value_at = l.rfind("  ").map_or(0, |i| i + 2);
            l[..value_at].width()
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{people:#?}");
    assert!(people[2].ends_with("王小明"));
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn the_text_summary_counts_items_and_lists_warnings() {
    let r = review_with_secrets();
    let out = summary(&r);
    for line in [
        "  events        2  0 starred, 1 internal",
        "  action items  2  2 open",
        "  parking lot   1",
    ] {
        assert!(out.lines().any(|l| l == line), "{line:?} missing:\n{out}");
    }
    let checks = Check::all(&r, &Metrics::compute(&r));
    assert!(
        out.contains(&format!("Warnings ({})", checks.len())),
        "{out}"
    );
    assert_eq!(out.matches("\n  ! ").count(), checks.len(), "{out}");
}

#[test]
fn text_summary_puts_user_text_on_one_line() {
    let mut r = empty_review();
    r.title = Text::new("two\nlines \u{1b}[2J");
    let out = summary(&r);
    assert!(out.starts_with("two lines ␛[2J\n==============\n"), "{out}");
}

// ---------------------------------------------------------------------------
// Snapshots: how the reports read

#[test]
fn snapshot_of_the_example_internal_report() {
    insta::assert_snapshot!("example_internal", markdown::internal(&common::example()));
}

#[test]
fn snapshot_of_the_example_public_summary() {
    insta::assert_snapshot!("example_public", markdown::public(&common::example()));
}

#[test]
fn snapshot_of_the_example_text_summary() {
    insta::assert_snapshot!("example_summary", summary(&common::example()));
}

#[test]
fn snapshot_of_an_empty_internal_report() {
    insta::assert_snapshot!("empty_internal", markdown::internal(&empty_review()));
}

#[test]
fn snapshot_of_an_empty_public_summary() {
    insta::assert_snapshot!("empty_public", markdown::public(&empty_review()));
}

#[test]
fn snapshot_of_an_empty_text_summary() {
    insta::assert_snapshot!("empty_summary", summary(&empty_review()));
}

#[test]
fn the_language_section_counts_flags_and_how_each_was_handled() {
    let mut r = common::example();
    r.learnings[0].text = Text::new("It was obvious the pool was too small");
    r.learnings[1].text = Text::new("In hindsight it was obvious we should have seen it coming");
    r.learnings[1].quote = true;
    r.factors[0].text = Text::new("Human error: someone was careless with the template");
    // Rewritten by the room: what its old words carried is on record.
    r.learnings[2].reframed = vec![CategoryId::Counterfactual, CategoryId::Hindsight];
    r.summary.reframed.resolution = vec![CategoryId::RootCause];
    let internal = markdown::internal(&r);
    let section = internal
        .split("## Language and bias")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the section is there");
    assert!(
        section.contains("| Hindsight | 2 | 1 | 1 | 1 |"),
        "{section}"
    );
    assert!(
        section.contains("| Blame and human error | 1 | 0 | 1 | 0 |"),
        "{section}"
    );
    assert!(
        section.contains("| Counterfactual | 1 | 1 | 0 | 1 |"),
        "{section}"
    );
    // Reframed and flagged nowhere now: the category still has its row.
    assert!(
        section.contains("| Root-cause thinking | 0 | 0 | 0 | 1 |"),
        "{section}"
    );
    let kept = internal
        .lines()
        .find(|l| l.contains("we should have seen it coming"))
        .expect("the kept quote is in the report");
    assert!(kept.contains("_(direct quote)_"), "{kept}");
    assert!(
        section.contains("| Category | Flagged | Kept as quotes | Left open | Reframed |"),
        "{section}"
    );
    assert!(!section.contains("Minimising"), "{section}");
    insta::assert_snapshot!("language_section", section);

    let clean = markdown::internal(&common::example());
    assert!(
        clean.contains("The coach flagged no statement of this review."),
        "the example is blameless"
    );
    assert!(!clean.contains("| Reframed |"), "nothing was reframed");

    // Reframed, with nothing flagged now: the table, not the sentence.
    let mut reframed = common::example();
    reframed.actions[0].reframed = vec![CategoryId::Minimising];
    let internal = markdown::internal(&reframed);
    assert!(
        internal.contains("| Minimising | 0 | 0 | 0 | 1 |"),
        "{internal}"
    );
    assert!(!internal.contains("The coach flagged no statement"));
}
