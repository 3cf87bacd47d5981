//! A Slack workspace export: the `.zip` as downloaded, the folder it
//! unpacks to, or one day's file of a channel.
//!
//! One folder per channel holds a JSON array of messages per day. User ids
//! become names from `users.json`; bots become alerts with the words of
//! their attachments; joins, topic changes and deleted messages are left
//! out; thread replies follow their parent and say so.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Candidate, Format, Import, ImportError, Options};
use crate::domain::EventKind;

mod files;
mod markup;

pub(super) use files::{read_folder, read_zip};

/// A file of the export: its path inside the export, and its bytes.
pub(super) type Entry = (String, Vec<u8>);

#[derive(Deserialize, Default)]
#[serde(default)]
struct User {
    id: String,
    name: Option<String>,
    real_name: Option<String>,
    profile: Option<Profile>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Profile {
    display_name: Option<String>,
    real_name: Option<String>,
    name: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Channel {
    id: String,
    name: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Message {
    subtype: Option<String>,
    ts: Option<serde_json::Value>,
    user: Option<String>,
    text: Option<String>,
    user_profile: Option<Profile>,
    thread_ts: Option<String>,
    files: Option<Vec<File>>,
    file: Option<File>,
    attachments: Option<Vec<Attachment>>,
    reactions: Option<Vec<Reaction>>,
    edited: Option<serde_json::Value>,
    bot_id: Option<String>,
    username: Option<String>,
    bot_profile: Option<Profile>,
    pinned_to: Option<Vec<String>>,
    hidden: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct File {
    name: Option<String>,
    title: Option<String>,
    mode: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Attachment {
    fallback: Option<String>,
    pretext: Option<String>,
    title: Option<String>,
    text: Option<String>,
    title_link: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Reaction {
    name: String,
}

/// Subtypes that are not part of the incident's story.
fn left_out_reason(subtype: &str) -> Option<&'static str> {
    match subtype {
        "channel_join" | "channel_leave" | "group_join" | "group_leave" => Some("joins and leaves"),
        "channel_topic" | "channel_purpose" | "channel_name" | "group_topic" | "group_purpose" => {
            Some("topic and purpose changes")
        }
        "tombstone" | "message_deleted" => Some("deleted"),
        "bot_add" | "bot_remove" | "pinned_item" | "unpinned_item" | "channel_archive"
        | "channel_unarchive" | "reminder_add" => Some("channel notices"),
        _ => None,
    }
}

/// Reads one day's file of a channel, on its own: no names for user ids.
pub(super) fn read_day_file(
    name: &str,
    text: &str,
    _options: &Options,
) -> Result<Import, ImportError> {
    let messages: Vec<Message> =
        serde_json::from_str(text).map_err(|e| ImportError::json(name, None, &e))?;
    let names = Names::default();
    let mut import = Import::default();
    let channel = Path::new(name)
        .parent()
        .and_then(|p| p.file_name())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "channel".into());
    let mut all = Vec::new();
    for (i, m) in messages.into_iter().enumerate() {
        all.push((ts_of(name, "", i, &m)?, m));
    }
    messages_to_candidates(&channel, all, &names, &mut import);
    Ok(import)
}

#[derive(Default)]
struct Names {
    users: HashMap<String, (String, Vec<String>)>,
    channels: HashMap<String, String>,
}

impl Names {
    fn user(&self, id: &str) -> Option<&str> {
        self.users.get(id).map(|(n, _)| n.as_str())
    }
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn read_list<T: for<'a> Deserialize<'a>>(
    file: &str,
    entries: &[Entry],
    path: &str,
) -> Result<Vec<T>, ImportError> {
    match entries.iter().find(|(p, _)| p == path) {
        Some((_, bytes)) => {
            serde_json::from_slice(bytes).map_err(|e| ImportError::json(file, Some(path), &e))
        }
        None => Ok(Vec::new()),
    }
}

pub(super) fn parse_export(
    file: &str,
    entries: Vec<Entry>,
    options: &Options,
) -> Result<Import, ImportError> {
    let mut names = Names::default();
    let mut users: Vec<User> = read_list(file, &entries, "users.json")?;
    users.extend(read_list::<User>(file, &entries, "org_users.json")?);
    for u in users {
        let profile = u.profile.unwrap_or_default();
        let shown = nonempty(&profile.display_name)
            .or(nonempty(&profile.real_name))
            .or(nonempty(&u.real_name))
            .unwrap_or(&u.id)
            .to_owned();
        let mut aliases: Vec<String> = Vec::new();
        for a in [&profile.real_name, &u.real_name, &u.name]
            .into_iter()
            .filter_map(nonempty)
        {
            if a != shown && !aliases.iter().any(|b| b == a) {
                aliases.push(a.to_owned());
            }
        }
        names.users.insert(u.id, (shown, aliases));
    }
    let mut ids_by_name = HashMap::new();
    for list in ["channels.json", "groups.json", "mpims.json"] {
        for c in read_list::<Channel>(file, &entries, list)? {
            if let Some(n) = nonempty(&c.name) {
                names.channels.insert(c.id.clone(), n.to_owned());
                ids_by_name.insert(n.to_owned(), c.id);
            }
        }
    }
    let mut folders: Vec<&str> = entries
        .iter()
        .filter_map(|(p, _)| p.split_once('/').map(|(dir, _)| dir))
        .collect();
    folders.sort_unstable();
    folders.dedup();
    let chosen = match options
        .channel
        .as_deref()
        .map(|c| c.trim_start_matches('#'))
    {
        Some(want) => folders
            .iter()
            .find(|f| **f == want)
            .copied()
            .ok_or_else(|| {
                ImportError::whole(
                    file,
                    format!(
                        "has no channel named '{want}' (--channel); it holds: {}",
                        list_or_none(&folders)
                    ),
                )
            })?,
        None => match folders.as_slice() {
            [one] => *one,
            [] => return Err(ImportError::whole(file, "holds no channel folder")),
            many => {
                return Err(ImportError::whole(
                    file,
                    format!(
                        "holds {} channels; choose one with --channel: {}",
                        many.len(),
                        many.join(", ")
                    ),
                )
                .with_channels(many));
            }
        },
    };
    let channel_id = ids_by_name
        .get(chosen)
        .cloned()
        .unwrap_or_else(|| chosen.to_owned());
    let mut days: Vec<&Entry> = entries
        .iter()
        .filter(|(p, _)| p.strip_prefix(chosen).is_some_and(|r| r.starts_with('/')))
        .collect();
    days.sort_by(|a, b| a.0.cmp(&b.0));
    let mut all = Vec::new();
    for (path, bytes) in days {
        let messages: Vec<Message> =
            serde_json::from_slice(bytes).map_err(|e| ImportError::json(file, Some(path), &e))?;
        for (i, m) in messages.into_iter().enumerate() {
            all.push((ts_of(file, path, i, &m)?, m));
        }
    }
    let mut import = Import {
        format: Some(Format::Slack),
        ..Import::default()
    };
    messages_to_candidates(&channel_id, all, &names, &mut import);
    Ok(import)
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "no channel".into()
    } else {
        items.join(", ")
    }
}

/// A message's `ts`, a string of seconds with a fraction: `"1452837352.000006"`.
struct Ts {
    raw: String,
    at: DateTime<Utc>,
}

fn ts_of(file: &str, path: &str, i: usize, m: &Message) -> Result<Ts, ImportError> {
    let place = || {
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path} ")
        };
        format!("{prefix}$[{i}].ts")
    };
    let raw = match &m.ts {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => {
            return Err(ImportError::at(
                file,
                place(),
                "expected the message's time, a string like \"1700000000.000100\"",
            ));
        }
    };
    let at = parse_ts(&raw);
    at.map(|at| Ts {
        raw: raw.clone(),
        at,
    })
    .ok_or_else(|| {
        ImportError::at(
            file,
            place(),
            format!("expected seconds since 1970 like \"1700000000.000100\", found '{raw}'"),
        )
    })
}

pub(super) fn parse_ts(raw: &str) -> Option<DateTime<Utc>> {
    let (secs, frac) = raw.split_once('.').unwrap_or((raw, ""));
    let secs: i64 = secs.parse().ok()?;
    let micros = if frac.is_empty() {
        0
    } else {
        let digits: String = frac.chars().chain(std::iter::repeat('0')).take(6).collect();
        digits.parse::<u32>().ok()?
    };
    DateTime::from_timestamp(secs, micros * 1000)
}

/// Turns a channel's messages, in any order, into candidates: time order,
/// with each thread's replies right after their parent.
fn messages_to_candidates(
    channel: &str,
    mut all: Vec<(Ts, Message)>,
    names: &Names,
    import: &mut Import,
) {
    all.sort_by_key(|(ts, _)| ts.at);
    let mut parents: Vec<(String, Candidate)> = Vec::new();
    let mut replies: HashMap<String, Vec<Candidate>> = HashMap::new();
    let mut parent_of: HashMap<String, (String, DateTime<Utc>)> = HashMap::new();
    for (ts, m) in &all {
        let who = actor_of(m, names).0;
        parent_of.insert(ts.raw.clone(), (who, ts.at));
    }
    for (ts, m) in all {
        if let Some(reason) = m.subtype.as_deref().and_then(left_out_reason) {
            import.leave_out(reason);
            continue;
        }
        if m.hidden == Some(true) {
            import.leave_out("deleted");
            continue;
        }
        let thread = m.thread_ts.clone().filter(|t| *t != ts.raw);
        let Some(mut c) = candidate(channel, &ts, &m, names) else {
            import.leave_out("empty");
            continue;
        };
        match thread {
            Some(parent) => {
                c.reply = true;
                let to = match parent_of.get(&parent) {
                    Some((who, _)) => format!("reply to {who}"),
                    None => "reply in a thread".to_owned(),
                };
                c.text = format!("({to}) {}", c.text);
                replies.entry(parent).or_default().push(c);
            }
            None => parents.push((ts.raw, c)),
        }
    }
    for (ts, c) in parents {
        import.candidates.push(c);
        if let Some(r) = replies.remove(&ts) {
            import.candidates.extend(r);
        }
    }
    // Replies whose parent is gone (deleted, or before the export).
    let mut orphans: Vec<Candidate> = replies.into_values().flatten().collect();
    orphans.sort_by_key(|c| c.at);
    import.candidates.extend(orphans);
}

/// The name a message shows for its author, its other names, and whether
/// a bot wrote it.
fn actor_of(m: &Message, names: &Names) -> (String, Vec<String>, bool) {
    let bot = m.bot_id.is_some() || m.subtype.as_deref() == Some("bot_message");
    if let Some((name, aliases)) = m.user.as_ref().and_then(|u| names.users.get(u)) {
        return (name.clone(), aliases.clone(), bot);
    }
    let profile = m.user_profile.as_ref().or(m.bot_profile.as_ref());
    let from_profile = profile.and_then(|p| {
        nonempty(&p.display_name)
            .or(nonempty(&p.real_name))
            .or(nonempty(&p.name))
    });
    let name = nonempty(&m.username)
        .filter(|_| bot)
        .or(from_profile)
        .or(m.user.as_deref())
        .or(nonempty(&m.username))
        .unwrap_or("bot");
    (name.to_owned(), Vec::new(), bot)
}

fn candidate(channel: &str, ts: &Ts, m: &Message, names: &Names) -> Option<Candidate> {
    let (actor, aliases, bot) = actor_of(m, names);
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = nonempty(&m.text) {
        parts.push(markup::decode(t, names));
    }
    if bot {
        for a in m.attachments.iter().flatten() {
            let words = [&a.pretext, &a.title, &a.text]
                .into_iter()
                .filter_map(nonempty)
                .map(|t| markup::decode(t, names))
                .collect::<Vec<_>>();
            let words = if words.is_empty() {
                nonempty(&a.fallback)
                    .map(|t| markup::decode(t, names))
                    .into_iter()
                    .collect()
            } else {
                words
            };
            for w in words {
                if !parts.contains(&w) {
                    parts.push(w);
                }
            }
        }
    }
    let files: Vec<&File> = m.files.iter().flatten().chain(m.file.as_ref()).collect();
    for f in files {
        if f.mode.as_deref() == Some("tombstone") {
            parts.push("[file: deleted]".into());
        } else if let Some(n) = nonempty(&f.name).or(nonempty(&f.title)) {
            parts.push(format!("[file: {n}]"));
        }
    }
    if parts.is_empty() {
        return None;
    }
    let mut text = parts.join(" — ");
    let edited = m.edited.is_some();
    if edited {
        text.push_str(" (edited)");
    }
    let kind = if bot {
        EventKind::Alert
    } else {
        EventKind::Conversation
    };
    let mut c = Candidate::new(ts.at, kind, text);
    c.actor = Some(actor);
    c.aliases = aliases;
    c.bot = bot;
    c.edited = edited;
    c.pinned = m.pinned_to.as_ref().is_some_and(|p| !p.is_empty());
    c.reactions = m
        .reactions
        .iter()
        .flatten()
        .map(|r| r.name.trim_matches(':').to_owned())
        .collect();
    c.links = m
        .attachments
        .iter()
        .flatten()
        .filter(|_| bot)
        .filter_map(|a| nonempty(&a.title_link))
        .filter(|l| l.starts_with("https://") || l.starts_with("http://"))
        .map(str::to_owned)
        .collect();
    c.source_id = Some(format!("slack:{channel}:{}", ts.raw));
    Some(c)
}

#[cfg(test)]
mod tests;
