//! Setting a review's fields by name, from text as a person types it.
//!
//! Shared by the command line (`debrief set REVIEW FIELD VALUE`) and any
//! other front end that edits fields from text.

use super::lists::{parse_references, parse_tags};
use super::review::{Moment, Review, ReviewKind, Severity, Status};
use super::spelled::UnknownValue;
use super::text::Text;
use super::time::{Offset, TimeError, parse_time};
use crate::spelled_enum;

spelled_enum! {
    /// A field of a review that can be set from text.
    "field" enum Field {
        Title => "title",
        Incident => "incident" | "incident-ref" | "ref",
        Incidents => "incidents" | "other incidents" | "references" | "refs",
        Tags => "tags" | "tag",
        Severity => "severity" | "sev",
        Status => "status",
        Kind => "kind",
        Offset => "offset" | "tz" | "utc-offset",
        Started => "started" | "impact-started" | "start",
        Detected => "detected",
        Acknowledged => "acknowledged" | "acked" | "ack",
        Mitigated => "mitigated",
        Resolved => "resolved" | "restored",
        DetectedBy => "detected by" | "detector",
        AlertedFirst => "alerted first" | "alerted",
        Commander => "commander" | "incident-commander" | "ic",
        Facilitator => "facilitator",
        Summary => "summary",
        Services => "services" | "services-impacted",
        CustomerImpact => "customer impact",
        SlaImpact => "sla impact" | "sla",
        ProximateCause => "proximate cause" | "cause",
        Resolution => "resolution",
        Notes => "notes",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error(transparent)]
    Value(#[from] UnknownValue),
    #[error(transparent)]
    Time(#[from] TimeError),
    #[error("{0} cannot be empty")]
    Required(&'static str),
}

impl Field {
    /// The key moment this field sets, if it is one.
    pub fn moment(self) -> Option<Moment> {
        match self {
            Field::Started => Some(Moment::Started),
            Field::Detected => Some(Moment::Detected),
            Field::Acknowledged => Some(Moment::Acknowledged),
            Field::Mitigated => Some(Moment::Mitigated),
            Field::Resolved => Some(Moment::Resolved),
            _ => None,
        }
    }
}

fn optional(value: &str) -> Option<Text> {
    let t = Text::trimmed(value);
    (!t.is_empty()).then_some(t)
}

impl Review {
    /// Sets `field` from `value`. An empty value clears an optional field;
    /// times without a date fall on the incident's date, in the review's
    /// offset; services are separated by commas; tags and incident
    /// references by commas, semicolons or spaces.
    pub fn set_field(&mut self, field: Field, value: &str) -> Result<(), FieldError> {
        let v = value.trim();
        if let Some(moment) = field.moment() {
            let at = if v.is_empty() {
                None
            } else {
                Some(parse_time(v, self.incident_date(), self.offset)?)
            };
            self.moments.set(moment, at);
            return Ok(());
        }
        match field {
            Field::Title => {
                self.title = optional(v).ok_or(FieldError::Required("the title"))?;
            }
            Field::Incident => self.incident = optional(v),
            Field::Incidents => self.incidents = parse_references(v),
            Field::Tags => self.tags = parse_tags(v),
            Field::Severity => self.severity = v.parse::<Severity>()?,
            Field::Status => self.status = v.parse::<Status>()?,
            Field::Kind => self.kind = v.parse::<ReviewKind>()?,
            Field::Offset => self.offset = v.parse::<Offset>()?,
            Field::DetectedBy => self.people.detected_by = optional(v),
            Field::AlertedFirst => self.people.alerted_first = optional(v),
            Field::Commander => self.people.commander = optional(v),
            Field::Facilitator => self.people.facilitator = optional(v),
            Field::Summary => self.summary.summary = Text::trimmed(v),
            Field::Services => {
                self.summary.services = v.split(',').filter_map(optional).collect();
            }
            Field::CustomerImpact => self.summary.customer_impact = Text::trimmed(v),
            Field::SlaImpact => self.summary.sla_impact = Text::trimmed(v),
            Field::ProximateCause => self.summary.proximate_cause = Text::trimmed(v),
            Field::Resolution => self.summary.resolution = Text::trimmed(v),
            Field::Notes => self.notes = Text::trimmed(v),
            Field::Started
            | Field::Detected
            | Field::Acknowledged
            | Field::Mitigated
            | Field::Resolved => {
                unreachable!("key moments are handled above")
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn review() -> Review {
        let created = DateTime::parse_from_rfc3339("2026-11-24T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        Review::new(
            "r".into(),
            Text::new("t"),
            Severity::Sev3,
            ReviewKind::Full,
            created,
            "+01:00".parse().unwrap(),
        )
    }

    #[test]
    fn fields_are_found_by_the_names_people_use() {
        for (name, want) in [
            ("sev", Field::Severity),
            ("Customer impact", Field::CustomerImpact),
            ("customer_impact", Field::CustomerImpact),
            ("IC", Field::Commander),
            ("detected-by", Field::DetectedBy),
        ] {
            assert_eq!(name.parse::<Field>().unwrap(), want, "{name}");
        }
        let err = "colour".parse::<Field>().unwrap_err().to_string();
        assert!(
            err.starts_with("unknown field 'colour'; expected one of: title, incident"),
            "{err}"
        );
    }

    #[test]
    fn times_without_a_date_take_the_incident_date() {
        let mut r = review();
        // No key moment yet: the day the review was created.
        r.set_field(Field::Detected, "16:05").unwrap();
        assert_eq!(
            r.moments.detected.unwrap().to_rfc3339(),
            "2026-11-24T15:05:00+00:00"
        );
        // Once an earlier moment is set, its date is the incident date.
        r.set_field(Field::Started, "2026-11-20 15:50").unwrap();
        r.set_field(Field::Resolved, "17:00").unwrap();
        assert_eq!(
            r.moments.resolved.unwrap().to_rfc3339(),
            "2026-11-20T16:00:00+00:00"
        );
        r.set_field(Field::Resolved, "").unwrap();
        assert_eq!(r.moments.resolved, None);
    }

    #[test]
    fn values_are_checked_and_cleared() {
        let mut r = review();
        r.set_field(Field::Severity, "2").unwrap();
        r.set_field(Field::Status, "in review").unwrap();
        r.set_field(Field::Services, "checkout, payments ,, ")
            .unwrap();
        r.set_field(Field::Commander, "Ana").unwrap();
        assert_eq!((r.severity, r.status), (Severity::Sev2, Status::InReview));
        assert_eq!(
            r.summary.services,
            [Text::new("checkout"), Text::new("payments")]
        );
        r.set_field(Field::Tags, "#DB, network db").unwrap();
        r.set_field(Field::Incidents, "INC-1; PD-7").unwrap();
        assert_eq!(r.tags, [Text::new("db"), Text::new("network")]);
        assert_eq!(r.incidents, [Text::new("INC-1"), Text::new("PD-7")]);
        r.set_field(Field::Tags, "").unwrap();
        assert!(r.tags.is_empty());
        r.set_field(Field::Commander, " ").unwrap();
        assert_eq!(r.people.commander, None);
        assert_eq!(
            r.set_field(Field::Title, ""),
            Err(FieldError::Required("the title"))
        );
        assert!(r.set_field(Field::Severity, "sev9").is_err());
        assert!(r.set_field(Field::Offset, "CET").is_err());
        assert_eq!(r.title, "t", "a refused value changes nothing");
    }
}
