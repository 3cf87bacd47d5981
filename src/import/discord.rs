//! A Discord channel as DiscordChatExporter writes it in JSON: `guild`,
//! `channel`, then `messages[]` with ISO 8601 times, authors, replies by
//! `reference.messageId`, attachments and embeds.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Candidate, Format, Import, ImportError};
use crate::domain::EventKind;

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Export {
    channel: Channel,
    messages: Option<Vec<Message>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Channel {
    id: String,
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Message {
    id: String,
    r#type: String,
    timestamp: String,
    timestamp_edited: Option<String>,
    is_pinned: bool,
    content: String,
    author: Author,
    attachments: Vec<Attachment>,
    embeds: Vec<Embed>,
    reactions: Vec<Reaction>,
    reference: Option<Reference>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Author {
    name: String,
    nickname: Option<String>,
    is_bot: bool,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Attachment {
    file_name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Embed {
    title: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Reaction {
    emoji: Emoji,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Emoji {
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Reference {
    message_id: Option<String>,
}

pub(super) fn parse(file: &str, text: &str) -> Result<Import, ImportError> {
    let export: Export =
        serde_json::from_str(text).map_err(|e| ImportError::json(file, None, &e))?;
    let Some(messages) = export.messages else {
        return Err(ImportError::at(
            file,
            "$.messages",
            "expected the channel's messages, an array",
        ));
    };
    let channel = if export.channel.id.is_empty() {
        export.channel.name
    } else {
        export.channel.id
    };
    let mut import = Import {
        format: Some(Format::Discord),
        ..Import::default()
    };
    let mut by_id: HashMap<String, String> = HashMap::new();
    let mut parents: Vec<(String, Candidate)> = Vec::new();
    let mut replies: HashMap<String, Vec<Candidate>> = HashMap::new();
    for (i, m) in messages.into_iter().enumerate() {
        let at = DateTime::parse_from_rfc3339(&m.timestamp)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| {
                ImportError::at(
                    file,
                    format!("$.messages[{i}].timestamp"),
                    "expected a time in ISO 8601, like \"2026-11-23T16:02:11+01:00\"",
                )
            })?;
        match m.r#type.as_str() {
            "" | "Default" | "Reply" => {}
            "GuildMemberJoin" | "RecipientAdd" | "RecipientRemove" => {
                import.leave_out("joins and leaves");
                continue;
            }
            _ => {
                import.leave_out("channel notices");
                continue;
            }
        }
        let actor = m
            .author
            .nickname
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(m.author.name.clone());
        by_id.insert(m.id.clone(), actor.clone());
        let mut parts: Vec<String> = Vec::new();
        if !m.content.trim().is_empty() {
            parts.push(m.content.trim().to_owned());
        }
        for e in &m.embeds {
            for t in [&e.title, &e.description].into_iter().flatten() {
                if !t.trim().is_empty() {
                    parts.push(t.trim().to_owned());
                }
            }
        }
        for a in &m.attachments {
            parts.push(format!("[file: {}]", a.file_name));
        }
        if parts.is_empty() {
            import.leave_out("empty");
            continue;
        }
        let mut text = parts.join(" — ");
        if m.timestamp_edited.is_some() {
            text.push_str(" (edited)");
        }
        let kind = if m.author.is_bot {
            EventKind::Alert
        } else {
            EventKind::Conversation
        };
        let mut c = Candidate::new(at, kind, text);
        c.actor = Some(actor);
        if m.author
            .nickname
            .as_deref()
            .is_some_and(|n| n != m.author.name)
        {
            c.aliases.push(m.author.name.clone());
        }
        c.bot = m.author.is_bot;
        c.edited = m.timestamp_edited.is_some();
        c.pinned = m.is_pinned;
        c.reactions = m.reactions.iter().map(|r| r.emoji.name.clone()).collect();
        c.source_id = Some(format!("discord:{channel}:{}", m.id));
        match m.reference.and_then(|r| r.message_id) {
            Some(parent) => {
                c.reply = true;
                let to = by_id
                    .get(&parent)
                    .map_or("reply".to_owned(), |w| format!("reply to {w}"));
                c.text = format!("({to}) {}", c.text);
                replies.entry(parent).or_default().push(c);
            }
            None => parents.push((m.id, c)),
        }
    }
    for (id, c) in parents {
        import.candidates.push(c);
        import
            .candidates
            .extend(replies.remove(&id).unwrap_or_default());
    }
    let mut orphans: Vec<Candidate> = replies.into_values().flatten().collect();
    orphans.sort_by_key(|c| c.at);
    import.candidates.extend(orphans);
    Ok(import)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_channel_reads_with_replies_under_their_parent() {
        let text = include_str!("../../tests/fixtures/import/discord.json");
        let import = parse("discord.json", text).unwrap();
        let got = crate::import::tests::lines(&import.candidates, "%H:%M");
        assert_eq!(
            got,
            [
                "23:31 Alert Grafana: [FIRING] checkout 5xx — error rate 4%",
                "23:33 Conversation ana: on it, rolling back",
                "23:40 Conversation gary: (reply to ana) confirmed, 5xx falling (edited)",
                "23:36 Conversation gary: deploy log — [file: deploy-v42.log]",
            ]
        );
        assert_eq!(import.left_out.get("joins and leaves"), Some(&1));
        assert!(import.candidates[1].pinned && import.candidates[1].reactions == ["✅"]);
        assert_eq!(import.candidates[1].aliases, ["ana.lima"]);
        assert_eq!(
            import.candidates[0].source_id.as_deref(),
            Some("discord:90001:1001")
        );
        let e = parse(
            "d.json",
            r#"{"messages": [{"id": "1", "timestamp": "noon"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.place, "$.messages[0].timestamp");
    }
}
