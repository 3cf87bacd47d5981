//! `debrief coach`: biased language in a sentence, standard input or a
//! whole review.

use std::io::{self, BufRead, Write};

use clap::Args;

use super::CliError;
use crate::domain::text::visible_line;
use crate::domain::{Category, CategoryId, Coach, ItemId, Review, Statement};
use crate::report::json::write_pretty;
use crate::store::{self, Store};

/// `debrief coach`: a sentence, standard input, or a whole review.
#[derive(Debug, Args)]
pub struct CoachArgs {
    /// The text to check, or - (or nothing) to check standard input line by line
    #[arg(allow_hyphen_values = true, conflicts_with = "review")]
    pub text: Option<String>,
    /// Check every text of a review (a path, an id, or a unique prefix of an id)
    #[arg(long, value_name = "REVIEW")]
    pub review: Option<String>,
    /// Print JSON for other tools
    #[arg(long)]
    pub json: bool,
}

/// A text to check: where it is (none for a sentence given alone), its
/// words, and what the room reframed in it (none for the texts that keep
/// no record: the title, the services, the notes, standard input).
struct Checked<'a> {
    place: Option<String>,
    text: String,
    reframed: &'a [CategoryId],
}

/// The texts of a review worth checking, each with where it is and what
/// the room reframed in it. The facilitator's private notes are
/// included: they never reach a report, but the facilitator's own
/// language is worth hearing too.
fn review_texts(review: &Review) -> Vec<Checked<'_>> {
    let mut texts = vec![place("title", review.title.as_str(), &[])];
    let s = &review.summary;
    let summary = [
        "summary",
        "customer impact",
        "SLA impact",
        "proximate cause",
        "resolution",
    ];
    for ((name, words), reframed) in summary
        .into_iter()
        .zip(s.statements())
        .zip(s.reframed.fields())
    {
        texts.push(place(name, words, reframed));
    }
    texts.extend(
        s.services
            .iter()
            .map(|t| place("services", t.as_str(), &[])),
    );
    texts.extend(review.timeline.iter().map(|e| item("event", e, e.id)));
    texts.extend(review.learnings.iter().map(|l| item("learning", l, l.id)));
    texts.extend(review.factors.iter().map(|f| item("factor", f, f.id)));
    texts.extend(review.actions.iter().map(|a| item("action", a, a.id)));
    texts.extend(
        review
            .parking_lot
            .iter()
            .map(|p| item("parking lot", p, p.id)),
    );
    texts.push(place("notes", review.notes.as_str(), &[]));
    // A blank text has nothing to flag, and a record beside it (in a file
    // edited by hand) went with its words.
    texts.retain(|t| !t.text.trim().is_empty());
    texts
}

fn place<'a>(name: &str, text: &str, reframed: &'a [CategoryId]) -> Checked<'a> {
    Checked {
        place: Some(name.to_owned()),
        text: text.to_owned(),
        reframed,
    }
}

fn item<'a, T: Statement>(kind: &str, item: &'a T, id: ItemId) -> Checked<'a> {
    Checked {
        place: Some(format!("{kind} {id}")),
        text: item.statement().to_owned(),
        reframed: item.reframed(),
    }
}

pub(super) fn coach(
    store: &Store,
    coach: &Coach,
    args: CoachArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let review = match &args.review {
        Some(spec) => Some(store::load(&store.resolve(spec)?)?),
        None => None,
    };
    let texts: Vec<Checked<'_>> = match (&review, &args.text) {
        (Some(review), _) => review_texts(review),
        (None, Some(text)) if text != "-" => vec![Checked {
            place: None,
            text: text.clone(),
            reframed: &[],
        }],
        (None, _) => {
            let mut lines = Vec::new();
            for (n, line) in io::stdin().lock().lines().enumerate() {
                let line = line
                    .map_err(|e| CliError::Input(format!("could not read standard input: {e}")))?;
                lines.push(Checked {
                    place: Some(format!("line {}", n + 1)),
                    text: line,
                    reframed: &[],
                });
            }
            lines
        }
    };
    let mut rows = Vec::new();
    let mut reframed: Vec<(Option<&str>, Vec<&Category>)> = Vec::new();
    // A review's heading is flagged once across its fields.
    let mut headings = crate::domain::coach::Headings::default();
    for Checked {
        place,
        text,
        reframed: record,
    } in &texts
    {
        let mut open: Vec<CategoryId> = Vec::new();
        for flag in coach.check_in(text, &mut headings) {
            open.push(flag.category);
            let Some(category) = coach.category(flag.category) else {
                continue;
            };
            let question = category.questions().first().map_or("", String::as_str);
            rows.push((place.as_deref(), category, flag, question));
        }
        // A category flagged now is open, whatever the record says (it
        // may have been made under another coach, or edited by hand), as
        // the report counts it.
        let settled: Vec<&Category> = record
            .iter()
            .filter(|id| !open.contains(id))
            .filter_map(|id| coach.category(*id))
            .collect();
        if !settled.is_empty() {
            reframed.push((place.as_deref(), settled));
        }
    }
    if args.json {
        // The open flags only, as tools have always read them: an array
        // whose every element is a flag. The reframed records are in the
        // plain form, the report and the review file.
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(place, category, flag, question)| {
                serde_json::json!({
                    "where": place,
                    "category": flag.category.as_str(),
                    "name": category.name(),
                    "matched": flag.matched,
                    "start": flag.start,
                    "end": flag.end,
                    "question": question,
                })
            })
            .collect();
        write_pretty(out, &items)?;
        return Ok(());
    }
    // The names and questions come from a team's coach.ron, the matched
    // words from anywhere: each is shown on one line.
    for (place, category, flag, question) in &rows {
        if let Some(place) = place {
            write!(out, "{}: ", visible_line(place))?;
        }
        writeln!(
            out,
            "{}: \"{}\"; ask: {}",
            visible_line(category.name()),
            visible_line(&flag.matched),
            visible_line(question)
        )?;
    }
    for (place, categories) in &reframed {
        if let Some(place) = place {
            write!(out, "{}: ", visible_line(place))?;
        }
        let names: Vec<String> = categories
            .iter()
            .map(|c| visible_line(c.name()).into_owned())
            .collect();
        writeln!(out, "reframed {}", names.join(", "))?;
    }
    if rows.is_empty() {
        say!("nothing flagged");
    }
    Ok(())
}
