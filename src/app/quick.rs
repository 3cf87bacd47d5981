//! The quick review: a minor incident written up alone, in five short
//! steps on one screen (what happened, the key moments, what went well
//! and what to improve, one to three action items, export).
//!
//! Each step's text is applied to the review as the user leaves the step,
//! through the same history as every other change, so that undo works and
//! the review is saved. A step opened again shows what the review holds,
//! as text: a line left as it was leaves its item untouched, a line
//! changed or added becomes a new item, and a line deleted removes its
//! item. A line that cannot be read (a timeline line without a time, an
//! action item without a text) stays in the text with its error; if the
//! flow is closed with such a line, the line goes to the parking lot.

use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use super::action::Effect;
use super::commands::{CommandId, Scope};
use super::editing;
use super::history::{Edit, Item};
use super::state::{App, Overlay, Screen, Workspace};
use crate::domain::{
    ActionItem, Event, Learning, LearningKind, Moment, ParkingItem, Priority, Review, Source, Text,
    TimeError, parse_quick_event, parse_time,
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
}

/// The key moments, in the order they are asked for.
pub const MOMENTS: [Moment; 5] = [
    Moment::Started,
    Moment::Detected,
    Moment::Acknowledged,
    Moment::Mitigated,
    Moment::Resolved,
];

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

/// One line of a step's text, read against the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked<T> {
    /// An empty line.
    Blank,
    /// The line of an item the review holds (its index), unchanged.
    Kept(usize),
    /// A new item.
    New(T),
    /// A line that cannot be read, and why.
    Bad(String),
}

/// An action item as typed: `what to do @owner !priority`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickAction {
    pub text: Text,
    pub owner: Option<Text>,
    pub priority: Priority,
}

/// The state of the quick review overlay.
#[derive(Debug)]
pub struct Quick {
    pub step: Step,
    /// The focused field of the step.
    pub field: usize,
    /// One timeline event a line, in the quick form.
    pub events: TextArea<'static>,
    /// One time per key moment, in the order of [`MOMENTS`].
    pub moments: [TextArea<'static>; 5],
    pub went_well: TextArea<'static>,
    pub improve: TextArea<'static>,
    /// One action item a line.
    pub actions: TextArea<'static>,
    /// Why the time typed for a key moment was refused.
    pub moment_errors: [Option<String>; 5],
    /// The time offered for a key moment from the timeline, while the
    /// field still holds it.
    pub suggested: [Option<String>; 5],
    /// Each area's text when it was last applied to the review.
    applied: [String; SLOTS],
}

fn new_area(value: &str, placeholder: &str, numbered: bool) -> TextArea<'static> {
    let mut area = super::form::area(value);
    area.set_placeholder_text(placeholder);
    area.set_placeholder_style(Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC));
    if numbered {
        area.set_line_number_style(Style::new().add_modifier(Modifier::DIM));
    } else {
        area.set_wrap_mode(WrapMode::Word);
    }
    area
}

fn text_of(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

/// Starts the quick review of `review`: each step shows what the review
/// already holds, and the first step has the focus.
pub fn start(review: &Review) -> Quick {
    let learnings = |kind: LearningKind| {
        review
            .learnings
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| one_line(&l.text))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let actions: Vec<String> = review.actions.iter().map(action_line).collect();
    let moments = moment_texts(review);
    let mut q = Quick {
        step: Step::Happened,
        field: 0,
        events: new_area(
            &event_lines(review).join("\n"),
            "16:02 gary: saw the login page fail",
            true,
        ),
        moments: std::array::from_fn(|i| {
            new_area(&moments[i], if i == 2 { "optional" } else { "" }, false)
        }),
        went_well: new_area(
            &learnings(LearningKind::WentWell),
            "Paging reached the right person within a minute",
            false,
        ),
        improve: new_area(
            &learnings(LearningKind::NeedsImprovement),
            "Nothing alerted on the login errors",
            false,
        ),
        actions: new_area(&actions.join("\n"), "Alert on login errors @gary", true),
        moment_errors: Default::default(),
        suggested: Default::default(),
        applied: Default::default(),
    };
    for slot in 0..SLOTS {
        q.applied[slot] = text_of(q.slot(slot));
    }
    q
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

impl Quick {
    fn slot(&self, slot: usize) -> &TextArea<'static> {
        match slot {
            EVENTS => &self.events,
            WENT_WELL => &self.went_well,
            IMPROVE => &self.improve,
            ACTIONS => &self.actions,
            i => &self.moments[(i - FIRST_MOMENT).min(4)],
        }
    }

    fn slot_mut(&mut self, slot: usize) -> &mut TextArea<'static> {
        match slot {
            EVENTS => &mut self.events,
            WENT_WELL => &mut self.went_well,
            IMPROVE => &mut self.improve,
            ACTIONS => &mut self.actions,
            i => &mut self.moments[(i - FIRST_MOMENT).min(4)],
        }
    }

    /// The slots of a step's text areas.
    fn slots(step: Step) -> std::ops::Range<usize> {
        match step {
            Step::Happened => EVENTS..EVENTS + 1,
            Step::Moments => FIRST_MOMENT..FIRST_MOMENT + MOMENTS.len(),
            Step::Learnings => WENT_WELL..IMPROVE + 1,
            Step::Actions => ACTIONS..ACTIONS + 1,
            Step::Export => 0..0,
        }
    }

    /// The text area with the focus; none in the export step.
    pub fn focused(&self) -> Option<&TextArea<'static>> {
        let slots = Quick::slots(self.step);
        (!slots.is_empty()).then(|| self.slot(slots.start + self.field.min(slots.len() - 1)))
    }

    fn focused_mut(&mut self) -> Option<&mut TextArea<'static>> {
        let slots = Quick::slots(self.step);
        if slots.is_empty() {
            return None;
        }
        let slot = slots.start + self.field.min(slots.len() - 1);
        Some(self.slot_mut(slot))
    }

    /// Whether the focused text was changed since it was last applied:
    /// the line at the cursor may still be being typed.
    pub fn typing(&self) -> bool {
        let slots = Quick::slots(self.step);
        if slots.is_empty() {
            return false;
        }
        let slot = slots.start + self.field.min(slots.len() - 1);
        text_of(self.slot(slot)) != self.applied[slot]
    }

    /// Each timeline line, read against `review`.
    pub fn event_checks(&self, review: &Review) -> Vec<Checked<Event>> {
        check_events(review, self.events.lines())
    }

    /// Each action item line, read against `review`.
    pub fn action_checks(&self, review: &Review) -> Vec<Checked<ActionItem>> {
        check_actions(review, self.actions.lines())
    }

    /// The lines that cannot be filed yet: the step's label and the line.
    pub fn unfiled(&self, review: &Review) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (checks, slot) in [
            (bad_lines(&self.event_checks(review)), EVENTS),
            (bad_lines(&self.action_checks(review)), ACTIONS),
        ] {
            for i in checks {
                let line = self.slot(slot).lines().get(i).cloned().unwrap_or_default();
                out.push((LABELS[slot], line.trim().to_owned()));
            }
        }
        for (i, error) in self.moment_errors.iter().enumerate() {
            if error.is_some() {
                let text = text_of(&self.moments[i]);
                out.push((MOMENT_LABELS[i], text.trim().to_owned()));
            }
        }
        out
    }

    /// What is typed and not in the review yet, for the draft file that
    /// keeps it safe; empty when everything is in the review.
    pub fn draft(&self, review: &Review) -> String {
        let mut out = String::new();
        for (slot, (label, applied)) in LABELS.iter().zip(&self.applied).enumerate() {
            let text = text_of(self.slot(slot));
            let offered = Quick::slots(Step::Moments).contains(&slot)
                && self.suggested[slot - FIRST_MOMENT].as_deref() == Some(text.as_str());
            if text != *applied && !text.trim().is_empty() && !offered {
                out.push_str(&format!("{label}: {}\n", text.trim()));
            }
        }
        for (label, line) in self.unfiled(review) {
            out.push_str(&format!("{label} (not filed): {line}\n"));
        }
        if out.is_empty() {
            out
        } else {
            format!("Quick review\n{out}")
        }
    }

    fn draft_effect(&self, review: &Review) -> Effect {
        let draft = self.draft(review);
        if draft.is_empty() {
            Effect::ClearDraft
        } else {
            Effect::SaveDraft(draft)
        }
    }

    /// Offers the first event's time for "detected" and the last one's
    /// for "resolved", in fields left empty (or still holding an earlier
    /// offer).
    fn suggest(&mut self, review: &Review) {
        let (Some(first), Some(last)) = (review.timeline.first(), review.timeline.last()) else {
            return;
        };
        let date = base_date(review);
        let mut offers = vec![(1, first.at)];
        if review.timeline.len() > 1 {
            offers.push((4, last.at));
        }
        for (i, at) in offers {
            let text = text_of(&self.moments[i]);
            let untouched = self.suggested[i].as_deref() == Some(text.as_str());
            if review.moments.get(MOMENTS[i]).is_none() && (text.is_empty() || untouched) {
                let offer = clock(review, at, date);
                self.moments[i] = new_area(&offer, "", false);
                self.suggested[i] = Some(offer);
            }
        }
    }
}

fn bad_lines<T>(checks: &[Checked<T>]) -> Vec<usize> {
    checks
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Checked::Bad(_)))
        .map(|(i, _)| i)
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The day a time typed alone falls on: that of the earliest key moment
/// or event, else the day the review was created, in the review's offset.
pub fn base_date(review: &Review) -> NaiveDate {
    let first_event = review.timeline.iter().map(|e| e.at).min();
    let anchor = [review.moments.earliest(), first_event]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(review.created);
    review.offset.local(anchor).date_naive()
}

/// `at` in the review's offset: the time alone when it falls on `date`,
/// else with its date; seconds only when there are some.
fn clock(review: &Review, at: DateTime<Utc>, date: NaiveDate) -> String {
    let local = review.offset.local(at);
    let time = if local.second() == 0 {
        "%H:%M"
    } else {
        "%H:%M:%S"
    };
    if local.date_naive() == date {
        local.format(time).to_string()
    } else {
        local.format(&format!("%Y-%m-%d {time}")).to_string()
    }
}

fn local_date(review: &Review, at: DateTime<Utc>) -> NaiveDate {
    review.offset.local(at).date_naive()
}

/// The review's timeline in the quick form, one event a line; a line
/// gives its date when it is not that of the line before.
pub fn event_lines(review: &Review) -> Vec<String> {
    let mut date = base_date(review);
    review
        .timeline
        .iter()
        .map(|e| {
            let at = clock(review, e.at, date);
            date = local_date(review, e.at);
            match &e.actor {
                Some(who) => format!("{at} {}: {}", one_line(who), one_line(&e.text)),
                None => format!("{at} {}", one_line(&e.text)),
            }
        })
        .collect()
}

/// The key moments as they are typed; a time gives its date when it is
/// not that of the moment before.
fn moment_texts(review: &Review) -> [String; 5] {
    let mut date = base_date(review);
    MOMENTS.map(|m| match review.moments.get(m) {
        Some(at) => {
            let text = clock(review, at, date);
            date = local_date(review, at);
            text
        }
        None => String::new(),
    })
}

/// An action item as a line of the quick form: the text, then the owner
/// after an @, then the priority when it is not medium.
pub fn action_line(a: &ActionItem) -> String {
    let mut line = one_line(&a.text);
    if let Some(owner) = a.owner.as_ref().filter(|o| !o.trim().is_empty()) {
        line.push_str(&format!(" @{}", one_line(owner)));
    }
    match a.priority {
        Some(Priority::High) => line.push_str(" !high"),
        Some(Priority::Low) => line.push_str(" !low"),
        Some(Priority::Medium) | None => {}
    }
    line
}

/// Reads `what to do @owner !priority`: the owner is what follows the
/// last word that starts with @; a word `!high`, `!medium` or `!low`
/// (or `!p1`–`!p3`) sets the priority, which is medium otherwise.
pub fn parse_action(line: &str) -> Result<QuickAction, String> {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let mut priority = Priority::Medium;
    if let Some(i) = words.iter().rposition(|w| {
        w.strip_prefix('!')
            .is_some_and(|p| p.parse::<Priority>().is_ok())
    }) {
        priority = words[i][1..].parse().unwrap_or(Priority::Medium);
        words.remove(i);
    }
    let at = words
        .iter()
        .rposition(|w| w.len() > 1 && w.starts_with('@'));
    let (text, owner) = match at {
        Some(i) => (
            words[..i].join(" "),
            Some(Text::trimmed(&words[i..].join(" ")[1..])),
        ),
        None => (words.join(" "), None),
    };
    let text = Text::trimmed(text);
    if text.is_empty() {
        return Err("write what is to be done before the @owner".into());
    }
    Ok(QuickAction {
        text,
        owner,
        priority,
    })
}

/// Matches lines to the items they stand for: each item's line is used
/// once, in order.
struct Pool<'a> {
    lines: HashMap<&'a str, VecDeque<usize>>,
}

impl<'a> Pool<'a> {
    fn new(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Pool<'a> {
        let mut map: HashMap<&str, VecDeque<usize>> = HashMap::new();
        for (i, line) in lines {
            map.entry(line).or_default().push_back(i);
        }
        Pool { lines: map }
    }

    fn take(&mut self, line: &str) -> Option<usize> {
        self.lines.get_mut(line).and_then(VecDeque::pop_front)
    }
}

fn time_error(e: &TimeError) -> String {
    match e {
        TimeError::BadTime(word) => {
            format!("'{word}' is not a time: start the line with 16:02 or 2026-11-23 16:02")
        }
        other => other.to_string(),
    }
}

/// Reads each timeline line against the review. A time alone falls on
/// the date of the line before (the first line: [`base_date`]).
pub fn check_events(review: &Review, lines: &[String]) -> Vec<Checked<Event>> {
    let existing = event_lines(review);
    let mut pool = Pool::new(existing.iter().map(String::as_str).enumerate());
    let mut date = base_date(review);
    lines
        .iter()
        .map(|line| {
            let line = Text::trimmed(line);
            if line.is_empty() {
                return Checked::Blank;
            }
            if let Some(i) = pool.take(line.as_str()) {
                date = local_date(review, review.timeline[i].at);
                return Checked::Kept(i);
            }
            match parse_quick_event(line.as_str(), date, review.offset) {
                Ok(q) if q.text.trim().is_empty() => {
                    Checked::Bad("write what happened after the time".into())
                }
                Ok(q) => {
                    date = local_date(review, q.at);
                    let mut event = Event::new(q.at, Text::trimmed(q.text), Source::Typed);
                    event.actor = q.actor.map(Text::trimmed).filter(|a| !a.is_empty());
                    Checked::New(event)
                }
                Err(e) => Checked::Bad(time_error(&e)),
            }
        })
        .collect()
}

/// Reads each action item line against the review.
pub fn check_actions(review: &Review, lines: &[String]) -> Vec<Checked<ActionItem>> {
    let existing: Vec<String> = review.actions.iter().map(action_line).collect();
    let mut pool = Pool::new(existing.iter().map(String::as_str).enumerate());
    lines
        .iter()
        .map(|line| {
            let line = Text::trimmed(line);
            if line.is_empty() {
                return Checked::Blank;
            }
            if let Some(i) = pool.take(line.as_str()) {
                return Checked::Kept(i);
            }
            match parse_action(line.as_str()) {
                Ok(a) => {
                    let mut item = ActionItem::new(a.text);
                    item.owner = a.owner;
                    item.priority = Some(a.priority);
                    match pool.take(&action_line(&item)) {
                        Some(i) => Checked::Kept(i),
                        None => Checked::New(item),
                    }
                }
                Err(e) => Checked::Bad(e),
            }
        })
        .collect()
}

/// Reads each line of a learnings text against the review's learnings of
/// `kind`.
fn check_learnings(
    review: &Review,
    kind: LearningKind,
    lines: &[String],
) -> Vec<Checked<Learning>> {
    let existing: Vec<(usize, String)> = review
        .learnings
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == kind)
        .map(|(i, l)| (i, one_line(&l.text)))
        .collect();
    let mut pool = Pool::new(existing.iter().map(|(i, l)| (*i, l.as_str())));
    lines
        .iter()
        .map(|line| {
            let text = Text::trimmed(one_line(line));
            if text.is_empty() {
                Checked::Blank
            } else if let Some(i) = pool.take(text.as_str()) {
                Checked::Kept(i)
            } else {
                Checked::New(Learning::new(kind, text))
            }
        })
        .collect()
}

/// The quick review and the workspace under it, borrowed together.
fn parts(app: &mut App) -> Option<(&mut Quick, &mut Workspace)> {
    let App {
        overlays, screen, ..
    } = app;
    let Some(Overlay::Quick(q)) = overlays.last_mut() else {
        return None;
    };
    let Screen::Workspace(ws) = screen else {
        return None;
    };
    Some((q, ws))
}

/// The edits that remove the items at `rows` of a list (highest first, so
/// that each row is still right when its edit is applied).
fn removals(mut rows: Vec<usize>, item: impl Fn(usize) -> Item) -> Vec<Edit> {
    rows.sort_unstable_by(|a, b| b.cmp(a));
    rows.into_iter()
        .map(|i| Edit::Item {
            before: Some((i, item(i))),
            after: None,
        })
        .collect()
}

/// Which of `len` items the lines keep.
fn kept<'a, T: 'a>(len: usize, checks: impl IntoIterator<Item = &'a Checked<T>>) -> Vec<bool> {
    let mut kept = vec![false; len];
    for c in checks {
        if let Checked::Kept(i) = c
            && let Some(k) = kept.get_mut(*i)
        {
            *k = true;
        }
    }
    kept
}

/// Applies the timeline lines: new events filed in time order, and the
/// events whose lines were deleted removed (unless a line cannot be read:
/// it may be one of them being changed).
fn apply_events(q: &Quick, ws: &mut Workspace) -> Option<Edit> {
    let checks = q.event_checks(&ws.review);
    let bad = checks.iter().any(|c| matches!(c, Checked::Bad(_)));
    let mut edits = Vec::new();
    let mut times: Vec<DateTime<Utc>> = ws.review.timeline.iter().map(|e| e.at).collect();
    if !bad {
        let kept = kept(times.len(), &checks);
        let gone: Vec<usize> = (0..times.len()).filter(|i| !kept[*i]).collect();
        let r = &ws.review;
        edits = removals(gone, |i| Item::Event(r.timeline[i].clone()));
        for edit in &edits {
            if let Edit::Item {
                before: Some((i, _)),
                ..
            } = edit
            {
                times.remove(*i);
            }
        }
    }
    for c in checks {
        if let Checked::New(mut event) = c {
            event.id = ws.review.take_id();
            let at = times.partition_point(|t| *t <= event.at);
            times.insert(at, event.at);
            edits.push(Edit::Item {
                before: None,
                after: Some((at, Item::Event(event))),
            });
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Applies the learnings: new lines appended, deleted lines removed.
fn apply_learnings(q: &Quick, ws: &mut Workspace) -> Option<Edit> {
    let checks = [
        (LearningKind::WentWell, &q.went_well),
        (LearningKind::NeedsImprovement, &q.improve),
    ]
    .map(|(kind, area)| (kind, check_learnings(&ws.review, kind, area.lines())));
    let r = &ws.review;
    let kept = kept(r.learnings.len(), checks.iter().flat_map(|(_, c)| c));
    let gone: Vec<usize> = (0..r.learnings.len())
        .filter(|i| {
            let kind = r.learnings[*i].kind;
            checks.iter().any(|(k, _)| *k == kind) && !kept[*i]
        })
        .collect();
    let mut len = r.learnings.len() - gone.len();
    let mut edits = removals(gone, |i| Item::Learning(r.learnings[i].clone()));
    for (_, lines) in checks {
        for c in lines {
            if let Checked::New(mut learning) = c {
                learning.id = ws.review.take_id();
                edits.push(Edit::Item {
                    before: None,
                    after: Some((len, Item::Learning(learning))),
                });
                len += 1;
            }
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Applies the action items: new lines appended, deleted lines removed
/// (unless a line cannot be read).
fn apply_actions(q: &Quick, ws: &mut Workspace) -> Option<Edit> {
    let checks = q.action_checks(&ws.review);
    let bad = checks.iter().any(|c| matches!(c, Checked::Bad(_)));
    let r = &ws.review;
    let gone: Vec<usize> = if bad {
        Vec::new()
    } else {
        let kept = kept(r.actions.len(), &checks);
        (0..r.actions.len()).filter(|i| !kept[*i]).collect()
    };
    let mut len = r.actions.len() - gone.len();
    let mut edits = removals(gone, |i| Item::Action(r.actions[i].clone()));
    for c in checks {
        if let Checked::New(mut action) = c {
            action.id = ws.review.take_id();
            edits.push(Edit::Item {
                before: None,
                after: Some((len, Item::Action(action))),
            });
            len += 1;
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Applies the key moments; a time that cannot be read leaves its moment
/// as it was and is kept with its error. A time alone falls on the date
/// of the moment before (the first: [`base_date`]).
fn apply_moments(q: &mut Quick, ws: &mut Workspace) -> bool {
    let texts: [String; 5] = std::array::from_fn(|i| text_of(&q.moments[i]));
    let mut errors: [Option<String>; 5] = Default::default();
    let date = base_date(&ws.review);
    let revision = ws.revision;
    let _ = editing::change_head(ws, |r| {
        let mut date = date;
        for (i, moment) in MOMENTS.iter().enumerate() {
            let text = texts[i].trim();
            if text.is_empty() {
                r.moments.set(*moment, None);
                continue;
            }
            match parse_time(text, date, r.offset) {
                Ok(at) => {
                    r.moments.set(*moment, Some(at));
                    date = local_date(r, at);
                }
                Err(e) => {
                    if let Some(at) = r.moments.get(*moment) {
                        date = local_date(r, at);
                    }
                    errors[i] = Some(match e {
                        TimeError::BadTime(_) => {
                            format!("'{text}' is not a time: 16:02, or 2026-11-23 16:02")
                        }
                        other => other.to_string(),
                    });
                }
            }
        }
        Ok(())
    });
    q.moment_errors = errors;
    ws.revision != revision
}

/// Applies the step being left to the review; says how it went.
fn apply(app: &mut App) -> Vec<Effect> {
    let Some((q, ws)) = parts(app) else {
        return Vec::new();
    };
    if ws.read_only() {
        return Vec::new();
    }
    let step = q.step;
    let changed = match step {
        Step::Happened => apply_events(q, ws)
            .map(|e| editing::commit(ws, e))
            .is_some(),
        Step::Moments => apply_moments(q, ws),
        Step::Learnings => apply_learnings(q, ws)
            .map(|e| editing::commit(ws, e))
            .is_some(),
        Step::Actions => apply_actions(q, ws)
            .map(|e| editing::commit(ws, e))
            .is_some(),
        Step::Export => false,
    };
    for slot in Quick::slots(step) {
        q.applied[slot] = text_of(q.slot(slot));
    }
    let unfiled = match step {
        Step::Happened => bad_lines(&q.event_checks(&ws.review)).len(),
        Step::Actions => bad_lines(&q.action_checks(&ws.review)).len(),
        Step::Moments => q.moment_errors.iter().flatten().count(),
        _ => 0,
    };
    if unfiled > 0 {
        let what = match (step, unfiled) {
            (Step::Moments, 1) => "1 time not read".to_owned(),
            (Step::Moments, n) => format!("{n} times not read"),
            (_, 1) => "1 line not filed".to_owned(),
            (_, n) => format!("{n} lines not filed"),
        };
        app.warn(format!("{what} (step {})", step.number()));
    }
    if changed {
        vec![Effect::Save]
    } else {
        Vec::new()
    }
}

/// Leaves the current step for `to`, focusing its field `field`.
fn go(app: &mut App, to: Step, field: usize) -> Vec<Effect> {
    let mut effects = apply(app);
    let Some((q, ws)) = parts(app) else {
        return effects;
    };
    q.step = to;
    q.field = field.min(to.fields().saturating_sub(1));
    if to == Step::Moments {
        q.suggest(&ws.review);
    }
    effects.push(q.draft_effect(&ws.review));
    effects
}

/// Closes the flow for the full workspace, applying the current step; the
/// lines that cannot be filed go to the parking lot. With `export`, the
/// reports are written too.
fn close(app: &mut App, export: bool) -> Vec<Effect> {
    let mut effects = apply(app);
    let mut parked = 0;
    if let Some((q, ws)) = parts(app)
        && !ws.read_only()
    {
        let unfiled = q.unfiled(&ws.review);
        parked = unfiled.len();
        let mut edits = Vec::new();
        for (label, line) in unfiled {
            let mut item = ParkingItem::new(Text::trimmed(format!(
                "Not filed from the quick review ({}): {line}",
                label.to_lowercase()
            )));
            item.id = ws.review.take_id();
            let at = ws.review.parking_lot.len() + edits.len();
            edits.push(Edit::Item {
                before: None,
                after: Some((at, Item::Parking(item))),
            });
        }
        if !edits.is_empty() {
            editing::commit(ws, Edit::Batch(edits));
            effects.push(Effect::Save);
        }
    }
    app.overlays.pop();
    effects.dedup();
    effects.push(Effect::ClearDraft);
    if parked > 0 {
        app.warn(format!(
            "{parked} {} the quick review could not read {} in the parking lot (5)",
            if parked == 1 { "line" } else { "lines" },
            if parked == 1 { "is" } else { "are" },
        ));
    } else {
        app.info("Everything entered is in the review. Q opens the quick review again");
    }
    if export {
        effects.push(Effect::Export { folder: None });
    }
    effects
}

/// A key in the quick review.
///
/// Tab goes to the next field, and from the last one to the next step;
/// Shift-Tab goes back. Ctrl-N and Ctrl-P (or Ctrl-S, like saving a form)
/// move a whole step. Enter starts a new line, goes to the next key moment,
/// or exports in the last step. Esc or F2 leaves for the full workspace.
pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let command = app.keymap.lookup(&[Scope::Form], key);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let Some((q, _)) = parts(app) else {
        return Vec::new();
    };
    let (step, field) = (q.step, q.field);
    let last_field = step.fields().saturating_sub(1);
    let row = q.focused().map_or(0, |a| a.cursor().0);
    let rows = q.focused().map_or(0, |a| a.lines().len());
    match (command, key.code) {
        (Some(CommandId::FormCancel), _) | (_, KeyCode::F(2)) => close(app, false),
        (_, KeyCode::Char('c')) if ctrl => close(app, false),
        (_, KeyCode::Char('n')) if ctrl => go(app, step.next(), 0),
        (_, KeyCode::Char('p')) if ctrl => go(app, step.prev(), 0),
        (Some(CommandId::FormSubmit), _) | (_, KeyCode::Enter) if step == Step::Export => {
            close(app, true)
        }
        (Some(CommandId::FormSubmit), _) => go(app, step.next(), 0),
        (Some(CommandId::FormNextField), _) if field < last_field => {
            q.field += 1;
            Vec::new()
        }
        (Some(CommandId::FormNextField), _) => go(app, step.next(), 0),
        (Some(CommandId::FormPrevField), _) if field > 0 => {
            q.field -= 1;
            Vec::new()
        }
        (Some(CommandId::FormPrevField), _) => {
            let prev = step.prev();
            go(app, prev, prev.fields().saturating_sub(1))
        }
        (_, KeyCode::Enter) if step == Step::Moments && field == last_field => {
            go(app, step.next(), 0)
        }
        (_, KeyCode::Enter | KeyCode::Down) if step == Step::Moments => {
            q.field = (field + 1).min(last_field);
            Vec::new()
        }
        (_, KeyCode::Up) if step == Step::Moments => {
            q.field = field.saturating_sub(1);
            Vec::new()
        }
        (_, KeyCode::Down) if step == Step::Learnings && field == 0 && row + 1 >= rows => {
            q.field = 1;
            Vec::new()
        }
        (_, KeyCode::Up) if step == Step::Learnings && field == 1 && row == 0 => {
            q.field = 0;
            Vec::new()
        }
        (_, KeyCode::Enter) if step == Step::Actions && rows >= MAX_ACTIONS => {
            app.info(format!(
                "A quick review keeps to {MAX_ACTIONS} action items, the few that matter; Esc for the full workspace"
            ));
            Vec::new()
        }
        (_, KeyCode::Char('m' | 'j')) if ctrl && step == Step::Moments => Vec::new(),
        _ => type_key(app, key),
    }
}

/// A key for the focused text area.
fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some((q, ws)) = parts(app) else {
        return Vec::new();
    };
    let (step, field) = (q.step, q.field);
    let Some(area) = q.focused_mut() else {
        return Vec::new();
    };
    if !area.input(key) {
        return Vec::new();
    }
    if step == Step::Moments {
        q.moment_errors[field.min(4)] = None;
    }
    vec![q.draft_effect(&ws.review)]
}

/// Pasted text goes into the focused text area; a key moment takes it
/// on one line.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let Some((q, ws)) = parts(app) else {
        return Vec::new();
    };
    let clean = text.replace("\r\n", "\n").replace('\r', "\n");
    let clean = if q.step == Step::Moments {
        clean.replace('\n', " ")
    } else {
        clean
    };
    let Some(area) = q.focused_mut() else {
        return Vec::new();
    };
    area.insert_str(clean);
    vec![q.draft_effect(&ws.review)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Offset, ReviewKind, Severity};

    fn review() -> Review {
        Review::new(
            "r".into(),
            Text::new("Login failures"),
            Severity::Sev3,
            ReviewKind::Quick,
            "2026-11-24T09:00:00Z".parse().unwrap(),
            "+01:00".parse::<Offset>().unwrap(),
        )
    }

    #[test]
    fn steps_go_in_order_and_stop_at_the_ends() {
        assert_eq!(Step::Happened.prev(), Step::Happened);
        assert_eq!(Step::Happened.next(), Step::Moments);
        assert_eq!(Step::Export.next(), Step::Export);
        assert_eq!(Step::Export.prev(), Step::Actions);
        assert_eq!(Step::Actions.number(), 4);
    }

    #[test]
    fn an_action_line_gives_its_owner_and_priority() {
        let a = parse_action("Alert on pool saturation @mo !high").unwrap();
        assert_eq!(a.text.as_str(), "Alert on pool saturation");
        assert_eq!(a.owner.as_deref(), Some("mo"));
        assert_eq!(a.priority, Priority::High);
        let b = parse_action("Write to ops@example.com about it").unwrap();
        assert_eq!(b.owner, None);
        assert_eq!(b.priority, Priority::Medium);
        let c = parse_action("Review the runbook @Ana Lopez").unwrap();
        assert_eq!(c.owner.as_deref(), Some("Ana Lopez"));
        assert!(parse_action("@mo").is_err());
    }

    #[test]
    fn a_time_alone_takes_the_date_of_the_line_before() {
        let r = review();
        let lines = [
            "2026-11-23 23:50 gary: saw errors".to_owned(),
            "23:55 paged ana".to_owned(),
            "nonsense".to_owned(),
        ];
        let checks = check_events(&r, &lines);
        let Checked::New(second) = &checks[1] else {
            panic!("{checks:?}")
        };
        assert_eq!(
            r.offset.local(second.at).to_rfc3339(),
            "2026-11-23T23:55:00+01:00"
        );
        assert!(matches!(checks[2], Checked::Bad(_)));
    }

    #[test]
    fn the_lines_of_a_review_read_back_as_its_items() {
        let mut r = review();
        for line in ["2026-11-23 16:02 gary: saw it", "16:10:30 rolled back"] {
            let Checked::New(e) = check_events(&r, &[line.to_owned()]).remove(0) else {
                panic!()
            };
            r.add_event(e);
        }
        let lines = event_lines(&r);
        assert_eq!(lines, ["16:02 gary: saw it", "16:10:30 rolled back"]);
        assert_eq!(
            check_events(&r, &lines),
            [Checked::Kept(0), Checked::Kept(1)]
        );
    }
}
