use std::path::Path;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};

use super::draw;
use crate::app::{Access, App, Audience, Pane, Screen, Workspace};
use crate::domain::{Review, Text};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn example() -> Review {
    crate::store::codec::decode(
        include_str!("../../../assets/example-review.ron"),
        Path::new("example"),
    )
    .expect("the example review decodes")
}

fn app_with(review: Review) -> App {
    let now = review.created;
    let ws = Workspace::new(review, None, Access::ReadWrite);
    App::new(Screen::Workspace(Box::new(ws)), now)
}

fn ws(app: &mut App) -> &mut Workspace {
    app.workspace_mut().expect("a workspace")
}

fn select(app: &mut App, pane: Pane, i: usize) {
    let ws = ws(app);
    ws.focus = pane;
    ws.cursor_mut(pane).selected = i;
}

fn sentinel() -> Cell {
    Cell::new("#")
}

/// The spotlight at `w` x `h`, drawn at an offset into a larger buffer
/// filled with "#": checks that nothing is drawn outside its area and
/// that the header and status rows keep what was there.
fn render(app: &App, w: u16, h: u16) -> (Buffer, Rect) {
    let area = Rect::new(3, 2, w, h);
    let mut buf = Buffer::filled(Rect::new(0, 0, w + 6, h + 4), sentinel());
    draw(app, app.workspace().expect("a workspace"), area, &mut buf);
    for y in 0..h + 4 {
        for x in 0..w + 6 {
            if !area.contains(Position { x, y }) {
                assert_eq!(buf[(x, y)], sentinel(), "drawn outside at {x},{y}");
            }
        }
    }
    if h >= 3 {
        for y in [area.top(), area.bottom() - 1] {
            for x in area.left()..area.right() {
                assert_eq!(buf[(x, y)].symbol(), "#", "bar row {y} drawn over at {x}");
            }
        }
    }
    (buf, area)
}

fn row(buf: &Buffer, area: Rect, y: u16) -> String {
    (area.left()..area.right())
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

/// Everything inside the border, whitespace collapsed, so that text
/// wrapped over several rows reads as one.
fn inside(buf: &Buffer, area: Rect) -> String {
    let rows: Vec<String> = (area.top() + 2..area.bottom().saturating_sub(2))
        .map(|y| row(buf, area, y).trim().trim_matches('│').to_owned())
        .collect();
    squash(&rows.join(" "))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The index of the longest text among `texts`.
fn longest<'a>(texts: impl Iterator<Item = &'a Text>) -> usize {
    texts
        .enumerate()
        .max_by_key(|(_, t)| t.len())
        .map(|(i, _)| i)
        .expect("items")
}

#[test]
fn every_pane_shows_its_selected_item_in_full() {
    let r = example();
    let picks = [
        (
            Pane::Timeline,
            longest(r.timeline.iter().map(|e| &e.text)),
            r.timeline.len(),
        ),
        (
            Pane::Learnings,
            longest(r.learnings.iter().map(|l| &l.text)),
            r.learnings.len(),
        ),
        (
            Pane::Factors,
            longest(r.factors.iter().map(|f| &f.text)),
            r.factors.len(),
        ),
        (
            Pane::Actions,
            longest(r.actions.iter().map(|a| &a.text)),
            r.actions.len(),
        ),
        (
            Pane::Parking,
            longest(r.parking_lot.iter().map(|p| &p.text)),
            r.parking_lot.len(),
        ),
    ];
    let mut app = app_with(r.clone());
    for (pane, i, len) in picks {
        assert!(len > 1, "{pane:?} has items to choose from");
        let text = match pane {
            Pane::Timeline => &r.timeline[i].text,
            Pane::Learnings => &r.learnings[i].text,
            Pane::Factors => &r.factors[i].text,
            Pane::Actions => &r.actions[i].text,
            _ => &r.parking_lot[i].text,
        };
        select(&mut app, pane, i);
        for (w, h) in SIZES {
            let (buf, area) = render(&app, w, h);
            let title = row(&buf, area, area.top() + 1);
            let want = format!("{} · {} of {len}", pane.title(), i + 1);
            assert!(title.contains(&want), "{want:?} in {title:?} at {w}x{h}");
            let shown = inside(&buf, area);
            assert!(
                shown.contains(&squash(text)),
                "{pane:?} {i} at {w}x{h}: {text:?} in {shown:?}"
            );
            let hints = row(&buf, area, area.bottom() - 2);
            assert!(hints.contains("↑↓ previous/next item"), "{hints:?}");
            assert!(hints.contains("z or Esc back"), "{hints:?}");
        }
    }
}

#[test]
fn the_details_pane_shows_the_selected_row() {
    let r = example();
    let mut app = app_with(r.clone());
    let rows = app.workspace().expect("a workspace").len(Pane::Details);
    // Row 3 is the summary.
    select(&mut app, Pane::Details, 2);
    for (w, h) in SIZES {
        let (buf, area) = render(&app, w, h);
        let title = row(&buf, area, area.top() + 1);
        let want = format!("Details · Summary · 3 of {rows}");
        assert!(title.contains(&want), "{want:?} in {title:?}");
        let shown = inside(&buf, area);
        assert!(shown.contains(&squash(&r.summary.summary)), "{shown:?}");
    }
    select(&mut app, Pane::Details, 1);
    let (buf, area) = render(&app, 160, 48);
    let shown = inside(&buf, area);
    for want in ["impact started", "resolved", "commander", "TTR"] {
        assert!(shown.contains(want), "{want:?} in {shown:?}");
    }
}

#[test]
fn only_the_facilitator_sees_the_notes() {
    let mut r = example();
    r.notes = Text::new("SECRET remark about the room\nand a SECRET second line");
    let mut app = app_with(r);
    let notes_row = app.workspace().expect("a workspace").len(Pane::Details) - 1;
    select(&mut app, Pane::Details, notes_row);
    for (w, h) in SIZES {
        let (buf, area) = render(&app, w, h);
        assert!(inside(&buf, area).contains("SECRET remark about the room"));
    }
    for audience in [Audience::Presenter, Audience::Watcher] {
        app.audience = audience;
        for pane in Pane::ALL {
            let len = app.workspace().expect("a workspace").len(pane);
            for i in 0..len {
                select(&mut app, pane, i);
                for (w, h) in SIZES {
                    let (buf, area) = render(&app, w, h);
                    let all: String = (area.top()..area.bottom())
                        .map(|y| row(&buf, area, y))
                        .collect();
                    assert!(!all.contains("SECRET"), "{audience:?} {pane:?} {i} {w}x{h}");
                }
            }
        }
        select(&mut app, Pane::Details, notes_row);
        let (buf, area) = render(&app, 80, 24);
        assert!(inside(&buf, area).contains("notes are private"));
    }
}

#[test]
fn an_empty_pane_says_so() {
    let mut r = example();
    r.timeline.clear();
    r.learnings.clear();
    r.factors.clear();
    r.actions.clear();
    r.parking_lot.clear();
    let mut app = app_with(r);
    for pane in [
        Pane::Timeline,
        Pane::Learnings,
        Pane::Factors,
        Pane::Actions,
        Pane::Parking,
    ] {
        select(&mut app, pane, 3);
        for (w, h) in SIZES {
            let (buf, area) = render(&app, w, h);
            let want = format!("Nothing selected in {}", pane.title());
            assert!(inside(&buf, area).contains(&want), "{want} at {w}x{h}");
            let title = row(&buf, area, area.top() + 1);
            assert!(!title.contains(" of "), "{title:?}");
        }
    }
}

#[test]
fn any_size_draws_without_panicking() {
    let mut r = example();
    if let Some(a) = r.actions.first_mut() {
        a.text =
            Text::new("支付失败了 🔥🔥 checkout 支付 failing again and again, 🔥 in every region");
    }
    let mut app = app_with(r);
    for pane in Pane::ALL {
        select(&mut app, pane, 0);
        for w in (1..=30).chain([45, 79, 80, 81, 200]) {
            for h in (1..=12).chain([23, 24, 60]) {
                render(&app, w, h);
            }
        }
    }
}

#[test]
fn the_summary_row_shows_its_flags_and_what_the_room_reframed() {
    use crate::domain::coach::CategoryId;
    let mut r = example();
    r.summary.resolution = "We should have rolled back sooner.".into();
    r.summary.customer_impact = "Checkout failed for a third of customers.".into();
    r.summary.reframed.customer_impact = vec![CategoryId::Blame];
    let mut app = app_with(r);
    select(&mut app, Pane::Details, 2);
    for (w, h) in SIZES {
        let (buf, area) = render(&app, w, h);
        let shown = inside(&buf, area);
        for want in [
            "resolution ⚑ Counterfactual",
            "Counterfactual: should have rolled",
            "customer impact reframed: Blame",
        ] {
            assert!(shown.contains(want), "{want:?} at {w}x{h} in {shown:?}");
        }
    }
}
