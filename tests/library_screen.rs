//! The library screen, driven by keys: opened from the list of reviews,
//! its figures as the reviews make them (worked out by hand below), the
//! follow-ups by owner, Enter on each section, the month and the
//! quarter, and back. Snapshots at 80x24 and 120x35.

mod common;

use std::path::Path;

use debrief::app::library::{FactorKind, LibraryView, Section};
use debrief::app::state::Picker;
use debrief::app::{Access, Action, App, Effect, Mode, Opened, Pane, Screen, ThemeName, update};
use debrief::domain::{Area, Severity, Text};
use debrief::library::ReviewSummary;
use debrief::library::stats::By;

#[path = "library/screen.rs"]
mod fixture;

use fixture::*;

#[test]
fn ctrl_l_opens_the_library_and_esc_goes_back_to_the_list_as_it_was() {
    let mut app = library_app((80, 24));
    assert_eq!(view(&app).reviews.len(), 12);
    press(&mut app, "<esc>");
    assert_eq!(app.mode(), Mode::Picker);
    let Screen::Picker(p) = &app.screen else {
        panic!()
    };
    assert_eq!(p.filter, "rev", "the list comes back as it was left");
    assert!(!app.quit);
    // q goes back too; Ctrl-C quits from the library.
    let mut app = library_app((80, 24));
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::Picker);
    let mut app = library_app((80, 24));
    assert_eq!(press(&mut app, "<c-c>"), vec![Effect::Quit]);
}

#[test]
fn a_library_that_cannot_be_read_is_said_and_the_list_stays() {
    let mut app = App::new(Screen::Picker(picker()), now());
    press(&mut app, "<c-l>");
    update(
        &mut app,
        Action::LibraryRead(Err("/data/reviews: permission denied".into())),
        now(),
    );
    assert_eq!(app.mode(), Mode::Picker);
    let m = app.message.as_ref().unwrap();
    assert!(m.text.contains("permission denied"), "{}", m.text);
}

#[test]
fn the_bars_count_each_month_by_severity_and_the_latest_is_selected() {
    let app = library_app((80, 24));
    let v = view(&app);
    let months: Vec<String> = v.months.iter().map(|p| p.period.label()).collect();
    assert_eq!(months.first().map(String::as_str), Some("2026-01"));
    assert_eq!(months.last().map(String::as_str), Some("2026-11"));
    assert_eq!(months.len(), 11, "March is counted, with none");
    assert_eq!(v.months[2].total, 0);
    let nov = &v.months[10];
    assert_eq!(
        (
            nov.total,
            nov.count(Severity::Sev1),
            nov.count(Severity::Sev2)
        ),
        (3, 1, 1)
    );
    assert_eq!(v.selected(Section::Severity), Some(10));
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("2026-11: 3 reviews · SEV1 1 · SEV2 1 · SEV3 1 · SEV4 0 · SEV5 0"),
        "{screen}"
    );
}

#[test]
fn p_counts_by_quarter_on_the_quarter_of_the_month_selected() {
    let mut app = library_app((80, 24));
    press(&mut app, "h h h h h h");
    assert_eq!(view(&app).periods()[4].period.label(), "2026-05");
    press(&mut app, "p");
    let v = view(&app);
    assert_eq!(v.by, By::Quarter);
    let quarters: Vec<(String, usize)> = v
        .periods()
        .iter()
        .map(|p| (p.period.label(), p.total))
        .collect();
    assert_eq!(
        quarters,
        [
            ("2026-Q1".to_owned(), 3),
            ("2026-Q2".to_owned(), 3),
            ("2026-Q3".to_owned(), 2),
            ("2026-Q4".to_owned(), 4)
        ]
    );
    assert_eq!(v.selected(Section::Severity), Some(1), "May is in Q2");
    assert!(text(&app, 80, 24).contains("by quarter"));
    press(&mut app, "p");
    assert_eq!(view(&app).by, By::Month);
    assert_eq!(
        view(&app).selected(Section::Severity),
        Some(3),
        "Q2 starts in April"
    );
}

#[test]
fn enter_on_a_bar_lists_its_reviews_newest_first_and_enter_opens_one() {
    let mut app = library_app((80, 24));
    press(&mut app, "<enter>");
    assert_eq!(app.mode(), Mode::LibraryPick);
    let v = view(&app);
    let pick = v.picking.as_ref().unwrap();
    let ids: Vec<&str> = pick
        .reviews
        .iter()
        .map(|i| v.reviews[*i].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "2026-11-20-incident-11",
            "2026-11-15-incident-10",
            "2026-11-03-incident-09"
        ]
    );
    let screen = text(&app, 80, 24);
    assert!(screen.contains("2026-11: 3 reviews"), "{screen}");
    let effects = press(&mut app, "j <enter>");
    assert_eq!(
        effects,
        vec![Effect::Open("/reviews/2026-11-15-incident-10.ron".into())]
    );
    assert_eq!(app.landing, None, "a review from a bar opens as usual");
    // Esc closes the list, back on the bars.
    let mut app = library_app((80, 24));
    press(&mut app, "<enter> <esc>");
    assert_eq!(app.mode(), Mode::Library);
    // A month without reviews says so.
    let mut app = library_app((80, 24));
    press(&mut app, "g l l <enter>");
    assert_eq!(app.mode(), Mode::Library);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("No reviews in 2026-03")
    );
}

#[test]
fn the_time_to_resolve_is_binned_with_its_median_and_90th_percentile() {
    let mut app = library_app((80, 24));
    let v = view(&app);
    // 11 resolved: 4m 10m 20m 30m 35m 45m 50m 90m 3h 6h 2d; the median is
    // the 6th (45m), the 90th percentile the 10th by nearest rank (6h).
    assert_eq!(v.resolve.count, 11);
    assert_eq!(v.resolve.missing, 1);
    assert_eq!(v.resolve.median, Some(45 * 60));
    assert_eq!(v.resolve.p90, Some(6 * 3600));
    let counts: Vec<usize> = v.bins.iter().map(|b| b.reviews.len()).collect();
    assert_eq!(counts, [1, 1, 1, 4, 1, 1, 1, 0, 1, 0]);
    assert_eq!(
        counts,
        v.resolve.histogram(&debrief::library::stats::BUCKETS)
    );
    let labels = |keep: fn(&debrief::app::library::Bin) -> bool| -> Vec<String> {
        v.bins
            .iter()
            .filter(|b| keep(b))
            .map(|b| b.label.clone())
            .collect()
    };
    let (median, p90) = (labels(|b| b.median), labels(|b| b.p90));
    assert_eq!(
        (median, p90),
        (vec!["30m to 1h".to_owned()], vec!["4h to 8h".to_owned()])
    );
    press(&mut app, "<tab>");
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("median 45m · 90th percentile 6h 00m · longest 2d 00h"),
        "{screen}"
    );
    assert!(
        screen.contains("◀ median") && screen.contains("◀ p90"),
        "{screen}"
    );
    assert!(
        screen.contains("11 reviews with a time to resolve · 1 without"),
        "{screen}"
    );
    // Enter on the bin of the median lists its four reviews.
    press(&mut app, "j j j <enter>");
    let v = view(&app);
    let pick = v.picking.as_ref().unwrap();
    assert_eq!(pick.title, "30m to 1h to resolve");
    assert_eq!(pick.reviews.len(), 4);
}

#[test]
fn the_factors_are_their_areas_then_the_words_found_in_two_reviews_or_more() {
    let mut app = library_app((80, 24));
    let v = view(&app);
    let rows: Vec<(String, usize)> = v
        .factors
        .iter()
        .map(|f| (f.name.clone(), f.reviews.len()))
        .collect();
    let want: Vec<(String, usize)> = [
        ("process", 3),
        ("people", 1),
        ("technology", 1),
        ("failover", 3),
        ("runbook", 3),
        ("alerts", 2),
        ("stale", 2),
    ]
    .map(|(n, c)| (n.to_owned(), c))
    .into();
    assert_eq!(rows, want);
    assert_eq!(v.areas, 3);
    assert_eq!(v.factors[0].kind, FactorKind::Area(Area::Process));
    assert_eq!((v.factors[0].hurt, v.factors[0].helped), (3, 0));
    press(&mut app, "<tab> <tab> G <enter>");
    let v = view(&app);
    let pick = v.picking.as_ref().unwrap();
    let ids: Vec<&str> = pick
        .reviews
        .iter()
        .map(|i| v.reviews[*i].id.as_str())
        .collect();
    assert_eq!(ids, ["2026-11-15-incident-10", "2026-01-10-incident-00"]);
}

#[test]
fn follow_ups_are_grouped_by_owner_the_most_overdue_first_and_overdue_items_first() {
    let app = library_app((80, 24));
    let v = view(&app);
    let owners: Vec<(Option<&str>, usize, usize)> = v
        .owners
        .iter()
        .map(|o| (o.name.as_deref(), o.len, o.overdue))
        .collect();
    assert_eq!(
        owners,
        [
            (Some("ana"), 3, 2),
            (Some("mo"), 1, 1),
            (Some("gary"), 2, 0),
            (None, 1, 1)
        ],
        "\"Ana \" is ana; the won't-do and done items are not open"
    );
    let items: Vec<(&str, bool)> = v
        .follow_ups
        .iter()
        .map(|f| (f.text.as_str(), f.overdue))
        .collect();
    assert_eq!(
        items,
        [
            ("Rotate the on-call runbook", true),
            ("Alert on saturation", true),
            ("Page the database team", false),
            ("Check the quiet channel", true),
            ("Cap the retry storm", false),
            ("Add a failover drill", false),
            ("Document the cache warm-up", true),
        ]
    );
    assert_eq!((v.actions.still_open(), v.actions.overdue), (7, 4));
}

#[test]
fn enter_on_an_action_item_opens_its_review_with_the_item_selected() {
    let mut app = library_app((80, 24));
    let effects = press(&mut app, "<s-tab> j <enter>");
    let reviews = fixture();
    let r3 = &reviews[3];
    assert_eq!(effects, vec![Effect::Open(path_of(r3))]);
    let screen_before = text(&app, 80, 24);
    assert!(
        screen_before.contains("Alert on saturation"),
        "{screen_before}"
    );
    // What the runtime answers: the review, opened.
    let opened = Opened {
        review: r3.clone(),
        file: path_of(r3),
        access: Access::ReadWrite,
        recovered: None,
        warnings: Vec::new(),
    };
    update(&mut app, Action::Opened(Ok(Box::new(opened))), now());
    assert_eq!(app.mode(), Mode::Workspace(Pane::Actions));
    let ws = app.workspace().unwrap();
    assert_eq!(
        ws.selected(Pane::Actions),
        Some(1),
        "the second action item"
    );
    assert_eq!(ws.review.actions[1].text.as_str(), "Alert on saturation");
    assert_eq!(app.landing, None);
}

#[test]
fn an_item_whose_number_is_gone_lands_on_its_place_and_a_failed_open_forgets_it() {
    let mut app = library_app((80, 24));
    press(&mut app, "<s-tab> j <enter>");
    let mut r3 = fixture()[3].clone();
    for a in &mut r3.actions {
        a.id.0 += 100;
    }
    let opened = Opened {
        review: r3.clone(),
        file: path_of(&r3),
        access: Access::ReadWrite,
        recovered: None,
        warnings: Vec::new(),
    };
    update(&mut app, Action::Opened(Ok(Box::new(opened))), now());
    assert_eq!(app.workspace().unwrap().selected(Pane::Actions), Some(1));

    let mut app = library_app((80, 24));
    press(&mut app, "<s-tab> <enter>");
    assert!(app.landing.is_some());
    let failure = debrief::app::action::Failure::Unreadable("line 1: broken".into());
    update(&mut app, Action::Opened(Err(failure)), now());
    assert_eq!(app.landing, None);
    assert_eq!(app.mode(), Mode::Library, "the library stays");
}

#[test]
fn text_from_the_files_reaches_the_screen_neutralised() {
    let mut reviews = fixture();
    reviews[11].title = Text::new("Checkout \u{1b}[31mred\u{7} title");
    reviews[11].actions[0].owner = Some(Text::new("ev\u{1b}]0;pwned\u{7}il"));
    let mut app = App::new(Screen::Picker(picker()), now());
    press(&mut app, "<c-l>");
    update(
        &mut app,
        Action::LibraryRead(Ok(Box::new(view_of(&reviews)))),
        now(),
    );
    press(&mut app, "<enter>");
    let terminal = common::screen(&app, 120, 35);
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn monochrome_draws_the_library_without_a_colour() {
    for keys in ["", "<tab>", "<tab> <tab>", "<s-tab>", "<enter>"] {
        let mut app = library_app((120, 35));
        app.theme = ThemeName::Mono;
        press(&mut app, keys);
        for (w, h) in [(80, 24), (120, 35)] {
            let terminal = common::screen(&app, w, h);
            for cell in terminal.backend().buffer().content() {
                use ratatui::style::Color;
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{keys}");
            }
        }
    }
}

#[test]
fn an_empty_library_says_so_in_every_section() {
    let mut app = App::new(Screen::Picker(picker()), now());
    press(&mut app, "<c-l>");
    let empty = LibraryView::build(
        std::iter::empty::<(&Path, &ReviewSummary)>(),
        Vec::new(),
        today(),
        Picker::default(),
    );
    update(&mut app, Action::LibraryRead(Ok(Box::new(empty))), now());
    for (keys, says) in [
        ("", "No reviews yet"),
        ("<tab>", "No review has its start"),
        ("<tab>", "No contributing factors"),
        ("<tab>", "No open action items"),
    ] {
        press(&mut app, keys);
        assert!(press(&mut app, "<enter>").is_empty());
        assert!(text(&app, 80, 24).contains(says), "{says}");
    }
}

#[test]
fn snapshots() {
    let cases = [
        ("library_severity", ""),
        ("library_quarters", "p"),
        ("library_resolve", "<tab>"),
        ("library_factors", "<tab> <tab> j"),
        ("library_follow_ups", "<s-tab> j j j"),
        ("library_pick", "<enter> j"),
    ];
    for (name, keys) in cases {
        for (w, h) in [(80, 24), (120, 35)] {
            let mut app = library_app((w, h));
            press(&mut app, keys);
            insta::assert_snapshot!(
                format!("{name}_{w}x{h}"),
                common::screen(&app, w, h).backend()
            );
        }
    }
}
