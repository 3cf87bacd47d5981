//! Named styles. Render code asks for a meaning ("selected", "negative
//! impact"), never for a colour: every colour literal of the program is in
//! this file.
//!
//! Colour never carries a meaning alone. Impact reads "+ positive",
//! severity reads "SEV2", the selected row has a "▶" marker, a missing
//! owner reads "no owner"; the monochrome theme uses modifiers only and
//! loses nothing.

use ratatui::style::{Color, Modifier, Style};

use crate::app::ThemeName;
use crate::domain::{Impact, Severity};

/// Every style the screens use, by what it means.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// The header bar across the top.
    pub header: Style,
    /// The review's title in the header.
    pub title: Style,
    /// Severity badges, Sev1 to Sev5.
    pub severity: [Style; 5],
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selection marker of a pane that is not focused.
    pub selected_unfocused: Style,
    pub border_focused: Style,
    pub border: Style,
    pub pane_title_focused: Style,
    pub pane_title: Style,
    /// Column headings of a table.
    pub column_header: Style,
    /// Secondary text: counts, definitions, placeholders.
    pub muted: Style,
    pub positive: Style,
    pub negative: Style,
    pub neutral: Style,
    pub unjudged: Style,
    pub warning: Style,
    pub error: Style,
    pub info: Style,
    /// A key in a hint (`a` in "a add").
    pub key: Style,
    /// The "[internal]" marker of internal-only items.
    pub internal: Style,
    /// Words the bias coach flagged, inside the text around them.
    pub flagged: Style,
    pub star: Style,
    /// The focused tab of the narrow layout.
    pub tab_focused: Style,
    pub tab: Style,
    /// The status bar across the bottom.
    pub status_bar: Style,
    /// Labels in forms and the details pane.
    pub label: Style,
    /// The focused field of a form.
    pub field_focused: Style,
    /// A field's value when the field is not focused.
    pub field: Style,
    /// The completion shown after what was typed.
    pub ghost: Style,
    /// Section headings inside a pane or an overlay.
    pub heading: Style,
    /// The background of overlays.
    pub overlay: Style,
    /// What is under an overlay: dimmed, so the overlay stands out.
    pub backdrop: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const BOLD: Modifier = Modifier::BOLD;
const DIM: Modifier = Modifier::DIM;
const REV: Modifier = Modifier::REVERSED;
const UNDER: Modifier = Modifier::UNDERLINED;
const ITALIC: Modifier = Modifier::ITALIC;

/// The default: light text on the terminal's own dark background.
pub const DARK: Theme = Theme {
    text: Style::new(),
    header: Style::new().bg(Color::Indexed(236)),
    title: Style::new().fg(Color::White).add_modifier(BOLD),
    severity: [
        Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::Black)
            .bg(Color::LightRed)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(BOLD),
        Style::new().fg(Color::Black).bg(Color::Cyan),
        Style::new().fg(Color::Black).bg(Color::Gray),
    ],
    selected: Style::new().add_modifier(REV.union(BOLD)),
    selected_unfocused: fg(Color::DarkGray),
    border_focused: fg(Color::LightCyan),
    border: fg(Color::DarkGray),
    pane_title_focused: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    pane_title: fg(Color::Gray),
    column_header: Style::new().fg(Color::Gray).add_modifier(UNDER),
    muted: fg(Color::DarkGray),
    positive: fg(Color::LightGreen),
    negative: fg(Color::LightRed),
    neutral: fg(Color::LightBlue),
    unjudged: fg(Color::Gray),
    warning: fg(Color::Yellow),
    error: Style::new().fg(Color::LightRed).add_modifier(BOLD),
    info: fg(Color::LightCyan),
    key: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    internal: fg(Color::LightMagenta),
    flagged: Style::new().fg(Color::Black).bg(Color::Yellow),
    star: fg(Color::Yellow),
    tab_focused: Style::new()
        .fg(Color::Black)
        .bg(Color::LightCyan)
        .add_modifier(BOLD),
    tab: fg(Color::Gray),
    status_bar: Style::new().bg(Color::Indexed(236)),
    label: fg(Color::Gray),
    field_focused: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    field: Style::new(),
    ghost: Style::new().fg(Color::DarkGray).add_modifier(ITALIC),
    heading: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    overlay: Style::new(),
    backdrop: m(DIM),
};

/// For terminals with a light background: darker, saturated colours.
pub const LIGHT: Theme = Theme {
    text: Style::new(),
    header: Style::new().bg(Color::Indexed(254)),
    title: Style::new().fg(Color::Black).add_modifier(BOLD),
    severity: [
        Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::White)
            .bg(Color::Magenta)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(BOLD),
        Style::new().fg(Color::White).bg(Color::Blue),
        Style::new().fg(Color::Black).bg(Color::Gray),
    ],
    selected: Style::new().add_modifier(REV.union(BOLD)),
    selected_unfocused: fg(Color::Gray),
    border_focused: fg(Color::Blue),
    border: fg(Color::Gray),
    pane_title_focused: Style::new().fg(Color::Blue).add_modifier(BOLD),
    pane_title: fg(Color::DarkGray),
    column_header: Style::new().fg(Color::DarkGray).add_modifier(UNDER),
    muted: fg(Color::DarkGray),
    positive: fg(Color::Green),
    negative: fg(Color::Red),
    neutral: fg(Color::Blue),
    unjudged: fg(Color::DarkGray),
    warning: fg(Color::Indexed(130)),
    error: Style::new().fg(Color::Red).add_modifier(BOLD),
    info: fg(Color::Blue),
    key: Style::new().fg(Color::Magenta).add_modifier(BOLD),
    internal: fg(Color::Magenta),
    flagged: Style::new().fg(Color::Black).bg(Color::LightYellow),
    star: fg(Color::Indexed(130)),
    tab_focused: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(BOLD),
    tab: fg(Color::DarkGray),
    status_bar: Style::new().bg(Color::Indexed(254)),
    label: fg(Color::DarkGray),
    field_focused: Style::new().fg(Color::Blue).add_modifier(BOLD),
    field: Style::new(),
    ghost: Style::new().fg(Color::Gray).add_modifier(ITALIC),
    heading: Style::new().fg(Color::Blue).add_modifier(BOLD),
    overlay: Style::new(),
    backdrop: m(DIM),
};

const fn m(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

/// No colour at all: bold, reversed, underlined and dim only. Used for
/// `NO_COLOR` and for people who find colour noisy.
pub const MONO: Theme = Theme {
    text: Style::new(),
    header: Style::new(),
    title: m(BOLD),
    severity: [
        m(REV.union(BOLD)),
        m(REV.union(BOLD)),
        m(REV),
        m(BOLD),
        m(BOLD),
    ],
    selected: m(REV.union(BOLD)),
    selected_unfocused: m(DIM),
    border_focused: m(BOLD),
    border: m(DIM),
    pane_title_focused: m(BOLD.union(UNDER)),
    pane_title: Style::new(),
    column_header: m(UNDER),
    muted: m(DIM),
    positive: Style::new(),
    negative: m(BOLD),
    neutral: Style::new(),
    unjudged: m(DIM),
    warning: m(BOLD),
    error: m(BOLD.union(UNDER)),
    info: Style::new(),
    key: m(BOLD),
    internal: m(UNDER),
    flagged: m(REV),
    star: m(BOLD),
    tab_focused: m(REV.union(BOLD)),
    tab: Style::new(),
    status_bar: Style::new(),
    label: m(DIM),
    field_focused: m(BOLD.union(UNDER)),
    field: Style::new(),
    ghost: m(DIM),
    heading: m(BOLD.union(UNDER)),
    overlay: Style::new(),
    backdrop: m(DIM),
};

/// For a shared screen or a projector: white on black, bright accents,
/// nothing dim, everything that matters bold.
pub const CONTRAST: Theme = Theme {
    text: Style::new().fg(Color::White).bg(Color::Black),
    header: Style::new().fg(Color::White).bg(Color::Black),
    title: Style::new().fg(Color::White).add_modifier(BOLD),
    severity: [
        Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::Black)
            .bg(Color::LightRed)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::Black)
            .bg(Color::LightYellow)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::Black)
            .bg(Color::LightCyan)
            .add_modifier(BOLD),
        Style::new()
            .fg(Color::Black)
            .bg(Color::White)
            .add_modifier(BOLD),
    ],
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(BOLD),
    selected_unfocused: Style::new().fg(Color::White).add_modifier(BOLD),
    border_focused: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    border: fg(Color::White),
    pane_title_focused: Style::new()
        .fg(Color::LightYellow)
        .add_modifier(BOLD.union(UNDER)),
    pane_title: Style::new().fg(Color::White).add_modifier(BOLD),
    column_header: Style::new().fg(Color::White).add_modifier(UNDER),
    muted: fg(Color::Gray),
    positive: Style::new().fg(Color::LightGreen).add_modifier(BOLD),
    negative: Style::new().fg(Color::LightRed).add_modifier(BOLD),
    neutral: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    unjudged: fg(Color::White),
    warning: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(BOLD),
    info: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    key: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    internal: Style::new().fg(Color::LightMagenta).add_modifier(BOLD),
    flagged: Style::new().fg(Color::Black).bg(Color::LightYellow),
    star: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    tab_focused: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(BOLD),
    tab: fg(Color::White),
    status_bar: Style::new().fg(Color::White).bg(Color::Black),
    label: Style::new().fg(Color::White).add_modifier(BOLD),
    field_focused: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    field: fg(Color::White),
    ghost: fg(Color::Gray),
    heading: Style::new()
        .fg(Color::White)
        .add_modifier(BOLD.union(UNDER)),
    overlay: Style::new().fg(Color::White).bg(Color::Black),
    backdrop: Style::new().fg(Color::Gray).bg(Color::Black),
};

impl Theme {
    pub fn of(name: ThemeName) -> &'static Theme {
        match name {
            ThemeName::Dark => &DARK,
            ThemeName::Light => &LIGHT,
            ThemeName::Mono => &MONO,
            ThemeName::Contrast => &CONTRAST,
        }
    }

    pub fn severity(&self, s: Severity) -> Style {
        let i = Severity::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.severity.get(i).copied().unwrap_or(self.text)
    }

    pub fn impact(&self, i: Impact) -> Style {
        match i {
            Impact::Positive => self.positive,
            Impact::Negative => self.negative,
            Impact::Neutral => self.neutral,
            Impact::Unjudged => self.unjudged,
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }

    pub fn pane_title(&self, focused: bool) -> Style {
        if focused {
            self.pane_title_focused
        } else {
            self.pane_title
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(t: &Theme) -> Vec<Style> {
        let mut all = vec![
            t.text,
            t.header,
            t.title,
            t.selected,
            t.selected_unfocused,
            t.border_focused,
            t.border,
            t.pane_title_focused,
            t.pane_title,
            t.column_header,
            t.muted,
            t.positive,
            t.negative,
            t.neutral,
            t.unjudged,
            t.warning,
            t.error,
            t.info,
            t.key,
            t.internal,
            t.star,
            t.tab_focused,
            t.tab,
            t.status_bar,
            t.label,
            t.field_focused,
            t.field,
            t.ghost,
            t.heading,
            t.overlay,
            t.backdrop,
        ];
        all.extend(t.severity);
        all
    }

    #[test]
    fn monochrome_uses_no_colour() {
        for s in styles(&MONO) {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
    }

    #[test]
    fn the_selection_is_reversed_in_every_theme() {
        for t in [&DARK, &LIGHT, &MONO] {
            assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        }
    }
}
