//! The quick review's state: its text areas, the step and field with the
//! focus, what each text stood for when last applied, and each text as
//! read against the review, kept up to date as it is edited so that the
//! screen only reads it.

use chrono::{DateTime, NaiveDate, Utc};

use super::editor::Editor;
use super::{
    ACTIONS, EVENTS, FIRST_MOMENT, IMPACT, IMPROVE, LABELS, LISTS, MOMENT_LABELS, MOMENTS, SLOTS,
    SUMMARY, Step, WENT_WELL, area_of, new_area, text_of,
};
use crate::app::action::Effect;
use crate::domain::quick::lines::{event_line, local_date, moment_texts, one_line};
use crate::domain::quick::{
    ActionReading, Actions, Checked, Ends, EventReading, Events, LearningReading, Learnings,
    Origin, Window, action_line, base_date, event_lines, read_actions, read_events, read_learnings,
};
use crate::domain::{ActionItem, Event, LearningKind, Review};

/// Each list's text as read against the review.
#[derive(Debug)]
pub(super) struct Readings {
    pub events: EventReading,
    pub went_well: LearningReading,
    pub improve: LearningReading,
    pub actions: ActionReading,
}

/// The state of the quick review overlay.
#[derive(Debug)]
pub struct Quick {
    pub step: Step,
    /// The focused field of the step.
    pub field: usize,
    /// One timeline event a line, in the quick form.
    pub events: Editor,
    /// One time per key moment, in the order of [`MOMENTS`].
    pub moments: [Editor; 5],
    pub went_well: Editor,
    pub improve: Editor,
    /// One action item a line.
    pub actions: Editor,
    /// The public summary's few sentences.
    pub summary: Editor,
    /// The public summary's customer impact.
    pub impact: Editor,
    /// Why the time typed for a key moment was refused.
    pub moment_errors: [Option<String>; 5],
    /// The time offered for a key moment from the timeline, while the
    /// field still holds it.
    pub suggested: [Option<String>; 5],
    /// The time each offer in [`Quick::suggested`] stands for.
    pub(super) offers: [Option<DateTime<Utc>>; 5],
    /// Where each offer came from, as the screen says it: "first alert",
    /// "last event".
    pub(super) offered_from: [&'static str; 5],
    /// The key moments the review has held since the flow opened, and
    /// those whose offer the user cleared: neither is offered again.
    pub(super) settled: [bool; 5],
    /// Each area's lines when it was last applied to the review.
    pub(super) applied: [Vec<String>; SLOTS],
    /// How far each area's lines agree with those applied, from the start
    /// and from the end.
    agree: [Ends; SLOTS],
    /// For the areas that take one item a line: what they stood for when
    /// last applied.
    pub(super) origin: [Origin; SLOTS],
    /// The lists as read against the review.
    pub(super) read: Readings,
    /// The day a due date such as `due:friday` is counted from.
    pub(super) today: NaiveDate,
    /// The message last said about what a step left unread, to take it
    /// back once it is no longer true.
    pub(super) said: Option<(Step, String)>,
}

/// How far `lines` agree with `applied`, from each end.
fn agreement(applied: &[String], lines: &[String]) -> Ends {
    Ends::new(applied.len(), lines.len(), |i, j| applied[i] == lines[j])
}

impl Quick {
    pub(super) fn new(review: &Review, today: NaiveDate) -> Quick {
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
        let (events, went_well, improve, actions) =
            (list(EVENTS), list(WENT_WELL), list(IMPROVE), list(ACTIONS));
        let read = Readings {
            events: read_events(review, &origin[EVENTS], events.lines()),
            went_well: read_learnings(
                review,
                LearningKind::WentWell,
                &origin[WENT_WELL],
                went_well.lines(),
            ),
            improve: read_learnings(
                review,
                LearningKind::NeedsImprovement,
                &origin[IMPROVE],
                improve.lines(),
            ),
            actions: read_actions(review, today, &origin[ACTIONS], actions.lines()),
        };
        let mut q = Quick {
            step: Step::Happened,
            field: 0,
            events,
            moments: std::array::from_fn(|i| area_of(FIRST_MOMENT + i, &moments[i])),
            went_well,
            improve,
            actions,
            summary: area_of(SUMMARY, &review.summary.summary),
            impact: area_of(IMPACT, &review.summary.customer_impact),
            moment_errors: Default::default(),
            suggested: Default::default(),
            offers: Default::default(),
            offered_from: Default::default(),
            settled: MOMENTS.map(|m| review.moments.get(m).is_some()),
            applied: Default::default(),
            agree: Default::default(),
            origin,
            read,
            today,
            said: None,
        };
        for slot in 0..SLOTS {
            q.applied[slot] = q.slot(slot).lines().to_vec();
            q.resync(slot);
        }
        q
    }

    pub(super) fn slot(&self, slot: usize) -> &Editor {
        match slot {
            EVENTS => &self.events,
            WENT_WELL => &self.went_well,
            IMPROVE => &self.improve,
            ACTIONS => &self.actions,
            SUMMARY => &self.summary,
            IMPACT => &self.impact,
            i => &self.moments[(i - FIRST_MOMENT).min(4)],
        }
    }

    pub(super) fn slot_mut(&mut self, slot: usize) -> &mut Editor {
        match slot {
            EVENTS => &mut self.events,
            WENT_WELL => &mut self.went_well,
            IMPROVE => &mut self.improve,
            ACTIONS => &mut self.actions,
            SUMMARY => &mut self.summary,
            IMPACT => &mut self.impact,
            i => &mut self.moments[(i - FIRST_MOMENT).min(4)],
        }
    }

    /// The slot of the text area with the focus; none in the export step.
    pub(super) fn focused_slot(&self) -> Option<usize> {
        let slots = self.step.slots();
        (!slots.is_empty()).then(|| slots.start + self.field.min(slots.len() - 1))
    }

    /// The text area with the focus; none in the export step.
    pub fn focused(&self) -> Option<&Editor> {
        self.focused_slot().map(|slot| self.slot(slot))
    }

    /// Whether the text of `slot` was changed since it was last applied.
    pub(super) fn changed(&self, slot: usize) -> bool {
        let lines = self.slot(slot).lines();
        let (head, _) = self.agree[slot].anchors(self.applied[slot].len(), lines.len());
        lines.len() != self.applied[slot].len() || head < lines.len()
    }

    /// The lines of `slot` changed since it was last applied: from the
    /// first line that differs to the last.
    fn changed_lines(&self, slot: usize) -> &[String] {
        let lines = self.slot(slot).lines();
        let (head, tail) = self.agree[slot].anchors(self.applied[slot].len(), lines.len());
        &lines[head..lines.len() - tail]
    }

    /// Whether the focused text was changed since it was last applied:
    /// the line at the cursor may still be being typed.
    pub fn typing(&self) -> bool {
        self.focused_slot().is_some_and(|slot| self.changed(slot))
    }

    /// Whether the key moment `i` (in the order of [`MOMENTS`]) holds the
    /// time offered from the timeline: offered, not in the review yet.
    pub fn offered(&self, i: usize) -> bool {
        self.suggested
            .get(i)
            .and_then(Option::as_deref)
            .is_some_and(|offer| text_of(&self.moments[i]) == offer)
    }

    /// Where the time offered for the key moment `i` came from, while the
    /// field holds it: "first alert", "first event", "last event".
    pub fn offered_from(&self, i: usize) -> Option<&'static str> {
        self.offered(i).then(|| self.offered_from[i])
    }

    /// The day a time alone typed on the first timeline line falls on.
    pub fn base_date(&self) -> chrono::NaiveDate {
        self.read.events.first()
    }

    /// Each timeline line, read against the review.
    pub fn event_checks(&self) -> &[Checked<Event>] {
        self.read.events.checks()
    }

    /// Each action item line, read against the review.
    pub fn action_checks(&self) -> &[Checked<ActionItem>] {
        self.read.actions.checks()
    }

    /// The timeline as read: how many lines stand for an event, and the
    /// rows of those that cannot be read.
    pub fn events_read(&self) -> (usize, &[usize]) {
        (self.read.events.good(), self.read.events.bad_rows())
    }

    /// The action items as read: how many lines stand for an item, and
    /// the rows of those that cannot be read.
    pub fn actions_read(&self) -> (usize, &[usize]) {
        (self.read.actions.good(), self.read.actions.bad_rows())
    }

    /// How many lines of each list are not blank: the timeline, went
    /// well, to improve, the action items.
    pub fn filled(&self) -> [usize; 4] {
        [
            self.read.events.filled(),
            self.read.went_well.filled(),
            self.read.improve.filled(),
            self.read.actions.filled(),
        ]
    }

    /// How far the text of `slot` agrees with what was applied, worked out
    /// again from every line.
    pub(super) fn resync(&mut self, slot: usize) {
        self.agree[slot] = agreement(&self.applied[slot], self.slot(slot).lines());
    }

    /// Records an edit of the text of `slot` that changed the rows of
    /// `window` (every row may have changed when it is none): what differs
    /// from what was applied, and the text as read against `review`.
    pub(super) fn edited(&mut self, slot: usize, window: Option<Window>, review: &Review) {
        let Quick {
            events,
            went_well,
            improve,
            actions,
            applied,
            agree,
            read,
            today,
            ..
        } = self;
        let lines = match slot {
            EVENTS => events.lines(),
            WENT_WELL => went_well.lines(),
            IMPROVE => improve.lines(),
            ACTIONS => actions.lines(),
            _ => {
                self.resync(slot);
                return;
            }
        };
        let applied = &applied[slot];
        match window {
            Some(w) => agree[slot].update(
                applied.len(),
                lines.len(),
                w.start,
                lines.len() - w.new_end,
                |i, j| applied[i] == lines[j],
            ),
            None => agree[slot] = agreement(applied, lines),
        }
        match slot {
            EVENTS => read.events.edit(&Events(review), lines, window),
            WENT_WELL => {
                read.went_well
                    .edit(&Learnings(review, LearningKind::WentWell), lines, window);
            }
            IMPROVE => read.improve.edit(
                &Learnings(review, LearningKind::NeedsImprovement),
                lines,
                window,
            ),
            _ => read.actions.edit(&Actions(review, *today), lines, window),
        }
    }

    /// Reads every list again against `review`, as it now is.
    pub(super) fn reread(&mut self, review: &Review) {
        self.read = Readings {
            events: read_events(review, &self.origin[EVENTS], self.events.lines()),
            went_well: read_learnings(
                review,
                LearningKind::WentWell,
                &self.origin[WENT_WELL],
                self.went_well.lines(),
            ),
            improve: read_learnings(
                review,
                LearningKind::NeedsImprovement,
                &self.origin[IMPROVE],
                self.improve.lines(),
            ),
            actions: read_actions(
                review,
                self.today,
                &self.origin[ACTIONS],
                self.actions.lines(),
            ),
        };
    }

    /// Shows each text left as it was applied as the review now holds it:
    /// each line that stands for an item is that item's line, a time alone
    /// where it falls on the day it stands for; a line that cannot be read
    /// stays as it is. Then reads every list again.
    pub(super) fn refresh(&mut self, review: &Review) {
        self.reread(review);
        for slot in LISTS {
            if self.changed(slot) {
                continue;
            }
            let lines = self.slot(slot).lines();
            let shown = match slot {
                EVENTS => {
                    let mut date = base_date(review);
                    self.read.events.redraw(
                        lines,
                        |i| review.timeline[i].id,
                        |i| {
                            let e = &review.timeline[i];
                            let line = event_line(review, e, date);
                            date = local_date(review, e.at);
                            line
                        },
                    )
                }
                ACTIONS => self.read.actions.redraw(
                    lines,
                    |i| review.actions[i].id,
                    |i| action_line(&review.actions[i]),
                ),
                WENT_WELL => self.read.went_well.redraw(
                    lines,
                    |i| review.learnings[i].id,
                    |i| one_line(&review.learnings[i].text),
                ),
                _ => self.read.improve.redraw(
                    lines,
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
            self.applied[slot] = self.slot(slot).lines().to_vec();
            self.resync(slot);
        }
        self.reread(review);
        let texts = moment_texts(review);
        for (i, text) in texts.into_iter().enumerate() {
            let slot = FIRST_MOMENT + i;
            if self.moment_errors[i].is_none()
                && !self.changed(slot)
                && text != text_of(&self.moments[i])
            {
                self.moments[i] = area_of(slot, &text);
                self.applied[slot] = self.moments[i].lines().to_vec();
                self.resync(slot);
            }
        }
    }

    /// The lines that cannot be filed yet: the step's label and the line.
    pub fn unfiled(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (rows, slot) in [
            (self.read.events.bad_rows(), EVENTS),
            (self.read.actions.bad_rows(), ACTIONS),
        ] {
            for i in rows {
                let line = self.slot(slot).lines().get(*i).cloned().unwrap_or_default();
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
    /// keeps it safe: each text's lines changed since it was applied (a
    /// key moment only offered is not typed), and the lines that cannot be
    /// filed; empty when everything is in the review.
    pub fn draft(&self) -> String {
        let mut out = String::new();
        for (slot, label) in LABELS.iter().enumerate() {
            if !self.changed(slot) {
                continue;
            }
            let offered =
                Step::Moments.slots().contains(&slot) && self.offered(slot - FIRST_MOMENT);
            let text = self.changed_lines(slot).join("\n");
            if !text.trim().is_empty() && !offered {
                out.push_str(&format!("{label}: {}\n", text.trim()));
            }
        }
        for (label, line) in self.unfiled() {
            out.push_str(&format!("{label} (not filed): {line}\n"));
        }
        if out.is_empty() {
            out
        } else {
            format!("Quick review\n{out}")
        }
    }

    pub(super) fn draft_effect(&self) -> Effect {
        let draft = self.draft();
        if draft.is_empty() {
            Effect::ClearDraft
        } else {
            Effect::SaveDraft(draft)
        }
    }
}
