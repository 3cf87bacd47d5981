//! The README's key table names every command with its real keys.

use debrief::app::commands::COMMANDS;
use debrief::app::keymap::Chord;

#[test]
fn the_readme_lists_every_command_with_its_default_keys() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for c in COMMANDS {
        let keys: Vec<String> = c
            .keys
            .iter()
            .map(|k| format!("`{}`", Chord::parse(k).unwrap()))
            .collect();
        let row = format!("| {} | {} | {} |", keys.join(" "), c.name, c.description);
        assert!(readme.contains(&row), "README lacks the row: {row}");
    }
}
