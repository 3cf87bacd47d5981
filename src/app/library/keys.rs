//! Keys on the library screen and in its list of reviews to pick from.

use super::{Landing, LibraryView, Picking, Section};
use crate::app::action::Effect;
use crate::app::commands::CommandId;
use crate::app::state::{App, Cursor, Screen};
use crate::library::stats::{By, Period};

/// A key on the library screen, as the command its mode binds it to.
pub fn key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    let page = usize::from(app.size.1.saturating_sub(10)).max(1);
    let Screen::Library(view) = &mut app.screen else {
        return Vec::new();
    };
    let Some(command) = command else {
        return Vec::new();
    };
    if view.picking.is_some() {
        return pick_key(app, command, page);
    }
    let section = view.section;
    let len = view.len(section);
    match command {
        CommandId::NextPane => view.section = section.next(),
        CommandId::PrevPane => view.section = section.prev(),
        CommandId::SwitchPeriod => switch_period(view),
        CommandId::OpenItem => return open(app),
        CommandId::Help => crate::app::overlays::help(app),
        CommandId::Close => {
            let back = std::mem::take(&mut view.back);
            app.screen = Screen::Picker(back);
        }
        CommandId::Quit => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        other => {
            let c = &mut view.cursors[section.index()];
            moved(c, other, len, page);
        }
    }
    Vec::new()
}

/// Moves a selection among `len` things by `command`.
fn moved(c: &mut Cursor, command: CommandId, len: usize, page: usize) {
    let last = len.saturating_sub(1);
    let at = c.selected.min(last);
    c.selected = match command {
        CommandId::Down => (at + 1).min(last),
        CommandId::Up => at.saturating_sub(1),
        CommandId::PageDown => (at + page).min(last),
        CommandId::PageUp => at.saturating_sub(page),
        CommandId::Top => 0,
        CommandId::Bottom => last,
        _ => at,
    };
}

/// Counts by the other period, the selection on the period that holds
/// the first day of the one selected.
fn switch_period(view: &mut LibraryView) {
    let day = view
        .selected(Section::Severity)
        .map(|i| view.periods()[i].period.first_day());
    view.by = match view.by {
        By::Month => By::Quarter,
        By::Quarter => By::Month,
    };
    let by = view.by;
    let periods = view.periods();
    let at = match day {
        Some(day) => {
            let want = Period::of(day, by);
            periods
                .iter()
                .position(|p| p.period == want)
                .unwrap_or(periods.len().saturating_sub(1))
        }
        None => periods.len().saturating_sub(1),
    };
    view.cursors[Section::Severity.index()] = Cursor {
        selected: at,
        offset: 0,
    };
}

/// Enter: an action item opens its review at the item; anything else
/// lists the reviews behind it.
fn open(app: &mut App) -> Vec<Effect> {
    let Screen::Library(view) = &mut app.screen else {
        return Vec::new();
    };
    let section = view.section;
    let Some(at) = view.selected(section) else {
        app.info("Nothing here to open");
        return Vec::new();
    };
    let (title, reviews) = match section {
        Section::FollowUps => {
            let f = &view.follow_ups[at];
            let file = view.reviews[f.review].path.clone();
            app.landing = Some(Landing {
                file: file.clone(),
                action: f.id,
                place: f.place,
            });
            return vec![Effect::Open(file)];
        }
        Section::Severity => {
            let p = &view.periods()[at];
            (p.period.label(), p.reviews.clone())
        }
        Section::Resolve => {
            let b = &view.bins[at];
            (format!("{} to resolve", b.label), b.reviews.clone())
        }
        Section::Factors => {
            let f = &view.factors[at];
            let what = match f.kind {
                super::FactorKind::Area(_) => "factors of the area",
                super::FactorKind::Word => "factors that say",
            };
            (format!("{what} “{}”", f.name), f.reviews.clone())
        }
    };
    if reviews.is_empty() {
        app.info(format!("No reviews in {title}"));
        return Vec::new();
    }
    view.picking = Some(Picking {
        title,
        reviews: newest_first(view, reviews),
        cursor: Cursor::default(),
    });
    Vec::new()
}

/// The reviews by their place, the newest incident first.
fn newest_first(view: &LibraryView, mut reviews: Vec<usize>) -> Vec<usize> {
    reviews.sort_by(|a, b| {
        let (x, y) = (&view.reviews[*a], &view.reviews[*b]);
        (y.date, *b).cmp(&(x.date, *a))
    });
    reviews.dedup();
    reviews
}

/// A key in the list of reviews to pick from.
fn pick_key(app: &mut App, command: CommandId, page: usize) -> Vec<Effect> {
    let Screen::Library(view) = &mut app.screen else {
        return Vec::new();
    };
    let Some(pick) = &mut view.picking else {
        return Vec::new();
    };
    match command {
        CommandId::OpenItem => {
            let at = pick
                .cursor
                .selected
                .min(pick.reviews.len().saturating_sub(1));
            let Some(file) = pick.reviews.get(at).map(|i| view.reviews[*i].path.clone()) else {
                return Vec::new();
            };
            app.landing = None;
            return vec![Effect::Open(file)];
        }
        CommandId::Close => view.picking = None,
        CommandId::Help => crate::app::overlays::help(app),
        CommandId::Quit => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        other => {
            let len = pick.reviews.len();
            moved(&mut pick.cursor, other, len, page);
        }
    }
    Vec::new()
}
