//! `debrief export`: one report to standard output or a file, or every
//! file the workspace's export writes, to a folder.

use std::io::Write;
use std::path::PathBuf;

use chrono::Utc;
use clap::{Args, ValueEnum};

use super::CliError;
use crate::domain::Coach;
use crate::report;
use crate::store::{self, Replace, Store, write_atomic};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A path, an id, or a unique prefix of an id
    pub review: String,
    /// The short public summary for customers instead of the internal report
    #[arg(long, conflicts_with = "to")]
    pub public: bool,
    #[arg(long, value_enum, default_value = "md", conflicts_with = "to")]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE", conflicts_with = "to")]
    pub output: Option<PathBuf>,
    /// Write every file the workspace's export (e) writes into FOLDER:
    /// <id>.md, <id>.public.md and the recovery chart
    #[arg(long, value_name = "FOLDER")]
    pub to: Option<PathBuf>,
}

pub(super) fn export(
    store: &Store,
    coach: &Coach,
    args: ExportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let path = store.resolve(&args.review)?;
    let review = store::load(&path)?;
    let now = Utc::now();
    // The internal report lists the library's related reviews; a library
    // that cannot be read leaves the section out, and says so.
    let related = || match super::related::related_to(store, &path, super::related::SHOWN) {
        Ok((_, found)) => Some(found),
        Err(e) => {
            say!("debrief: related reviews left out of the report: {e}");
            None
        }
    };
    if let Some(folder) = &args.to {
        let files = report::export_set_with(&review, coach, now, related().as_deref());
        let written = store::write_files(
            folder,
            files.iter().map(|f| (f.name.as_str(), f.text.as_bytes())),
        )?;
        for path in written {
            say!("wrote {}", path.display());
        }
        return Ok(());
    }
    let text = match (args.format, args.public) {
        (Format::Md, false) => match related() {
            Some(found) => report::markdown::internal_with_related(&review, coach, now, &found),
            None => report::markdown::internal_at(&review, coach, now),
        },
        (Format::Md, true) => report::markdown::public(&review),
        (Format::Json, false) => report::json::to_json(&review),
        (Format::Json, true) => report::json::to_json(&review.public_view()),
    };
    match args.output {
        Some(path) => {
            if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
                && !folder.is_dir()
            {
                return Err(CliError::Input(format!(
                    "-o {}: the folder {} does not exist",
                    path.display(),
                    folder.display()
                )));
            }
            write_atomic(&path, text.as_bytes(), Replace::Overwrite)?;
            say!("wrote {}", path.display());
            // The internal report links to its chart: write it beside.
            if let (Format::Md, false, Some(chart)) =
                (args.format, args.public, report::chart(&review))
            {
                let chart_path = path.with_file_name(&chart.name);
                write_atomic(&chart_path, chart.text.as_bytes(), Replace::Overwrite)?;
                say!("wrote {}", chart_path.display());
            }
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}
