//! Blame that the writer tells rather than lays, and a thing to blame.

use super::CategoryId;
use super::context_tests::check;
use CategoryId::Blame;

#[test]
fn blame_laid_by_someone_else_is_told_not_laid() {
    check(&[
        ("Retailer blames operator error for checkout outage", &[]),
        (
            "The vendor is placing blame on human error in its data centre.",
            &[],
        ),
        ("The carrier blamed a faulty router update.", &[]),
        ("Technician Blamed For Regional Phone Outage", &[]),
        ("Their report tries to shift the blame to the weather.", &[]),
        (
            "It was good to read a review that didn't lay blame on anyone.",
            &[],
        ),
    ]);
}

#[test]
fn blame_the_writer_lays_is_still_blame() {
    check(&[
        ("We blamed the intern at first.", &[Blame]),
        ("I blamed the night shift for the whole thing.", &[Blame]),
        // laid by someone else, on one of us or on a party
        ("My manager blamed me for the missed page.", &[Blame]),
        (
            "The bank has blamed a supplier for the failed payments.",
            &[Blame],
        ),
        // what the writer says ought to be
        ("Somebody needs to be blamed for this.", &[Blame]),
        ("This was human error by the on-call.", &[Blame]),
        // Blame laid by someone else does not reach a later sentence.
        (
            "The press blamed the vendor. Sam made a mistake in the config.",
            &[Blame],
        ),
    ]);
}

#[test]
fn a_thing_to_blame_is_no_blame_a_person_to_blame_is() {
    check(&[
        ("I knew at once which commit was to blame.", &[]),
        ("The storm may be partly to blame for the delay.", &[]),
        ("Construction near the site could be to blame.", &[]),
        ("The new engineer was to blame.", &[Blame]),
        ("Everyone knew that Sam was to blame.", &[Blame]),
        ("Who is to blame for this?", &[Blame]),
        ("Human and process error were both to blame.", &[Blame]),
    ]);
}

#[test]
fn error_or_a_mistake_no_one_here_made_is_no_blame() {
    check(&[
        (
            "Every manual step carries the potential for human error.",
            &[],
        ),
        (
            "Any single event, such as an operator error, should not take the site down.",
            &[],
        ),
        ("Was it caused by human error or by the new firmware?", &[]),
        (
            "Have you ever sent an invoice and then seen a mistake in it?",
            &[],
        ),
        ("The mistake wasn't the typo; it was having no review.", &[]),
        // a mistake made here, and human error claimed, are still blame
        ("The mistake was running it against production.", &[Blame]),
        ("It was caused by human error.", &[Blame]),
        (
            "Why was human error allowed to take the site down?",
            &[Blame],
        ),
    ]);
}

#[test]
fn an_act_called_someones_error_or_judged_by_a_noun_is_blame() {
    check(&[
        (
            "Two hours after I made the error, the build broke.",
            &[Blame],
        ),
        ("The moderator realised their error and stopped.", &[Blame]),
        ("He made a small, costly mistake.", &[Blame]),
        (
            "The team tried to undo one engineer's late mistake.",
            &[Blame],
        ),
        ("How did this blunder reach production?", &[Blame]),
        ("It was a simple screw-up with wide effects.", &[Blame]),
        ("So I naively assumed the cache was warm.", &[Blame]),
        ("We underestimated the traffic on launch day.", &[Blame]),
        ("Once I made a silly typo in the firewall rule.", &[Blame]),
        // a measure or a message, and the underestimate of a thing, are not
        ("Our error rate doubled within a minute.", &[]),
        ("His error message named the wrong host.", &[]),
        ("The planner underestimated the row count.", &[]),
        ("The cleanup job naively purged every resource.", &[]),
        (
            "It is better to roll back for nothing than be over confident.",
            &[],
        ),
        ("Nonchalantly, I ran the script and went to bed.", &[Blame]),
    ]);
}

#[test]
fn plain_judgements_of_work_done_and_a_cause_are_flagged() {
    use CategoryId::{Certainty, Minimising, RootCause};
    check(&[
        ("We wasted an hour on the wrong dashboard.", &[Blame]),
        ("Terrible testing job by us, frankly.", &[Blame]),
        ("One of our engineers made a bad schema change.", &[Blame]),
        ("We were so publicly silly about it.", &[Blame]),
        ("The core issue was a silent batch failure.", &[RootCause]),
        ("The main culprit was my own SQL script.", &[RootCause]),
        ("It all came down to a single mistake.", &[RootCause, Blame]),
        (
            "With no flood on the wire, it had to be something else.",
            &[Certainty],
        ),
        ("It's not the end of the world.", &[Minimising]),
        ("The problem was simple, once found.", &[Minimising]),
        // what is not
        ("We had to be careful with the replicas.", &[]),
        ("The bad disk was replaced at noon.", &[]),
        ("Customers wasted no time telling us.", &[]),
    ]);
}

#[test]
fn blame_on_a_named_person_or_one_a_clause_names_stays_blame() {
    use CategoryId::Counterfactual as Cf;
    check(&[
        ("Sam was to blame.", &[Blame]),
        ("The developer who wrote it was to blame.", &[Blame]),
        ("Whoever merged that change is to blame.", &[Blame]),
        ("The new hire was to blame.", &[Blame]),
        ("The CTO blamed Sam.", &[Blame]),
        ("Sam blamed the outage on Ana.", &[Blame]),
        (
            "The customer blamed the outage on the junior engineer.",
            &[Blame],
        ),
        ("The mistake wasn't caught until Sam's deploy.", &[Blame]),
        ("Was it Sam's mistake?", &[Blame]),
        ("Sam wasn't as careful as he should have been.", &[Cf]),
        (
            "The DBA, who should have known better, skipped the check.",
            &[Cf, CategoryId::Hindsight],
        ),
        // and what is not
        ("Our errors went up to 30% after the deploy.", &[]),
        ("Our error dashboards turned red.", &[]),
        (
            "A bad cron job from the legacy scheduler filled the disk.",
            &[],
        ),
        ("Envoy made a bad routing decision.", &[]),
        ("We used a naive retry loop.", &[]),
    ]);
}
