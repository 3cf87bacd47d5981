//! `debrief import`: a timeline read from a chat export, the pager's log,
//! a shell history or plain lines, added to a review in one save under
//! its lock. Events already imported (by their origin) are skipped.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Read, Write};
use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};
use clap::Args;

use super::CliError;
use crate::domain::{Moment, Participant, Review, Role, Text, parse_time};
use crate::import::{self, Candidate, Format, Import, Options};
use crate::store::{self, Store};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A path, an id, or a unique prefix of an id
    pub review: String,
    /// The export: a Slack .zip or folder, a Discord or PagerDuty JSON, a Mattermost bulk export, an IRC log, a shell history, or - for standard input
    #[arg(allow_hyphen_values = true)]
    pub path: PathBuf,
    /// slack, discord, mattermost, pagerduty, irssi, weechat, zsh, bash, fish or plain [default: told from the content]
    #[arg(long)]
    pub format: Option<Format>,
    /// The channel to read (Slack, Mattermost), when the export holds several
    #[arg(long)]
    pub channel: Option<String>,
    /// Leave out what happened before this time [default: 30 minutes before impact started]
    #[arg(long)]
    pub from: Option<String>,
    /// Leave out what happened after this time [default: 30 minutes after resolved]
    #[arg(long)]
    pub to: Option<String>,
    /// Who ran the commands of a shell history, or said plain lines that name nobody
    #[arg(long)]
    pub actor: Option<String>,
    /// Only pinned messages
    #[arg(long)]
    pub pinned: bool,
    /// Only messages with this reaction (such as white_check_mark)
    #[arg(long, value_name = "NAME")]
    pub reaction: Option<String>,
    /// Print what would be added, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Add the people not yet among the participants
    #[arg(long)]
    pub add_participants: bool,
    /// Keep what looks like a secret instead of masking it
    #[arg(long)]
    pub keep_secrets: bool,
}

/// What an import would do to a review.
struct Plan {
    format: Format,
    chosen: Vec<Candidate>,
    skipped: usize,
    left_out: BTreeMap<String, usize>,
    unknown: Vec<String>,
}

pub(super) fn import(
    store: &Store,
    args: ImportArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let path = store.resolve(&args.review)?;
    let before = store::load(&path)?;
    // Read the export before taking the lock, so a slow pipe never holds
    // the review.
    let parsed = read(&args, &before)?;
    let window = window(&args, &before)?;
    if args.dry_run {
        let plan = plan(&args, &before, parsed, window);
        for c in &plan.chosen {
            writeln!(out, "{}", line(&before, c))?;
        }
        for (m, at, free) in moments(&before, &plan) {
            let at = before.offset.local(at).format("%Y-%m-%d %H:%M:%S %:z");
            match free {
                true => say!("would set {} to {at}", m.describe()),
                false => say!("would keep {} as it is (the log says {at})", m.describe()),
            }
        }
        summary(&before.id, &plan, "would add", args.add_participants);
        return Ok(());
    }
    let (mut review, lock) = store::open_for_writing(&path)?;
    let plan = plan(&args, &review, parsed, window);
    let mut notes = Vec::new();
    for (m, at, free) in moments(&review, &plan) {
        let shown = review.offset.local(at).format("%Y-%m-%d %H:%M:%S %:z");
        if free {
            review.moments.set(m, Some(at));
            notes.push(format!("set {} to {shown}", m.describe()));
        } else {
            notes.push(format!(
                "kept {} as it was (the log says {shown})",
                m.describe()
            ));
        }
    }
    if args.add_participants {
        for name in &plan.unknown {
            review.participants.push(Participant {
                name: Text::trimmed(name),
                role: Role::Other,
            });
        }
    }
    let mut ids = Vec::with_capacity(plan.chosen.len());
    for c in &plan.chosen {
        ids.push(review.add_event(import::to_event(plan.format, c)));
    }
    if !plan.chosen.is_empty() || !notes.is_empty() || args.add_participants {
        review.updated = Utc::now();
        lock.save(&review)?;
    }
    for id in ids {
        writeln!(out, "{}", id.0)?;
    }
    for note in notes {
        say!("{}: {note}", review.id);
    }
    summary(&review.id, &plan, "added", args.add_participants);
    Ok(())
}

fn read(args: &ImportArgs, review: &Review) -> Result<Import, CliError> {
    let mut options = Options::new(review.incident_date(), review.offset);
    options.format = args.format;
    options.channel = args.channel.clone();
    options.keep_secrets = args.keep_secrets;
    let parsed = if args.path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::Input(format!("could not read standard input: {e}")))?;
        import::parse("standard input", &bytes, &options)
    } else {
        import::read(&args.path, &options)
    };
    parsed.map_err(|e| CliError::Input(e.to_string()))
}

type Window = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// `--from` and `--to`, else 30 minutes around impact started and resolved.
fn window(args: &ImportArgs, review: &Review) -> Result<Window, CliError> {
    let margin = TimeDelta::minutes(30);
    let at = |raw: &Option<String>, option: &str, moment: Moment, shift: TimeDelta| match raw {
        Some(raw) => parse_time(raw, review.incident_date(), review.offset)
            .map(Some)
            .map_err(|e| CliError::Input(format!("{option}: {e}"))),
        None => Ok(review.moments.get(moment).map(|t| t + shift)),
    };
    Ok((
        at(&args.from, "--from", Moment::Started, -margin)?,
        at(&args.to, "--to", Moment::Resolved, margin)?,
    ))
}

fn plan(args: &ImportArgs, review: &Review, parsed: Import, (from, to): Window) -> Plan {
    let format = parsed.format.unwrap_or(Format::Plain);
    let known: HashSet<&str> = review
        .timeline
        .iter()
        .filter_map(|e| e.origin.as_ref().map(Text::as_str))
        .collect();
    let mut left_out = parsed.left_out;
    let mut skip = |reason: &str| *left_out.entry(reason.to_owned()).or_default() += 1;
    let reaction = args.reaction.as_deref().map(|r| r.trim_matches(':'));
    let mut chosen = Vec::new();
    let mut skipped = 0;
    let mut seen = HashSet::new();
    for mut c in parsed.candidates {
        if from.is_some_and(|f| c.at < f) || to.is_some_and(|t| c.at > t) {
            skip("outside the time window");
        } else if args.pinned && !c.pinned {
            skip("not pinned");
        } else if reaction.is_some_and(|r| !c.reactions.iter().any(|x| x == r)) {
            skip("without the reaction");
        } else {
            let origin = import::origin(format, &c);
            if known.contains(origin.as_str()) || !seen.insert(origin) {
                skipped += 1;
                continue;
            }
            if c.actor.is_none() {
                c.actor = args.actor.clone();
            }
            chosen.push(c);
        }
    }
    let mut unknown: Vec<String> = Vec::new();
    for c in &mut chosen {
        let Some(actor) = c.actor.clone() else {
            continue;
        };
        let names = std::iter::once(&actor).chain(&c.aliases);
        let found = review.participants.iter().find(|p| {
            names
                .clone()
                .any(|n| same_person(p.name.as_str(), n.as_str()))
        });
        match found {
            Some(p) => c.actor = Some(p.name.to_string()),
            None if !c.bot && !unknown.iter().any(|u| same_person(u, &actor)) => {
                unknown.push(actor)
            }
            None => {}
        }
    }
    Plan {
        format,
        chosen,
        skipped,
        left_out,
        unknown,
    }
}

/// Names match whatever their case, and a handle matches with or
/// without its `@`.
fn same_person(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().trim_start_matches('@').to_lowercase();
    norm(a) == norm(b)
}

/// The key moments the chosen entries offer, and whether the review has
/// none there yet.
fn moments(review: &Review, plan: &Plan) -> Vec<(Moment, DateTime<Utc>, bool)> {
    plan.chosen
        .iter()
        .filter_map(|c| c.moment.map(|m| (m, c.at, review.moments.get(m).is_none())))
        .collect()
}

/// One candidate as `--dry-run` prints it.
fn line(review: &Review, c: &Candidate) -> String {
    let at = review.offset.local(c.at).format("%Y-%m-%d %H:%M:%S %:z");
    let actor = c
        .actor
        .as_deref()
        .map(|a| format!("{a}: "))
        .unwrap_or_default();
    let text = Text::trimmed(&c.text);
    crate::domain::text::visible_line(&format!("{at}  {:<12} {actor}{text}", c.kind.to_string()))
        .into_owned()
}

fn summary(id: &str, plan: &Plan, verb: &str, add: bool) {
    let n = plan.chosen.len();
    let plural = if n == 1 { "" } else { "s" };
    let left: usize = plan.left_out.values().sum();
    let why: Vec<String> = plan
        .left_out
        .iter()
        .map(|(reason, n)| format!("{n} {reason}"))
        .collect();
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(" ({})", why.join(", "))
    };
    say!(
        "{id}: {verb} {n} event{plural} from {}, {} skipped as already there, {left} left out{why}",
        plan.format,
        plan.skipped
    );
    if !plan.unknown.is_empty() {
        let list = plan.unknown.join(", ");
        if add {
            say!("{id}: participants added: {list}");
        } else {
            say!("{id}: not among the participants: {list} (add them with --add-participants)");
        }
    }
}
