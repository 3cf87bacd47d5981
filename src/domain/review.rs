//! The review itself: what happened, who took part, and what was learned.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::action::{ActionItem, ParkingItem};
use super::factor::Factor;
use super::learning::Learning;
use super::meeting::Meeting;
use super::reframe::SummaryReframed;
use super::text::Text;
use super::time::Offset;
use super::timeline::Event;
use crate::spelled_enum;

/// The version of the saved form of a review. Raise it when a change to
/// the types would make an older debrief misread a newer file.
///
/// - 1: the first.
/// - 2: adds `meeting` (stage, clock, time boxes) and `published` (who
///   and when). A version 1 file is a version 2 file without them, and is
///   written back as version 2. Later, still 2: `tags`, `incidents`,
///   `quote` (events, learnings, factors, action items) and `reframed`
///   (those, parking lot items and the summary), each written only when
///   set, so a file without them is unchanged, and an older debrief
///   refuses one with them, naming the field, rather than misreading it.
pub const SCHEMA_VERSION: u32 = 2;

spelled_enum! {
    /// How bad the incident was, in the common five-level scheme.
    "severity" enum Severity {
        Sev1 => "Sev1" | "1" | "sev-1",
        Sev2 => "Sev2" | "2" | "sev-2",
        Sev3 => "Sev3" | "3" | "sev-3",
        Sev4 => "Sev4" | "4" | "sev-4",
        Sev5 => "Sev5" | "5" | "sev-5",
    }
}

spelled_enum! {
    /// The alerting priority that follows from a severity.
    "alert priority" enum AlertPriority {
        Critical => "Critical",
        Warning => "Warning",
        Info => "Info",
    }
}

impl Severity {
    pub fn priority(self) -> AlertPriority {
        match self {
            Severity::Sev1 | Severity::Sev2 => AlertPriority::Critical,
            Severity::Sev3 | Severity::Sev4 => AlertPriority::Warning,
            Severity::Sev5 => AlertPriority::Info,
        }
    }

    /// What the level means, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            Severity::Sev1 => "complete outage",
            Severity::Sev2 => "major functionality broken, revenue affected",
            Severity::Sev3 => "minor problem",
            Severity::Sev4 => "redundant component failed",
            Severity::Sev5 => "false alarm or unactionable alert",
        }
    }
}

spelled_enum! {
    /// Where the review stands.
    "status" enum Status {
        Draft => "draft",
        InReview => "in review" | "review" | "in-progress",
        Reviewed => "reviewed",
        Published => "published",
        NotRequired => "not required" | "n/a" | "none",
    }
}

spelled_enum! {
    /// A full meeting, or a short solo review of a minor incident.
    "kind of review" enum ReviewKind {
        Full => "full",
        Quick => "quick" | "solo" | "short",
    }
}

spelled_enum! {
    /// The part a person played in the incident or the review.
    "role" enum Role {
        FirstResponder => "first responder" | "responder" | "fr",
        EscalationResponder => "escalation responder" | "escalation" | "expert",
        IncidentCommander => "incident commander" | "commander" | "ic",
        Facilitator => "facilitator",
        Stakeholder => "stakeholder" | "manager",
        CustomerVoice => "customer voice" | "support" | "customer",
        Other => "other",
    }
}

/// A person who took part in the incident or in the review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: Text,
    pub role: Role,
}

spelled_enum! {
    /// One of the five moments that frame an incident's lifecycle.
    "key moment" enum Moment {
        Started => "started" | "impact-started" | "start" | "impact",
        Detected => "detected" | "detection",
        Acknowledged => "acknowledged" | "acked" | "ack",
        Mitigated => "mitigated" | "mitigation",
        Resolved => "resolved" | "restored" | "recovered",
    }
}

impl Moment {
    /// The longer description shown beside the value.
    pub fn describe(self) -> &'static str {
        match self {
            Moment::Started => "impact started",
            Moment::Detected => "detected",
            Moment::Acknowledged => "acknowledged",
            Moment::Mitigated => "mitigated",
            Moment::Resolved => "resolved",
        }
    }
}

/// When the incident started, was noticed, taken on, contained and ended.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KeyMoments {
    pub started: Option<DateTime<Utc>>,
    pub detected: Option<DateTime<Utc>>,
    pub acknowledged: Option<DateTime<Utc>>,
    pub mitigated: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
}

impl KeyMoments {
    pub fn get(&self, m: Moment) -> Option<DateTime<Utc>> {
        match m {
            Moment::Started => self.started,
            Moment::Detected => self.detected,
            Moment::Acknowledged => self.acknowledged,
            Moment::Mitigated => self.mitigated,
            Moment::Resolved => self.resolved,
        }
    }

    pub fn set(&mut self, m: Moment, at: Option<DateTime<Utc>>) {
        let slot = match m {
            Moment::Started => &mut self.started,
            Moment::Detected => &mut self.detected,
            Moment::Acknowledged => &mut self.acknowledged,
            Moment::Mitigated => &mut self.mitigated,
            Moment::Resolved => &mut self.resolved,
        };
        *slot = at;
    }

    /// The moments that are set, in lifecycle order.
    pub fn set_moments(&self) -> impl Iterator<Item = (Moment, DateTime<Utc>)> + '_ {
        Moment::ALL
            .iter()
            .filter_map(|m| self.get(*m).map(|at| (*m, at)))
    }

    /// The earliest moment set, if any.
    pub fn earliest(&self) -> Option<DateTime<Utc>> {
        self.set_moments().map(|(_, at)| at).min()
    }
}

/// The people at the key moments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KeyPeople {
    pub detected_by: Option<Text>,
    pub alerted_first: Option<Text>,
    pub commander: Option<Text>,
    pub facilitator: Option<Text>,
}

/// The fields of the public summary that are not lists of items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Summary {
    pub summary: Text,
    pub services: Vec<Text>,
    pub customer_impact: Text,
    pub sla_impact: Text,
    pub proximate_cause: Text,
    pub resolution: Text,
    /// What the room reframed in each of the texts above.
    #[serde(skip_serializing_if = "SummaryReframed::is_empty")]
    pub reframed: SummaryReframed,
}

impl Summary {
    /// The summary as customers may see it: no SLA impact, no record of
    /// what was reframed. Every field is named: a new one is left out or
    /// let through on purpose.
    pub fn public(&self) -> Summary {
        let Summary {
            summary,
            services,
            customer_impact,
            sla_impact: _,
            proximate_cause,
            resolution,
            reframed: _,
        } = self;
        Summary {
            summary: summary.clone(),
            services: services.clone(),
            customer_impact: customer_impact.clone(),
            proximate_cause: proximate_cause.clone(),
            resolution: resolution.clone(),
            ..Summary::default()
        }
    }
}

/// A number that names an item within its review; never reused.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ItemId(pub u64);

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A post-incident review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub schema: u32,
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub incident: Option<Text>,
    /// More incident numbers and alerts that belong to this review, one
    /// an entry (one a line in the file, so that git merges two people's
    /// additions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Text>,
    /// Words the team finds the review by (`db`, `dns`): lowercased,
    /// without `#`, each once. `#words` in the title and the summary
    /// count as tags too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Text>,
    pub severity: Severity,
    pub status: Status,
    pub kind: ReviewKind,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The offset that times are read and shown in; they are stored in UTC.
    pub offset: Offset,
    #[serde(default)]
    pub moments: KeyMoments,
    #[serde(default)]
    pub people: KeyPeople,
    #[serde(default)]
    pub summary: Summary,
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Kept in time order; events at the same time keep the order they
    /// were added in.
    #[serde(default)]
    pub timeline: Vec<Event>,
    #[serde(default)]
    pub learnings: Vec<Learning>,
    #[serde(default)]
    pub factors: Vec<Factor>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    #[serde(default)]
    pub parking_lot: Vec<ParkingItem>,
    /// The facilitator's private notes; never in any report.
    #[serde(default)]
    pub notes: Text,
    /// The number the next item added will take.
    #[serde(default)]
    pub next_id: u64,
    /// Where the review meeting stands: stage, clock and time boxes.
    #[serde(default, skip_serializing_if = "Meeting::is_empty")]
    pub meeting: Meeting,
    /// Who set the status to published, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Publication>,
}

/// Who published a review, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub by: Text,
    pub at: DateTime<Utc>,
}

impl Review {
    /// A new, empty draft. The caller supplies the time and the id, so that
    /// the domain never reads the clock or a random source.
    pub fn new(
        id: String,
        title: Text,
        severity: Severity,
        kind: ReviewKind,
        now: DateTime<Utc>,
        offset: Offset,
    ) -> Review {
        Review {
            schema: SCHEMA_VERSION,
            id,
            title,
            incident: None,
            incidents: Vec::new(),
            tags: Vec::new(),
            severity,
            status: Status::Draft,
            kind,
            created: now,
            updated: now,
            offset,
            moments: KeyMoments::default(),
            people: KeyPeople::default(),
            summary: Summary::default(),
            participants: Vec::new(),
            timeline: Vec::new(),
            learnings: Vec::new(),
            factors: Vec::new(),
            actions: Vec::new(),
            parking_lot: Vec::new(),
            notes: Text::default(),
            next_id: 1,
            meeting: Meeting::default(),
            published: None,
        }
    }

    /// Records who published the review when its status has just become
    /// published (`before` is the status it had), and forgets the record
    /// when it stops being published. `who` is used only if the review
    /// names no facilitator.
    pub fn note_status_change(&mut self, before: Status, who: &str, now: DateTime<Utc>) {
        match (before, self.status) {
            (Status::Published, Status::Published) => {}
            (_, Status::Published) => {
                let by = self
                    .people
                    .facilitator
                    .clone()
                    .filter(|f| !f.trim().is_empty())
                    .unwrap_or_else(|| Text::trimmed(who));
                self.published = Some(Publication { by, at: now });
            }
            _ => self.published = None,
        }
    }

    /// Takes the next item number.
    pub fn take_id(&mut self) -> ItemId {
        let id = ItemId(self.next_id.max(1));
        self.next_id = id.0 + 1;
        id
    }

    /// Makes the review consistent after it was read from a file a person
    /// may have edited: events in time order and an item counter above
    /// every number in use.
    pub fn normalise(&mut self) {
        self.sort_timeline();
        super::reframe::tidy_review(self);
        let highest = self
            .timeline
            .iter()
            .map(|e| e.id)
            .chain(self.learnings.iter().map(|l| l.id))
            .chain(self.factors.iter().map(|f| f.id))
            .chain(self.actions.iter().map(|a| a.id))
            .chain(self.parking_lot.iter().map(|p| p.id))
            .max()
            .unwrap_or_default();
        self.next_id = self.next_id.max(highest.0 + 1);
    }

    /// Puts the timeline back in time order; a stable sort, so events at
    /// the same minute keep the order they were told in.
    pub fn sort_timeline(&mut self) {
        self.timeline.sort_by_key(|e| e.at);
    }

    /// Files an event in time order, after any event at the same time, and
    /// gives it a number.
    pub fn add_event(&mut self, mut event: Event) -> ItemId {
        event.id = self.take_id();
        let at = self.timeline.partition_point(|e| e.at <= event.at);
        self.timeline.insert(at, event);
        self.timeline[at].id
    }

    pub fn add_learning(&mut self, mut learning: Learning) -> ItemId {
        learning.id = self.take_id();
        self.learnings.push(learning);
        self.learnings.last().map(|l| l.id).unwrap_or_default()
    }

    pub fn add_factor(&mut self, mut factor: Factor) -> ItemId {
        factor.id = self.take_id();
        self.factors.push(factor);
        self.factors.last().map(|f| f.id).unwrap_or_default()
    }

    pub fn add_action(&mut self, mut action: ActionItem) -> ItemId {
        action.id = self.take_id();
        self.actions.push(action);
        self.actions.last().map(|a| a.id).unwrap_or_default()
    }

    pub fn add_parking(&mut self, mut item: ParkingItem) -> ItemId {
        item.id = self.take_id();
        self.parking_lot.push(item);
        self.parking_lot.last().map(|p| p.id).unwrap_or_default()
    }

    pub fn event(&self, id: ItemId) -> Option<&Event> {
        self.timeline.iter().find(|e| e.id == id)
    }

    /// The day that a time typed without a date belongs to: the date of the
    /// earliest key moment set, else the day the review was created, in the
    /// review's offset.
    pub fn incident_date(&self) -> NaiveDate {
        let anchor = self.moments.earliest().unwrap_or(self.created);
        self.offset.local(anchor).date_naive()
    }

    /// Action items still to be done.
    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|a| a.status.is_open()).count()
    }

    /// What may be shown outside the organisation: the public summary's
    /// fields and the action items not marked internal, without owners,
    /// tickets, or how the room handled their words (quotes, the record
    /// of what was reframed). The timeline, learnings and factors (whose texts name
    /// people and internal systems), the participants, the people at the
    /// key moments, the SLA impact, the incident references, the tags, the
    /// meeting's clock, who published it and the facilitator's notes are
    /// all left out.
    pub fn public_view(&self) -> Review {
        Review {
            schema: self.schema,
            id: self.id.clone(),
            title: self.title.clone(),
            incident: None,
            incidents: Vec::new(),
            tags: Vec::new(),
            severity: self.severity,
            status: self.status,
            kind: self.kind,
            created: self.created,
            updated: self.updated,
            offset: self.offset,
            moments: self.moments.clone(),
            people: KeyPeople::default(),
            summary: self.summary.public(),
            participants: Vec::new(),
            timeline: Vec::new(),
            learnings: Vec::new(),
            factors: Vec::new(),
            actions: self
                .actions
                .iter()
                .filter(|a| !a.internal)
                .map(ActionItem::public)
                .collect(),
            parking_lot: Vec::new(),
            notes: Text::default(),
            next_id: self.next_id,
            meeting: Meeting::default(),
            // When it was published is public; who, like every other name,
            // is not.
            published: self.published.as_ref().map(|p| Publication {
                by: Text::default(),
                at: p.at,
            }),
        }
    }
}
