//! Word lists for the readings of a match that are not judgements (see
//! [`context`](super::context)): what was avoided or estimated, how a
//! moment felt, and what "an easy ..." may call small.

/// Who may have done something that was avoided, not a step someone
/// missed: "malicious third parties could have done this same action".
pub(super) const OTHERS: &[&str] = &[
    "attacker",
    "attackers",
    "hacker",
    "hackers",
    "parties",
    "outsiders",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    "others",
    "malicious",
];
/// What knowing sooner would have taken: "anyone could have predicted"
/// stays a counterfactual (and hindsight) whoever the subject is.
pub(super) const COGNITION: &[&str] = &[
    "predicted",
    "foreseen",
    "seen",
    "known",
    "spotted",
    "noticed",
    "anticipated",
    "guessed",
    "told",
    "caught",
    "realized",
    "realised",
    "expected",
];
/// The people an outage reaches: what they "would have experienced" is an
/// estimate of its impact, not a judgement of a step.
pub(super) const AFFECTED: &[&str] = &[
    "user",
    "users",
    "customer",
    "customers",
    "client",
    "clients",
    "visitor",
    "visitors",
    "subscriber",
    "subscribers",
    "merchant",
    "merchants",
    "player",
    "players",
];
/// Words that open a condition under which the outcome was avoided:
/// "unless logged in, content would have been served from the old host".
pub(super) const AVOIDED: &[&str] = &["unless", "otherwise"];
/// A sentence that opens on what was there: "Without the cache, the
/// database would have fallen over" tells what the cache avoided.
pub(super) const OPENS_ON_WHAT_WAS_THERE: &[&str] = &["without"];
/// Words after "must have been" that say how a moment felt, not what
/// happened: "that must have been pretty hairy".
pub(super) const FEELING: &[&str] = &[
    "pretty",
    "so",
    "really",
    "very",
    "quite",
    "incredibly",
    "super",
    "such",
    "terribly",
    "awfully",
    "stressful",
    "scary",
    "frustrating",
    "painful",
    "hard",
    "tough",
    "fun",
    "awful",
    "terrifying",
    "exhausting",
    "hairy",
    "nerve-wracking",
];
/// What "an easy ..." may call small: "an easy fix" minimises, "an easy
/// distraction" describes a risk.
pub(super) const WORK: &[&str] = &[
    // the cause made small: "The problem was simple"
    "problem",
    "issue",
    "cause",
    "fix",
    "fixes",
    "change",
    "changes",
    "task",
    "job",
    "rollback",
    "restart",
    "step",
    "win",
    "solution",
    "patch",
    "mistake",
    "one",
    "thing",
    "update",
    "migration",
    "deploy",
    "query",
    "tweak",
    "typo",
    "restore",
    "revert",
    "redeploy",
    "reboot",
    "matter",
    "repair",
    "process",
    "procedure",
    "cause",
];
/// "I'm sure", "we're certain": the first word of a two-word assertion.
pub(super) const EMPHASIS_SUBJECTS: &[&str] = &["i'm", "we're", "im"];
/// Words that name a cause after "for sure" or "no doubt".
pub(super) const CAUSE_WORDS: &[&str] = &[
    "caused",
    "cause",
    "causes",
    "causing",
    "because",
    "due",
    "culprit",
    "reason",
    "responsible",
    "broke",
    "triggered",
];
pub(super) const COPULAS: &[&str] = &["is", "was", "were", "are", "it's", "that's", "'s"];
/// What follows a copula when a thing is named as what happened: "it was
/// the cache", "the leak is in the new SDK".
pub(super) const CLAIMED: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "from", "behind", "what", "our", "their", "its",
];
