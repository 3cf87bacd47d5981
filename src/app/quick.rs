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

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::action::Effect;
use super::commands::CommandId;
use super::editing;
use super::history::{Edit, Item};
use super::state::{App, Overlay, Screen, Workspace};
use crate::domain::{
    ActionItem, Event, ItemId, Learning, LearningKind, Moment, Offset, ParkingItem, Priority,
    Review, Source, Text, TimeError, parse_quick_event, parse_time,
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

/// The items a text stood for when last applied, in the order of its
/// lines, each with its line as it was then.
type Origin = Vec<(String, ItemId)>;

/// One line of a step's text, read against the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked<T> {
    /// An empty line.
    Blank,
    /// The line of an item the review holds (its index), unchanged.
    Kept(usize),
    /// The line of an item the review holds (its index), changed: the
    /// item as the line makes it.
    Changed(usize, T),
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
    /// The time each offer in [`Quick::suggested`] stands for.
    offers: [Option<DateTime<Utc>>; 5],
    /// The key moments the review has held since the flow opened, and
    /// those whose offer the user cleared: neither is offered again.
    settled: [bool; 5],
    /// Each area's text when it was last applied to the review.
    applied: [String; SLOTS],
    /// For the areas that take one item a line: what they stood for when
    /// last applied.
    origin: [Origin; SLOTS],
}

/// The text area of `slot` holding `lines`, with the cursor at `cursor`
/// (row, column), or at the end.
fn new_area(slot: usize, lines: Vec<String>, cursor: Option<(usize, usize)>) -> TextArea<'static> {
    let lines = if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    };
    let mut area = TextArea::new(lines);
    area.set_cursor_line_style(Style::default());
    area.set_placeholder_text(PLACEHOLDERS[slot]);
    area.set_placeholder_style(Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC));
    if slot == EVENTS || slot == ACTIONS {
        area.set_line_number_style(Style::new().add_modifier(Modifier::DIM));
    } else {
        area.set_wrap_mode(WrapMode::Word);
    }
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
    let learnings = |kind: LearningKind| {
        review
            .learnings
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| (one_line(&l.text), l.id))
            .collect::<Vec<_>>()
    };
    let events: Origin = event_lines(review)
        .into_iter()
        .zip(review.timeline.iter().map(|e| e.id))
        .collect();
    let actions: Origin = review
        .actions
        .iter()
        .map(|a| (action_line(a), a.id))
        .collect();
    let moments = moment_texts(review);
    let mut origin: [Origin; SLOTS] = Default::default();
    origin[EVENTS] = events;
    origin[WENT_WELL] = learnings(LearningKind::WentWell);
    origin[IMPROVE] = learnings(LearningKind::NeedsImprovement);
    origin[ACTIONS] = actions;
    let list = |slot: usize| {
        let lines: Vec<String> = origin[slot].iter().map(|(l, _)| l.clone()).collect();
        new_area(slot, lines, None)
    };
    let mut q = Quick {
        step: Step::Happened,
        field: 0,
        events: list(EVENTS),
        moments: std::array::from_fn(|i| area_of(FIRST_MOMENT + i, &moments[i])),
        went_well: list(WENT_WELL),
        improve: list(IMPROVE),
        actions: list(ACTIONS),
        moment_errors: Default::default(),
        suggested: Default::default(),
        offers: Default::default(),
        settled: MOMENTS.map(|m| review.moments.get(m).is_some()),
        applied: Default::default(),
        origin,
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

    /// Whether the key moment `i` (in the order of [`MOMENTS`]) holds the
    /// time offered from the timeline: offered, not in the review yet.
    pub fn offered(&self, i: usize) -> bool {
        self.suggested
            .get(i)
            .and_then(Option::as_deref)
            .is_some_and(|offer| text_of(&self.moments[i]) == offer)
    }

    /// Each timeline line, read against `review`.
    pub fn event_checks(&self, review: &Review) -> Vec<Checked<Event>> {
        checks(self.read_events(review))
    }

    /// Each action item line, read against `review`.
    pub fn action_checks(&self, review: &Review) -> Vec<Checked<ActionItem>> {
        checks(self.read_actions(review))
    }

    fn read_events(&self, review: &Review) -> Vec<Read<Event>> {
        read_events(review, &self.origin[EVENTS], self.events.lines())
    }

    fn read_actions(&self, review: &Review) -> Vec<Read<ActionItem>> {
        read_actions(review, &self.origin[ACTIONS], self.actions.lines())
    }

    fn read_learnings(&self, review: &Review, slot: usize) -> Vec<Read<Learning>> {
        let kind = if slot == WENT_WELL {
            LearningKind::WentWell
        } else {
            LearningKind::NeedsImprovement
        };
        let lines = self.slot(slot).lines();
        read_learnings(review, kind, &self.origin[slot], lines)
    }

    /// Shows each text left as it was applied as the review now holds it:
    /// each line that stands for an item is that item's line, a time alone
    /// where it falls on the day it stands for; a line that cannot be read
    /// stays as it is.
    fn refresh(&mut self, review: &Review) {
        for slot in LISTS {
            if text_of(self.slot(slot)) != self.applied[slot] {
                continue;
            }
            let lines = self.slot(slot).lines();
            let shown = match slot {
                EVENTS => {
                    let mut date = base_date(review);
                    let reads = self.read_events(review);
                    redraw(
                        lines,
                        reads,
                        |i| review.timeline[i].id,
                        |i| {
                            let e = &review.timeline[i];
                            let line = event_line(review, e, date);
                            date = local_date(review, e.at);
                            line
                        },
                    )
                }
                ACTIONS => redraw(
                    lines,
                    self.read_actions(review),
                    |i| review.actions[i].id,
                    |i| action_line(&review.actions[i]),
                ),
                _ => redraw(
                    lines,
                    self.read_learnings(review, slot),
                    |i| review.learnings[i].id,
                    |i| one_line(&review.learnings[i].text),
                ),
            };
            let Some((lines, origin)) = shown else {
                continue;
            };
            self.origin[slot] = origin;
            let area = self.slot(slot);
            if lines != area.lines() {
                // The cursor stays as far from the end of its line: a date
                // comes or goes at the start.
                let (row, col) = (area.cursor().0, area.cursor().1);
                let len = |l: Option<&String>| l.map_or(0, |l| l.chars().count());
                let from_end = len(area.lines().get(row)).saturating_sub(col);
                let col = len(lines.get(row)).saturating_sub(from_end);
                *self.slot_mut(slot) = new_area(slot, lines, Some((row, col)));
            }
            self.applied[slot] = text_of(self.slot(slot));
        }
        let texts = moment_texts(review);
        for (i, text) in texts.into_iter().enumerate() {
            let slot = FIRST_MOMENT + i;
            if self.moment_errors[i].is_none()
                && text_of(&self.moments[i]) == self.applied[slot]
                && text != self.applied[slot]
            {
                self.moments[i] = area_of(slot, &text);
                self.applied[slot] = text;
            }
        }
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
    /// offer), for a moment the review has not held since the flow opened
    /// and whose offer was not cleared.
    fn suggest(&mut self, review: &Review) {
        let (Some(first), Some(last)) = (review.timeline.first(), review.timeline.last()) else {
            return;
        };
        let mut offers = vec![(1, first.at)];
        if review.timeline.len() > 1 {
            offers.push((4, last.at));
        }
        for (i, at) in offers {
            let text = text_of(&self.moments[i]);
            let untouched = self.suggested[i].as_deref() == Some(text.as_str());
            if !self.settled[i]
                && review.moments.get(MOMENTS[i]).is_none()
                && (text.is_empty() || untouched)
            {
                // Written as the moments above it would read it.
                let date = MOMENTS[..i]
                    .iter()
                    .rev()
                    .find_map(|m| review.moments.get(*m))
                    .map_or_else(|| base_date(review), |at| local_date(review, at));
                let offer = clock(review, at, date);
                self.moments[i] = area_of(FIRST_MOMENT + i, &offer);
                self.suggested[i] = Some(offer);
                self.offers[i] = Some(at);
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
            let line = event_line(review, e, date);
            date = local_date(review, e.at);
            line
        })
        .collect()
}

/// An event in the quick form, after a line on `date`.
fn event_line(review: &Review, e: &Event, date: NaiveDate) -> String {
    let at = clock(review, e.at, date);
    match &e.actor {
        Some(who) => format!("{at} {}: {}", one_line(who), one_line(&e.text)),
        None => format!("{at} {}", one_line(&e.text)),
    }
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

/// A line of a step's text, read against the review.
struct Read<T> {
    /// The line as it is compared: trimmed, and for a learning on one line.
    line: String,
    check: Checked<T>,
    /// The item the line stands for, or that it was paired with when it
    /// cannot be read: its index, and its line as it was shown.
    item: Option<(usize, String)>,
}

fn checks<T>(reads: Vec<Read<T>>) -> Vec<Checked<T>> {
    reads.into_iter().map(|r| r.check).collect()
}

/// The most pairs of lines compared to find the lines left as they were;
/// beyond it, changed lines are only matched by place.
const MAX_COMPARED: usize = 1 << 20;

/// Pairs each line of `new` with a line of `old` (blank lines of `new`
/// with none), and says whether it is the same. The lines left as they
/// were are found first, in order (then anywhere, for a line moved); the
/// changed lines between two of them pair, in order, with the old lines
/// between the same two. A changed line left over is new, and an old line
/// left over was deleted.
fn pair(old: &[&str], new: &[&str]) -> Vec<Option<(usize, bool)>> {
    let b: Vec<usize> = (0..new.len()).filter(|j| !new[*j].is_empty()).collect();
    let (n, m) = (old.len(), b.len());
    let same = |i: usize, j: usize| old[i] == new[b[j]];
    // The lines left as they were, in order: (old, position in b).
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut head = 0;
    while head < n.min(m) && same(head, head) {
        anchors.push((head, head));
        head += 1;
    }
    let mut tail = 0;
    while tail < (n - head).min(m - head) && same(n - 1 - tail, m - 1 - tail) {
        tail += 1;
    }
    let (rows, cols) = (n - head - tail, m - head - tail);
    if rows > 0 && cols > 0 && rows.saturating_mul(cols) <= MAX_COMPARED {
        // The longest common run of lines, by dynamic programming.
        let w = cols + 1;
        let mut longest = vec![0u32; (rows + 1) * w];
        for i in (0..rows).rev() {
            for j in (0..cols).rev() {
                longest[i * w + j] = if same(head + i, head + j) {
                    longest[(i + 1) * w + j + 1] + 1
                } else {
                    longest[(i + 1) * w + j].max(longest[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < rows && j < cols {
            if same(head + i, head + j) {
                anchors.push((head + i, head + j));
                i += 1;
                j += 1;
            } else if longest[(i + 1) * w + j] >= longest[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    anchors.extend((0..tail).map(|k| (n - tail + k, m - tail + k)));

    let mut out = vec![None; new.len()];
    let mut used = vec![false; n];
    for (i, j) in &anchors {
        out[b[*j]] = Some((*i, true));
        used[*i] = true;
    }
    // A line moved elsewhere is still the same line.
    let mut unmatched: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in (0..n).rev().filter(|i| !used[*i]) {
        unmatched.entry(old[i]).or_default().push(i);
    }
    for j in 0..m {
        if out[b[j]].is_none()
            && let Some(i) = unmatched.get_mut(new[b[j]]).and_then(Vec::pop)
        {
            out[b[j]] = Some((i, true));
            used[i] = true;
        }
    }
    // The changed lines between two lines left as they were: line for
    // line when there are as many lines (an emptied line stands for the
    // item it held), else the closest in order.
    let (mut from_old, mut from_line) = (0, 0);
    let ends = anchors.iter().map(|(i, j)| (*i, b[*j]));
    for (to_old, to_line) in ends.chain([(n, new.len())]) {
        let olds: Vec<usize> = (from_old..to_old).filter(|i| !used[*i]).collect();
        let lines: Vec<usize> = (from_line..to_line)
            .filter(|j| new[*j].is_empty() || out[*j].is_none())
            .collect();
        let pairs = if olds.len() == lines.len() {
            olds.into_iter().zip(lines).collect()
        } else {
            let lines: Vec<usize> = lines.into_iter().filter(|j| !new[*j].is_empty()).collect();
            closest(old, new, &olds, &lines)
        };
        for (i, j) in pairs {
            if !new[j].is_empty() {
                out[j] = Some((i, false));
            }
        }
        (from_old, from_line) = (to_old + 1, to_line + 1);
    }
    out
}

/// Pairs as many of the `lines` of `new` as can be with the lines `olds`
/// of `old`, in order, choosing the pairs with the most words in common.
fn closest(old: &[&str], new: &[&str], olds: &[usize], lines: &[usize]) -> Vec<(usize, usize)> {
    let (rows, cols) = (olds.len(), lines.len());
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    if rows * cols > 1 << 16 {
        return olds.iter().copied().zip(lines.iter().copied()).collect();
    }
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_owned)
            .collect::<HashSet<_>>()
    };
    let a: Vec<HashSet<String>> = olds.iter().map(|i| words(old[*i])).collect();
    let b: Vec<HashSet<String>> = lines.iter().map(|j| words(new[*j])).collect();
    // Each pair counts for more than any number of words in common.
    let pair = |i: usize, j: usize| (1 << 20) + a[i].intersection(&b[j]).count();
    let w = cols + 1;
    let mut best = vec![0usize; (rows + 1) * w];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            best[i * w + j] = (pair(i, j) + best[(i + 1) * w + j + 1])
                .max(best[(i + 1) * w + j])
                .max(best[i * w + j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < rows && j < cols {
        if best[i * w + j] == pair(i, j) + best[(i + 1) * w + j + 1] {
            out.push((olds[i], lines[j]));
            i += 1;
            j += 1;
        } else if best[i * w + j] == best[(i + 1) * w + j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The items a text is read against, each with its line: those the text
/// stood for when last applied (`origin`), as they were shown then, then
/// any other of `items` (their index in their list and number), as
/// `line` shows it.
fn shown(
    origin: &[(String, ItemId)],
    items: &[(usize, ItemId)],
    line: impl Fn(usize) -> String,
) -> Vec<(String, usize)> {
    let index: HashMap<ItemId, usize> = items.iter().map(|(i, id)| (*id, *i)).collect();
    let mut seen = HashSet::new();
    let mut out: Vec<(String, usize)> = origin
        .iter()
        .filter_map(|(text, id)| {
            let i = *index.get(id)?;
            seen.insert(i).then(|| (text.clone(), i))
        })
        .collect();
    out.extend(
        items
            .iter()
            .filter(|(i, _)| !seen.contains(i))
            .map(|(i, _)| (line(*i), *i)),
    );
    out
}

/// Reads each line against the items shown: `read` gets the line, and the
/// index of the item it was paired with when it changed, with the item's
/// line as it was shown.
fn read_lines<T>(
    old: &[(String, usize)],
    lines: Vec<String>,
    mut kept: impl FnMut(usize),
    mut read: impl FnMut(&str, Option<(usize, &str)>) -> Checked<T>,
) -> Vec<Read<T>> {
    let olds: Vec<&str> = old.iter().map(|(l, _)| l.as_str()).collect();
    let news: Vec<&str> = lines.iter().map(String::as_str).collect();
    let pairs = pair(&olds, &news);
    lines
        .iter()
        .zip(pairs)
        .map(|(line, paired)| {
            let item = paired.map(|(k, _)| (old[k].1, old[k].0.clone()));
            let check = match paired {
                _ if line.is_empty() => Checked::Blank,
                Some((k, true)) => {
                    kept(old[k].1);
                    Checked::Kept(old[k].1)
                }
                _ => read(line, item.as_ref().map(|(i, was)| (*i, was.as_str()))),
            };
            Read {
                line: line.clone(),
                check,
                item,
            }
        })
        .collect()
}

/// The lines of a text, and the items they stand for, as `show` (given an
/// item's index) shows them; none while a line is changed or new.
fn redraw<T>(
    lines: &[String],
    reads: Vec<Read<T>>,
    id: impl Fn(usize) -> ItemId,
    mut show: impl FnMut(usize) -> String,
) -> Option<(Vec<String>, Origin)> {
    let mut out = Vec::new();
    let mut origin = Vec::new();
    for (line, read) in lines.iter().zip(reads) {
        match read.check {
            Checked::Blank => out.push(line.clone()),
            Checked::Kept(i) => {
                let line = show(i);
                origin.push((line.clone(), id(i)));
                out.push(line);
            }
            Checked::Bad(_) => {
                if let Some((i, was)) = read.item {
                    origin.push((was, id(i)));
                }
                out.push(line.clone());
            }
            Checked::Changed(..) | Checked::New(_) => return None,
        }
    }
    Some((out, origin))
}

fn time_error(e: &TimeError) -> String {
    match e {
        TimeError::BadTime(word) => {
            format!("'{word}' is not a time: start the line with 16:02 or 2026-11-23 16:02")
        }
        other => other.to_string(),
    }
}

fn trimmed(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| Text::trimmed(l).into_string())
        .collect()
}

/// Reads each timeline line against the review. A time alone falls on
/// the date of the line before (the first line: [`base_date`]).
pub fn check_events(review: &Review, lines: &[String]) -> Vec<Checked<Event>> {
    checks(read_events(review, &[], lines))
}

fn read_events(review: &Review, origin: &[(String, ItemId)], lines: &[String]) -> Vec<Read<Event>> {
    let all = event_lines(review);
    let items: Vec<(usize, ItemId)> = review.timeline.iter().map(|e| e.id).enumerate().collect();
    let old = shown(origin, &items, |i| all[i].clone());
    let date = std::cell::Cell::new(base_date(review));
    read_lines(
        &old,
        trimmed(lines),
        |i| date.set(local_date(review, review.timeline[i].at)),
        |line, item| match parse_quick_event(line, date.get(), review.offset) {
            Ok(q) if q.text.trim().is_empty() => {
                Checked::Bad("write what happened after the time".into())
            }
            Ok(q) => {
                date.set(local_date(review, q.at));
                let text = Text::trimmed(q.text);
                let actor = q.actor.map(Text::trimmed).filter(|a| !a.is_empty());
                match item {
                    Some((i, was)) => {
                        let mut event = review.timeline[i].clone();
                        event.at = q.at;
                        // Who and what read back as they were shown when only
                        // the time changed: a line does not always tell them
                        // apart the same way twice.
                        let same =
                            after_time(line, date.get(), review.offset).is_some_and(|rest| {
                                after_time(was, date.get(), review.offset) == Some(rest)
                            });
                        if !same {
                            event.actor = actor;
                            event.text = text;
                        }
                        Checked::Changed(i, event)
                    }
                    None => {
                        let mut event = Event::new(q.at, text, Source::Typed);
                        event.actor = actor;
                        Checked::New(event)
                    }
                }
            }
            Err(e) => Checked::Bad(time_error(&e)),
        },
    )
}

/// What follows the time (one word, or a date and a time) at the start of
/// an event's line, trimmed; none when the line does not start with one.
fn after_time(line: &str, date: NaiveDate, offset: Offset) -> Option<&str> {
    fn word(s: &str) -> (&str, &str) {
        let s = s.trim_start();
        s.split_once(char::is_whitespace).unwrap_or((s, ""))
    }
    let (first, rest) = word(line);
    if parse_time(first, date, offset).is_ok() {
        return Some(rest.trim());
    }
    let (second, rest) = word(rest);
    parse_time(&format!("{first} {second}"), date, offset)
        .is_ok()
        .then(|| rest.trim())
}

/// Reads each action item line against the review.
pub fn check_actions(review: &Review, lines: &[String]) -> Vec<Checked<ActionItem>> {
    checks(read_actions(review, &[], lines))
}

fn read_actions(
    review: &Review,
    origin: &[(String, ItemId)],
    lines: &[String],
) -> Vec<Read<ActionItem>> {
    let items: Vec<(usize, ItemId)> = review.actions.iter().map(|a| a.id).enumerate().collect();
    let old = shown(origin, &items, |i| action_line(&review.actions[i]));
    read_lines(
        &old,
        trimmed(lines),
        |_| {},
        |line, item| match parse_action(line) {
            Ok(a) => match item {
                Some((i, _)) => {
                    let mut action = review.actions[i].clone();
                    action.text = a.text;
                    action.owner = a.owner;
                    // No priority shown reads as medium: an item without
                    // one keeps none until one is typed.
                    if action.priority.is_some() || a.priority != Priority::Medium {
                        action.priority = Some(a.priority);
                    }
                    Checked::Changed(i, action)
                }
                None => {
                    let mut action = ActionItem::new(a.text);
                    action.owner = a.owner;
                    action.priority = Some(a.priority);
                    Checked::New(action)
                }
            },
            Err(e) => Checked::Bad(e),
        },
    )
}

/// Reads each line of a learnings text against the review's learnings of
/// `kind`.
fn read_learnings(
    review: &Review,
    kind: LearningKind,
    origin: &[(String, ItemId)],
    lines: &[String],
) -> Vec<Read<Learning>> {
    let items: Vec<(usize, ItemId)> = review
        .learnings
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == kind)
        .map(|(i, l)| (i, l.id))
        .collect();
    let old = shown(origin, &items, |i| one_line(&review.learnings[i].text));
    let lines = lines
        .iter()
        .map(|l| Text::trimmed(one_line(l)).into_string())
        .collect();
    read_lines(
        &old,
        lines,
        |_| {},
        |line, item| match item {
            Some((i, _)) => {
                let mut learning = review.learnings[i].clone();
                learning.text = Text::trimmed(line);
                Checked::Changed(i, learning)
            }
            None => Checked::New(Learning::new(kind, Text::trimmed(line))),
        },
    )
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

/// The items of a list that no line stands for, highest first.
fn unused<T>(len: usize, reads: &[&Read<T>], keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let used: HashSet<usize> = reads
        .iter()
        .filter_map(|r| r.item.as_ref().map(|(i, _)| *i))
        .collect();
    (0..len)
        .rev()
        .filter(|i| !used.contains(i) && !keep(*i))
        .collect()
}

/// A list of items being changed, with the edits that change it.
struct Change<'a, T> {
    list: Vec<T>,
    edits: Vec<Edit>,
    item: &'a dyn Fn(T) -> Item,
    id: &'a dyn Fn(&T) -> ItemId,
}

impl<T: Clone + PartialEq> Change<'_, T> {
    fn remove(&mut self, row: usize) {
        let gone = self.list.remove(row);
        self.edits.push(Edit::Item {
            before: Some((row, (self.item)(gone))),
            after: None,
        });
    }

    fn insert(&mut self, at: usize, new: T) {
        self.list.insert(at, new.clone());
        self.edits.push(Edit::Item {
            before: None,
            after: Some((at, (self.item)(new))),
        });
    }

    /// Puts `new` in the place of the item with its number; `place` gives
    /// where it goes, from the list without the old one and its row.
    fn replace(&mut self, new: T, place: impl Fn(&[T], usize) -> usize) {
        let Some(row) = self
            .list
            .iter()
            .position(|x| (self.id)(x) == (self.id)(&new))
        else {
            return;
        };
        if self.list[row] == new {
            return;
        }
        let old = self.list.remove(row);
        let at = place(&self.list, row);
        self.list.insert(at, new.clone());
        self.edits.push(Edit::Item {
            before: Some((row, (self.item)(old))),
            after: Some((at, (self.item)(new))),
        });
    }

    fn edit(self) -> Option<Edit> {
        (!self.edits.is_empty()).then_some(Edit::Batch(self.edits))
    }
}

/// What a line stands for once applied, for the next time it is read:
/// its line and its item's number.
fn origin_of<T>(read: &Read<T>, id: impl Fn(usize) -> ItemId) -> Option<(String, ItemId)> {
    match &read.check {
        Checked::Kept(i) | Checked::Changed(i, _) => Some((read.line.clone(), id(*i))),
        Checked::Bad(_) => read.item.as_ref().map(|(i, was)| (was.clone(), id(*i))),
        Checked::Blank | Checked::New(_) => None,
    }
}

/// Applies the timeline lines: changed lines change their events, new
/// events are filed in time order, and the events whose lines were
/// deleted are removed (unless a line cannot be read: it may be one of
/// them being changed). Gives what each line now stands for.
fn apply_events(q: &Quick, ws: &mut Workspace) -> (Option<Edit>, Origin) {
    let reads = q.read_events(&ws.review);
    let bad = reads.iter().any(|r| matches!(r.check, Checked::Bad(_)));
    let r = &ws.review;
    let mut change = Change {
        list: r.timeline.clone(),
        edits: Vec::new(),
        item: &Item::Event,
        id: &|e: &Event| e.id,
    };
    for row in unused(r.timeline.len(), &reads.iter().collect::<Vec<_>>(), |_| bad) {
        change.remove(row);
    }
    let mut origin = Vec::new();
    for read in reads {
        let line = read.line.clone();
        match read.check {
            Checked::New(mut event) => {
                event.id = ws.review.take_id();
                origin.push((line, event.id));
                let at = change.list.partition_point(|e| e.at <= event.at);
                change.insert(at, event);
            }
            Checked::Changed(i, ref event) => {
                let old = ws.review.timeline[i].at;
                origin.push((line, event.id));
                change.replace(event.clone(), |list, row| {
                    if event.at == old {
                        row
                    } else {
                        list.partition_point(|e| e.at <= event.at)
                    }
                });
            }
            _ => origin.extend(origin_of(&read, |i| ws.review.timeline[i].id)),
        }
    }
    (change.edit(), origin)
}

/// Applies the learnings: changed lines change their learnings' text, new
/// lines are appended, deleted lines removed. Gives what each line of
/// went well and of to improve now stands for.
fn apply_learnings(q: &Quick, ws: &mut Workspace) -> (Option<Edit>, [Origin; 2]) {
    let reads = [WENT_WELL, IMPROVE].map(|slot| q.read_learnings(&ws.review, slot));
    let r = &ws.review;
    let mut change = Change {
        list: r.learnings.clone(),
        edits: Vec::new(),
        item: &Item::Learning,
        id: &|l: &Learning| l.id,
    };
    let all: Vec<&Read<Learning>> = reads.iter().flatten().collect();
    let other = |i: usize| {
        !matches!(
            r.learnings[i].kind,
            LearningKind::WentWell | LearningKind::NeedsImprovement
        )
    };
    for row in unused(r.learnings.len(), &all, other) {
        change.remove(row);
    }
    let mut origins: [Origin; 2] = Default::default();
    for (origin, lines) in origins.iter_mut().zip(reads) {
        for read in lines {
            let line = read.line.clone();
            match read.check {
                Checked::New(mut learning) => {
                    learning.id = ws.review.take_id();
                    origin.push((line, learning.id));
                    change.insert(change.list.len(), learning);
                }
                Checked::Changed(_, learning) => {
                    origin.push((line, learning.id));
                    change.replace(learning, |_, row| row);
                }
                _ => origin.extend(origin_of(&read, |i| ws.review.learnings[i].id)),
            }
        }
    }
    (change.edit(), origins)
}

/// Applies the action items: changed lines change their items, new lines
/// are appended, deleted lines removed (unless a line cannot be read).
/// Gives what each line now stands for.
fn apply_actions(q: &Quick, ws: &mut Workspace) -> (Option<Edit>, Origin) {
    let reads = q.read_actions(&ws.review);
    let bad = reads.iter().any(|r| matches!(r.check, Checked::Bad(_)));
    let r = &ws.review;
    let mut change = Change {
        list: r.actions.clone(),
        edits: Vec::new(),
        item: &Item::Action,
        id: &|a: &ActionItem| a.id,
    };
    for row in unused(r.actions.len(), &reads.iter().collect::<Vec<_>>(), |_| bad) {
        change.remove(row);
    }
    let mut origin = Vec::new();
    for read in reads {
        let line = read.line.clone();
        match read.check {
            Checked::New(mut action) => {
                action.id = ws.review.take_id();
                origin.push((line, action.id));
                change.insert(change.list.len(), action);
            }
            Checked::Changed(_, action) => {
                origin.push((line, action.id));
                change.replace(action, |_, row| row);
            }
            _ => origin.extend(origin_of(&read, |i| ws.review.actions[i].id)),
        }
    }
    (change.edit(), origin)
}

/// Applies the key moments whose text was changed (or offered); a time
/// that cannot be read leaves its moment as it was and is kept with its
/// error. A time alone falls on the date of the moment before (the first:
/// [`base_date`]).
fn apply_moments(q: &mut Quick, ws: &mut Workspace) -> bool {
    let texts: [String; 5] = std::array::from_fn(|i| text_of(&q.moments[i]));
    let unchanged: [bool; 5] = std::array::from_fn(|i| {
        texts[i] == q.applied[FIRST_MOMENT + i] && q.moment_errors[i].is_none()
    });
    let offered: [Option<DateTime<Utc>>; 5] = std::array::from_fn(|i| {
        q.offers[i].filter(|_| q.suggested[i].as_deref() == Some(texts[i].as_str()))
    });
    let mut errors: [Option<String>; 5] = Default::default();
    let date = base_date(&ws.review);
    let revision = ws.revision;
    let _ = editing::change_head(ws, |r| {
        let mut date = date;
        for (i, moment) in MOMENTS.iter().enumerate() {
            let text = texts[i].trim();
            if unchanged[i] {
                if let Some(at) = r.moments.get(*moment) {
                    date = local_date(r, at);
                }
                continue;
            }
            if let Some(at) = offered[i] {
                r.moments.set(*moment, Some(at));
                date = local_date(r, at);
                continue;
            }
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
    let edit = match step {
        Step::Happened => {
            let (edit, origin) = apply_events(q, ws);
            q.origin[EVENTS] = origin;
            edit
        }
        Step::Learnings => {
            let (edit, [well, improve]) = apply_learnings(q, ws);
            q.origin[WENT_WELL] = well;
            q.origin[IMPROVE] = improve;
            edit
        }
        Step::Actions => {
            let (edit, origin) = apply_actions(q, ws);
            q.origin[ACTIONS] = origin;
            edit
        }
        Step::Moments | Step::Export => None,
    };
    let changed = match edit {
        Some(edit) => {
            editing::commit(ws, edit);
            true
        }
        None => step == Step::Moments && apply_moments(q, ws),
    };
    if step == Step::Moments {
        for (i, m) in MOMENTS.iter().enumerate() {
            // An offer cleared was declined; a moment once in the review
            // and cleared stays cleared.
            let declined = q.suggested[i].is_some() && text_of(&q.moments[i]).trim().is_empty();
            // An offer taken is a time set like any other.
            let set = ws.review.moments.get(*m).is_some();
            if declined || set {
                q.suggested[i] = None;
                q.offers[i] = None;
            }
            q.settled[i] |= declined || set;
        }
    }
    for slot in Quick::slots(step) {
        q.applied[slot] = text_of(q.slot(slot));
    }
    q.refresh(&ws.review);
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

/// A key in the quick review, as the command its keys are bound to in
/// the quick review's scope; what no command takes is typed.
///
/// Tab goes to the next field, and from the last one to the next step;
/// Shift-Tab goes back. Ctrl-N and Ctrl-P (or Ctrl-S, like saving a form)
/// move a whole step. Enter starts a new line, goes to the next key moment,
/// or exports in the last step. Esc or F2 leaves for the full workspace.
pub fn key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Some((q, _)) = parts(app) else {
        return Vec::new();
    };
    let (step, field) = (q.step, q.field);
    let last_field = step.fields().saturating_sub(1);
    let row = q.focused().map_or(0, |a| a.cursor().0);
    let rows = q.focused().map_or(0, |a| a.lines().len());
    match command {
        Some(CommandId::FormCancel) => close(app, false),
        Some(CommandId::Help) => {
            super::overlays::help(app);
            Vec::new()
        }
        Some(CommandId::NextStep) => go(app, step.next(), 0),
        Some(CommandId::PrevStep) => go(app, step.prev(), 0),
        Some(CommandId::QuickEnter) if step == Step::Export => close(app, true),
        Some(CommandId::FormNextField) if field < last_field => {
            q.field += 1;
            Vec::new()
        }
        Some(CommandId::FormNextField) => go(app, step.next(), 0),
        Some(CommandId::FormPrevField) if field > 0 => {
            q.field -= 1;
            Vec::new()
        }
        Some(CommandId::FormPrevField) => {
            let prev = step.prev();
            go(app, prev, prev.fields().saturating_sub(1))
        }
        Some(CommandId::QuickEnter) if step == Step::Moments && field == last_field => {
            go(app, step.next(), 0)
        }
        Some(CommandId::QuickEnter | CommandId::Down) if step == Step::Moments => {
            q.field = (field + 1).min(last_field);
            Vec::new()
        }
        Some(CommandId::Up) if step == Step::Moments => {
            q.field = field.saturating_sub(1);
            Vec::new()
        }
        Some(CommandId::Down) if step == Step::Learnings && field == 0 && row + 1 >= rows => {
            q.field = 1;
            Vec::new()
        }
        Some(CommandId::Up) if step == Step::Learnings && field == 1 && row == 0 => {
            q.field = 0;
            Vec::new()
        }
        Some(CommandId::QuickEnter) if step == Step::Actions && rows >= MAX_ACTIONS => {
            app.info(format!(
                "A quick review keeps to {MAX_ACTIONS} action items, the few that matter; Esc for the full workspace"
            ));
            Vec::new()
        }
        _ => type_key(app, key),
    }
}

/// A key for the focused text area.
fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some((q, ws)) = parts(app) else {
        return Vec::new();
    };
    let (step, field) = (q.step, q.field);
    // A key moment is one line: the keys some terminals send for Enter
    // (Ctrl-M, Ctrl-J) type nothing there.
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if step == Step::Moments && ctrl && matches!(key.code, KeyCode::Char('m' | 'j')) {
        return Vec::new();
    }
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
    let (step, field) = (q.step, q.field);
    let Some(area) = q.focused_mut() else {
        return Vec::new();
    };
    if !area.insert_str(clean) {
        return Vec::new();
    }
    if step == Step::Moments {
        q.moment_errors[field.min(4)] = None;
    }
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
    fn changed_lines_pair_with_the_lines_they_were() {
        let old = [
            "09:12 lee: saw it",
            "09:20 lee: restarted",
            "09:31 ana: done",
        ];
        // Left as they were.
        assert_eq!(
            pair(&old, &old),
            [Some((0, true)), Some((1, true)), Some((2, true))]
        );
        // One changed, in its place.
        let new = [
            "09:12 lee: saw it",
            "09:21 lee: restarted it",
            "09:31 ana: done",
        ];
        assert_eq!(
            pair(&old, &new),
            [Some((0, true)), Some((1, false)), Some((2, true))]
        );
        // A new line above a changed one does not take its place.
        let new = [
            "09:00 ci: deploy",
            "09:12 lee: saw it",
            "09:20 lee: restarted it",
        ];
        assert_eq!(pair(&old, &new), [None, Some((0, true)), Some((1, false))]);
        // A line moved is the same line; an emptied line stands for the
        // item it held.
        let new = ["", "09:31 ana: done", "09:20 lee: restarted"];
        assert_eq!(pair(&old, &new), [None, Some((2, true)), Some((1, true))]);
        let new = ["", "09:20 lee: restarted again", "09:31 ana: done"];
        assert_eq!(pair(&old, &new), [None, Some((1, false)), Some((2, true))]);
        // A line deleted whole: the changed one pairs with the closest.
        let new = ["09:20 lee: restarted again", "09:31 ana: done"];
        assert_eq!(pair(&old, &new), [Some((1, false)), Some((2, true))]);
    }

    #[test]
    fn the_lines_of_a_review_read_back_as_its_items() {
        let mut r = review();
        let typed = ["2026-11-23 16:02 gary: saw it", "16:10:30 rolled back"].map(String::from);
        for check in check_events(&r.clone(), &typed) {
            let Checked::New(e) = check else { panic!() };
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
