//! A review in brief: what `list`, the picker, `actions`, `stats` and
//! `digest` need, small enough that thousands load at once. Pure.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{
    ActionStatus, Area, Effect, EventKind, KeyMoments, Moment, Priority, Review, ReviewKind,
    Severity, Status,
};

/// One review, in brief.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSummary {
    pub id: String,
    /// The first line of the title.
    pub title: String,
    /// The day of the incident, in the review's offset.
    pub date: NaiveDate,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub severity: Severity,
    pub status: Status,
    pub kind: ReviewKind,
    pub services: Vec<String>,
    /// The review's tags, then the `#words` written in the title or the
    /// summary: lowercased, without the `#`, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The incident references: one per comma, semicolon or space of the
    /// incident field (`INC-1, PD-7`), then the review's other incidents,
    /// each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<String>,
    pub moments: KeyMoments,
    pub durations: Durations,
    pub counts: Counts,
    pub actions: Vec<ActionRow>,
    pub factors: Vec<FactorRow>,
    /// Everyone named as a participant or at a key moment, once each.
    pub participants: Vec<String>,
}

/// The spans of the incident, in seconds, when both ends are known.
/// Mitigation, resolution and the first status page update count from the
/// start of impact when it is known, else from detection (as the review's
/// own metrics do).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durations {
    pub detect: Option<i64>,
    pub acknowledge: Option<i64>,
    pub mitigate: Option<i64>,
    pub resolve: Option<i64>,
    pub first_status_update: Option<i64>,
}

/// How many items of each sort the review holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub events: usize,
    pub learnings: usize,
    pub factors: usize,
    pub actions: usize,
    pub open_actions: usize,
    pub parking: usize,
}

/// An action item as the follow-up commands show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRow {
    /// Its place among the review's action items, from 1 (`debrief set
    /// REVIEW action N` takes the item number, `id`, instead).
    pub number: usize,
    /// Its item number within the review.
    pub id: u64,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

impl ActionRow {
    /// Still open, and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|d| d < today)
    }
}

/// A contributing factor, for the counts across reviews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorRow {
    pub area: Area,
    pub effect: Effect,
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

/// Where in a review a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    Title,
    Incident,
    Summary,
    Services,
    CustomerImpact,
    SlaImpact,
    ProximateCause,
    Resolution,
    Event,
    Learning,
    Factor,
    Action,
    Parking,
    Notes,
}

impl Place {
    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Place::Title => "title",
            Place::Incident => "incident",
            Place::Summary => "summary",
            Place::Services => "services",
            Place::CustomerImpact => "customer impact",
            Place::SlaImpact => "SLA impact",
            Place::ProximateCause => "proximate cause",
            Place::Resolution => "resolution",
            Place::Event => "event",
            Place::Learning => "learning",
            Place::Factor => "factor",
            Place::Action => "action",
            Place::Parking => "parking lot",
            Place::Notes => "notes",
        }
    }
}

/// One text of a review, where it is, and the item it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextItem {
    pub place: Place,
    /// The item number, for items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u64>,
    pub text: String,
}

/// Every text of a review, in the order of the review.
pub type Texts = Vec<TextItem>;

impl ReviewSummary {
    pub fn of(review: &Review) -> ReviewSummary {
        let m = &review.moments;
        let origin = m.started.or(m.detected);
        let span =
            |from: Option<DateTime<Utc>>, to: Moment| Some((m.get(to)? - from?).num_seconds());
        let first_status = review
            .timeline
            .iter()
            .find(|e| e.kind == EventKind::StatusPage)
            .map(|e| e.at);
        let durations = Durations {
            detect: span(m.started, Moment::Detected),
            acknowledge: span(m.detected, Moment::Acknowledged),
            mitigate: span(origin, Moment::Mitigated),
            resolve: span(origin, Moment::Resolved),
            first_status_update: first_status
                .zip(origin)
                .map(|(at, from)| (at - from).num_seconds()),
        };
        let mut participants: Vec<String> = Vec::new();
        let people = &review.people;
        for name in review
            .participants
            .iter()
            .map(|p| &p.name)
            .chain(people.detected_by.iter())
            .chain(people.alerted_first.iter())
            .chain(people.commander.iter())
            .chain(people.facilitator.iter())
        {
            let name = name.trim();
            if !name.is_empty() && !participants.iter().any(|p| p == name) {
                participants.push(name.to_owned());
            }
        }
        let (tags, incidents) = (tags_of(review), incidents_of(review));
        ReviewSummary {
            id: review.id.clone(),
            title: review.title.lines().next().unwrap_or_default().to_owned(),
            date: review.incident_date(),
            created: review.created,
            updated: review.updated,
            severity: review.severity,
            status: review.status,
            kind: review.kind,
            services: review
                .summary
                .services
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            tags,
            incidents,
            moments: review.moments.clone(),
            durations,
            counts: Counts {
                events: review.timeline.len(),
                learnings: review.learnings.len(),
                factors: review.factors.len(),
                actions: review.actions.len(),
                open_actions: review.open_actions(),
                parking: review.parking_lot.len(),
            },
            actions: review
                .actions
                .iter()
                .enumerate()
                .map(|(i, a)| ActionRow {
                    number: i + 1,
                    id: a.id.0,
                    text: a.text.to_string(),
                    owner: named(a.owner.as_deref()),
                    priority: a.priority,
                    due: a.due,
                    status: a.status,
                    ticket: named(a.ticket.as_deref()),
                    internal: a.internal,
                })
                .collect(),
            factors: review
                .factors
                .iter()
                .map(|f| FactorRow {
                    area: f.area,
                    effect: f.effect,
                    text: f.text.to_string(),
                    internal: f.internal,
                })
                .collect(),
            participants,
        }
    }

    /// Whether `name` owns one of the review's action items, or took part
    /// (ignoring case).
    pub fn owns_action(&self, name: &str) -> bool {
        self.actions
            .iter()
            .any(|a| a.owner.as_deref().is_some_and(|o| same_name(o, name)))
    }
}

/// Two names the same person would give, ignoring case and the spaces
/// around them.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn named(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The review's tags, then the `#words` of its title and summary:
/// lowercased, each once.
pub fn tags_of(review: &Review) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in review
        .tags
        .iter()
        .map(|t| t.to_lowercase())
        .chain(hashtags(&review.title))
        .chain(hashtags(&review.summary.summary))
    {
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// The references of the incident field, then the review's other
/// incidents, each once (ignoring case).
pub fn incidents_of(review: &Review) -> Vec<String> {
    let mut incidents = review
        .incident
        .as_deref()
        .map(references)
        .unwrap_or_default();
    for more in &review.incidents {
        if !incidents.iter().any(|i| i.eq_ignore_ascii_case(more)) {
            incidents.push(more.to_string());
        }
    }
    incidents
}

/// The incident references in the incident field: split at commas,
/// semicolons and white space.
pub fn references(field: &str) -> Vec<String> {
    field
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The `#tags` of a text: a `#` at the start of a word, then letters,
/// digits, `-` or `_`; lowercased, each once.
pub fn hashtags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts_word = prev.is_none_or(|p| p.is_whitespace() || p == '(' || p == ',');
        prev = Some(c);
        if c != '#' || !starts_word {
            continue;
        }
        let rest = &text[i + 1..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        let tag = rest[..end].trim_end_matches(['-', '_']).to_lowercase();
        if tag.chars().next().is_some_and(char::is_alphabetic) && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Every text of `review`, where it is and which item it belongs to.
pub fn texts(review: &Review) -> Texts {
    let mut out = Vec::new();
    let mut push = |place, item: Option<u64>, text: &str| {
        if !text.trim().is_empty() {
            out.push(TextItem {
                place,
                item,
                text: text.to_owned(),
            });
        }
    };
    push(Place::Title, None, &review.title);
    if let Some(incident) = &review.incident {
        push(Place::Incident, None, incident);
    }
    let s = &review.summary;
    push(Place::Summary, None, &s.summary);
    let services: Vec<&str> = s.services.iter().map(|t| t.as_str()).collect();
    push(Place::Services, None, &services.join(", "));
    push(Place::CustomerImpact, None, &s.customer_impact);
    push(Place::SlaImpact, None, &s.sla_impact);
    push(Place::ProximateCause, None, &s.proximate_cause);
    push(Place::Resolution, None, &s.resolution);
    for e in &review.timeline {
        match &e.actor {
            Some(actor) if !actor.trim().is_empty() => {
                push(Place::Event, Some(e.id.0), &format!("{actor}: {}", e.text))
            }
            _ => push(Place::Event, Some(e.id.0), &e.text),
        }
    }
    for l in &review.learnings {
        push(Place::Learning, Some(l.id.0), &l.text);
    }
    for f in &review.factors {
        push(Place::Factor, Some(f.id.0), &f.text);
    }
    for a in &review.actions {
        push(Place::Action, Some(a.id.0), &a.text);
    }
    for p in &review.parking_lot {
        push(Place::Parking, Some(p.id.0), &p.text);
    }
    push(Place::Notes, None, &review.notes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_start_words_and_are_lowercased_once() {
        assert_eq!(
            hashtags("#DB failover (#network) and #db again, not a#b nor #1 nor C#"),
            vec!["db", "network"]
        );
        assert_eq!(hashtags("#dns-lookup_slow."), vec!["dns-lookup_slow"]);
    }

    #[test]
    fn tags_and_incidents_take_the_fields_and_the_words() {
        use crate::domain::{ReviewKind, Severity, Text};
        let mut r = Review::new(
            "r".into(),
            Text::new("DNS failover #Network"),
            Severity::Sev2,
            ReviewKind::Full,
            chrono::DateTime::UNIX_EPOCH,
            "+00:00".parse().unwrap(),
        );
        r.summary.summary = Text::new("Resolvers timed out #db #dns");
        r.tags = vec![Text::new("dns"), Text::new("resolver")];
        r.incident = Some(Text::new("INC-1, PD-7"));
        r.incidents = vec![Text::new("pd-7"), Text::new("ALERT-3")];
        let s = ReviewSummary::of(&r);
        assert_eq!(s.tags, ["dns", "resolver", "network", "db"]);
        assert_eq!(s.incidents, ["INC-1", "PD-7", "ALERT-3"]);
    }

    #[test]
    fn incident_references_split_at_commas_semicolons_and_spaces() {
        assert_eq!(
            references(" INC-1, PD-7;  INC-9 "),
            vec!["INC-1", "PD-7", "INC-9"]
        );
    }
}
