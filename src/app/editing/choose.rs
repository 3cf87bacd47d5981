//! Picking one value for the selected item with two keys: the command's
//! key opens the choice, then a digit or an initial takes a value (space
//! takes the next one, as cycling did). The digits and initials are plain
//! text input, read here.

use ratatui::crossterm::event::KeyEvent;

use super::*;
use crate::domain::Moment;

/// What is being chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choosing {
    Phase,
    EventKind,
    LearningKind,
    Area,
    ActionStatus,
    Priority,
    /// Which key moment the selected event's time becomes.
    Moment,
}

/// The open choice: what, for which row, and the values offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub what: Choosing,
    pub pane: Pane,
    pub row: usize,
    /// The labels, in the order their digits are given (1 first); a field
    /// that may be empty offers "none" last, on 0.
    pub options: Vec<&'static str>,
    /// Whether the last option is "none", taken by 0.
    pub none: bool,
    /// The value the item has now.
    pub current: Option<usize>,
}

impl Choice {
    pub fn title(&self) -> &'static str {
        match self.what {
            Choosing::Phase => "Phase",
            Choosing::EventKind | Choosing::LearningKind => "Kind",
            Choosing::Area => "Area",
            Choosing::ActionStatus => "Status",
            Choosing::Priority => "Priority",
            Choosing::Moment => "Make the event's time the moment",
        }
    }

    /// The key that takes option `i`: its digit, or 0 for "none".
    pub fn digit(&self, i: usize) -> char {
        if self.none && i + 1 == self.options.len() {
            '0'
        } else {
            char::from_digit((i as u32 + 1) % 10, 10).unwrap_or(' ')
        }
    }

    /// The initial that takes option `i`, when no other option starts
    /// with the same letter.
    pub fn initial(&self, i: usize) -> Option<char> {
        let first = |o: &str| o.chars().next().map(|c| c.to_ascii_lowercase());
        let c = first(self.options.get(i)?)?;
        let same = self.options.iter().filter(|o| first(o) == Some(c)).count();
        (same == 1 && !(self.none && i + 1 == self.options.len())).then_some(c)
    }

    /// The option a typed character takes.
    pub fn taken_by(&self, c: char) -> Option<usize> {
        let c = c.to_ascii_lowercase();
        (0..self.options.len()).find(|i| self.digit(*i) == c || self.initial(*i) == Some(c))
    }
}

/// Opens the choice for `what` on the selected row of the focused pane.
pub fn open(app: &mut App, what: Choosing) -> Vec<Effect> {
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    let pane = ws.focus;
    let Some(row) = ws.selected(pane) else {
        app.info("Nothing selected: add an item first (a)");
        return Vec::new();
    };
    let r = &ws.review;
    let position = |all: Vec<&'static str>, now: Option<&str>| {
        now.and_then(|n| all.iter().position(|o| *o == n))
    };
    let (options, none, current): (Vec<&'static str>, bool, Option<usize>) = match what {
        Choosing::Phase => {
            let e = &r.timeline[row.min(r.timeline.len().saturating_sub(1))];
            let mut all = labels(Phase::ALL, Phase::label);
            all.push("none");
            let now = e.phase.map_or("none", Phase::label);
            (all.clone(), true, position(all, Some(now)))
        }
        Choosing::EventKind => {
            let e = &r.timeline[row.min(r.timeline.len().saturating_sub(1))];
            let all = labels(EventKind::ALL, EventKind::label);
            (all.clone(), false, position(all, Some(e.kind.label())))
        }
        Choosing::Moment => (labels(Moment::ALL, Moment::label), false, None),
        Choosing::LearningKind => {
            let all = labels(LearningKind::ALL, LearningKind::label);
            let now = r.learnings.get(row).map(|l| l.kind.label());
            (all.clone(), false, position(all, now))
        }
        Choosing::Area => {
            let all = labels(Area::ALL, Area::label);
            let now = r.factors.get(row).map(|f| f.area.label());
            (all.clone(), false, position(all, now))
        }
        Choosing::ActionStatus => {
            let all = labels(ActionStatus::ALL, ActionStatus::label);
            let now = r.actions.get(row).map(|a| a.status.label());
            (all.clone(), false, position(all, now))
        }
        Choosing::Priority => {
            let mut all = labels(Priority::ALL, Priority::label);
            all.push("none");
            let now = r
                .actions
                .get(row)
                .map(|a| a.priority.map_or("none", Priority::label));
            (all.clone(), true, position(all, now))
        }
    };
    app.overlays.push(Overlay::Choose(Choice {
        what,
        pane,
        row,
        options,
        none,
        current,
    }));
    Vec::new()
}

/// A key while a choice is open.
pub fn key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Some(Overlay::Choose(choice)) = app.overlays.last() else {
        return Vec::new();
    };
    let choice = choice.clone();
    let taken = match command {
        Some(CommandId::ChooseCancel) => {
            app.overlays.pop();
            return Vec::new();
        }
        Some(CommandId::Help) => {
            super::super::overlays::help(app);
            return Vec::new();
        }
        Some(CommandId::ChooseNext) => Some(
            choice
                .current
                .map_or(0, |i| (i + 1) % choice.options.len().max(1)),
        ),
        _ => match crate::app::form::typed_char(key) {
            Some(c) => {
                let taken = choice.taken_by(c);
                if taken.is_none() {
                    app.warn(format!(
                        "'{c}' takes no {}: a digit or an initial shown, or Esc",
                        choice.title().to_lowercase()
                    ));
                }
                taken
            }
            _ => None,
        },
    };
    let Some(i) = taken else { return Vec::new() };
    app.overlays.pop();
    apply(app, &choice, i)
}

/// Gives the chosen row the option `i`.
fn apply(app: &mut App, choice: &Choice, i: usize) -> Vec<Effect> {
    let label = choice.options.get(i).copied().unwrap_or_default();
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    if choice.what == Choosing::Moment {
        let Some(event) = ws.review.timeline.get(choice.row) else {
            return Vec::new();
        };
        let (at, time) = (event.at, local_time(&ws.review, event.at));
        let Some(moment) = Moment::ALL.get(i).copied() else {
            return Vec::new();
        };
        let _ = change_head(ws, |r| {
            r.moments.set(moment, Some(at));
            Ok(())
        });
        app.info(format!(
            "{} at {time}, the event's time",
            capital(moment.describe())
        ));
        return vec![Effect::Save];
    }
    let Some(before) = item_at(&ws.review, choice.pane, choice.row) else {
        return Vec::new();
    };
    let mut after = before.clone();
    match (&mut after, choice.what) {
        (Item::Event(e), Choosing::Phase) => e.phase = label.parse().ok(),
        (Item::Event(e), Choosing::EventKind) => e.kind = label.parse().unwrap_or(e.kind),
        (Item::Learning(l), Choosing::LearningKind) => l.kind = label.parse().unwrap_or(l.kind),
        (Item::Factor(f), Choosing::Area) => f.area = label.parse().unwrap_or(f.area),
        (Item::Action(a), Choosing::ActionStatus) => {
            a.status = label.parse().unwrap_or(a.status);
        }
        (Item::Action(a), Choosing::Priority) => a.priority = label.parse().ok(),
        _ => return Vec::new(),
    }
    if after == before {
        app.info(format!("{}: {label} already", choice.title()));
        return Vec::new();
    }
    commit(
        ws,
        Edit::Item {
            before: Some((choice.row, before)),
            after: Some((choice.row, after)),
        },
    );
    app.info(format!("{}: {label}", choice.title()));
    vec![Effect::Save]
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
