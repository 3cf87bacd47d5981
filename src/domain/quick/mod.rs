//! The quick review's text, as data: the line language of each step
//! ([`lines`]), the pairing of a text's lines with the items it was read
//! against ([`pairing`]), and the reading of a text, whole or again after
//! an edit ([`reading`], [`readers`]). No terminal and no text area: the
//! lines come in as strings.

pub mod ends;
pub mod lines;
pub mod pairing;
pub mod readers;
pub mod reading;

#[cfg(test)]
mod tests;

pub use ends::{Ends, Window};
pub use lines::{
    MOMENTS, QuickAction, action_line, base_date, event_lines, moment_texts, one_line,
    parse_action, read_moment,
};
pub use readers::{
    ActionReading, Actions, EventReading, Events, LearningReading, Learnings, Origin,
    check_actions, check_events, read_actions, read_events, read_learnings,
};
pub use reading::{Checked, Reader, Reading, read_all};
