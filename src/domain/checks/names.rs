//! A person's name or handle in the text that will be published.

use super::PublicField;
use crate::domain::review::{ItemId, Review, Role};

/// Where a text of the public summary is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicPlace {
    Field(PublicField),
    /// An action item not marked internal.
    Action(ItemId),
}

impl PublicPlace {
    fn describe(self, review: &Review) -> String {
        match self {
            PublicPlace::Field(f) => format!("the public summary's \"{}\"", f.label()),
            PublicPlace::Action(id) => review
                .actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| format!("public action item {id} \"{}\"", a.text))
                .unwrap_or_else(|| format!("public action item {id}")),
        }
    }
}

/// A person's name or handle in a text that will be published, such as
/// "gary rolled back auth-service" in the resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameInPublic {
    pub place: PublicPlace,
    /// The name or handle as the review knows it: "gary", "@gary".
    pub name: String,
    /// The part the person played, if the review says.
    pub role: Option<Role>,
}

impl NameInPublic {
    /// Every name of a participant, of a person at a key moment or of an
    /// action item's owner that appears as a word in the public summary's
    /// fields or in an action item not marked internal.
    pub fn all(review: &Review) -> Vec<NameInPublic> {
        let people = people(review);
        let s = &review.summary;
        let mut texts: Vec<(PublicPlace, &str)> = vec![
            (PublicPlace::Field(PublicField::Summary), s.summary.as_str()),
            (
                PublicPlace::Field(PublicField::CustomerImpact),
                s.customer_impact.as_str(),
            ),
            (
                PublicPlace::Field(PublicField::ProximateCause),
                s.proximate_cause.as_str(),
            ),
            (
                PublicPlace::Field(PublicField::Resolution),
                s.resolution.as_str(),
            ),
        ];
        texts.extend(
            s.services
                .iter()
                .map(|t| (PublicPlace::Field(PublicField::Services), t.as_str())),
        );
        texts.extend(
            review
                .actions
                .iter()
                .filter(|a| !a.internal)
                .map(|a| (PublicPlace::Action(a.id), a.text.as_str())),
        );
        let mut out: Vec<NameInPublic> = Vec::new();
        for (place, text) in texts {
            let lower = text.to_lowercase();
            for (name, role, words) in &people {
                let named = words.iter().any(|w| has_word(&lower, w));
                let known = out.iter().any(|n| n.place == place && n.name == *name);
                if named && !known {
                    out.push(NameInPublic {
                        place,
                        name: name.clone(),
                        role: *role,
                    });
                }
            }
        }
        out
    }

    /// The people `text` names, as it is typed in the public text at
    /// `place` (before it is saved).
    pub fn in_text(review: &Review, place: PublicPlace, text: &str) -> Vec<NameInPublic> {
        let lower = text.to_lowercase();
        let mut out: Vec<NameInPublic> = Vec::new();
        for (name, role, words) in people(review) {
            if words.iter().any(|w| has_word(&lower, w)) && out.iter().all(|n| n.name != name) {
                out.push(NameInPublic { place, name, role });
            }
        }
        out
    }

    /// What to write instead of the name.
    pub fn instead(&self) -> &'static str {
        match self.role {
            Some(Role::IncidentCommander) => "the incident commander",
            Some(Role::Facilitator) => "the facilitator",
            Some(Role::Stakeholder) => "a manager",
            Some(Role::CustomerVoice) => "the support team",
            Some(Role::EscalationResponder) => "an engineer from the owning team",
            Some(Role::FirstResponder | Role::Other) | None => "the on-call engineer",
        }
    }

    pub fn message(&self, review: &Review) -> String {
        format!(
            "{} names \"{}\": the public text should not name people; write \"{}\" instead",
            self.place.describe(review),
            self.name,
            self.instead()
        )
    }
}

/// The people the review knows by name: (name as entered, role, the
/// lowercase words that name them: the whole name, a handle without its
/// `@`, the part of an address before `@`, and a first name of three
/// letters or more).
fn people(review: &Review) -> Vec<(String, Option<Role>, Vec<String>)> {
    let p = &review.people;
    let mut named: Vec<(&str, Option<Role>)> = review
        .participants
        .iter()
        .map(|x| (x.name.as_str(), Some(x.role)))
        .collect();
    named.extend(
        [
            (&p.commander, Some(Role::IncidentCommander)),
            (&p.facilitator, Some(Role::Facilitator)),
            (&p.detected_by, None),
            (&p.alerted_first, Some(Role::FirstResponder)),
        ]
        .into_iter()
        .filter_map(|(t, role)| t.as_ref().map(|t| (t.as_str(), role))),
    );
    named.extend(
        review
            .actions
            .iter()
            .filter_map(|a| a.owner.as_ref().map(|o| (o.as_str(), None))),
    );
    let mut out: Vec<(String, Option<Role>, Vec<String>)> = Vec::new();
    for (name, role) in named {
        let name = name.trim();
        let lower = name.to_lowercase();
        let bare = lower.trim_start_matches('@');
        let mut words = vec![bare.to_owned()];
        if let Some((local, _)) = bare.split_once('@') {
            words.push(local.to_owned());
        }
        if let Some(first) = bare.split_whitespace().next()
            && first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        {
            words.push(first.to_owned());
        }
        words.retain(|w| w.chars().any(char::is_alphanumeric));
        words.dedup();
        if words.is_empty() {
            continue;
        }
        match out.iter_mut().find(|(n, ..)| n.to_lowercase() == lower) {
            Some(known) => known.1 = known.1.or(role),
            None => out.push((name.to_owned(), role, words)),
        }
    }
    out
}

/// Whether `word` occurs in `text` (both lowercase) between characters
/// that are not letters, digits or `_`.
fn has_word(text: &str, word: &str) -> bool {
    let inside = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(inside) && !after.is_some_and(inside)
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::{
        ActionItem, Learning, LearningKind, Offset, Participant, ReviewKind, Severity, Text,
    };
    use chrono::{DateTime, Utc};

    pub(in crate::domain::checks) fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    pub(in crate::domain::checks) fn review(offset: Offset) -> Review {
        Review::new(
            "r".into(),
            Text::new("t"),
            Severity::Sev2,
            ReviewKind::Full,
            at("2026-11-23T00:00:00Z"),
            offset,
        )
    }

    pub(crate) fn with_people() -> Review {
        let mut r = review(Offset::UTC);
        r.participants.push(Participant {
            name: Text::new("gary"),
            role: Role::FirstResponder,
        });
        r.participants.push(Participant {
            name: Text::new("Priya Raman"),
            role: Role::IncidentCommander,
        });
        r.people.detected_by = Some(Text::new("@lin"));
        r
    }

    fn names(r: &Review) -> Vec<(PublicPlace, String)> {
        NameInPublic::all(r)
            .into_iter()
            .map(|n| (n.place, n.name))
            .collect()
    }

    #[test]
    fn a_name_or_handle_in_public_text_is_caught_and_a_role_suggested() {
        let mut r = with_people();
        r.summary.resolution = Text::new("gary rolled back auth-service");
        r.summary.summary = Text::new("Priya declared the incident; @lin saw it first.");
        let internal = r.add_action(ActionItem::new(Text::new("pair gary with the db team")));
        r.actions.iter_mut().for_each(|a| a.internal = true);
        let public = r.add_action(ActionItem::new(Text::new("Give Lin a dashboard")));
        let resolution = PublicPlace::Field(PublicField::Resolution);
        let summary = PublicPlace::Field(PublicField::Summary);
        assert_eq!(
            names(&r),
            [
                (summary, "Priya Raman".to_owned()),
                (summary, "@lin".to_owned()),
                (resolution, "gary".to_owned()),
                (PublicPlace::Action(public), "@lin".to_owned()),
            ]
        );
        assert!(
            !names(&r)
                .iter()
                .any(|(p, _)| *p == PublicPlace::Action(internal))
        );
        let found = NameInPublic::all(&r);
        let gary = found.iter().find(|n| n.name == "gary").unwrap();
        assert_eq!(
            gary.message(&r),
            "the public summary's \"resolution\" names \"gary\": the public text should not name people; write \"the on-call engineer\" instead"
        );
        let priya = found.iter().find(|n| n.name == "Priya Raman").unwrap();
        assert_eq!(priya.instead(), "the incident commander");
    }

    #[test]
    fn a_name_is_a_whole_word_and_other_text_is_not_public() {
        let mut r = with_people();
        r.summary.resolution = Text::new("Garyson's cache and the lineage check were fixed");
        r.summary.sla_impact = Text::new("gary says no SLA was breached");
        r.add_learning(Learning::new(
            LearningKind::Surprise,
            Text::new("gary knew the limit"),
        ));
        assert_eq!(names(&r), []);
        r.summary.customer_impact = Text::new("Users of GARY-tools saw errors"); // a hyphen ends a word
        assert_eq!(names(&r).len(), 1);
    }
}
