//! The `.gitignore` debrief keeps in a data folder that is in a git
//! repository, so that its transient files (backups, locks, drafts, follow
//! files, journals, temporary files, rescued copies and the library's
//! cache) are never committed. Lines a team added are kept as they are;
//! only the missing patterns are appended.

use std::path::Path;

use super::atomic::{Replace, write_atomic};
use super::read::{self, Links};

/// The patterns, one per transient file debrief writes beside reviews.
pub const PATTERNS: &[&str] = &[
    "*.ron.bak",
    "*.ron.lock",
    "*.ron.draft",
    "*.ron.follow",
    "*.ron.journal",
    "*.rescued-*.ron",
    ".*.tmp",
    ".index.json",
    ".index-text.json",
    ".index-rows.json",
    ".index-rows",
    ".index-words",
];

const HEADING: &str = "# Transient files of debrief (kept by debrief; add your own lines freely)";

/// Whether `dir` or a folder above it holds `.git`.
pub fn in_repository(dir: &Path) -> bool {
    dir.ancestors().any(|d| d.join(".git").exists())
}

/// The `.gitignore` text with every pattern of [`PATTERNS`]: `current`
/// unchanged when it has them all, else `current` with the missing ones
/// appended under a heading.
pub fn with_patterns(current: &str) -> Option<String> {
    let have: Vec<&str> = current.lines().map(str::trim).collect();
    let missing: Vec<&str> = PATTERNS
        .iter()
        .copied()
        .filter(|p| !have.contains(p))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut out = current.to_owned();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !have.contains(&HEADING) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(HEADING);
        out.push('\n');
    }
    for p in missing {
        out.push_str(p);
        out.push('\n');
    }
    Some(out)
}

/// Keeps `<root>/.gitignore` holding [`PATTERNS`] when `root` is in a git
/// repository. Best effort: a file that cannot be read or written is left
/// alone, and nothing fails because of it.
pub fn keep(root: &Path) {
    if !in_repository(root) {
        return;
    }
    let path = root.join(".gitignore");
    let current = match read::read_if_present(&path, Links::Refuse, 1 << 20) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return,
        },
        Ok(None) => String::new(),
        Err(_) => return,
    };
    if let Some(text) = with_patterns(&current) {
        let _ = write_atomic(&path, text.as_bytes(), Replace::Overwrite);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_patterns_are_appended_and_a_team_s_lines_kept() {
        let team = "secrets/\n*.ron.bak\n!keep.ron";
        let out = with_patterns(team).expect("some are missing");
        assert!(out.starts_with("secrets/\n*.ron.bak\n!keep.ron\n"), "{out}");
        assert_eq!(out.matches("*.ron.bak").count(), 1, "{out}");
        for p in PATTERNS {
            assert!(out.lines().any(|l| l == *p), "{p} missing from {out}");
        }
        assert_eq!(with_patterns(&out), None, "a second pass changes nothing");
    }

    #[test]
    fn an_empty_file_gets_the_heading_and_every_pattern() {
        let out = with_patterns("").expect("all are missing");
        assert_eq!(out.lines().next(), Some(HEADING));
        assert_eq!(out.lines().count(), PATTERNS.len() + 1);
    }
}
