//! The library: every review of a folder at once, read through the cache
//! beside the reviews.
//!
//! Targets on a 2-core machine, warm (the cache up to date): `debrief
//! list` under 30 ms at 1,000 reviews and under 100 ms at 10,000; the
//! picker's first frame (the library read, the screen made and drawn at
//! 200x60) the same. Cold (no cache), the rebuild reads every file and
//! says how far it is on standard error after a second; it is measured
//! here so that a slower one is noticed. `debrief search` over 10,000
//! reviews, warm: under 200 ms; a keystroke in the picker's search (the
//! word index read by the first): under 50 ms. `debrief stats` is
//! measured whole (the library read, every figure, the table written) and
//! its figures alone.
//! The library screen's first frame (the library and its summaries read,
//! the figures made, drawn at 200x60): the same as the picker's; a move in
//! it and the frame after, under a frame's time (16 ms) at any size.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use debrief::app::{Action, App, update};
use debrief::domain::{
    ActionItem, ActionStatus, Area, Effect, Event, EventKind, Factor, Learning, LearningKind,
    Offset, Participant, Priority, Review, ReviewKind, Role, Severity, Source, Text,
};
use debrief::library::{INDEX_FILE, Library};
use debrief::store::{Store, encode};
use debrief::ui;
use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SERVICES: [&str; 8] = [
    "checkout",
    "payments",
    "search",
    "login",
    "api-gateway",
    "billing",
    "email",
    "cdn",
];

/// Review `i` of a library: one every 53 minutes back from the end of
/// 2026, about twenty events, a few learnings, factors and action items.
pub fn library_review(i: usize) -> Review {
    let end: DateTime<Utc> = "2026-12-31T12:00:00Z".parse().expect("a time");
    let start = end - TimeDelta::minutes(53 * i as i64);
    let service = SERVICES[i % SERVICES.len()];
    let date = start.date_naive();
    let mut r = Review::new(
        format!("{}-{service}-incident-{i:05}", date.format("%Y-%m-%d")),
        Text::new(format!("{service} errors after deploy {i}")),
        Severity::ALL[i % Severity::ALL.len()],
        if i.is_multiple_of(3) {
            ReviewKind::Quick
        } else {
            ReviewKind::Full
        },
        start + TimeDelta::days(1),
        Offset::default(),
    );
    r.moments.started = Some(start);
    r.moments.detected = Some(start + TimeDelta::minutes(3 + (i % 7) as i64));
    r.moments.acknowledged = Some(start + TimeDelta::minutes(8 + (i % 11) as i64));
    r.moments.mitigated = Some(start + TimeDelta::minutes(30 + (i % 90) as i64));
    r.moments.resolved = Some(start + TimeDelta::minutes(60 + (i % 300) as i64));
    r.summary.services = vec![Text::new(service), Text::new(SERVICES[(i + 3) % 8])];
    r.summary.summary = Text::new(format!(
        "Requests to {service} failed for some customers after a configuration change"
    ));
    r.summary.customer_impact = Text::new("Some customers could not complete a purchase");
    for (name, role) in [
        ("ana", Role::FirstResponder),
        ("mo", Role::IncidentCommander),
    ] {
        r.participants.push(Participant {
            name: Text::new(name),
            role,
        });
    }
    for n in 0..20 {
        let mut e = Event::new(
            start + TimeDelta::minutes(n * 4),
            Text::new(format!(
                "step {n}: looked at the {service} dashboard, error rate {}% and rising",
                (n * 7 + i as i64) % 100
            )),
            Source::Typed,
        );
        e.kind = if n == 5 {
            EventKind::StatusPage
        } else {
            EventKind::ALL[n as usize % EventKind::ALL.len()]
        };
        e.actor = Some(Text::new(["ana", "mo", "li wei"][n as usize % 3]));
        r.add_event(e);
    }
    for n in 0..4 {
        r.add_learning(Learning::new(
            LearningKind::ALL[n % LearningKind::ALL.len()],
            Text::new(format!(
                "the {service} runbook missed step {n} for a cold cache"
            )),
        ));
    }
    for n in 0..3 {
        r.add_factor(Factor::new(
            Text::new(format!(
                "alerts for {service} went to a quiet channel ({n})"
            )),
            if n == 0 { Effect::Helped } else { Effect::Hurt },
            Area::ALL[(i + n) % Area::ALL.len()],
        ));
    }
    for n in 0..4 {
        let mut a = ActionItem::new(Text::new(format!(
            "add an alert on {service} saturation, part {n}"
        )));
        a.owner = Some(Text::new(["ana", "gary", "mo"][(i + n) % 3]));
        a.priority = Some(Priority::ALL[n % Priority::ALL.len()]);
        a.due = NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + (n as u32) * 5);
        a.status = ActionStatus::ALL[(i + n) % ActionStatus::ALL.len()];
        r.add_action(a);
    }
    r
}

/// A folder of `n` reviews, written once per size, their files an hour
/// old as after a checkout.
fn fixture(n: usize) -> &'static Path {
    static SMALL: OnceLock<tempfile::TempDir> = OnceLock::new();
    static LARGE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let cell = if n <= 1_000 { &SMALL } else { &LARGE };
    cell.get_or_init(|| {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a scratch folder");
        let store = Store::at(dir.path());
        fs::create_dir_all(store.reviews_dir()).expect("the folder");
        let old = SystemTime::now() - Duration::from_secs(3600);
        for i in 0..n {
            let r = library_review(i);
            let path = store.path_of(&r.id);
            fs::write(&path, encode(&r)).expect("written");
            fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_modified(old))
                .expect("aged");
        }
        dir
    })
    .path()
}

fn warm(n: usize) -> Store {
    let store = Store::at(fixture(n));
    Library::load(&store, &mut |_, _| {}).expect("loads");
    store
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn list_warm(bencher: Bencher, n: usize) {
    let store = warm(n);
    bencher.bench_local(|| {
        let mut out = Vec::new();
        debrief::cli::list(black_box(&store), false, &Default::default(), &mut out)
            .expect("listed");
        out
    });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn picker_first_frame_warm(bencher: Bencher, n: usize) {
    let store = warm(n);
    let now: DateTime<Utc> = "2026-12-31T12:00:00Z".parse().expect("a time");
    bencher.bench_local(|| {
        let library = Library::load(black_box(&store), &mut |_, _| {}).expect("loads");
        let mut app = App::new(debrief::app::picker::screen(&library), now);
        update(&mut app, Action::Resize(200, 60), now);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a terminal");
        terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn search_warm(bencher: Bencher, n: usize) {
    let store = warm(n);
    let args = debrief::cli::SearchArgs {
        query: vec!["runbook".into(), "cold".into()],
        notes: false,
        json: false,
        limit: 50,
    };
    let mut out = Vec::new();
    debrief::cli::search(&store, &args, &mut out, &mut std::io::sink()).expect("searched");
    assert!(!out.is_empty(), "the fixture holds the words");
    bencher.bench_local(|| {
        let mut out = Vec::new();
        debrief::cli::search(black_box(&store), &args, &mut out, &mut std::io::sink())
            .expect("searched");
        out
    });
}

/// One keystroke in the picker's search, the word index already read by
/// the first: "c" typed after "runbook " (each review's best item, 10,000
/// of them), the frame drawn at 200x60, and the backspace after it (a
/// second search, so the figure is of two keystrokes and one frame).
#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn picker_search_keystroke_warm(bencher: Bencher, n: usize) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let store = warm(n);
    let now: DateTime<Utc> = "2026-12-31T12:00:00Z".parse().expect("a time");
    let library = Library::load(&store, &mut |_, _| {}).expect("loads");
    let mut app = App::new(debrief::app::picker::screen(&library), now);
    update(&mut app, Action::Resize(200, 60), now);
    let key = |c| Action::Key(KeyEvent::new(c, KeyModifiers::NONE));
    for c in "runbook ".chars() {
        update(&mut app, key(KeyCode::Char(c)), now);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a terminal");
    bencher.bench_local(|| {
        update(&mut app, key(KeyCode::Char('c')), now);
        terminal.draw(|f| ui::render(&app, f)).expect("drawn");
        update(&mut app, key(KeyCode::Backspace), now);
    });
    let debrief::app::Screen::Picker(picker) = &app.screen else {
        panic!("the picker")
    };
    assert_eq!(picker.visible().len(), n, "every review holds the words");
}

/// The first keystroke in the picker's search: the word index (up to
/// date) read, "r" searched, the frame drawn at 200x60.
#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn picker_search_first_keystroke_warm(bencher: Bencher, n: usize) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let store = warm(n);
    let now: DateTime<Utc> = "2026-12-31T12:00:00Z".parse().expect("a time");
    let library = Library::load(&store, &mut |_, _| {}).expect("loads");
    let _ = library.words(&mut |_, _| {});
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a terminal");
    bencher
        .with_inputs(|| {
            let mut app = App::new(debrief::app::picker::screen(&library), now);
            update(&mut app, Action::Resize(200, 60), now);
            app
        })
        .bench_local_values(|mut app| {
            let key = Action::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE));
            update(&mut app, key, now);
            terminal.draw(|f| ui::render(&app, f)).expect("drawn");
            app
        });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 3)]
fn rebuild_cold(bencher: Bencher, n: usize) {
    let store = Store::at(fixture(n));
    let index: PathBuf = store.reviews_dir().join(INDEX_FILE);
    bencher
        .with_inputs(|| {
            let _ = fs::remove_file(&index);
        })
        .bench_local_values(|()| Library::load(black_box(&store), &mut |_, _| {}).expect("loads"));
}

fn stats_args() -> debrief::cli::StatsArgs {
    debrief::cli::StatsArgs {
        since: None,
        until: None,
        by: debrief::cli::ByArg::Month,
        sev: Vec::new(),
        service: Vec::new(),
        json: false,
        format: debrief::cli::StatsFormat::Table,
    }
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn stats_warm(bencher: Bencher, n: usize) {
    let store = warm(n);
    let args = stats_args();
    let mut out = Vec::new();
    debrief::cli::stats(&store, &args, &mut out).expect("counted");
    let text = String::from_utf8(out).expect("text");
    assert!(
        text.starts_with(&format!("{n} reviews")),
        "every review counted: {text}"
    );
    bencher.bench_local(|| {
        let mut out = Vec::new();
        debrief::cli::stats(black_box(&store), &args, &mut out).expect("counted");
        out
    });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn stats_figures_only(bencher: Bencher, n: usize) {
    use debrief::library::stats::{Options, Stats, select};
    let store = warm(n);
    let library = Library::load(&store, &mut |_, _| {}).expect("loads");
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("a day");
    let filter = debrief::library::Filter::default();
    let reviews = select(library.reviews().map(|(_, r)| r), &filter);
    assert_eq!(reviews.len(), n);
    let options = Options::of(&filter, debrief::library::By::Month, today, None);
    bencher.bench_local(|| Stats::of(black_box(&reviews), &options));
}

/// The library screen as the runtime makes it on Ctrl-L: the library
/// read, the screen built from its summaries over the list of reviews.
fn library_app(store: &Store, now: DateTime<Utc>) -> App {
    let view = debrief::runtime::library_screen(store, now.date_naive()).expect("loads");
    let mut app = App::new(debrief::app::Screen::Picker(Default::default()), now);
    update(&mut app, Action::LibraryRead(Ok(Box::new(view))), now);
    update(&mut app, Action::Resize(200, 60), now);
    app
}

/// Target: the same as the picker's first frame (under 100 ms at 10,000
/// reviews, warm).
#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn library_screen_first_frame_warm(bencher: Bencher, n: usize) {
    let store = warm(n);
    let now: DateTime<Utc> = "2026-12-31T12:00:00Z".parse().expect("a time");
    bencher.bench_local(|| {
        let app = library_app(black_box(&store), now);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a terminal");
        terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    });
}

/// A key in the follow-ups (every open item of the library, by owner)
/// and the frame drawn after it: down, then up, so that every key moves.
#[divan::bench(args = [1_000, 10_000], sample_count = 50)]
fn library_screen_move_warm(bencher: Bencher, n: usize) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let store = warm(n);
    let now: DateTime<Utc> = "2026-12-31T12:00:00Z".parse().expect("a time");
    let mut app = library_app(&store, now);
    let key = |c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    // Shift-Tab: the follow-ups; then halfway down them.
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        now,
    );
    for _ in 0..200 {
        update(&mut app, key('j'), now);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a terminal");
    terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    let mut down = true;
    bencher.bench_local(|| {
        update(&mut app, key(if down { 'j' } else { 'k' }), now);
        down = !down;
        terminal.draw(|f| ui::render(&app, f)).expect("drawn");
    });
}
