//! How each step's lines read against the review: timeline events (a
//! time alone falls on the date of the line before), action items and
//! learnings.

use chrono::NaiveDate;

use super::lines::time_error;
use super::lines::{after_time, base_date, event_line_at, local_date, one_line, parse_action};
use super::reading::{Checked, Reader, Reading};
use crate::domain::{
    ActionItem, Event, ItemId, Learning, LearningKind, Priority, Review, Source, Text,
    parse_quick_event, parse_tags,
};

/// The items a text stood for when last applied, in the order of its
/// lines, each with its line as it was then.
pub type Origin = Vec<(String, ItemId)>;

/// A timeline text, read.
pub type EventReading = Reading<Event, NaiveDate>;
/// An action items text, read.
pub type ActionReading = Reading<ActionItem, ()>;
/// A learnings text, read.
pub type LearningReading = Reading<Learning, ()>;

/// Reads timeline lines: a time alone falls on the date of the line
/// before.
pub struct Events<'a>(pub &'a Review);

/// Reads action item lines, a due date counted from the day given
/// (today).
pub struct Actions<'a>(pub &'a Review, pub NaiveDate);

/// Reads the lines of learnings of one kind.
pub struct Learnings<'a>(pub &'a Review, pub LearningKind);

impl Reader for Events<'_> {
    type Item = Event;
    type Carry = NaiveDate;

    fn trim(&self, raw: &str) -> String {
        Text::trimmed(raw).into_string()
    }

    fn kept(&self, item: usize, _: NaiveDate) -> NaiveDate {
        local_date(self.0, self.0.timeline[item].at)
    }

    fn read(
        &self,
        line: &str,
        item: Option<(usize, &str)>,
        date: NaiveDate,
    ) -> (Checked<Event>, NaiveDate) {
        let review = self.0;
        match parse_quick_event(line, date, review.offset) {
            Ok(q) if q.text.trim().is_empty() => (
                Checked::Bad("write what happened after the time".into()),
                date,
            ),
            Ok(q) => {
                let date = local_date(review, q.at);
                // Tags at the end give the kind and the phase, as in the
                // workspace's quick entry; they are not part of the text.
                let tagged = match parse_tags(q.text) {
                    Ok(t) if t.text.is_empty() => {
                        return (
                            Checked::Bad("write what happened before the tags".into()),
                            date,
                        );
                    }
                    Ok(t) => t,
                    Err(e) => return (Checked::Bad(e), date),
                };
                let text = Text::trimmed(tagged.text);
                let actor = q.actor.map(Text::trimmed).filter(|a| !a.is_empty());
                let check = match item {
                    Some((i, was)) => {
                        let mut event = review.timeline[i].clone();
                        event.at = q.at;
                        // Who and what read back as they were shown when only
                        // the time changed: a line does not always tell them
                        // apart the same way twice.
                        let same = after_time(line, date, review.offset)
                            .is_some_and(|rest| after_time(was, date, review.offset) == Some(rest));
                        if !same {
                            event.actor = actor;
                            event.text = text;
                        }
                        event.kind = tagged.kind.unwrap_or(event.kind);
                        event.phase = tagged.phase.or(event.phase);
                        Checked::Changed(i, Box::new(event))
                    }
                    None => {
                        let mut event = Event::new(q.at, text, Source::Typed);
                        event.actor = actor;
                        event.kind = tagged.kind.unwrap_or(event.kind);
                        event.phase = tagged.phase;
                        Checked::New(Box::new(event))
                    }
                };
                (check, date)
            }
            Err(e) => (Checked::Bad(time_error(&e)), date),
        }
    }
}

impl Reader for Actions<'_> {
    type Item = ActionItem;
    type Carry = ();

    fn trim(&self, raw: &str) -> String {
        Text::trimmed(raw).into_string()
    }

    fn kept(&self, _: usize, (): ()) {}

    fn read(&self, line: &str, item: Option<(usize, &str)>, (): ()) -> (Checked<ActionItem>, ()) {
        let check = match parse_action(line, self.1) {
            Ok(a) => match item {
                Some((i, _)) => {
                    let mut action = self.0.actions[i].clone();
                    action.text = a.text;
                    action.owner = a.owner;
                    // No priority shown reads as medium: an item without
                    // one keeps none until one is typed.
                    if action.priority.is_some() || a.priority != Priority::Medium {
                        action.priority = Some(a.priority);
                    }
                    action.due = a.due;
                    Checked::Changed(i, Box::new(action))
                }
                None => {
                    let mut action = ActionItem::new(a.text);
                    action.owner = a.owner;
                    action.priority = Some(a.priority);
                    action.due = a.due;
                    Checked::New(Box::new(action))
                }
            },
            Err(e) => Checked::Bad(e),
        };
        (check, ())
    }
}

impl Reader for Learnings<'_> {
    type Item = Learning;
    type Carry = ();

    fn trim(&self, raw: &str) -> String {
        Text::trimmed(one_line(raw)).into_string()
    }

    fn kept(&self, _: usize, (): ()) {}

    fn read(&self, line: &str, item: Option<(usize, &str)>, (): ()) -> (Checked<Learning>, ()) {
        let check = match item {
            Some((i, _)) => {
                let mut learning = self.0.learnings[i].clone();
                learning.text = Text::trimmed(line);
                Checked::Changed(i, Box::new(learning))
            }
            None => Checked::New(Box::new(Learning::new(self.1, Text::trimmed(line)))),
        };
        (check, ())
    }
}

/// The timeline lines read against the review: the items are those the
/// text stood for (`origin`), then the other events as their lines show
/// them. The first line is read after [`base_date`].
pub fn read_events(review: &Review, origin: &[(String, ItemId)], raw: &[String]) -> EventReading {
    let items: Vec<(usize, ItemId)> = review.timeline.iter().map(|e| e.id).enumerate().collect();
    let base = base_date(review);
    let old = super::pairing::shown(origin, &items, |i| event_line_at(review, i, base));
    Reading::new(&Events(review), old, base, raw)
}

/// The action item lines read against the review's action items, a due
/// date such as `due:friday` counted from `today`.
pub fn read_actions(
    review: &Review,
    today: NaiveDate,
    origin: &[(String, ItemId)],
    raw: &[String],
) -> ActionReading {
    let items: Vec<(usize, ItemId)> = review.actions.iter().map(|a| a.id).enumerate().collect();
    let old = super::pairing::shown(origin, &items, |i| {
        super::lines::action_line(&review.actions[i])
    });
    Reading::new(&Actions(review, today), old, (), raw)
}

/// The lines of learnings of `kind` read against the review's learnings
/// of that kind.
pub fn read_learnings(
    review: &Review,
    kind: LearningKind,
    origin: &[(String, ItemId)],
    raw: &[String],
) -> LearningReading {
    let items: Vec<(usize, ItemId)> = review
        .learnings
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == kind)
        .map(|(i, l)| (i, l.id))
        .collect();
    let old = super::pairing::shown(origin, &items, |i| one_line(&review.learnings[i].text));
    Reading::new(&Learnings(review, kind), old, (), raw)
}

/// Reads each timeline line against the review, as new lines: a time
/// alone falls on the date of the line before (the first line:
/// [`base_date`]).
pub fn check_events(review: &Review, lines: &[String]) -> Vec<Checked<Event>> {
    read_events(review, &[], lines).checks().to_vec()
}

/// Reads each action item line against the review.
pub fn check_actions(
    review: &Review,
    today: NaiveDate,
    lines: &[String],
) -> Vec<Checked<ActionItem>> {
    read_actions(review, today, &[], lines).checks().to_vec()
}
