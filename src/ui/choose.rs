//! The choice of one value for the selected item: each value with the
//! digit and, where it is unique, the initial that takes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::keys;
use super::layout::centered;
use super::text::wrap_line;
use super::theme::Theme;
use crate::app::App;
use crate::app::commands::{CommandId, Scope};
use crate::app::editing::Choice;

pub fn draw(app: &App, choice: &Choice, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let mut spans = Vec::new();
    for (i, option) in choice.options.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.muted));
        }
        let style = if choice.current == Some(i) {
            theme.selected
        } else {
            theme.text
        };
        spans.push(Span::styled(choice.digit(i).to_string(), theme.key));
        spans.push(Span::styled(" ", style));
        match choice.initial(i) {
            // The initial underlined in its word: "t" of "triage".
            Some(_) => {
                let (first, rest) =
                    option.split_at(option.chars().next().map_or(0, char::len_utf8));
                spans.push(Span::styled(first.to_owned(), theme.key));
                spans.push(Span::styled(rest.to_owned(), style));
            }
            None => spans.push(Span::styled((*option).to_owned(), style)),
        }
    }
    let key = |id| keys::first(&app.keymap, Scope::Choose, id).unwrap_or_else(|| "(no key)".into());
    let footer = Line::from(vec![
        Span::styled(key(CommandId::ChooseNext), theme.key),
        Span::styled(" the next one · ", theme.muted),
        Span::styled(key(CommandId::ChooseCancel), theme.key),
        Span::styled(" leave it", theme.muted),
    ]);
    let width = 76.min(area.width.saturating_sub(2));
    let inner = usize::from(width.saturating_sub(2).max(1));
    let mut text = wrap_line(&Line::from(spans), inner, 6);
    text.push(Line::raw(""));
    text.push(footer);
    let rows = text.len() as u16;
    let popup = centered(area, width, rows + 2);
    ratatui::widgets::Clear.render(popup, buf);
    Paragraph::new(text)
        .block(
            Block::bordered()
                .style(theme.overlay)
                .border_style(theme.border_focused)
                .title(Line::styled(
                    format!(" {}: a digit or an initial ", choice.title()),
                    theme.pane_title_focused,
                )),
        )
        .render(popup, buf);
}
