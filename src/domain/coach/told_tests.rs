//! The readings added for plain blame, expectations of a modal perfect,
//! certainty that it cannot recur, and what "just", "simply" and "easy"
//! tell rather than make small.

use super::CategoryId;
use super::context_tests::check;
use CategoryId::{Blame, Certainty, Counterfactual as Cf, Hindsight, Minimising};

#[test]
fn a_persons_failure_to_act_is_a_counterfactual_a_things_is_not() {
    check(&[
        (
            "My own failure to page the team made it worse.",
            &[Cf, Blame],
        ),
        (
            "My first failure was failing to check the card.",
            &[Cf, Blame],
        ),
        (
            "This failure to promote a primary extended the outage.",
            &[],
        ),
        ("Our fix failed to deploy through the usual pipeline.", &[]),
    ]);
}

#[test]
fn a_modal_perfect_of_a_wish_a_norm_a_cost_or_a_state_is_no_counterfactual() {
    check(&[
        ("Recovery took longer than we would have liked.", &[]),
        ("Rolling back would have risked losing writes.", &[]),
        ("Normally this would have been resolved by a restart.", &[]),
        ("The docs would have been inaccessible all day.", &[]),
        ("The impact would have begun at 17:18 UTC.", &[]),
        ("A fix would have taken at least a few hours.", &[]),
        (
            "If you logged in on Monday, you would have seen your data.",
            &[],
        ),
        ("This should have been minimally impactful to users.", &[]),
        ("It stayed up, just slower than it should have been.", &[]),
        ("The page should have reached the primary.", &[]),
        ("If only!", &[]),
        // the judgements stay
        ("If only we had tested it.", &[Cf]),
        ("If you had checked, you would have seen the error.", &[Cf]),
        ("We would have caught it with a canary.", &[Cf]),
        ("I should have.", &[Cf]),
        ("You should have immediately informed the community.", &[Cf]),
        ("We should have a runbook for this.", &[]),
    ]);
}

#[test]
fn blame_said_plainly_is_heard() {
    check(&[
        ("An engineer misdiagnosed the alert.", &[Blame]),
        ("This was an oversight, and we apologise.", &[Blame]),
        ("An error was made in the zone file.", &[Blame]),
        ("The outage was caused by a single engineer.", &[Blame]),
        ("Someone did something wrong with the generators.", &[Blame]),
        ("We incorrectly considered the incident resolved.", &[Blame]),
        ("Priya wrongly assumed the replica was idle.", &[Blame]),
        (
            "Was tuning the cache, but forgot we had two of them.",
            &[Blame],
        ),
        ("You completely wasted the notification period.", &[Blame]),
        ("It has made me lax about planning recovery.", &[Blame]),
        (
            "One problem I had overlooked is the certificate renewal.",
            &[Blame],
        ),
        ("You had one job.", &[Blame]),
        ("Don't be lazy with customer data.", &[Blame]),
        // the same words said of no person
        ("Lazy loading keeps the page fast.", &[]),
        (
            "A library was missing due to an oversight in our build procedure.",
            &[],
        ),
        ("The parser wrongly rejected the header.", &[]),
    ]);
}

#[test]
fn blame_reported_or_as_a_hazard_is_not_the_writers() {
    check(&[
        (
            "According to the vendor, the contractors were to blame.",
            &[],
        ),
        ("The company sent an apology blaming an intern.", &[]),
        ("A court ruled on blame ten years later.", &[]),
        ("Attributing blame could take years.", &[]),
        ("Any manual process is prone to human error.", &[]),
        ("You will run into bugs, human error and power cuts.", &[]),
        ("The contractors were to blame.", &[Blame]),
        ("The blame is entirely on our side.", &[Blame]),
        ("I thought it was my router's fault.", &[]),
        ("Your process was wildly misguided.", &[]),
        ("It was my colleague's fault.", &[Blame]),
        ("Your call was wildly misguided.", &[Blame]),
        (
            "Whoever wrote this script was careless with the glob.",
            &[Blame],
        ),
        ("It was human error.", &[Blame]),
    ]);
}

#[test]
fn certainty_that_it_cannot_recur_and_obviously_of_an_act() {
    check(&[
        (
            "We changed the upload so that this cannot happen again.",
            &[Certainty],
        ),
        ("He was obviously covering for his son.", &[Certainty]),
        ("Clearly someone skipped the checklist.", &[Certainty]),
        ("They clearly didn't read the runbook.", &[Certainty]),
        ("They clearly did their best that night.", &[]),
        ("The graphs clearly showed the version mismatch.", &[]),
        (
            "It was definitely bound to happen.",
            &[Certainty, Hindsight],
        ),
        ("It was bound to happen.", &[Hindsight]),
        ("Outages like this are unpredictable.", &[]),
        (
            "What makes it worth studying isn't that it was unpredictable.",
            &[Hindsight],
        ),
        ("Obviously the pager was on silent.", &[Minimising]),
    ]);
}

#[test]
fn what_became_plain_during_the_response_is_not_hindsight() {
    check(&[
        (
            "By 18:48 it was obvious that the migration had stalled.",
            &[],
        ),
        (
            "As we dug into the logs it became obvious that requests failed.",
            &[],
        ),
        ("It was obvious the disk was full.", &[Hindsight]),
    ]);
}

#[test]
fn just_simply_and_easy_that_tell_rather_than_make_small() {
    check(&[
        ("It was supposed to be a simple migration.", &[]),
        ("The script just exploded.", &[]),
        ("Our goal is that the app just works.", &[]),
        ("He simply sent a message to the channel.", &[]),
        ("They wrote simply: it is down.", &[]),
        ("It is nowhere as simple as just copying the files.", &[]),
        ("The change had only just come up.", &[]),
        (
            "It was easy to identify as soon as we attached a console.",
            &[],
        ),
        ("We synced it back up easily enough.", &[]),
        // still small work
        ("It was a simple migration.", &[Minimising]),
        ("Sam simply restarted it.", &[Minimising]),
        ("It was a simple permissions problem.", &[Minimising]),
        ("It wasn't a huge deal.", &[Minimising]),
        (
            "The cause is simple enough: the host ran out of disk.",
            &[Minimising],
        ),
        ("Just run the beta.", &[Minimising]),
    ]);
}

#[test]
fn a_modal_perfect_compared_with_what_was_expected_is_no_counterfactual() {
    check(&[
        (
            "The replica came back in sync, as it should have been.",
            &[],
        ),
        ("The outage was as bad as you would have thought.", &[]),
        ("A $10 part fixed it: who would have guessed?", &[]),
        // a comparison with a step someone skipped still is
        ("We should have rolled back as soon as we saw it.", &[Cf]),
        ("Who would have paged the database team?", &[Cf]),
    ]);
}

#[test]
fn just_easily_and_sure_that_hedge_count_or_hope() {
    check(&[
        ("And just maybe the alert would have fired.", &[Cf]),
        ("I just kind of knew where the bug was.", &[]),
        ("I deployed with just my laptop and an SSH key.", &[]),
        ("Easily 30 deploys go out on a normal day.", &[]),
        ("It is easy to think this only happens to new people.", &[]),
        ("I'm sure they will find out what went wrong.", &[]),
        (
            "If you were on the old client, you would have seen errors.",
            &[],
        ),
        // work made small, and a theory stated as fact, still are
        ("Sam just restarted the pod.", &[Minimising]),
        ("The fix was easy to apply.", &[Minimising]),
        ("I'm sure it was the cache.", &[Certainty]),
    ]);
}

#[test]
fn just_or_simply_before_a_past_act_a_time_a_degree_or_a_set_makes_nothing_small() {
    check(&[
        ("You just opened the wrong dashboard.", &[]),
        ("Most customers just asked for a refund.", &[]),
        (
            "The alert simply informed them that the queue was full.",
            &[],
        ),
        ("The on-call just restarted the pod.", &[Minimising]),
        (
            "The designer just needed to paste the pages back in.",
            &[Minimising],
        ),
        ("The same thing happened just months ago.", &[]),
        ("We shipped the fix just a week after the report.", &[]),
        ("The old unit could just barely carry the load.", &[]),
        ("No team yet, just me testing in production.", &[]),
        ("Did I just take down the build farm?", &[]),
        ("Waiting for the vendor just seemed safer.", &[]),
        ("It was just — nobody had asked before.", &[]),
        ("After a reboot the host should just come back.", &[]),
        (
            "We purged all rows rather than simply purging the stale ones.",
            &[],
        ),
        ("It was simply a chat message in the channel.", &[]),
        ("It was just a config change.", &[Minimising]),
        ("The disk was simply full.", &[Minimising]),
        ("It's simple human nature at work.", &[]),
        ("The fix was simple enough.", &[Minimising]),
        ("The story behind this is simple: we moved hosts.", &[]),
        ("Obviously the pager was on silent.", &[Minimising]),
        ("We are all obviously human and make mistakes.", &[]),
        ("Restoring it was simple.", &[Minimising]),
        ("The cause was relatively simple to uncover.", &[]),
    ]);
}

#[test]
fn just_or_simply_makes_small_only_an_act_a_cause_or_work_it_stands_before() {
    check(&[
        // a step offered, prescribed, needed or named
        (
            "They assume they can just throw engineers at the problem.",
            &[Minimising],
        ),
        ("You should be able to simply push it again.", &[Minimising]),
        ("We would just have to restart the server.", &[Minimising]),
        ("Simply increasing the timeout solved it.", &[Minimising]),
        ("Just run the beta.", &[Minimising]),
        // someone's act, the cause, work named after it
        ("Sam just restarted the pod.", &[Minimising]),
        // a first word typed in lower case reads as if capitalised
        ("sam just restarted the pod.", &[Minimising]),
        ("traffic just stopped.", &[]),
        ("The disk was simply full.", &[Minimising]),
        ("And luckily just a DB fix.", &[Minimising]),
        // "just" as "only" or "exactly", "simply" as stress
        ("We chose to migrate just media from our own users.", &[]),
        ("The parts left over tell you just what you took out.", &[]),
        ("We got everything running and simply fabulous again.", &[]),
        // a state of mind, not a task
        ("If you're new here, just know that it was bad.", &[]),
        // how readily a slip happens, not work made small
        ("Typos are an easy error to make in a hurry.", &[]),
        (
            "It's an easy mistake to fix once you see it.",
            &[Minimising],
        ),
        ("They just wanted the report every Monday.", &[]),
    ]);
}

#[test]
fn would_have_been_estimates_a_state_unless_a_word_of_advice_follows() {
    check(&[
        ("That would have been an odd coincidence.", &[]),
        ("It would have been hard to pick a worse day.", &[]),
        ("Cached pages would have been served from the edge.", &[]),
        ("A runbook would have been useful here.", &[Cf]),
        ("A second reviewer would have been a good idea.", &[Cf]),
        ("Paging the database team would have been faster.", &[Cf]),
        ("The safest move would have been to roll back.", &[Cf]),
    ]);
}

#[test]
fn mistakes_the_writer_owns_and_a_question_of_fault_are_blame() {
    check(&[
        ("Here are the worst mistakes I've made on call.", &[Blame]),
        ("It was the costliest blunder of my career.", &[Blame]),
        ("The night's outage was my oversight.", &[Blame]),
        ("Who is at fault for the expired certificate?", &[Blame]),
        ("The new hire made a big screw up on day one.", &[Blame]),
        (
            "The report says a worker messed up the switch-over.",
            &[Blame],
        ),
        ("We all learn from the mistakes we make.", &[]),
        ("The oversight committee met on Friday.", &[]),
    ]);
}

#[test]
fn certainty_denied_or_of_what_a_reader_met_is_no_claim() {
    check(&[
        ("Without logs, no one can say for sure.", &[]),
        ("We can't say for sure which node failed first.", &[]),
        ("You undoubtedly noticed the slow pages.", &[]),
        ("It was undoubtedly the cache.", &[Certainty]),
    ]);
}

#[test]
fn just_of_a_time_a_degree_or_a_purpose_makes_nothing_small() {
    check(&[
        ("Don't deploy it just yet.", &[]),
        ("It showed just how long the queue had grown.", &[]),
        (
            "The screenshot shows how easy it was to click the wrong link.",
            &[],
        ),
        ("He was just trying to keep the pager quiet.", &[]),
        ("Just restart the pod and move on.", &[Minimising]),
        ("It was just a config change.", &[Minimising]),
        ("Obviously the fix was trivial.", &[Minimising]),
    ]);
}

#[test]
fn an_act_on_the_wrong_target_an_oversight_and_a_mistake_with_words_between_are_blame() {
    check(&[
        ("Paladox deleted the wrong database at 22:29.", &[Blame]),
        ("I accidentally dropped the wrong table.", &[Blame]),
        ("He made a small but significant mistake.", &[Blame]),
        ("We missed that the proxies used more CPU.", &[Blame]),
        (
            "I missed an opportunity to page the database team.",
            &[Blame],
        ),
        ("The script deleted the wrong files.", &[]),
        ("Over the years I've missed that step a few times.", &[]),
        ("The alert went to the wrong channel.", &[]),
    ]);
}

#[test]
fn an_option_declined_a_guess_and_what_someone_met_are_no_counterfactual() {
    check(&[
        (
            "We could have brought everything up quickly, but we chose to check every system first.",
            &[],
        ),
        (
            "I could have paid my host to restore it, but I wasn't compelled to.",
            &[],
        ),
        ("We probably would have kept stacking machines on it.", &[]),
        (
            "A screenshot of what the employee would have seen was released.",
            &[],
        ),
        ("We could have paged the database team sooner.", &[Cf]),
        ("I could have used another database, but I didn't.", &[Cf]),
        ("We would have caught it with a canary.", &[Cf]),
        ("We should probably have rolled back, but we waited.", &[Cf]),
    ]);
}

#[test]
fn neglect_a_gaffe_a_counted_mistake_and_a_human_process_error_are_blame() {
    check(&[
        (
            "The invoices landed under labels that I've neglected to check.",
            &[Blame],
        ),
        ("The admin neglected to renew the domain.", &[Blame]),
        ("Mozilla's CTO shared details of the gaffe.", &[Blame]),
        ("And for that I'm a doofus.", &[Blame]),
        ("Mistake 1: we didn't have a plan.", &[Blame]),
        ("Major mistake one was about eight months in.", &[Blame]),
        ("Two technology mistakes led to the breakdown.", &[Blame]),
        (
            "The outage was put down to a human process error.",
            &[Blame],
        ),
        (
            "Beyond the human caused outage, storms cause most.",
            &[Blame],
        ),
        ("The admin overreacted and deleted the page.", &[Blame]),
        ("The autoscaler overreacted and added forty nodes.", &[]),
        ("The installer neglected to set the flag.", &[]),
        ("No mistakes led to this outage.", &[]),
    ]);
}

#[test]
fn acting_without_a_check_is_blame_when_someone_other_than_the_writer_acted() {
    check(&[
        (
            "Sam ran the migration without checking the target.",
            &[Blame],
        ),
        ("The contractor pushed the change without review.", &[Blame]),
        ("They merged it without peer review.", &[Blame]),
        (
            "Sam deployed it without first testing the rollback.",
            &[Blame],
        ),
        // the writer's own act, a thing's, or no one's
        ("Without checking with anyone, I ran the script.", &[]),
        ("We shipped it without testing on older versions.", &[]),
        ("The job deleted the rows without checking the flag.", &[]),
        ("Changes were deployed without code review.", &[]),
    ]);
}

#[test]
fn reproach_and_the_search_for_a_culprit_are_blame() {
    check(&[
        ("Not good form, guys.", &[Blame]),
        ("It was bad form to page everyone at once.", &[Blame]),
        ("We will find the responsible party.", &[Blame]),
        ("The thread is for allocating proper fault.", &[Blame]),
        ("So the guilty shall remain unnamed.", &[Blame]),
        // the same words of a thing
        ("We found the right form for the request.", &[]),
        ("The bad form validation rejected the address.", &[]),
        ("The responsible service restarted itself.", &[]),
    ]);
}

#[test]
fn hindsight_and_blame_in_other_spellings_and_tenses() {
    check(&[
        ("In hind-sight the wait was a mistake.", &[Hindsight, Blame]),
        ("The warning signs had been there for months.", &[Hindsight]),
        (
            "It came after months of ignored warning signs.",
            &[Hindsight],
        ),
        ("We added warning signs to the dashboard.", &[]),
        ("The vendor keeps dropping the ball on renewals.", &[Blame]),
        (
            "You drop the ball with damage control every time.",
            &[Blame],
        ),
        ("A ball was dropped on the floor of the data hall.", &[]),
    ]);
}

#[test]
fn what_an_event_would_have_caused_is_an_estimate_not_a_counterfactual() {
    check(&[
        (
            "We're sorry for the problems these incidents would have caused you.",
            &[],
        ),
        ("The symptoms this would have caused were mild.", &[]),
        ("Any attempt to log in would have resulted in errors.", &[]),
        ("A canary would have caught the bad build.", &[Cf]),
    ]);
}

#[test]
fn advice_against_blame_an_apology_and_a_feeling_supposed_are_no_flag() {
    check(&[
        ("You don't need to blame yourself.", &[]),
        ("Don't blame the on-call for the page.", &[]),
        ("We didn't notice the mistake.", &[Blame]),
        ("I'm sorry if you had registered an account today.", &[]),
        (
            "If you had registered sooner, you would have kept it.",
            &[Cf],
        ),
        ("Now I know how they must have felt.", &[]),
        ("It must have failed on the second node.", &[Certainty]),
        ("We were spared the horrors that could have happen.", &[]),
    ]);
}
