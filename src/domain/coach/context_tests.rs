//! The sentence around a match: negation, modal readings, the senses of
//! "just", "simply" and "easy", quotes and headings. Each case names the
//! categories the built-in coach must flag in it, no more and no fewer.

use super::{CategoryId, Coach};
use CategoryId::{
    Blame, Certainty, Counterfactual as Cf, Hindsight, Minimising, RootCause, WhyQuestion,
};

pub(super) fn check(cases: &[(&str, &[CategoryId])]) {
    let coach = Coach::builtin();
    for (text, wanted) in cases {
        let mut got: Vec<CategoryId> = coach.check(text).into_iter().map(|f| f.category).collect();
        got.sort();
        got.dedup();
        let mut wanted = wanted.to_vec();
        wanted.sort();
        assert_eq!(got, wanted, "{text}");
    }
}

#[test]
fn a_negation_before_a_match_cancels_it() {
    check(&[
        ("It's not about being careless.", &[]),
        ("This is not incompetence.", &[]),
        ("This is not a process for assigning blame.", &[]),
        ("There are no items that could have prevented this.", &[]),
        ("I can't say for sure.", &[]),
        ("This is not a root cause; it is a cop-out.", &[]),
        ("There was nothing obviously wrong with the graphs.", &[]),
        ("The migration was not trivial.", &[]),
        ("It was not just the prod namespace.", &[]),
        ("It wasn't human error.", &[]),
        // a negation reaches only its clause
        ("Sam didn't check, it was careless.", &[Blame]),
        // a negated act presupposes what follows it
        (
            "Team B ran the script without realizing the mistake.",
            &[Blame],
        ),
        // the counterfactual itself may be negated
        ("We shouldn't have merged on a Friday.", &[Cf]),
        // "didn't you" negates the verb, not "just"
        ("Why didn't you just roll back?", &[WhyQuestion, Minimising]),
    ]);
}

#[test]
fn modal_perfects_are_read_for_what_they_say() {
    check(&[
        // a hypothesis
        ("It could also have been a networking issue.", &[]),
        (
            "In this incident it could have been difficult to test.",
            &[],
        ),
        // luck
        ("This could have been a lot worse.", &[]),
        // an expectation of a system
        (
            "Downstream jobs should have been corrected automatically.",
            &[],
        ),
        (
            "The software that should have done something reasonable did not.",
            &[],
        ),
        ("The alert should have fired at 14:02.", &[]),
        // negated would and could
        ("These changes would not have protected us.", &[]),
        (
            "It simply wouldn't have been possible without the runbook.",
            &[],
        ),
        ("This could not have been avoided.", &[]),
        // judgements stay
        ("This could easily have been avoided.", &[Cf, Minimising]),
        ("Communication could have been faster.", &[Cf]),
        ("We should have rolled back at 14:10.", &[Cf]),
        ("Sam could have paged the database team earlier.", &[Cf]),
        ("A canary would have caught the bad config.", &[Cf]),
        (
            "The latter could have be done by the teams themselves.",
            &[Cf],
        ),
        (
            "Had we added the index, none of this would have happened.",
            &[Cf],
        ),
    ]);
}

#[test]
fn failed_to_is_a_counterfactual_only_when_a_person_failed() {
    check(&[
        ("The on-call engineer failed to escalate.", &[Cf]),
        ("Zoë failed to check the staging results.", &[Cf]),
        ("We restarted it and failed to check the logs.", &[Cf]),
        (
            "The pod failed to start because the image pull timed out.",
            &[],
        ),
        ("Certificate renewal failed to complete on two hosts.", &[]),
        ("All surveys failed to load.", &[]),
        ("They failed to receive the renewal notices.", &[]),
    ]);
}

#[test]
fn a_failure_to_act_that_names_no_one_is_a_counterfactual_when_only_people_act_so() {
    check(&[
        ("There was a failure to report progress and costs.", &[Cf]),
        (
            "Poor planning and a failure to share information led to it.",
            &[Cf],
        ),
        ("The cons were a failure to properly notify users.", &[Cf]),
        (
            "This still resulted in a failure to automatically recover.",
            &[],
        ),
        (
            "This failure to promote a primary extended the outage.",
            &[],
        ),
        ("Failure to renew the cert came from the renewal job.", &[]),
        // an act of people judged as not good enough
        ("We did not properly account for the time required.", &[Cf]),
        ("Sam didn't adequately test the rollback.", &[Cf]),
        ("The job did not properly retry.", &[]),
    ]);
}

#[test]
fn just_simply_and_easy_have_senses_that_do_not_minimise() {
    check(&[
        ("It had just enough memory.", &[]),
        ("Usage stayed just under 1 GB.", &[]),
        (
            "If there is just a single free id left, writes slow down.",
            &[],
        ),
        ("They were just for testing purposes.", &[]),
        ("The disk grew by just 2 GB.", &[]),
        ("The backups were there; they just didn't work.", &[]),
        ("The old design was simply too fragile.", &[]),
        ("The service was simply inaccessible.", &[]),
        ("It simply wasn't something we had prepared for.", &[]),
        ("This gives us an easy way to deploy.", &[]),
        ("The notice was easily missed.", &[]),
        ("Packages can be hijacked very easy.", &[]),
        ("Look at why the click was so easy to miss.", &[]),
        ("It would be easy to slap a bandaid on it.", &[]),
        // minimising
        ("It was just a config change.", &[Minimising]),
        ("Just restart the consumer.", &[Minimising]),
        ("Sam simply restarted it.", &[Minimising]),
        ("Rolling back is easy, it's one command.", &[Minimising]),
        (
            "The immediate repair was simple: edit the certificate.",
            &[Minimising],
        ),
    ]);
}

#[test]
fn plain_blame_is_heard() {
    check(&[
        ("This was a mistake.", &[Blame]),
        ("By mistake we passed the wrong properties.", &[Blame]),
        ("He made a mistake.", &[Blame]),
        ("The developer forgot to check the flag.", &[Blame]),
        ("We should be more careful.", &[Blame]),
        ("We got it wrong.", &[Blame]),
        ("I fat fingered the YAML.", &[Blame]),
        ("We mistakenly thought it was safe.", &[Blame]),
        // mistakes in general, and how mistakes go, are not blame
        ("Operational mistakes happen.", &[]),
        ("We learn from our mistakes.", &[]),
        (
            "It's an easy mistake to fix once you know where to look.",
            &[Minimising],
        ),
    ]);
}

#[test]
fn hindsight_and_certainty_with_a_gap() {
    check(&[
        ("It was an obvious flaw, with hindsight.", &[Hindsight]),
        ("It was a sign we missed.", &[Hindsight]),
        ("We can be sure it was the cache.", &[Certainty]),
        ("Something major must have gone wrong.", &[Certainty]),
        // a question is not a claim
        ("So it must have been the cache?", &[]),
    ]);
}

#[test]
fn single_and_double_quotes_quote_but_apostrophes_do_not() {
    check(&[
        (
            "Sam said 'oh, must have been stale cookies' and moved on.",
            &[],
        ),
        (
            "Sam said \"oh, must have been stale cookies\" and moved on.",
            &[],
        ),
        (
            "The user wrote ‘why did you restart it’ in the ticket.",
            &[],
        ),
        (
            "We don't know yet; it must have been the cache.",
            &[Certainty],
        ),
        (
            "The engineers' laptops were fine, it must have been the cache.",
            &[Certainty],
        ),
        // an unclosed single quote quotes nothing
        ("It's the 'new cache, it must have been it.", &[Certainty]),
    ]);
}

#[test]
fn headings_and_template_questions_are_not_flagged_but_blame_is() {
    check(&[
        ("Root cause", &[]),
        ("## Root cause", &[]),
        ("Final Root Cause", &[]),
        ("What could have gone better?", &[]),
        ("What should we have done differently?", &[]),
        ("Why was this hard to detect?", &[]),
        (
            "Root cause\nThe root cause was a missing index.",
            &[RootCause],
        ),
        ("Root cause: expired TLS certificate.", &[RootCause]),
        ("Human error", &[Blame]),
        ("Why didn't we roll back?", &[WhyQuestion]),
        ("Why did Marcus skip the canary?", &[WhyQuestion]),
        ("We Shouldn't Have Paged", &[Cf]),
        // an acronym is not a name
        ("Why would the RCA tool going down impact customers?", &[]),
    ]);
}

#[test]
fn a_modal_perfect_that_tells_what_was_avoided_or_estimates_an_impact_is_no_counterfactual() {
    check(&[
        // a condition that was not met
        (
            "Unless logged in before the outage, content would have been served from the old host.",
            &[],
        ),
        (
            "Had we not been monitoring, the restarted node would have advanced the chain.",
            &[],
        ),
        // an estimate of the impact
        (
            "External users would have experienced the unavailability.",
            &[],
        ),
        ("Flags on person properties would have had delays.", &[]),
        // what others could have done
        (
            "Malicious third parties could have done this same action.",
            &[],
        ),
        // but knowing sooner stays a judgement, whoever could have known
        (
            "Anyone could have predicted the queue would back up.",
            &[Cf, Hindsight],
        ),
        // and a met condition with a better outcome is a counterfactual
        (
            "Had we paused the rollout, recovery would have taken minutes.",
            &[Cf],
        ),
        ("Communication could have been faster.", &[Cf]),
    ]);
}

#[test]
fn how_a_moment_felt_is_no_certainty() {
    check(&[
        ("That must have been pretty hairy for the on-call.", &[]),
        ("It must have been the kernel upgrade.", &[Certainty]),
    ]);
}

#[test]
fn just_and_easy_of_a_thing_do_not_minimise() {
    check(&[
        ("It just reshaped the table back to last year's shape.", &[]),
        ("The old build worked just fine.", &[]),
        ("Blame is an easy distraction when things break.", &[]),
        // but work called small still minimises
        ("It was an easy fix once we saw it.", &[Minimising]),
        ("Sam just restarted the pod.", &[Minimising]),
    ]);
}

#[test]
fn blame_as_a_topic_or_on_a_thing_is_no_blame_but_self_criticism_is() {
    check(&[
        ("It is odd to put the blame on the deployment.", &[]),
        ("The guy to blame is the CTO.", &[Blame]),
        ("Today we botched the deployment.", &[Blame]),
        ("I was so stupid to skip the dry run.", &[Blame]),
        ("I remember the first time I broke production.", &[]),
        ("Sam broke prod again.", &[Blame]),
        (
            "As one might expect, the retries made it worse.",
            &[Hindsight],
        ),
    ]);
}

#[test]
fn a_heading_is_flagged_at_most_once_per_text() {
    let coach = Coach::builtin();
    let text =
        "## Human error\nThe deploy stalled.\n## Human error\nSam restarted it.\n## Human error";
    let flags = coach.check(text);
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!((flags[0].category, flags[0].start), (Blame, 3));
    // the frame of a heading is not flagged, however often it appears
    assert!(
        coach
            .check("Root cause\nThe disk filled.\nRoot cause")
            .is_empty()
    );
    // a sentence that repeats is a statement each time
    assert_eq!(
        coach
            .check("It was human error.\nIt was human error.")
            .len(),
        2
    );
}

#[test]
fn emphasis_is_no_certainty_unless_it_names_a_cause() {
    check(&[
        ("We will for sure look into the alerting.", &[]),
        ("That was a long night for sure.", &[]),
        ("No doubt this was stressful for everyone.", &[]),
        (
            "I'm sure the question on everybody's mind is, what happened?",
            &[],
        ),
        // certain of a cause
        ("For sure it was the Redis eviction policy.", &[Certainty]),
        (
            "There's no doubt the GC pauses caused the timeouts.",
            &[Certainty],
        ),
        (
            "I'm certain the memory leak is in the new SDK.",
            &[Certainty],
        ),
        ("We know for sure that nothing else changed.", &[Certainty]),
        // a degree of being sure changes neither reading
        (
            "We're quite certain the memory leak is in the new SDK.",
            &[Certainty],
        ),
        ("I'm pretty sure you already see where this is going.", &[]),
    ]);
}

#[test]
fn self_criticism_is_heard() {
    check(&[
        ("I really screwed up the failover.", &[Blame]),
        ("We goofed on the cutover.", &[Blame]),
        ("My bad, I pointed it at prod.", &[Blame]),
        ("Skipping the dry run was a dumb move.", &[Blame]),
        ("It was put down to human failure.", &[Blame]),
        // not self-criticism
        ("The failover blew a fuse in the rack.", &[]),
        ("We just got paged by the disk alert.", &[]),
    ]);
}

#[test]
fn just_after_a_copula_minimises_only_the_work_it_names() {
    check(&[
        ("It was just a config change.", &[Minimising]),
        ("Not a big deal, just a quick restart.", &[Minimising]),
        ("Just restart the pod and it recovers.", &[Minimising]),
        ("They're just two different failures.", &[]),
        ("If you're just curious how paging works, read on.", &[]),
        ("Just a flat line on every graph.", &[]),
        // "just" before a preposition limits a set or a time
        ("We alerted just on latency, not on errors.", &[]),
        ("Keep a snapshot just in case.", &[]),
        // a negation after it is emphasis
        ("We simply were not ready for that load.", &[]),
        ("That's just not how the scheduler works.", &[]),
    ]);
}

#[test]
fn easy_simple_and_trivial_after_a_copula_are_said_of_work_or_of_an_idea() {
    check(&[
        ("The fix was simple: raise the limit.", &[Minimising]),
        ("Restarting the worker is easy.", &[Minimising]),
        ("The rollback procedure was very simple.", &[Minimising]),
        ("It was easy.", &[Minimising]),
        ("The design is simple: every write goes to one log.", &[]),
        ("The dashboard was simple and clear.", &[]),
        ("I was surprised how easy it was.", &[]),
        ("It's easy to say that now.", &[]),
        ("Feature flags make a rollback trivial.", &[]),
        ("I could easily see this happening to us.", &[]),
        ("All we did was bump the version.", &[Minimising]),
    ]);
}

#[test]
fn mistakes_in_general_and_blame_as_a_topic_are_no_blame() {
    check(&[
        (
            "Engineers make mistakes; the system has to absorb them.",
            &[],
        ),
        ("The next person may make the same mistake.", &[]),
        ("Sam made a mistake in the config.", &[Blame]),
        ("The mistake was in the second step.", &[Blame]),
        ("The review drifted toward blame.", &[]),
        (
            "Blaming the author does not make the next deploy safer.",
            &[],
        ),
        ("If you blame the on-call, they stop paging.", &[]),
        ("We blamed the intern at first.", &[Blame]),
        // "not just" affirms what follows
        ("It wasn't just my fault.", &[Blame]),
        ("I was lazy about the checklist.", &[Blame]),
    ]);
}

#[test]
fn avoidable_outcomes_and_inverted_modal_perfects_are_counterfactuals() {
    check(&[
        ("This outage was avoidable.", &[Cf]),
        ("This outage was not avoidable.", &[]),
        ("It was an unavoidable race.", &[]),
        ("Could it have been prevented with a canary?", &[Cf]),
        ("Could it have been caused by the resolver?", &[]),
        ("We should had been aware of it sooner.", &[Cf, Hindsight]),
        ("The failure was foreseeable.", &[Hindsight]),
    ]);
}

#[test]
fn a_denied_root_cause_and_a_main_factor() {
    check(&[
        ("Most incidents do not have a single root cause.", &[]),
        (
            "We did not know the root cause until Tuesday.",
            &[RootCause],
        ),
        (
            "The primary contributing factor was the retry storm.",
            &[RootCause],
        ),
        (
            "This was no doubt the worst week to ship and due to leave we were short.",
            &[],
        ),
    ]);
}

#[test]
fn a_heading_is_flagged_once_across_the_fields_of_a_review() {
    let coach = Coach::builtin();
    let mut headings = super::Headings::default();
    let first = coach.check_in("Human error\nThe deploy script ran twice.", &mut headings);
    let second = coach.check_in("## Human error\nThe lock was held.", &mut headings);
    let third = coach.check_in("It was human error on the deploy.", &mut headings);
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(second.is_empty(), "{second:?}");
    // a statement is no heading: it is flagged wherever it is
    assert_eq!(third.len(), 1, "{third:?}");
    // each text on its own still flags its heading
    assert_eq!(coach.check("## Human error").len(), 1);
}
