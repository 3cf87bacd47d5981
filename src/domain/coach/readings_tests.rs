//! The readings added for first-person narrative, modal perfects of what
//! befell or was expected, conditions about a thing, "if" as "whether",
//! "just" of a set, "easy" of what a thing allows, and plain blame. Each
//! case names the categories the built-in coach must flag in it, no more
//! and no fewer; each reading has a case it must keep flagging.

use super::CategoryId;
use super::context_tests::check;
use CategoryId::{Blame, Counterfactual as Cf, Hindsight, Minimising, RootCause};

#[test]
fn a_writer_telling_what_they_did_does_not_minimise() {
    check(&[
        ("I simply dropped the table and loaded it again.", &[]),
        ("We just shipped a patch to the parser.", &[]),
        ("I'm mostly just writing this down for next time.", &[]),
        ("Just rotated the keys on the staging hosts.", &[]),
        // another's act, and what had to be done, are still made small
        ("Sam simply dropped the table.", &[Minimising]),
        ("We just needed to raise the limit.", &[Minimising]),
        ("Just drop the table and load it again.", &[Minimising]),
    ]);
}

#[test]
fn just_of_a_set_a_degree_or_a_reason_does_not_minimise() {
    check(&[
        ("The schema stayed; just the stored bytes changed.", &[]),
        ("Test more than just the happy path.", &[]),
        ("It showed just how brittle the setup was.", &[]),
        ("The alert fired just based on the error count.", &[]),
        ("The retry loop started just prior to the failover.", &[]),
        // after a copula, "just" still makes the work it follows small
        ("It was just the config change.", &[Minimising]),
        ("The fix was just a restart of the worker.", &[Minimising]),
    ]);
}

#[test]
fn just_inside_a_counterfactual_is_the_counterfactual() {
    check(&[
        ("The better move would have been to just revert.", &[Cf]),
        ("We should have just paged the database team.", &[Cf]),
    ]);
}

#[test]
fn easy_of_what_a_thing_allows_or_shows_does_not_minimise() {
    check(&[
        ("The slowdown was easily measurable after the deploy.", &[]),
        ("We added a button to easily archive old items.", &[]),
        (
            "If it is that easy to delete a bucket, the tooling is at fault.",
            &[],
        ),
        (
            "The change was simple; a simple restart was not enough.",
            &[Minimising],
        ),
        (
            "A simple revert was too risky with the migration half done.",
            &[],
        ),
        // work made small stays
        ("Rolling back is easy.", &[Minimising]),
        (
            "It was a simple migration to drop one column.",
            &[Minimising],
        ),
    ]);
}

#[test]
fn what_could_have_befallen_is_a_possibility_not_a_judgement() {
    check(&[
        (
            "A review could have taken three days to reach the queue.",
            &[],
        ),
        (
            "Nothing else changed that could have triggered the crash.",
            &[],
        ),
        ("The worst that could have happened did not.", &[]),
        // under a condition about what was done, it judges that
        (
            "The failover could have happened sooner if the probe had been stricter.",
            &[Cf],
        ),
        ("We could have caught it in staging.", &[Cf]),
    ]);
}

#[test]
fn what_something_should_have_been_is_an_expectation() {
    check(&[
        ("This should have been a quiet maintenance window.", &[]),
        ("The error budget should have been zero by then.", &[]),
        (
            "It should not have been possible to push without review.",
            &[],
        ),
        ("The queue depth should have been falling by noon.", &[]),
        // people, and what they should have done, stay judged
        ("We should have been watching the queue.", &[Cf]),
        ("We should have been more careful.", &[Cf, Blame]),
        ("The ticket should have been escalated.", &[Cf]),
    ]);
}

#[test]
fn a_condition_about_a_thing_tells_what_was_avoided() {
    check(&[
        ("If it had, it would have broken every build.", &[]),
        (
            "If this had been the case, we would have had to restore from tape.",
            &[],
        ),
        // a condition about people is a counterfactual
        ("If we had tested it, we would have seen the bug.", &[Cf]),
    ]);
}

#[test]
fn if_after_asking_means_whether() {
    check(&[
        ("Someone asked me if I had touched the parser.", &[]),
        ("I checked if we had rotated the key.", &[]),
        ("If I had touched the parser, I would know.", &[Cf]),
    ]);
}

#[test]
fn a_modal_perfect_that_judges_what_was_missing_stays() {
    check(&[
        ("We could have had more tests around the loader.", &[Cf]),
        ("The outage could have been much shortened.", &[Cf]),
        ("They should have actually read the changelog.", &[Cf]),
        // what a thing would have had is an estimate
        ("Users would have had slow pages for an hour.", &[]),
    ]);
}

#[test]
fn a_template_line_under_a_heading_is_structure() {
    check(&[
        ("Things that could have gone better.", &[]),
        ("Areas where we could have done better", &[]),
        // a sentence that names a person is a statement
        ("Things that Sam should have checked.", &[Cf]),
    ]);
}

#[test]
fn one_mistake_made_here_and_human_error_in_general() {
    check(&[
        ("They did make a silly mistake there.", &[Blame]),
        ("Anyone can make the same mistake.", &[]),
        ("Any operator error points at a missing guard.", &[]),
        ("The tooling should handle human error.", &[]),
        ("The outage was human error.", &[Blame]),
        ("The vendor blamed the outage on a network fault.", &[]),
        ("The vendor blamed the outage on our engineer.", &[Blame]),
        // errors and mistakes as a kind of event, not one made here
        ("Human error does take place.", &[]),
        ("Operator errors will happen on any team.", &[]),
        ("No checklist can completely eliminate human error.", &[]),
        ("We forgive the occasional mistake.", &[]),
        ("How a team responds to a mistake defines it.", &[]),
        ("Human error took the site down.", &[Blame]),
        ("The team did respond to the mistake we made.", &[Blame]),
    ]);
}

#[test]
fn a_simple_piece_of_work_is_made_small_with_a_word_between() {
    check(&[
        ("The cause was a simple permissions change.", &[Minimising]),
        ("It started as a simple data migration.", &[Minimising]),
        ("A simple fix was scheduled for the night.", &[Minimising]),
        ("It was supposed to be a simple data migration.", &[]),
        ("This was not a simple permissions change.", &[]),
        ("We wrote a simple shell script.", &[]),
    ]);
}

#[test]
fn plain_blame_of_a_mind_or_an_act_is_heard() {
    check(&[
        ("It came down to our own stupidity.", &[Blame]),
        ("I felt like an idiot.", &[Blame]),
        ("I skipped the test out of laziness.", &[Blame]),
        ("I had screwed up the migration order.", &[Blame]),
        ("We can be lazy about the checklist.", &[Blame]),
        ("Deploying on a Friday is the cardinal sin.", &[Blame]),
        (
            "There was a lack of due diligence on the release.",
            &[Blame],
        ),
    ]);
}

#[test]
fn a_root_cause_found_and_hindsight_seen_now() {
    check(&[
        ("It was root-caused within the hour.", &[RootCause]),
        (
            "The race, which is easy to see now, hid behind a retry.",
            &[Hindsight],
        ),
    ]);
}

#[test]
fn an_expectation_or_an_event_gives_way_to_people_who_follow() {
    check(&[
        ("It should have been the first thing we checked.", &[Cf]),
        (
            "If it had been caught in review, the outage would have been short.",
            &[Cf],
        ),
        (
            "If it had spread, it would have taken the region down.",
            &[],
        ),
        ("I just wanted to get the site back up.", &[]),
    ]);
}

#[test]
fn more_words_that_judge_a_person_or_an_act() {
    check(&[
        ("It was a foolish shortcut.", &[Blame]),
        ("We cut corners on the review.", &[Blame]),
        ("There was a lack of care in the rollout.", &[Blame]),
        ("The operator wasn't careful with the flags.", &[Blame]),
        ("The operators were careful with the flags.", &[]),
    ]);
}

#[test]
fn a_judging_word_said_of_a_thing_is_no_blame() {
    check(&[
        ("The stupid retry loop made it worse.", &[]),
        ("A clumsy api bug hid the error.", &[]),
        ("Honestly we were stupid about it.", &[Blame]),
        ("It was a stupid thing to do.", &[Blame]),
    ]);
}

#[test]
fn a_bound_on_an_impact_is_an_estimate_and_irregular_pasts_are_narrative() {
    check(&[
        (
            "The cache could have served old pages for up to an hour.",
            &[],
        ),
        ("It would have hit as many as 300 stores.", &[]),
        ("We could have rolled back within ten minutes.", &[Cf]),
        ("I simply forgot to check the flag.", &[Blame]),
        ("He simply forgot to check the flag.", &[Blame, Minimising]),
    ]);
}

#[test]
fn what_was_avoided_befell_or_would_have_cost_is_no_judgement() {
    check(&[
        (
            "Without the cache, the database would have fallen over.",
            &[],
        ),
        (
            "In the worst case, we would have lost an hour of writes.",
            &[],
        ),
        ("A full restore would have taken 40 minutes.", &[]),
        ("Card data could have been exposed.", &[]),
        ("The regression could have been introduced in March.", &[]),
        // judgements stay
        ("The regression could have been caught in March.", &[Cf]),
        ("A canary would have taken the hit instead.", &[Cf]),
        (
            "We would have paused the rollout without the pressure.",
            &[Cf],
        ),
    ]);
}

#[test]
fn an_act_judged_in_the_passive_or_an_error_made_is_blame() {
    check(&[
        ("The deploy was botched.", &[Blame]),
        ("We made an error in the config.", &[Blame]),
        ("It was an oversight on my part.", &[Blame]),
        ("An error occurred in the config loader.", &[]),
        ("Restarting was all it took.", &[Minimising]),
    ]);
}

#[test]
fn a_theory_of_something_wrong_is_certainty() {
    check(&[
        (
            "It must be something in the new sidecar.",
            &[CategoryId::Certainty],
        ),
        ("There must be a better way to page.", &[]),
    ]);
}

#[test]
fn a_negated_opinion_or_nobody_s_fault_denies_blame() {
    check(&[
        ("It was nobody's fault.", &[]),
        ("We don't think this was human error.", &[]),
        ("I wouldn't call it a mistake.", &[]),
        ("This was not a simple fix.", &[]),
        // a negated act still presupposes the mistake
        ("We didn't notice the mistake.", &[Blame]),
        ("Our engineers simply restarted the service.", &[]),
        (
            "The vendor's engineers simply restarted the service.",
            &[Minimising],
        ),
    ]);
}
