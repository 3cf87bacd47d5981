//! What looks like a secret in a text: `Authorization:` headers,
//! `password=` values, passwords in URLs, private keys in PEM blocks,
//! tokens known by their shape (Slack `xoxb-`, AWS `AKIA...`, GitHub
//! `ghp_` and `github_pat_`, GitLab `glpat-`, Stripe `sk_live_` and
//! `rk_live_`, JSON Web Tokens) and long random-looking values after
//! `token`, `secret`, `key` or `bearer`. An import masks them; before
//! publishing, a review's own texts are looked at too.
//!
//! A header or a password counts only with its `:` or `=`, or as a
//! command's option (`--password hunter2`): "the password was rotated"
//! and "authorization failed for ana" are prose, not secrets. A value
//! after `token` or `key` counts only when it looks random: a dashboard's
//! `panel_key=checkout-latency-2024` is words and a year, and the value of
//! an `api_key_name` is a name.

/// What a masked secret is replaced by.
pub const MASK: &str = "[masked]";

/// Where `text` holds what looks like a secret: byte ranges, in order,
/// none overlapping, each on a char boundary.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    private_keys(text, &mut spans);
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

/// A byte of a base64url part, as in a JSON Web Token.
fn is_base64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-')
}

/// The end of the run of bytes from `start` that satisfy `f`.
fn run(bytes: &[u8], start: usize, f: impl Fn(u8) -> bool) -> usize {
    start + bytes[start..].iter().take_while(|b| f(**b)).count()
}

/// Whether a value after `token` or `key` looks random rather than
/// written: one of its runs of letters and digits, 8 long or more, mixes
/// the two (`9f86d081...`, `c2VjcmV0...`), or it is a run of 16 digits
/// or more, or its letters change case at every turn (`AbCdEfGh...`), or
/// it is base64 of both cases. Words and numbers joined by `-`, `_`, `.`
/// or `/` (`checkout-latency-2024`) are a name, not a secret.
fn looks_random(value: &[u8]) -> bool {
    let mixed = value.split(|b| !b.is_ascii_alphanumeric()).any(|piece| {
        let digits = piece.iter().filter(|b| b.is_ascii_digit()).count();
        (piece.len() >= 8 && digits > 0 && digits < piece.len())
            || digits >= 16
            || (piece.len() >= 16 && case_changes(piece) >= 8)
    });
    // Base64 with `/` and `+` (`wJalrXUtnFEMI/K7MDENG/bPxRfiCY...`): long,
    // both cases, not a path of lower-case words.
    let base64 = value
        .split(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')))
        .any(|piece| {
            piece.len() >= 20
                && piece.iter().any(u8::is_ascii_uppercase)
                && piece.iter().any(u8::is_ascii_lowercase)
                && piece.iter().any(|b| b.is_ascii_digit() || *b == b'+')
        });
    mixed || base64
}

/// How often the case flips between neighbouring letters: `AbCdEf` flips
/// at every letter, `CheckoutLatency` twice.
fn case_changes(piece: &[u8]) -> usize {
    piece
        .windows(2)
        .filter(|w| {
            w[0].is_ascii_alphabetic()
                && w[1].is_ascii_alphabetic()
                && w[0].is_ascii_uppercase() != w[1].is_ascii_uppercase()
        })
        .count()
}

/// Values after a keyword: `Authorization: ...` to the end of the
/// header, `password=...` to the next space, and long random-looking
/// values after `token`, `secret`, `key` or `bearer`.
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
        // How far the last identifier and the last value after this word
        // were read. An occurrence inside that identifier
        // (`token_token_...`) ends where it did and finds what it found; a
        // value that starts inside the last value (`key=key=...`) is a
        // part of it, random only if the whole was, and masked with it if
        // so. Neither is read again, so a long pasted line costs one pass
        // per word.
        let mut identifier_read = 0;
        let mut value_read = 0;
        while let Some(i) = lower[from..].find(word) {
            let start = from + i;
            from = start + word.len();
            if start < identifier_read {
                continue;
            }
            // The rest of an identifier such as API_KEY_ID or tokens.
            let mut j = run(bytes, from, |b| b.is_ascii_alphanumeric() || b == b'_');
            identifier_read = j;
            let seps = run(bytes, j, |b| matches!(b, b' ' | b'=' | b':' | b'"' | b'\''));
            if seps == j || seps - j > 4 {
                continue;
            }
            // `api_key_name`, `tokenName`: what follows is the name of a
            // key or a token, not the key.
            if lower[from..j].ends_with("name") {
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
            if j < value_read {
                continue;
            }
            let end = match word {
                "authorization" => run(bytes, j, |b| !matches!(b, b'\n' | b'"' | b'\'')),
                "password" | "passwd" => run(bytes, j, |b| {
                    !matches!(b, b' ' | b'\n' | b'"' | b'\'' | b'&')
                }),
                _ => {
                    let end = run(bytes, j, is_value_byte);
                    // A part of a value is random only if the whole is.
                    if end - j < 16 || !looks_random(&bytes[j..end]) {
                        value_read = end;
                        continue;
                    }
                    end
                }
            };
            if end > j {
                spans.push((j, end));
            }
            value_read = end;
        }
    }
}

/// Tokens recognised by their own shape, wherever a word starts.
fn words(text: &str, spans: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    // The end of the last JSON Web Token header read: an `eyJ` inside it
    // (`eyJ-eyJ-...`) shares its end and its parts, so it is no token
    // either, and is not read again.
    let mut header_read = 0;
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let found = if !starts_word {
            None
        } else if bytes[i] == b'e' {
            if i < header_read {
                None
            } else {
                let (found, header) = jwt(bytes, i);
                header_read = header;
                found
            }
        } else {
            token_at(bytes, i)
        };
        match found {
            Some(end) => {
                spans.push((i, end));
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The end of the token that starts at `i`, if one does.
fn token_at(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = &bytes[i..];
    match rest[0] {
        // Slack: `xoxb-`, `xoxp-`, `xoxa-` and the like.
        b'x' if rest.len() > 5
            && rest.starts_with(b"xox")
            && rest[3].is_ascii_alphabetic()
            && rest[4] == b'-' =>
        {
            Some(run(bytes, i, |b| b.is_ascii_alphanumeric() || b == b'-'))
        }
        // AWS access key ids: 20 capitals and digits.
        b'A' if rest.starts_with(b"AKIA") || rest.starts_with(b"ASIA") => {
            let end = run(bytes, i, |b| b.is_ascii_uppercase() || b.is_ascii_digit());
            (end - i == 20).then_some(end)
        }
        b'g' => github(bytes, i).or_else(|| gitlab(bytes, i)),
        b's' | b'r' => stripe(bytes, i),
        _ => None,
    }
}

/// GitHub's tokens: `ghp_` (personal), `gho_` (OAuth), `ghu_` and `ghs_`
/// (apps), `ghr_` (refresh) and 36 letters, digits or `_`, or longer;
/// and fine-grained personal tokens, `github_pat_`, 22 of them, `_` and
/// 59 more.
fn github(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = &bytes[i..];
    if rest.starts_with(b"github_pat_") {
        let body = i + 11;
        let end = run(bytes, body, |b| b.is_ascii_alphanumeric() || b == b'_');
        let b = &bytes[body..end];
        let shaped = b.len() >= 82
            && b[..22].iter().all(u8::is_ascii_alphanumeric)
            && b[22] == b'_'
            && b[23..82].iter().all(u8::is_ascii_alphanumeric);
        return shaped.then_some(end);
    }
    if rest.len() < 4 || !rest.starts_with(b"gh") || !b"pousr".contains(&rest[2]) || rest[3] != b'_'
    {
        return None;
    }
    let body = i + 4;
    let first = run(bytes, body, |b| b.is_ascii_alphanumeric() || b == b'_');
    if first - body < 36 {
        return None;
    }
    // Longer tokens may hold dots and dashes too; a dot that ends a
    // sentence is not the token's.
    let mut end = run(bytes, first, |b| is_base64url(b) || b == b'.');
    while bytes[end - 1] == b'.' {
        end -= 1;
    }
    Some(end)
}

/// GitLab's personal access tokens: `glpat-` and 20 letters, digits,
/// `_` or `-`, or longer (newer ones hold dots).
fn gitlab(bytes: &[u8], i: usize) -> Option<usize> {
    if !bytes[i..].starts_with(b"glpat-") {
        return None;
    }
    let body = i + 6;
    let mut end = run(bytes, body, |b| is_base64url(b) || b == b'.');
    while end > body && bytes[end - 1] == b'.' {
        end -= 1;
    }
    (end - body >= 20).then_some(end)
}

/// Stripe's secret and restricted keys, live or test: `sk_live_`,
/// `rk_live_`, `sk_test_`, `rk_test_` and 10 letters or digits or more.
/// Publishable keys (`pk_`) are meant to be seen.
fn stripe(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = &bytes[i..];
    if rest.len() < 8
        || !matches!(&rest[..3], b"sk_" | b"rk_")
        || !matches!(&rest[3..8], b"live_" | b"test_")
    {
        return None;
    }
    let end = run(bytes, i + 8, |b| b.is_ascii_alphanumeric());
    (end - (i + 8) >= 10).then_some(end)
}

/// A JSON Web Token: base64url parts joined by dots, three or more (an
/// encrypted one has five), the first a JSON header, so `eyJ...`; or an
/// unsecured one, a header and a JSON payload and a final dot.
/// Also where the header's run ends, token or not.
fn jwt(bytes: &[u8], i: usize) -> (Option<usize>, usize) {
    if !bytes[i..].starts_with(b"eyJ") {
        return (None, i);
    }
    let header = run(bytes, i, is_base64url);
    (jwt_after(bytes, i, header), header)
}

fn jwt_after(bytes: &[u8], i: usize, header: usize) -> Option<usize> {
    // The shortest header names its algorithm: `{"alg":"x"}`, 15 long.
    if header - i < 15 {
        return None;
    }
    let mut end = header;
    let mut parts = 1;
    while bytes.get(end) == Some(&b'.') {
        let next = run(bytes, end + 1, is_base64url);
        if next == end + 1 {
            break;
        }
        end = next;
        parts += 1;
    }
    // An unsecured token (`"alg":"none"`) ends in a dot and an empty
    // signature; its payload, `eyJ...` too, is what it carries.
    if parts == 2 && bytes.get(end) == Some(&b'.') && bytes[header + 1..].starts_with(b"eyJ") {
        return Some(end + 1);
    }
    (parts >= 3).then_some(end)
}

/// Private keys in PEM: from `-----BEGIN ... PRIVATE KEY-----` through
/// its `-----END ...-----` line, wherever the lines break (a chat export
/// may keep a pasted key in one message, or join its lines). With no END
/// the key was cut short, and the rest of the text is masked.
fn private_keys(text: &str, spans: &mut Vec<(usize, usize)>) {
    const BEGIN: &str = "-----BEGIN ";
    const END: &str = "-----END ";
    const DASHES: &str = "-----";
    let mut from = 0;
    while let Some(i) = text[from..].find(BEGIN) {
        let start = from + i;
        let label = start + BEGIN.len();
        from = label;
        let Some(close) = text[label..].find(DASHES) else {
            return;
        };
        let name = &text[label..label + close];
        if name.len() > 40
            || name.contains(['\n', '\r'])
            || !(name.ends_with("PRIVATE KEY") || name.ends_with("PRIVATE KEY BLOCK"))
        {
            continue;
        }
        let body = label + close + DASHES.len();
        let end = match text[body..].find(END) {
            Some(j) => {
                let after = body + j + END.len();
                let line = text[after..]
                    .find(['\n', '\r'])
                    .map_or(text.len(), |k| after + k);
                text[after..line]
                    .find(DASHES)
                    .map_or(line, |k| after + k + DASHES.len())
            }
            None if text[body..].trim().is_empty() => continue,
            None => text.len(),
        };
        spans.push((start, end));
        from = end;
    }
}

/// `scheme://user:password@host` keeps the user and masks the password.
/// A password pasted with a raw `@` in it (`app:p@ss@db`) ends at the
/// last `@` before the host, as a URL parser reads it.
fn url_passwords(text: &str, spans: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("://") {
        let start = from + i + 3;
        from = start;
        let authority = run(bytes, start, |b| {
            !(matches!(b, b'/' | b'"' | b'\'' | b'<' | b'>' | b'?' | b'#')
                || b.is_ascii_whitespace())
        });
        let Some(at) = text[start..authority].rfind('@') else {
            continue;
        };
        let end = start + at;
        // `user:@host` has no password to mask.
        if let Some(colon) = text[start..end].find(':')
            && start + colon + 1 < end
        {
            spans.push((start + colon + 1, end));
        }
        from = authority;
    }
}

#[cfg(test)]
#[path = "secrets_tests.rs"]
mod tests;
