//! Adding the kept lines: one step of undo holding every event, the
//! newcomers as participants when asked, and the key moments the pager's
//! log offers where the review has none.

use super::Step;
use crate::app::action::Effect;
use crate::app::history::{Edit, Head, Item};
use crate::app::state::{App, Overlay, Pane};
use crate::domain::{Participant, Role, Text};
use crate::import::to_event;

/// Adds what the listing keeps and shows, and closes the view.
pub fn add(app: &mut App) -> Vec<Effect> {
    let Some(Overlay::Import(imp)) = app.overlays.last() else {
        return Vec::new();
    };
    let Step::List(l) = &imp.step else {
        return Vec::new();
    };
    let rows: Vec<usize> = l.to_add().collect();
    if rows.is_empty() {
        app.info("No line is kept: Space keeps the selected one, A keeps all");
        return Vec::new();
    }
    let format = l.plan.format;
    let events: Vec<_> = rows
        .iter()
        .map(|i| {
            let mut e = to_event(format, &l.plan.rows[*i].candidate);
            e.origin = Some(Text::new(&l.origins[*i]));
            e
        })
        .collect();
    let moments: Vec<_> = rows
        .iter()
        .filter_map(|i| {
            let c = &l.plan.rows[*i].candidate;
            c.moment.map(|m| (m, c.at))
        })
        .collect();
    let people = if l.add_people {
        l.newcomers.clone()
    } else {
        Vec::new()
    };
    let left = l.newcomers.len() - people.len();
    let Some(ws) = app.workspace_mut() else {
        return Vec::new();
    };
    let mut edits = Vec::with_capacity(events.len() + 1);
    let before = Head::of(&ws.review);
    let mut after = before.clone();
    let mut set = Vec::new();
    for (m, at) in moments {
        if after.moments.get(m).is_none() {
            after.moments.set(m, Some(at));
            set.push(m.describe());
        }
    }
    for name in &people {
        after.participants.push(Participant {
            name: Text::trimmed(name),
            role: Role::Other,
        });
    }
    if after != before {
        let edit = Edit::Head {
            before: Box::new(before),
            after: Box::new(after),
        };
        edit.apply(&mut ws.review);
        edits.push(edit);
    }
    let mut last = 0;
    let n = events.len();
    for mut event in events {
        event.id = ws.review.take_id();
        let at = ws.review.timeline.partition_point(|x| x.at <= event.at);
        let edit = Edit::Item {
            before: None,
            after: Some((at, Item::Event(event))),
        };
        edit.apply(&mut ws.review);
        edits.push(edit);
        last = at;
    }
    ws.history.record(Edit::Batch(edits));
    ws.revision += 1;
    ws.focus = Pane::Timeline;
    ws.cursor_mut(Pane::Timeline).selected = last;
    let mut said = format!(
        "Added {n} event{} from {format}; u undoes the whole import",
        if n == 1 { "" } else { "s" }
    );
    if !people.is_empty() {
        said.push_str(&format!("; participants added: {}", people.join(", ")));
    }
    if left > 0 {
        said.push_str(&format!("; {left} not among the participants"));
    }
    if !set.is_empty() {
        said.push_str(&format!("; set {}", set.join(", ")));
    }
    if let Some(Overlay::Import(_)) = app.overlays.last() {
        app.overlays.pop();
    }
    app.info(crate::domain::text::visible_line(&said).into_owned());
    vec![Effect::Save]
}
