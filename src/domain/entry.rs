//! The quick entry's tags: an event's kind and phase written at the end of
//! its line, `16:05 ana: paged the on-call #alert #triage`. A tag is `#`
//! and the start of a kind or a phase (`#al`, `#tri`), or one of their
//! other spellings (`#page`, `#detect`). A word that starts with `#` but
//! names neither (`PR #123`, `#incident-42`) stays part of the text.

use super::timeline::{EventKind, Phase};

/// An event's text with its tags taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged<'a> {
    pub text: &'a str,
    pub kind: Option<EventKind>,
    pub phase: Option<Phase>,
}

/// What a tag names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Kind(EventKind),
    Phase(Phase),
}

impl Tag {
    fn label(self) -> &'static str {
        match self {
            Tag::Kind(k) => k.label(),
            Tag::Phase(p) => p.label(),
        }
    }
}

/// Takes the tags off the end of `text`. A tag that could be two things
/// (`#de`: decision or detection) or a second kind or phase is an error
/// that says so.
pub fn parse_tags(text: &str) -> Result<Tagged<'_>, String> {
    let mut out = Tagged {
        text: text.trim(),
        kind: None,
        phase: None,
    };
    loop {
        let rest = out.text;
        let (before, word) = match rest.rfind(char::is_whitespace) {
            Some(i) => (rest[..i].trim_end(), &rest[i..]),
            None => ("", rest),
        };
        let word = word.trim();
        let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty()) else {
            return Ok(out);
        };
        let Some(found) = tag_named(tag)? else {
            return Ok(out);
        };
        match found {
            Tag::Kind(k) if out.kind.is_none() => out.kind = Some(k),
            Tag::Phase(p) if out.phase.is_none() => out.phase = Some(p),
            Tag::Kind(_) => return Err(format!("'{word}' is a second kind: give one")),
            Tag::Phase(_) => return Err(format!("'{word}' is a second phase: give one")),
        }
        out.text = before;
    }
}

fn every_tag() -> impl Iterator<Item = Tag> {
    EventKind::ALL
        .iter()
        .map(|k| Tag::Kind(*k))
        .chain(Phase::ALL.iter().map(|p| Tag::Phase(*p)))
}

fn spellings(tag: Tag) -> (&'static str, &'static [&'static str]) {
    match tag {
        Tag::Kind(k) => (k.label(), k.aliases()),
        Tag::Phase(p) => (p.label(), p.aliases()),
    }
}

/// The kind or phase a tag names: a label or another spelling in full, or
/// the start of exactly one label. None when it names nothing.
fn tag_named(tag: &str) -> Result<Option<Tag>, String> {
    let wanted = tag.to_lowercase();
    let squash = |s: &str| s.replace([' ', '-', '_'], "");
    let wanted = squash(&wanted);
    if let Some(t) = every_tag().find(|t| {
        let (label, aliases) = spellings(*t);
        squash(label) == wanted || aliases.iter().any(|a| squash(a) == wanted)
    }) {
        return Ok(Some(t));
    }
    let starts: Vec<Tag> = every_tag()
        .filter(|t| squash(spellings(*t).0).starts_with(&wanted))
        .collect();
    match starts.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        many => {
            let names: Vec<&str> = many.iter().map(|t| t.label()).collect();
            Err(format!(
                "'#{tag}' could be {}: type more of it",
                names.join(" or ")
            ))
        }
    }
}

/// The short form of the syntax, for a hint.
pub const TAGS_HINT: &str = "#kind #phase at the end, a start will do: #al #tri";

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> (String, Option<EventKind>, Option<Phase>) {
        let t = parse_tags(s).unwrap();
        (t.text.to_owned(), t.kind, t.phase)
    }

    #[test]
    fn a_line_without_tags_is_left_alone() {
        assert_eq!(
            tags("paged the on-call"),
            ("paged the on-call".into(), None, None)
        );
        assert_eq!(tags(""), (String::new(), None, None));
    }

    #[test]
    fn kind_and_phase_are_read_in_either_order_by_a_start_or_a_spelling() {
        let want = (
            "paged the on-call".into(),
            Some(EventKind::Alert),
            Some(Phase::Triage),
        );
        assert_eq!(tags("paged the on-call #alert #triage"), want);
        assert_eq!(tags("paged the on-call #tri #al"), want);
        assert_eq!(tags("paged the on-call  #PAGE   #t"), want);
        assert_eq!(
            tags("rolled back #remediate"),
            ("rolled back".into(), None, Some(Phase::Remediation))
        );
        assert_eq!(
            tags("updated it #status-page"),
            ("updated it".into(), Some(EventKind::StatusPage), None)
        );
        assert_eq!(
            tags("#dec"),
            (String::new(), Some(EventKind::Decision), None)
        );
    }

    #[test]
    fn hashes_that_name_nothing_stay_in_the_text() {
        assert_eq!(
            tags("merged PR #123"),
            ("merged PR #123".into(), None, None)
        );
        assert_eq!(
            tags("asked in #incident-42 #obs"),
            (
                "asked in #incident-42".into(),
                Some(EventKind::Observation),
                None
            )
        );
        // Only the tags at the end are read.
        assert_eq!(
            tags("#alert fired twice"),
            ("#alert fired twice".into(), None, None)
        );
        assert_eq!(tags("#"), ("#".into(), None, None));
    }

    #[test]
    fn a_tag_that_could_be_two_things_or_a_second_kind_is_explained() {
        let e = parse_tags("looked #de").unwrap_err();
        assert_eq!(e, "'#de' could be decision or detection: type more of it");
        let e = parse_tags("looked #i").unwrap_err();
        assert!(e.contains("investigation or identification"), "{e}");
        let e = parse_tags("looked #alert #cmd").unwrap_err();
        assert_eq!(e, "'#alert' is a second kind: give one");
        let e = parse_tags("looked #triage #detect").unwrap_err();
        assert!(e.contains("second phase"), "{e}");
    }
}
