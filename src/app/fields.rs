//! Which field of a form is which: a typed id, from which the label shown
//! is made. A form's value is read by its id, so a label can change
//! without the field being read as empty.

use crate::domain::{Field as ReviewField, Stage};

/// A field of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldId {
    /// The one line of the quick entry.
    QuickEvent,
    Time,
    Actor,
    WhatHappened,
    EventKind,
    Phase,
    Impact,
    Starred,
    /// An event's links, separated by spaces.
    Links,
    /// The events a learning comes from.
    LinkedEvents,
    Internal,
    Learning,
    LearningKind,
    Factor,
    FactorEffect,
    Area,
    Action,
    Owner,
    Priority,
    Due,
    Improves,
    Ticket,
    ActionStatus,
    Idea,
    Name,
    Role,
    /// The folder reports are exported to.
    Folder,
    /// The title of a review being created.
    NewTitle,
    /// The severity of a review being created.
    NewSeverity,
    /// A field of the review itself: title, key moments, people, summary,
    /// notes.
    Review(ReviewField),
    /// The minutes a stage of the meeting gets.
    Timebox(Stage),
}

impl FieldId {
    /// The label the form shows.
    pub fn label(self) -> &'static str {
        use FieldId as F;
        use ReviewField as R;
        match self {
            F::QuickEvent => "Event",
            F::Time => "Time",
            F::Actor => "Actor",
            F::WhatHappened => "What happened",
            F::EventKind | F::LearningKind => "Kind",
            F::Phase => "Phase",
            F::Impact => "Impact",
            F::Starred => "Starred",
            F::Links => "Links",
            F::LinkedEvents => "From events",
            F::Internal => "Internal only",
            F::Learning => "Learning",
            F::Factor => "Factor",
            F::FactorEffect => "Effect",
            F::Area => "Area",
            F::Action => "Action",
            F::Owner => "Owner",
            F::Priority => "Priority",
            F::Due => "Due",
            F::Improves => "Improves",
            F::Ticket => "Ticket",
            F::ActionStatus => "Status",
            F::Idea => "Idea",
            F::Name => "Name",
            F::Role => "Role",
            F::Folder => "Folder",
            F::NewTitle => "Title",
            F::NewSeverity => "Severity",
            F::Timebox(stage) => stage.title(),
            F::Review(field) => match field {
                R::Title => "Title",
                R::Incident => "Incident",
                R::Incidents => "Other incidents",
                R::Tags => "Tags",
                R::Severity => "Severity",
                R::Status => "Status",
                R::Kind => "Kind",
                R::Offset => "Offset",
                R::Started => "Impact started",
                R::Detected => "Detected",
                R::Acknowledged => "Acknowledged",
                R::Mitigated => "Mitigated",
                R::Resolved => "Resolved",
                R::DetectedBy => "Detected by",
                R::AlertedFirst => "Alerted first",
                R::Commander => "Incident commander",
                R::Facilitator => "Facilitator",
                R::Summary => "Summary",
                R::Services => "Services impacted",
                R::CustomerImpact => "Customer impact",
                R::SlaImpact => "SLA impact",
                R::ProximateCause => "Proximate cause",
                R::Resolution => "Resolution",
                R::Notes => "Notes",
            },
        }
    }
}
