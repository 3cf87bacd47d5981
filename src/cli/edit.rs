//! `debrief add`: items added to a review from the command line, under
//! the review's lock (which `debrief set` takes through [`edit`] too).

use std::io::{self, BufRead};

use chrono::Utc;
use clap::{Args, Subcommand};

use super::CliError;
use crate::domain::{
    ActionItem, ActionStatus, Area, Effect, Event, EventKind, Factor, Impact, Improves, ItemId,
    Learning, LearningKind, ParkingItem, Participant, Phase, Priority, Review, Role, Source, Text,
    parse_due, parse_quick_event, parse_time,
};
use crate::store::{self, Store};

#[derive(Debug, Args)]
pub struct AddArgs {
    /// A path, an id, or a unique prefix of an id
    pub review: String,
    #[command(subcommand)]
    pub item: AddItem,
}

/// `TEXT`, or `-` to read one item a line from standard input.
#[derive(Debug, Args)]
pub struct ItemText {
    /// The text, or - to read one item a line from standard input
    #[arg(allow_hyphen_values = true)]
    pub text: String,
}

#[derive(Debug, Subcommand)]
pub enum AddItem {
    /// A timeline event: "16:02 gary: saw the login page fail", or TEXT with --at
    Event {
        #[command(flatten)]
        text: ItemText,
        /// When it happened (16:02, 2026-11-23 16:02); the incident's date when none is given
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        actor: Option<String>,
        /// detection, triage, investigation, identification, remediation
        #[arg(long)]
        phase: Option<Phase>,
        /// Impact on recovery: positive (+), negative (-), neutral (0)
        #[arg(long, allow_hyphen_values = true, default_value = "unjudged")]
        impact: Impact,
        /// alert, observation, action, command, conversation, decision, status-page, escalation, other
        #[arg(long, default_value = "action")]
        kind: EventKind,
        /// Include in reports even when the timeline is long
        #[arg(long)]
        star: bool,
        /// Leave out of the public summary
        #[arg(long)]
        internal: bool,
        /// A link to a dashboard, log or chat message (repeatable)
        #[arg(long = "link", value_name = "URL")]
        links: Vec<String>,
    },
    /// A learning
    Learning {
        #[command(flatten)]
        text: ItemText,
        /// went-well, needs-improvement, lucky, surprise
        #[arg(long, default_value = "surprise")]
        kind: LearningKind,
        /// The number of a timeline event this learning comes from (repeatable)
        #[arg(long = "event", value_name = "N")]
        events: Vec<u64>,
        #[arg(long)]
        internal: bool,
    },
    /// A contributing factor (what helped or hurt; never "the cause")
    Factor {
        #[command(flatten)]
        text: ItemText,
        /// people, process or technology
        #[arg(long)]
        area: Area,
        /// It helped the response (default: it hurt)
        #[arg(long)]
        helped: bool,
        #[arg(long)]
        internal: bool,
    },
    /// An action item
    Action {
        #[command(flatten)]
        text: ItemText,
        #[arg(long)]
        owner: Option<String>,
        /// high, medium, low (or p1 to p3)
        #[arg(long)]
        priority: Option<Priority>,
        /// Due date: 2026-12-01, today, tomorrow, a weekday (fri), +3d or +2w
        #[arg(long)]
        due: Option<String>,
        /// know-sooner, recover-sooner, readiness
        #[arg(long)]
        improves: Option<Improves>,
        #[arg(long)]
        ticket: Option<String>,
        /// open, in-progress, done, wont-do
        #[arg(long, default_value = "open")]
        status: ActionStatus,
        #[arg(long)]
        internal: bool,
    },
    /// An idea for the parking lot
    Parking {
        #[command(flatten)]
        text: ItemText,
    },
    /// A participant (TEXT is the name)
    Participant {
        #[command(flatten)]
        text: ItemText,
        /// first-responder, escalation-responder, incident-commander, facilitator,
        /// stakeholder, customer-voice, other
        #[arg(long, default_value = "other")]
        role: Role,
    },
}

/// Locks the review, applies `change`, stamps and saves it. If `change`
/// fails, nothing is written.
pub(super) fn edit<T>(
    store: &Store,
    spec: &str,
    change: impl FnOnce(&mut Review) -> Result<T, CliError>,
) -> Result<(T, Review), CliError> {
    let path = store.resolve(spec)?;
    let (mut review, lock) = store::open_for_writing(&path)?;
    let out = change(&mut review)?;
    review.updated = Utc::now();
    lock.save(&review)?;
    Ok((out, review))
}

/// The texts to add: the one given, or one a line from standard input,
/// each with where it came from for error messages.
fn texts(text: &ItemText) -> Result<(Vec<(String, String)>, bool), CliError> {
    if text.text != "-" {
        return Ok((vec![("the text".into(), text.text.clone())], false));
    }
    let mut lines = Vec::new();
    let input =
        store::read::read_capped(io::stdin().lock(), store::read::MAX_INPUT, "standard input")
            .map_err(|e| CliError::Input(e.to_string()))?;
    for (n, line) in input.lines().enumerate() {
        let line =
            line.map_err(|e| CliError::Input(format!("could not read standard input: {e}")))?;
        if !line.trim().is_empty() {
            lines.push((format!("standard input line {}", n + 1), line));
        }
    }
    if lines.is_empty() {
        return Err(CliError::Input("standard input held no item to add".into()));
    }
    Ok((lines, true))
}

fn required(what: &str, text: &str) -> Result<Text, CliError> {
    let t = Text::trimmed(text);
    if t.is_empty() {
        Err(CliError::Input(format!("{what} is empty")))
    } else {
        Ok(t)
    }
}

pub(super) fn add(store: &Store, args: AddArgs) -> Result<Vec<ItemId>, CliError> {
    let item = &args.item;
    let (AddItem::Event { text, .. }
    | AddItem::Learning { text, .. }
    | AddItem::Factor { text, .. }
    | AddItem::Action { text, .. }
    | AddItem::Parking { text }
    | AddItem::Participant { text, .. }) = item;
    // Read standard input before taking the lock, so a slow pipe never
    // holds the review.
    let (lines, piped) = texts(text)?;
    let (ids, review) = edit(store, &args.review, |review| {
        let mut added = Vec::new();
        let mut staged = review.clone();
        for (origin, line) in &lines {
            let id = add_one(&mut staged, item, line, piped).map_err(|f| match f {
                Fault::Text(e) => CliError::Input(format!("{origin}: {e}")),
                Fault::Option(e) => e,
            })?;
            added.extend(id);
        }
        *review = staged;
        Ok(added)
    })?;
    let noun = match item {
        AddItem::Event { .. } => "event",
        AddItem::Learning { .. } => "learning",
        AddItem::Factor { .. } => "factor",
        AddItem::Action { .. } => "action item",
        AddItem::Parking { .. } => "parking lot item",
        AddItem::Participant { .. } => "participant",
    };
    let plural = if lines.len() == 1 { "" } else { "s" };
    say!("added {} {noun}{plural} to {}", lines.len(), review.id);
    Ok(ids)
}

/// What is wrong with an item being added: its text (said with where the
/// text came from), or an option (which names itself).
enum Fault {
    Text(CliError),
    Option(CliError),
}

impl<E: Into<CliError>> From<E> for Fault {
    fn from(e: E) -> Fault {
        Fault::Text(e.into())
    }
}

/// An error about the option `name`.
fn option(name: &str, e: impl std::fmt::Display) -> Fault {
    Fault::Option(CliError::Input(format!("{name}: {e}")))
}

/// Adds one item; returns its number (participants have none).
fn add_one(
    review: &mut Review,
    item: &AddItem,
    line: &str,
    piped: bool,
) -> Result<Option<ItemId>, Fault> {
    let id = match item {
        AddItem::Event {
            at,
            actor,
            phase,
            impact,
            kind,
            star,
            internal,
            links,
            ..
        } => {
            let source = if piped {
                Source::Imported
            } else {
                Source::CommandLine
            };
            let date = review.incident_date();
            let mut event = match at {
                Some(at) => {
                    let mut e = Event::new(
                        parse_time(at, date, review.offset).map_err(|e| option("--at", e))?,
                        required("the text", line)?,
                        source,
                    );
                    e.actor = actor.as_deref().map(Text::trimmed);
                    e
                }
                None => {
                    let q = parse_quick_event(line, date, review.offset).map_err(|e| {
                        CliError::Input(format!("{e}; an event starts with its time, like \"16:02 gary: saw the login page fail\", or give --at"))
                    })?;
                    let mut e = Event::new(q.at, required("the text", q.text)?, source);
                    e.actor = q.actor.or(actor.as_deref()).map(Text::trimmed);
                    e
                }
            };
            event.actor = event.actor.filter(|a| !a.is_empty());
            event.phase = *phase;
            event.impact = *impact;
            event.kind = *kind;
            event.starred = *star;
            event.internal = *internal;
            event.links = links.iter().map(Text::trimmed).collect();
            review.add_event(event)
        }
        AddItem::Learning {
            kind,
            events,
            internal,
            ..
        } => {
            let mut learning = Learning::new(*kind, required("the text", line)?);
            for n in events {
                let id = ItemId(*n);
                if review.event(id).is_none() {
                    return Err(option(
                        &format!("--event {n}"),
                        format!("there is no timeline event {id} to link to"),
                    ));
                }
                learning.events.push(id);
            }
            learning.internal = *internal;
            review.add_learning(learning)
        }
        AddItem::Factor {
            area,
            helped,
            internal,
            ..
        } => {
            let effect = if *helped {
                Effect::Helped
            } else {
                Effect::Hurt
            };
            let mut factor = Factor::new(required("the text", line)?, effect, *area);
            factor.internal = *internal;
            review.add_factor(factor)
        }
        AddItem::Action {
            owner,
            priority,
            due,
            improves,
            ticket,
            status,
            internal,
            ..
        } => {
            let mut action = ActionItem::new(required("the text", line)?);
            action.owner = owner
                .as_deref()
                .map(Text::trimmed)
                .filter(|t| !t.is_empty());
            action.priority = *priority;
            let today = review.offset.local(Utc::now()).date_naive();
            action.due = due
                .as_deref()
                .map(|d| parse_due(d, today))
                .transpose()
                .map_err(|e| option("--due", e))?;
            action.improves = *improves;
            action.ticket = ticket
                .as_deref()
                .map(Text::trimmed)
                .filter(|t| !t.is_empty());
            action.status = *status;
            action.internal = *internal;
            review.add_action(action)
        }
        AddItem::Parking { .. } => {
            review.add_parking(ParkingItem::new(required("the text", line)?))
        }
        AddItem::Participant { role, .. } => {
            review.participants.push(Participant {
                name: required("the name", line)?,
                role: *role,
            });
            return Ok(None);
        }
    };
    Ok(Some(id))
}
