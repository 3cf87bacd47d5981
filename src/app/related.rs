//! The reviews related to the open one, as the details pane shows them.
//! The library is read off the input thread when a review is opened
//! ([`crate::runtime`] sends [`Action::Related`](super::Action::Related));
//! until then the section says it is looking. Once it is known, the list
//! follows the review's edits: it is made again only when what relates
//! reviews (services, tags, incidents, factors) changed.
//!
//! The list also opens over the workspace (`R`): Enter opens the selected
//! review in the workspace, by the same way as the list of reviews (the
//! open review is saved first), and `b` there goes back.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::action::Effect;
use super::commands::CommandId;
use super::state::{App, Audience, Overlay};
use crate::domain::Review;
use crate::domain::text::visible_line;
use crate::library::{Corpus, Related, Subject};

/// How many related reviews the workspace keeps.
pub const SHOWN: usize = 10;

#[derive(Clone, Debug, Default)]
pub enum RelatedView {
    /// Not asked for: a watcher's view, or a review with no library.
    #[default]
    Off,
    /// The library is being read.
    Looking,
    Found {
        corpus: Arc<Corpus>,
        /// The review as the list was made for it.
        of: Subject,
        related: Vec<Related>,
    },
    /// The library could not be read, and why.
    Failed(String),
}

impl RelatedView {
    /// The library has been read: the reviews related to `review`.
    pub fn found(corpus: Arc<Corpus>, review: &Review) -> RelatedView {
        let of = Subject::of_review(review);
        let related = corpus.related_to(&of, SHOWN);
        RelatedView::Found {
            corpus,
            of,
            related,
        }
    }

    /// Makes the list again if `review` changed in what relates it.
    pub fn refresh(&mut self, review: &Review) {
        if let RelatedView::Found {
            corpus,
            of,
            related,
        } = self
        {
            let now = Subject::of_review(review);
            if now != *of {
                *related = corpus.related_to(&now, SHOWN);
                *of = now;
            }
        }
    }

    /// The list, once known.
    pub fn list(&self) -> Option<&[Related]> {
        match self {
            RelatedView::Found { related, .. } => Some(related),
            _ => None,
        }
    }
}

/// The review the open one was opened from, by the list of related
/// reviews: `b` in the list opens it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CameFrom {
    /// The review opened from the list.
    pub to: PathBuf,
    /// The review it was opened from, and its title.
    pub from: PathBuf,
    pub title: String,
    /// The way back that held before this one, kept until the open is
    /// known to have worked: a related review that fails to open leaves
    /// the way back from the open one as it was.
    pub before: Option<Box<CameFrom>>,
}

impl App {
    /// The review the open one was opened from, while it is the one open.
    pub fn came_from(&self) -> Option<&CameFrom> {
        let file = self.workspace()?.file.as_ref()?;
        let now = self.came_from.as_ref()?;
        if now.to == *file {
            return Some(now);
        }
        now.before.as_deref().filter(|c| c.to == *file)
    }
}

/// The related-reviews command: the list over the workspace, or why it
/// cannot be shown.
pub fn open(app: &mut App) -> Vec<Effect> {
    if app.audience == Audience::Watcher {
        app.warn("A watcher opens no other review: open it with debrief open REVIEW");
        return Vec::new();
    }
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    match &ws.related {
        RelatedView::Off => {
            app.warn("No related reviews: this review is not in a library to look in");
        }
        RelatedView::Failed(why) => {
            let why = visible_line(why).into_owned();
            app.warn(format!("Related reviews are not known: {why}"));
        }
        RelatedView::Looking | RelatedView::Found { .. } => {
            app.overlays.push(Overlay::Related { selected: 0 });
        }
    }
    Vec::new()
}

/// A key in the list of related reviews.
pub fn key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    let len = app
        .workspace()
        .and_then(|ws| ws.related.list())
        .map_or(0, <[Related]>::len);
    let Some(Overlay::Related { selected }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let last = len.saturating_sub(1);
    match command {
        Some(CommandId::Down) => *selected = (*selected + 1).min(last),
        Some(CommandId::Up) => *selected = selected.saturating_sub(1).min(last),
        Some(CommandId::Top) => *selected = 0,
        Some(CommandId::Bottom) => *selected = last,
        Some(CommandId::OpenItem) => {
            let at = (*selected).min(last);
            return open_related(app, at);
        }
        Some(CommandId::RelatedBack) => return back(app),
        Some(CommandId::Help) => super::overlays::help(app),
        Some(CommandId::Close) => {
            app.overlays.pop();
        }
        _ => {}
    }
    Vec::new()
}

/// Opens the `at`th related review, once the open review's changes can
/// be saved (the runtime saves them before it opens the other).
fn open_related(app: &mut App, at: usize) -> Vec<Effect> {
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    let RelatedView::Found {
        corpus, related, ..
    } = &ws.related
    else {
        app.info("Still looking for related reviews: Enter again once they are listed");
        return Vec::new();
    };
    let Some(r) = related.get(at) else {
        return Vec::new();
    };
    let title = visible_line(&r.title).into_owned();
    let Some(to) = corpus.file_of(&r.id).map(Path::to_path_buf) else {
        app.warn(format!(
            "Not opened: the file of {title} is not known; open it from the list of reviews"
        ));
        return Vec::new();
    };
    leave_for(app, to)
}

/// Leaves the open review for the one at `to`, remembering where it came
/// from so that back leads there; refused while the open review's
/// changes are not saved.
fn leave_for(app: &mut App, to: PathBuf) -> Vec<Effect> {
    let Some(ws) = app.workspace() else {
        return Vec::new();
    };
    if let Some(e) = ws.unsaved() {
        let e = e.to_owned();
        app.error(format!(
            "Not opened: this review's changes are not saved ({e}); debrief keeps trying"
        ));
        return Vec::new();
    }
    // One way back is kept behind the new one, no more.
    let before = app
        .came_from()
        .cloned()
        .map(|c| Box::new(CameFrom { before: None, ..c }));
    app.came_from = ws.file.clone().map(|from| CameFrom {
        to: to.clone(),
        from,
        title: ws.review.title.to_string(),
        before,
    });
    app.landing = None;
    app.overlays.clear();
    vec![Effect::Open(to)]
}

/// Opens again the review the open one was opened from.
fn back(app: &mut App) -> Vec<Effect> {
    let Some(back) = app.came_from().cloned() else {
        app.info("No review to go back to: this one was not opened from a list of related reviews");
        return Vec::new();
    };
    // Back again leads here.
    leave_for(app, back.from)
}
