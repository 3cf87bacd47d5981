//! The reviews related to the open one, as the details pane shows them.
//! The library is read off the input thread when a review is opened
//! ([`crate::runtime`] sends [`Action::Related`](super::Action::Related));
//! until then the section says it is looking. Once it is known, the list
//! follows the review's edits: it is made again only when what relates
//! reviews (services, tags, incidents, factors) changed.

use std::sync::Arc;

use crate::domain::Review;
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
