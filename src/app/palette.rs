//! The command palette: fuzzy search over every command.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Effect;
use super::commands::{self, Command, CommandId};
use super::state::{App, Overlay};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Palette {
    pub query: String,
    pub selected: usize,
}

/// How well `query` matches `text`: every character of the query in
/// order, ignoring case. Contiguous runs and word starts score higher, and
/// a query that spells the initials of words ("ai" for "action items")
/// scores best. `None` when it does not match.
pub fn fuzzy_score(query: &str, text: &str) -> Option<i32> {
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let query: Vec<char> = query
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let word_start = |i: usize| i == 0 || !text[i - 1].is_alphanumeric();
    let mut score = 0;
    let mut pos = 0;
    let mut last: Option<usize> = None;
    for &q in &query {
        let found = (pos..text.len()).find(|i| text[*i] == q)?;
        score += 1;
        if last.is_some_and(|l| l + 1 == found) {
            score += 4;
        }
        if word_start(found) {
            score += 3;
        }
        score -= (found - pos) as i32 / 4;
        last = Some(found);
        pos = found + 1;
    }
    // The same query read as initials of words.
    let mut starts = (0..text.len()).filter(|i| word_start(*i));
    let initials = query.iter().all(|q| starts.any(|i| text[i] == *q));
    let initials_score = if initials && query.len() > 1 {
        5 * query.len() as i32 + 2
    } else {
        0
    };
    Some(score.max(initials_score))
}

impl Palette {
    /// The commands matching the query, best first; ties keep the
    /// table's order. Only the workspace's commands are listed: the
    /// palette runs them as if their key was pressed there.
    pub fn matches(&self) -> Vec<&'static Command> {
        let mut scored: Vec<(i32, usize, &'static Command)> = commands::all()
            .enumerate()
            .filter(|(_, c)| c.scope.in_workspace())
            .filter_map(|(i, c)| {
                let name = fuzzy_score(&self.query, c.name);
                let desc = fuzzy_score(&self.query, c.description).map(|s| s - 5);
                name.max(desc).map(|s| (s, i, c))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, _, c)| c).collect()
    }
}

/// A key in the palette: its command, or text for the query.
pub fn key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Some(Overlay::Palette(p)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let last = p.matches().len().saturating_sub(1);
    match command {
        Some(CommandId::Close) => {
            app.overlays.pop();
        }
        Some(CommandId::Run) => {
            let chosen = p.matches().get(p.selected).map(|c| c.id);
            app.overlays.pop();
            if let Some(id) = chosen {
                return super::update::run(app, id);
            }
        }
        Some(CommandId::Down) => p.selected = (p.selected + 1).min(last),
        Some(CommandId::Up) => p.selected = p.selected.saturating_sub(1),
        Some(_) => {}
        // Plain text input: the query.
        None => match key.code {
            KeyCode::Backspace => {
                p.query.pop();
                p.selected = 0;
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                p.query.push(c);
                p.selected = 0;
            }
            _ => {}
        },
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::commands::CommandId;

    #[test]
    fn fuzzy_matching_prefers_word_starts_and_runs() {
        assert!(
            fuzzy_score("exp", "export").unwrap()
                > fuzzy_score("exp", "expand the pane").unwrap_or(0) - 10
        );
        assert_eq!(fuzzy_score("xyz", "export"), None);
        assert!(
            fuzzy_score("ai", "action items").unwrap() > fuzzy_score("ai", "maintain").unwrap()
        );
        assert_eq!(fuzzy_score("", "anything"), Some(0));
    }

    #[test]
    fn the_palette_finds_commands_by_name_or_description() {
        let p = Palette {
            query: "undo".into(),
            selected: 0,
        };
        assert_eq!(p.matches()[0].id, CommandId::Undo);
        let p = Palette {
            query: "star".into(),
            selected: 0,
        };
        assert_eq!(p.matches()[0].id, CommandId::ToggleStar);
        let p = Palette {
            query: "markdown".into(),
            selected: 0,
        };
        assert_eq!(
            p.matches()[0].id,
            CommandId::Export,
            "found through its description"
        );
        let all = Palette::default().matches();
        assert!(
            all.iter()
                .all(|c| c.scope != crate::app::commands::Scope::Form)
        );
    }
}
