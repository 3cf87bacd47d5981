//! The quick review: a minor incident written up alone, in five short
//! steps on one screen (what happened, the key moments, what went well
//! and what to improve, one to three action items, export).
//!
//! Each step's text is applied to the review as the user leaves the step,
//! through the same history as every other change, so that undo works and
//! the review is saved. Each step shows what the review holds, as text: a
//! line left as it was leaves its item untouched; a line changed changes
//! only what the line says of its item (an event's time, who and what; an
//! action item's text, owner and priority; a learning's text), and the
//! item keeps its number and everything else; a line added becomes a new
//! item, and a line deleted removes its item. A line that cannot be read
//! (a timeline line without a time, an action item without a text) stays
//! in the text with its error; if the flow is closed with such a line, the
//! line goes to the parking lot.
//!
//! Once a step is applied, the texts are shown again as the review holds
//! them, so that a time alone always reads as the day it stands for, even
//! when the day a time alone falls on has moved.
//!
//! The line language and the reading of the lines are in
//! [`crate::domain::quick`]; here are the overlay's state ([`Quick`]: the
//! text areas, the step, the field, and each text as read, kept up to date
//! as it is edited), the keys ([`keys`]) and the applying of a step
//! ([`apply`]).

mod apply;
mod keys;
mod state;

pub use keys::{key, paste};
pub use state::Quick;

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::action::Effect;
use super::state::{App, Overlay};
use crate::domain::Review;
pub use crate::domain::quick::{
    Checked, MOMENTS, QuickAction, action_line, base_date, check_actions, check_events,
    event_lines, parse_action,
};

/// The most action items a quick review asks for: the few that matter.
pub const MAX_ACTIONS: usize = 3;

/// The steps of the quick review, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A few timeline lines, one event a line.
    Happened,
    /// Impact started, detected, acknowledged, mitigated, resolved.
    Moments,
    /// What went well and what to improve, one learning a line.
    Learnings,
    /// One to three action items, each with an owner.
    Actions,
    /// Export the reports.
    Export,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Happened,
        Step::Moments,
        Step::Learnings,
        Step::Actions,
        Step::Export,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Step::Happened => "What happened",
            Step::Moments => "Key moments",
            Step::Learnings => "Went well / to improve",
            Step::Actions => "Action items",
            Step::Export => "Export",
        }
    }

    /// The step's number, from 1.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Step {
        Step::ALL[self.number().min(Step::ALL.len() - 1)]
    }

    pub fn prev(self) -> Step {
        Step::ALL[self.number().saturating_sub(2)]
    }

    /// How many fields the step has; the export step has none.
    pub fn fields(self) -> usize {
        match self {
            Step::Happened | Step::Actions => 1,
            Step::Moments => MOMENTS.len(),
            Step::Learnings => 2,
            Step::Export => 0,
        }
    }

    /// The slots of the step's text areas.
    fn slots(self) -> std::ops::Range<usize> {
        match self {
            Step::Happened => EVENTS..EVENTS + 1,
            Step::Moments => FIRST_MOMENT..FIRST_MOMENT + MOMENTS.len(),
            Step::Learnings => WENT_WELL..IMPROVE + 1,
            Step::Actions => ACTIONS..ACTIONS + 1,
            Step::Export => 0..0,
        }
    }
}

/// The label of each key moment's field.
pub const MOMENT_LABELS: [&str; 5] = [
    "Impact started",
    "Detected",
    "Acknowledged",
    "Mitigated",
    "Resolved",
];

/// The text areas, by slot: the timeline, the five moments, went well,
/// to improve, the action items.
const SLOTS: usize = 9;
const EVENTS: usize = 0;
const FIRST_MOMENT: usize = 1;
const WENT_WELL: usize = 6;
const IMPROVE: usize = 7;
const ACTIONS: usize = 8;

/// The slots that take one item a line.
const LISTS: [usize; 4] = [EVENTS, WENT_WELL, IMPROVE, ACTIONS];

const PLACEHOLDERS: [&str; SLOTS] = [
    "16:02 gary: saw the login page fail",
    "",
    "",
    "optional",
    "",
    "",
    "Paging reached the right person within a minute",
    "Nothing alerted on the login errors",
    "Alert on login errors @gary",
];

const LABELS: [&str; SLOTS] = [
    "What happened",
    "Impact started",
    "Detected",
    "Acknowledged",
    "Mitigated",
    "Resolved",
    "Went well",
    "To improve",
    "Action items",
];

/// The text area of `slot` holding `lines`, with the cursor at `cursor`
/// (row, column), or at the end. Its looks are the screen's.
fn new_area(slot: usize, lines: Vec<String>, cursor: Option<(usize, usize)>) -> TextArea<'static> {
    let lines = if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    };
    let mut area = TextArea::new(lines);
    area.set_placeholder_text(PLACEHOLDERS[slot]);
    let numbered = slot == EVENTS || slot == ACTIONS;
    if !numbered {
        area.set_wrap_mode(WrapMode::Word);
    }
    crate::ui::quick::dress(&mut area, numbered);
    match cursor {
        Some((row, col)) => {
            let to = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
            area.move_cursor(CursorMove::Jump(to(row), to(col)));
        }
        None => {
            area.move_cursor(CursorMove::Bottom);
            area.move_cursor(CursorMove::End);
        }
    }
    area
}

/// The text area of `slot` holding `value`, one line a line.
fn area_of(slot: usize, value: &str) -> TextArea<'static> {
    new_area(slot, value.lines().map(str::to_owned).collect(), None)
}

fn text_of(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

/// Starts the quick review of `review`: each step shows what the review
/// already holds, and the first step has the focus.
pub fn start(review: &Review) -> Quick {
    Quick::new(review)
}

/// Opens the quick review over the workspace's review. A read-only
/// review is refused, with why.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    if let Some(why) = ws.read_only_reason() {
        app.warn(why);
        return Vec::new();
    }
    let quick = start(&ws.review);
    app.overlays.push(Overlay::Quick(Box::new(quick)));
    // The status bar then has room for the flow's keys.
    app.message = None;
    Vec::new()
}

#[cfg(test)]
mod tests;
