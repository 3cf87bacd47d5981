//! Keys into the app, as tokens: `j`, `G`, `<enter>`, `<c-s>`, `<s-tab>`.

use chrono::{DateTime, Utc};
use debrief::app::{Action, App, Effect, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

/// The key event of a token: a single character (Shift with a capital
/// letter), `<c-x>` for Ctrl and a letter, or a named key such as `<esc>`,
/// `<enter>`, `<tab>`, `<s-tab>`, `<bs>`, `<del>`, `<space>`, `<up>` or
/// `<f2>`, `<home>`, `<end>`, `<pgup>`, `<pgdn>`.
pub fn key_of(token: &str) -> KeyEvent {
    let (code, mods) = match token {
        "<esc>" => (KeyCode::Esc, KeyModifiers::NONE),
        "<enter>" => (KeyCode::Enter, KeyModifiers::NONE),
        "<tab>" => (KeyCode::Tab, KeyModifiers::NONE),
        "<s-tab>" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "<bs>" => (KeyCode::Backspace, KeyModifiers::NONE),
        "<del>" => (KeyCode::Delete, KeyModifiers::NONE),
        "<space>" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "<up>" => (KeyCode::Up, KeyModifiers::NONE),
        "<down>" => (KeyCode::Down, KeyModifiers::NONE),
        "<left>" => (KeyCode::Left, KeyModifiers::NONE),
        "<right>" => (KeyCode::Right, KeyModifiers::NONE),
        "<home>" => (KeyCode::Home, KeyModifiers::NONE),
        "<end>" => (KeyCode::End, KeyModifiers::NONE),
        "<pgup>" => (KeyCode::PageUp, KeyModifiers::NONE),
        "<pgdn>" => (KeyCode::PageDown, KeyModifiers::NONE),
        t if t.starts_with("<f") && t.ends_with('>') && t[2..t.len() - 1].parse::<u8>().is_ok() => {
            (
                KeyCode::F(t[2..t.len() - 1].parse().unwrap()),
                KeyModifiers::NONE,
            )
        }
        t if t.starts_with("<c-") && t.len() == 5 => (
            KeyCode::Char(t.chars().nth(3).unwrap()),
            KeyModifiers::CONTROL,
        ),
        t if t.chars().count() == 1 => return char_key(t.chars().next().unwrap()),
        t => panic!("unknown key token {t}"),
    };
    press_of(code, mods)
}

/// The key that types `c`: with Shift for a capital letter, as a terminal
/// reports it.
pub fn char_key(c: char) -> KeyEvent {
    let mods = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    press_of(KeyCode::Char(c), mods)
}

fn press_of(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// Keys sent to an app at the time `at`, counted, with every effect they
/// produced.
pub struct Keys<'a> {
    app: &'a mut App,
    at: DateTime<Utc>,
    /// Every key sent.
    pub count: usize,
    /// The keys that were characters of text.
    pub typed: usize,
    pub effects: Vec<Effect>,
}

impl<'a> Keys<'a> {
    pub fn new(app: &'a mut App, at: DateTime<Utc>) -> Keys<'a> {
        Keys {
            app,
            at,
            count: 0,
            typed: 0,
            effects: Vec::new(),
        }
    }

    /// Presses keys given as space-separated tokens (see [`key_of`]).
    pub fn press(&mut self, keys: &str) -> &mut Self {
        for t in keys.split_whitespace() {
            self.send(key_of(t));
        }
        self
    }

    /// Types text, one key a character.
    pub fn typing(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.typed += 1;
            self.send(char_key(c));
        }
        self
    }

    fn send(&mut self, key: KeyEvent) {
        self.count += 1;
        let effects = update(self.app, Action::Key(key), self.at);
        self.effects.extend(effects);
    }
}

/// Presses keys given as space-separated tokens at the time `at`; returns
/// every effect produced.
pub fn press_at(app: &mut App, keys: &str, at: DateTime<Utc>) -> Vec<Effect> {
    let mut k = Keys::new(app, at);
    k.press(keys);
    k.effects
}

/// Types text character by character at the time `at`; returns every
/// effect produced.
pub fn typing_at(app: &mut App, text: &str, at: DateTime<Utc>) -> Vec<Effect> {
    let mut k = Keys::new(app, at);
    k.typing(text);
    k.effects
}
