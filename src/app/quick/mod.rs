//! The quick review: a minor incident written up alone, in five short
//! steps on one screen (what happened, the key moments, what went well
//! and what to improve, one to three action items, a short public
//! summary and the export).
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
mod editor;
mod keys;
mod messages;
mod offers;
mod state;

pub use editor::{Editor, Pos, View};
pub use messages::exported;
pub use state::Quick;

use super::action::Effect;
use super::state::{App, Overlay};
use crate::domain::Review;
pub use crate::domain::quick::{
    Checked, MOMENTS, QuickAction, action_line, base_date, check_actions, check_events,
    event_lines, parse_action,
};

/// A key in the quick review (see [`keys::key`]); a message about what a
/// step left unread is brought up to date after it.
pub fn key(
    app: &mut App,
    command: Option<super::commands::CommandId>,
    key: ratatui::crossterm::event::KeyEvent,
) -> Vec<Effect> {
    let effects = keys::key(app, command, key);
    messages::restate(app);
    effects
}

/// Pasted text in the quick review (see [`keys::paste`]).
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let effects = keys::paste(app, text);
    messages::restate(app);
    effects
}

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
    /// The public summary in short (a few sentences, the customer
    /// impact), then export the reports.
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
            Step::Export => "Public summary and export",
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

    /// How many fields the step has.
    pub fn fields(self) -> usize {
        match self {
            Step::Happened | Step::Actions => 1,
            Step::Moments => MOMENTS.len(),
            Step::Learnings | Step::Export => 2,
        }
    }

    /// The slots of the step's text areas.
    fn slots(self) -> std::ops::Range<usize> {
        match self {
            Step::Happened => EVENTS..EVENTS + 1,
            Step::Moments => FIRST_MOMENT..FIRST_MOMENT + MOMENTS.len(),
            Step::Learnings => WENT_WELL..IMPROVE + 1,
            Step::Actions => ACTIONS..ACTIONS + 1,
            Step::Export => SUMMARY..IMPACT + 1,
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

/// The texts, by slot: the timeline, the five moments, went well, to
/// improve, the action items, the public summary and customer impact.
const SLOTS: usize = 11;
const EVENTS: usize = 0;
const FIRST_MOMENT: usize = 1;
const WENT_WELL: usize = 6;
const IMPROVE: usize = 7;
const ACTIONS: usize = 8;
const SUMMARY: usize = 9;
const IMPACT: usize = 10;

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
    "Alert on login errors @gary due:fri",
    "Logins failed for some EU customers for 20 minutes; a rollback fixed it",
    "About a third of EU sign-ins failed",
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
    "Public summary",
    "Customer impact",
];

/// The text of `slot` holding `lines`, with the cursor at `cursor`
/// (row, column), or at the end.
fn new_area(slot: usize, lines: Vec<String>, cursor: Option<(usize, usize)>) -> Editor {
    let numbered = slot == EVENTS || slot == ACTIONS;
    let mut area = Editor::new(lines, PLACEHOLDERS[slot], numbered);
    if let Some(pos) = cursor {
        area.jump(pos);
    }
    area
}

/// The text of `slot` holding `value`, one line a line.
fn area_of(slot: usize, value: &str) -> Editor {
    new_area(slot, value.lines().map(str::to_owned).collect(), None)
}

fn text_of(area: &Editor) -> String {
    area.lines().join("\n")
}

/// Starts the quick review of `review`: each step shows what the review
/// already holds, and the first step has the focus. A due date such as
/// `due:friday` counts from the day the review was last changed.
pub fn start(review: &Review) -> Quick {
    Quick::new(review, review.offset.local(review.updated).date_naive())
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
    // A due date such as `due:friday` counts from today.
    let today = ws.review.offset.local(app.now).date_naive();
    let quick = Quick::new(&ws.review, today);
    app.overlays.push(Overlay::Quick(Box::new(quick)));
    // The status bar then has room for the flow's keys.
    app.message = None;
    Vec::new()
}

#[cfg(test)]
mod tests;
