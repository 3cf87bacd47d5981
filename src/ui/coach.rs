//! The bias coach on screen: a marker on items whose text still carries
//! flagged language, the flags of the text being typed with the matched
//! words highlighted, and the facilitator's other guards (voices not yet
//! heard, a timeline that starts too late) for the prompts pane.

use ratatui::text::{Line, Span};

use ratatui::style::Style;

use super::list::fit_line;
use super::text::{ELLIPSIS, wrap, wrap_line};
use super::theme::Theme;
use crate::app::form::Input;
use crate::app::{App, Overlay};
use crate::domain::coach::Headings;
use crate::domain::guards::late_start;
use crate::domain::{CategoryId, Coach, Flag, Summary};

/// The marker in front of an item whose text the coach flags.
pub const MARK: &str = "⚑ ";

/// The marker of flagged words kept as a direct quote.
pub const QUOTE: &str = "❝ ";

/// The markers in front of an item's text: the coach's flag (or the quote
/// mark when the facilitator kept the words as a quote), then the
/// internal-only marker.
pub fn markers(
    app: &App,
    theme: &Theme,
    internal: bool,
    quote: bool,
    text: &str,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if quote {
        spans.push(Span::styled(QUOTE, theme.muted));
    } else if app.flagged.check(&app.coach, text) {
        spans.push(Span::styled(MARK, theme.warning));
    }
    if internal {
        spans.push(Span::styled("[internal] ", theme.internal));
    }
    spans
}

/// The text of the form field being typed in, if any.
pub fn typed(app: &App) -> Option<String> {
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        return None;
    };
    let field = form.focused()?;
    matches!(field.input, Input::Text { .. }).then(|| field.value())
}

/// The flags of `text`, one per category, in the order they appear.
pub fn flags(coach: &Coach, text: &str) -> Vec<Flag> {
    let mut seen = Vec::new();
    coach
        .check(text)
        .into_iter()
        .filter(|f| {
            let first = !seen.contains(&f.category);
            seen.push(f.category);
            first
        })
        .collect()
}

/// The flags of a selected item's text, for its detail row: each flag's
/// category, the words and a better question; or, when the room kept the
/// words as a quote, that they were kept.
pub fn item_flags(app: &App, theme: &Theme, text: &str, quote: bool) -> Vec<Line<'static>> {
    let flags = flags(&app.coach, text);
    if quote && !flags.is_empty() {
        return vec![Line::styled(
            format!("{QUOTE}kept as a direct quote: not flagged"),
            theme.muted,
        )];
    }
    flags.iter().map(|f| flag_line(app, theme, f)).collect()
}

/// What the room reframed in a selected item's words, for its detail
/// row: `reframed: Counterfactual, Hindsight` (the row wraps it); none
/// when nothing is left to show. A category the coach flags in `text` now
/// is open, not reframed, whatever the record says (it may have been made
/// under another coach, or edited by hand).
pub fn reframed(
    app: &App,
    theme: &Theme,
    text: &str,
    record: &[CategoryId],
) -> Option<Line<'static>> {
    if record.is_empty() {
        return None;
    }
    let open: Vec<CategoryId> = app.coach.check(text).iter().map(|f| f.category).collect();
    reframed_line(app, theme, record, &open)
}

/// `reframed: …` for the categories of `record` not `open` (flagged in
/// the words now); none when every one is.
fn reframed_line(
    app: &App,
    theme: &Theme,
    record: &[CategoryId],
    open: &[CategoryId],
) -> Option<Line<'static>> {
    let names: Vec<&str> = record
        .iter()
        .filter(|id| !open.contains(id))
        .map(|id| app.coach.category(*id).map_or(id.as_str(), |c| c.name()))
        .collect();
    if names.is_empty() {
        return None;
    }
    Some(Line::styled(
        format!("reframed: {}", names.join(", ")),
        theme.muted,
    ))
}

/// The names of the summary's texts, in the order of
/// [`crate::domain::Summary::statements`].
const SUMMARY_TEXTS: [&str; 5] = [
    "summary",
    "customer impact",
    "SLA impact",
    "proximate cause",
    "resolution",
];

/// The flags and the reframe records of the summary's texts, for the
/// selected summary row of the details pane: for each text in the order
/// its form shows them, its flags (one per category) and what the room
/// reframed in it, each line led by the text's name. A heading is
/// flagged once across the five texts, as the report counts them, and a
/// category flagged in a text now is open there, not reframed.
pub fn summary_flags(app: &App, theme: &Theme, summary: &Summary) -> Vec<Line<'static>> {
    let mut headings = Headings::default();
    let mut lines = Vec::new();
    for ((name, text), record) in SUMMARY_TEXTS
        .into_iter()
        .zip(summary.statements())
        .zip(summary.reframed.fields())
    {
        // A blank text has nothing to flag, and a record beside it (in a
        // file edited by hand) went with its words.
        if text.trim().is_empty() {
            continue;
        }
        let mut open: Vec<CategoryId> = Vec::new();
        let found = app.coach.check_in(text, &mut headings);
        let label = || Span::styled(format!("{name} "), theme.label);
        for flag in found {
            if open.contains(&flag.category) {
                continue;
            }
            open.push(flag.category);
            let mut line = flag_line(app, theme, &flag);
            line.spans.insert(0, label());
            lines.push(line);
        }
        if let Some(mut line) = reframed_line(app, theme, record, &open) {
            line.spans.insert(0, label());
            lines.push(line);
        }
    }
    lines
}

/// One flag as a line: the marker, the category, the matched words
/// highlighted, and a better question.
pub fn flag_line(app: &App, theme: &Theme, flag: &Flag) -> Line<'static> {
    let name = app
        .coach
        .category(flag.category)
        .map_or(flag.category.as_str(), |c| c.name());
    let question = app
        .coach
        .category(flag.category)
        .and_then(|c| c.questions().first())
        .map(String::as_str)
        .unwrap_or_default();
    Line::from(vec![
        Span::styled(format!("{MARK}{name}: "), theme.warning),
        Span::styled(flag.matched.clone(), theme.flagged),
        Span::styled(format!(" → {question}"), theme.muted),
    ])
}

/// What the prompts pane shows before its questions: the flags of the
/// text being typed (each with an explanation and a better question),
/// else who has not been heard and whether the timeline starts too late.
pub fn guidance(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(text) = typed(app) {
        for flag in flags(&app.coach, &text) {
            let Some(category) = app.coach.category(flag.category) else {
                continue;
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{MARK}{}: ", category.name()), theme.warning),
                Span::styled(flag.matched.clone(), theme.flagged),
            ]));
            for l in wrap(category.explanation(), width.saturating_sub(2)) {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(l, theme.muted),
                ]));
            }
            for q in category.questions() {
                for (i, l) in wrap(q, width.saturating_sub(2)).into_iter().enumerate() {
                    let bullet = if i == 0 { "› " } else { "  " };
                    lines.push(Line::from(vec![
                        Span::styled(bullet, theme.key),
                        Span::raw(l),
                    ]));
                }
            }
            lines.push(Line::raw(""));
        }
        return lines;
    }
    let Some(ws) = app.workspace() else {
        return lines;
    };
    let quiet: Vec<&str> = ws.unheard.iter().map(String::as_str).collect();
    if !quiet.is_empty() {
        let text = format!(
            "Not heard yet: {}. Who sees this differently?",
            quiet.join(", ")
        );
        for l in wrap(&text, width) {
            lines.push(Line::styled(l, theme.info));
        }
        lines.push(Line::raw(""));
    }
    // Said where the timeline is told, not at every stage.
    let telling = matches!(
        ws.review.meeting.stage,
        crate::domain::Stage::KeyMoments | crate::domain::Stage::Timeline
    );
    if telling && let Some(note) = late_start(&ws.review) {
        for l in wrap(note, width) {
            lines.push(Line::styled(l, theme.info));
        }
        lines.push(Line::raw(""));
    }
    lines
}

/// A selected row's `lines` followed by what the coach `said` of its
/// texts, in `height` lines at most (the rows above give way for it, see
/// `first_shown` in details.rs). Each line of `said` takes two lines at most, so its
/// question shows, or one when that is too many; when even that does not
/// fit, the row's own lines give way first, down to its first, as the
/// preview under a short list keeps what the coach flagged, and what is
/// left over is counted on the last line.
pub(super) fn with_flags(
    theme: &Theme,
    mut lines: Vec<Line<'static>>,
    said: &[Line<'static>],
    width: usize,
    most: usize,
    height: usize,
) -> Vec<Line<'static>> {
    if said.is_empty() {
        return lines;
    }
    let wrapped = |most: usize| -> Vec<Line<'static>> {
        said.iter()
            .flat_map(|l| wrap_line(l, width, most))
            .collect()
    };
    let roomy = wrapped(most.max(2));
    if lines.len() + roomy.len() <= height {
        lines.extend(roomy);
        return lines;
    }
    let mut said = wrapped(1);
    let room = height.max(2);
    let keep = room.saturating_sub(said.len()).max(1);
    if lines.len() > keep {
        lines.truncate(keep);
        if let Some(last) = lines.pop() {
            lines.push(cut(last, width));
        }
    }
    let left = room - lines.len();
    if said.len() > left {
        let more = said.len() - (left - 1);
        said.truncate(left - 1);
        said.push(Line::styled(format!("… {more} more"), theme.muted));
    }
    lines.extend(said);
    lines
}

/// `line`, which has more after it that is not shown, ending in "…".
fn cut(mut line: Line<'static>, width: usize) -> Line<'static> {
    let w = line.width();
    if w < width {
        let style = line.spans.last().map_or(Style::new(), |s| s.style);
        line.spans.push(Span::styled(ELLIPSIS, style));
        return line;
    }
    fit_line(line, w.min(width).saturating_sub(1))
}
