//! The team's own figures, for the cost of downtime in `debrief stats`:
//! `team.ron` in the data folder, beside `reviews/`, so that git shares it
//! with the reviews.
//!
//! ```ron
//! (
//!     hourly_cost: 12000,        // what an hour of downtime costs
//!     currency: "EUR",           // shown beside the cost
//!     deploys_per_week: 40,      // deploy frequency, for context
//!     change_failure_rate: 0.04, // share of changes that fail, 0 to 1
//! )
//! ```
//!
//! Every field may be left out; an unknown field is refused, so that a
//! misspelt one is not silently ignored.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file's name, in the data folder.
pub const TEAM_FILE: &str = "team.ron";

/// What the team says about itself.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// What an hour of downtime costs, in `currency`.
    #[serde(default)]
    pub hourly_cost: Option<f64>,
    /// The currency of `hourly_cost`, as the team writes it: `EUR`, `$`.
    #[serde(default)]
    pub currency: Option<String>,
    /// How many deploys a week.
    #[serde(default)]
    pub deploys_per_week: Option<f64>,
    /// The share of changes that lead to a failure, from 0 to 1.
    #[serde(default)]
    pub change_failure_rate: Option<f64>,
}

/// Why `team.ron` could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("{}: could not be read: {source}", file.display())]
    Read {
        file: PathBuf,
        source: std::io::Error,
    },
    /// `message` starts with `line:col:` when the position is known.
    #[error("{}:{message}", file.display())]
    Invalid { file: PathBuf, message: String },
}

impl Team {
    /// Reads the text of a `team.ron`. The error starts with `line:col: `.
    pub fn from_ron(text: &str) -> Result<Team, String> {
        let team: Team = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
        let at = |field: &str| {
            text.lines()
                .position(|l| l.contains(field))
                .map(|n| format!("{}:", n + 1))
                .unwrap_or_default()
        };
        let check = |field: &str, value: Option<f64>, ok: fn(f64) -> bool, want: &str| match value {
            Some(v) if !ok(v) => Err(format!("{} {field} is {v}: give {want}", at(field))),
            _ => Ok(()),
        };
        check(
            "hourly_cost",
            team.hourly_cost,
            |v| v.is_finite() && v >= 0.0,
            "a number of 0 or more",
        )?;
        check(
            "deploys_per_week",
            team.deploys_per_week,
            |v| v.is_finite() && v >= 0.0,
            "a number of 0 or more",
        )?;
        check(
            "change_failure_rate",
            team.change_failure_rate,
            |v| (0.0..=1.0).contains(&v),
            "a share from 0 to 1 (0.04 for 4%)",
        )?;
        Ok(team)
    }

    /// Reads `team.ron` in `root`, the data folder; `None` when there is
    /// none.
    pub fn load(root: &Path) -> Result<Option<Team>, TeamError> {
        let file = root.join(TEAM_FILE);
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(TeamError::Read { file, source }),
        };
        Team::from_ron(&text)
            .map(Some)
            .map_err(|message| TeamError::Invalid { file, message })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_file_reads_every_field_or_none() {
        let team = Team::from_ron(
            "(\n  hourly_cost: 12000,\n  currency: \"EUR\",\n  deploys_per_week: 40,\n  change_failure_rate: 0.04,\n)",
        )
        .unwrap();
        assert_eq!(team.hourly_cost, Some(12000.0));
        assert_eq!(team.currency.as_deref(), Some("EUR"));
        assert_eq!(team.deploys_per_week, Some(40.0));
        assert_eq!(team.change_failure_rate, Some(0.04));
        assert_eq!(Team::from_ron("()").unwrap(), Team::default());
    }

    #[test]
    fn unknown_fields_and_bad_values_are_named_with_their_line() {
        let err = Team::from_ron("(\n  hourly_cost: 10,\n  hourly_costs: 12,\n)").unwrap_err();
        assert!(err.starts_with("3:"), "{err}");
        assert!(err.contains("hourly_costs"), "{err}");
        let err = Team::from_ron("(\n  change_failure_rate: 4,\n)").unwrap_err();
        assert!(err.starts_with("2: change_failure_rate is 4"), "{err}");
        let err = Team::from_ron("(\n  hourly_cost: -5,\n)").unwrap_err();
        assert!(err.starts_with("2: hourly_cost is -5"), "{err}");
        let err = Team::from_ron("(\n  hourly_cost: \"a lot\",\n)").unwrap_err();
        assert!(err.starts_with("2:"), "{err}");
    }
}
