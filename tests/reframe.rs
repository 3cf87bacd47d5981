//! What the room reframed: each statement records the categories of
//! biased language its old words carried and its new words do not, on
//! every path that changes its words; the record is saved, undone with
//! the edit and counted per category in the internal report.

mod common;

use std::path::Path;

use chrono::{DateTime, Utc};
use common::keys::{press_at, typing_at};
use debrief::app::{App, Effect, Workspace};
use debrief::domain::{CategoryId, Offset, Review, ReviewKind, Severity, Text};
use debrief::report::markdown;
use debrief::store::codec::{decode, encode};
use debrief::store::{self, Store};

use CategoryId::*;

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn empty() -> App {
    let created = "2026-11-23T09:00:00Z".parse().unwrap();
    common::sized(
        Review::new(
            "2026-11-23-login-failures-abcd".into(),
            Text::new("Login failures"),
            Severity::Sev2,
            ReviewKind::Full,
            created,
            "+01:00".parse::<Offset>().unwrap(),
        ),
        now(),
        (80, 40),
    )
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

fn typing(app: &mut App, text: &str) -> Vec<Effect> {
    typing_at(app, text, now())
}

fn ws(app: &App) -> &Workspace {
    app.workspace().expect("a workspace")
}

/// Opens the selected item's form, replaces the words of its first field
/// (`old`, which the cursor ends) with `new`, and saves.
fn rewrite(app: &mut App, old: &str, new: &str) -> Vec<Effect> {
    press(app, "<enter>");
    for _ in old.chars() {
        press(app, "<bs>");
    }
    typing(app, new);
    press(app, "<c-s>")
}

/// The rows of the internal report's "Language and bias" table.
fn bias_rows(r: &Review) -> Vec<String> {
    let report = markdown::internal(r);
    let section = report
        .split("## Language and bias")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the section is there")
        .to_owned();
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Category") && !l.starts_with("| ---"))
        .map(str::to_owned)
        .collect()
}

fn screen(app: &App) -> Vec<String> {
    let terminal = common::screen(app, 80, 40);
    common::screen_text(terminal.backend().buffer())
}

#[test]
fn a_learning_rewritten_in_neutral_words_records_the_category_and_undo_takes_it_back() {
    let mut app = empty();
    let flagged = "We should have rolled back sooner";
    let neutral = "We rolled back at 16:05";
    press(&mut app, "2 a");
    typing(&mut app, flagged);
    assert!(press(&mut app, "<c-s>").contains(&Effect::Save));
    let r = &ws(&app).review;
    assert_eq!(r.learnings[0].text, flagged);
    assert!(r.learnings[0].reframed.is_empty(), "nothing reframed yet");
    assert_eq!(bias_rows(r), ["| Counterfactual | 1 | 0 | 1 | 0 |"]);

    assert!(rewrite(&mut app, flagged, neutral).contains(&Effect::Save));
    let r = &ws(&app).review;
    assert_eq!(r.learnings[0].text, neutral);
    assert_eq!(r.learnings[0].reframed, [Counterfactual]);
    assert_eq!(bias_rows(r), ["| Counterfactual | 0 | 0 | 0 | 1 |"]);
    // The record is saved with the review and read back.
    let text = encode(r);
    assert!(text.contains("reframed: [\n"), "{text}");
    let back = decode(&text, Path::new("r.ron")).unwrap();
    assert_eq!(back.learnings[0].reframed, [Counterfactual]);
    // The selected learning's detail says so, within 80 columns.
    let shown = screen(&app);
    assert!(
        shown.iter().any(|l| l.contains("reframed: Counterfactual")),
        "{}",
        shown.join("\n")
    );

    press(&mut app, "u");
    let r = &ws(&app).review;
    assert_eq!(r.learnings[0].text, flagged);
    assert!(r.learnings[0].reframed.is_empty(), "undo takes it back");
    assert_eq!(bias_rows(r), ["| Counterfactual | 1 | 0 | 1 | 0 |"]);
    assert!(
        !screen(&app).iter().any(|l| l.contains("reframed:")),
        "nothing reframed to show"
    );
    press(&mut app, "<c-y>");
    assert_eq!(ws(&app).review.learnings[0].reframed, [Counterfactual]);
}

#[test]
fn words_that_carry_a_category_again_take_it_off_the_record() {
    let mut app = empty();
    let flagged = "It was obvious the disk would fill";
    let neutral = "The disk filled at 16:05";
    let again = "In hindsight the disk was going to fill";
    press(&mut app, "3 a");
    typing(&mut app, flagged);
    press(&mut app, "<c-s>");
    rewrite(&mut app, flagged, neutral);
    assert_eq!(ws(&app).review.factors[0].reframed, [Hindsight]);
    rewrite(&mut app, neutral, again);
    let f = &ws(&app).review.factors[0];
    assert_eq!(f.text, again);
    assert!(
        app.coach
            .check(again)
            .iter()
            .any(|flag| flag.category == Hindsight),
        "the new words are hindsight again"
    );
    assert_eq!(f.reframed, Vec::<CategoryId>::new(), "open again");
    assert_eq!(
        bias_rows(&ws(&app).review),
        ["| Hindsight | 1 | 0 | 1 | 0 |"]
    );
}

#[test]
fn an_idea_moved_to_the_action_items_keeps_what_was_reframed_in_its_words() {
    let mut app = empty();
    let flagged = "Why did nobody check the disk?";
    let neutral = "Check the disk before each deploy";
    press(&mut app, "5 a");
    typing(&mut app, flagged);
    press(&mut app, "<c-s>");
    assert!(
        !app.coach.check(flagged).is_empty(),
        "the coach hears the question"
    );
    rewrite(&mut app, flagged, neutral);
    assert_eq!(ws(&app).review.parking_lot[0].reframed, [WhyQuestion]);
    press(&mut app, "A");
    let r = &ws(&app).review;
    assert!(r.parking_lot.is_empty());
    assert_eq!(r.actions[0].text, neutral);
    assert_eq!(r.actions[0].reframed, [WhyQuestion]);
    assert_eq!(bias_rows(r), ["| \"Why\" question | 0 | 0 | 0 | 1 |"]);
    // Undo puts the idea back with its record, and no action item.
    press(&mut app, "u");
    let r = &ws(&app).review;
    assert!(r.actions.is_empty(), "{:?}", r.actions);
    assert_eq!(r.parking_lot.len(), 1);
    assert_eq!(r.parking_lot[0].text, neutral);
    assert_eq!(r.parking_lot[0].reframed, [WhyQuestion]);
    assert_eq!(bias_rows(r), ["| \"Why\" question | 0 | 0 | 0 | 1 |"]);
    press(&mut app, "<c-y>");
    let r = &ws(&app).review;
    assert!(r.parking_lot.is_empty());
    assert_eq!(r.actions[0].reframed, [WhyQuestion]);
}

#[test]
fn an_event_rewritten_in_its_form_records_what_was_reframed() {
    let flagged = "It was obvious the disk would fill";
    let neutral = "The disk filled at 16:05";
    let review = common::ReviewBuilder::sev2("Disk full")
        .event(&format!("16:02 gary: {flagged}"))
        .build();
    let mut app = common::sized(review, now(), (80, 40));
    // The timeline, its first event; the form's third field is its words.
    press(&mut app, "1 g <enter> <tab> <tab>");
    for _ in flagged.chars() {
        press(&mut app, "<bs>");
    }
    typing(&mut app, neutral);
    assert!(press(&mut app, "<c-s>").contains(&Effect::Save));
    let r = &ws(&app).review;
    assert_eq!(r.timeline[0].text, neutral);
    assert_eq!(r.timeline[0].reframed, [Hindsight]);
    assert_eq!(bias_rows(r), ["| Hindsight | 0 | 0 | 0 | 1 |"]);
    press(&mut app, "u");
    let r = &ws(&app).review;
    assert_eq!(r.timeline[0].text, flagged);
    assert_eq!(r.timeline[0].reframed, Vec::<CategoryId>::new());
}

#[test]
fn an_action_item_rewritten_in_its_form_records_what_was_reframed() {
    let flagged = "It was obvious; we should have rolled back";
    let neutral = "Roll back when the error rate doubles";
    let review = common::ReviewBuilder::sev2("Disk full")
        .action(flagged, "Gary", debrief::domain::Priority::High)
        .build();
    let mut app = common::sized(review, now(), (80, 40));
    press(&mut app, "4 g");
    assert!(rewrite(&mut app, flagged, neutral).contains(&Effect::Save));
    let r = &ws(&app).review;
    assert_eq!(r.actions[0].text, neutral);
    assert_eq!(r.actions[0].owner.as_deref(), Some("Gary"));
    assert_eq!(r.actions[0].reframed, [Counterfactual, Hindsight]);
    assert_eq!(
        bias_rows(r),
        [
            "| Counterfactual | 0 | 0 | 0 | 1 |",
            "| Hindsight | 0 | 0 | 0 | 1 |"
        ]
    );
}

#[test]
fn a_statement_flagged_now_in_a_category_does_not_also_count_as_reframed_in_it() {
    // A record made under another coach, or a file edited by hand.
    let flagged = "We should have rolled back sooner";
    let review = common::ReviewBuilder::sev2("Disk full")
        .learning(debrief::domain::LearningKind::NeedsImprovement, flagged)
        .with(|r| r.learnings[0].reframed = vec![Counterfactual, Hindsight])
        .build();
    assert_eq!(
        bias_rows(&review),
        [
            "| Counterfactual | 1 | 0 | 1 | 0 |",
            "| Hindsight | 0 | 0 | 0 | 1 |"
        ]
    );
    let mut app = common::sized(review, now(), (80, 40));
    press(&mut app, "2 g");
    let shown = screen(&app);
    assert!(
        shown.iter().any(|l| l.contains("reframed: Hindsight")),
        "{}",
        shown.join("\n")
    );
    assert!(
        !shown
            .iter()
            .any(|l| l.contains("Counterfactual, Hindsight")),
        "{}",
        shown.join("\n")
    );
    // All of the record flagged now: no line at all.
    let mut app = common::sized(
        common::ReviewBuilder::sev2("Disk full")
            .learning(debrief::domain::LearningKind::NeedsImprovement, flagged)
            .with(|r| r.learnings[0].reframed = vec![Counterfactual])
            .build(),
        now(),
        (80, 40),
    );
    press(&mut app, "2 g");
    assert!(
        !screen(&app).iter().any(|l| l.contains("reframed:")),
        "{}",
        screen(&app).join("\n")
    );
}

#[test]
fn a_record_beside_an_empty_text_counts_nowhere() {
    let review = common::ReviewBuilder::sev2("Disk full")
        .with(|r| r.summary.reframed.sla_impact = vec![Blame])
        .build();
    assert!(review.summary.sla_impact.is_empty());
    assert_eq!(bias_rows(&review), Vec::<String>::new());
}

#[test]
fn the_summary_form_records_per_text_what_was_reframed() {
    let mut app = empty();
    // The details pane: key moments, then the summary.
    press(&mut app, "6 j j <enter>");
    typing(&mut app, "The root cause was a full disk");
    press(&mut app, "<c-s>");
    let before = ws(&app).review.summary.clone();
    assert_eq!(before.summary, "The root cause was a full disk");
    assert!(before.reframed.is_empty());
    press(&mut app, "<enter>");
    for _ in before.summary.chars() {
        press(&mut app, "<bs>");
    }
    typing(&mut app, "A full disk and a late alert");
    press(&mut app, "<c-s>");
    let s = &ws(&app).review.summary;
    assert_eq!(s.summary, "A full disk and a late alert");
    assert_eq!(s.reframed.summary, [RootCause]);
    assert!(s.reframed.customer_impact.is_empty());
    assert_eq!(
        bias_rows(&ws(&app).review),
        ["| Root-cause thinking | 0 | 0 | 0 | 1 |"]
    );
    press(&mut app, "u");
    assert!(ws(&app).review.summary.reframed.is_empty());
}

// ---------------------------------------------------------------------------
// The command line

fn debrief_ok(dir: &Path, args: &[&str]) -> String {
    let out = common::run::run_debrief(args, &[("DEBRIEF_DIR", dir.as_os_str())], None);
    assert!(
        out.status.success(),
        "debrief {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A new review made with the command line in `dir`: its id.
fn new_review(dir: &Path) -> String {
    debrief_ok(dir, &["new", "Disk full on db-1", "--sev", "2"])
        .trim()
        .to_owned()
}

#[test]
fn set_records_what_a_new_text_of_the_summary_reframed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d);
    debrief_ok(
        d,
        &[
            "set",
            &id,
            "proximate cause",
            "It was obvious the disk would fill",
        ],
    );
    let path = Store::at(d).path_of(&id);
    assert!(store::load(&path).unwrap().summary.reframed.is_empty());
    debrief_ok(
        d,
        &["set", &id, "proximate cause", "The disk filled at 16:05"],
    );
    let r = store::load(&path).unwrap();
    assert_eq!(r.summary.reframed.proximate_cause, [Hindsight]);
    assert!(r.summary.reframed.summary.is_empty());
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(
        file.contains(
            "reframed: (\n      proximate_cause: [\n        hindsight,\n      ],\n    ),"
        ),
        "{file}"
    );
    let report = debrief_ok(d, &["export", &id]);
    assert!(report.contains("| Hindsight | 0 | 0 | 0 | 1 |"), "{report}");
    let json: serde_json::Value =
        serde_json::from_str(&debrief_ok(d, &["export", &id, "--format", "json"])).unwrap();
    assert_eq!(
        json["summary"]["reframed"]["proximate_cause"],
        serde_json::json!(["hindsight"])
    );
    // Another field set leaves the record as it was.
    debrief_ok(d, &["set", &id, "resolution", "Space was freed"]);
    let r = store::load(&path).unwrap();
    assert_eq!(r.summary.reframed.proximate_cause, [Hindsight]);
    // Flagged words again: open again, off the record, out of the file.
    debrief_ok(
        d,
        &[
            "set",
            &id,
            "proximate cause",
            "In hindsight the disk was going to fill",
        ],
    );
    let r = store::load(&path).unwrap();
    assert!(r.summary.reframed.is_empty(), "{:?}", r.summary.reframed);
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(!file.contains("reframed"), "{file}");
}

#[test]
fn a_text_of_the_summary_cleared_is_not_a_text_reframed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d);
    let path = Store::at(d).path_of(&id);
    debrief_ok(
        d,
        &[
            "set",
            &id,
            "proximate cause",
            "It was obvious the disk would fill",
        ],
    );
    debrief_ok(d, &["set", &id, "proximate cause", ""]);
    let r = store::load(&path).unwrap();
    assert!(r.summary.proximate_cause.is_empty());
    assert!(r.summary.reframed.is_empty(), "{:?}", r.summary.reframed);
    let report = debrief_ok(d, &["export", &id]);
    assert!(!report.contains("| Hindsight |"), "{report}");

    // A record made before goes with the words too.
    debrief_ok(
        d,
        &[
            "set",
            &id,
            "proximate cause",
            "It was obvious the disk would fill",
        ],
    );
    debrief_ok(
        d,
        &["set", &id, "proximate cause", "The disk filled at 16:05"],
    );
    let r = store::load(&path).unwrap();
    assert_eq!(r.summary.reframed.proximate_cause, [Hindsight]);
    debrief_ok(d, &["set", &id, "proximate cause", "  "]);
    let r = store::load(&path).unwrap();
    assert!(r.summary.reframed.is_empty(), "{:?}", r.summary.reframed);
}

#[test]
fn a_heading_repeated_in_the_summary_is_recorded_as_the_report_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d);
    let path = Store::at(d).path_of(&id);
    debrief_ok(
        d,
        &[
            "set",
            &id,
            "summary",
            "Human error\nThe deploy script ran twice.",
        ],
    );
    debrief_ok(
        d,
        &[
            "set",
            &id,
            "proximate cause",
            "## Human error\nThe lock was held.",
        ],
    );
    // The heading is flagged once, in the summary.
    let report = debrief_ok(d, &["export", &id]);
    assert!(
        report.contains("| Blame and human error | 1 | 0 | 1 | 0 |"),
        "{report}"
    );
    // Rewriting the second heading reframes nothing the report counted.
    debrief_ok(d, &["set", &id, "proximate cause", "The lock was held."]);
    let r = store::load(&path).unwrap();
    assert!(r.summary.reframed.is_empty(), "{:?}", r.summary.reframed);
    let report = debrief_ok(d, &["export", &id]);
    assert!(
        report.contains("| Blame and human error | 1 | 0 | 1 | 0 |"),
        "{report}"
    );
    // Rewriting the first one does.
    debrief_ok(d, &["set", &id, "summary", "The deploy script ran twice."]);
    let r = store::load(&path).unwrap();
    assert_eq!(r.summary.reframed.summary, [Blame]);
    let report = debrief_ok(d, &["export", &id]);
    assert!(
        report.contains("| Blame and human error | 0 | 0 | 0 | 1 |"),
        "{report}"
    );
}

// ---------------------------------------------------------------------------
// The file

#[test]
fn a_file_from_before_the_record_loads_and_is_written_back_byte_for_byte() {
    let text = common::example_text();
    assert!(
        !text.contains("reframed"),
        "the example predates the record"
    );
    let review = decode(&text, &common::example_path()).unwrap();
    assert!(review.learnings.iter().all(|l| l.reframed.is_empty()));
    assert!(review.summary.reframed.is_empty());
    assert_eq!(encode(&review), text);
    let plain: Option<Review> = debrief::store::plain::from_str(&text);
    assert_eq!(plain.as_ref(), Some(&review));
}

#[test]
fn the_fast_reader_reads_the_record_as_ron_does() {
    let mut review = common::example();
    review.timeline[0].reframed = vec![Counterfactual, WhyQuestion];
    review.learnings[0].reframed = vec![Hindsight];
    review.factors[0].reframed = vec![Blame];
    review.actions[0].reframed = vec![Minimising];
    review.summary.reframed.customer_impact = vec![Certainty];
    review.summary.reframed.resolution = vec![RootCause, Minimising];
    review.add_parking(debrief::domain::ParkingItem {
        reframed: vec![Counterfactual],
        ..debrief::domain::ParkingItem::new(Text::new("Check the disk"))
    });
    let text = encode(&review);
    assert!(text.contains("why_question"), "{text}");
    let plain: Option<Review> = debrief::store::plain::from_str(&text);
    let ron: Review = ron::from_str(&text).unwrap();
    assert_eq!(plain.as_ref(), Some(&ron), "the fast reader gave up");
    let back = decode(&text, Path::new("r.ron")).unwrap();
    assert_eq!(back, review);
    assert_eq!(encode(&back), text);
}

#[test]
fn a_record_edited_by_hand_is_put_in_order_and_an_unknown_category_is_refused() {
    let text = common::example_text();
    let edited = text.replacen(
        "  summary: (\n",
        "  summary: (\n    reframed: (\n      summary: [blame, counterfactual, blame],\n    ),\n",
        1,
    );
    assert_ne!(edited, text, "the summary is where it was");
    let r = decode(&edited, Path::new("r.ron")).unwrap();
    assert_eq!(r.summary.reframed.summary, [Counterfactual, Blame]);

    let wrong = text.replacen(
        "  summary: (\n",
        "  summary: (\n    reframed: (\n      summary: [sarcasm],\n    ),\n",
        1,
    );
    let e = decode(&wrong, Path::new("r.ron")).unwrap_err().to_string();
    assert!(e.starts_with("r.ron:"), "{e}");
    assert!(e.contains("sarcasm"), "{e}");
}

#[test]
fn a_learning_rewritten_in_the_quick_review_records_what_was_reframed() {
    let flagged = "We should have had an alert on login errors";
    let neutral = "No alert fired on login errors";
    let review = common::ReviewBuilder::sev3("Login failures")
        .learning(debrief::domain::LearningKind::NeedsImprovement, flagged)
        .build();
    let mut app = common::sized(review, now(), (80, 24));
    // The quick review's learnings: went well, then to improve.
    press(&mut app, "Q <c-n> <c-n> <tab> <c-a> <c-k>");
    typing(&mut app, neutral);
    press(&mut app, "<c-n>");
    let l = &ws(&app).review.learnings[0];
    assert_eq!(l.text, neutral);
    assert_eq!(l.reframed, [Counterfactual]);
}

#[test]
fn the_public_view_and_its_json_leave_out_the_record_and_the_quotes() {
    let mut r = common::example();
    r.summary.reframed.sla_impact = vec![Blame];
    r.summary.reframed.resolution = vec![Minimising];
    let public_action = r.actions.iter().position(|a| !a.internal).unwrap();
    r.actions[public_action].reframed = vec![Counterfactual];
    r.actions[public_action].quote = true;
    let public = r.public_view();
    assert!(public.summary.sla_impact.is_empty());
    assert!(
        public.summary.reframed.is_empty(),
        "{:?}",
        public.summary.reframed
    );
    assert!(!public.actions.is_empty(), "the public action is there");
    assert!(
        public
            .actions
            .iter()
            .all(|a| a.reframed.is_empty() && !a.quote),
        "{:?}",
        public.actions
    );

    // What `export --public --format json` prints.
    let dir = tempfile::tempdir().unwrap();
    let path = Store::at(dir.path()).create(&r).unwrap();
    let json = debrief_ok(
        dir.path(),
        &[
            "export",
            path.to_str().unwrap(),
            "--public",
            "--format",
            "json",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["actions"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(!json.contains("reframed"), "{json}");
    assert!(!json.contains("\"quote\""), "{json}");
    // The internal JSON keeps both.
    let internal = debrief_ok(
        dir.path(),
        &["export", path.to_str().unwrap(), "--format", "json"],
    );
    assert!(internal.contains("\"reframed\""), "{internal}");
    assert!(internal.contains("\"quote\""), "{internal}");
}

#[test]
fn the_record_goes_through_the_journal_of_a_writer_that_stopped() {
    use debrief::store::journal::{self, JournalWriter};
    let dir = tempfile::tempdir().unwrap();
    let path = Store::at(dir.path()).create(&common::example()).unwrap();
    let mut lock = store::open(&path).unwrap().lock;
    let (mut r, fingerprint) = lock.take_opened().unwrap();
    let mut writer = JournalWriter::new(&path, fingerprint);
    let before = r.clone();
    r.learnings[1].reframed = vec![Counterfactual, Blame];
    r.parking_lot[0].reframed = vec![WhyQuestion];
    r.summary.reframed.proximate_cause = vec![RootCause];
    let changes = journal::changes(&before, &r);
    assert!(!changes.is_empty(), "a record alone is a change");
    writer.append(&changes).unwrap();
    // No full save: readers replay the journal.
    drop(lock);
    let back = store::load(&path).unwrap();
    assert_eq!(back.learnings[1].reframed, [Counterfactual, Blame]);
    assert_eq!(back.parking_lot[0].reframed, [WhyQuestion]);
    assert_eq!(back.summary.reframed.proximate_cause, [RootCause]);
    assert_eq!(back, r);
}
