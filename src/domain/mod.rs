//! The review as data. Pure Rust: no terminal, no file, no clock.

pub mod action;
pub mod chart;
pub mod checks;
pub mod coach;
pub mod entry;
pub mod factor;
pub mod fields;
pub mod guards;
pub mod id;
pub mod learning;
pub mod listed;
pub mod lists;
pub mod meeting;
pub mod metrics;
pub mod quick;
pub mod reframe;
pub mod review;
pub mod secrets;
pub mod spelled;
pub mod text;
pub mod time;
pub mod timeline;

pub use action::{ActionItem, ActionStatus, Improves, ParkingItem, Priority};
pub use chart::{Band, Marker, Point, RecoveryChart, recovery_chart};
pub use checks::{Check, PublicField};
pub use coach::{Category, CategoryId, Coach, Flag};
pub use entry::{TAGS_HINT, Tagged, parse_tags};
pub use factor::{Area, Effect, Factor};
pub use fields::{Field, FieldError};
pub use learning::{Learning, LearningKind};
pub use listed::{ItemList, Listed};
pub use meeting::{Clock, Meeting, Stage, clock_text, default_timebox};
pub use metrics::{Metrics, OutOfOrder, PhaseTime, Span};
pub use reframe::{Statement, SummaryReframed};
pub use review::{
    AlertPriority, ItemId, KeyMoments, KeyPeople, Moment, Participant, Publication, Review,
    ReviewKind, Role, SCHEMA_VERSION, Severity, Status, Summary,
};
pub use spelled::UnknownValue;
pub use text::Text;
pub use time::{
    Offset, QuickEvent, TimeError, format_duration, parse_date, parse_due, parse_quick_event,
    parse_time,
};
pub use timeline::{Event, EventKind, Impact, Phase, Source};
