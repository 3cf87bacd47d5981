//! How the program is shown, beside what it shows: the colours, who the
//! screen is for, and which texts the coach flags, remembered for the
//! rows drawn on every frame.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::domain::Coach;

/// The colours in use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
    /// White on black with bright accents, for presenting.
    Contrast,
}

impl ThemeName {
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::Mono,
            ThemeName::Mono => ThemeName::Contrast,
            ThemeName::Contrast => ThemeName::Dark,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::Mono => "monochrome",
            ThemeName::Contrast => "high contrast",
        }
    }
}

/// Who the screen is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// The facilitator at the keyboard: everything, notes and key hints
    /// included.
    #[default]
    Facilitator,
    /// The room, on a shared screen: no private notes, no key hints, the
    /// focused pane and the stage larger, high contrast.
    Presenter,
    /// A participant following the review from another terminal with
    /// `debrief watch`: read-only, no private notes.
    Watcher,
}

impl Audience {
    /// Whether the screen is for a room or a participant rather than the
    /// facilitator: no key hints, larger stage and pane.
    pub fn is_audience(self) -> bool {
        self != Audience::Facilitator
    }

    /// Whether the facilitator's private notes may be shown.
    pub fn sees_notes(self) -> bool {
        self == Audience::Facilitator
    }
}

/// Whether the coach flags an item's text, remembered by text: a list
/// pane asks for every row it shows on every frame, and the coach reads
/// each text once. Forgotten when the coach changes (and when it holds
/// too many texts).
#[derive(Debug, Default)]
pub struct Flagged(RefCell<HashMap<String, bool>>);

impl Flagged {
    /// Texts remembered at most; past that the memory starts again.
    const MOST: usize = 4096;

    pub fn check(&self, coach: &Coach, text: &str) -> bool {
        if let Some(known) = self.0.borrow().get(text) {
            return *known;
        }
        let flagged = !coach.check(text).is_empty();
        let mut memo = self.0.borrow_mut();
        if memo.len() >= Self::MOST {
            memo.clear();
        }
        memo.insert(text.to_owned(), flagged);
        flagged
    }
}
