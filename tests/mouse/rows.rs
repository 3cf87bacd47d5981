//! A click on a row selects it, in every list pane and the details, at
//! 80x24 and 120x35, on a wrapped row's second line, far down a long
//! timeline; below the rows nothing happens. Each row is found where the
//! screen drew it, by a tag at the start of its text.

use super::*;
use debrief::app::state::DetailRow;
use debrief::domain::{ItemId, Review, Text};

/// The review with every item's text starting with a tag naming its
/// pane and row ("L0003:"), so that a test can find each row on screen;
/// the parking lot gets two long ideas, which wrap.
fn tagged(mut review: Review, events: usize) -> Review {
    let first = review.timeline[0].clone();
    review.timeline = (0..events)
        .map(|i| {
            let mut e = first.clone();
            e.id = ItemId(i as u64 + 1);
            e.at = first.at + chrono::Duration::seconds(i as i64 * 20);
            e
        })
        .collect();
    let tag = |p: char, i: usize, text: &Text| Text::new(format!("{p}{i:04}: {text}"));
    for (i, e) in review.timeline.iter_mut().enumerate() {
        e.text = tag('T', i, &e.text);
    }
    for (i, l) in review.learnings.iter_mut().enumerate() {
        l.text = tag('L', i, &l.text);
    }
    for (i, f) in review.factors.iter_mut().enumerate() {
        f.text = tag('F', i, &f.text);
    }
    for (i, a) in review.actions.iter_mut().enumerate() {
        a.text = tag('A', i, &a.text);
    }
    review.parking_lot.truncate(2);
    let long = Text::new(
        "a long idea that takes more than one line of the pane to say in full, \
         even in the widest pane of the screen at a hundred and twenty columns",
    );
    for (i, p) in review.parking_lot.iter_mut().enumerate() {
        p.text = tag('P', i, &long);
    }
    review
}

fn tag_of(pane: Pane, i: usize) -> String {
    let p = match pane {
        Pane::Timeline => 'T',
        Pane::Learnings => 'L',
        Pane::Factors => 'F',
        Pane::Actions => 'A',
        Pane::Parking => 'P',
        Pane::Details => unreachable!("the details have no tags"),
    };
    format!("{p}{i:04}:")
}

/// Where `text` is drawn below the rail, if it is.
fn locate(app: &App, text: &str) -> Option<(u16, u16)> {
    let (w, h) = app.size;
    let rows = common::screen_text(common::screen(app, w, h).backend().buffer());
    rows.iter().enumerate().skip(2).find_map(|(y, row)| {
        let i = row.find(text)?;
        Some((row[..i].chars().count() as u16, y as u16))
    })
}

fn selected_id(app: &App, pane: Pane) -> ItemId {
    let ws = app.workspace().unwrap();
    let row = ws.selected(pane).expect("a selection");
    pane.list(&ws.review).unwrap().item(row).unwrap().id()
}

fn id_of(app: &App, pane: Pane, row: usize) -> ItemId {
    let ws = app.workspace().unwrap();
    pane.list(&ws.review).unwrap().item(row).unwrap().id()
}

/// Clicks every row of `pane` found on screen, the last first, and checks
/// each click focuses the pane and selects the row clicked; returns how
/// many rows were clicked.
fn click_each_row(app: &mut App, pane: Pane) -> usize {
    let len = app.workspace().unwrap().len(pane);
    let mut clicked = 0;
    for i in (0..len).rev() {
        let Some((x, y)) = locate(app, &tag_of(pane, i)) else {
            continue;
        };
        let effects = click(app, (x + 1, y));
        assert!(effects.is_empty(), "a selection saves nothing: {effects:?}");
        assert_eq!(focus(app), pane, "row {i} of {pane:?} at {:?}", app.size);
        assert_eq!(
            selected_id(app, pane),
            id_of(app, pane, i),
            "row {i} of {pane:?} at {:?}",
            app.size
        );
        clicked += 1;
    }
    clicked
}

/// The line below the rows of the pane whose left border is at `x`,
/// from line `y`: the rule above its preview, or its bottom border.
/// The pane's bottom border below `(x, y)`: under the rows are the
/// space left, and the preview of the selected item when it shows.
fn bottom_of_pane(app: &App, (x, y): (u16, u16)) -> u16 {
    let (w, h) = app.size;
    let rows = common::screen_text(common::screen(app, w, h).backend().buffer());
    let at = |row: &str, x: u16| row.chars().nth(usize::from(x));
    (y..h)
        .find(|&y| at(&rows[usize::from(y)], x) == Some('└'))
        .expect("the end of the pane")
}

/// The rows of `pane` whose tags are on screen.
fn shown_rows(app: &App, pane: Pane) -> Vec<(usize, (u16, u16))> {
    let len = app.workspace().unwrap().len(pane);
    (0..len)
        .filter_map(|i| locate(app, &tag_of(pane, i)).map(|at| (i, at)))
        .collect()
}

#[test]
fn a_click_on_a_row_selects_it_in_every_list_pane() {
    let panes = [
        Pane::Learnings,
        Pane::Factors,
        Pane::Actions,
        Pane::Parking,
        Pane::Timeline,
    ];
    for size in [(80, 24), (120, 35)] {
        let mut app = common::sized(tagged(common::example(), 12), now(), size);
        press_at(&mut app, "<f6>", now());
        for pane in panes {
            if size.0 < 120 {
                // One pane at a time: its tab first.
                let tab = find(
                    &app,
                    &format!("{} {}", pane.index() + 1, &pane.short()[..3]),
                    2,
                );
                click(&mut app, tab);
            } else if shown_rows(&app, pane).is_empty() {
                // A slot too narrow for the text column (the timeline
                // below another pane): its title brings it to the large slot.
                let title = format!(" {} {}", pane.index() + 1, &pane.title()[..5]);
                let (x, y) = find(&app, &title, 2);
                click(&mut app, (x + 2, y));
            }
            let clicked = click_each_row(&mut app, pane);
            assert!(
                clicked >= 2,
                "{clicked} rows of {pane:?} clicked at {size:?}"
            );
        }
        let history = &app.workspace().unwrap().history;
        assert_eq!(history.can_undo(), 0, "a click leaves nothing to undo");
    }
}

#[test]
fn a_click_on_a_wrapped_rows_second_line_selects_it_and_below_the_rows_nothing() {
    for size in [(80, 24), (120, 35)] {
        let mut app = common::sized(tagged(common::example(), 12), now(), size);
        press_at(&mut app, "<f6>", now());
        if size.0 < 120 {
            let tab = find(&app, "5 Par", 2);
            click(&mut app, tab);
        }
        let (x0, y0) = locate(&app, &tag_of(Pane::Parking, 0)).expect("the first idea");
        let (x1, y1) = locate(&app, &tag_of(Pane::Parking, 1)).expect("the second idea");
        assert_eq!(x0, x1);
        assert!(
            y1 >= y0 + 2,
            "the ideas wrap: lines {y0} and {y1} at {size:?}"
        );
        // The second line of the second idea, then of the first.
        click(&mut app, (x1 + 1, y1 + 1));
        assert_eq!(focus(&app), Pane::Parking);
        assert_eq!(
            selected_id(&app, Pane::Parking),
            id_of(&app, Pane::Parking, 1)
        );
        // In the wide layout the parking lot is now in the large pane.
        let (x0, y0) = locate(&app, &tag_of(Pane::Parking, 0)).expect("the first idea");
        let (_, y1) = locate(&app, &tag_of(Pane::Parking, 1)).expect("the second idea");
        click(&mut app, (x0 + 10, y1 - 1));
        assert_eq!(
            selected_id(&app, Pane::Parking),
            id_of(&app, Pane::Parking, 0),
            "{y0}"
        );
        // Below the last row, on the space left and on the preview of the
        // selected idea: nothing changes.
        let before = app.workspace().unwrap().cursor(Pane::Parking);
        let end = bottom_of_pane(&app, (x0 - 3, y1));
        assert!(end > y1 + 3, "room below the rows: {y1} {end}");
        for y in y1 + 2..end {
            assert!(click(&mut app, (x0 + 1, y)).is_empty());
            assert_eq!(
                app.workspace().unwrap().cursor(Pane::Parking),
                before,
                "{y}"
            );
            assert_eq!(focus(&app), Pane::Parking);
        }
        // The column headings are no row either.
        let (hx, hy) = find(&app, "Idea", 3);
        click(&mut app, (hx, hy));
        assert_eq!(app.workspace().unwrap().cursor(Pane::Parking), before);
    }
}

#[test]
fn a_click_selects_the_row_clicked_far_down_a_long_timeline() {
    for size in [(80, 24), (120, 35)] {
        let mut app = common::sized(tagged(common::example(), 1000), now(), size);
        press_at(&mut app, "<f6>", now());
        for _ in 0..40 {
            press_at(&mut app, "<pgdn>", now());
        }
        for _ in 0..7 {
            press_at(&mut app, "<up>", now());
        }
        let selected = app.workspace().unwrap().cursor(Pane::Timeline).selected;
        assert!(selected > 500, "far down: {selected}");
        let shown: Vec<_> = shown_rows(&app, Pane::Timeline)
            .into_iter()
            .filter(|(i, _)| *i != selected)
            .collect();
        assert!(shown.len() >= 4, "{shown:?}");
        // The first row shown, the last, one between, as drawn.
        for (row, (x, y)) in [shown[0], shown[shown.len() - 1], shown[shown.len() / 2]] {
            click(&mut app, (x + 2, y));
            assert_eq!(
                selected_id(&app, Pane::Timeline),
                id_of(&app, Pane::Timeline, row),
                "{size:?}"
            );
            // The rows stay where they were clicked.
            assert_eq!(locate(&app, &tag_of(Pane::Timeline, row)), Some((x, y)));
        }
        // A key moves on from the row clicked.
        let row = shown[shown.len() / 2].0;
        press_at(&mut app, "<down>", now());
        assert_eq!(
            app.workspace().unwrap().cursor(Pane::Timeline).selected,
            row + 1
        );
    }
}

#[test]
fn a_click_on_a_row_of_the_details_selects_it() {
    for size in [(80, 24), (120, 35)] {
        let mut app = app_at(size);
        // A stage whose prompts take three lines.
        let (x, _) = find(&app, "3", 1);
        click(&mut app, (x, 1));
        if size.0 < 120 {
            let tab = find(&app, "6 Det", 2);
            click(&mut app, tab);
        } else {
            press_at(&mut app, "6", now());
        }
        assert_eq!(focus(&app), Pane::Details);
        let rows = app.workspace().unwrap().detail_rows();
        let mut changed = 0;
        for (label, want) in [
            ("Key moments", DetailRow::Moments),
            ("Review", DetailRow::Review),
            ("Summary", DetailRow::Summary),
            ("People", DetailRow::Participant(0)),
            ("Notes", DetailRow::Notes),
        ] {
            // A row below the pane's end comes into view with the keys.
            let mut at = None;
            for _ in 0..rows.len() {
                at = locate(&app, label);
                if at.is_some() {
                    break;
                }
                let sel = app.workspace().unwrap().cursor(Pane::Details).selected;
                let target = rows.iter().position(|r| *r == want).unwrap();
                press_at(
                    &mut app,
                    if target < sel { "<up>" } else { "<down>" },
                    now(),
                );
            }
            let (x, y) = at.unwrap_or_else(|| panic!("{label} never shows at {size:?}"));
            let before = app.workspace().unwrap().cursor(Pane::Details).selected;
            // A row's second line counts too (the rows of the review and
            // the key moments take several lines; others may show only
            // their first above the pane's end).
            let dy = u16::from(matches!(want, DetailRow::Review | DetailRow::Moments));
            click(&mut app, (x + 20, y + dy));
            let sel = app.workspace().unwrap().cursor(Pane::Details).selected;
            assert_eq!(rows[sel], want, "{label} at {size:?}");
            changed += usize::from(sel != before);
        }
        assert!(
            changed >= 3,
            "{changed} clicks changed the selection at {size:?}"
        );
    }
}

#[test]
fn a_click_in_the_list_of_reviews_selects_the_review_clicked() {
    use debrief::app::Screen;
    use debrief::app::state::{Picker, PickerEntry};
    use debrief::domain::{Severity, Status};
    let entries: Vec<PickerEntry> = (0..60)
        .map(|i| PickerEntry {
            path: format!("/reviews/r{i}.ron").into(),
            id: format!("2026-11-{:02}-r{i}", i % 28 + 1),
            date: format!("2026-11-{:02}", i % 28 + 1),
            severity: Severity::Sev3,
            status: Status::Draft,
            title: format!("R{i:04}: a review"),
            open_actions: 0,
        })
        .collect();
    for size in [(80, 24), (120, 35)] {
        let picker = Picker {
            entries: entries.clone(),
            ..Picker::default()
        };
        let mut app = App::new(Screen::Picker(picker), now());
        update(&mut app, Action::Resize(size.0, size.1), now());
        app.mouse = true;
        for _ in 0..3 {
            press_at(&mut app, "<pgdn>", now());
        }
        let selected = |app: &App| match &app.screen {
            Screen::Picker(p) => p.visible()[p.cursor.selected].title.clone(),
            _ => panic!("the picker"),
        };
        let before = selected(&app);
        let shown: Vec<(String, (u16, u16))> = (0..60)
            .map(|i| format!("R{i:04}:"))
            .filter(|t| *t != before[..6])
            .filter_map(|t| locate(&app, &t).map(|at| (t, at)))
            .collect();
        assert!(shown.len() >= 4, "{shown:?}");
        for (title, (x, y)) in [&shown[0], &shown[shown.len() - 1], &shown[1]] {
            assert!(click(&mut app, (x + 1, *y)).is_empty());
            assert!(selected(&app).starts_with(title.as_str()), "{size:?}");
            assert_eq!(locate(&app, title), Some((*x, *y)), "the rows stay put");
        }
        // The filter and the headings are no review.
        let now_selected = selected(&app);
        let (hx, hy) = find(&app, "Title", 2);
        click(&mut app, (hx, hy));
        click(&mut app, (2, 2));
        assert_eq!(selected(&app), now_selected);
    }
}
