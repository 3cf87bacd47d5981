//! What looks like a secret in a text: `Authorization:` headers,
//! `password=` values, passwords in URLs, Slack tokens (`xoxb-`), AWS
//! access keys (`AKIA...`), and long hex or base64 values after `token`,
//! `secret`, `key` or `bearer`. An import masks them; before publishing,
//! a review's own texts are looked at too.
//!
//! A header or a password counts only with its `:` or `=`, or as a
//! command's option (`--password hunter2`): "the password was rotated"
//! and "authorization failed for ana" are prose, not secrets.

/// What a masked secret is replaced by.
pub const MASK: &str = "[masked]";

/// Where `text` holds what looks like a secret: byte ranges, in order,
/// none overlapping.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    keyword_values(text, &mut spans);
    words(text, &mut spans);
    url_passwords(text, &mut spans);
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// `text` with its secrets masked, and how many there were.
pub fn mask(text: &str) -> (String, usize) {
    let merged = spans(text);
    if merged.is_empty() {
        return (text.to_owned(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e) in &merged {
        out.push_str(&text[at..*s]);
        out.push_str(MASK);
        at = *e;
    }
    out.push_str(&text[at..]);
    (out, merged.len())
}

fn is_value_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-' | b'.')
}

/// The end of the run of bytes from `start` that satisfy `f`.
fn run(bytes: &[u8], start: usize, f: impl Fn(u8) -> bool) -> usize {
    start + bytes[start..].iter().take_while(|b| f(**b)).count()
}

/// Values after a keyword: `Authorization: ...` to the end of the
/// header, `password=...` to the next space, and long values after
/// `token`, `secret`, `key` or `bearer`.
fn keyword_values(text: &str, spans: &mut Vec<(usize, usize)>) {
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    for word in [
        "authorization",
        "password",
        "passwd",
        "token",
        "secret",
        "key",
        "bearer",
    ] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(word) {
            let start = from + i;
            from = start + word.len();
            // The rest of an identifier such as API_KEY_ID or tokens.
            let mut j = run(bytes, from, |b| b.is_ascii_alphanumeric() || b == b'_');
            let seps = run(bytes, j, |b| matches!(b, b' ' | b'=' | b':' | b'"' | b'\''));
            if seps == j || seps - j > 4 {
                continue;
            }
            // A header or a password is one with its colon or equals sign,
            // or a command's option (`--password hunter2`).
            let marked = bytes[j..seps].iter().any(|b| matches!(b, b':' | b'='))
                || (start > 0 && bytes[start - 1] == b'-');
            if matches!(word, "authorization" | "password" | "passwd") && !marked {
                continue;
            }
            j = seps;
            match word {
                "authorization" => {
                    let end = run(bytes, j, |b| !matches!(b, b'\n' | b'"' | b'\''));
                    if end > j {
                        spans.push((j, end));
                    }
                }
                "password" | "passwd" => {
                    let end = run(bytes, j, |b| {
                        !matches!(b, b' ' | b'\n' | b'"' | b'\'' | b'&')
                    });
                    if end > j {
                        spans.push((j, end));
                    }
                }
                _ => {
                    let end = run(bytes, j, is_value_byte);
                    let value = &bytes[j..end];
                    if value.len() >= 16 && value.iter().any(u8::is_ascii_digit) {
                        spans.push((j, end));
                    }
                }
            }
        }
    }
}

/// Tokens recognised by their own shape, wherever they are.
fn words(text: &str, spans: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let rest = &bytes[i..];
        if starts_word
            && rest.len() > 5
            && rest.starts_with(b"xox")
            && rest[3].is_ascii_alphabetic()
            && rest[4] == b'-'
        {
            let end = run(bytes, i, |b| b.is_ascii_alphanumeric() || b == b'-');
            spans.push((i, end));
            i = end;
            continue;
        }
        if starts_word && (rest.starts_with(b"AKIA") || rest.starts_with(b"ASIA")) {
            let end = run(bytes, i, |b| b.is_ascii_uppercase() || b.is_ascii_digit());
            if end - i == 20 {
                spans.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// `scheme://user:password@host` keeps the user and masks the password.
fn url_passwords(text: &str, spans: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("://") {
        let start = from + i + 3;
        from = start;
        let end = run(bytes, start, |b| {
            !matches!(b, b'/' | b' ' | b'\n' | b'@' | b'"')
        });
        if bytes.get(end) != Some(&b'@') {
            continue;
        }
        if let Some(colon) = text[start..end].find(':') {
            spans.push((start + colon + 1, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_and_counted() {
        let cases = [
            (
                "curl -H 'Authorization: Bearer abc.def' https://api",
                "curl -H 'Authorization: [masked]' https://api",
                1,
            ),
            (
                "mysql --password=hunter2 -h db",
                "mysql --password=[masked] -h db",
                1,
            ),
            (
                "export SLACK=xoxb-1234-5678-abcdEF",
                "export SLACK=[masked]",
                1,
            ),
            (
                "aws key AKIAIOSFODNN7EXAMPLE here",
                "aws key [masked] here",
                1,
            ),
            (
                "export API_TOKEN=9f86d081884c7d659a2feaa0c55ad015",
                "export API_TOKEN=[masked]",
                1,
            ),
            (
                "\"secret\": \"c2VjcmV0LXZhbHVlLTEyMzQ1Ng==\"",
                "\"secret\": \"[masked]\"",
                1,
            ),
            (
                "psql postgres://app:s3cret@db:5432/x",
                "psql postgres://app:[masked]@db:5432/x",
                1,
            ),
            (
                "the key point is the cache",
                "the key point is the cache",
                0,
            ),
            ("token expired at 16:02", "token expired at 16:02", 0),
            (
                "the password was rotated at 16:02",
                "the password was rotated at 16:02",
                0,
            ),
            (
                "authorization failed for ana, retrying",
                "authorization failed for ana, retrying",
                0,
            ),
            (
                "mysql --password hunter2 -h db",
                "mysql --password [masked] -h db",
                1,
            ),
            (
                "password: hunter2 in the runbook",
                "password: [masked] in the runbook",
                1,
            ),
            (
                "Bearer 9f86d081884c7d659a2feaa0 in the log",
                "Bearer [masked] in the log",
                1,
            ),
            (
                "AKIAshort and monkey=banana",
                "AKIAshort and monkey=banana",
                0,
            ),
        ];
        for (raw, want, n) in cases {
            assert_eq!(mask(raw), (want.to_owned(), n), "{raw}");
        }
    }
}
