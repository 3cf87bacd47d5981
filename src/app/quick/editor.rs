//! The quick review's multi-line text: its lines, the cursor, undo and
//! redo, and the keys that move and edit. An edit touches only the lines
//! it changes and says which rows those were, so that the cost of a
//! keystroke does not grow with the length of the text.
//!
//! The cursor is a row and a column counted in characters. Drawing is in
//! `ui::quick::editor`, which keeps the cursor on screen; the rows last
//! shown are remembered here (as the screen left them) so that PgUp and
//! PgDn move by a page.

use std::cell::Cell;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::quick::Window;

/// A place in the text: a row and a column in characters.
pub type Pos = (usize, usize);

/// The most edits kept to undo.
const HISTORY: usize = 1000;

/// One edit, enough to take it back and do it again: at `at`, `removed`
/// was replaced by `inserted`.
#[derive(Clone, Debug)]
struct Change {
    at: Pos,
    removed: String,
    inserted: String,
    before: Pos,
    after: Pos,
}

/// Where the screen showed the text last: the first screen row (a line
/// and its wrapped row), the first column, and how many rows it had.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub top: Pos,
    pub left: usize,
    pub height: usize,
}

/// A multi-line text being edited.
#[derive(Clone, Debug)]
pub struct Editor {
    lines: Vec<String>,
    cursor: Pos,
    undo: Vec<Change>,
    redo: Vec<Change>,
    placeholder: &'static str,
    /// Each line numbered on screen, not wrapped; otherwise wrapped
    /// between words.
    numbered: bool,
    view: Cell<View>,
}

/// The byte where the character `col` of `s` starts (the end past it).
fn byte(s: &str, col: usize) -> usize {
    s.char_indices().nth(col).map_or(s.len(), |(i, _)| i)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Where text starting at `at` ends.
fn end_of(at: Pos, text: &str) -> Pos {
    match text.rfind('\n') {
        Some(i) => (at.0 + text.matches('\n').count(), chars(&text[i + 1..])),
        None => (at.0, at.1 + chars(text)),
    }
}

impl Editor {
    /// A text of `lines` (one empty line when none), the cursor at the
    /// end.
    pub fn new(lines: Vec<String>, placeholder: &'static str, numbered: bool) -> Editor {
        let lines = if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        };
        let mut e = Editor {
            lines,
            cursor: (0, 0),
            undo: Vec::new(),
            redo: Vec::new(),
            placeholder,
            numbered,
            view: Cell::new(View::default()),
        };
        e.cursor = e.last();
        e
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The cursor: a row, and a column in characters.
    pub fn cursor(&self) -> Pos {
        self.cursor
    }

    /// Whether the text is one empty line.
    pub fn is_empty(&self) -> bool {
        self.lines.len() == 1 && self.lines[0].is_empty()
    }

    pub fn placeholder_text(&self) -> &'static str {
        self.placeholder
    }

    pub fn numbered(&self) -> bool {
        self.numbered
    }

    /// Where the screen showed the text last.
    pub fn view(&self) -> View {
        self.view.get()
    }

    /// Remembers where the screen shows the text.
    pub fn set_view(&self, view: View) {
        self.view.set(view);
    }

    /// Puts the cursor at `pos`, kept inside the text.
    pub fn jump(&mut self, pos: Pos) {
        let row = pos.0.min(self.lines.len() - 1);
        self.cursor = (row, pos.1.min(self.len(row)));
    }

    fn len(&self, row: usize) -> usize {
        chars(&self.lines[row])
    }

    /// The end of the text.
    fn last(&self) -> Pos {
        let row = self.lines.len() - 1;
        (row, self.len(row))
    }

    /// The text between `from` and `to`.
    fn between(&self, from: Pos, to: Pos) -> String {
        if from.0 == to.0 {
            let l = &self.lines[from.0];
            return l[byte(l, from.1)..byte(l, to.1)].to_owned();
        }
        let first = &self.lines[from.0];
        let mut out = first[byte(first, from.1)..].to_owned();
        for l in &self.lines[from.0 + 1..to.0] {
            out.push('\n');
            out.push_str(l);
        }
        let last = &self.lines[to.0];
        out.push('\n');
        out.push_str(&last[..byte(last, to.1)]);
        out
    }

    /// Replaces the text between `from` and `to` by `text`; the rows it
    /// changed.
    fn splice(&mut self, from: Pos, to: Pos, text: &str) -> Window {
        let head_line = &self.lines[from.0];
        let head = &head_line[..byte(head_line, from.1)];
        let tail_line = &self.lines[to.0];
        let tail = &tail_line[byte(tail_line, to.1)..];
        let joined = format!("{head}{text}{tail}");
        let new: Vec<String> = joined.split('\n').map(str::to_owned).collect();
        let count = new.len();
        if count == 1 && from.0 == to.0 {
            self.lines[from.0] = joined;
        } else {
            self.lines.splice(from.0..=to.0, new);
        }
        Window {
            start: from.0,
            old_end: to.0 + 1,
            new_end: from.0 + count,
        }
    }

    /// An edit, kept to undo: the text between `from` and `to` replaced
    /// by `text`, the cursor after it.
    fn edit(&mut self, from: Pos, to: Pos, text: &str) -> Option<Window> {
        let removed = self.between(from, to);
        if removed.is_empty() && text.is_empty() {
            return None;
        }
        let before = self.cursor;
        let window = self.splice(from, to, text);
        self.cursor = end_of(from, text);
        if self.undo.len() >= HISTORY {
            self.undo.remove(0);
        }
        self.undo.push(Change {
            at: from,
            removed,
            inserted: text.to_owned(),
            before,
            after: self.cursor,
        });
        self.redo.clear();
        Some(window)
    }

    /// Takes back the last edit.
    pub fn undo(&mut self) -> Option<Window> {
        let c = self.undo.pop()?;
        let window = self.splice(c.at, end_of(c.at, &c.inserted), &c.removed);
        self.cursor = c.before;
        self.redo.push(c);
        Some(window)
    }

    /// Does again the last edit taken back.
    pub fn redo(&mut self) -> Option<Window> {
        let c = self.redo.pop()?;
        let window = self.splice(c.at, end_of(c.at, &c.removed), &c.inserted);
        self.cursor = c.after;
        self.undo.push(c);
        Some(window)
    }

    /// Types `text` at the cursor (a line break starts a new line).
    pub fn insert(&mut self, text: &str) -> Option<Window> {
        self.edit(self.cursor, self.cursor, text)
    }

    /// Deletes the character before the cursor, or joins the line to the
    /// one above.
    pub fn backspace(&mut self) -> Option<Window> {
        let from = self.left_of(self.cursor)?;
        self.edit(from, self.cursor, "")
    }

    /// Deletes the character at the cursor, or joins the next line.
    pub fn delete(&mut self) -> Option<Window> {
        let to = self.right_of(self.cursor)?;
        self.edit(self.cursor, to, "")
    }

    /// Deletes to the end of the line, or the line break there.
    fn delete_to_end(&mut self) -> Option<Window> {
        let (row, col) = self.cursor;
        if col < self.len(row) {
            self.edit(self.cursor, (row, self.len(row)), "")
        } else {
            self.delete()
        }
    }

    /// Deletes the word before the cursor, with the spaces after it.
    fn delete_word(&mut self) -> Option<Window> {
        let from = self.word_left(self.cursor)?;
        self.edit(from, self.cursor, "")
    }

    fn left_of(&self, (row, col): Pos) -> Option<Pos> {
        match (row, col) {
            (0, 0) => None,
            (r, 0) => Some((r - 1, self.len(r - 1))),
            (r, c) => Some((r, c - 1)),
        }
    }

    fn right_of(&self, (row, col): Pos) -> Option<Pos> {
        if col < self.len(row) {
            Some((row, col + 1))
        } else if row + 1 < self.lines.len() {
            Some((row + 1, 0))
        } else {
            None
        }
    }

    /// The start of the word before `pos`, on its line (or the end of the
    /// line above from the start of a line).
    fn word_left(&self, pos: Pos) -> Option<Pos> {
        if pos.1 == 0 {
            return self.left_of(pos);
        }
        let line: Vec<char> = self.lines[pos.0].chars().take(pos.1).collect();
        let mut c = line.len();
        while c > 0 && line[c - 1].is_whitespace() {
            c -= 1;
        }
        while c > 0 && !line[c - 1].is_whitespace() {
            c -= 1;
        }
        Some((pos.0, c))
    }

    /// The end of the word after `pos`, on its line.
    fn word_right(&self, pos: Pos) -> Option<Pos> {
        if pos.1 >= self.len(pos.0) {
            return self.right_of(pos);
        }
        let line: Vec<char> = self.lines[pos.0].chars().collect();
        let mut c = pos.1;
        while c < line.len() && line[c].is_whitespace() {
            c += 1;
        }
        while c < line.len() && !line[c].is_whitespace() {
            c += 1;
        }
        Some((pos.0, c))
    }

    /// Moves the cursor `rows` lines up (negative) or down, its column
    /// kept within the line.
    fn vertical(&mut self, rows: isize) {
        let last = self.lines.len() - 1;
        let row = self.cursor.0.saturating_add_signed(rows).min(last);
        self.jump((row, self.cursor.1));
    }

    /// The rows a page moves: those shown last, less one kept in view.
    fn page(&self) -> isize {
        let shown = self.view.get().height;
        isize::try_from(shown.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// A key for the text; the rows it changed, if it changed any. Keys
    /// that only move the cursor change none.
    pub fn input(&mut self, key: &KeyEvent) -> Option<Window> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        fn moved(e: &mut Editor, to: Option<Pos>) -> Option<Window> {
            if let Some(to) = to {
                e.cursor = to;
            }
            None
        }
        match key.code {
            KeyCode::Enter if !alt => self.insert("\n"),
            KeyCode::Char('m' | 'j') if ctrl && !alt => self.insert("\n"),
            KeyCode::Char(c) if !ctrl && !alt => self.insert(c.encode_utf8(&mut [0; 4])),
            KeyCode::Backspace if alt => self.delete_word(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Char('h') if ctrl => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Char('d') if ctrl => self.delete(),
            KeyCode::Char('k') if ctrl => self.delete_to_end(),
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char('u' | 'z') if ctrl => self.undo(),
            KeyCode::Char('r' | 'y') if ctrl => self.redo(),
            KeyCode::Left if ctrl || alt => moved(self, self.word_left(self.cursor)),
            KeyCode::Char('b') if alt => moved(self, self.word_left(self.cursor)),
            KeyCode::Right if ctrl || alt => moved(self, self.word_right(self.cursor)),
            KeyCode::Char('f') if alt => moved(self, self.word_right(self.cursor)),
            KeyCode::Left => moved(self, self.left_of(self.cursor)),
            KeyCode::Char('b') if ctrl => moved(self, self.left_of(self.cursor)),
            KeyCode::Right => moved(self, self.right_of(self.cursor)),
            KeyCode::Char('f') if ctrl => moved(self, self.right_of(self.cursor)),
            KeyCode::Home if ctrl => moved(self, Some((0, 0))),
            KeyCode::End if ctrl => moved(self, Some(self.last())),
            KeyCode::Home => moved(self, Some((self.cursor.0, 0))),
            KeyCode::Char('a') if ctrl => moved(self, Some((self.cursor.0, 0))),
            KeyCode::End => moved(self, Some((self.cursor.0, self.len(self.cursor.0)))),
            KeyCode::Char('e') if ctrl => {
                moved(self, Some((self.cursor.0, self.len(self.cursor.0))))
            }
            KeyCode::Up => {
                self.vertical(-1);
                None
            }
            KeyCode::Down => {
                self.vertical(1);
                None
            }
            KeyCode::PageUp => {
                self.vertical(-self.page());
                None
            }
            KeyCode::PageDown => {
                self.vertical(self.page());
                None
            }
            _ => None,
        }
    }
}

#[cfg(test)]
#[path = "editor_tests.rs"]
mod tests;
