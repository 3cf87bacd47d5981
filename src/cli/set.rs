//! `debrief set`: a field of a review, or of one of its action items,
//! changed from the command line under the review's lock.

use chrono::Utc;

use super::CliError;
use super::edit::edit;
use crate::domain::checks::blockers;
use crate::domain::reframe::note_summary;
use crate::domain::{Check, Coach, Field, ItemId, Metrics, Review, Status, Text, parse_due};
use crate::store::Store;

/// How `set status published` treats a review that is not ready.
pub(super) struct Publishing<'a> {
    /// The coach: whose open flags count, and who hears what a new text
    /// of the summary reframed.
    pub coach: &'a Coach,
    /// Publish anyway.
    pub anyway: bool,
}

pub(super) fn set(
    store: &Store,
    user: &str,
    spec: &str,
    field: Field,
    value: &str,
    publishing: &Publishing<'_>,
) -> Result<(), CliError> {
    let ((), review) = edit(store, spec, |r| {
        let before = r.status;
        let summary = r.summary.clone();
        r.set_field(field, value)?;
        note_summary(publishing.coach, &summary, &mut r.summary);
        if before != Status::Published && r.status == Status::Published && !publishing.anyway {
            let blockers = blockers(r, &Metrics::compute(r), publishing.coach);
            if !blockers.is_empty() {
                let list: Vec<String> = blockers
                    .iter()
                    .map(|b| b.message(r, publishing.coach))
                    .collect();
                return Err(CliError::Input(format!(
                    "{} is not ready to publish ({} to look at): {}. Fix them, or publish anyway with --yes",
                    r.id,
                    blockers.len(),
                    list.join("; ")
                )));
            }
        }
        r.note_status_change(before, user, Utc::now());
        Ok(())
    })?;
    let shown = match field.moment().and_then(|m| review.moments.get(m)) {
        Some(at) => review
            .offset
            .local(at)
            .format("%Y-%m-%d %H:%M:%S %:z")
            .to_string(),
        None => saved_value(&review, field).unwrap_or_else(|| match value.trim() {
            "" => "(cleared)".to_owned(),
            v => v.to_owned(),
        }),
    };
    say!("{}: {} = {shown}", review.id, field);
    for check in Check::all(&review, &Metrics::compute(&review)) {
        if matches!(check, Check::MomentsOutOfOrder { .. }) {
            say!("warning: {}", check.message(&review));
        }
    }
    Ok(())
}

/// A list field as it was saved (`x, #Y` is saved as `x, y`; an empty
/// list as "(cleared)"); `None` for a field shown as it was typed.
fn saved_value(review: &Review, field: Field) -> Option<String> {
    let list = |items: &[Text]| -> String {
        if items.is_empty() {
            "(cleared)".to_owned()
        } else {
            items
                .iter()
                .map(Text::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    match field {
        Field::Tags => Some(list(&review.tags)),
        Field::Incidents => Some(list(&review.incidents)),
        Field::Services => Some(list(&review.summary.services)),
        _ => None,
    }
}

/// What `debrief set` changes: a field of the review, or an action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Field(Field),
    /// `action N status|ticket|owner|due VALUE`.
    Action,
}

impl std::str::FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Target, String> {
        if s.trim().eq_ignore_ascii_case("action") {
            return Ok(Target::Action);
        }
        s.parse::<Field>()
            .map(Target::Field)
            .map_err(|e| format!("{e}, or action N status|ticket|owner|due VALUE"))
    }
}

/// `debrief set REVIEW action N FIELD VALUE`: the status, ticket, owner or
/// due date of the action item numbered N (an empty VALUE clears a
/// ticket, an owner or a due date).
pub(super) fn set_action(store: &Store, spec: &str, words: &[String]) -> Result<(), CliError> {
    let usage = "set REVIEW action N status|ticket|owner|due VALUE";
    let [number, field, value @ ..] = words else {
        return Err(CliError::Input(format!(
            "give the item and what to set: {usage}"
        )));
    };
    let number: u64 = number
        .trim_start_matches('#')
        .parse()
        .map_err(|_| CliError::Input(format!("{number:?} is not an item number: {usage}")))?;
    let value = value.join(" ");
    let field = field.to_ascii_lowercase();
    let ((), review) = edit(store, spec, |r| {
        let today = r.offset.local(Utc::now()).date_naive();
        let Some(action) = r.actions.iter_mut().find(|a| a.id == ItemId(number)) else {
            let known: Vec<String> = r.actions.iter().map(|a| a.id.to_string()).collect();
            return Err(CliError::Input(format!(
                "{} has no action item #{number} (its action items: {})",
                r.id,
                if known.is_empty() {
                    "none".into()
                } else {
                    known.join(", ")
                }
            )));
        };
        let given = || Text::trimmed(&value);
        match field.as_str() {
            "status" => action.status = value.parse()?,
            "ticket" => action.ticket = Some(given()).filter(|t| !t.is_empty()),
            "owner" => action.owner = Some(given()).filter(|t| !t.is_empty()),
            "due" if value.trim().is_empty() => action.due = None,
            "due" => action.due = Some(parse_due(&value, today)?),
            other => {
                return Err(CliError::Input(format!(
                    "an action item has no field {other:?}: {usage}"
                )));
            }
        }
        Ok(())
    })?;
    let shown = if value.trim().is_empty() {
        "(cleared)".into()
    } else {
        value.trim().to_owned()
    };
    say!("{}: action #{number} {field} = {shown}", review.id);
    Ok(())
}
