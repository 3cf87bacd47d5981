//! Rendering: whole-screen snapshots of every pane and overlay at 80x24
//! and 160x48, and checks that tables line up with CJK and emoji text,
//! that the selection stays in view in a long timeline, and that the
//! monochrome theme uses no colour.
//!
//! Accept new snapshots with `INSTA_UPDATE=always cargo test --test ui`,
//! then read them.

mod common;

use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};
use common::{SIZES, screen};
use debrief::app::commands::CommandId;
use debrief::app::editing::item_form;
use debrief::app::form::Input;
use debrief::app::keymap::Keymap;
use debrief::app::palette::Palette;
use debrief::app::state::{Picker, PickerEntry};
use debrief::app::{Access, App, Overlay, Pane, Screen, ThemeName, Workspace};
use debrief::domain::{
    ActionItem, Event, Impact, Phase, Review, Severity, Source, Stage, Status, Text,
};
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

fn now() -> DateTime<Utc> {
    at("2026-11-18T10:15:00Z")
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("a valid time")
        .with_timezone(&Utc)
}

fn app_with(review: Review) -> App {
    common::workspace(review, Access::ReadWrite, now())
}

fn example_app() -> App {
    app_with(common::example())
}

fn empty_review() -> Review {
    common::login_page_failing("2026-11-18-login-page-failing-abcd", now())
}

fn ws(app: &mut App) -> &mut Workspace {
    app.workspace_mut().expect("a workspace")
}

/// Focuses `pane` at the stage of the meeting that is about it.
fn focus(app: &mut App, pane: Pane, selected: usize) {
    let ws = ws(app);
    ws.review.meeting.stage = match pane {
        Pane::Timeline => Stage::Timeline,
        Pane::Learnings => Stage::Learnings,
        Pane::Factors => Stage::Factors,
        Pane::Actions | Pane::Parking => Stage::Actions,
        Pane::Details => Stage::KeyMoments,
    };
    ws.focus = pane;
    ws.cursor_mut(pane).selected = selected;
}

/// The example review's meeting at `stage`: four minutes went to each
/// stage before this one, and two to this one so far.
fn meeting_at(stage: Stage) -> App {
    let mut app = example_app();
    let mut t = now() - TimeDelta::minutes(4 * stage.index() as i64 + 2);
    app.now = t;
    ws(&mut app).review.meeting.start(t);
    for s in &Stage::ALL[1..=stage.index()] {
        t += TimeDelta::minutes(4);
        app.now = t;
        debrief::app::meeting::go_to(&mut app, *s);
    }
    app.now = now();
    app.message = None;
    app
}

/// Snapshots the screen at both sizes.
fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        let terminal = screen(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// The row `y` as a string, one char per cell, wide characters once.
fn row_text(buf: &Buffer, y: u16) -> String {
    let mut s = String::new();
    let mut skip = 0;
    for x in buf.area.left()..buf.area.right() {
        let symbol = buf[(x, y)].symbol();
        if skip == 0 {
            s.push_str(symbol);
        }
        skip = skip.max(symbol.width()).saturating_sub(1);
    }
    s
}

/// The display column where `needle` starts in row `y`.
fn column_of(buf: &Buffer, y: u16, needle: &str) -> Option<usize> {
    let row = row_text(buf, y);
    row.find(needle).map(|i| row[..i].width())
}

fn screen_text(buf: &Buffer) -> Vec<String> {
    (buf.area.top()..buf.area.bottom())
        .map(|y| row_text(buf, y))
        .collect()
}

// ---------------------------------------------------------------------------
// The meeting's stages

#[test]
fn each_stage_of_the_meeting() {
    for stage in Stage::ALL {
        let app = meeting_at(*stage);
        let name = format!(
            "stage_{}_{}",
            stage.index() + 1,
            stage.short().to_lowercase()
        );
        snap(&name, &app);
        for (w, h) in SIZES {
            let text = screen_text(screen(&app, w, h).backend().buffer()).join("\n");
            assert!(
                text.contains(&format!("Stage {}/9", stage.index() + 1)),
                "{stage:?} at {w}x{h}:\n{text}"
            );
            assert!(text.contains(stage.short()), "{stage:?} at {w}x{h}");
        }
    }
}

#[test]
fn the_opening_statement_is_on_screen_to_be_read_out() {
    let app = meeting_at(Stage::SetTheStage);
    let statement = app
        .prompts
        .opening
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (w, h) in SIZES {
        // The words of the right-hand column in the wide layout, of the
        // whole row in the narrow one.
        let words: Vec<String> = screen_text(screen(&app, w, h).backend().buffer())
            .iter()
            .map(|row| row.rsplit("││").next().unwrap_or(row).replace('│', " "))
            .collect();
        let words = words
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(words.contains(&statement), "{w}x{h}: {words}");
    }
}

#[test]
fn a_stage_over_its_time_box_says_so_plainly() {
    // The timeline gets 15 minutes in a full Sev2 review; two have gone.
    let mut app = meeting_at(Stage::Timeline);
    let text = screen_text(screen(&app, 80, 24).backend().buffer()).join("\n");
    assert!(text.contains("⏱ 13 min left · 10 of 60 min"), "{text}");
    assert!(!text.contains("park open debates"), "{text}");
    app.now += TimeDelta::minutes(30);
    for (w, h) in SIZES {
        let text = screen_text(screen(&app, w, h).backend().buffer()).join("\n");
        assert!(text.contains("OVER BY 17 min"), "{w}x{h}:\n{text}");
        assert!(text.contains("park open debates"), "{w}x{h}");
    }
}

#[test]
fn the_summaries_stage_lists_the_checks_with_the_next_one_marked() {
    let mut app = meeting_at(Stage::Summaries);
    let text = screen_text(screen(&app, 160, 48).backend().buffer()).join("\n");
    assert!(text.contains("Nothing to check: preview (P)"), "{text}");
    ws(&mut app)
        .review
        .add_action(ActionItem::new(Text::new("Write down who may roll back")));
    for (w, h) in SIZES {
        let text = screen_text(screen(&app, w, h).backend().buffer()).join("\n");
        assert!(
            text.contains("2 to check before publishing"),
            "{w}x{h}:\n{text}"
        );
        assert!(text.contains("› action item #"), "{w}x{h}:\n{text}");
    }
}

// ---------------------------------------------------------------------------
// Panes

#[test]
fn timeline_pane() {
    let mut app = example_app();
    // Event 10: a command with a negative impact and two lines of text.
    focus(&mut app, Pane::Timeline, 9);
    app.info("Impact changed");
    snap("timeline", &app);
}

#[test]
fn learnings_pane() {
    let mut app = example_app();
    focus(&mut app, Pane::Learnings, 4);
    snap("learnings", &app);
}

#[test]
fn factors_pane() {
    let mut app = example_app();
    focus(&mut app, Pane::Factors, 1);
    snap("factors", &app);
}

#[test]
fn actions_pane() {
    let mut app = example_app();
    let r = &mut ws(&mut app).review;
    let mut a = ActionItem::new(Text::new("Write down who may roll back a config change"));
    a.id = r.take_id();
    r.actions.push(a);
    focus(&mut app, Pane::Actions, 6);
    snap("actions", &app);
}

#[test]
fn parking_pane() {
    let mut app = example_app();
    focus(&mut app, Pane::Parking, 0);
    snap("parking", &app);
}

#[test]
fn details_pane() {
    let mut app = example_app();
    focus(&mut app, Pane::Details, 1);
    snap("details", &app);
}

#[test]
fn empty_review_timeline_and_details() {
    let mut app = app_with(empty_review());
    snap("empty_timeline", &app);
    focus(&mut app, Pane::Details, 0);
    snap("empty_details", &app);
    focus(&mut app, Pane::Actions, 0);
    snap("empty_actions", &app);
}

// ---------------------------------------------------------------------------
// Header states

#[test]
fn read_only_header() {
    let mut app = example_app();
    ws(&mut app).access = Access::ReadOnly("debrief (pid 4242 on meeting-laptop)".into());
    app.warn("Read-only: debrief (pid 4242 on meeting-laptop)");
    snap("read_only", &app);
}

#[test]
fn failed_save_header() {
    let mut app = example_app();
    let w = ws(&mut app);
    w.revision = 3;
    w.saved_revision = 2;
    w.save_error = Some("No space left on device".into());
    app.error(
        "Not saved: No space left on device. Your changes are still here; debrief keeps trying.",
    );
    snap("failed_save", &app);
}

#[test]
fn pending_save_header() {
    let mut app = example_app();
    ws(&mut app).revision = 1;
    let terminal = screen(&app, 80, 24);
    assert!(row_text(terminal.backend().buffer(), 0).contains("● saving…"));
}

// ---------------------------------------------------------------------------
// Overlays

#[test]
fn help_overlay() {
    let mut app = example_app();
    app.overlays.push(Overlay::Help { scroll: 0 });
    snap("help", &app);
    app.overlays = vec![Overlay::Help { scroll: 30 }];
    let terminal = screen(&app, 80, 24);
    insta::assert_snapshot!("help_scrolled_80x24", terminal.backend());
}

#[test]
fn help_shows_the_users_keys() {
    let mut app = example_app();
    let overrides = [(CommandId::Add, vec!["insert".to_owned(), "+".to_owned()])].into();
    app.keymap = Keymap::with_overrides(&overrides).expect("valid overrides");
    app.overlays.push(Overlay::Help { scroll: 0 });
    let terminal = screen(&app, 160, 48);
    let text = screen_text(terminal.backend().buffer()).join("\n");
    assert!(text.contains("Ins +"), "{text}");
}

#[test]
fn palette_overlay() {
    let mut app = example_app();
    app.overlays.push(Overlay::Palette(Palette {
        query: "exp".into(),
        selected: 1,
    }));
    snap("palette", &app);
}

#[test]
fn add_event_form() {
    let mut app = example_app();
    let mut form = item_form(ws(&mut app), Pane::Timeline, None).expect("a form");
    form.focus = 1;
    if let Input::Text { area, .. } = &mut form.fields[1].input {
        area.insert_str("pri");
    }
    app.overlays.push(Overlay::Form(Box::new(form)));
    snap("add_event_form", &app);
}

#[test]
fn edit_action_form() {
    let mut app = example_app();
    focus(&mut app, Pane::Actions, 1);
    let mut form = item_form(ws(&mut app), Pane::Actions, Some(1)).expect("a form");
    form.focus = 2;
    form.error = Some("Due: '2026-11-31' is not a date; write it like 2026-12-01".into());
    app.overlays.push(Overlay::Form(Box::new(form)));
    snap("edit_action_form", &app);
}

// ---------------------------------------------------------------------------
// The picker

fn entry(id: &str, severity: Severity, status: Status, title: &str, open: usize) -> PickerEntry {
    PickerEntry {
        path: PathBuf::from(format!("/reviews/{id}.ron")),
        id: id.into(),
        date: id[..10].into(),
        severity,
        status,
        title: title.into(),
        open_actions: open,
    }
}

#[test]
fn picker_with_reviews_and_a_problem() {
    let picker = Picker {
        entries: vec![
            entry(
                "2026-11-17-checkout-payments-failing-k7qm",
                Severity::Sev2,
                Status::InReview,
                "Checkout payments failing after gateway config change",
                6,
            ),
            entry(
                "2026-11-02-search-latency-p3xa",
                Severity::Sev3,
                Status::Published,
                "Search latency doubled during the reindex",
                0,
            ),
            entry(
                "2026-10-21-paging-storm-9bcd",
                Severity::Sev4,
                Status::Draft,
                "Paging storm from a flapping disk alert",
                2,
            ),
            entry(
                "2026-09-30-login-outage-eu-aa22",
                Severity::Sev1,
                Status::Reviewed,
                "登录失败：欧盟用户无法登录 🔥",
                1,
            ),
        ],
        problems: vec![
            "/reviews/2026-08-01-broken.ron:3:5: expected a severity such as Sev2".into(),
        ],
        filter: String::new(),
        ..Picker::default()
    };
    let mut app = App::new(Screen::Picker(picker), now());
    snap("picker", &app);
    app.screen = Screen::Picker(Picker::default());
    snap("picker_empty", &app);
}

// ---------------------------------------------------------------------------
// Sizes and themes

#[test]
fn a_window_too_small_says_how_large_it_must_be() {
    let app = example_app();
    let terminal = screen(&app, 60, 20);
    insta::assert_snapshot!("too_small_60x20", terminal.backend());
    let text = screen_text(terminal.backend().buffer()).join("\n");
    assert!(text.contains("80×24") && text.contains("60×20"), "{text}");
    // Even a tiny window draws without panicking.
    for (w, h) in [(0, 0), (1, 1), (10, 3), (79, 40), (200, 23)] {
        screen(&app, w, h);
    }
}

#[test]
fn monochrome_theme_uses_no_colour() {
    let mut app = example_app();
    app.theme = ThemeName::Mono;
    focus(&mut app, Pane::Timeline, 2);
    snap("mono", &app);
    for (w, h) in SIZES {
        let terminal = screen(&app, w, h);
        let buf = terminal.backend().buffer();
        for cell in &buf.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{w}x{h}");
        }
    }
}

#[test]
fn every_size_in_between_renders_inside_its_area() {
    let mut app = example_app();
    for pane in Pane::ALL {
        focus(&mut app, pane, 2);
        for (w, h) in [
            (80, 24),
            (95, 30),
            (119, 34),
            (120, 35),
            (133, 41),
            (250, 70),
        ] {
            let terminal = screen(&app, w, h);
            let text = screen_text(terminal.backend().buffer());
            assert_eq!(text.len(), usize::from(h));
            for line in &text {
                assert_eq!(line.width(), usize::from(w), "{pane:?} {w}x{h}: {line}");
            }
        }
    }
}

#[test]
fn no_size_theme_or_overlay_makes_drawing_panic_or_spill() {
    let overlays: [fn(&mut App) -> Option<Overlay>; 4] = [
        |_| None,
        |_| Some(Overlay::Help { scroll: 500 }),
        |_| {
            Some(Overlay::Palette(Palette {
                query: "zzzz".into(),
                selected: 99,
            }))
        },
        |app| item_form(ws(app), Pane::Details, Some(2)).map(|f| Overlay::Form(Box::new(f))),
    ];
    let themes = [ThemeName::Dark, ThemeName::Light, ThemeName::Mono];
    for (n, review) in [common::example(), wide_review(), empty_review()]
        .into_iter()
        .enumerate()
    {
        let mut app = app_with(review);
        app.theme = themes[n];
        for (i, pane) in Pane::ALL.into_iter().enumerate() {
            focus(&mut app, pane, i * 3);
            app.overlays = overlays[i % overlays.len()](&mut app).into_iter().collect();
            for w in (80..=200).step_by(17) {
                for h in (24..=60).step_by(9) {
                    let terminal = screen(&app, w, h);
                    for line in screen_text(terminal.backend().buffer()) {
                        assert_eq!(line.width(), usize::from(w), "{pane:?} {w}x{h}: {line}");
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Wide characters

fn event(r: &mut Review, hm: &str, actor: &str, text: &str, phase: Phase, impact: Impact) {
    let mut e = Event::new(
        at(&format!("2026-11-17T{hm}:00Z")),
        Text::new(text),
        Source::Typed,
    );
    e.actor = Some(Text::new(actor));
    e.phase = Some(phase);
    e.impact = impact;
    r.add_event(e);
}

fn wide_review() -> Review {
    let mut r = empty_review();
    r.moments.started = Some(at("2026-11-17T13:00:00Z"));
    event(
        &mut r,
        "13:01",
        "王小明",
        "支付失败，用户无法结账，错误率上升到百分之九",
        Phase::Detection,
        Impact::Neutral,
    );
    event(
        &mut r,
        "13:02",
        "Ana",
        "saw the login page fail 🔥🔥🔥 for everyone in the EU region today",
        Phase::Triage,
        Impact::Positive,
    );
    event(
        &mut r,
        "13:03",
        "🤖 pager bot",
        "日本語のテキストと emoji 🎉 が混ざった長い説明文です",
        Phase::Investigation,
        Impact::Negative,
    );
    event(
        &mut r,
        "13:04",
        "José Müller-Lüdenscheidt",
        "plain ascii text that is long enough to be cut at the edge of the pane",
        Phase::Remediation,
        Impact::Unjudged,
    );
    for (text, owner) in [
        ("支付网关连接池上限改为两百", "王小明"),
        ("Alert on pool usage 🔔🔔 above ninety percent", "🤖 bot"),
        ("plain", "Ana"),
    ] {
        let mut a = ActionItem::new(Text::new(text));
        a.owner = Some(Text::new(owner));
        r.add_action(a);
    }
    r
}

/// In every table row the column after a text of CJK or emoji starts at
/// the same display column as in the heading, and the right border stays
/// where it belongs.
#[test]
fn cjk_and_emoji_line_up_in_tables() {
    let cases = [
        (
            Pane::Timeline,
            "Impact",
            vec!["= neutral", "+ positive", "- negative", "? unjudged"],
        ),
        (
            Pane::Timeline,
            "What happened",
            vec!["支付", "saw the", "日本語", "plain ascii"],
        ),
        (Pane::Actions, "Owner", vec!["王小明", "🤖 bot", "Ana"]),
    ];
    for (w, h) in [(80, 24), (120, 40), (160, 48)] {
        for (pane, heading, cells) in &cases {
            let mut app = app_with(wide_review());
            focus(&mut app, *pane, 0);
            let terminal = screen(&app, w, h);
            let buf = terminal.backend().buffer();
            // Below the header and the stage rail, which names stages too.
            let head_y = (2..h)
                .find(|y| column_of(buf, *y, heading).is_some())
                .unwrap_or_else(|| panic!("no heading {heading}"));
            let want = column_of(buf, head_y, heading);
            for cell in cells {
                let y = (head_y + 1..h)
                    .find(|y| column_of(buf, *y, cell).is_some())
                    .unwrap_or_else(|| panic!("no row with {cell} at {w}x{h}"));
                let line = row_text(buf, y);
                assert_eq!(column_of(buf, y, cell), want, "{cell} at {w}x{h}:\n{line}");
                assert_eq!(line.width(), usize::from(w), "{line}");
            }
        }
    }
}

/// At 80x24 the same review still lines up, and snapshots show the cuts.
#[test]
fn cjk_and_emoji_snapshot() {
    let app = app_with(wide_review());
    snap("wide_chars", &app);
}

// ---------------------------------------------------------------------------
// Long timelines

fn long_review(events: usize) -> Review {
    let mut r = empty_review();
    let start = at("2026-11-17T00:00:00Z");
    r.moments.started = Some(start);
    r.timeline = (0..events)
        .map(|i| {
            let mut e = Event::new(
                start + TimeDelta::seconds(i as i64 * 7),
                Text::new(format!("event #{i:05} happened")),
                Source::Imported,
            );
            e.id = debrief::domain::ItemId(i as u64 + 1);
            e
        })
        .collect();
    r
}

#[test]
fn the_selected_event_is_always_on_screen() {
    let mut app = app_with(long_review(10_000));
    for (selected, offset) in [(9000, 0), (0, 9000), (9999, 0), (5000, 5000), (20_000, 3)] {
        let ws = ws(&mut app);
        ws.cursor_mut(Pane::Timeline).selected = selected;
        ws.cursor_mut(Pane::Timeline).offset = offset;
        let want = format!("event #{:05}", selected.min(9999));
        for (w, h) in [(80, 24), (160, 48), (200, 60)] {
            let terminal = screen(&app, w, h);
            let text = screen_text(terminal.backend().buffer());
            let row = text
                .iter()
                .find(|l| l.contains(&want))
                .unwrap_or_else(|| panic!("{want} not on screen at {w}x{h}"));
            assert!(row.contains('▶'), "{row}");
            let position = format!("{}/10000", selected.min(9999) + 1);
            assert!(text.iter().any(|l| l.contains(&position)), "{position}");
        }
    }
}

#[test]
fn rendering_reads_the_state_and_changes_nothing() {
    let mut app = example_app();
    focus(&mut app, Pane::Timeline, 12);
    let before = format!("{:?}", ws(&mut app).cursors);
    let first = screen(&app, 160, 48);
    let second = screen(&app, 160, 48);
    assert_eq!(first.backend().buffer(), second.backend().buffer());
    assert_eq!(format!("{:?}", ws(&mut app).cursors), before);
}

// ---------------------------------------------------------------------------
// The bias coach on screen

#[test]
fn flagged_language_is_named_while_typing_with_a_better_question() {
    let mut app = example_app();
    focus(&mut app, Pane::Learnings, 0);
    let mut form = {
        let ws = app.workspace().expect("a workspace");
        item_form(ws, Pane::Learnings, None).expect("a form")
    };
    if let Some(Input::Text { area, .. }) = form.focused_mut().map(|f| &mut f.input) {
        area.insert_str("We should have rolled back sooner");
    }
    app.overlays.push(Overlay::Form(Box::new(form)));
    for (w, h) in SIZES {
        let text = screen_text(screen(&app, w, h).backend().buffer()).join("\n");
        assert!(
            text.contains("⚑ Counterfactual: should have rolled"),
            "{w}x{h}:\n{text}"
        );
        assert!(
            text.contains("What did happen"),
            "a reframing question at {w}x{h}:\n{text}"
        );
    }
    // The wide prompts pane also explains the category.
    let wide = screen_text(screen(&app, 160, 48).backend().buffer()).join("\n");
    assert!(wide.contains("Describes what did not happen"), "{wide}");
}

#[test]
fn an_item_that_still_carries_flagged_language_is_marked() {
    let mut app = example_app();
    let ws = ws(&mut app);
    ws.review.learnings[0].text = Text::new("It was obvious the template was wrong");
    focus(&mut app, Pane::Learnings, 1);
    let buf = screen(&app, 80, 24);
    let rows = screen_text(buf.backend().buffer());
    let marked: Vec<&String> = rows.iter().filter(|r| r.contains("⚑")).collect();
    assert_eq!(marked.len(), 1, "{rows:#?}");
    assert!(marked[0].contains("It was obvious"), "{}", marked[0]);
}

#[test]
fn voices_not_yet_heard_are_named_in_the_prompts_pane() {
    let app = example_app();
    let wide = screen_text(screen(&app, 160, 48).backend().buffer()).join("\n");
    assert!(wide.contains("Not heard yet: Jonas Berg,"), "{wide}");
    assert!(
        !wide.contains("Amara Okafor,"),
        "the facilitator is not listed: {wide}"
    );
}

#[test]
fn the_question_to_ask_next_comes_first() {
    let mut app = example_app();
    let second = app.prompts.for_stage(Stage::Timeline).questions[1].clone();
    ws(&mut app).review.meeting.stage = Stage::Timeline;
    ws(&mut app).asked[Stage::Timeline.index()] = 1;
    for (w, h) in SIZES {
        let rows = screen_text(screen(&app, w, h).backend().buffer());
        let first = rows
            .iter()
            .find(|r| r.contains("› "))
            .expect("a question on screen");
        assert!(first.contains(&second[..20]), "{w}x{h}: {first}");
    }
}

#[test]
fn public_preview_overlay() {
    let mut app = example_app();
    debrief::app::update(
        &mut app,
        debrief::app::Action::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char('P'),
            ratatui::crossterm::event::KeyModifiers::SHIFT,
        )),
        now(),
    );
    assert!(matches!(app.overlays.last(), Some(Overlay::Preview(_))));
    snap("preview", &app);
}

/// Presses one key on the app at the fixed time.
fn key(app: &mut App, code: ratatui::crossterm::event::KeyCode) {
    let modifiers = match code {
        ratatui::crossterm::event::KeyCode::Char(c) if c.is_ascii_uppercase() => {
            ratatui::crossterm::event::KeyModifiers::SHIFT
        }
        _ => ratatui::crossterm::event::KeyModifiers::NONE,
    };
    debrief::app::update(
        app,
        debrief::app::Action::Key(ratatui::crossterm::event::KeyEvent::new(code, modifiers)),
        now(),
    );
}

#[test]
fn preview_with_the_list_of_internal_only_items() {
    use ratatui::crossterm::event::KeyCode;
    let mut app = example_app();
    key(&mut app, KeyCode::Char('P'));
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Down);
    snap("preview_items", &app);
    let text = screen_text(screen(&app, 80, 24).backend().buffer()).join("\n");
    assert!(text.contains("Internal-only: the action items"), "{text}");
    assert!(text.contains("[public]"), "{text}");
    assert!(text.contains("[internal]"), "the example has one: {text}");
}

#[test]
fn presenter_mode_shows_the_stage_large_and_hides_notes_and_hints() {
    use ratatui::crossterm::event::KeyCode;
    let mut app = meeting_at(Stage::Timeline);
    ws(&mut app).review.notes = Text::new("Private: ask Priya about the train wifi");
    key(&mut app, KeyCode::F(5));
    app.message = None;
    snap("presenter", &app);
    for (w, h) in SIZES {
        let text = screen_text(screen(&app, w, h).backend().buffer()).join("\n");
        assert!(text.contains("STAGE 3 OF 9"), "{w}x{h}:\n{text}");
        assert!(!text.contains("? help"), "no key hints at {w}x{h}:\n{text}");
        assert!(
            !text.contains("2 Learnings"),
            "the focused pane alone: {text}"
        );
    }
    let notes_row = ws(&mut app).detail_rows().len() - 1;
    focus(&mut app, Pane::Details, notes_row);
    for (w, h) in SIZES {
        let text = screen_text(screen(&app, w, h).backend().buffer()).join("\n");
        assert!(
            !text.contains("train wifi"),
            "notes hidden at {w}x{h}:\n{text}"
        );
        assert!(
            text.contains("private to the facilitator"),
            "{w}x{h}:\n{text}"
        );
    }
    key(&mut app, KeyCode::F(5));
    let text = screen_text(screen(&app, 160, 48).backend().buffer()).join("\n");
    assert!(
        text.contains("train wifi"),
        "back to the facilitator's view"
    );
}

#[test]
fn the_spotlight_fills_the_screen_with_the_selected_item() {
    use ratatui::crossterm::event::KeyCode;
    let mut app = example_app();
    focus(&mut app, Pane::Actions, 1);
    key(&mut app, KeyCode::Char('z'));
    assert!(matches!(app.overlays.last(), Some(Overlay::Spotlight)));
    snap("spotlight", &app);
    let text = screen_text(screen(&app, 80, 24).backend().buffer()).join("\n");
    assert!(text.contains("Action items · 2 of 7"), "{text}");
    key(&mut app, KeyCode::Down);
    let text = screen_text(screen(&app, 80, 24).backend().buffer()).join("\n");
    assert!(
        text.contains("Action items · 3 of 7"),
        "the next item: {text}"
    );
    key(&mut app, KeyCode::Char('z'));
    assert!(app.overlays.is_empty(), "z again goes back");
}

#[test]
fn the_recovery_chart_view() {
    use ratatui::crossterm::event::KeyCode;
    let mut app = meeting_at(Stage::Impact);
    key(&mut app, KeyCode::Char('C'));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Chart { selected: 2 })
    ));
    snap("chart", &app);
    app.theme = debrief::app::ThemeName::Mono;
    let text = screen_text(screen(&app, 80, 24).backend().buffer()).join("\n");
    assert!(
        !text.chars().any(|c| ('\u{2800}'..='\u{28FF}').contains(&c)),
        "plain characters in monochrome: {text}"
    );
    assert!(text.contains("point 3/16"), "{text}");
}

#[test]
fn the_selected_items_flags_show_in_its_detail_row() {
    let mut review = common::example();
    review.learnings[0].text = Text::new("Looking back, it was obvious the disk was filling");
    review.learnings[0].quote = false;
    let mut app = common::sized(review, now(), (160, 48));
    debrief::app::update(
        &mut app,
        debrief::app::Action::Key(common::keys::key_of("2")),
        now(),
    );
    let terminal = screen(&app, 160, 48);
    let text = screen_text(terminal.backend().buffer()).join("\n");
    assert!(text.contains("⚑ Hindsight: "), "{text}");
    assert!(text.contains("→ "), "a better question follows: {text}");
    // Kept as a quote, the row says so instead.
    if let Some(ws) = app.workspace_mut() {
        ws.review.learnings[0].quote = true;
    }
    let terminal = screen(&app, 160, 48);
    let text = screen_text(terminal.backend().buffer()).join("\n");
    assert!(text.contains("kept as a direct quote"), "{text}");
}

#[test]
fn a_name_typed_in_public_text_is_flagged_with_what_to_write_instead() {
    use common::keys::{press_at, typing_at};
    let mut app = common::sized(common::example(), now(), (160, 48));
    // The summary row of the details pane, then its Resolution field.
    press_at(&mut app, "6 j j <enter>", now());
    for _ in 0..5 {
        press_at(&mut app, "<tab>", now());
    }
    typing_at(&mut app, " Priya rolled back auth-service", now());
    let terminal = screen(&app, 160, 48);
    let text = screen_text(terminal.backend().buffer()).join("\n");
    assert!(text.contains("Name in public text: Priya"), "{text}");
    assert!(text.contains("write \"the"), "{text}");
}

// ---------------------------------------------------------------------------
// The wide layout at its smallest size, 120x35

#[test]
fn each_stage_at_120x35_gives_its_pane_the_large_slot() {
    for stage in Stage::ALL {
        let app = meeting_at(*stage);
        let name = format!(
            "stage_{}_{}_120x35",
            stage.index() + 1,
            stage.short().to_lowercase()
        );
        insta::assert_snapshot!(name, screen(&app, 120, 35).backend());
    }
}

#[test]
fn the_action_items_stage_shows_due_and_status_at_120x35() {
    let app = meeting_at(Stage::Actions);
    let text = screen_text(screen(&app, 120, 35).backend().buffer()).join("\n");
    let header = text
        .lines()
        .find(|l| l.contains("Action") && l.contains("Owner"))
        .unwrap_or_else(|| panic!("no header of the action items:\n{text}"));
    assert!(
        header.contains("Due") && header.contains("Status"),
        "{header}"
    );
    // The focused pane is the wide one at the top left, with the timeline
    // in its place below.
    let areas =
        debrief::ui::layout::workspace(ratatui::layout::Rect::new(0, 0, 120, 35), Pane::Actions, 3);
    let (first, rect) = areas.panes[0];
    assert_eq!(first, Pane::Actions);
    assert!(rect.width >= 80, "{rect:?}");
    assert!(areas.panes.iter().any(|(p, _)| *p == Pane::Timeline));
}

#[test]
fn the_prompts_pane_scrolls_to_the_end_of_the_opening_statement() {
    let mut app = meeting_at(Stage::SetTheStage);
    debrief::app::update(&mut app, debrief::app::Action::Resize(120, 35), now());
    let last_words: String = {
        let words: Vec<&str> = app.prompts.opening.split_whitespace().collect();
        words[words.len() - 3..].join(" ")
    };
    let words_on = |app: &App| {
        screen_text(screen(app, 120, 35).backend().buffer())
            .iter()
            .map(|row| row.rsplit("││").next().unwrap_or(row).replace('│', " "))
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let before = words_on(&app);
    assert!(before.contains("} more ↓"), "{before}");
    assert!(!before.contains(&last_words), "{before}");
    // Scrolled a step at a time, the end of the statement comes into view.
    let mut after = before.clone();
    for _ in 0..20 {
        if after.contains(&last_words) {
            break;
        }
        common::keys::press_at(&mut app, "}", now());
        after = words_on(&app);
    }
    assert!(after.contains(&last_words), "{after}");
    assert!(after.contains("{ ↑"), "{after}");
    assert!(ws(&mut app).prompts_scroll <= debrief::ui::prompts_extent(&app));
    common::keys::press_at(&mut app, "]", now());
    assert_eq!(
        ws(&mut app).prompts_scroll,
        0,
        "each stage starts at the top"
    );
}
