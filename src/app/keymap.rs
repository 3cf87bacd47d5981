//! Keys to commands, built from the command table and the user's overrides.

use std::collections::HashMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::commands::{self, CommandId, Scope};

/// A key with its modifiers, as the keymap compares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    /// The chord of a key event. Shift is folded into the character it
    /// produced (`G`, `?`), and Shift-Tab reads as BackTab.
    pub fn from_event(key: KeyEvent) -> Chord {
        let mut mods =
            key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match key.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Chord { code, mods }
    }

    /// Reads the keymap's notation: `a`, `G`, `?`, `ctrl-p`, `alt-x`,
    /// `shift-tab`, `enter`, `esc`, `space`, `f1`, `pagedown`.
    pub fn parse(s: &str) -> Result<Chord, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            mods |= m;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                c.to_ascii_lowercase()
            } else {
                c
            }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if mods.contains(KeyModifiers::SHIFT) => {
                    mods.remove(KeyModifiers::SHIFT);
                    KeyCode::BackTab
                }
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                f if f.starts_with('f')
                    && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
                {
                    KeyCode::F(f[1..].parse().unwrap_or(1))
                }
                _ => return Err(format!("'{s}' is not a key")),
            },
        };
        if let KeyCode::Char(_) = code {
            mods.remove(KeyModifiers::SHIFT);
        }
        Ok(Chord { code, mods })
    }
}

impl fmt::Display for Chord {
    /// Writes the chord as the help shows it: `Ctrl-P`, `Shift-Tab`, `G`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The user's overrides: command → keys in every scope it has keys in,
/// e.g. `{ "add": ["a", "insert"], "quit": ["q"] }`.
pub type Overrides = HashMap<CommandId, Vec<String>>;

/// Overrides for one scope only: `{ "chart.close": ["x"] }`.
pub type ScopedOverrides = HashMap<(Scope, CommandId), Vec<String>>;

/// The command with this snake-case name (`add`, `quick_entry`).
pub fn command_named(name: &str) -> Option<CommandId> {
    use serde::de::value::{Error, StrDeserializer};
    serde::Deserialize::deserialize(StrDeserializer::<Error>::new(name)).ok()
}

/// Keys for every command in every scope.
#[derive(Clone, Debug, Default)]
pub struct Keymap {
    by_key: HashMap<(Scope, Chord), CommandId>,
    by_command: HashMap<(Scope, CommandId), Vec<Chord>>,
}

impl Keymap {
    /// The default bindings from the command table.
    pub fn defaults() -> Keymap {
        Keymap::with_overrides(&Overrides::new()).expect("the default keys all parse")
    }

    /// The table's bindings with the user's replacements. An override
    /// replaces every default key of that command.
    pub fn with_overrides(overrides: &Overrides) -> Result<Keymap, String> {
        Keymap::with_scoped(overrides, &ScopedOverrides::new())
    }

    /// The table's bindings with replacements for a command everywhere
    /// (`overrides`) and in one scope (`scoped`, which wins).
    pub fn with_scoped(overrides: &Overrides, scoped: &ScopedOverrides) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for c in commands::all() {
            let keys: Vec<&str> = match scoped
                .get(&(c.scope, c.id))
                .or_else(|| overrides.get(&c.id))
            {
                Some(keys) => keys.iter().map(String::as_str).collect(),
                None => c.keys.to_vec(),
            };
            for key in keys {
                let chord = Chord::parse(key).map_err(|e| format!("{e} (for '{}')", c.name))?;
                map.by_key.insert((c.scope, chord), c.id);
                map.by_command
                    .entry((c.scope, c.id))
                    .or_default()
                    .push(chord);
            }
        }
        Ok(map)
    }

    /// Reads overrides from the RON text of a keys file: a command's name
    /// for every scope it has keys in, or `scope.name` (`chart.close`) for
    /// one. On any error the error says what is wrong.
    pub fn from_ron(text: &str) -> Result<Keymap, String> {
        let named: HashMap<String, Vec<String>> = ron::Options::default()
            .from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
        let mut overrides = Overrides::new();
        let mut scoped = ScopedOverrides::new();
        for (name, keys) in named {
            let unknown = || format!("there is no command named '{name}'");
            match name.split_once('.') {
                Some((scope, command)) => {
                    let scope = Scope::named(scope)
                        .ok_or_else(|| format!("there is no mode named '{scope}' (in '{name}')"))?;
                    let id = command_named(command).ok_or_else(unknown)?;
                    if commands::in_scope(scope).all(|c| c.id != id) {
                        return Err(format!(
                            "'{command}' has no keys in {} (in '{name}')",
                            scope.label()
                        ));
                    }
                    scoped.insert((scope, id), keys);
                }
                None => {
                    overrides.insert(command_named(&name).ok_or_else(unknown)?, keys);
                }
            }
        }
        Keymap::with_scoped(&overrides, &scoped)
    }

    /// The command bound to `key` in the first of `scopes` that binds it.
    pub fn lookup(&self, scopes: &[Scope], key: KeyEvent) -> Option<CommandId> {
        let chord = Chord::from_event(key);
        scopes
            .iter()
            .find_map(|s| self.by_key.get(&(*s, chord)).copied())
    }

    /// The keys bound to a command in a scope, in the table's order.
    pub fn keys(&self, scope: Scope, id: CommandId) -> &[Chord] {
        self.by_command
            .get(&(scope, id))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn notation_round_trips_through_display() {
        let cases = [
            ("a", "a"),
            ("G", "G"),
            ("?", "?"),
            ("ctrl-p", "Ctrl-P"),
            ("Ctrl-P", "Ctrl-P"),
            ("shift-tab", "Shift-Tab"),
            ("enter", "Enter"),
            ("space", "Space"),
            ("f1", "F1"),
            ("pagedown", "PgDn"),
            ("alt-x", "Alt-x"),
        ];
        for (notation, shown) in cases {
            assert_eq!(
                Chord::parse(notation).unwrap().to_string(),
                shown,
                "{notation}"
            );
        }
        for bad in ["", "ctrl-", "hyper-x", "f13", "enterr"] {
            assert!(Chord::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn events_match_the_notation_whatever_the_terminal_sends() {
        let map = Keymap::defaults();
        let scopes = [Scope::List, Scope::Workspace];
        let cases = [
            (
                key(KeyCode::Char('G'), KeyModifiers::SHIFT),
                CommandId::Bottom,
            ),
            (
                key(KeyCode::Char('?'), KeyModifiers::SHIFT),
                CommandId::Help,
            ),
            (
                key(KeyCode::Char('p'), KeyModifiers::CONTROL),
                CommandId::Palette,
            ),
            (
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                CommandId::PrevPane,
            ),
            (key(KeyCode::Down, KeyModifiers::NONE), CommandId::Down),
        ];
        for (event, want) in cases {
            assert_eq!(map.lookup(&scopes, event), Some(want), "{event:?}");
        }
    }

    #[test]
    fn the_first_scope_that_binds_a_key_wins() {
        let map = Keymap::defaults();
        let t = key(KeyCode::Char('t'), KeyModifiers::NONE);
        assert_eq!(
            map.lookup(&[Scope::Actions, Scope::List], t),
            Some(CommandId::CycleActionStatus)
        );
        assert_eq!(
            map.lookup(&[Scope::Learnings, Scope::List], t),
            Some(CommandId::CycleLearningKind)
        );
        assert_eq!(map.lookup(&[Scope::Timeline, Scope::List], t), None);
    }

    #[test]
    fn overrides_replace_a_command_keys_and_bad_files_are_explained() {
        let map = Keymap::from_ron(r#"{ "add": ["insert", "+"] }"#).unwrap();
        let scopes = [Scope::List];
        assert_eq!(
            map.lookup(&scopes, key(KeyCode::Insert, KeyModifiers::NONE)),
            Some(CommandId::Add)
        );
        assert_eq!(
            map.lookup(&scopes, key(KeyCode::Char('a'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(map.keys(Scope::List, CommandId::Add).len(), 2);

        let err = Keymap::from_ron(r#"{ "add": ["hyper-q"] }"#).unwrap_err();
        assert!(err.contains("'hyper-q' is not a key"), "{err}");
        let err = Keymap::from_ron(r#"{ "launch": ["x"] }"#).unwrap_err();
        assert_eq!(err, "there is no command named 'launch'");
        let err = Keymap::from_ron("{ \"add\": [\"a\"],\n  \"quit\" }").unwrap_err();
        assert!(err.starts_with("2:"), "{err}");
    }

    #[test]
    fn no_two_commands_share_a_key_in_one_scope() {
        let mut seen = HashMap::new();
        for c in commands::all() {
            for k in c.keys {
                let chord = Chord::parse(k).unwrap();
                if let Some(other) = seen.insert((c.scope, chord), c.name) {
                    panic!(
                        "{k} is bound to both {other} and {} in {:?}",
                        c.name, c.scope
                    );
                }
            }
        }
    }
}
