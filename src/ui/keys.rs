//! Keys as the screens show them, always read from the keymap so that a
//! user's overrides appear in the hints, the help and the palette.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::text::{Line, Span};

use super::text::width;
use super::theme::Theme;
use crate::app::commands::{self, CommandId, Scope};
use crate::app::keymap::{Chord, Keymap};
use crate::app::{App, Mode, Overlay};

/// A key in a short hint: Enter is "⏎"; everything else as the help
/// writes it.
pub fn short(chord: &Chord) -> String {
    if chord.code == KeyCode::Enter && chord.mods == KeyModifiers::NONE {
        "⏎".to_owned()
    } else {
        chord.to_string()
    }
}

/// The first key of a command in a scope, for hints.
pub fn first(keymap: &Keymap, scope: Scope, id: CommandId) -> Option<String> {
    keymap.keys(scope, id).first().map(short)
}

/// Every key of a command in a scope, for the help and the palette.
pub fn all(keymap: &Keymap, scope: Scope, id: CommandId) -> String {
    let keys: Vec<String> = keymap
        .keys(scope, id)
        .iter()
        .map(ToString::to_string)
        .collect();
    if keys.is_empty() {
        "(no key)".to_owned()
    } else {
        keys.join(" ")
    }
}

/// One hint: a key and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub name: String,
}

impl Hint {
    fn new(key: impl Into<String>, name: impl Into<String>) -> Hint {
        Hint {
            key: key.into(),
            name: name.into(),
        }
    }

    fn width(&self) -> usize {
        width(&self.key) + 1 + width(&self.name)
    }
}

/// What a pair of up and down keys does in a scope, shown as one hint.
fn up_down(scope: Scope) -> &'static str {
    match scope {
        Scope::Chart => "point",
        Scope::Spotlight => "previous/next",
        Scope::Help | Scope::Preview => "scroll",
        _ => "select",
    }
}

/// The commands marked as hints in `scopes`, the most specific scope
/// first, each scope in the table's order. Up and down, and page up and
/// page down, are one hint each: "↑↓ select".
pub fn for_scopes(keymap: &Keymap, scopes: &[Scope]) -> Vec<Hint> {
    hints_where(keymap, scopes, |_| true)
}

/// As `for_scopes`, but only the commands `keep` keeps are hinted.
fn hints_where(keymap: &Keymap, scopes: &[Scope], keep: impl Fn(CommandId) -> bool) -> Vec<Hint> {
    let mut out: Vec<Hint> = Vec::new();
    for (i, scope) in scopes.iter().enumerate() {
        if scopes[..i].contains(scope) {
            continue;
        }
        let hinted = |id| commands::in_scope(*scope).any(|c| c.hint && c.id == id);
        let key = |id| first(keymap, *scope, id);
        for c in commands::in_scope(*scope).filter(|c| c.hint && keep(c.id)) {
            let paired = match c.id {
                CommandId::Up | CommandId::PageUp => continue,
                CommandId::Down if hinted(CommandId::Up) => key(CommandId::Up)
                    .zip(key(CommandId::Down))
                    .map(|(u, d)| Hint::new(format!("{u}{d}"), up_down(*scope))),
                CommandId::PageDown if hinted(CommandId::PageUp) => key(CommandId::PageUp)
                    .zip(key(CommandId::PageDown))
                    .map(|(u, d)| Hint::new(format!("{u} {d}"), "page")),
                _ => None,
            };
            if let Some(hint) = paired.or_else(|| key(c.id).map(|k| Hint::new(k, c.name))) {
                out.push(hint);
            }
        }
    }
    out
}

/// The hints for what the user is doing now: the mode's commands marked
/// as hints, the most specific scope first.
pub fn current(app: &App) -> Vec<Hint> {
    if let Some(Overlay::Quick(q)) = app.overlays.last() {
        return super::quick::hints(app, q);
    }
    let mode = app.mode();
    // A view that cannot change the review offers none of the keys that
    // would.
    let read_only = app.overlays.is_empty() && app.workspace().is_some_and(|ws| ws.read_only());
    let mut hints = hints_where(&app.keymap, mode.scopes(), |id| {
        !(read_only && changes_review(id))
    });
    // A value is chosen by its digit or initial, not searched for.
    if mode == Mode::Choose {
        hints.insert(0, Hint::new("a digit", "or an initial"));
    } else if mode.takes_text() && mode != Mode::Form {
        hints.insert(0, Hint::new("type", "to search"));
    }
    hints
}

/// The first key of a command in a scope as the help writes it, or
/// nothing when it has none.
pub fn named(keymap: &Keymap, scope: Scope, id: CommandId) -> String {
    keymap
        .keys(scope, id)
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The end of a scrolling overlay's bottom border, from its scope's
/// commands: how to scroll, and how to close.
pub fn scroll_footer(keymap: &Keymap, scope: Scope) -> Vec<(String, String)> {
    let key = |id| named(keymap, scope, id);
    vec![
        (
            format!(
                "{}{} {} {}",
                key(CommandId::Up),
                key(CommandId::Down),
                key(CommandId::PageUp),
                key(CommandId::PageDown)
            ),
            "scroll".to_owned(),
        ),
        (key(CommandId::Close), "close".to_owned()),
    ]
}

/// Hints laid out in at most `max` cells: "a add  ⏎ edit  ? help". Hints
/// that do not fit are left out from the end, but the one for help stays
/// as long as it fits at all.
pub fn line(theme: &Theme, hints: &[Hint], help_key: Option<&str>, max: usize) -> Line<'static> {
    const GAP: usize = 2;
    let is_help = |h: &Hint| help_key.is_some_and(|k| h.key == k && h.name == "help");
    let mut ordered: Vec<&Hint> = hints.iter().filter(|h| !is_help(h)).collect();
    let help = hints.iter().find(|h| is_help(h));
    let reserve = help.map_or(0, |h| h.width() + GAP);
    let mut used = 0;
    let mut kept = Vec::new();
    for h in ordered.drain(..) {
        let w = h.width() + if kept.is_empty() { 0 } else { GAP };
        if used + w + reserve > max {
            break;
        }
        used += w;
        kept.push(h);
    }
    if let Some(h) = help {
        let w = h.width() + if kept.is_empty() { 0 } else { GAP };
        if used + w <= max {
            kept.push(h);
        }
    }
    let mut spans = Vec::new();
    for (i, h) in kept.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" ".repeat(GAP)));
        }
        spans.push(Span::styled(h.key.clone(), theme.key));
        spans.push(Span::styled(format!(" {}", h.name), theme.muted));
    }
    Line::from(spans)
}

/// The first key of the help command, to keep its hint.
pub fn help_key(keymap: &Keymap) -> Option<String> {
    first(keymap, Scope::Workspace, CommandId::Help)
}

/// Whether a workspace command changes the review (and so does nothing
/// in a read-only view but say why).
fn changes_review(id: CommandId) -> bool {
    use CommandId as C;
    matches!(
        id,
        C::Add
            | C::Edit
            | C::Delete
            | C::ToggleInternal
            | C::KeepQuote
            | C::QuickEntry
            | C::CycleImpact
            | C::JudgePositive
            | C::JudgeNegative
            | C::JudgeNeutral
            | C::CyclePhase
            | C::PickEventKind
            | C::SetMoment
            | C::ToggleStar
            | C::CycleLearningKind
            | C::CycleEffect
            | C::CycleArea
            | C::CycleActionStatus
            | C::CyclePriority
            | C::ParkingToAction
            | C::Undo
            | C::Redo
            | C::ToggleClock
            | C::Timeboxes
            | C::ImportView
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_come_from_the_table_most_specific_first() {
        let keymap = Keymap::defaults();
        let hints = hints_where(
            &keymap,
            &[Scope::Actions, Scope::List, Scope::Workspace],
            |_| true,
        );
        let names: Vec<&str> = hints.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(&names[..5], ["status", "priority", "add", "edit", "delete"]);
        assert!(names.contains(&"help"));
        assert_eq!(hints[3].key, "⏎");
    }

    #[test]
    fn hints_that_do_not_fit_are_dropped_but_help_stays() {
        let keymap = Keymap::defaults();
        let hints = hints_where(&keymap, &[Scope::List, Scope::Workspace], |_| true);
        let help = help_key(&keymap);
        for max in [0, 6, 12, 30, 200] {
            let line = line(&crate::ui::theme::DARK, &hints, help.as_deref(), max);
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert!(width(&text) <= max, "{text:?} in {max}");
            if max >= 6 {
                assert!(text.ends_with("? help"), "{text:?}");
            }
        }
    }
}
