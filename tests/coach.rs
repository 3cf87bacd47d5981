//! The bias coach: precision and recall on a labelled corpus, the team
//! file, and `debrief coach` end to end.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use debrief::domain::{CategoryId, Coach, Flag};

mod coach_common;
use coach_common::real::{FOLDS, Part, RealSentence, fold_of, groups, real, real_part, rows_of};
use coach_common::{Row, assert_at_least, print_table, score};

const CORPUS: &str = include_str!("coach_corpus.ron");

#[derive(serde::Deserialize)]
struct Corpus {
    written_first: Vec<(String, Vec<CategoryId>)>,
    held_out: Vec<(String, Vec<CategoryId>)>,
    second_author: Vec<(String, Vec<CategoryId>)>,
}

fn rows(v: Vec<(String, Vec<CategoryId>)>) -> Vec<Row> {
    v.into_iter()
        .map(|(text, cats)| (text, cats.into_iter().collect()))
        .collect()
}

/// The parts of the hand-written corpus: written first, held out (the
/// first author's), and held out (a second author's).
fn corpus() -> (Vec<Row>, Vec<Row>) {
    let c: Corpus = ron::from_str(CORPUS).expect("the corpus parses");
    let mut held: Vec<Row> = rows(c.held_out);
    held.extend(rows(c.second_author));
    (rows(c.written_first), held)
}

/// The second author's sentences on their own.
fn second_author() -> Vec<Row> {
    let c: Corpus = ron::from_str(CORPUS).expect("the corpus parses");
    rows(c.second_author)
}

fn all_rows() -> Vec<Row> {
    let (mut a, b) = corpus();
    a.extend(b);
    a
}

#[test]
fn the_corpus_is_large_and_balanced() {
    let rows = all_rows();
    let negatives = rows.iter().filter(|(_, c)| c.is_empty()).count();
    assert!(rows.len() >= 200, "{} sentences", rows.len());
    assert!(
        negatives * 10 >= rows.len() * 4,
        "{negatives} negatives of {}",
        rows.len()
    );
    let unique: BTreeSet<&str> = rows.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(unique.len(), rows.len(), "no sentence twice");
}

#[test]
fn precision_and_recall_are_at_least_0_9_per_category_and_overall() {
    let coach = Coach::builtin();
    let (first, held) = corpus();
    print_table("written first", first.len(), &score(&coach, &first), true);
    print_table(
        "held out, both authors",
        held.len(),
        &score(&coach, &held),
        true,
    );
    let second = second_author();
    print_table(
        "held out, second author",
        second.len(),
        &score(&coach, &second),
        true,
    );
    let rows = all_rows();
    let whole = score(&coach, &rows);
    print_table("hand-written corpus, whole", rows.len(), &whole, false);
    assert_at_least("hand-written corpus", &whole, 0.9, 0);
}

// ---- sentences from public reviews ----

/// Categories with fewer examples than this are printed, not asserted.
const ENOUGH_EXAMPLES: u32 = 15;

#[test]
fn the_real_corpus_is_large_sourced_and_split_by_source() {
    let all = real();
    assert!(all.len() >= 400, "{} sentences", all.len());
    let sources = |part: Part| -> BTreeSet<&str> {
        all.iter()
            .filter(|s| s.part == part)
            .map(|s| s.source.as_str())
            .collect()
    };
    let (dev, validation, held) = (
        sources(Part::Dev),
        sources(Part::Validation),
        sources(Part::HeldOut),
    );
    let count = dev.len() + validation.len() + held.len();
    assert!(count > 20, "{count} sources");
    // Each part comes from sources found in no other part.
    for (a, b) in [(&dev, &validation), (&dev, &held), (&validation, &held)] {
        assert!(
            a.is_disjoint(b),
            "a source in two parts: {:?}",
            a.intersection(b).collect::<Vec<_>>()
        );
    }
    assert!(all.iter().all(|s| !s.source.trim().is_empty()));
    let unique: BTreeSet<&str> = all.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(unique.len(), all.len(), "no sentence twice");
}

#[test]
fn precision_and_recall_on_real_reviews_are_at_least_0_9_on_dev() {
    let coach = Coach::builtin();
    for batch in 1..=9 {
        let rows = real_part(Part::Dev, Some(batch));
        let title = format!("public reviews, dev, batch {batch}");
        print_table(&title, rows.len(), &score(&coach, &rows), false);
    }
    let dev = real_part(Part::Dev, None);
    let s = score(&coach, &dev);
    print_table("public reviews, dev", dev.len(), &s, true);
    assert_at_least("public reviews, dev", &s, 0.9, ENOUGH_EXAMPLES);
}

/// The development part split into folds by source group, each scored on
/// its own: how evenly the rules do across organisations they were, or
/// were not, written from. Figures only; `COACH_FOLDS=0,2` also prints the
/// mistakes of those folds.
#[test]
fn the_real_reviews_are_reported_by_source_fold() {
    let coach = Coach::builtin();
    let all: Vec<RealSentence> = real().into_iter().filter(|s| s.part == Part::Dev).collect();
    let show: Vec<u64> = std::env::var("COACH_FOLDS")
        .map(|v| v.split(',').filter_map(|f| f.trim().parse().ok()).collect())
        .unwrap_or_default();
    let mut groups_seen = 0;
    for fold in 0..FOLDS {
        let part: Vec<&RealSentence> = all.iter().filter(|s| fold_of(&s.source) == fold).collect();
        let groups = groups(&part);
        groups_seen += groups.len();
        let rows = rows_of(&part);
        assert!(!rows.is_empty(), "fold {fold} has sentences");
        let title = format!(
            "public reviews, fold {fold} ({} source groups)",
            groups.len()
        );
        print_table(
            &title,
            rows.len(),
            &score(&coach, &rows),
            show.contains(&fold),
        );
    }
    let groups = groups(&all.iter().collect::<Vec<_>>());
    assert_eq!(
        groups_seen,
        groups.len(),
        "each source group is in one fold"
    );
}

/// The validation part (batches 10 to 15 and 22, each held out until its
/// figures were reported: precision 0.664, recall 0.519 over 10-12, 0.557
/// / 0.604 over 13-15 on 2026-12-02, 0.690 / 0.364 for 22 and 0.591 /
/// 0.382 for 23 on 2026-12-04): readings are chosen and checked on it, never
/// fitted to one of its sentences, so it is printed, with its mistakes
/// under `COACH_VALIDATION=1`, and held to a floor under its figures after
/// the last change (0.781 / 0.669), not to 0.9. These are tuned figures,
/// not a measurement of text the coach has not seen.
#[test]
fn the_validation_part_is_reported_and_held_to_a_floor() {
    let coach = Coach::builtin();
    let show = std::env::var_os("COACH_VALIDATION").is_some();
    for batch in VALIDATION_BATCHES {
        let rows = real_part(Part::Validation, Some(batch));
        assert!(
            !rows.is_empty(),
            "validation batch {batch} is in the corpus"
        );
        let title = format!("public reviews, validation, batch {batch}");
        print_table(&title, rows.len(), &score(&coach, &rows), false);
    }
    let rows = real_part(Part::Validation, None);
    let s = score(&coach, &rows);
    print_table("public reviews, validation", rows.len(), &s, show);
    assert!(
        s.all.precision() >= VALIDATION_PRECISION && s.all.recall() >= VALIDATION_RECALL,
        "validation figures fell below their floor: {:.3} / {:.3}",
        s.all.precision(),
        s.all.recall()
    );
}

/// The batches of the validation part.
const VALIDATION_BATCHES: [u8; 8] = [10, 11, 12, 13, 14, 15, 22, 23];
/// Floors under the validation figures after the last change.
const VALIDATION_PRECISION: f64 = 0.77;
const VALIDATION_RECALL: f64 = 0.66;

/// Held-out figures are reported per category and overall, never sentence
/// by sentence, and never tuned on. The held-out part is the batches in
/// `HELD_OUT_BATCHES` (see the corpus's header); every sentence marked
/// `held_out` belongs to one of them, and each listed batch is present.
/// The target is 0.9; the assertion below is a floor under the figures
/// first reported, so that a change that makes the coach worse on unseen
/// text fails.
#[test]
fn a_held_out_batch_is_reported_as_figures() {
    let coach = Coach::builtin();
    let marked: BTreeSet<u8> = real()
        .iter()
        .filter(|s| s.part == Part::HeldOut)
        .map(|s| s.batch)
        .collect();
    let listed: BTreeSet<u8> = HELD_OUT_BATCHES.iter().copied().collect();
    assert_eq!(marked, listed, "the held-out batches are those listed");
    for batch in HELD_OUT_BATCHES {
        let rows = real_part(Part::HeldOut, Some(*batch));
        let title = format!("public reviews, held out, batch {batch}");
        print_table(&title, rows.len(), &score(&coach, &rows), false);
    }
    let held = real_part(Part::HeldOut, None);
    if held.is_empty() {
        return;
    }
    let s = score(&coach, &held);
    print_table("public reviews, held out", held.len(), &s, false);
    assert!(s.all.examples() > 0, "the held-out part has flags to find");
    assert!(
        s.all.precision() >= FLOOR_PRECISION && s.all.recall() >= FLOOR_RECALL,
        "held-out figures fell below the floor under those first reported: {:.3} / {:.3}",
        s.all.precision(),
        s.all.recall()
    );
}

/// The batches held out (see the header of `coach_real.ron`).
const HELD_OUT_BATCHES: &[u8] = &[16, 17, 18, 19, 20, 21, 24];
/// Floors under the held-out figures, not targets. Batches 16 to 18 were
/// first reported on 2026-12-03 at precision 0.684, recall 0.514 (105
/// pairs to find in 1,354 sentences, 25 false flags); batches 19 to 21,
/// added the same day, at 0.528 / 0.359 (78 pairs in 940 sentences, 25
/// false flags). The six together then stood at 0.634 / 0.464. Batch 24,
/// added on 2026-12-04, was first reported at 0.500 / 0.333 (33 pairs in
/// 480 sentences, 11 false flags); the seven then stood at 0.647 / 0.449.
const FLOOR_PRECISION: f64 = 0.60;
const FLOOR_RECALL: f64 = 0.43;

fn categories(flags: &[Flag]) -> Vec<CategoryId> {
    flags.iter().map(|f| f.category).collect()
}

#[test]
fn flags_land_on_char_boundaries_and_cover_the_matched_words() {
    let coach = Coach::builtin();
    for (text, _) in all_rows() {
        for f in coach.check(&text) {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert_eq!(&text[f.start..f.end], f.matched, "{text}");
        }
    }
    let text = "🔥 王芳: Zoë’s fault, obviously.";
    let flags = coach.check(text);
    let spans: Vec<&str> = flags.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(spans, ["Zoë’s fault", "obviously"]);
}

#[test]
fn curly_apostrophes_and_case_do_not_matter() {
    let coach = Coach::builtin();
    for text in [
        "we should've paged",
        "we should’ve paged",
        "WE SHOULD’VE PAGED",
        "We Shouldn't Have Paged",
    ] {
        assert_eq!(
            categories(&coach.check(text)),
            [CategoryId::Counterfactual],
            "{text}"
        );
    }
}

#[test]
fn every_category_explains_itself_and_offers_two_or_three_questions() {
    let coach = Coach::builtin();
    assert_eq!(coach.categories().len(), CategoryId::ALL.len());
    for id in CategoryId::ALL {
        let c = coach.category(id).expect("every category is built in");
        assert!(c.enabled(), "{id}");
        assert!(
            !c.name().is_empty() && c.explanation().ends_with('.'),
            "{id}"
        );
        assert!((2..=3).contains(&c.questions().len()), "{id}");
        assert!(c.questions().iter().all(|q| q.ends_with('?')), "{id}");
    }
}

#[test]
fn a_team_file_adds_phrases_and_words() {
    let team = Coach::from_ron(
        r#"(
            words: { "person": ["sre-on-duty"] },
            categories: [(id: blame, phrases: ["{Name} borked it"])],
        )"#,
    )
    .expect("the team file is valid");
    assert_eq!(
        categories(&team.check("Tariq borked it again")),
        [CategoryId::Blame]
    );
    assert_eq!(
        categories(&team.check("the sre-on-duty failed to page")),
        [CategoryId::Counterfactual]
    );
    // The defaults are still there.
    assert_eq!(
        categories(&team.check("It was obvious.")),
        [CategoryId::Hindsight]
    );
}

#[test]
fn a_team_file_disables_a_category_or_replaces_the_language() {
    let team = Coach::from_ron("(categories: [(id: minimising, enabled: false)])").unwrap();
    assert!(team.check("just restart it, it's easy").is_empty());
    assert!(!team.category(CategoryId::Minimising).unwrap().enabled());

    let german = Coach::from_ron(
        r#"(
            replace: true,
            categories: [
                (id: counterfactual, phrases: ["hätte|hätten * [*] sollen"]),
                (id: why_question, name: "Warum-Frage", questions: ["Was hast du gesehen?", "Was war dein Gedanke?"]),
            ],
        )"#,
    )
    .unwrap();
    assert_eq!(
        categories(&german.check("Wir hätten früher zurückrollen sollen.")),
        [CategoryId::Counterfactual]
    );
    assert!(german.check("we should have paged").is_empty());
    let why = german.category(CategoryId::WhyQuestion).unwrap();
    assert_eq!((why.name(), why.questions().len()), ("Warum-Frage", 2));
}

#[test]
fn a_broken_team_file_names_the_position_and_the_defaults_remain() {
    let err = Coach::from_ron("(\n  categories: [(id: blame, phrases: 3)],\n)").unwrap_err();
    assert!(err.starts_with("2:"), "{err}");
    let err = Coach::from_ron("(categories: [(id: nonsense)])").unwrap_err();
    assert!(err.starts_with("1:"), "{err}");
    let err =
        Coach::from_ron(r#"(categories: [(id: blame, phrases: ["{nobody} x"])])"#).unwrap_err();
    assert!(err.contains("blame") && err.contains("{nobody}"), "{err}");
    // The caller keeps the coach it had.
    let coach = Coach::builtin();
    assert!(coach.merged("(oops").is_err());
    assert_eq!(categories(&coach.check("human error")), [CategoryId::Blame]);
}

// ---- the command line ----

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs debrief with a data folder and a config folder of its own.
fn debrief(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(args)
        .env("DEBRIEF_DIR", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir)
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("a pipe");
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).expect("written");
    }
    drop(input);
    let out = child.wait_with_output().expect("it finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8(out.stderr).expect("utf-8"),
    }
}

#[test]
fn coach_checks_a_sentence_and_exits_0_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let run = debrief(dir.path(), &["coach", "Why did you restart it?"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\"Why\" question: \"Why did you\"; ask: What was your thought process when you did that?\n"
    );
    let run = debrief(dir.path(), &["coach", "We should add an alert."], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert!(run.stderr.contains("nothing flagged"));
}

#[test]
fn coach_reads_standard_input_line_by_line_and_prints_json() {
    let dir = tempfile::tempdir().unwrap();
    let run = debrief(
        dir.path(),
        &["coach", "-", "--json"],
        Some("All fine here.\nIt must have been DNS.\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["where"], "line 2");
    assert_eq!(v[0]["category"], "certainty");
    assert_eq!(v[0]["matched"], "must have been");
    assert_eq!(
        (v[0]["start"].as_u64(), v[0]["end"].as_u64()),
        (Some(3), Some(17))
    );
}

#[test]
fn coach_checks_every_text_of_a_review() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let new = debrief(d, &["new", "Checkout outage", "--no-open"], None);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let id = new.stdout.trim().to_owned();
    for args in [
        vec!["add", &id, "learning", "It was obvious the disk was full."],
        vec![
            "add",
            &id,
            "factor",
            "Human error on the deploy",
            "--area",
            "people",
        ],
        vec!["add", &id, "action", "Add an alert on disk usage"],
        vec!["set", &id, "notes", "Sam simply restarted it"],
    ] {
        let run = debrief(d, &args, None);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    let run = debrief(d, &["coach", "--review", &id], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(
        lines[0].starts_with("learning #1: Hindsight: \"was obvious\""),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("factor #2: Blame and human error: \"Human error\""),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("notes: Minimising: \"simply\""),
        "{}",
        lines[2]
    );
}

#[test]
fn a_team_file_in_the_config_folder_is_used_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config").join("debrief");
    std::fs::create_dir_all(&config).unwrap();
    let file = config.join("coach.ron");
    std::fs::write(
        &file,
        "(categories: [(id: blame, phrases: [\"{Name} borked it\"])])",
    )
    .unwrap();
    let run = debrief(dir.path(), &["coach", "Tariq borked it"], None);
    assert!(
        run.stdout.starts_with("Blame"),
        "{} {}",
        run.stdout,
        run.stderr
    );

    std::fs::write(&file, "(categories: [\n  (id: blame, phrases: 3)])").unwrap();
    let run = debrief(dir.path(), &["coach", "Whose fault was it?"], None);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("coach.ron:2:") && run.stderr.contains("built-in"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.starts_with("Blame"), "the defaults still work");
}
