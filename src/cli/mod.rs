//! The command line: clap definitions and the non-interactive commands,
//! a file per group of commands.
//!
//! Everything a script needs goes to standard output (an id, a report,
//! JSON); messages for people go to standard error.
//!
//! Every string written to either stream goes through
//! [`visible`](crate::domain::text::visible) or its one-line form first,
//! whatever its source: a review, a team's files, an argument, a path. A
//! message for people is written with [`say!`], on one line.

/// Writes a message for people to standard error, as one line with every
/// control, bidi and invisible character shown (see
/// [`visible_line`](crate::domain::text::visible_line)).
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::domain::text::visible_line(&format!($($arg)*)))
    };
}

mod actions;
mod coach;
mod digest;
mod edit;
mod export;
mod import;
mod list;
mod new;
mod related;
mod search;
mod set;
mod stats;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use chrono::Utc;
use clap::{Parser, Subcommand};

pub use coach::CoachArgs;
pub use edit::{AddArgs, AddItem, ItemText};
pub use export::{ExportArgs, Format};
pub use list::{FilterArgs, list};
pub use new::NewArgs;
pub use search::{SearchArgs, search};
pub use stats::{ByArg, StatsArgs, StatsFormat, stats};

use crate::config::{Config, Env};
use crate::domain::text::{visible, visible_line};
use crate::domain::{FieldError, TimeError, UnknownValue};
use crate::report;
use crate::runtime::{self, RuntimeError, Start};
use crate::store::{self, Store, StoreError};

#[derive(Debug, Parser)]
#[command(
    name = "debrief",
    version,
    about = "Run blameless post-incident reviews from the terminal"
)]
pub struct Cli {
    /// Folder that holds the reviews/ folder [default: the platform's data directory]
    #[arg(long, global = true, env = "DEBRIEF_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Start the workspace in presenter mode, for a shared screen: larger
    /// stage and pane, high contrast, no private notes or key hints
    #[arg(long, global = true)]
    pub present: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a review: print its id, and open it when run in a terminal
    New(NewArgs),
    /// Open a review in the full-screen workspace
    Open {
        /// A path, an id, or a unique prefix of an id
        review: String,
    },
    /// Follow a review read-only from another terminal, as the facilitator moves through it
    Watch {
        /// A path, an id, or a unique prefix of an id
        review: String,
    },
    /// Open a copy of a full example review in a temporary folder
    Demo,
    /// The team's library on screen: reviews by severity per month or quarter, time to resolve, recurring factors, open follow-ups by owner
    Library,
    /// List reviews, newest incident first
    List {
        /// Print JSON for other tools
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: list::FilterArgs,
    },
    /// Print a readable summary of a review, with its metrics and warnings
    Show {
        /// A path, an id, or a unique prefix of an id
        review: String,
    },
    /// Add an item to a review
    Add(AddArgs),
    /// Set a field or key moment of a review (an empty VALUE clears it)
    Set {
        /// A path, an id, or a unique prefix of an id
        review: String,
        /// title, incident, incidents, tags, severity, status, kind, offset, started, detected,
        /// acknowledged, mitigated, resolved, detected-by, alerted-first,
        /// commander, facilitator, summary, services, customer-impact,
        /// sla-impact, proximate-cause, resolution, notes; or `action N
        /// status|ticket|owner|due VALUE` for action item N
        field: set::Target,
        value: String,
        /// For `action N`: what to set and its value
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        more: Vec<String>,
        /// Publish even when checks fail, names are in public text or flags
        /// are still open (they are listed when this is not given)
        #[arg(long)]
        yes: bool,
    },
    /// Export a review as Markdown or JSON
    Export(ExportArgs),
    /// Check text for biased language (hindsight, blame, "why" questions...)
    Coach(CoachArgs),
    /// Search every text of every review (not the private notes unless --notes), best match first
    Search(search::SearchArgs),
    /// Every action item across reviews: owner, priority, due, status, ticket, age
    Actions(actions::ActionsArgs),
    /// Trends across reviews: by severity per period, durations (median, p90, max), factors, follow-ups, cost
    Stats(stats::StatsArgs),
    /// Import timeline events from a chat export or log, a PagerDuty log, a shell history or plain lines
    Import(import::ImportArgs),
    /// The reviews that share a service, a tag, an incident or a factor's words with a review
    Related(related::RelatedArgs),
    /// A Markdown digest of recent learnings, factors and open action items, for a learning meeting
    Digest(digest::DigestArgs),
}

/// Why a command failed; shown to the user as one line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Field(#[from] FieldError),
    #[error(transparent)]
    Value(#[from] UnknownValue),
    #[error(transparent)]
    Time(#[from] TimeError),
    #[error("{0}")]
    Input(String),
    #[error("could not write the output: {0}")]
    Output(#[from] io::Error),
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
}

/// Runs the command line: the workspace for `open`, `demo`, a new review
/// in a terminal, or no command; a plain command otherwise.
pub fn dispatch(cli: Cli) -> Result<(), CliError> {
    let store = Store::locate(cli.dir)?;
    let options = runtime::Options {
        present: cli.present,
        ..Default::default()
    };
    let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
    let start = match cli.command {
        None => Start::Picker,
        Some(Command::Open { review }) => Start::Open(store.resolve(&review)?),
        Some(Command::Demo) => return new::demo(options),
        Some(Command::Library) => Start::Library,
        Some(Command::Watch { review }) => {
            runtime::watch(&store.resolve(&review)?)?;
            return Ok(());
        }
        Some(Command::New(args)) if interactive && !args.no_open => {
            let (id, path) = new::create(&store, &args, &Env::from_process(), Utc::now())?;
            println!("{}", visible_line(&id));
            Start::New(path)
        }
        Some(command) => return run(&store, command),
    };
    new::finish_session(runtime::run(&store, start, options)?)
}

/// Runs a command that does not need the terminal.
pub fn run(store: &Store, command: Command) -> Result<(), CliError> {
    let env = Env::from_process();
    let mut out = io::stdout().lock();
    match command {
        Command::New(args) => {
            let (id, path) = new::create(store, &args, &env, Utc::now())?;
            say!("created {}", path.display());
            writeln!(out, "{}", visible_line(&id))?;
        }
        Command::Open { .. } | Command::Demo | Command::Watch { .. } | Command::Library => {
            return Err(CliError::Input(
                "open, watch, demo and library need a terminal".into(),
            ));
        }
        Command::List { json, filter } => list::list(store, json, &filter, &mut out)?,
        Command::Show { review } => {
            let review = store::load(&store.resolve(&review)?)?;
            out.write_all(visible(&report::text::summary(&review)).as_bytes())?;
        }
        Command::Add(args) => {
            let ids = edit::add(store, args)?;
            for id in ids {
                writeln!(out, "{}", id.0)?;
            }
        }
        Command::Set {
            review,
            field: set::Target::Action,
            value,
            mut more,
            ..
        } => {
            more.insert(0, value);
            set::set_action(store, &review, &more)?
        }
        Command::Set { more, .. } if !more.is_empty() => {
            return Err(CliError::Input(format!(
                "set takes one VALUE; quote a value with spaces (left over: {})",
                more.join(" ")
            )));
        }
        Command::Set {
            review,
            field: set::Target::Field(field),
            value,
            yes,
            ..
        } => {
            let publish = set::Publishing {
                coach: &config(&env).coach,
                anyway: yes,
            };
            set::set(store, &env.user, &review, field, &value, &publish)?
        }
        Command::Export(args) => export::export(store, &config(&env).coach, args, &mut out)?,
        Command::Coach(args) => coach::coach(store, &config(&env).coach, args, &mut out)?,
        Command::Import(args) => import::import(store, args, &mut out)?,
        Command::Search(args) => search::search(store, &args, &mut out, &mut io::stderr())?,
        Command::Actions(args) => actions::actions(store, &args, &mut out)?,
        Command::Stats(args) => stats::stats(store, &args, &mut out)?,
        Command::Related(args) => related::related(store, &args, &mut out)?,
        Command::Digest(args) => digest::digest(store, &args, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// The user's configuration, each file that could not be read reported
/// on standard error.
fn config(env: &Env) -> Config {
    let config = Config::load(env);
    for problem in &config.problems {
        say!("warning: {problem}");
    }
    config
}
