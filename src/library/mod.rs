//! The team's library: every review of the folder at once.
//!
//! - [`summary`]: what one review says in brief (pure): its fields, key
//!   moments, durations, counts, action items, and the texts search reads.
//! - [`actions`]: every action item across reviews.
//! - [`filter`]: which reviews a command looks at.
//! - [`search`]: every text of every review, ranked.
//! - [`related`]: the reviews that share a service, a tag, an incident or
//!   a factor's words with a review.
//! - [`digest`]: the learnings, factors and open action items of recent
//!   reviews, for a team's learning meeting.
//! - [`index`]: the cache of those summaries kept beside the reviews,
//!   refreshed for a file only when its size or modification time changed.
//! - [`stats`]: figures across reviews (trends, durations, factors,
//!   follow-ups, the cost of downtime), for `debrief stats` and the screen.
//! - [`team`]: the team's own figures, in `team.ron` beside the reviews.
//! - [`rows`]: what `list` and the picker show of each review, in a file
//!   of its own that is cheap to read.
//! - [`words`]: every text of every review and the items each word is
//!   in, so that a search reads only what its words point at.
//!
//! The review files stay the only source of truth: the cache can be
//! deleted at any time, and is rebuilt from the files when it is missing,
//! broken, or of another version.

pub mod actions;
mod codec;
pub mod digest;
pub mod filter;
pub mod index;
mod look;
pub mod related;
pub mod rows;
pub mod search;
pub mod stats;
pub mod summary;
pub mod team;
pub mod words;

pub use filter::{Filter, parse_day};
pub use index::{Entry, INDEX_FILE, Library, Stamp};
pub use related::{Corpus, Related, Shared, Subject};
pub use rows::{ROWS_FILE, Row};
pub use stats::{By, Period, Span, Stats};
pub use summary::{ActionRow, Counts, Durations, FactorRow, Place, ReviewSummary, TextItem, Texts};
pub use team::{TEAM_FILE, Team, TeamError};
pub use words::{WORDS_FILE, Words};
