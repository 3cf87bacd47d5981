//! The facilitator's pace, counted: a Sev2 review of 12 events, 5
//! participants, 5 learnings, 3 factors, 4 action items and the summary
//! fields, typed in the real binary in tmux with the keys a user who read
//! the hints would press. Every key sent is counted (a character typed is
//! one key, a chord such as Ctrl-S is one key), the saved review must hold
//! all of it, and the meeting must take at most 1,200 keys.
//!
//! Waiting for the screen costs no key: it only keeps the test in step
//! with the program (and keeps Esc from running into the next key).

mod common;

use chrono::Timelike;
use common::tmux::{Pane, Server, debrief, review_file};
use debrief::domain::{
    ActionStatus, Area, Effect, EventKind, LearningKind, Phase, Priority, Role, Severity,
};

/// The most keys the whole meeting may take.
const BUDGET: usize = 1200;

/// A pane that counts every key sent to it.
struct Counted<'a> {
    pane: Pane<'a>,
    keys: usize,
}

impl Counted<'_> {
    /// Named keys and chords (`Enter`, `Tab`, `C-s`) or single characters:
    /// one key each.
    fn keys(&mut self, keys: &[&str]) {
        self.keys += keys.len();
        self.pane.keys(keys);
    }

    /// Text typed character by character: one key a character.
    fn type_text(&mut self, text: &str) {
        self.keys += text.chars().count();
        self.pane.type_text(text);
    }

    fn wait_for(&self, needle: &str) -> String {
        self.pane.wait_for(needle)
    }

    fn wait_screen(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        self.pane.wait_screen(what, check)
    }
}

const PEOPLE: [(&str, char, Role); 5] = [
    ("Gary Chen", '1', Role::FirstResponder),
    ("Priya Raman", '2', Role::EscalationResponder),
    ("Ana Lima", '3', Role::IncidentCommander),
    ("Lea Kim", '4', Role::Facilitator),
    ("Tom Berg", '5', Role::Stakeholder),
];

/// The timeline as it is said in the room, with tags for kind and phase;
/// an event without a phase tag takes the one before it.
const EVENTS: [&str; 12] = [
    "14:02 gary: deployed checkout 4411 #cmd #det",
    "14:09 5xx alarm on checkout #al",
    "14:11 gary: acked the page #obs #tri",
    "14:14 gary: paged payments #esc",
    "14:18 priya: read gateway logs #inv",
    "14:25 ana: opened a channel #conv",
    "14:31 priya: pool limit hit #obs #ide",
    "14:34 ana: roll back 4411 #dec #rem",
    "14:38 gary: rolled back #cmd",
    "14:41 errors stopped #obs",
    "14:50 tom: status page updated #st",
    "15:20 ana: closed it #dec",
];

/// Each learning and the digit of its kind (none: the default, surprise).
const LEARNINGS: [(&str, Option<char>, LearningKind); 5] = [
    ("Rollback took 4 minutes", Some('1'), LearningKind::WentWell),
    (
        "Nobody owned the pool limit",
        Some('2'),
        LearningKind::NeedsImprovement,
    ),
    ("Payments was awake", Some('3'), LearningKind::Lucky),
    (
        "Alarm came 7 min late",
        Some('2'),
        LearningKind::NeedsImprovement,
    ),
    ("Pool limit is per template", None, LearningKind::Surprise),
];

/// Each factor, the keys after its text (Tab to effect, Tab to area), and
/// what it must read as.
const FACTORS: [(&str, &[&str], Effect, Area); 3] = [
    (
        "Template kept an old limit",
        &["Tab", "Tab", "t"],
        Effect::Hurt,
        Area::Technology,
    ),
    (
        "Runbook was current",
        &["Tab", "h"],
        Effect::Helped,
        Area::Process,
    ),
    (
        "No pool saturation alert",
        &["Tab", "Tab", "t"],
        Effect::Hurt,
        Area::Technology,
    ),
];

/// Each action item: text, the owner's first letters (→ completes them),
/// the owner, priority initial and due date as said.
const ACTIONS: [(&str, &str, &str, char, Priority, &str); 4] = [
    (
        "Alert on pool saturation",
        "pri",
        "Priya Raman",
        'h',
        Priority::High,
        "fri",
    ),
    (
        "Review template limits",
        "ga",
        "Gary Chen",
        'm',
        Priority::Medium,
        "+2w",
    ),
    (
        "Canary checkout deploys",
        "an",
        "Ana Lima",
        'm',
        Priority::Medium,
        "+3w",
    ),
    (
        "Runbook: check pools first",
        "le",
        "Lea Kim",
        'l',
        Priority::Low,
        "+10d",
    ),
];

const SUMMARY: [&str; 6] = [
    "A deploy lowered the checkout pool limit; 18% of checkouts failed for 39 min.",
    "checkout, payments",
    "About 2,400 failed checkouts, 31 tickets.",
    "Within the monthly SLA.",
    "Deploy 4411 lowered the pool limit.",
    "Rolled back to 4410.",
];

#[test]
fn a_sev2_meeting_takes_at_most_1200_keys_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let tmux = Server::new(d);
    let pane = tmux.start_debrief("meeting", "new 'Checkout failures' --sev 2", 160, 48);
    pane.wait_for("Checkout failures");
    let mut t = Counted { pane, keys: 0 };

    // The people in the room: a, the name, Tab, the role's digit, Enter.
    t.keys(&["6"]);
    for (name, role, _) in PEOPLE {
        t.keys(&["a"]);
        t.wait_for("Add participant");
        t.type_text(name);
        t.keys(&["Tab", &role.to_string(), "Enter"]);
        t.wait_screen(&format!("{name} added"), |s| {
            s.contains(name) && !s.contains("Add participant")
        });
    }
    let people = t.keys;

    // The timeline in one quick entry, which stays open, then Esc.
    t.keys(&["1", "n"]);
    t.wait_for("Quick entry");
    for line in EVENTS {
        t.type_text(line);
        t.keys(&["Enter"]);
    }
    // The last event filed is selected: the timeline's title counts 12.
    t.wait_for("12/12");
    t.keys(&["Escape"]);
    t.wait_screen("the quick entry closed", |s| !s.contains("Quick entry"));
    let events = t.keys - people;

    // Key moments from the selected events: M and the moment's initial.
    t.keys(&["g", "M", "s", "j", "M", "d", "j", "M", "a"]);
    t.keys(&["G", "k", "k", "M", "m", "G", "M", "r"]);
    t.wait_for("Resolved at 15:20");
    let moments = t.keys - people - events;

    // Learnings: a, the text, Tab and the kind's digit, Enter (or Ctrl-S
    // for the default kind).
    t.keys(&["2"]);
    for (text, kind, _) in LEARNINGS {
        t.keys(&["a"]);
        t.wait_for("Add learning");
        t.type_text(text);
        match kind {
            Some(digit) => t.keys(&["Tab", &digit.to_string(), "Enter"]),
            None => t.keys(&["C-s"]),
        }
        t.wait_screen(&format!("learning {text}"), |s| {
            s.contains(text) && !s.contains("Add learning")
        });
    }

    t.keys(&["3"]);
    for (text, keys, _, _) in FACTORS {
        t.keys(&["a"]);
        t.wait_for("Add contributing factor");
        t.type_text(text);
        t.keys(keys);
        t.keys(&["Enter"]);
        t.wait_screen(&format!("factor {text}"), |s| {
            s.contains(text) && !s.contains("Add contributing factor")
        });
    }

    // Action items: the owner completed with →, the priority by its
    // initial, the due date as said.
    t.keys(&["4"]);
    for (text, typed, owner, priority, _, due) in ACTIONS {
        t.keys(&["a"]);
        t.wait_for("Add action item");
        t.type_text(text);
        t.keys(&["Tab"]);
        t.type_text(typed);
        t.keys(&["Right", "Tab", &priority.to_string(), "Tab"]);
        t.type_text(due);
        t.keys(&["Enter"]);
        t.wait_screen(&format!("action {text}"), |s| {
            s.contains(owner) && !s.contains("Add action item")
        });
    }

    // The summary's fields, one form: Tab between them, Ctrl-S saves.
    t.keys(&["6", "g", "j", "j", "Enter"]);
    t.wait_for("Summary");
    for (i, text) in SUMMARY.iter().enumerate() {
        if i > 0 {
            t.keys(&["Tab"]);
        }
        t.type_text(text);
    }
    t.keys(&["C-s"]);
    t.wait_screen("the summary saved", |s| !s.contains("Tab next field"));
    t.keys(&["q"]);
    t.wait_for("[exited 0]");
    let total = t.keys;
    println!(
        "the meeting took {total} keys: {people} for the people, {events} for the 12 events, {moments} for the key moments, {} for the rest",
        total - people - events - moments
    );

    // Everything typed is in the saved review.
    let file = review_file(d);
    let text = std::fs::read_to_string(&file).unwrap();
    let r = debrief::store::codec::decode(&text, &file).unwrap();
    assert_eq!(r.severity, Severity::Sev2);
    let got: Vec<(&str, Role)> = r
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.role))
        .collect();
    let want: Vec<(&str, Role)> = PEOPLE.iter().map(|(n, _, role)| (*n, *role)).collect();
    assert_eq!(got, want);

    let timeline: Vec<(String, Option<&str>, EventKind, Option<Phase>)> = r
        .timeline
        .iter()
        .map(|e| {
            let at = r.offset.local(e.at);
            (
                format!("{:02}:{:02} {}", at.hour(), at.minute(), e.text),
                e.actor.as_deref(),
                e.kind,
                e.phase,
            )
        })
        .collect();
    use EventKind as K;
    use Phase as P;
    let want = [
        (
            "14:02 deployed checkout 4411",
            Some("gary"),
            K::Command,
            Some(P::Detection),
        ),
        (
            "14:09 5xx alarm on checkout",
            None,
            K::Alert,
            Some(P::Detection),
        ),
        (
            "14:11 acked the page",
            Some("gary"),
            K::Observation,
            Some(P::Triage),
        ),
        (
            "14:14 paged payments",
            Some("gary"),
            K::Escalation,
            Some(P::Triage),
        ),
        (
            "14:18 read gateway logs",
            Some("priya"),
            K::Action,
            Some(P::Investigation),
        ),
        (
            "14:25 opened a channel",
            Some("ana"),
            K::Conversation,
            Some(P::Investigation),
        ),
        (
            "14:31 pool limit hit",
            Some("priya"),
            K::Observation,
            Some(P::Identification),
        ),
        (
            "14:34 roll back 4411",
            Some("ana"),
            K::Decision,
            Some(P::Remediation),
        ),
        (
            "14:38 rolled back",
            Some("gary"),
            K::Command,
            Some(P::Remediation),
        ),
        (
            "14:41 errors stopped",
            None,
            K::Observation,
            Some(P::Remediation),
        ),
        (
            "14:50 status page updated",
            Some("tom"),
            K::StatusPage,
            Some(P::Remediation),
        ),
        (
            "15:20 closed it",
            Some("ana"),
            K::Decision,
            Some(P::Remediation),
        ),
    ];
    let want: Vec<(String, Option<&str>, EventKind, Option<Phase>)> = want
        .into_iter()
        .map(|(t, a, k, p)| (t.to_owned(), a, k, p))
        .collect();
    assert_eq!(timeline, want);

    let at = |i: usize| Some(r.timeline[i].at);
    let m = &r.moments;
    assert_eq!(
        [
            m.started,
            m.detected,
            m.acknowledged,
            m.mitigated,
            m.resolved
        ],
        [at(0), at(1), at(2), at(9), at(11)]
    );

    let learnings: Vec<(&str, LearningKind)> = r
        .learnings
        .iter()
        .map(|l| (l.text.as_str(), l.kind))
        .collect();
    let want: Vec<(&str, LearningKind)> = LEARNINGS.iter().map(|(t, _, k)| (*t, *k)).collect();
    assert_eq!(learnings, want);

    let factors: Vec<(&str, Effect, Area)> = r
        .factors
        .iter()
        .map(|f| (f.text.as_str(), f.effect, f.area))
        .collect();
    let want: Vec<(&str, Effect, Area)> = FACTORS.iter().map(|(t, _, e, a)| (*t, *e, *a)).collect();
    assert_eq!(factors, want);

    let today = r.offset.local(chrono::Utc::now()).date_naive();
    let actions: Vec<(&str, Option<&str>, Option<Priority>, ActionStatus)> = r
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.owner.as_deref(), a.priority, a.status))
        .collect();
    let want: Vec<(&str, Option<&str>, Option<Priority>, ActionStatus)> = ACTIONS
        .iter()
        .map(|(t, _, o, _, p, _)| (*t, Some(*o), Some(*p), ActionStatus::Open))
        .collect();
    assert_eq!(actions, want);
    for (a, (_, _, _, _, _, due)) in r.actions.iter().zip(ACTIONS) {
        assert_eq!(
            a.due,
            Some(debrief::domain::parse_due(due, today).unwrap()),
            "{}",
            a.text
        );
    }

    let s = &r.summary;
    let services: Vec<&str> = s.services.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        [
            s.summary.as_str(),
            &services.join(", "),
            s.customer_impact.as_str(),
            s.sla_impact.as_str(),
            s.proximate_cause.as_str(),
            s.resolution.as_str(),
        ],
        SUMMARY
    );

    // The same review through the command line's report, as a reader
    // would see it.
    let report = debrief(d, &["export", file.file_stem().unwrap().to_str().unwrap()]);
    assert!(report.contains("Alert on pool saturation"), "{report}");

    assert!(
        total <= BUDGET,
        "the meeting took {total} keys, more than {BUDGET}"
    );
}
