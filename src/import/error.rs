//! The one error of every importer: the file, the place in it (a line, a
//! JSON path, an entry of a zip) and what was expected there.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file as the user named it, or "standard input".
    pub file: String,
    /// Where in the file: "line 12", "$.log_entries[3].created_at",
    /// "general/2026-11-23.json line 4 column 9"; empty for the whole file.
    pub place: String,
    /// What was expected, or what went wrong.
    pub problem: String,
    /// The channels to choose from, when the export holds several and
    /// none was named.
    pub channels: Vec<String>,
}

impl ImportError {
    pub fn whole(file: &str, problem: impl Into<String>) -> ImportError {
        ImportError {
            file: file.to_owned(),
            place: String::new(),
            problem: problem.into(),
            channels: Vec::new(),
        }
    }

    pub fn at(file: &str, place: impl Into<String>, problem: impl Into<String>) -> ImportError {
        ImportError {
            file: file.to_owned(),
            place: place.into(),
            problem: problem.into(),
            channels: Vec::new(),
        }
    }

    /// The same error, with the channels the user can choose from.
    pub fn with_channels(mut self, channels: &[&str]) -> ImportError {
        self.channels = channels.iter().map(|c| (*c).to_owned()).collect();
        self
    }

    pub fn at_line(file: &str, line: usize, problem: impl Into<String>) -> ImportError {
        ImportError::at(file, format!("line {line}"), problem)
    }

    pub fn io(file: &str, e: &std::io::Error) -> ImportError {
        ImportError::whole(file, format!("could not be read: {e}"))
    }

    /// A JSON syntax or shape error from serde, at its line and column.
    pub fn json(file: &str, inner: Option<&str>, e: &serde_json::Error) -> ImportError {
        let mut place = String::new();
        if let Some(inner) = inner {
            place.push_str(inner);
            place.push(' ');
        }
        place.push_str(&format!("line {} column {}", e.line(), e.column()));
        let problem = e.to_string();
        // serde appends " at line L column C"; the place says it already.
        let problem = match problem.rfind(" at line ") {
            Some(i) => problem[..i].to_owned(),
            None => problem,
        };
        ImportError::at(
            file,
            place,
            format!("expected JSON of the export: {problem}"),
        )
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}, {}: {}", self.file, self.place, self.problem)
        }
    }
}

impl std::error::Error for ImportError {}
