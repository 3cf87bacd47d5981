//! The quick review's timeline on reviews of 10,000 and 100,000 events.
//!
//! A keystroke is one key through `update`: the editor, the checks of
//! the lines and the draft. A character, Enter and Backspace, each at the
//! end of the text and in the middle of it (the text scrolled there). A frame is one draw of the quick review at 80x24 and 200x60,
//! in the middle of a 100,000-event timeline with a line being typed.
//!
//! Target on a 2-core machine: a keystroke under 2 ms at 100,000 events.
//!
//! Two parts of a keystroke are also timed alone: the checks of the lines
//! read again after a character typed in the middle (`checks_*`), and the
//! editor taking the character (`editor_*`).

mod support;

use std::cell::RefCell;

use chrono::{DateTime, Utc};
use debrief::app::quick::Editor;
use debrief::app::{Access, Action, App, Screen, Workspace, update};
use debrief::domain::quick::{Events, Window, event_lines, read_events};
use debrief::ui;
use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().expect("a time")
}

fn press(code: KeyCode) -> Action {
    Action::Key(press_key(code))
}

/// A workspace on a review of `events` events, `w`x`h`, with the quick
/// review open on its timeline: the cursor at the end of the text, or
/// with `middle`, on the line halfway up.
fn quick(events: usize, (w, h): (u16, u16), middle: bool) -> App {
    let review = support::large_review(events, 10, 3);
    let ws = Workspace::new(review, None, Access::ReadWrite);
    let mut app = App::new(Screen::Workspace(Box::new(ws)), now());
    update(&mut app, Action::Resize(w, h), now());
    update(&mut app, press(KeyCode::Char('Q')), now());
    assert!(!app.overlays.is_empty(), "the quick review is open");
    if middle {
        for _ in 0..events / 2 {
            update(&mut app, press(KeyCode::Up), now());
        }
    }
    app
}

fn typing(bencher: Bencher, events: usize, middle: bool) {
    let mut app = quick(events, (80, 24), middle);
    bencher.bench_local(|| update(black_box(&mut app), press(KeyCode::Char('x')), now()));
}

/// Each Backspace takes back a character typed before it, untimed.
fn backspace(bencher: Bencher, events: usize, middle: bool) {
    let app = RefCell::new(quick(events, (80, 24), middle));
    bencher
        .with_inputs(|| {
            update(&mut app.borrow_mut(), press(KeyCode::Char('x')), now());
        })
        .bench_local_values(|()| update(&mut app.borrow_mut(), press(KeyCode::Backspace), now()));
}

/// Each Enter splits the line; Backspaces untimed join the lines again.
fn enter(bencher: Bencher, events: usize, middle: bool) {
    let app = RefCell::new(quick(events, (80, 24), middle));
    bencher
        .with_inputs(|| {
            update(&mut app.borrow_mut(), press(KeyCode::Backspace), now());
        })
        .bench_local_values(|()| update(&mut app.borrow_mut(), press(KeyCode::Enter), now()));
}

fn frame(bencher: Bencher, size: (u16, u16)) {
    let mut app = quick(100_000, size, true);
    update(&mut app, press(KeyCode::Char('x')), now());
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("a terminal");
    bencher.bench_local(|| {
        terminal
            .draw(|f| ui::render(black_box(&app), f))
            .expect("drawn");
    });
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn type_at_end_10k(bencher: Bencher) {
    typing(bencher, 1_0000, false);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn type_in_middle_10k(bencher: Bencher) {
    typing(bencher, 1_0000, true);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn enter_at_end_10k(bencher: Bencher) {
    enter(bencher, 1_0000, false);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn enter_in_middle_10k(bencher: Bencher) {
    enter(bencher, 1_0000, true);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn backspace_at_end_10k(bencher: Bencher) {
    backspace(bencher, 1_0000, false);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn backspace_in_middle_10k(bencher: Bencher) {
    backspace(bencher, 1_0000, true);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn type_at_end_100k(bencher: Bencher) {
    typing(bencher, 100_000, false);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn type_in_middle_100k(bencher: Bencher) {
    typing(bencher, 100_000, true);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn enter_at_end_100k(bencher: Bencher) {
    enter(bencher, 100_000, false);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn enter_in_middle_100k(bencher: Bencher) {
    enter(bencher, 100_000, true);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn backspace_at_end_100k(bencher: Bencher) {
    backspace(bencher, 100_000, false);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn backspace_in_middle_100k(bencher: Bencher) {
    backspace(bencher, 100_000, true);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn frame_100k_80x24(bencher: Bencher) {
    frame(bencher, (80, 24));
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn frame_100k_200x60(bencher: Bencher) {
    frame(bencher, (200, 60));
}

/// A character typed in the middle of the timeline, read again.
fn checks(bencher: Bencher, events: usize) {
    let review = support::large_review(events, 10, 3);
    let mut lines = event_lines(&review);
    let origin: Vec<_> = lines
        .iter()
        .cloned()
        .zip(review.timeline.iter().map(|e| e.id))
        .collect();
    let mut reading = read_events(&review, &origin, &lines);
    let row = events / 2;
    let window = Window {
        start: row,
        old_end: row + 1,
        new_end: row + 1,
    };
    bencher.bench_local(|| {
        lines[row].push('x');
        reading.edit(&Events(&review), black_box(&lines), Some(window));
    });
}

/// A character typed in the middle of the editor holding the timeline.
fn editor(bencher: Bencher, events: usize) {
    let review = support::large_review(events, 10, 3);
    let mut editor = Editor::new(event_lines(&review), "", true);
    editor.jump((events / 2, 0));
    bencher.bench_local(|| editor.input(&press_key(KeyCode::Char('x'))));
}

fn press_key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn checks_10k(bencher: Bencher) {
    checks(bencher, 10_000);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn checks_100k(bencher: Bencher) {
    checks(bencher, 100_000);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn editor_10k(bencher: Bencher) {
    editor(bencher, 10_000);
}

#[divan::bench(sample_count = 50, max_time = 10)]
fn editor_100k(bencher: Bencher) {
    editor(bencher, 100_000);
}
