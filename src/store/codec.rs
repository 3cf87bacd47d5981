//! The saved form of a review: human-readable RON with a schema version.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use crate::domain::id::is_valid_id;
use crate::domain::{Review, SCHEMA_VERSION, Text};

/// Why a file could not be read as a review. It always names the file;
/// the caller never overwrites or moves a file that failed to load.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "{path}: written by a newer debrief (schema {found}; this one reads up to {SCHEMA_VERSION}); upgrade debrief to open it"
    )]
    NewerSchema { path: PathBuf, found: u32 },
    #[error(
        "{path}: schema {found} is not one this debrief knows (it reads 1 to {SCHEMA_VERSION})"
    )]
    UnknownSchema { path: PathBuf, found: u32 },
    #[error(
        "{path}: the id '{id}' is not a valid review id (lowercase letters, digits and dashes)"
    )]
    BadId { path: PathBuf, id: String },
    #[error("{path}: {why}")]
    Unsound { path: PathBuf, why: String },
}

fn options() -> ron::Options {
    // The default recursion limit stays in place: a hostile file cannot
    // overflow the stack.
    ron::Options::default()
}

/// Writes `review` as pretty RON, one field a line.
pub fn encode(review: &Review) -> String {
    let pretty = PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        // Strings are written as typed (raw strings when they hold quotes or
        // backslashes): every text in a review is already free of control
        // characters, and ids are checked.
        .escape_strings(false)
        .extensions(Extensions::empty());
    // Every type in a review serialises without error (no maps with
    // non-string keys, no floats, no untagged data).
    let mut out = options()
        .to_string_pretty(review, pretty)
        .expect("a review always serialises");
    out.push('\n');
    out
}

/// Only the schema version, read when a file fails to load, to tell a
/// file from a newer debrief from a broken one.
#[derive(Deserialize)]
#[serde(rename = "Review")]
struct Probe {
    schema: u32,
}

/// Reads a review; `path` only names the file in errors. A leading byte
/// order mark (some editors on Windows add one) is skipped.
pub fn decode(text: &str, path: &Path) -> Result<Review, DecodeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let syntax = |e: ron::error::SpannedError| DecodeError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: explain(&e, text),
    };
    // Read the whole review at once; only when that fails is the schema
    // read on its own, so that a newer file is refused with a clear
    // message rather than a confusing field error.
    let schema_error = |found: u32| match found {
        0 => Some(DecodeError::UnknownSchema {
            path: path.to_owned(),
            found,
        }),
        n if n > SCHEMA_VERSION => Some(DecodeError::NewerSchema {
            path: path.to_owned(),
            found,
        }),
        _ => None,
    };
    // The plain reader takes what debrief writes, fast; ron reads
    // anything else (and says what is wrong with a file that fails).
    let read = super::plain::from_str::<Review>(text).map_or_else(|| options().from_str(text), Ok);
    let mut review: Review = match read {
        Ok(review) => review,
        Err(e) => {
            let probe: Probe = options().from_str(text).map_err(syntax)?;
            return Err(schema_error(probe.schema).unwrap_or_else(|| syntax(e)));
        }
    };
    if let Some(e) = schema_error(review.schema) {
        return Err(e);
    }
    // Every older schema reads as the current one (see SCHEMA_VERSION).
    review.schema = SCHEMA_VERSION;
    if !is_valid_id(&review.id) {
        return Err(DecodeError::BadId {
            path: path.to_owned(),
            id: Text::new(&review.id).into_string(),
        });
    }
    // Before normalising, which counts on item numbers far from u64::MAX.
    if let Some(why) = crate::domain::guards::unsound(&review) {
        return Err(DecodeError::Unsound {
            path: path.to_owned(),
            why,
        });
    }
    review.normalise();
    Ok(review)
}

/// ron's message, made plainer where the cause is likely: a file cut
/// short, or a file that is not a review at all.
fn explain(e: &ron::error::SpannedError, text: &str) -> String {
    let starts_like_a_review = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .is_some_and(|l| l.starts_with('('));
    // The error reaches the end of the text: where it starts or, for a
    // word the file was cut in, where that word ends.
    let at_end = |p: &ron::error::Position| {
        text.trim_end().lines().count() <= p.line
            && text
                .trim_end()
                .lines()
                .last()
                .is_some_and(|l| l.chars().count() < p.col)
    };
    let at_end = at_end(&e.span.start) || at_end(&e.span.end);
    match &e.code {
        ron::Error::Eof => "the file ends too early (is it truncated?)".to_owned(),
        ron::Error::ExceededRecursionLimit => {
            "values are nested too deeply (more than 128 levels)".to_owned()
        }
        _ if !starts_like_a_review => {
            format!(
                "this is not a debrief review (a review file starts with '('); {}",
                e.code
            )
        }
        other if at_end => format!("{other}; the file ends here: is it truncated?"),
        other => other.to_string(),
    }
}
