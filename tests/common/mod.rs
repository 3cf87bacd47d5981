//! Helpers shared by the integration tests.

// Each test crate that declares `mod common;` uses its own subset.
#![allow(dead_code)]

pub mod builder;
pub mod keys;
pub mod run;
pub mod tmux;

#[allow(unused_imports)]
pub use builder::ReviewBuilder;

use std::fs;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use debrief::app::{Access, Action, App, Screen, Workspace, update};
use debrief::domain::{Offset, Review, ReviewKind, Severity, Text};
use debrief::store::codec::decode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The example review, relative to the crate root.
pub const EXAMPLE: &str = "assets/example-review.ron";

/// The example review's absolute path, whatever directory tests run in.
pub fn example_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

/// The example review as it is stored.
pub fn example_text() -> String {
    fs::read_to_string(example_path()).unwrap_or_else(|e| panic!("reading {EXAMPLE}: {e}"))
}

/// The example review, decoded.
pub fn example() -> Review {
    decode(&example_text(), &example_path()).unwrap_or_else(|e| panic!("{e}"))
}

/// A new, empty quick review of a Sev3, "Login page failing for EU
/// customers", created at `created` in +01:00.
pub fn login_page_failing(id: &str, created: DateTime<Utc>) -> Review {
    Review::new(
        id.into(),
        Text::new("Login page failing for EU customers"),
        Severity::Sev3,
        ReviewKind::Quick,
        created,
        "+01:00".parse::<Offset>().unwrap(),
    )
}

/// An app with `review` open in the workspace at `now`, not yet told its
/// terminal's size.
pub fn workspace(review: Review, access: Access, now: DateTime<Utc>) -> App {
    let ws = Workspace::new(review, None, access);
    App::new(Screen::Workspace(Box::new(ws)), now)
}

/// An app with `review` open read-write in the workspace at `now`, in a
/// terminal of `width`x`height`.
pub fn sized(review: Review, now: DateTime<Utc>, (width, height): (u16, u16)) -> App {
    let mut app = workspace(review, Access::ReadWrite, now);
    update(&mut app, Action::Resize(width, height), now);
    app
}

/// The sizes every snapshot is taken at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// The app drawn on a `width`x`height` test terminal.
pub fn screen(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| debrief::ui::render(app, frame))
        .expect("drawing never fails on a test backend");
    terminal
}

/// The rows of a buffer as text, one string a row.
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    (buf.area.top()..buf.area.bottom())
        .map(|y| {
            (buf.area.left()..buf.area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect()
        })
        .collect()
}
