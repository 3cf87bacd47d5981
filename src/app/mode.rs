//! Where the user is: every screen and overlay is a mode, and each mode
//! has the scopes of the command table whose keys work in it, the most
//! specific first.

use super::commands::Scope;
use super::state::{App, Audience, Overlay, Pane, Screen};

/// A screen or an overlay, as far as keys are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The list of reviews shown at start.
    Picker,
    /// The workspace, with this pane focused.
    Workspace(Pane),
    /// A watcher's view of the workspace, with this pane focused.
    Watching(Pane),
    Help,
    Palette,
    Preview,
    /// The preview with its list of items open.
    PreviewItems,
    Chart,
    Spotlight,
    Form,
    Quick,
    /// Picking a value for the selected item.
    Choose,
    /// The import view, asking for the file or the channel.
    ImportAsk,
    /// The import view's list of candidate events.
    Import,
    /// The fix of a line of the import view.
    ImportEdit,
    /// The team's library of reviews.
    Library,
    /// The library's list of the reviews behind a bar, a bin or a factor.
    LibraryPick,
    /// The list of the reviews related to the open one.
    Related,
}

impl Mode {
    /// Every mode, each workspace pane as one.
    pub fn all() -> Vec<Mode> {
        let mut out = vec![Mode::Picker];
        out.extend(Pane::ALL.map(Mode::Workspace));
        out.extend(Pane::ALL.map(Mode::Watching));
        out.extend([
            Mode::Help,
            Mode::Palette,
            Mode::Preview,
            Mode::PreviewItems,
            Mode::Chart,
            Mode::Spotlight,
            Mode::Form,
            Mode::Quick,
            Mode::Choose,
            Mode::ImportAsk,
            Mode::Import,
            Mode::ImportEdit,
            Mode::Library,
            Mode::LibraryPick,
            Mode::Related,
        ]);
        out
    }

    /// The scopes whose keys work here, the most specific first: the first
    /// that binds a key wins.
    pub fn scopes(self) -> &'static [Scope] {
        match self {
            Mode::Picker => &[Scope::Picker],
            Mode::Workspace(Pane::Timeline) => &[Scope::Timeline, Scope::List, Scope::Workspace],
            Mode::Workspace(Pane::Learnings) => &[Scope::Learnings, Scope::List, Scope::Workspace],
            Mode::Workspace(Pane::Factors) => &[Scope::Factors, Scope::List, Scope::Workspace],
            Mode::Workspace(Pane::Actions) => &[Scope::Actions, Scope::List, Scope::Workspace],
            Mode::Workspace(Pane::Parking) => &[Scope::Parking, Scope::List, Scope::Workspace],
            Mode::Workspace(Pane::Details) => &[Scope::List, Scope::Workspace],
            Mode::Watching(Pane::Timeline) => &[
                Scope::Watcher,
                Scope::Timeline,
                Scope::List,
                Scope::Workspace,
            ],
            Mode::Watching(Pane::Learnings) => &[
                Scope::Watcher,
                Scope::Learnings,
                Scope::List,
                Scope::Workspace,
            ],
            Mode::Watching(Pane::Factors) => &[
                Scope::Watcher,
                Scope::Factors,
                Scope::List,
                Scope::Workspace,
            ],
            Mode::Watching(Pane::Actions) => &[
                Scope::Watcher,
                Scope::Actions,
                Scope::List,
                Scope::Workspace,
            ],
            Mode::Watching(Pane::Parking) => &[
                Scope::Watcher,
                Scope::Parking,
                Scope::List,
                Scope::Workspace,
            ],
            Mode::Watching(Pane::Details) => &[Scope::Watcher, Scope::List, Scope::Workspace],
            Mode::Help => &[Scope::Help],
            Mode::Palette => &[Scope::Palette],
            Mode::Preview => &[Scope::Preview],
            Mode::PreviewItems => &[Scope::PreviewItems],
            Mode::Chart => &[Scope::Chart],
            Mode::Spotlight => &[Scope::Spotlight],
            Mode::Form => &[Scope::Form],
            Mode::Quick => &[Scope::Quick],
            Mode::Choose => &[Scope::Choose],
            Mode::ImportAsk => &[Scope::ImportAsk],
            Mode::Import => &[Scope::Import],
            Mode::ImportEdit => &[Scope::Form],
            Mode::Library => &[Scope::Library],
            Mode::LibraryPick => &[Scope::LibraryPick],
            Mode::Related => &[Scope::Related],
        }
    }

    /// Whether printable keys that no command takes type text here.
    pub fn takes_text(self) -> bool {
        self.scopes().iter().any(|s| s.takes_text())
    }

    /// The mode of an overlay.
    fn of_overlay(overlay: &Overlay) -> Mode {
        match overlay {
            Overlay::Help { .. } => Mode::Help,
            Overlay::Palette(_) => Mode::Palette,
            Overlay::Form(_) => Mode::Form,
            Overlay::Preview(p) if p.picking.is_some() => Mode::PreviewItems,
            Overlay::Preview(_) => Mode::Preview,
            Overlay::Chart { .. } => Mode::Chart,
            Overlay::Spotlight => Mode::Spotlight,
            Overlay::Quick(_) => Mode::Quick,
            Overlay::Choose(_) => Mode::Choose,
            Overlay::Related { .. } => Mode::Related,
            Overlay::Import(i) => match &i.step {
                super::import::Step::List(l) if l.edit.is_some() => Mode::ImportEdit,
                super::import::Step::List(_) => Mode::Import,
                _ => Mode::ImportAsk,
            },
        }
    }

    /// The mode of the screen under the overlays.
    fn of_screen(app: &App) -> Mode {
        match &app.screen {
            Screen::Picker(_) => Mode::Picker,
            Screen::Workspace(ws) if app.audience == Audience::Watcher => Mode::Watching(ws.focus),
            Screen::Workspace(ws) => Mode::Workspace(ws.focus),
            Screen::Library(view) if view.picking.is_some() => Mode::LibraryPick,
            Screen::Library(_) => Mode::Library,
        }
    }
}

impl App {
    /// The mode that sees the next key: the top overlay's, else the
    /// screen's.
    pub fn mode(&self) -> Mode {
        self.overlays
            .last()
            .map_or_else(|| Mode::of_screen(self), Mode::of_overlay)
    }

    /// The mode under the top overlay: what the help was opened over.
    pub fn mode_below(&self) -> Mode {
        match self.overlays.len() {
            0 | 1 => Mode::of_screen(self),
            n => Mode::of_overlay(&self.overlays[n - 2]),
        }
    }
}
