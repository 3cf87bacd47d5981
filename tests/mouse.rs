//! The mouse: off unless turned on, then a click focuses the pane or tab
//! clicked, goes to the stage clicked on the rail, and the wheel moves
//! the focused pane's selection. Clicks land where the screen drew the
//! thing clicked: each test finds its target on the drawn screen first.

mod common;

use chrono::{DateTime, Utc};
use common::keys::press_at;
use debrief::app::{Action, App, Effect, Pane, update};
use debrief::domain::Stage;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn app_at(size: (u16, u16)) -> App {
    let mut app = common::sized(common::example(), now(), size);
    let effects = press_at(&mut app, "<f6>", now());
    assert_eq!(effects, vec![Effect::MouseCapture(true)]);
    assert!(app.mouse);
    app
}

fn mouse(app: &mut App, kind: MouseEventKind, (column, row): (u16, u16)) -> Vec<Effect> {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    update(app, Action::Mouse(event), now())
}

fn click(app: &mut App, at: (u16, u16)) -> Vec<Effect> {
    mouse(app, MouseEventKind::Down(MouseButton::Left), at)
}

/// Where `text` is drawn on the app's screen (first match, top to
/// bottom), searched from row `from` on.
fn find(app: &App, text: &str, from: u16) -> (u16, u16) {
    let (w, h) = app.size;
    let terminal = common::screen(app, w, h);
    let buf = terminal.backend().buffer();
    let want: Vec<String> = text.chars().map(String::from).collect();
    for y in from..h {
        for x in 0..w.saturating_sub(want.len() as u16) {
            if want
                .iter()
                .enumerate()
                .all(|(i, c)| buf[(x + i as u16, y)].symbol() == c)
            {
                return (x, y);
            }
        }
    }
    panic!(
        "{text:?} is not on the screen:\n{}",
        common::screen_text(buf).join("\n")
    );
}

fn focus(app: &App) -> Pane {
    app.workspace().expect("a workspace").focus
}

fn stage(app: &App) -> Stage {
    app.workspace().expect("a workspace").review.meeting.stage
}

#[test]
fn the_mouse_is_off_by_default_and_the_toggle_key_gives_it_back() {
    let mut app = common::sized(common::example(), now(), (160, 48));
    assert!(!app.mouse);
    let (x, y) = find(&app, "Learnings", 3);
    assert!(click(&mut app, (x + 1, y + 2)).is_empty());
    mouse(&mut app, MouseEventKind::ScrollDown, (x, y + 2));
    assert_eq!(focus(&app), Pane::Timeline, "a click with the mouse off");
    assert_eq!(app.workspace().unwrap().cursor(Pane::Timeline).selected, 0);
    let before = stage(&app);
    let (sx, sy) = find(&app, "Factors", 1);
    click(&mut app, (sx, sy));
    assert_eq!(
        stage(&app),
        before,
        "a click on the rail with the mouse off"
    );

    assert_eq!(
        press_at(&mut app, "<f6>", now()),
        vec![Effect::MouseCapture(true)]
    );
    assert_eq!(
        press_at(&mut app, "<f6>", now()),
        vec![Effect::MouseCapture(false)]
    );
    assert!(!app.mouse);
    click(&mut app, (x + 1, y + 2));
    assert_eq!(focus(&app), Pane::Timeline, "a click after turning it off");
}

#[test]
fn a_click_on_each_pane_focuses_it_in_the_wide_layout() {
    for size in [(160, 48), (120, 35)] {
        let mut app = app_at(size);
        for pane in [
            Pane::Learnings,
            Pane::Factors,
            Pane::Actions,
            Pane::Parking,
            Pane::Timeline,
            // Last: while the details are focused, the timeline is not
            // on screen.
            Pane::Details,
        ] {
            // The pane's title on its border; the rail (row 1) names
            // stages alike, so the search starts below it.
            let title = format!(" {} {}", pane.index() + 1, &pane.title()[..5]);
            let (x, y) = find(&app, &title, 2);
            // Inside the border, below the title.
            click(&mut app, (x + 2, y + 1));
            assert_eq!(focus(&app), pane, "{size:?}");
        }
    }
}

#[test]
fn a_click_on_a_tab_focuses_its_pane_in_the_narrow_layout() {
    let mut app = app_at((80, 24));
    for pane in [
        Pane::Actions,
        Pane::Learnings,
        Pane::Details,
        Pane::Timeline,
    ] {
        let (x, y) = find(
            &app,
            &format!("{} {}", pane.index() + 1, &pane.short()[..3]),
            2,
        );
        click(&mut app, (x, y));
        assert_eq!(focus(&app), pane);
    }
}

#[test]
fn a_click_on_a_stage_of_the_rail_goes_to_it() {
    for size in [(80, 24), (160, 48)] {
        let mut app = app_at(size);
        // The rail is the second row; each stage shows its number.
        for target in [Stage::Factors, Stage::Timeline, Stage::SetTheStage] {
            let n = target.index() + 1;
            let (x, y) = find(&app, &format!("{n}"), 1);
            assert_eq!(y, 1, "stage {n} on the rail");
            let effects = click(&mut app, (x, y));
            assert_eq!(stage(&app), target, "{size:?}");
            assert!(effects.contains(&Effect::Save), "{effects:?}");
        }
        // The clock, right of the stages, is no stage.
        let before = stage(&app);
        let (x, y) = find(&app, "⏱", 1);
        assert!(click(&mut app, (x, y)).is_empty());
        assert_eq!(stage(&app), before);
    }
}

#[test]
fn the_wheel_moves_the_focused_panes_selection() {
    let mut app = app_at((160, 48));
    let len = app.workspace().unwrap().review.timeline.len();
    assert!(len > 6, "the example has enough events");
    let (x, y) = find(&app, " 1 Timel", 2);
    mouse(&mut app, MouseEventKind::ScrollDown, (x + 3, y + 3));
    mouse(&mut app, MouseEventKind::ScrollDown, (x + 3, y + 3));
    assert_eq!(app.workspace().unwrap().cursor(Pane::Timeline).selected, 6);
    mouse(&mut app, MouseEventKind::ScrollUp, (x + 3, y + 3));
    assert_eq!(app.workspace().unwrap().cursor(Pane::Timeline).selected, 3);
}

#[test]
fn an_overlay_hears_no_click() {
    let mut app = app_at((160, 48));
    press_at(&mut app, "?", now());
    let (x, y) = (2, app.size.1 - 3);
    click(&mut app, (x, y));
    mouse(&mut app, MouseEventKind::ScrollDown, (x, y));
    assert_eq!(focus(&app), Pane::Timeline);
    assert_eq!(app.workspace().unwrap().cursor(Pane::Timeline).selected, 0);
}

#[path = "mouse/in_tmux.rs"]
mod in_tmux;
#[path = "mouse/rows.rs"]
mod rows;
