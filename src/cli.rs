//! The command line: clap definitions and the non-interactive commands.
//!
//! Everything a script needs goes to standard output (an id, a report,
//! JSON); messages for people go to standard error.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::{
    ActionItem, ActionStatus, Area, Check, Effect, Event, EventKind, Factor, Field, FieldError,
    Impact, Improves, ItemId, Learning, LearningKind, Metrics, Offset, ParkingItem, Participant,
    Phase, Priority, Review, ReviewKind, Role, Severity, Source, Text, TimeError, UnknownValue,
    parse_date, parse_quick_event, parse_time,
};
use crate::report;
use crate::runtime::{self, RuntimeError, Start};
use crate::store::{self, Replace, Store, StoreError, write_atomic};

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
    /// List reviews, newest incident first
    List {
        /// Print JSON for other tools
        #[arg(long)]
        json: bool,
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
        /// title, incident, severity, status, kind, offset, started, detected,
        /// acknowledged, mitigated, resolved, detected-by, alerted-first,
        /// commander, facilitator, summary, services, customer-impact,
        /// sla-impact, proximate-cause, resolution, notes
        field: Field,
        value: String,
    },
    /// Export a review as Markdown or JSON
    Export(ExportArgs),
    /// Check text for biased language (hindsight, blame, "why" questions...)
    Coach(CoachArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    pub title: String,
    /// Severity, 1 (complete outage) to 5 (false alarm)
    #[arg(long, default_value = "3", value_name = "N")]
    pub sev: Severity,
    /// A short solo review, opened on the quick review [default for Sev3 to Sev5]
    #[arg(long, conflicts_with = "full")]
    pub quick: bool,
    /// A full review meeting [default for Sev1 and Sev2]
    #[arg(long)]
    pub full: bool,
    /// The incident's reference (ticket or incident number)
    #[arg(long, value_name = "REF")]
    pub incident: Option<String>,
    /// The offset that times are read and shown in [default: this machine's]
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub offset: Option<Offset>,
    /// Only print the id, even in a terminal
    #[arg(long)]
    pub no_open: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// A path, an id, or a unique prefix of an id
    pub review: String,
    #[command(subcommand)]
    pub item: AddItem,
}

/// `TEXT`, or `-` to read one item a line from standard input.
#[derive(Debug, Args)]
pub struct ItemText {
    /// The text, or - to read one item a line from standard input
    #[arg(allow_hyphen_values = true)]
    pub text: String,
}

#[derive(Debug, Subcommand)]
pub enum AddItem {
    /// A timeline event: "16:02 gary: saw the login page fail", or TEXT with --at
    Event {
        #[command(flatten)]
        text: ItemText,
        /// When it happened (16:02, 2026-11-23 16:02); the incident's date when none is given
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        actor: Option<String>,
        /// detection, triage, investigation, identification, remediation
        #[arg(long)]
        phase: Option<Phase>,
        /// Impact on recovery: positive (+), negative (-), neutral (0)
        #[arg(long, allow_hyphen_values = true, default_value = "unjudged")]
        impact: Impact,
        /// alert, observation, action, command, conversation, decision, status-page, escalation, other
        #[arg(long, default_value = "action")]
        kind: EventKind,
        /// Include in reports even when the timeline is long
        #[arg(long)]
        star: bool,
        /// Leave out of the public summary
        #[arg(long)]
        internal: bool,
        /// A link to a dashboard, log or chat message (repeatable)
        #[arg(long = "link", value_name = "URL")]
        links: Vec<String>,
    },
    /// A learning
    Learning {
        #[command(flatten)]
        text: ItemText,
        /// went-well, needs-improvement, lucky, surprise
        #[arg(long, default_value = "surprise")]
        kind: LearningKind,
        /// The number of a timeline event this learning comes from (repeatable)
        #[arg(long = "event", value_name = "N")]
        events: Vec<u64>,
        #[arg(long)]
        internal: bool,
    },
    /// A contributing factor (what helped or hurt; never "the cause")
    Factor {
        #[command(flatten)]
        text: ItemText,
        /// people, process or technology
        #[arg(long)]
        area: Area,
        /// It helped the response (default: it hurt)
        #[arg(long)]
        helped: bool,
        #[arg(long)]
        internal: bool,
    },
    /// An action item
    Action {
        #[command(flatten)]
        text: ItemText,
        #[arg(long)]
        owner: Option<String>,
        /// high, medium, low (or p1 to p3)
        #[arg(long)]
        priority: Option<Priority>,
        /// Due date, 2026-12-01
        #[arg(long)]
        due: Option<String>,
        /// know-sooner, recover-sooner, readiness
        #[arg(long)]
        improves: Option<Improves>,
        #[arg(long)]
        ticket: Option<String>,
        /// open, in-progress, done, wont-do
        #[arg(long, default_value = "open")]
        status: ActionStatus,
        #[arg(long)]
        internal: bool,
    },
    /// An idea for the parking lot
    Parking {
        #[command(flatten)]
        text: ItemText,
    },
    /// A participant (TEXT is the name)
    Participant {
        #[command(flatten)]
        text: ItemText,
        /// first-responder, escalation-responder, incident-commander, facilitator,
        /// stakeholder, customer-voice, other
        #[arg(long, default_value = "other")]
        role: Role,
    },
}

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
    #[arg(long)]
    pub public: bool,
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    };
    let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
    let start = match cli.command {
        None => Start::Picker,
        Some(Command::Open { review }) => Start::Open(store.resolve(&review)?),
        Some(Command::Demo) => return demo(options),
        Some(Command::Watch { review }) => {
            crate::watch::run(&store.resolve(&review)?)?;
            return Ok(());
        }
        Some(Command::New(args)) if interactive && !args.no_open => {
            let (id, path) = create(&store, &args, Utc::now())?;
            println!("{id}");
            Start::New(path)
        }
        Some(command) => return run(&store, command),
    };
    finish_session(runtime::run(&store, start, options)?);
    Ok(())
}

/// Opens a copy of the example review in a temporary folder, so nothing of
/// the user's is touched.
fn demo(options: runtime::Options) -> Result<(), CliError> {
    let scratch = tempfile::Builder::new()
        .prefix("debrief-demo-")
        .tempdir()
        .map_err(|e| CliError::Input(format!("could not make a temporary folder: {e}")))?;
    let store = Store::at(scratch.path());
    let review =
        store::decode(EXAMPLE, Path::new("assets/example-review.ron")).map_err(StoreError::from)?;
    let path = store.create(&review)?;
    let result = runtime::run(&store, Start::Open(path), options);
    eprintln!(
        "The demo's copy and anything exported from it are removed now: {}",
        scratch.path().display()
    );
    result?;
    Ok(())
}

/// The example review shipped with debrief.
pub const EXAMPLE: &str = include_str!("../assets/example-review.ron");

fn finish_session(saved: Option<PathBuf>) {
    if let Some(path) = saved {
        eprintln!("Saved {}", path.display());
    }
}

/// Runs a command that does not need the terminal.
pub fn run(store: &Store, command: Command) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    match command {
        Command::New(args) => {
            let (id, path) = create(store, &args, Utc::now())?;
            eprintln!("created {}", path.display());
            writeln!(out, "{id}")?;
        }
        Command::Open { .. } | Command::Demo | Command::Watch { .. } => {
            return Err(CliError::Input(
                "open, watch and demo need a terminal".into(),
            ));
        }
        Command::List { json } => list(store, json, &mut out)?,
        Command::Show { review } => {
            let review = store::load(&store.resolve(&review)?)?;
            out.write_all(report::text::summary(&review).as_bytes())?;
        }
        Command::Add(args) => {
            let ids = add(store, args)?;
            for id in ids {
                writeln!(out, "{}", id.0)?;
            }
        }
        Command::Set {
            review,
            field,
            value,
        } => set(store, &review, field, &value)?,
        Command::Export(args) => export(store, args, &mut out)?,
        Command::Coach(args) => coach(store, args, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// Creates a review and returns its id and path.
pub fn create(
    store: &Store,
    args: &NewArgs,
    now: DateTime<Utc>,
) -> Result<(String, PathBuf), CliError> {
    let title = Text::trimmed(&args.title);
    if title.is_empty() {
        return Err(CliError::Input("a review needs a title".into()));
    }
    let offset = args.offset.unwrap_or_else(local_offset);
    let kind = if args.quick || (!args.full && args.sev >= Severity::Sev3) {
        ReviewKind::Quick
    } else {
        ReviewKind::Full
    };
    let incident = args
        .incident
        .as_deref()
        .map(Text::trimmed)
        .filter(|t| !t.is_empty());
    let (path, review) = store.create_new(title, args.sev, kind, incident, offset, now)?;
    Ok((review.id, path))
}

/// This machine's current offset from UTC.
pub fn local_offset() -> Offset {
    Offset::from_seconds(Local::now().offset().local_minus_utc()).unwrap_or_default()
}

fn list(store: &Store, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    let mut rows = Vec::new();
    for entry in store.list()? {
        match entry {
            Ok(row) => rows.push(row),
            Err(e) => eprintln!("debrief: skipping a file: {e}"),
        }
    }
    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(path, r)| {
                serde_json::json!({
                    "id": r.id,
                    "path": path,
                    "date": r.incident_date().to_string(),
                    "severity": r.severity.label(),
                    "status": r.status.label(),
                    "kind": r.kind.label(),
                    "title": r.title.as_str(),
                    "open_actions": r.open_actions(),
                    "updated": r.updated.to_rfc3339(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        eprintln!(
            "no reviews in {}; create one with: debrief new TITLE",
            store.reviews_dir().display()
        );
        return Ok(());
    }
    let id_width = rows
        .iter()
        .map(|(_, r)| r.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let status_width = rows
        .iter()
        .map(|(_, r)| r.status.label().len())
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "{:id_width$}  {:10}  {:4}  {:status_width$}  {:>4}  TITLE",
        "ID", "DATE", "SEV", "STATUS", "OPEN"
    )?;
    for (_, r) in &rows {
        writeln!(
            out,
            "{:id_width$}  {}  {:4}  {:status_width$}  {:>4}  {}",
            r.id,
            r.incident_date(),
            r.severity,
            r.status,
            r.open_actions(),
            r.title.lines().next().unwrap_or_default()
        )?;
    }
    Ok(())
}

/// The name of the person running debrief, from the environment, for
/// "published by" when the review names no facilitator.
pub fn user_name() -> String {
    ["DEBRIEF_USER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Locks the review, applies `change`, stamps and saves it. If `change`
/// fails, nothing is written.
fn edit<T>(
    store: &Store,
    spec: &str,
    change: impl FnOnce(&mut Review) -> Result<T, CliError>,
) -> Result<(T, Review), CliError> {
    let path = store.resolve(spec)?;
    let (mut review, lock) = store::open_for_writing(&path)?;
    let out = change(&mut review)?;
    review.updated = Utc::now();
    lock.save(&review)?;
    Ok((out, review))
}

fn set(store: &Store, spec: &str, field: Field, value: &str) -> Result<(), CliError> {
    let ((), review) = edit(store, spec, |r| {
        let before = r.status;
        r.set_field(field, value)?;
        r.note_status_change(before, &user_name(), Utc::now());
        Ok(())
    })?;
    let shown = match field.moment().and_then(|m| review.moments.get(m)) {
        Some(at) => review
            .offset
            .local(at)
            .format("%Y-%m-%d %H:%M:%S %:z")
            .to_string(),
        None if value.trim().is_empty() => "(cleared)".into(),
        None => value.trim().to_owned(),
    };
    eprintln!("{}: {} = {shown}", review.id, field);
    for check in Check::all(&review, &Metrics::compute(&review)) {
        if matches!(check, Check::MomentsOutOfOrder { .. }) {
            eprintln!("warning: {}", check.message(&review));
        }
    }
    Ok(())
}

/// The texts to add: the one given, or one a line from standard input,
/// each with where it came from for error messages.
fn texts(text: &ItemText) -> Result<(Vec<(String, String)>, bool), CliError> {
    if text.text != "-" {
        return Ok((vec![("the text".into(), text.text.clone())], false));
    }
    let mut lines = Vec::new();
    for (n, line) in io::stdin().lock().lines().enumerate() {
        let line =
            line.map_err(|e| CliError::Input(format!("could not read standard input: {e}")))?;
        if !line.trim().is_empty() {
            lines.push((format!("standard input line {}", n + 1), line));
        }
    }
    if lines.is_empty() {
        return Err(CliError::Input("standard input held no item to add".into()));
    }
    Ok((lines, true))
}

fn required(what: &str, text: &str) -> Result<Text, CliError> {
    let t = Text::trimmed(text);
    if t.is_empty() {
        Err(CliError::Input(format!("{what} is empty")))
    } else {
        Ok(t)
    }
}

fn add(store: &Store, args: AddArgs) -> Result<Vec<ItemId>, CliError> {
    let item = &args.item;
    let (AddItem::Event { text, .. }
    | AddItem::Learning { text, .. }
    | AddItem::Factor { text, .. }
    | AddItem::Action { text, .. }
    | AddItem::Parking { text }
    | AddItem::Participant { text, .. }) = item;
    // Read standard input before taking the lock, so a slow pipe never
    // holds the review.
    let (lines, piped) = texts(text)?;
    let (ids, review) = edit(store, &args.review, |review| {
        let mut added = Vec::new();
        let mut staged = review.clone();
        for (origin, line) in &lines {
            let id = add_one(&mut staged, item, line, piped)
                .map_err(|e| CliError::Input(format!("{origin}: {e}")))?;
            added.extend(id);
        }
        *review = staged;
        Ok(added)
    })?;
    let noun = match item {
        AddItem::Event { .. } => "event",
        AddItem::Learning { .. } => "learning",
        AddItem::Factor { .. } => "factor",
        AddItem::Action { .. } => "action item",
        AddItem::Parking { .. } => "parking lot item",
        AddItem::Participant { .. } => "participant",
    };
    let plural = if lines.len() == 1 { "" } else { "s" };
    eprintln!("added {} {noun}{plural} to {}", lines.len(), review.id);
    Ok(ids)
}

/// Adds one item; returns its number (participants have none).
fn add_one(
    review: &mut Review,
    item: &AddItem,
    line: &str,
    piped: bool,
) -> Result<Option<ItemId>, CliError> {
    let id = match item {
        AddItem::Event {
            at,
            actor,
            phase,
            impact,
            kind,
            star,
            internal,
            links,
            ..
        } => {
            let source = if piped {
                Source::Imported
            } else {
                Source::CommandLine
            };
            let date = review.incident_date();
            let mut event = match at {
                Some(at) => {
                    let mut e = Event::new(
                        parse_time(at, date, review.offset)?,
                        required("the text", line)?,
                        source,
                    );
                    e.actor = actor.as_deref().map(Text::trimmed);
                    e
                }
                None => {
                    let q = parse_quick_event(line, date, review.offset).map_err(|e| {
                        CliError::Input(format!("{e}; an event starts with its time, like \"16:02 gary: saw the login page fail\", or give --at"))
                    })?;
                    let mut e = Event::new(q.at, required("the text", q.text)?, source);
                    e.actor = q.actor.or(actor.as_deref()).map(Text::trimmed);
                    e
                }
            };
            event.actor = event.actor.filter(|a| !a.is_empty());
            event.phase = *phase;
            event.impact = *impact;
            event.kind = *kind;
            event.starred = *star;
            event.internal = *internal;
            event.links = links.iter().map(Text::trimmed).collect();
            review.add_event(event)
        }
        AddItem::Learning {
            kind,
            events,
            internal,
            ..
        } => {
            let mut learning = Learning::new(*kind, required("the text", line)?);
            for n in events {
                let id = ItemId(*n);
                if review.event(id).is_none() {
                    return Err(CliError::Input(format!(
                        "there is no timeline event {id} to link to"
                    )));
                }
                learning.events.push(id);
            }
            learning.internal = *internal;
            review.add_learning(learning)
        }
        AddItem::Factor {
            area,
            helped,
            internal,
            ..
        } => {
            let effect = if *helped {
                Effect::Helped
            } else {
                Effect::Hurt
            };
            let mut factor = Factor::new(required("the text", line)?, effect, *area);
            factor.internal = *internal;
            review.add_factor(factor)
        }
        AddItem::Action {
            owner,
            priority,
            due,
            improves,
            ticket,
            status,
            internal,
            ..
        } => {
            let mut action = ActionItem::new(required("the text", line)?);
            action.owner = owner
                .as_deref()
                .map(Text::trimmed)
                .filter(|t| !t.is_empty());
            action.priority = *priority;
            action.due = due.as_deref().map(parse_date).transpose()?;
            action.improves = *improves;
            action.ticket = ticket
                .as_deref()
                .map(Text::trimmed)
                .filter(|t| !t.is_empty());
            action.status = *status;
            action.internal = *internal;
            review.add_action(action)
        }
        AddItem::Parking { .. } => {
            review.add_parking(ParkingItem::new(required("the text", line)?))
        }
        AddItem::Participant { role, .. } => {
            review.participants.push(Participant {
                name: required("the name", line)?,
                role: *role,
            });
            return Ok(None);
        }
    };
    Ok(Some(id))
}

fn export(store: &Store, args: ExportArgs, out: &mut impl Write) -> Result<(), CliError> {
    let review = store::load(&store.resolve(&args.review)?)?;
    let text = match (args.format, args.public) {
        (Format::Md, false) => report::markdown::internal_with_coach(&review, &team_coach()),
        (Format::Md, true) => report::markdown::public(&review),
        (Format::Json, false) => report::json::to_json(&review),
        (Format::Json, true) => report::json::to_json(&review.public_view()),
    };
    match args.output {
        Some(path) => {
            write_atomic(&path, text.as_bytes(), Replace::Overwrite)?;
            eprintln!("wrote {}", path.display());
            // The internal report links to its chart: write it beside.
            if (args.format, args.public) == (Format::Md, false) && !review.timeline.is_empty() {
                let chart = path.with_file_name(report::svg::chart_file_name(&review));
                write_atomic(
                    &chart,
                    report::svg::recovery_chart_svg(&review).as_bytes(),
                    Replace::Overwrite,
                )?;
                eprintln!("wrote {}", chart.display());
            }
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

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

/// The coach with the team's `coach.ron` from the config folder laid over
/// the defaults; a broken file is reported and the defaults are used.
pub fn team_coach() -> crate::domain::Coach {
    let coach = crate::domain::Coach::builtin();
    let Some(dirs) = directories::ProjectDirs::from("", "", "debrief") else {
        return coach;
    };
    let path = dirs.config_dir().join("coach.ron");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return coach;
    };
    match coach.merged(&text) {
        Ok(team) => team,
        Err(e) => {
            // A position reads as file:line:col; other errors follow a space.
            let sep = if e.starts_with(|c: char| c.is_ascii_digit()) {
                ":"
            } else {
                ": "
            };
            eprintln!(
                "warning: {}{sep}{e}; using the built-in coach",
                path.display()
            );
            coach
        }
    }
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

fn coach(store: &Store, args: CoachArgs, out: &mut impl Write) -> Result<(), CliError> {
    let coach = team_coach();
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
    for (place, text) in &owned {
        for flag in coach.check(text) {
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
        serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for (place, category, flag, question) in &rows {
        if let Some(place) = place {
            write!(out, "{place}: ")?;
        }
        writeln!(
            out,
            "{}: \"{}\"; ask: {question}",
            category.name(),
            flag.matched
        )?;
    }
    if rows.is_empty() {
        eprintln!("nothing flagged");
    }
    Ok(())
}
