//! Timelines that already exist before the meeting: a chat channel, the
//! pager's log, a shell history, plain lines. Pure parsing: bytes in,
//! candidate events out, with no terminal and no review store.
//!
//! [`read`] (a path) and [`parse`] (bytes already read) detect the format
//! from the content unless one is forced, and return the [`Candidate`]s in
//! the order they were told, with counts of what was left out and why.
//! [`to_event`] turns a chosen candidate into a timeline [`Event`] that
//! remembers where it came from, so that the same message is never added
//! twice.

mod discord;
mod error;
mod irc;
mod mattermost;
mod pagerduty;
mod plain;
pub mod plan;
pub use crate::domain::secrets;
mod shell;
mod slack;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};

pub use error::ImportError;
pub use plan::{Choice, Plan, Planned, Window};

use crate::domain::{Event, EventKind, Moment, Offset, Source, Text};

/// An event read from an export, before the facilitator keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub at: DateTime<Utc>,
    /// Who said or did it, as the export names them.
    pub actor: Option<String>,
    /// Other names of the same actor (real name, handle), to match
    /// participants by.
    pub aliases: Vec<String>,
    pub kind: EventKind,
    pub text: String,
    /// The message's own id in its source (`slack:C0INC:1700000000.000100`,
    /// `pagerduty:R2F9...`); `None` where the format has none.
    pub source_id: Option<String>,
    /// A reply in a thread.
    pub reply: bool,
    /// Written by a bot or an integration, not a person.
    pub bot: bool,
    pub edited: bool,
    pub pinned: bool,
    /// Names of the reactions it received, without colons.
    pub reactions: Vec<String>,
    pub links: Vec<String>,
    /// The key moment this entry marks, for sources that know (the pager).
    pub moment: Option<Moment>,
}

impl Candidate {
    /// A candidate with nothing but a time, a kind and a text.
    pub fn new(at: DateTime<Utc>, kind: EventKind, text: impl Into<String>) -> Candidate {
        Candidate {
            at,
            actor: None,
            aliases: Vec::new(),
            kind,
            text: text.into(),
            source_id: None,
            reply: false,
            bot: false,
            edited: false,
            pinned: false,
            reactions: Vec::new(),
            links: Vec::new(),
            moment: None,
        }
    }
}

/// The formats debrief reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Slack,
    Discord,
    PagerDuty,
    Mattermost,
    Irssi,
    Weechat,
    Zsh,
    Bash,
    Fish,
    Plain,
}

impl Format {
    pub const ALL: [Format; 10] = [
        Format::Slack,
        Format::Discord,
        Format::Mattermost,
        Format::PagerDuty,
        Format::Irssi,
        Format::Weechat,
        Format::Zsh,
        Format::Bash,
        Format::Fish,
        Format::Plain,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Slack => "slack",
            Format::Discord => "discord",
            Format::PagerDuty => "pagerduty",
            Format::Mattermost => "mattermost",
            Format::Irssi => "irssi",
            Format::Weechat => "weechat",
            Format::Zsh => "zsh",
            Format::Bash => "bash",
            Format::Fish => "fish",
            Format::Plain => "plain",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        let s = s.trim().to_ascii_lowercase();
        let found = match s.as_str() {
            "pd" => Some(Format::PagerDuty),
            "lines" | "text" => Some(Format::Plain),
            _ => Format::ALL.into_iter().find(|f| f.name() == s),
        };
        found.ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            format!("'{s}' is not a format; use one of {}", names.join(", "))
        })
    }
}

/// How to read an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Read as this format instead of detecting it.
    pub format: Option<Format>,
    /// The Slack channel to read, by name.
    pub channel: Option<String>,
    /// Leave secrets as they are instead of masking them.
    pub keep_secrets: bool,
    /// The day a plain line without a date falls on.
    pub date: NaiveDate,
    /// The offset of a plain line's time.
    pub offset: Offset,
}

impl Options {
    pub fn new(date: NaiveDate, offset: Offset) -> Options {
        Options {
            format: None,
            channel: None,
            keep_secrets: false,
            date,
            offset,
        }
    }
}

/// What an export held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    pub format: Option<Format>,
    pub candidates: Vec<Candidate>,
    /// What the export held but is not a timeline event, by reason
    /// ("joins and leaves", "deleted"), with how many.
    pub left_out: BTreeMap<String, usize>,
    /// How many secrets were masked.
    pub masked: usize,
}

impl Import {
    pub(crate) fn leave_out(&mut self, reason: &str) {
        *self.left_out.entry(reason.to_owned()).or_default() += 1;
    }
}

/// Reads the export at `path`: a file, or the folder of a Slack export.
/// `-` is not read here; the caller reads standard input and uses
/// [`parse`].
pub fn read(path: &Path, options: &Options) -> Result<Import, ImportError> {
    let name = path.display().to_string();
    if path.is_dir() {
        if options.format.is_some_and(|f| f != Format::Slack) {
            return Err(ImportError::whole(
                &name,
                "is a folder; only a Slack export is read from a folder",
            ));
        }
        return finish(slack::read_folder(path, options)?, options);
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::io(&name, &e))?;
    parse(&name, &bytes, options)
}

/// Reads an export already in memory; `name` is what errors call it.
pub fn parse(name: &str, bytes: &[u8], options: &Options) -> Result<Import, ImportError> {
    let format = match options.format {
        Some(f) => f,
        None => detect(bytes),
    };
    let import = match format {
        Format::Slack if bytes.starts_with(b"PK") => slack::read_zip(name, bytes, options)?,
        Format::Slack => slack::read_day_file(name, &utf8(name, bytes)?, options)?,
        Format::Discord => discord::parse(name, &utf8(name, bytes)?)?,
        Format::PagerDuty => pagerduty::parse(name, &utf8(name, bytes)?)?,
        Format::Mattermost => mattermost::parse(name, &utf8(name, bytes)?, options)?,
        Format::Irssi => irc::irssi(name, &utf8(name, bytes)?, options)?,
        Format::Weechat => irc::weechat(name, &utf8(name, bytes)?, options)?,
        Format::Zsh | Format::Bash | Format::Fish => shell::parse(name, bytes, format)?,
        Format::Plain => plain::parse(name, &utf8(name, bytes)?, options)?,
    };
    finish(
        Import {
            format: Some(format),
            ..import
        },
        options,
    )
}

fn finish(mut import: Import, options: &Options) -> Result<Import, ImportError> {
    if import.format.is_none() {
        import.format = Some(Format::Slack);
    }
    if !options.keep_secrets {
        for c in &mut import.candidates {
            for text in std::iter::once(&mut c.text).chain(&mut c.links) {
                let (masked, n) = secrets::mask(text);
                if n > 0 {
                    *text = masked;
                    import.masked += n;
                }
            }
        }
    }
    Ok(import)
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.trim_start_matches('\u{feff}').to_owned()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            Err(ImportError::at_line(name, line, "expected text in UTF-8"))
        }
    }
}

/// Tells the format from the first bytes of the content.
pub fn detect(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") {
        return Format::Slack;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.lines().next().is_some_and(mattermost::is_mattermost) {
        return Format::Mattermost;
    }
    if head.starts_with('{') || head.starts_with('[') {
        if head.contains("log_entr") {
            return Format::PagerDuty;
        }
        if head.contains("\"guild\"") || head.contains("\"messageCount\"") {
            return Format::Discord;
        }
        return Format::Slack;
    }
    let first = head.lines().map(str::trim_end).find(|l| !l.is_empty());
    match first {
        Some(l) if irc::is_irssi(l) => Format::Irssi,
        Some(l) if irc::is_weechat(l) => Format::Weechat,
        Some(l) if shell::is_zsh_line(l) => Format::Zsh,
        Some(l) if shell::is_bash_stamp(l) => Format::Bash,
        Some(l) if l.starts_with("- cmd:") => Format::Fish,
        _ => Format::Plain,
    }
}

/// The key under which an imported event remembers its origin: the
/// source's message id, else the format, the time and a digest of the
/// text (the same line read again gives the same key).
pub fn origin(format: Format, candidate: &Candidate) -> String {
    match &candidate.source_id {
        Some(id) => id.clone(),
        None => format!(
            "{format}:{}:{:016x}",
            candidate.at.timestamp(),
            digest(candidate.text.as_bytes())
        ),
    }
}

/// FNV-1a, 64 bits: stable across builds and platforms, unlike the
/// standard library's hasher.
fn digest(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The timeline event for a chosen candidate: imported, unjudged, with
/// its origin; the review numbers it when it is added.
pub fn to_event(format: Format, candidate: &Candidate) -> Event {
    let mut event = Event::new(
        candidate.at,
        Text::trimmed(&candidate.text),
        Source::Imported,
    );
    event.kind = candidate.kind;
    event.actor = candidate
        .actor
        .as_deref()
        .map(Text::trimmed)
        .filter(|a| !a.is_empty());
    event.links = candidate.links.iter().map(Text::trimmed).collect();
    event.origin = Some(Text::new(origin(format, candidate)));
    event
}

#[cfg(test)]
mod tests;
