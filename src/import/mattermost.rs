//! A Mattermost bulk export (`mmctl export create`): JSON Lines, a
//! `version` line first, then `user`, `channel`, `post` and `direct_post`
//! lines. Posts carry their thread's replies with them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::{Candidate, Format, Import, ImportError, Options};
use crate::domain::EventKind;

#[derive(Deserialize, Default)]
#[serde(default)]
struct Post {
    channel: Option<String>,
    user: Option<String>,
    message: Option<String>,
    create_at: Option<i64>,
    props: Option<Value>,
    replies: Option<Vec<Post>>,
    reactions: Option<Vec<Reaction>>,
    attachments: Option<Vec<Attachment>>,
    is_pinned: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Reaction {
    emoji_name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Attachment {
    path: String,
}

pub(super) fn is_mattermost(line: &str) -> bool {
    line.starts_with('{') && line.contains("\"type\"") && line.contains("\"version\"")
}

pub(super) fn parse(file: &str, text: &str, options: &Options) -> Result<Import, ImportError> {
    let mut names: HashMap<String, (String, Vec<String>)> = HashMap::new();
    let mut posts: Vec<(usize, Post)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: String| ImportError::at_line(file, n + 1, what);
        let value: Value = serde_json::from_str(line)
            .map_err(|e| bad(format!("expected one JSON object a line: {e}")))?;
        let kind = value.get("type").and_then(Value::as_str).unwrap_or("");
        match kind {
            "user" => {
                let u = &value["user"];
                let get = |k: &str| {
                    u.get(k)
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .unwrap_or("")
                };
                let full = format!("{} {}", get("first_name"), get("last_name"));
                let shown = [get("nickname"), full.trim(), get("username")]
                    .into_iter()
                    .find(|s| !s.is_empty())
                    .unwrap_or("");
                if !get("username").is_empty() {
                    let aliases = [full.trim(), get("username")]
                        .into_iter()
                        .filter(|a| !a.is_empty() && *a != shown)
                        .map(str::to_owned)
                        .collect();
                    names.insert(get("username").to_owned(), (shown.to_owned(), aliases));
                }
            }
            "post" | "direct_post" => {
                let post: Post = serde_json::from_value(value[kind].clone())
                    .map_err(|e| bad(format!("expected a {kind}: {e}")))?;
                if post.create_at.is_none() {
                    return Err(bad(format!(
                        "expected the {kind}'s create_at, in milliseconds since 1970"
                    )));
                }
                posts.push((n + 1, post));
            }
            "" => return Err(bad("expected a \"type\" on every line".into())),
            _ => {}
        }
    }
    let mut channels: Vec<&str> = posts
        .iter()
        .filter_map(|(_, p)| p.channel.as_deref())
        .collect();
    channels.sort_unstable();
    channels.dedup();
    let want = options
        .channel
        .as_deref()
        .map(|c| c.trim_start_matches(['#', '~']));
    if let Some(want) = want
        && !channels.contains(&want)
    {
        return Err(ImportError::whole(
            file,
            format!(
                "has no channel named '{want}' (--channel); it holds: {}",
                channels.join(", ")
            ),
        ));
    }
    if want.is_none() && channels.len() > 1 {
        return Err(ImportError::whole(
            file,
            format!(
                "holds {} channels; choose one with --channel: {}",
                channels.len(),
                channels.join(", ")
            ),
        )
        .with_channels(&channels));
    }
    let mut import = Import {
        format: Some(Format::Mattermost),
        ..Import::default()
    };
    posts.sort_by_key(|(_, p)| p.create_at);
    for (_, post) in posts {
        if want.is_some_and(|w| post.channel.as_deref() != Some(w)) {
            continue;
        }
        let channel = post.channel.clone().unwrap_or_else(|| "direct".into());
        let Some(parent) = candidate(&channel, &post, &names, &mut import) else {
            continue;
        };
        let who = parent.actor.clone().unwrap_or_default();
        import.candidates.push(parent);
        let mut replies = post.replies.unwrap_or_default();
        replies.sort_by_key(|r| r.create_at);
        for reply in replies {
            if let Some(mut c) = candidate(&channel, &reply, &names, &mut import) {
                c.reply = true;
                c.text = format!("(reply to {who}) {}", c.text);
                import.candidates.push(c);
            }
        }
    }
    Ok(import)
}

fn candidate(
    channel: &str,
    post: &Post,
    names: &HashMap<String, (String, Vec<String>)>,
    import: &mut Import,
) -> Option<Candidate> {
    let at = DateTime::<Utc>::from_timestamp_millis(post.create_at?)?;
    let props = post.props.as_ref();
    let flag = |k: &str| {
        props
            .and_then(|p| p.get(k))
            .is_some_and(|v| v == "true" || v == true)
    };
    let bot = flag("from_bot") || flag("from_webhook");
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = post
        .message
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        parts.push(m.to_owned());
    }
    for a in props
        .and_then(|p| p.get("attachments"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for k in ["pretext", "title", "text"] {
            if let Some(t) = a
                .get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                parts.push(t.to_owned());
            }
        }
    }
    for f in post.attachments.iter().flatten() {
        let name = f.path.rsplit('/').next().unwrap_or(&f.path);
        parts.push(format!("[file: {name}]"));
    }
    if parts.is_empty() {
        import.leave_out("empty");
        return None;
    }
    let kind = if bot {
        EventKind::Alert
    } else {
        EventKind::Conversation
    };
    let mut c = Candidate::new(at, kind, parts.join(" — "));
    let user = post.user.clone().unwrap_or_else(|| "bot".into());
    match names.get(&user) {
        Some((shown, aliases)) => {
            c.actor = Some(shown.clone());
            c.aliases = aliases.clone();
        }
        None => c.actor = Some(user.clone()),
    }
    c.bot = bot;
    c.pinned = post.is_pinned == Some(true);
    c.reactions = post
        .reactions
        .iter()
        .flatten()
        .map(|r| r.emoji_name.clone())
        .collect();
    c.source_id = Some(format!(
        "mattermost:{channel}:{}:{user}",
        at.timestamp_millis()
    ));
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn posts_and_their_replies_in_order() {
        let text = include_str!("../../tests/fixtures/import/mattermost.jsonl");
        let options = Options::new(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            Default::default(),
        );
        let import = parse("mm.jsonl", text, &options).unwrap();
        let got = crate::import::tests::lines(&import.candidates, "%H:%M");
        assert_eq!(
            got,
            [
                "23:31 Alert alertmanager: checkout 5xx — [FIRING] 5xx above 2%",
                "23:33 Conversation ana: on it, rolling back",
                "23:40 Conversation Gary Oak: (reply to ana) confirmed",
                "23:36 Conversation Gary Oak: deploy log — [file: deploy-v42.log]",
            ]
        );
        assert_eq!(import.candidates[2].aliases, ["gary"]);
        assert_eq!(import.candidates[1].aliases, ["Ana Lima"]);
        let e = parse("mm.jsonl", "{\"type\":\"version\",\"version\":1}\n{\"type\":\"post\",\"post\":{\"message\":\"x\"}}\n", &options)
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("mm.jsonl, line 2: expected the post's create_at"),
            "{e}"
        );
    }
}
