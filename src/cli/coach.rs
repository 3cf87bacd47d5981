//! `debrief coach`: biased language in a sentence, standard input or a
//! whole review.

use std::io::{self, BufRead, Write};

use clap::Args;

use super::CliError;
use crate::domain::text::visible_line;
use crate::domain::{Coach, Review};
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

/// The texts of a review worth checking, each with where it is. The
/// facilitator's private notes are included: they never reach a report,
/// but the facilitator's own language is worth hearing too.
fn review_texts(review: &Review) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = vec![("title".into(), review.title.as_str())];
    let s = &review.summary;
    for (name, text) in [
        ("summary", &s.summary),
        ("customer impact", &s.customer_impact),
        ("SLA impact", &s.sla_impact),
        ("proximate cause", &s.proximate_cause),
        ("resolution", &s.resolution),
    ] {
        texts.push((name.into(), text.as_str()));
    }
    texts.extend(s.services.iter().map(|t| ("services".into(), t.as_str())));
    texts.extend(
        review
            .timeline
            .iter()
            .map(|e| (format!("event {}", e.id), e.text.as_str())),
    );
    texts.extend(
        review
            .learnings
            .iter()
            .map(|l| (format!("learning {}", l.id), l.text.as_str())),
    );
    texts.extend(
        review
            .factors
            .iter()
            .map(|f| (format!("factor {}", f.id), f.text.as_str())),
    );
    texts.extend(
        review
            .actions
            .iter()
            .map(|a| (format!("action {}", a.id), a.text.as_str())),
    );
    texts.extend(
        review
            .parking_lot
            .iter()
            .map(|p| (format!("parking lot {}", p.id), p.text.as_str())),
    );
    texts.push(("notes".into(), review.notes.as_str()));
    texts.retain(|(_, t)| !t.trim().is_empty());
    texts
}

pub(super) fn coach(
    store: &Store,
    coach: &Coach,
    args: CoachArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let owned: Vec<(Option<String>, String)> = match (&args.review, &args.text) {
        (Some(spec), _) => {
            let review = store::load(&store.resolve(spec)?)?;
            review_texts(&review)
                .into_iter()
                .map(|(place, text)| (Some(place), text.to_owned()))
                .collect()
        }
        (None, Some(text)) if text != "-" => vec![(None, text.clone())],
        (None, _) => {
            let mut lines = Vec::new();
            for (n, line) in io::stdin().lock().lines().enumerate() {
                let line = line
                    .map_err(|e| CliError::Input(format!("could not read standard input: {e}")))?;
                lines.push((Some(format!("line {}", n + 1)), line));
            }
            lines
        }
    };
    let mut rows = Vec::new();
    // A review's heading is flagged once across its fields.
    let mut headings = crate::domain::coach::Headings::default();
    for (place, text) in &owned {
        for flag in coach.check_in(text, &mut headings) {
            let Some(category) = coach.category(flag.category) else {
                continue;
            };
            let question = category.questions().first().map_or("", String::as_str);
            rows.push((place.as_deref(), category, flag, question));
        }
    }
    if args.json {
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
    if rows.is_empty() {
        say!("nothing flagged");
    }
    Ok(())
}
