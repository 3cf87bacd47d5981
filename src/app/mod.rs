//! The interactive program's state and its one update function.
//!
//! ```text
//! terminal event ─► keymap ─► Action ─► update(&mut App, Action, now) ─► Vec<Effect>
//!                                              │                             │
//!                                      ui::render(&App)             runtime runs effects
//! ```

pub mod action;
pub mod commands;
pub mod editing;
pub mod fields;
pub mod following;
pub mod form;
pub mod history;
pub mod import;
pub mod keymap;
pub mod library;
pub mod meeting;
pub mod mode;
pub mod mouse;
mod opening;
pub mod overlays;
pub mod palette;
pub mod pane;
pub mod picker;
pub mod prompts;
pub mod quick;
pub mod related;
mod shown;
pub mod state;
pub mod update;

pub use action::{Action, Effect, Opened};
pub use mode::Mode;
pub use state::{Access, App, Audience, Overlay, Pane, Screen, ThemeName, Workspace};
pub use update::update;
