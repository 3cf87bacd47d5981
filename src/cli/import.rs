//! `debrief import`: a timeline read from a chat export, the pager's log,
//! a shell history or plain lines, added to a review in one save under
//! its lock. Events already imported (by their origin) are skipped.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use chrono::Utc;
use clap::Args;

use super::CliError;
use crate::domain::{Participant, Review, Role, Text};
use crate::import::{self, Candidate, Choice, Format, Import, Options, Plan, Window};
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
    let choice = choice(&args, &before)?;
    if args.dry_run {
        let plan = Plan::new(&before, parsed, &choice);
        for c in plan.chosen() {
            writeln!(out, "{}", line(&before, c))?;
        }
        for (m, at, free) in plan.moments(&before) {
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
    let plan = Plan::new(&review, parsed, &choice);
    let mut notes = Vec::new();
    for (m, at, free) in plan.moments(&review) {
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
    let mut ids = Vec::new();
    for c in plan.chosen() {
        ids.push(review.add_event(import::to_event(plan.format, c)));
    }
    if !ids.is_empty() || !notes.is_empty() || args.add_participants {
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

/// `--from` and `--to`, else 30 minutes around impact started and
/// resolved; with the pins, the reaction and the actor.
fn choice(args: &ImportArgs, review: &Review) -> Result<Choice, CliError> {
    let window = Window::typed(review, args.from.as_deref(), args.to.as_deref())
        .map_err(|(end, e)| CliError::Input(format!("--{end}: {e}")))?;
    Ok(Choice {
        window,
        pinned: args.pinned,
        reaction: args.reaction.clone(),
        actor: args.actor.clone(),
    })
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
    let n = plan.chosen().count();
    say!("{id}: {}", plan.summary(verb, n));
    if !plan.unknown.is_empty() {
        let list = plan.unknown.join(", ");
        if add {
            say!("{id}: participants added: {list}");
        } else {
            say!("{id}: not among the participants: {list} (add them with --add-participants)");
        }
    }
}
