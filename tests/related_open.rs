//! The list of related reviews over the workspace, driven by keys: `R`
//! lists them (title, id, severity, date, why), ↑↓ select, Enter opens the
//! selected review by the way the list of reviews opens one, `b` goes
//! back, Esc closes. "looking…" while the library is read, a line when
//! none is found, and a status message where nothing can be listed (a
//! watcher, a review outside a library). Snapshots at 80x24 and 120x35.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use common::keys::press_at;
use common::{ReviewBuilder, screen, screen_text, sized};
use debrief::app::action::Failure;
use debrief::app::related::RelatedView;
use debrief::app::state::{Level, Overlay};
use debrief::app::{Access, Action, App, Audience, Effect, Mode, Opened, Pane, update};
use debrief::domain::{Area, Review, Severity, Text};
use debrief::library::{Corpus, Library};
use debrief::store::{Store, encode};

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

fn review(id: &str, title: &str, days_ago: i64, change: impl FnOnce(&mut Review)) -> Review {
    ReviewBuilder::sev2(title)
        .with(|r| {
            r.id = id.into();
            r.created -= TimeDelta::days(days_ago);
        })
        .with(change)
        .build()
}

fn factor(r: &mut Review, text: &str) {
    r.add_factor(debrief::domain::Factor::new(
        Text::new(text),
        debrief::domain::Effect::Hurt,
        Area::Technology,
    ));
}

/// The review open in the workspace, and the library's others: four that
/// relate to it (by an incident, a service, a tag, factor words) and one
/// that does not.
fn fixture() -> Vec<Review> {
    vec![
        review("me", "Login failures", 0, |r| {
            r.incident = Some(Text::new("INC-1"));
            r.summary.services = vec![Text::new("auth-service")];
            r.tags = vec![Text::new("db")];
            factor(r, "The retries exhausted the connection pool");
        }),
        review("billing", "Seen from billing", 3, |r| {
            r.incidents = vec![Text::new("inc-1")];
            r.severity = Severity::Sev1;
        }),
        review("tokens", "Token refresh storm", 40, |r| {
            r.summary.services = vec![Text::new("auth-service")];
        }),
        review("replica", "Replica lag", 90, |r| {
            r.tags = vec![Text::new("db")];
            r.severity = Severity::Sev3;
        }),
        review("pool", "Pool exhaustion", 200, |r| {
            factor(r, "Connection pool retries sized too small");
        }),
        review("typo", "Typo on the pricing page", 10, |r| {
            factor(r, "It was because of the way it was done");
        }),
    ]
}

/// `reviews` written in a library folder, and the library read as the
/// runtime reads it for the related reviews.
fn library(dir: &Path, reviews: &[Review]) -> (Store, Arc<Corpus>) {
    let store = Store::at(dir);
    std::fs::create_dir_all(store.reviews_dir()).unwrap();
    for r in reviews {
        std::fs::write(store.path_of(&r.id), encode(r)).unwrap();
    }
    let library = Library::load(&store, &mut |_, _| {}).unwrap();
    (store, Arc::new(Corpus::of_files(library.reviews())))
}

/// Where the workspace says the open review is (the same in every
/// snapshot, wherever the library folder is).
fn shown_file(id: &str) -> PathBuf {
    PathBuf::from(format!("/reviews/{id}.ron"))
}

/// `me` open in the workspace at `size`, and the library read.
fn opened(dir: &Path, reviews: &[Review], size: (u16, u16)) -> (App, Store) {
    let mut app = sized(reviews[0].clone(), now(), size);
    let file = shown_file(&reviews[0].id);
    app.workspace_mut().unwrap().file = Some(file.clone());
    app.workspace_mut().unwrap().related = RelatedView::Looking;
    let (store, corpus) = library(dir, reviews);
    update(
        &mut app,
        Action::Related {
            file,
            library: Ok(corpus),
        },
        now(),
    );
    (app, store)
}

/// What the runtime answers once `reviews[at]` was asked for: the review,
/// opened; its related reviews, read.
fn answer_open(app: &mut App, dir: &Path, reviews: &[Review], at: usize) {
    let (store, corpus) = library(dir, reviews);
    let file = store.path_of(reviews[at].id.as_str());
    let answer = Opened {
        review: reviews[at].clone(),
        file: file.clone(),
        access: Access::ReadWrite,
        recovered: None,
        warnings: Vec::new(),
    };
    update(app, Action::Opened(Ok(Box::new(answer))), now());
    update(
        app,
        Action::Related {
            file,
            library: Ok(corpus),
        },
        now(),
    );
}

fn text(app: &App, (w, h): (u16, u16)) -> String {
    screen_text(screen(app, w, h).backend().buffer()).join("\n")
}

fn selected(app: &App) -> Option<usize> {
    match app.overlays.last() {
        Some(Overlay::Related { selected }) => Some(*selected),
        _ => None,
    }
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 35)];

#[test]
fn r_lists_the_related_reviews_best_first_each_with_why() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, _) = opened(dir.path(), &fixture(), size);
        assert!(press(&mut app, "R").is_empty());
        assert_eq!(app.mode(), Mode::Related);
        let shown = text(&app, size);
        for (title, why) in [
            ("Seen from billing", "billing · shares incident INC-1"),
            (
                "Token refresh storm",
                "tokens · shares service auth-service",
            ),
            ("Replica lag", "replica · shares tag db"),
            ("Pool exhaustion", "pool · factor words:"),
        ] {
            assert!(shown.contains(title), "{size:?}\n{shown}");
            assert!(shown.contains(why), "{size:?}\n{shown}");
        }
        assert!(!shown.contains("Typo on the pricing page"), "{shown}");
        assert!(shown.contains("4 reviews"), "{shown}");
        // Without colour the severity and the selection still read.
        assert!(
            shown.contains(" SEV1 ") && shown.contains(" SEV3 "),
            "{shown}"
        );
        let first = shown
            .lines()
            .find(|l| l.contains("Seen from billing"))
            .unwrap();
        assert!(
            first.contains('▶') && first.contains("21 Nov 2026"),
            "{shown}"
        );
        insta::assert_snapshot!(
            format!("related_list_{}x{}", size.0, size.1),
            screen(&app, size.0, size.1).backend()
        );
        press(&mut app, "j j");
        insta::assert_snapshot!(
            format!("related_list_third_{}x{}", size.0, size.1),
            screen(&app, size.0, size.1).backend()
        );
    }
}

#[test]
fn the_list_answers_its_own_keys() {
    let dir = tempfile::tempdir().unwrap();
    let reviews = fixture();
    type Case = (&'static str, fn(&App) -> bool);
    let cases: &[Case] = &[
        ("j", |a| selected(a) == Some(1)),
        ("<down> <down>", |a| selected(a) == Some(2)),
        ("j j j j j j j", |a| selected(a) == Some(3)),
        ("j k", |a| selected(a) == Some(0)),
        ("<up>", |a| selected(a) == Some(0)),
        ("G", |a| selected(a) == Some(3)),
        ("G g", |a| selected(a) == Some(0)),
        ("<end> <home>", |a| selected(a) == Some(0)),
        ("<esc>", |a| a.overlays.is_empty()),
        ("q", |a| a.overlays.is_empty()),
        ("R", |a| a.overlays.is_empty()),
        ("?", |a| {
            a.mode() == Mode::Help && a.mode_below() == Mode::Related
        }),
        // Text is not typed anywhere here.
        ("x a", |a| {
            selected(a) == Some(0) && a.workspace().unwrap().review.factors.len() == 1
        }),
    ];
    for (keys, holds) in cases {
        let (mut app, _) = opened(dir.path(), &reviews, (80, 24));
        press(&mut app, "R");
        press(&mut app, keys);
        assert!(holds(&app), "after R {keys}: {:?}", app.overlays.last());
    }
}

#[test]
fn enter_opens_the_selected_review_and_b_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let reviews = fixture();
    let (mut app, store) = opened(dir.path(), &reviews, (80, 24));
    let effects = press(&mut app, "R j j <enter>");
    assert_eq!(effects, vec![Effect::Open(store.path_of("tokens"))]);
    assert!(app.overlays.is_empty(), "the list closes");
    answer_open(&mut app, dir.path(), &reviews, 2);
    let shown = text(&app, (80, 24));
    assert!(shown.contains("Token refresh storm"), "{shown}");
    assert_eq!(app.mode(), Mode::Workspace(Pane::Timeline));
    // Its list leads back to the review it was opened from.
    press(&mut app, "R");
    let shown = text(&app, (80, 24));
    assert!(shown.contains("b back to Login failures"), "{shown}");
    assert!(shown.contains("Login failures"), "{shown}");
    assert_eq!(press(&mut app, "b"), vec![Effect::Open(shown_file("me"))]);
    // A review not opened from a list has nowhere to go back to.
    let (mut fresh, _) = opened(dir.path(), &reviews, (80, 24));
    assert!(press(&mut fresh, "R b").is_empty());
    assert!(
        fresh
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("No review to go back to"),
        "{:?}",
        fresh.message
    );
    assert!(!text(&fresh, (80, 24)).contains("b back to"));
}

#[test]
fn while_the_library_is_read_it_says_looking_then_lists_them() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let reviews = fixture();
        let mut app = sized(reviews[0].clone(), now(), size);
        let file = shown_file("me");
        app.workspace_mut().unwrap().file = Some(file.clone());
        app.workspace_mut().unwrap().related = RelatedView::Looking;
        press(&mut app, "R");
        assert_eq!(app.mode(), Mode::Related);
        let shown = text(&app, size);
        assert!(shown.contains("looking…"), "{shown}");
        insta::assert_snapshot!(
            format!("related_looking_{}x{}", size.0, size.1),
            screen(&app, size.0, size.1).backend()
        );
        // Enter does nothing yet, and says so.
        assert!(press(&mut app, "<enter>").is_empty());
        assert_eq!(app.mode(), Mode::Related);
        assert!(
            app.message.as_ref().unwrap().text.contains("Still looking"),
            "{:?}",
            app.message
        );
        let (_, corpus) = library(dir.path(), &reviews);
        update(
            &mut app,
            Action::Related {
                file,
                library: Ok(corpus),
            },
            now(),
        );
        let shown = text(&app, size);
        assert!(!shown.contains("looking…"), "{shown}");
        assert!(shown.contains("Seen from billing"), "{shown}");
    }
}

#[test]
fn with_none_found_it_says_so() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let reviews = fixture();
        let alone = vec![reviews[0].clone(), reviews[5].clone()];
        let (mut app, _) = opened(dir.path(), &alone, size);
        press(&mut app, "R");
        let shown = text(&app, size);
        assert!(
            shown.contains("None found: no other review shares"),
            "{shown}"
        );
        insta::assert_snapshot!(
            format!("related_none_{}x{}", size.0, size.1),
            screen(&app, size.0, size.1).backend()
        );
        assert!(press(&mut app, "j <enter>").is_empty(), "nothing to open");
        press(&mut app, "<esc>");
        assert!(app.overlays.is_empty());
    }
}

fn warned(app: &App, words: &str) {
    let m = app.message.as_ref().expect("a message");
    assert!(m.text.contains(words), "{}", m.text);
    assert_ne!(m.level, Level::Info, "{}", m.text);
}

#[test]
fn a_watcher_and_a_review_with_no_library_are_told_why_nothing_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut watcher, _) = opened(dir.path(), &fixture(), (80, 24));
    watcher.audience = Audience::Watcher;
    assert!(press(&mut watcher, "R").is_empty());
    assert!(watcher.overlays.is_empty());
    warned(&watcher, "A watcher opens no other review");

    // A review that lives outside any library: never looked for.
    let mut alone = sized(fixture()[0].clone(), now(), (80, 24));
    assert!(press(&mut alone, "R").is_empty());
    assert!(alone.overlays.is_empty());
    warned(&alone, "not in a library");

    let mut failed = sized(fixture()[0].clone(), now(), (80, 24));
    failed.workspace_mut().unwrap().related =
        RelatedView::Failed("/data/reviews: permission \u{1b}[2Jdenied".into());
    press(&mut failed, "R");
    assert!(failed.overlays.is_empty());
    warned(&failed, "Related reviews are not known");
    let m = &failed.message.as_ref().unwrap().text;
    assert!(!m.contains('\u{1b}'), "{m:?}");
}

#[test]
fn changes_that_cannot_be_saved_keep_the_review_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = opened(dir.path(), &fixture(), (80, 24));
    let ws = app.workspace_mut().unwrap();
    ws.revision += 1;
    ws.save_error = Some("no space left on the device".into());
    assert!(press(&mut app, "R <enter>").is_empty());
    let m = app.message.as_ref().unwrap();
    assert_eq!(m.level, Level::Error);
    assert!(m.text.contains("not saved"), "{}", m.text);
    assert_eq!(app.workspace().unwrap().review.id, "me");
}

#[test]
fn the_palette_runs_it_by_the_name_related() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = opened(dir.path(), &fixture(), (80, 24));
    press(&mut app, ":");
    debrief::app::update(&mut app, Action::Paste("related".into()), now());
    let Some(Overlay::Palette(p)) = app.overlays.last() else {
        panic!("the palette is open")
    };
    assert_eq!(p.matches()[0].name, "related reviews");
    press(&mut app, "<enter>");
    assert_eq!(app.mode(), Mode::Related);
}

#[test]
fn the_details_pane_names_the_key() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, _) = opened(dir.path(), &fixture(), size);
        press(&mut app, "6");
        let shown = text(&app, size);
        assert!(
            shown.contains("Related reviews 4 · R opens one"),
            "{size:?}\n{shown}"
        );
    }
}

#[test]
fn a_related_review_that_fails_to_open_keeps_the_way_back() {
    let dir = tempfile::tempdir().unwrap();
    let reviews = fixture();
    let (mut app, store) = opened(dir.path(), &reviews, (80, 24));
    // From "me" to "tokens", opened.
    assert_eq!(
        press(&mut app, "R j j <enter>"),
        vec![Effect::Open(store.path_of("tokens"))]
    );
    answer_open(&mut app, dir.path(), &reviews, 2);
    // From "tokens" to one of its related reviews, which cannot be read.
    let effects = press(&mut app, "R <enter>");
    assert_eq!(effects.len(), 1, "{effects:?}");
    update(
        &mut app,
        Action::Opened(Err(Failure::Unreadable("line 3: expected a struct".into()))),
        now(),
    );
    assert!(text(&app, (80, 24)).contains("Token refresh storm"));
    // The way back from "tokens" is as it was.
    press(&mut app, "R");
    assert!(
        text(&app, (80, 24)).contains("b back to Login failures"),
        "{}",
        text(&app, (80, 24))
    );
    assert_eq!(press(&mut app, "b"), vec![Effect::Open(shown_file("me"))]);
}

#[test]
fn text_from_the_library_reaches_the_list_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let mut reviews = fixture();
    reviews[1].title = Text::new("Seen \u{1b}[31mfrom\u{7} billing");
    reviews[0].summary.services = vec![Text::new("auth\u{1b}]0;owned\u{7}-service")];
    reviews[2].summary.services = reviews[0].summary.services.clone();
    let (mut app, _) = opened(dir.path(), &reviews, (120, 35));
    press(&mut app, "R");
    let terminal = screen(&app, 120, 35);
    let buf = terminal.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| !c.symbol().chars().any(|ch| ch.is_control())),
        "no control character reaches a cell"
    );
    let shown = screen_text(buf).join("\n");
    assert!(shown.contains("billing"), "{shown}");
}

#[test]
fn keys_ron_remaps_the_key_and_the_details_pane_names_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = opened(dir.path(), &fixture(), (120, 35));
    app.keymap = debrief::app::keymap::Keymap::from_ron(
        r#"{ "related": ["ctrl-o"], "related.close": ["x"], "related.related_back": ["left"] }"#,
    )
    .unwrap();
    press(&mut app, "6");
    let shown = text(&app, (120, 35));
    assert!(
        shown.contains("Related reviews 4 · Ctrl-O opens one"),
        "{shown}"
    );
    press(&mut app, "R");
    assert!(app.overlays.is_empty(), "R no longer lists them");
    press(&mut app, "<c-o>");
    assert_eq!(app.mode(), Mode::Related);
    press(&mut app, "<esc>");
    assert_eq!(app.mode(), Mode::Related, "Esc no longer closes the list");
    press(&mut app, "x");
    assert!(app.overlays.is_empty());
}

#[test]
fn a_long_list_scrolls_to_keep_the_selection_on_screen_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut reviews = vec![fixture()[0].clone()];
    reviews.extend((0..12).map(|i| {
        review(
            &format!("db{i:02}"),
            &format!("Database trouble {i:02}"),
            i,
            |r| r.tags = vec![Text::new("db")],
        )
    }));
    let (mut app, _) = opened(dir.path(), &reviews, (80, 24));
    press(&mut app, "R");
    let shown = text(&app, (80, 24));
    assert!(shown.contains("10 reviews"), "the closest ten: {shown}");
    assert!(shown.contains("Database trouble 00"), "{shown}");
    press(&mut app, "G");
    let shown = text(&app, (80, 24));
    let last = shown
        .lines()
        .find(|l| l.contains("Database trouble 09"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(last.contains('▶'), "{shown}");
    assert!(!shown.contains("Database trouble 00"), "{shown}");
}
