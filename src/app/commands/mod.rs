//! Every command of the program, as data.
//!
//! One table feeds the keymap, the help overlay, the key hints in the
//! status bar and the command palette, so none of them can drift from the
//! real bindings. Every screen and overlay is a mode with scopes of its own
//! ([`crate::app::Mode`]); a command's row says in which scope its keys
//! work. The same command may have a row in several scopes (`down` moves
//! the selection in a pane, the point in the chart, the text in the help),
//! each with the name and description that mode gives it.

mod import;
mod library;
mod modes;
mod quick;
mod related;
mod workspace;

/// Where a command's keys work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// In the help overlay.
    Help,
    /// In the command palette.
    Palette,
    /// In the report preview.
    Preview,
    /// In the preview's list of items that can be marked internal-only.
    PreviewItems,
    /// In the recovery chart.
    Chart,
    /// In the spotlight on one item.
    Spotlight,
    /// In the quick review.
    Quick,
    /// In `debrief watch`, over the workspace's keys.
    Watcher,
    /// Picking one value (a phase, a kind, a key moment) for the selected
    /// item: a digit or an initial.
    Choose,
    /// In the import view, while it asks for the file or the channel.
    ImportAsk,
    /// In the import view's list of candidate events.
    Import,
    /// On the library screen.
    Library,
    /// In the library's list of the reviews behind a bar, a bin or a
    /// factor.
    LibraryPick,
    /// In the list of the reviews related to the open one.
    Related,
}

impl Scope {
    /// Every scope, in the order the help lists them.
    pub const ALL: [Scope; 23] = [
        Scope::Workspace,
        Scope::List,
        Scope::Timeline,
        Scope::Learnings,
        Scope::Factors,
        Scope::Actions,
        Scope::Parking,
        Scope::Form,
        Scope::Picker,
        Scope::Help,
        Scope::Palette,
        Scope::Preview,
        Scope::PreviewItems,
        Scope::Chart,
        Scope::Spotlight,
        Scope::Quick,
        Scope::Watcher,
        Scope::Choose,
        Scope::ImportAsk,
        Scope::Import,
        Scope::Library,
        Scope::LibraryPick,
        Scope::Related,
    ];

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
            Scope::Help => "Help",
            Scope::Palette => "Command palette",
            Scope::Preview => "Report preview",
            Scope::PreviewItems => "Choosing internal-only items",
            Scope::Chart => "Recovery chart",
            Scope::Spotlight => "Spotlight",
            Scope::Quick => "Quick review",
            Scope::Watcher => "Watching",
            Scope::Choose => "Choosing a value",
            Scope::ImportAsk => "Import: the file",
            Scope::Import => "Import",
            Scope::Library => "Library",
            Scope::LibraryPick => "Library: the reviews behind it",
            Scope::Related => "Related reviews",
        }
    }

    /// The scope's name in `keys.ron`, before a dot: `chart.close`.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Workspace => "workspace",
            Scope::List => "list",
            Scope::Timeline => "timeline",
            Scope::Learnings => "learnings",
            Scope::Factors => "factors",
            Scope::Actions => "actions",
            Scope::Parking => "parking",
            Scope::Form => "form",
            Scope::Picker => "picker",
            Scope::Help => "help",
            Scope::Palette => "palette",
            Scope::Preview => "preview",
            Scope::PreviewItems => "preview_items",
            Scope::Chart => "chart",
            Scope::Spotlight => "spotlight",
            Scope::Quick => "quick",
            Scope::Watcher => "watch",
            Scope::Choose => "choose",
            Scope::ImportAsk => "import_file",
            Scope::Import => "import",
            Scope::Library => "library",
            Scope::LibraryPick => "library_pick",
            Scope::Related => "related",
        }
    }

    /// The scope named `name` in `keys.ron`.
    pub fn named(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the scope is the workspace's: everywhere in it, in a pane,
    /// or in one pane. The palette lists these commands.
    pub fn in_workspace(self) -> bool {
        matches!(
            self,
            Scope::Workspace
                | Scope::List
                | Scope::Timeline
                | Scope::Learnings
                | Scope::Factors
                | Scope::Actions
                | Scope::Parking
        )
    }

    /// Whether printable keys without Ctrl or Alt type text in this scope
    /// when no command takes them.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Scope::Form
                | Scope::Picker
                | Scope::Palette
                | Scope::Quick
                | Scope::Choose
                | Scope::ImportAsk
        )
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
    QuickReview,
    Preview,
    NextQuestion,
    NextStage,
    PrevStage,
    ToggleClock,
    Timeboxes,
    Chart,
    FixCheck,
    Present,
    ToggleMouse,
    Spotlight,
    JudgePositive,
    JudgeNegative,
    JudgeNeutral,
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
    PickEventKind,
    SetMoment,
    ChooseNext,
    ChooseCancel,
    FormClear,
    PromptsDown,
    PromptsUp,
    FormUndo,
    ParkingToAction,
    FormSubmit,
    FormCancel,
    FormNextField,
    FormPrevField,
    FormCycleChoice,
    /// In a choice field the next value; at the end of a text field, the
    /// name offered.
    FormComplete,
    FormCycleBack,
    /// Enter in a form: save, or a new line in a text of several lines.
    FormEnter,
    PickerOpen,
    PickerNew,
    /// Close the overlay on top.
    Close,
    /// Run the command selected in the palette.
    Run,
    /// Switch the preview between the public summary and the internal report.
    SwitchReport,
    /// Open the preview's list of items that can be marked internal-only.
    ChooseInternal,
    /// Go from the chart's point to its event in the timeline.
    GoToEvent,
    /// The quick review's next step.
    NextStep,
    /// The quick review's previous step.
    PrevStep,
    /// Enter in the quick review: a new line, the next key moment, or the
    /// export in the last step.
    QuickEnter,
    /// Take over a review shown read-only once its holder closed it.
    TakeOver,
    /// Open the import view.
    ImportView,
    /// Read the file typed in the import view, or the channel chosen.
    ImportRead,
    /// Keep or drop the selected line of an import.
    ImportToggle,
    ImportKeepAll,
    ImportDropAll,
    /// Hide or show the lines of bots and alerts.
    ImportBots,
    /// Show only the selected line's actor, or everyone.
    ImportPerson,
    /// Hide the lines before the selected one.
    ImportFrom,
    /// Hide the lines after the selected one.
    ImportTo,
    /// Show every line again.
    ImportClear,
    /// Add the people not among the participants, or not.
    ImportPeople,
    /// Add the kept lines to the timeline.
    ImportAdd,
    /// Open the library screen from the list of reviews.
    Library,
    /// Enter on the library screen: open the review behind the selection,
    /// or list the reviews behind it.
    OpenItem,
    /// Count the library's reviews by month or by quarter.
    SwitchPeriod,
    /// List the reviews related to the open one, to open one.
    Related,
    /// Open again the review the open one was opened from, by the list of
    /// related reviews.
    RelatedBack,
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

/// Every row of the table: the workspace's, then the other modes', in
/// the order the help lists them.
pub fn all() -> impl Iterator<Item = &'static Command> {
    workspace::WORKSPACE
        .iter()
        .chain(import::OPEN)
        .chain(related::OPEN)
        .chain(modes::MODES)
        .chain(quick::QUICK)
        .chain(import::IMPORT)
        .chain(library::LIBRARY)
        .chain(related::RELATED)
}

/// The rows of one scope, in the table's order.
pub fn in_scope(scope: Scope) -> impl Iterator<Item = &'static Command> {
    all().filter(move |c| c.scope == scope)
}

/// The first table row for `id`.
pub fn command(id: CommandId) -> &'static Command {
    all()
        .find(|c| c.id == id)
        .expect("every command id has a row in the table")
}
