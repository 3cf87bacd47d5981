//! Every mode's keys: each key a mode reacts to is one its help lists, no
//! key of a mode is bound twice, and each mode's commands do what their
//! rows say (table-driven, one table a mode).

mod common;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use common::keys::{key_of, press_at};
use debrief::app::commands::{self, CommandId};
use debrief::app::keymap::{Chord, Keymap};
use debrief::app::state::{Overlay, PickerEntry};
use debrief::app::{Action, App, Effect, Mode, Pane, Screen, update};
use debrief::domain::{Severity, Status};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

/// The example review in the workspace at 120x35, the timeline's
/// selection in the middle.
fn workspace() -> App {
    let mut app = common::sized(common::example(), now(), (120, 35));
    press(&mut app, "j j j");
    app
}

/// An app in `mode`, in a state where its keys can do something: a list
/// with a selection in the middle, a scrolled text, a focused field.
fn in_mode(mode: Mode) -> App {
    let mut app = workspace();
    let keys = match mode {
        Mode::Picker => {
            let entries = (0..30)
                .map(|i| PickerEntry {
                    path: format!("/reviews/r{i}.ron").into(),
                    id: format!("r{i}"),
                    date: "2026-11-24".into(),
                    severity: Severity::Sev3,
                    status: Status::Draft,
                    title: format!("Review {i}"),
                    open_actions: 0,
                })
                .collect();
            app = App::new(debrief::app::update::picker(entries, Vec::new()), now());
            update(&mut app, Action::Resize(120, 35), now());
            "<down> <down>"
        }
        Mode::Watching(pane) => {
            app = in_mode(Mode::Workspace(pane));
            app.audience = debrief::app::Audience::Watcher;
            ""
        }
        Mode::Workspace(Pane::Timeline) => "",
        Mode::Workspace(Pane::Learnings) => "2 j",
        Mode::Workspace(Pane::Factors) => "3 j",
        Mode::Workspace(Pane::Actions) => "4 j",
        Mode::Workspace(Pane::Parking) => "5",
        Mode::Workspace(Pane::Details) => "6 j",
        Mode::Help => "? j j",
        Mode::Palette => ":",
        Mode::Preview => "P j j",
        Mode::PreviewItems => "P i j",
        Mode::Chart => "C",
        Mode::Spotlight => "z",
        Mode::Form => "4 <enter>",
        Mode::Quick => "Q",
        Mode::Choose => "p",
        Mode::ImportAsk => "I",
        Mode::Library | Mode::LibraryPick => {
            app = in_mode(Mode::Picker);
            open_library(&mut app);
            if mode == Mode::Library {
                "h h"
            } else {
                "h h <enter> j"
            }
        }
        Mode::Related => {
            with_related(&mut app);
            "R j"
        }
        Mode::Import | Mode::ImportEdit => {
            press(&mut app, "I");
            read_chat(&mut app);
            if mode == Mode::Import {
                "j j"
            } else {
                "j <enter>"
            }
        }
    };
    press(&mut app, keys);
    assert_eq!(app.mode(), mode, "after {keys:?}");
    app
}

/// Ctrl-L on the list of reviews, and what the runtime answers: a library
/// of 30 copies of the example review, ten days apart.
fn open_library(app: &mut App) {
    assert_eq!(press(app, "<c-l>"), vec![Effect::LoadLibrary]);
    let summaries: Vec<(std::path::PathBuf, debrief::library::ReviewSummary)> = (0..30)
        .map(|i| {
            let mut r = common::example();
            r.id = format!("r{i}");
            let back = chrono::TimeDelta::days(10 * i);
            let m = &mut r.moments;
            for at in [
                &mut m.started,
                &mut m.detected,
                &mut m.acknowledged,
                &mut m.mitigated,
                &mut m.resolved,
            ] {
                *at = at.map(|t| t - back);
            }
            r.created -= back;
            let path = format!("/reviews/r{i}.ron").into();
            (path, debrief::library::ReviewSummary::of(&r))
        })
        .collect();
    let view = debrief::app::library::LibraryView::build(
        summaries.iter().map(|(p, s)| (p.as_path(), s)),
        Vec::new(),
        now().date_naive(),
        Default::default(),
    );
    update(app, Action::LibraryRead(Ok(Box::new(view))), now());
}

/// What the runtime answers when the library is read for the open
/// review: six copies of the example review, each in a file, all related
/// to it.
fn with_related(app: &mut App) {
    let summaries: Vec<(std::path::PathBuf, debrief::library::ReviewSummary)> = (0..6)
        .map(|i| {
            let mut r = common::example();
            r.id = format!("r{i}");
            let path = format!("/reviews/r{i}.ron").into();
            (path, debrief::library::ReviewSummary::of(&r))
        })
        .collect();
    let corpus =
        debrief::library::Corpus::of_files(summaries.iter().map(|(p, s)| (p.as_path(), s)));
    let ws = app.workspace_mut().unwrap();
    ws.file = Some("/reviews/example.ron".into());
    ws.related = debrief::app::related::RelatedView::found(std::sync::Arc::new(corpus), &ws.review);
    assert_eq!(ws.related.list().map(<[_]>::len), Some(6));
}

/// What the runtime answers the import view when it reads a chat of 40
/// lines in the example incident's window, as plain lines.
fn read_chat(app: &mut App) {
    let r = &app.workspace().unwrap().review;
    let options = debrief::import::Options::new(r.incident_date(), r.offset);
    let text: String = (0..40)
        .map(|i| format!("15:{i:02} {}: line {i}\n", ["wen", "sam"][i % 2]))
        .collect();
    let read = debrief::import::parse("chat.txt", text.as_bytes(), &options).unwrap();
    update(app, Action::ImportRead(Ok(Box::new(read))), now());
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// Every key worth trying: printable characters, with Ctrl and Alt, and
/// the named keys.
fn every_key() -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    for c in (b' '..=b'~').map(char::from) {
        keys.push(key(KeyCode::Char(c), KeyModifiers::NONE));
    }
    for c in ('a'..='z').chain('0'..='9') {
        keys.push(key(KeyCode::Char(c), KeyModifiers::CONTROL));
        keys.push(key(KeyCode::Char(c), KeyModifiers::ALT));
    }
    for code in [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ] {
        keys.push(key(code, KeyModifiers::NONE));
    }
    keys.extend((1..=12).map(|n| key(KeyCode::F(n), KeyModifiers::NONE)));
    keys
}

/// Keys that edit text where a mode takes text, when no command takes
/// them: characters, and the text area's own moving and deleting keys.
fn edits_text(key: KeyEvent) -> bool {
    match key.code {
        KeyCode::Char(_) => true,
        KeyCode::Backspace
        | KeyCode::Delete
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Up
        | KeyCode::Down
        | KeyCode::Home
        | KeyCode::End
        | KeyCode::PageUp
        | KeyCode::PageDown
        | KeyCode::Enter
        | KeyCode::Tab => key.modifiers == KeyModifiers::NONE,
        _ => false,
    }
}

/// What a key can change that a user sees: the screen.
fn seen(app: &App) -> ratatui::buffer::Buffer {
    let area = ratatui::layout::Rect::new(0, 0, 120, 35);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    debrief::ui::draw(app, area, &mut buf);
    buf
}

#[test]
fn every_key_a_mode_reacts_to_is_one_its_help_lists() {
    let keymap = Keymap::defaults();
    let mut unlisted = Vec::new();
    for mode in Mode::all() {
        let before = seen(&in_mode(mode));
        let mut app = in_mode(mode);
        for key in every_key() {
            let effects = update(&mut app, Action::Key(key), now());
            let reacted = !effects.is_empty() || seen(&app) != before;
            if reacted {
                // The next key starts from the mode as it was.
                app = in_mode(mode);
            }
            let listed = keymap.lookup(mode.scopes(), key).is_some();
            if reacted && !listed && !(mode.takes_text() && edits_text(key)) {
                unlisted.push(format!("{mode:?}: {}", Chord::from_event(key)));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "keys that do something but are in no help:\n{}",
        unlisted.join("\n")
    );
}

#[test]
fn no_key_of_a_mode_is_bound_twice() {
    let keymap = Keymap::defaults();
    let mut twice = Vec::new();
    for mode in Mode::all() {
        let mut seen: HashMap<Chord, Vec<&str>> = HashMap::new();
        for scope in mode.scopes() {
            for c in commands::in_scope(*scope) {
                for chord in keymap.keys(*scope, c.id) {
                    seen.entry(*chord).or_default().push(c.name);
                }
            }
        }
        for (chord, names) in seen {
            if names.len() > 1 {
                twice.push(format!("{mode:?}: {chord} is {}", names.join(" and ")));
            }
        }
    }
    twice.sort();
    assert!(twice.is_empty(), "{}", twice.join("\n"));
}

#[test]
fn every_mode_lists_its_keys_first_in_its_help() {
    for mode in Mode::all().into_iter().filter(|m| *m != Mode::Help) {
        let mut app = in_mode(mode);
        let help = match mode {
            Mode::Form
            | Mode::Quick
            | Mode::Picker
            | Mode::Palette
            | Mode::ImportAsk
            | Mode::ImportEdit => "<f1>",
            _ => "?",
        };
        if mode == Mode::Palette {
            // The palette runs the workspace's commands; its help is the
            // workspace's, opened by running "help".
            continue;
        }
        press(&mut app, help);
        assert_eq!(app.mode(), Mode::Help, "{help} in {mode:?}");
        let terminal = common::screen(&app, 120, 35);
        let text = common::screen_text(terminal.backend().buffer()).join("\n");
        let first = mode.scopes()[0].label();
        // The first heading: a scope's name alone on a row of the help.
        let heading = text
            .lines()
            .find_map(|l| {
                debrief::app::commands::Scope::ALL
                    .iter()
                    .find(|s| l.contains(&format!("│ {}   ", s.label())))
            })
            .map(|s| s.label());
        assert_eq!(heading, Some(first), "the help over {mode:?}:\n{text}");
    }
}

/// One row of a mode's table: keys pressed in the mode, and what must hold
/// after.
type Case = (&'static str, fn(&App) -> bool);

fn run_cases(mode: Mode, cases: &[Case]) {
    for (keys, holds) in cases {
        let mut app = in_mode(mode);
        press(&mut app, keys);
        assert!(
            holds(&app),
            "{mode:?}, after {keys:?}: {:?}",
            app.overlays.last()
        );
    }
}

fn help_scroll(app: &App) -> u16 {
    match app.overlays.last() {
        Some(Overlay::Help { scroll }) => *scroll,
        _ => u16::MAX,
    }
}

fn chart_point(app: &App) -> usize {
    match app.overlays.last() {
        Some(Overlay::Chart { selected }) => *selected,
        _ => usize::MAX,
    }
}

#[test]
fn the_help_scrolls_by_its_own_keys() {
    let (page, last) = debrief::ui::scroll_extent(&in_mode(Mode::Help));
    assert!(page >= 20 && last > 2 * page, "page {page}, last {last}");
    let cases: &[Case] = &[
        ("j", |a| help_scroll(a) == 3),
        ("k", |a| help_scroll(a) == 1),
        ("g", |a| help_scroll(a) == 0),
        ("<home>", |a| help_scroll(a) == 0),
        ("G", |a| help_scroll(a) == debrief::ui::scroll_extent(a).1),
        ("<end>", |a| {
            help_scroll(a) == debrief::ui::scroll_extent(a).1
        }),
        ("<end> k", |a| {
            help_scroll(a) == debrief::ui::scroll_extent(a).1 - 1
        }),
        ("<pgdn>", |a| {
            help_scroll(a) == 2 + debrief::ui::scroll_extent(a).0
        }),
        ("<pgdn> <pgup>", |a| help_scroll(a) == 2),
        ("<esc>", |a| a.overlays.is_empty()),
        ("q", |a| a.overlays.is_empty()),
        ("?", |a| a.overlays.is_empty()),
    ];
    run_cases(Mode::Help, cases);
}

#[test]
fn the_chart_moves_between_points_by_its_own_keys() {
    let cases: &[Case] = &[
        ("l", |a| chart_point(a) == 4),
        ("<right>", |a| chart_point(a) == 4),
        ("h", |a| chart_point(a) == 2),
        ("g", |a| chart_point(a) == 0),
        ("<end>", |a| chart_point(a) > 10),
        ("<enter>", |a| {
            a.overlays.is_empty() && a.workspace().unwrap().cursor(Pane::Timeline).selected == 3
        }),
        ("C", |a| a.overlays.is_empty()),
        ("?", |a| {
            a.mode() == Mode::Help && a.mode_below() == Mode::Chart
        }),
    ];
    run_cases(Mode::Chart, cases);
}

#[test]
fn the_palette_spotlight_and_preview_answer_their_own_keys() {
    let palette: &[Case] = &[
        (
            "<c-n> <c-n>",
            |a| matches!(a.overlays.last(), Some(Overlay::Palette(p)) if p.selected == 2),
        ),
        (
            "<down> <up>",
            |a| matches!(a.overlays.last(), Some(Overlay::Palette(p)) if p.selected == 0),
        ),
        (
            "u n d o",
            |a| matches!(a.overlays.last(), Some(Overlay::Palette(p)) if p.query == "undo"),
        ),
        ("<esc>", |a| a.overlays.is_empty()),
    ];
    run_cases(Mode::Palette, palette);
    let spotlight: &[Case] = &[
        ("j", |a| {
            a.workspace().unwrap().cursor(Pane::Timeline).selected == 4
        }),
        ("<left>", |a| {
            a.workspace().unwrap().cursor(Pane::Timeline).selected == 2
        }),
        ("z", |a| a.overlays.is_empty()),
        ("<esc>", |a| a.overlays.is_empty()),
    ];
    run_cases(Mode::Spotlight, spotlight);
    let preview: &[Case] = &[
        (
            "<tab>",
            |a| matches!(a.overlays.last(), Some(Overlay::Preview(p)) if p.internal && p.scroll == 0),
        ),
        ("i", |a| a.mode() == Mode::PreviewItems),
        (
            "G",
            |a| matches!(a.overlays.last(), Some(Overlay::Preview(p)) if p.scroll == debrief::ui::scroll_extent(a).1),
        ),
        ("P", |a| a.overlays.is_empty()),
    ];
    run_cases(Mode::Preview, preview);
}

#[test]
fn a_remapped_key_changes_the_mode_it_names_and_the_help_shows_it() {
    let mut app = in_mode(Mode::Chart);
    app.keymap = Keymap::from_ron(r#"{ "chart.close": ["x"], "next_step": ["ctrl-j"] }"#).unwrap();
    press(&mut app, "C");
    assert_eq!(app.mode(), Mode::Chart, "C no longer closes the chart");
    press(&mut app, "x");
    assert!(app.overlays.is_empty());
    let quick = app
        .keymap
        .lookup(&[debrief::app::commands::Scope::Quick], key_of("<c-j>"));
    assert_eq!(quick, Some(CommandId::NextStep));
    let err = Keymap::from_ron(r#"{ "chart.add": ["x"] }"#).unwrap_err();
    assert!(err.contains("has no keys in Recovery chart"), "{err}");
    let err = Keymap::from_ron(r#"{ "graph.close": ["x"] }"#).unwrap_err();
    assert!(err.contains("no mode named 'graph'"), "{err}");
}

#[test]
fn the_screen_under_an_overlay_is_the_one_the_help_describes() {
    let app = in_mode(Mode::Spotlight);
    assert_eq!(app.mode_below(), Mode::Workspace(Pane::Timeline));
    assert!(matches!(app.screen, Screen::Workspace(_)));
}

fn picker_state(app: &App) -> (usize, String) {
    match &app.screen {
        Screen::Picker(p) => (p.cursor.selected, p.filter.clone()),
        Screen::Workspace(_) | Screen::Library(_) => (usize::MAX, String::new()),
    }
}

#[test]
fn the_picker_and_forms_answer_their_own_keys() {
    let picker: &[Case] = &[
        ("<down>", |a| picker_state(a).0 == 3),
        ("<up>", |a| picker_state(a).0 == 1),
        ("<pgdn>", |a| picker_state(a).0 == 12),
        ("r 1", |a| picker_state(a) == (0, "r1".to_owned())),
        ("r <esc>", |a| picker_state(a).1.is_empty() && !a.quit),
        ("<esc>", |a| a.quit),
        ("<c-c>", |a| a.quit),
        ("<c-n>", |a| a.mode() == Mode::Form),
        ("<f1>", |a| {
            a.mode() == Mode::Help && a.mode_below() == Mode::Picker
        }),
    ];
    run_cases(Mode::Picker, picker);
    let form: &[Case] = &[
        (
            "<tab>",
            |a| matches!(a.overlays.last(), Some(Overlay::Form(f)) if f.focus == 1),
        ),
        (
            "<s-tab>",
            |a| matches!(a.overlays.last(), Some(Overlay::Form(f)) if f.focus > 1),
        ),
        ("<esc>", |a| a.overlays.is_empty()),
        ("<f1>", |a| {
            a.mode() == Mode::Help && a.mode_below() == Mode::Form
        }),
        ("<c-s>", |a| a.overlays.is_empty()),
    ];
    run_cases(Mode::Form, form);
}

fn library(app: &App) -> &debrief::app::library::LibraryView {
    match &app.screen {
        Screen::Library(v) => v,
        _ => panic!("not on the library screen"),
    }
}

#[test]
fn the_library_and_its_list_of_reviews_answer_their_own_keys() {
    use debrief::app::library::Section;
    let screen: &[Case] = &[
        ("<tab>", |a| library(a).section == Section::Resolve),
        ("<s-tab>", |a| library(a).section == Section::FollowUps),
        ("p", |a| {
            library(a).by == debrief::library::stats::By::Quarter
        }),
        ("l", |a| {
            let v = library(a);
            v.selected(Section::Severity) == Some(v.len(Section::Severity) - 2)
        }),
        ("g", |a| library(a).selected(Section::Severity) == Some(0)),
        ("<enter>", |a| a.mode() == Mode::LibraryPick),
        ("<esc>", |a| a.mode() == Mode::Picker),
        ("q", |a| a.mode() == Mode::Picker),
        ("?", |a| {
            a.mode() == Mode::Help && a.mode_below() == Mode::Library
        }),
    ];
    run_cases(Mode::Library, screen);
    let pick: &[Case] = &[
        (
            "k",
            |a| matches!(&library(a).picking, Some(p) if p.cursor.selected == 0),
        ),
        ("<esc>", |a| a.mode() == Mode::Library),
        ("?", |a| {
            a.mode() == Mode::Help && a.mode_below() == Mode::LibraryPick
        }),
    ];
    run_cases(Mode::LibraryPick, pick);
}

fn related_row(app: &App) -> usize {
    match app.overlays.last() {
        Some(Overlay::Related { selected }) => *selected,
        _ => usize::MAX,
    }
}

#[test]
fn the_list_of_related_reviews_answers_its_own_keys() {
    let cases: &[Case] = &[
        ("j", |a| related_row(a) == 2),
        ("<up> k", |a| related_row(a) == 0),
        ("G", |a| related_row(a) == 5),
        ("g", |a| related_row(a) == 0),
        ("<esc>", |a| a.overlays.is_empty()),
        ("R", |a| a.overlays.is_empty()),
        ("?", |a| {
            a.mode() == Mode::Help && a.mode_below() == Mode::Related
        }),
    ];
    run_cases(Mode::Related, cases);
    let mut app = in_mode(Mode::Related);
    assert_eq!(
        press(&mut app, "<enter>"),
        vec![Effect::Open("/reviews/r1.ron".into())]
    );
}
