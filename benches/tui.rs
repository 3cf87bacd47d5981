//! The workspace on a review of 10,000 and of 100,000 events at 200x60.
//!
//! Targets on a 2-core machine, at either size: one full frame under 2 ms;
//! a keystroke that moves the selection under 2 ms through update and
//! render; under 1 KB written to the terminal for one cursor move, on
//! average over 100 moves that scroll the list; start to first frame under
//! 15 ms for an empty review, under 60 ms for 10,000 events and under
//! 300 ms for 100,000; peak memory under 40 MB for 10,000 events (printed
//! before the timings, measured as the peak resident set size while
//! loading and drawing it).

mod support;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use debrief::app::{Access, Action, App, Screen, Workspace, update};
use debrief::domain::{Offset, Review, ReviewKind, Severity, Text};
use debrief::store::{decode, encode};
use debrief::ui;
use divan::{Bencher, black_box};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const W: u16 = 200;
const H: u16 = 60;

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().expect("a time")
}

fn app(review: Review) -> App {
    let mut app = App::new(
        Screen::Workspace(Box::new(Workspace::new(review, None, Access::ReadWrite))),
        now(),
    );
    update(&mut app, Action::Resize(W, H), now());
    app
}

fn large() -> App {
    app(support::large_review(10_000, 500, 500))
}

fn huge() -> App {
    app(support::large_review(100_000, 500, 500))
}

fn key(c: char) -> Action {
    Action::Key(KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn empty_review() -> Review {
    Review::new(
        "2026-11-24-empty-aaaa".into(),
        Text::new("Empty"),
        Severity::Sev3,
        ReviewKind::Quick,
        now(),
        Offset::UTC,
    )
}

/// Counts what the backend writes.
struct Counting(Arc<AtomicU64>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(buf.len() as u64, Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Bytes written to a `w`x`h` terminal for the frame after `keys`, once
/// the first frame is drawn; `present` first turns presenter mode on.
fn bytes_for(w: u16, h: u16, present: bool, keys: &[char]) -> u64 {
    let count = Arc::new(AtomicU64::new(0));
    let backend = CrosstermBackend::new(Counting(Arc::clone(&count)));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal = Terminal::with_options(backend, options).expect("a terminal");
    let mut app = large();
    if present {
        debrief::app::update::present(&mut app);
        app.message = None;
    }
    terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    for c in keys {
        update(&mut app, key(*c), now());
    }
    count.store(0, Ordering::Relaxed);
    terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    count.load(Ordering::Relaxed)
}

/// Bytes written to a `w`x`h` terminal on average for each of 100 moves
/// down the timeline, once the selection is past the first screen, so
/// that the list scrolls.
fn bytes_per_scrolling_move(w: u16, h: u16, mut app: App) -> u64 {
    let count = Arc::new(AtomicU64::new(0));
    let backend = CrosstermBackend::new(Counting(Arc::clone(&count)));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal = Terminal::with_options(backend, options).expect("a terminal");
    update(&mut app, Action::Resize(w, h), now());
    for _ in 0..usize::from(h) * 2 {
        update(&mut app, key('j'), now());
    }
    terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    count.store(0, Ordering::Relaxed);
    for _ in 0..100 {
        update(&mut app, key('j'), now());
        terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    }
    count.load(Ordering::Relaxed) / 100
}

/// Peak resident memory, in MB, while loading and drawing the large review.
fn peak_memory_mb() -> Option<f64> {
    let text = encode(&support::large_review(10_000, 500, 500));
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("large.ron");
    std::fs::write(&path, &text).ok()?;
    drop(text);
    // Forget the peak so far (Linux): only what follows counts.
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    let review = decode(&std::fs::read_to_string(&path).ok()?, &path).ok()?;
    let app = app(review);
    let mut terminal = Terminal::new(TestBackend::new(W, H)).ok()?;
    terminal.draw(|f| ui::render(&app, f)).ok()?;
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn main() {
    match peak_memory_mb() {
        Some(mb) => println!("peak memory, 10,000-event review loaded and drawn: {mb:.1} MB"),
        None => println!("peak memory: not measurable on this platform"),
    }
    println!(
        "bytes written for one cursor move at {W}x{H}: {}",
        bytes_for(W, H, false, &['j'])
    );
    println!(
        "bytes written a cursor move, on average over 100 moves that scroll, at {W}x{H}: {} (10,000 events), {} (100,000 events)",
        bytes_per_scrolling_move(W, H, large()),
        bytes_per_scrolling_move(W, H, huge()),
    );
    println!(
        "the same at 80x24: {}",
        bytes_per_scrolling_move(80, 24, large())
    );
    println!(
        "bytes written for one cursor move at 80x24 in presenter mode: {}",
        bytes_for(80, 24, true, &['j'])
    );
    println!(
        "bytes written for a change of stage at 80x24 in presenter mode: {}",
        bytes_for(80, 24, true, &[']'])
    );
    divan::main();
}

#[divan::bench(sample_count = 100)]
fn full_frame_10k(bencher: Bencher) {
    let app = large();
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("a terminal");
    bencher.bench_local(|| {
        terminal
            .draw(|f| ui::render(black_box(&app), f))
            .expect("drawn");
    });
}

#[divan::bench(sample_count = 100)]
fn full_frame_100k(bencher: Bencher) {
    let app = huge();
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("a terminal");
    bencher.bench_local(|| {
        terminal
            .draw(|f| ui::render(black_box(&app), f))
            .expect("drawn");
    });
}

#[divan::bench(sample_count = 100)]
fn keystroke_moves_selection_10k(bencher: Bencher) {
    moves(bencher, large());
}

#[divan::bench(sample_count = 100)]
fn keystroke_moves_selection_100k(bencher: Bencher) {
    moves(bencher, huge());
}

fn moves(bencher: Bencher, mut app: App) {
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("a terminal");
    let mut down = true;
    bencher.bench_local(|| {
        // Walk down and back up so the selection stays in the middle.
        let k = if down { 'j' } else { 'k' };
        down = !down;
        update(&mut app, key(k), now());
        terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    });
}

/// From a review file on disk to the first frame, as `debrief REVIEW`
/// starts: the review locked, read (its fingerprint taken for the
/// journal) and opened, the first frame drawn.
fn start_to_first_frame(bencher: Bencher, review: Review) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let path = dir.path().join(format!("{}.ron", review.id));
    std::fs::write(&path, encode(&review)).expect("written");
    drop(review);
    bencher.bench_local(|| {
        let (opened, lock) = debrief::runtime::open_review(black_box(&path)).expect("opens");
        assert!(lock.is_some(), "opened for writing");
        let mut app = App::new(Screen::Picker(Default::default()), now());
        update(&mut app, Action::Resize(W, H), now());
        update(&mut app, Action::Opened(Ok(Box::new(opened))), now());
        let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("a terminal");
        terminal.draw(|f| ui::render(&app, f)).expect("drawn");
        // Released within the iteration: the next one takes it again.
        drop(lock);
    });
}

#[divan::bench(sample_count = 30)]
fn start_to_first_frame_empty(bencher: Bencher) {
    start_to_first_frame(bencher, empty_review());
}

#[divan::bench(sample_count = 20)]
fn start_to_first_frame_10k(bencher: Bencher) {
    start_to_first_frame(bencher, support::large_review(10_000, 500, 500));
}

#[divan::bench(sample_count = 10)]
fn start_to_first_frame_100k(bencher: Bencher) {
    start_to_first_frame(bencher, support::large_review(100_000, 500, 500));
}
