//! The lists a person types into one field: a review's tags and its
//! other incidents.

use super::text::Text;

/// Tags as a person types them (`db, #DNS  network`): split at commas,
/// semicolons and white space, without a leading `#`, lowercased, each
/// once, in the order given.
pub fn parse_tags(value: &str) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    for word in split_list(value) {
        let tag = word.trim_start_matches('#').to_lowercase();
        if !tag.is_empty() && !out.iter().any(|t| *t == *tag) {
            out.push(Text::new(tag));
        }
    }
    out
}

/// Incident references as a person types them (`INC-1041, PD-77`): split
/// at commas, semicolons and white space, each once (ignoring case), as
/// written.
pub fn parse_references(value: &str) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    for word in split_list(value) {
        if !out.iter().any(|t| t.eq_ignore_ascii_case(word)) {
            out.push(Text::new(word));
        }
    }
    out
}

fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// A list as the forms and `set` show it: `a, b`.
pub fn join_list(items: &[Text]) -> String {
    items
        .iter()
        .map(Text::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn tags_are_split_lowercased_and_kept_once() {
        assert_eq!(
            parse_tags(" db, #DNS  network;db ,, "),
            [Text::new("db"), Text::new("dns"), Text::new("network")]
        );
        assert_eq!(parse_tags("#"), Vec::<Text>::new());
    }

    #[test]
    fn references_keep_their_case_and_are_kept_once() {
        assert_eq!(
            parse_references("INC-1041, PD-77 inc-1041;"),
            [Text::new("INC-1041"), Text::new("PD-77")]
        );
    }
}
