//! Slack's message markup made readable: `<@U123>` becomes `@name`,
//! `<#C1|incident>` becomes `#incident`, `<https://x|label>` becomes
//! `label (https://x)`, and `&amp;`, `&lt;`, `&gt;` are decoded after the
//! tokens are read.

use super::Names;

/// The readable form of a message's `text`.
pub(super) fn decode(text: &str, names: &Names) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&entities(&rest[..open]));
        let after = &rest[open + 1..];
        match after.find('>') {
            Some(close) => {
                out.push_str(&token(&after[..close], names));
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&entities(&rest[open..]));
                rest = "";
            }
        }
    }
    out.push_str(&entities(rest));
    out
}

/// One `<...>` token, without its brackets.
fn token(inner: &str, names: &Names) -> String {
    let (target, label) = match inner.split_once('|') {
        Some((t, l)) => (t, Some(entities(l))),
        None => (inner, None),
    };
    if let Some(id) = target.strip_prefix('@') {
        let name = label
            .filter(|l| !l.is_empty())
            .or_else(|| names.user(id).map(str::to_owned))
            .unwrap_or_else(|| id.to_owned());
        return format!("@{}", name.trim_start_matches('@'));
    }
    if let Some(id) = target.strip_prefix('#') {
        let name = label
            .filter(|l| !l.is_empty())
            .or_else(|| names.channels.get(id).cloned())
            .unwrap_or_else(|| id.to_owned());
        return format!("#{name}");
    }
    if let Some(special) = target.strip_prefix('!') {
        if let Some(label) = label {
            return label;
        }
        let word = special.split('^').next().unwrap_or(special);
        return format!("@{word}");
    }
    let target = entities(target);
    if let Some(address) = target.strip_prefix("mailto:") {
        return label.unwrap_or_else(|| address.to_owned());
    }
    match label {
        Some(l) if !l.is_empty() && l != target => format!("{l} ({target})"),
        _ => target,
    }
}

/// Decodes the three entities Slack writes; `&amp;` last of all, so that
/// `&amp;lt;` stays the text `&lt;`.
fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (decoded, len) = if tail.starts_with("&amp;") {
            ('&', 5)
        } else if tail.starts_with("&lt;") {
            ('<', 4)
        } else if tail.starts_with("&gt;") {
            ('>', 4)
        } else {
            ('&', 1)
        };
        out.push(decoded);
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        let mut n = Names::default();
        n.users
            .insert("U01ANA".into(), ("ana".into(), vec!["Ana Lima".into()]));
        n.channels.insert("C01OPS".into(), "ops".into());
        n
    }

    #[test]
    fn tokens_become_readable_text() {
        let cases = [
            ("<@U01ANA> can you look?", "@ana can you look?"),
            ("<@U0NOBODY> hi", "@U0NOBODY hi"),
            ("<@U01ANA|ana.l> ok", "@ana.l ok"),
            ("see <#C01OPS|ops-war-room>", "see #ops-war-room"),
            ("see <#C01OPS>", "see #ops"),
            ("<!here> paging", "@here paging"),
            ("<!subteam^S1|@db-team> help", "@db-team help"),
            (
                "<https://status.example.com|status page>",
                "status page (https://status.example.com)",
            ),
            (
                "<https://grafana.example.com/d/1>",
                "https://grafana.example.com/d/1",
            ),
            (
                "<mailto:ops@example.com|ops@example.com>",
                "ops@example.com",
            ),
            (
                "p99 &gt; 2s &amp;&amp; errors &lt; 5%",
                "p99 > 2s && errors < 5%",
            ),
            ("literally &amp;lt; here", "literally &lt; here"),
            ("a < b with no close", "a < b with no close"),
            ("tom &amp; jerry &unknown;", "tom & jerry &unknown;"),
        ];
        for (raw, want) in cases {
            assert_eq!(decode(raw, &names()), want, "{raw}");
        }
    }
}
