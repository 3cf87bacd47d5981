//! The editor against a plain model: a list of lines and a cursor, every
//! edit done on a whole copy, undo and redo as copies kept.

use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::{Editor, Pos};

#[derive(Clone, Debug)]
enum Op {
    Key(KeyCode, KeyModifiers),
    Paste(String),
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

fn op() -> impl Strategy<Value = Op> {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    prop_oneof![
        4 => prop::sample::select(vec!['a', 'b', ' ', 'é', '界', '9', ':'])
            .prop_map(move |c| Op::Key(KeyCode::Char(c), none)),
        2 => prop::sample::select(vec![
            (KeyCode::Enter, none),
            (KeyCode::Backspace, none),
            (KeyCode::Delete, none),
            (KeyCode::Left, none),
            (KeyCode::Right, none),
            (KeyCode::Up, none),
            (KeyCode::Down, none),
            (KeyCode::Home, none),
            (KeyCode::End, none),
            (KeyCode::Char('k'), ctrl),
            (KeyCode::Char('z'), ctrl),
            (KeyCode::Char('y'), ctrl),
        ])
        .prop_map(|(c, m)| Op::Key(c, m)),
        1 => "[ab界\n]{0,6}".prop_map(Op::Paste),
    ]
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    lines: Vec<Vec<char>>,
    cursor: Pos,
}

/// The plain model.
struct Model {
    now: State,
    undo: Vec<(State, State)>,
    redo: Vec<(State, State)>,
}

impl Model {
    fn insert(s: &mut State, text: &str) {
        let (r, c) = s.cursor;
        let tail: Vec<char> = s.lines[r].split_off(c);
        let mut row = r;
        for ch in text.chars() {
            if ch == '\n' {
                s.lines.insert(row + 1, Vec::new());
                row += 1;
            } else {
                s.lines[row].push(ch);
            }
        }
        s.cursor = (row, s.lines[row].len());
        s.lines[row].extend(tail);
    }

    fn apply(&mut self, op: &Op) {
        let mut s = self.now.clone();
        let (r, c) = s.cursor;
        let len = |s: &State, r: usize| s.lines[r].len();
        let last = s.lines.len() - 1;
        match op {
            Op::Paste(text) => Self::insert(&mut s, text),
            Op::Key(code, m) => match (code, *m == KeyModifiers::CONTROL) {
                (KeyCode::Char('z'), true) => {
                    if let Some((before, after)) = self.undo.pop() {
                        self.now = before.clone();
                        self.redo.push((before, after));
                    }
                    return;
                }
                (KeyCode::Char('y'), true) => {
                    if let Some((before, after)) = self.redo.pop() {
                        self.now = after.clone();
                        self.undo.push((before, after));
                    }
                    return;
                }
                (KeyCode::Char('k'), true) => {
                    if c < len(&s, r) {
                        s.lines[r].truncate(c);
                    } else if r < last {
                        let next = s.lines.remove(r + 1);
                        s.lines[r].extend(next);
                    }
                }
                (KeyCode::Char(ch), _) => Self::insert(&mut s, &ch.to_string()),
                (KeyCode::Enter, _) => Self::insert(&mut s, "\n"),
                (KeyCode::Backspace, _) => {
                    if c > 0 {
                        s.lines[r].remove(c - 1);
                        s.cursor = (r, c - 1);
                    } else if r > 0 {
                        let line = s.lines.remove(r);
                        s.cursor = (r - 1, len(&s, r - 1));
                        s.lines[r - 1].extend(line);
                    }
                }
                (KeyCode::Delete, _) => {
                    if c < len(&s, r) {
                        s.lines[r].remove(c);
                    } else if r < last {
                        let next = s.lines.remove(r + 1);
                        s.lines[r].extend(next);
                    }
                }
                (KeyCode::Left, _) => {
                    if c > 0 {
                        s.cursor = (r, c - 1);
                    } else if r > 0 {
                        s.cursor = (r - 1, len(&s, r - 1));
                    }
                }
                (KeyCode::Right, _) => {
                    if c < len(&s, r) {
                        s.cursor = (r, c + 1);
                    } else if r < last {
                        s.cursor = (r + 1, 0);
                    }
                }
                (KeyCode::Up, _) => {
                    let r = r.saturating_sub(1);
                    s.cursor = (r, c.min(len(&s, r)));
                }
                (KeyCode::Down, _) => {
                    let r = (r + 1).min(last);
                    s.cursor = (r, c.min(len(&s, r)));
                }
                (KeyCode::Home, _) => s.cursor = (r, 0),
                (KeyCode::End, _) => s.cursor = (r, len(&s, r)),
                _ => {}
            },
        }
        if s.lines != self.now.lines {
            self.undo.push((self.now.clone(), s.clone()));
            self.redo.clear();
        }
        self.now = s;
    }
}

fn lines_of(s: &State) -> Vec<String> {
    s.lines.iter().map(|l| l.iter().collect()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_edits_give_the_text_of_the_plain_model(
        start in prop::collection::vec("[ab界 ]{0,4}", 1..4),
        ops in prop::collection::vec(op(), 0..60),
    ) {
        let mut editor = Editor::new(start.clone(), "", true);
        let lines: Vec<Vec<char>> = start.iter().map(|l| l.chars().collect()).collect();
        let cursor = (lines.len() - 1, lines[lines.len() - 1].len());
        let mut model = Model { now: State { lines, cursor }, undo: Vec::new(), redo: Vec::new() };
        for op in &ops {
            let before = editor.lines().to_vec();
            let window = match op {
                Op::Key(code, m) => editor.input(&key(*code, *m)),
                Op::Paste(text) => editor.insert(text),
            };
            model.apply(op);
            let after = editor.lines();
            let expected = lines_of(&model.now);
            prop_assert_eq!(after, expected.as_slice(), "after {:?}", op);
            prop_assert_eq!(editor.cursor(), model.now.cursor, "after {:?}", op);
            match window {
                // The rows outside the window are the rows they were.
                Some(w) => {
                    prop_assert!(w.start <= w.old_end && w.old_end <= before.len());
                    prop_assert!(w.start <= w.new_end && w.new_end <= after.len());
                    prop_assert_eq!(&before[..w.start], &after[..w.start]);
                    prop_assert_eq!(&before[w.old_end..], &after[w.new_end..]);
                }
                None => prop_assert_eq!(&before, after, "after {:?}", op),
            }
        }
    }
}

#[test]
fn an_edit_in_a_long_text_changes_only_its_rows() {
    let mut e = Editor::new((0..1000).map(|i| format!("line {i}")).collect(), "", true);
    e.jump((500, 4));
    let w = e.insert("x\ny").expect("changed");
    assert_eq!((w.start, w.old_end, w.new_end), (500, 501, 502));
    assert_eq!(e.lines()[500], "linex");
    assert_eq!(e.lines()[501], "y 500");
    assert_eq!(e.cursor(), (501, 1));
    let w = e.undo().expect("taken back");
    assert_eq!((w.start, w.old_end, w.new_end), (500, 502, 501));
    assert_eq!(e.lines()[500], "line 500");
    assert_eq!(e.lines().len(), 1000);
}

#[test]
fn page_keys_move_by_the_rows_last_shown() {
    let mut e = Editor::new((0..100).map(|i| i.to_string()).collect(), "", true);
    e.set_view(super::View {
        top: (0, 0),
        left: 0,
        height: 11,
    });
    e.jump((50, 0));
    e.input(&key(KeyCode::PageUp, KeyModifiers::NONE));
    assert_eq!(e.cursor(), (40, 0));
    e.input(&key(KeyCode::PageDown, KeyModifiers::NONE));
    e.input(&key(KeyCode::PageDown, KeyModifiers::NONE));
    assert_eq!(e.cursor(), (60, 0));
    e.input(&key(KeyCode::Home, KeyModifiers::CONTROL));
    assert_eq!(e.cursor(), (0, 0));
    e.input(&key(KeyCode::End, KeyModifiers::CONTROL));
    assert_eq!(e.cursor(), (99, 2));
}
