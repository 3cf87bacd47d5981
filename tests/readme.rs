//! The README's key table names every command with its real keys.

use debrief::app::commands;
use debrief::app::keymap::Chord;

/// The README's row for each command of the table, in its order.
fn rows() -> Vec<String> {
    commands::all()
        .map(|c| {
            let keys: Vec<String> = c
                .keys
                .iter()
                .map(|k| format!("`{}`", Chord::parse(k).unwrap()))
                .collect();
            format!(
                "| {} | {} | {} | {} |",
                c.scope.label(),
                keys.join(" "),
                c.name,
                c.description
            )
        })
        .collect()
}

#[test]
fn the_readme_lists_every_command_with_its_default_keys() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let missing: Vec<String> = rows()
        .into_iter()
        .filter(|row| !readme.contains(row.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "README lacks these rows (the whole table, in order, is below):\n{}\n\n{}",
        missing.join("\n"),
        rows().join("\n")
    );
}
