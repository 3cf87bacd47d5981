//! Every command of the program, as data.
//!
//! One table feeds the keymap, the help overlay, the key hints in the
//! status bar and the command palette, so none of them can drift from the
//! real bindings.

/// Where a command applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Anywhere in the workspace, when no overlay is open.
    Workspace,
    /// In any list pane (timeline, learnings, factors, action items,
    /// parking lot, details).
    List,
    Timeline,
    Learnings,
    Factors,
    Actions,
    Parking,
    /// In a form or an editor.
    Form,
    /// In the list of reviews shown at start.
    Picker,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Workspace => "Everywhere",
            Scope::List => "In a pane",
            Scope::Timeline => "Timeline",
            Scope::Learnings => "Learnings",
            Scope::Factors => "Contributing factors",
            Scope::Actions => "Action items",
            Scope::Parking => "Parking lot",
            Scope::Form => "Editing",
            Scope::Picker => "Reviews",
        }
    }
}

/// What a command does; the update function matches on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandId {
    Quit,
    Help,
    Palette,
    Undo,
    Redo,
    NextPane,
    PrevPane,
    FocusTimeline,
    FocusLearnings,
    FocusFactors,
    FocusActions,
    FocusParking,
    FocusDetails,
    Export,
    ExportTo,
    CycleTheme,
    Preview,
    NextQuestion,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Add,
    Edit,
    Delete,
    ToggleInternal,
    KeepQuote,
    QuickEntry,
    CycleImpact,
    CyclePhase,
    ToggleStar,
    CycleLearningKind,
    CycleEffect,
    CycleArea,
    CycleActionStatus,
    CyclePriority,
    ParkingToAction,
    FormSubmit,
    FormCancel,
    FormNextField,
    FormPrevField,
    FormCycleChoice,
    PickerOpen,
    PickerNew,
}

/// One row of the command table.
#[derive(Clone, Copy, Debug)]
pub struct Command {
    pub id: CommandId,
    /// Short name, as shown in the palette and the key hints.
    pub name: &'static str,
    pub description: &'static str,
    /// Default keys, in the keymap's notation (`ctrl-p`, `shift-tab`, `G`).
    pub keys: &'static [&'static str],
    pub scope: Scope,
    /// Shown in the status bar's hints when its scope is active.
    pub hint: bool,
}

const fn cmd(
    id: CommandId,
    name: &'static str,
    description: &'static str,
    keys: &'static [&'static str],
    scope: Scope,
    hint: bool,
) -> Command {
    Command {
        id,
        name,
        description,
        keys,
        scope,
        hint,
    }
}

use CommandId as C;
use Scope as S;

/// The command table, in the order the help overlay lists it.
pub const COMMANDS: &[Command] = &[
    cmd(
        C::Help,
        "help",
        "Show every key and command",
        &["?", "f1"],
        S::Workspace,
        true,
    ),
    cmd(
        C::Palette,
        "palette",
        "Search every command by name",
        &[":", "ctrl-p"],
        S::Workspace,
        true,
    ),
    cmd(
        C::Quit,
        "quit",
        "Save and quit",
        &["q", "ctrl-c"],
        S::Workspace,
        true,
    ),
    cmd(
        C::Undo,
        "undo",
        "Undo the last change to the review",
        &["u", "ctrl-z"],
        S::Workspace,
        true,
    ),
    cmd(
        C::Redo,
        "redo",
        "Redo the change last undone",
        &["ctrl-r", "ctrl-y"],
        S::Workspace,
        false,
    ),
    cmd(
        C::NextPane,
        "next pane",
        "Focus the next pane",
        &["tab"],
        S::Workspace,
        false,
    ),
    cmd(
        C::PrevPane,
        "previous pane",
        "Focus the previous pane",
        &["shift-tab"],
        S::Workspace,
        false,
    ),
    cmd(
        C::FocusTimeline,
        "timeline",
        "Focus the timeline",
        &["1"],
        S::Workspace,
        false,
    ),
    cmd(
        C::FocusLearnings,
        "learnings",
        "Focus the learnings",
        &["2"],
        S::Workspace,
        false,
    ),
    cmd(
        C::FocusFactors,
        "factors",
        "Focus the contributing factors",
        &["3"],
        S::Workspace,
        false,
    ),
    cmd(
        C::FocusActions,
        "action items",
        "Focus the action items",
        &["4"],
        S::Workspace,
        false,
    ),
    cmd(
        C::FocusParking,
        "parking lot",
        "Focus the parking lot",
        &["5"],
        S::Workspace,
        false,
    ),
    cmd(
        C::FocusDetails,
        "details",
        "Key moments, metrics, people and summary fields",
        &["6"],
        S::Workspace,
        false,
    ),
    cmd(
        C::Export,
        "export",
        "Export the internal and public Markdown reports beside the review",
        &["e"],
        S::Workspace,
        true,
    ),
    cmd(
        C::ExportTo,
        "export to…",
        "Export both reports to a folder you type",
        &["E"],
        S::Workspace,
        false,
    ),
    cmd(
        C::Preview,
        "preview",
        "Read the public summary exactly as it will be exported (Tab: the internal report)",
        &["P"],
        S::Workspace,
        true,
    ),
    cmd(
        C::NextQuestion,
        "next question",
        "Show the next question to ask for this pane",
        &["."],
        S::Workspace,
        true,
    ),
    cmd(
        C::CycleTheme,
        "theme",
        "Switch between dark, light and monochrome",
        &["T"],
        S::Workspace,
        false,
    ),
    cmd(
        C::Down,
        "down",
        "Select the next item",
        &["j", "down"],
        S::List,
        false,
    ),
    cmd(
        C::Up,
        "up",
        "Select the previous item",
        &["k", "up"],
        S::List,
        false,
    ),
    cmd(
        C::Top,
        "top",
        "Select the first item",
        &["g", "home"],
        S::List,
        false,
    ),
    cmd(
        C::Bottom,
        "bottom",
        "Select the last item",
        &["G", "end"],
        S::List,
        false,
    ),
    cmd(
        C::PageDown,
        "page down",
        "Move a page down",
        &["pagedown", "ctrl-d"],
        S::List,
        false,
    ),
    cmd(
        C::PageUp,
        "page up",
        "Move a page up",
        &["pageup", "ctrl-u"],
        S::List,
        false,
    ),
    cmd(
        C::Add,
        "add",
        "Add an item to this pane",
        &["a"],
        S::List,
        true,
    ),
    cmd(
        C::Edit,
        "edit",
        "Edit the selected item",
        &["enter"],
        S::List,
        true,
    ),
    cmd(
        C::Delete,
        "delete",
        "Delete the selected item (undo brings it back)",
        &["x", "delete"],
        S::List,
        true,
    ),
    cmd(
        C::ToggleInternal,
        "internal only",
        "Mark the selected item internal-only, or public again",
        &["i"],
        S::List,
        false,
    ),
    cmd(
        C::KeepQuote,
        "keep as quote",
        "Keep the item's flagged words as a direct quote (again: flag them again)",
        &["\""],
        S::List,
        false,
    ),
    cmd(
        C::QuickEntry,
        "quick entry",
        "Type an event in one line: 16:02 gary: saw the login page fail",
        &["n"],
        S::Timeline,
        true,
    ),
    cmd(
        C::CycleImpact,
        "impact",
        "Cycle the event's impact on recovery: unjudged, positive, negative, neutral",
        &["m"],
        S::Timeline,
        true,
    ),
    cmd(
        C::CyclePhase,
        "phase",
        "Cycle the event's phase",
        &["p"],
        S::Timeline,
        true,
    ),
    cmd(
        C::ToggleStar,
        "star",
        "Star the event, to keep it in long reports",
        &["s"],
        S::Timeline,
        true,
    ),
    cmd(
        C::CycleLearningKind,
        "kind",
        "Cycle the learning's kind",
        &["t"],
        S::Learnings,
        true,
    ),
    cmd(
        C::CycleEffect,
        "helped/hurt",
        "Switch the factor between helped and hurt",
        &["t"],
        S::Factors,
        true,
    ),
    cmd(
        C::CycleArea,
        "area",
        "Cycle the factor's area: people, process, technology",
        &["r"],
        S::Factors,
        true,
    ),
    cmd(
        C::CycleActionStatus,
        "status",
        "Cycle the action item's status",
        &["t"],
        S::Actions,
        true,
    ),
    cmd(
        C::CyclePriority,
        "priority",
        "Cycle the action item's priority",
        &["p"],
        S::Actions,
        true,
    ),
    cmd(
        C::ParkingToAction,
        "to action item",
        "Turn the parking lot item into an action item",
        &["A"],
        S::Parking,
        true,
    ),
    cmd(
        C::FormSubmit,
        "save",
        "Save the form (Enter too, except in a text of several lines)",
        &["ctrl-s"],
        S::Form,
        true,
    ),
    cmd(
        C::FormCancel,
        "cancel",
        "Close without saving",
        &["esc"],
        S::Form,
        true,
    ),
    cmd(
        C::FormNextField,
        "next field",
        "Go to the next field",
        &["tab"],
        S::Form,
        true,
    ),
    cmd(
        C::FormPrevField,
        "previous field",
        "Go to the previous field",
        &["shift-tab"],
        S::Form,
        false,
    ),
    cmd(
        C::FormCycleChoice,
        "change choice",
        "Change a choice field (left and right too)",
        &["space"],
        S::Form,
        true,
    ),
    cmd(
        C::PickerOpen,
        "open",
        "Open the selected review",
        &["enter"],
        S::Picker,
        true,
    ),
    cmd(
        C::PickerNew,
        "new review",
        "Create a review (title and severity)",
        &["ctrl-n"],
        S::Picker,
        true,
    ),
    cmd(C::Quit, "quit", "Quit", &["esc", "ctrl-c"], S::Picker, true),
];

/// The first table row for `id`.
pub fn command(id: CommandId) -> &'static Command {
    COMMANDS
        .iter()
        .find(|c| c.id == id)
        .expect("every command id has a row in the table")
}
