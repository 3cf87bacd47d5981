//! `debrief search` and `debrief actions` over a folder of reviews.

use super::*;

#[test]
fn search_finds_every_text_ranked_and_the_notes_only_when_asked() {
    use debrief::domain::{Area, Effect, LearningKind, Priority};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    put(
        &store,
        &ReviewBuilder::sev2("Replica failover stalled")
            .with(|r| r.id = "2026-11-24-failover-aaaa".into())
            .event("10:02 ana: saw the replica lag grow")
            .learning(
                LearningKind::Surprise,
                "Nobody knew the lag alert was muted",
            )
            .factor(
                "The failover runbook was out of date",
                Effect::Hurt,
                Area::Process,
            )
            .action("Page on replica lag", "mo", Priority::High)
            .parked("Move to a managed database?")
            .with(|r| r.notes = Text::new("ask ana about the muted alert"))
            .build(),
    );
    put(
        &store,
        &ReviewBuilder::sev3("Slow search")
            .with(|r| r.id = "2026-11-24-search-bbbb".into())
            .event("09:10 li: replica in another region answered")
            .build(),
    );
    let hits = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["search", "--json"];
        all.extend_from_slice(args);
        let (out, _) = debrief(dir.path(), &all);
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let found = hits(&["replica"]);
    let places: Vec<(&str, &str)> = found
        .iter()
        .map(|h| (h["review"].as_str().unwrap(), h["place"].as_str().unwrap()))
        .collect();
    assert_eq!(
        places[0],
        ("2026-11-24-failover-aaaa", "title"),
        "{places:?}"
    );
    assert_eq!(places.len(), 4, "title, action and two events: {places:?}");
    assert!(places.contains(&("2026-11-24-search-bbbb", "event")));
    assert!(places.contains(&("2026-11-24-failover-aaaa", "action")));
    // Every word must be in the review; parts of words match.
    let both = hits(&["replica", "runbook"]);
    assert!(
        both.iter()
            .all(|h| h["review"] == "2026-11-24-failover-aaaa"),
        "{both:?}"
    );
    assert!(
        both.iter()
            .any(|h| h["place"] == "factor" && h["words"][0] == "runbook")
    );
    let part = hits(&["manag"]);
    assert_eq!(part.len(), 1);
    assert_eq!(part[0]["place"], "parking lot");
    assert_eq!(part[0]["words"][0], "managed");
    // Notes only with --notes.
    assert!(hits(&["ask"]).is_empty());
    let notes = hits(&["ask", "--notes"]);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["place"], "notes");
    // The text form names the review, the item and the words.
    let (out, _) = debrief(dir.path(), &["search", "lag"]);
    assert!(
        out.contains("2026-11-24-failover-aaaa  Replica failover stalled"),
        "{out}"
    );
    assert!(out.contains("learning #"), "{out}");
    assert!(out.contains("matched: lag"), "{out}");
    // What is left out, or not found, is said on standard error, apart
    // from the hits a script reads.
    let (out, err) = debrief(dir.path(), &["search", "the", "--limit", "1"]);
    assert_eq!(out.matches("\n  matched: ").count(), 1, "{out}");
    assert!(err.contains("more; show them with --limit"), "{err}");
    let (out, err) = debrief(dir.path(), &["search", "qqqzzz"]);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("nothing matches \"qqqzzz\""), "{err}");
    // An edit is searched at once.
    let path = store.path_of("2026-11-24-search-bbbb");
    let edited = fs::read_to_string(&path)
        .unwrap()
        .replace("answered", "zebra");
    fs::write(&path, edited).unwrap();
    assert_eq!(hits(&["zebra"]).len(), 1);
}

#[test]
fn actions_list_follow_ups_across_reviews_and_set_closes_them() {
    use debrief::domain::Priority;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    put(
        &store,
        &ReviewBuilder::sev2("Checkout, \"502s\"")
            .with(|r| r.id = "2026-11-24-checkout-aaaa".into())
            .action(
                "Alert on pool saturation, per region",
                "Ana",
                Priority::High,
            )
            .action("=HYPERLINK(\"x\")", "mo", Priority::Low)
            .with(|r| {
                r.summary.services = vec![Text::new("checkout")];
                r.actions[0].due = Some("2026-01-10".parse().unwrap());
                r.actions[0].ticket = Some(Text::new("OPS-12"));
            })
            .build(),
    );
    put(
        &store,
        &ReviewBuilder::sev3("Search slow")
            .with(|r| r.id = "2026-11-24-search-bbbb".into())
            .action("Cache warm-up on deploy", "ana", Priority::Medium)
            .build(),
    );
    let (csv_text, _) = debrief(dir.path(), &["actions", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, debrief::library::actions::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "{csv_text}");
    let first = rows
        .iter()
        .find(|r| &r[0] == "Alert on pool saturation, per region")
        .expect("the first item");
    assert_eq!(&first[2], "Ana");
    assert_eq!(&first[3], "high");
    assert_eq!(&first[4], "2026-01-10");
    assert_eq!(&first[5], "open");
    assert_eq!(&first[6], "debrief checkout");
    assert_eq!(&first[7], "OPS-12");
    assert_eq!(&first[8], "2026-11-24-checkout-aaaa");
    assert!(first[1].contains("Checkout, \"502s\""), "{:?}", &first[1]);
    assert!(
        rows.iter().any(|r| &r[0] == "'=HYPERLINK(\"x\")"),
        "no cell starts a formula: {csv_text}"
    );

    let json = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["actions", "--format", "json"];
        all.extend_from_slice(args);
        let (out, _) = debrief(dir.path(), &all);
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    assert_eq!(json(&["--owner", "ANA"]).len(), 2);
    let overdue = json(&["--overdue"]);
    assert_eq!(overdue.len(), 1, "only the one due in January");
    assert_eq!(overdue[0]["ticket"], "OPS-12");
    assert_eq!(overdue[0]["overdue"], true);

    // Closing an item by its number, as a script does when a ticket closes.
    let item = overdue[0]["item"].as_u64().unwrap().to_string();
    debrief(
        dir.path(),
        &[
            "set",
            "2026-11-24-checkout-aaaa",
            "action",
            &item,
            "status",
            "done",
        ],
    );
    debrief(
        dir.path(),
        &[
            "set",
            "2026-11-24-checkout-aaaa",
            "action",
            &item,
            "ticket",
            "OPS-99",
        ],
    );
    debrief(
        dir.path(),
        &[
            "set",
            "2026-11-24-checkout-aaaa",
            "action",
            &item,
            "owner",
            "Li Wei",
        ],
    );
    debrief(
        dir.path(),
        &[
            "set",
            "2026-11-24-checkout-aaaa",
            "action",
            &item,
            "due",
            "2027-02-01",
        ],
    );
    assert!(json(&["--overdue"]).is_empty());
    assert_eq!(json(&["--open"]).len(), 2);
    let closed: Vec<serde_json::Value> = json(&[])
        .into_iter()
        .filter(|a| {
            a["item"].as_u64().unwrap().to_string() == item
                && a["review"] == "2026-11-24-checkout-aaaa"
        })
        .collect();
    assert_eq!(closed[0]["status"], "done");
    assert_eq!(closed[0]["ticket"], "OPS-99");
    assert_eq!(closed[0]["owner"], "Li Wei");
    assert_eq!(closed[0]["due"], "2027-02-01");

    // Mistakes name what is wrong.
    for (args, says) in [
        (vec!["action", "99", "status", "done"], "no action item #99"),
        (vec!["action", "x", "status", "done"], "not an item number"),
        (
            vec!["action", item.as_str(), "colour", "red"],
            "no field \"colour\"",
        ),
        (vec!["action", item.as_str(), "status", "maybe"], "maybe"),
        (vec!["action", item.as_str(), "due", "someday"], "someday"),
        (vec!["title", "Two", "words"], "quote a value"),
    ] {
        let mut all = vec!["set", "2026-11-24-checkout-aaaa"];
        all.extend_from_slice(&args);
        let run = run_debrief(&all, &[("DEBRIEF_DIR", dir.path().as_os_str())], None);
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(
            !run.status.success() && err.contains(says),
            "{args:?}: {err}"
        );
    }

    let (md, _) = debrief(dir.path(), &["actions", "--format", "md", "--open"]);
    assert!(md.starts_with("| Review | Item | Action |"), "{md}");
    assert_eq!(md.lines().count(), 4, "{md}");
    let (table, _) = debrief(dir.path(), &["actions", "--owner", "mo"]);
    assert!(table.contains("=HYPERLINK"), "{table}");
    assert_eq!(table.lines().count(), 2, "{table}");
}
