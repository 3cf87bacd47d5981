//! The quick review's commands, and the watcher's.

use super::{Command, CommandId as C, Scope as S, cmd};

/// The quick review's and the watcher's commands.
pub const QUICK: &[Command] = &[
    // The quick review: what is typed goes into the focused text.
    cmd(
        C::QuickEnter,
        "new line",
        "A new line; in the key moments the next moment; in the last step, export",
        &["enter"],
        S::Quick,
        true,
    ),
    cmd(
        C::FormNextField,
        "next",
        "The next field, and from the last one the next step",
        &["tab"],
        S::Quick,
        true,
    ),
    cmd(
        C::FormPrevField,
        "back",
        "The previous field, and from the first one the previous step",
        &["shift-tab"],
        S::Quick,
        false,
    ),
    cmd(
        C::NextStep,
        "skip step",
        "Keep what the step holds and go to the next step",
        &["ctrl-n", "ctrl-s"],
        S::Quick,
        true,
    ),
    cmd(
        C::PrevStep,
        "step back",
        "Keep what the step holds and go to the previous step",
        &["ctrl-p"],
        S::Quick,
        true,
    ),
    cmd(
        C::Down,
        "down",
        "The next line; in the key moments the next moment; from the last line of what went well, what to improve",
        &["down"],
        S::Quick,
        false,
    ),
    cmd(
        C::Up,
        "up",
        "The previous line; in the key moments the previous moment; from the first line of what to improve, what went well",
        &["up"],
        S::Quick,
        false,
    ),
    cmd(C::Help, "help", "Show every key", &["f1"], S::Quick, false),
    cmd(
        C::FormCancel,
        "full workspace",
        "Keep everything entered and open the full workspace",
        &["esc", "f2", "ctrl-c"],
        S::Quick,
        true,
    ),
    // Watching: the workspace's keys move the watcher's own view.
    cmd(
        C::Quit,
        "stop watching",
        "Stop watching (q and Ctrl-C too)",
        &["esc"],
        S::Watcher,
        true,
    ),
];
