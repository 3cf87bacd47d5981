use super::*;
use crate::app::{Action, Audience};
use crate::app::{Opened, Screen, update::update};
use crate::domain::Review;

fn app_with(review: Review, access: Access) -> App {
    let now = review.created;
    let mut app = App::new(Screen::Picker(Default::default()), now);
    let opened = Opened {
        review,
        file: PathBuf::from("/nowhere/x.ron"),
        access,
        recovered: None,
        warnings: Vec::new(),
    };
    update(&mut app, Action::Opened(Ok(Box::new(opened))), now);
    app
}

fn example() -> Review {
    crate::store::decode(crate::store::EXAMPLE, Path::new("example.ron")).unwrap()
}

#[test]
fn the_file_is_read_only_when_it_is_a_regular_file_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = follow_path(&dir.path().join("r.ron"));
    assert_eq!(read(&path).unwrap(), None, "no file: nothing to follow");
    std::fs::write(&path, "(stage: Impact)\n").unwrap();
    assert_eq!(
        read(&path).unwrap().as_deref(),
        Some(&b"(stage: Impact)\n"[..])
    );
    std::fs::remove_file(&path).unwrap();
    let secret = dir.path().join("secret");
    std::fs::write(&secret, "not for watchers").unwrap();
    std::os::unix::fs::symlink(&secret, &path).unwrap();
    let err = read(&path).unwrap_err().to_string();
    assert!(
        err.contains(".ron.follow") && err.contains("symbolic link"),
        "{err}"
    );
    std::fs::remove_file(&path).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap()
            .success()
    );
    let err = read(&path).unwrap_err().to_string();
    assert!(err.contains("a FIFO"), "{err}");
}

#[test]
fn the_file_is_one_short_line_that_reads_back() {
    let f = Follow {
        stage: Stage::Impact,
        pane: Pane::Timeline,
        selected: Some(Selected::Item(ItemId(4))),
        overlay: Some(Shown::Chart(3)),
    };
    let text = f.encode();
    assert_eq!(
        text,
        "(stage:Impact,pane:Timeline,selected:Some(Item(4)),overlay:Some(Chart(3)))\n"
    );
    assert!(text.len() < 200);
    assert_eq!(Follow::decode(&text), Some(f));
}

#[test]
fn anything_else_is_not_followed() {
    for text in [
        "",
        "(stage:Impact",
        "garbage",
        "(stage:Nowhere,pane:Timeline)",
    ] {
        assert_eq!(Follow::decode(text), None, "{text:?}");
    }
    // Fields a later version adds are ignored; missing optional ones
    // are empty.
    assert_eq!(
        Follow::decode("(stage:Timeline,pane:Details,extra:1)"),
        Some(Follow {
            stage: Stage::Timeline,
            pane: Pane::Details,
            selected: None,
            overlay: None,
        })
    );
}

#[test]
fn only_the_lock_holder_is_followed() {
    let app = app_with(example(), Access::ReadOnly("someone".into()));
    assert_eq!(Follow::of(&app), None);
    let app = app_with(example(), Access::ReadWrite);
    let f = Follow::of(&app).expect("the facilitator is followed");
    assert_eq!(f.pane, Pane::Timeline);
    let first = app.workspace().unwrap().review.timeline[0].id;
    assert_eq!(f.selected, Some(Selected::Item(first)));
    assert_eq!(f.overlay, None);
}

#[test]
fn a_watcher_takes_the_stage_pane_item_and_chart_by_id() {
    let review = example();
    let mut facilitator = app_with(review.clone(), Access::ReadWrite);
    let ws = facilitator.workspace_mut().unwrap();
    ws.review.meeting.stage = Stage::Learnings;
    ws.focus = Pane::Learnings;
    ws.cursor_mut(Pane::Learnings).selected = 2;
    facilitator.overlays.push(Overlay::Chart { selected: 5 });
    let f = Follow::of(&facilitator).unwrap();
    let wanted = review.learnings[2].id;
    assert_eq!(f.selected, Some(Selected::Item(wanted)));

    // The watcher's copy lists the learnings in another order: the id
    // finds the same item.
    let mut theirs = review.clone();
    theirs.learnings.rotate_left(1);
    let mut watcher = app_with(theirs, Access::ReadOnly("the facilitator".into()));
    watcher.audience = Audience::Watcher;
    watcher.overlays.push(Overlay::Help { scroll: 0 });
    Follow::decode(&f.encode())
        .unwrap()
        .apply(&mut watcher, review.created);
    let ws = watcher.workspace().unwrap();
    assert_eq!(ws.review.meeting.stage, Stage::Learnings);
    assert_eq!(ws.focus, Pane::Learnings);
    let row = ws.selected(Pane::Learnings).unwrap();
    assert_eq!(ws.review.learnings[row].id, wanted);
    assert!(matches!(
        watcher.overlays.as_slice(),
        [Overlay::Chart { selected: 5 }, Overlay::Help { .. }]
    ));

    // The chart closes when the facilitator closes it.
    let closed = Follow { overlay: None, ..f };
    closed.apply(&mut watcher, review.created);
    assert!(matches!(
        watcher.overlays.as_slice(),
        [Overlay::Help { .. }]
    ));
}

#[test]
fn the_file_is_written_when_it_changes_and_removed_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("x.ron");
    let path = follow_path(&review);
    assert_eq!(path, dir.path().join("x.ron.follow"));
    let mut publisher = Publisher::start(&review);
    let f = Follow {
        stage: Stage::Timeline,
        pane: Pane::Details,
        selected: Some(Selected::Row(1)),
        overlay: None,
    };
    publisher.show(Some(f.clone()));
    publisher.show(None);
    // Wait for the thread: closing after a write keeps the order.
    let start = std::time::Instant::now();
    while !path.exists() {
        assert!(start.elapsed().as_secs() < 10, "the follow file appears");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(Follow::decode(&text), Some(f));
    publisher.close();
    assert!(!path.exists(), "removed when the facilitator stops");
}

#[test]
fn moves_in_quick_succession_are_written_as_one() {
    use std::sync::{Arc, Mutex};
    let seen: Arc<Mutex<Vec<Option<String>>>> = Arc::default();
    let log = Arc::clone(&seen);
    let sink: Sink = Box::new(move |_, text| log.lock().unwrap().push(text.map(str::to_owned)));
    let mut publisher = Publisher::start_with(PathBuf::from("x.ron.follow"), sink);
    let at = |row| Follow {
        stage: Stage::Timeline,
        pane: Pane::Timeline,
        selected: Some(Selected::Item(ItemId(row))),
        overlay: None,
    };
    // Fifty moves down the timeline, as fast as a key repeats.
    for row in 1..=50 {
        publisher.show(Some(at(row)));
    }
    // The latest move reaches the file.
    let last = Some(at(50).encode());
    let start = Instant::now();
    while seen.lock().unwrap().last() != Some(&last) {
        assert!(start.elapsed().as_secs() < 10, "the last move is written");
        thread::sleep(Duration::from_millis(5));
    }
    publisher.close();
    let seen = seen.lock().unwrap();
    let writes: Vec<&String> = seen.iter().flatten().collect();
    assert!(
        (1..10).contains(&writes.len()),
        "50 moves make a few writes, not 50: {}",
        writes.len()
    );
    assert_eq!(
        writes.last().map(|t| Follow::decode(t)),
        Some(Some(at(50))),
        "the last move is the one written last"
    );
    assert_eq!(seen.last(), Some(&None), "then the file is removed");
}
