//! The list of candidate events: moving, keeping and dropping, and the
//! filters (bots and alerts, one person, a time range).

use chrono::{DateTime, Utc};

use super::Listing;
use crate::app::action::Effect;
use crate::app::commands::CommandId;
use crate::app::state::{App, Cursor};
use crate::domain::{EventKind, Review};
use crate::import::plan::{participant, same_person};
use crate::import::{Candidate, Plan, origin};

/// What the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Hide the lines of bots and the alerts.
    pub no_bots: bool,
    /// Only this actor's lines.
    pub person: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl Filter {
    pub fn shows(&self, c: &Candidate) -> bool {
        let bot = c.bot || c.kind == EventKind::Alert;
        !(self.no_bots && bot)
            && self
                .person
                .as_deref()
                .is_none_or(|p| c.actor.as_deref().is_some_and(|a| same_person(a, p)))
            && self.from.is_none_or(|f| c.at >= f)
            && self.to.is_none_or(|t| c.at <= t)
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// A new listing of `plan`: every line kept but those already in the
/// review.
pub(super) fn listing(app: &App, path: String, plan: Plan) -> Listing {
    let n = plan.rows.len();
    let origins = plan
        .rows
        .iter()
        .map(|r| origin(plan.format, &r.candidate))
        .collect();
    let keep = plan.rows.iter().map(|r| !r.already).collect();
    let mut l = Listing {
        path,
        keep,
        fixed: vec![false; n],
        origins,
        filter: Filter::default(),
        shown: Vec::new(),
        cursor: Cursor::default(),
        dated: false,
        newcomers: Vec::new(),
        add_people: false,
        edit: None,
        plan,
    };
    if let Some(ws) = app.workspace() {
        let r = &ws.review;
        let days = |c: &Candidate| r.offset.local(c.at).date_naive();
        let mut all = l.plan.rows.iter().map(|p| days(&p.candidate));
        let first = all.next();
        l.dated = all.any(|d| Some(d) != first) || first.is_some_and(|d| d != r.incident_date());
        refilter(&mut l, r);
    }
    l
}

/// Makes again what the list derives from the rows and the filter: the
/// rows shown, and the newcomers among the kept ones.
pub(super) fn refilter(l: &mut Listing, review: &Review) {
    let before = l.selected_row();
    l.shown = (0..l.plan.rows.len())
        .filter(|i| l.filter.shows(&l.plan.rows[*i].candidate))
        .collect();
    // The selection stays on its line, or the nearest one shown after it.
    l.cursor.selected = before.map_or(0, |b| l.shown.partition_point(|i| *i < b));
    l.cursor.selected = l.cursor.selected.min(l.shown.len().saturating_sub(1));
    l.cursor.offset = l.cursor.offset.min(l.cursor.selected);
    newcomers(l, review);
}

/// The actors of the lines that would be added who are not among the
/// participants.
pub(super) fn newcomers(l: &mut Listing, review: &Review) {
    let mut out: Vec<String> = Vec::new();
    for i in l.to_add() {
        let c = &l.plan.rows[i].candidate;
        let Some(actor) = c.actor.as_deref() else {
            continue;
        };
        if c.bot
            || participant(review, actor, &c.aliases).is_some()
            || out.iter().any(|o| same_person(o, actor))
        {
            continue;
        }
        out.push(actor.to_owned());
    }
    l.newcomers = out;
}

/// How many rows of the list show at the terminal's size: the screen
/// less the view's borders, summary, filters, column headings, the
/// selected line in full (two lines) and the line of newcomers (as
/// `ui/import.rs` lays them out).
pub fn page(app: &App) -> usize {
    usize::from(app.size.1.saturating_sub(8)).max(1)
}

/// A key in the list.
pub fn list_key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    let page = page(app);
    let Some(id) = command else {
        return Vec::new();
    };
    match id {
        CommandId::Close => {
            app.overlays.pop();
            app.info("Nothing imported");
            return Vec::new();
        }
        CommandId::Help => {
            crate::app::overlays::help(app);
            return Vec::new();
        }
        CommandId::ImportAdd => return super::add(app),
        CommandId::Edit => return super::edit::open(app),
        _ => {}
    }
    let Some((review, l)) = super::parts(app) else {
        return Vec::new();
    };
    let len = l.shown.len();
    let sel = l.cursor.selected.min(len.saturating_sub(1));
    let row = l.selected_row();
    let moved = |l: &mut Listing, to: usize| {
        let c = &mut l.cursor;
        c.selected = to.min(len.saturating_sub(1));
        if c.selected < c.offset {
            c.offset = c.selected;
        } else if c.selected >= c.offset + page {
            c.offset = c.selected + 1 - page;
        }
    };
    match id {
        CommandId::Down => moved(l, sel + 1),
        CommandId::Up => moved(l, sel.saturating_sub(1)),
        CommandId::Top => moved(l, 0),
        CommandId::Bottom => moved(l, len.saturating_sub(1)),
        CommandId::PageDown => moved(l, sel + page),
        CommandId::PageUp => moved(l, sel.saturating_sub(page)),
        CommandId::ImportToggle => {
            if let Some(i) = row.filter(|i| !l.plan.rows[*i].already) {
                l.keep[i] = !l.keep[i];
                newcomers(l, review);
            }
            moved(l, sel + 1);
        }
        CommandId::ImportKeepAll | CommandId::ImportDropAll => {
            let keep = id == CommandId::ImportKeepAll;
            for i in l.shown.clone() {
                if !l.plan.rows[i].already {
                    l.keep[i] = keep;
                }
            }
            newcomers(l, review);
        }
        CommandId::ImportBots => {
            l.filter.no_bots = !l.filter.no_bots;
            refilter(l, review);
        }
        CommandId::ImportPerson => {
            let actor = row.and_then(|i| l.plan.rows[i].candidate.actor.clone());
            l.filter.person = match (&l.filter.person, actor) {
                (None, Some(a)) => Some(a),
                _ => None,
            };
            refilter(l, review);
        }
        CommandId::ImportFrom | CommandId::ImportTo => {
            if let Some(i) = row {
                let at = Some(l.plan.rows[i].candidate.at);
                if id == CommandId::ImportFrom {
                    l.filter.from = at;
                } else {
                    l.filter.to = at;
                }
                refilter(l, review);
            }
        }
        CommandId::ImportClear => {
            l.filter = Filter::default();
            refilter(l, review);
        }
        CommandId::ImportPeople => l.add_people = !l.add_people,
        _ => {}
    }
    Vec::new()
}
