//! The key that lists the reviews related to the open one, and the keys
//! of that list: move, open one in the workspace, go back to the review
//! it was opened from.

use super::{Command, CommandId as C, Scope as S, cmd};

/// The key that opens the list, from anywhere in the workspace.
pub const OPEN: &[Command] = &[cmd(
    C::Related,
    "related reviews",
    "List the reviews that share a service, a tag, an incident or a factor's words with this one, to open one",
    &["R"],
    S::Workspace,
    false,
)];

/// The list's commands, in the order the help lists them.
pub const RELATED: &[Command] = &[
    cmd(
        C::OpenItem,
        "open",
        "Open the selected review in the workspace (this one is saved first)",
        &["enter"],
        S::Related,
        true,
    ),
    cmd(
        C::Down,
        "down",
        "Select the next review",
        &["down", "j"],
        S::Related,
        true,
    ),
    cmd(
        C::Up,
        "up",
        "Select the previous review",
        &["up", "k"],
        S::Related,
        true,
    ),
    cmd(
        C::Top,
        "top",
        "Select the first review",
        &["g", "home"],
        S::Related,
        false,
    ),
    cmd(
        C::Bottom,
        "bottom",
        "Select the last review",
        &["G", "end"],
        S::Related,
        false,
    ),
    cmd(
        C::RelatedBack,
        "back",
        "Go back to the review this one was opened from by this list (it is saved first)",
        &["b", "backspace"],
        S::Related,
        false,
    ),
    cmd(
        C::Help,
        "help",
        "Show every key",
        &["?", "f1"],
        S::Related,
        false,
    ),
    cmd(
        C::Close,
        "close",
        "Close the list",
        &["esc", "q", "R"],
        S::Related,
        true,
    ),
];
