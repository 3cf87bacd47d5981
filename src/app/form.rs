//! Forms: a few labelled fields edited in an overlay, then turned back
//! into part of the review. Text fields use `ratatui-textarea`; choice
//! fields cycle through a closed set; completions come from the people
//! already named in the review.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::action::Effect;
use super::commands::CommandId;
use super::editing;
pub use super::fields::FieldId;
use super::state::{App, Overlay};
use crate::domain::ItemId;

/// What a form creates or changes when it is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new event, or a change to one.
    Event(Option<ItemId>),
    /// The one-line quick entry of an event.
    QuickEvent,
    Learning(Option<ItemId>),
    Factor(Option<ItemId>),
    Action(Option<ItemId>),
    Parking(Option<ItemId>),
    /// A new participant, or a change to the one at this index.
    Participant(Option<usize>),
    /// Title, incident references, tags, severity, status, kind, offset.
    ReviewFields,
    /// The key moments and the people at them.
    Moments,
    /// The public summary's fields.
    Summary,
    Notes,
    /// The folder to export to.
    ExportTo,
    /// A new review, from the picker.
    NewReview,
    /// The time box of each stage of the meeting.
    Timeboxes,
}

/// How a field is edited.
#[derive(Debug)]
pub enum Input {
    /// Free text; `multiline` lets Enter start a new line.
    Text {
        area: Box<TextArea<'static>>,
        multiline: bool,
        completions: Vec<String>,
        /// Whether the completions are offered on an empty field too, and
        /// a value taken leads to the next (the events' times).
        offered: bool,
    },
    /// One of a closed set of labels.
    Choice {
        options: Vec<&'static str>,
        selected: usize,
    },
    Toggle(bool),
}

#[derive(Debug)]
pub struct Field {
    pub id: FieldId,
    /// What the form shows, made from the id.
    pub label: &'static str,
    pub input: Input,
    /// A line of guidance shown under the field.
    pub hint: &'static str,
}

impl Field {
    pub fn text(id: FieldId, value: &str) -> Field {
        Field {
            id,
            label: id.label(),
            input: Input::Text {
                area: Box::new(area(value)),
                multiline: false,
                completions: Vec::new(),
                offered: false,
            },
            hint: "",
        }
    }

    pub fn multiline(id: FieldId, value: &str) -> Field {
        let mut area = area(value);
        area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
        Field {
            id,
            label: id.label(),
            input: Input::Text {
                area: Box::new(area),
                multiline: true,
                completions: Vec::new(),
                offered: false,
            },
            hint: "",
        }
    }

    pub fn choice(id: FieldId, options: Vec<&'static str>, selected: &str) -> Field {
        let selected = options.iter().position(|o| *o == selected).unwrap_or(0);
        Field {
            id,
            label: id.label(),
            input: Input::Choice { options, selected },
            hint: "",
        }
    }

    pub fn toggle(id: FieldId, on: bool) -> Field {
        Field {
            id,
            label: id.label(),
            input: Input::Toggle(on),
            hint: "",
        }
    }

    pub fn with_hint(mut self, hint: &'static str) -> Field {
        self.hint = hint;
        self
    }

    pub fn with_completions(mut self, names: Vec<String>) -> Field {
        if let Input::Text { completions, .. } = &mut self.input {
            *completions = names;
        }
        self
    }

    /// Values offered even before anything is typed, one after another:
    /// the events' times in a key moment.
    pub fn with_offers(mut self, values: Vec<String>) -> Field {
        if let Input::Text {
            completions,
            offered,
            ..
        } = &mut self.input
        {
            *completions = values;
            *offered = true;
        }
        self
    }

    /// The field's value as text: the lines joined, the chosen label, or
    /// `yes`/`no`.
    pub fn value(&self) -> String {
        match &self.input {
            Input::Text { area, .. } => area.lines().join("\n"),
            Input::Choice { options, selected } => options
                .get(*selected)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            Input::Toggle(on) => if *on { "yes" } else { "no" }.to_owned(),
        }
    }

    pub fn is_multiline(&self) -> bool {
        matches!(
            self.input,
            Input::Text {
                multiline: true,
                ..
            }
        )
    }

    /// The completion for what is typed so far: the first name that starts
    /// with it (ignoring case) and is longer.
    pub fn completion(&self) -> Option<&str> {
        let Input::Text {
            area,
            completions,
            offered,
            ..
        } = &self.input
        else {
            return None;
        };
        let typed = area.lines().first()?.to_lowercase();
        if *offered {
            // Nothing typed: the first; a value offered: the one after it.
            let next = match completions.iter().position(|c| c.to_lowercase() == typed) {
                Some(i) => completions.get(i + 1),
                None if typed.is_empty() => completions.first(),
                None => None,
            };
            if let Some(next) = next {
                return Some(next.as_str());
            }
        }
        if typed.is_empty() {
            return None;
        }
        completions
            .iter()
            .find(|c| c.to_lowercase().starts_with(&typed) && c.len() > typed.len())
            .map(String::as_str)
    }
}

/// A text area holding `value`, with the cursor at its end.
pub fn area(value: &str) -> TextArea<'static> {
    let lines: Vec<String> = if value.is_empty() {
        vec![String::new()]
    } else {
        value.lines().map(str::to_owned).collect()
    };
    let mut area = TextArea::new(lines);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// A form in an overlay.
#[derive(Debug)]
pub struct Form {
    pub title: String,
    pub target: Target,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last attempt to save was refused.
    pub error: Option<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, target: Target, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            target,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// The value of the field `id`. Every form is built with the fields
    /// it reads; a field it lacks reads as empty.
    pub fn get(&self, id: FieldId) -> String {
        debug_assert!(
            self.fields.iter().any(|f| f.id == id),
            "the form \"{}\" has no field {id:?}",
            self.title
        );
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(Field::value)
            .unwrap_or_default()
    }

    /// Everything typed, one `label: value` a line, for the draft file
    /// that keeps typing safe until the form is saved.
    pub fn draft(&self) -> String {
        let mut out = format!("{}\n", self.title);
        for f in &self.fields {
            if let Input::Text { .. } = f.input {
                let v = f.value();
                if !v.trim().is_empty() {
                    out.push_str(&format!("{}: {}\n", f.label, v));
                }
            }
        }
        out
    }
}

/// A key in the form on top: its command, or text for the focused field.
pub fn key(app: &mut App, command: Option<CommandId>, key: KeyEvent) -> Vec<Effect> {
    let Some(Overlay::Form(form)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let on_text = matches!(form.focused().map(|f| &f.input), Some(Input::Text { .. }));
    let multiline = form.focused().is_some_and(|f| f.is_multiline());
    let fields = form.fields.len().max(1);
    match command {
        Some(CommandId::FormCancel) => {
            app.overlays.pop();
            return vec![Effect::ClearDraft];
        }
        Some(CommandId::FormSubmit) => return submit(app),
        Some(CommandId::FormEnter) if !multiline => return submit(app),
        Some(CommandId::Help) => super::overlays::help(app),
        Some(CommandId::FormNextField) => form.focus = (form.focus + 1) % fields,
        Some(CommandId::FormPrevField) => form.focus = (form.focus + fields - 1) % fields,
        Some(CommandId::FormComplete) if on_text => return complete_or_type(form, key),
        Some(CommandId::FormClear | CommandId::FormUndo) if on_text => {
            let Some(Input::Text { area, .. }) = form.focused_mut().map(|f| &mut f.input) else {
                return Vec::new();
            };
            let changed = if command == Some(CommandId::FormClear) {
                area.clear()
            } else {
                area.undo()
            };
            if changed {
                form.error = None;
                return vec![Effect::SaveDraft(form.draft())];
            }
        }
        _ if on_text => return type_key(form, key),
        None => pick_choice(form, key),
        Some(CommandId::FormCycleChoice | CommandId::FormComplete) => cycle_field(form, 1),
        Some(CommandId::FormCycleBack) => cycle_field(form, -1),
        _ => {}
    }
    Vec::new()
}

/// On a choice, a digit takes that option (1 the first) and a letter the
/// next option that starts with it: plain text input on a closed set.
fn pick_choice(form: &mut Form, key: KeyEvent) {
    let Some(c) = typed_char(key) else {
        return;
    };
    let Some(Input::Choice { options, selected }) = form.focused_mut().map(|f| &mut f.input) else {
        return;
    };
    let n = options.len();
    if let Some(d) = c.to_digit(10) {
        // A field that may be empty offers "—" first, taken by 0.
        let none_first = options.first().is_some_and(|o| *o == editing::NONE);
        let i = if none_first {
            d as usize
        } else {
            (d as usize + 9) % 10
        };
        if i < n {
            *selected = i;
        }
        return;
    }
    let c = c.to_ascii_lowercase();
    let starts = |o: &str| o.chars().next().map(|f| f.to_ascii_lowercase()) == Some(c);
    if let Some(i) = (1..=n)
        .map(|k| (*selected + k) % n.max(1))
        .find(|i| starts(options[*i]))
    {
        *selected = i;
    }
}

/// The character a key types, if it types one: no Ctrl, no Alt.
pub(crate) fn typed_char(key: KeyEvent) -> Option<char> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

fn cycle_field(form: &mut Form, step: isize) {
    match form.focused_mut().map(|f| &mut f.input) {
        Some(Input::Choice { options, selected }) => {
            let n = options.len() as isize;
            *selected = ((*selected as isize + step).rem_euclid(n.max(1))) as usize;
        }
        Some(Input::Toggle(on)) => *on = !*on,
        _ => {}
    }
}

/// At the end of the line, takes the name the focused field offers;
/// elsewhere the key moves the cursor as usual.
fn complete_or_type(form: &mut Form, key: KeyEvent) -> Vec<Effect> {
    let completion = form
        .focused()
        .and_then(|f| f.completion())
        .map(str::to_owned);
    let Some(Input::Text { area, .. }) = form.focused_mut().map(|f| &mut f.input) else {
        return Vec::new();
    };
    let (row, col) = (area.cursor().0, area.cursor().1);
    let at_end = col >= area.lines().get(row).map_or(0, |l| l.chars().count());
    match completion {
        Some(name) if at_end => {
            **area = self::area(&name);
            vec![Effect::SaveDraft(form.draft())]
        }
        _ => type_key(form, key),
    }
}

/// Plain text input: the key goes to the focused text area.
fn type_key(form: &mut Form, key: KeyEvent) -> Vec<Effect> {
    let Some(Input::Text { area, .. }) = form.focused_mut().map(|f| &mut f.input) else {
        return Vec::new();
    };
    if area.input(key) {
        form.error = None;
        vec![Effect::SaveDraft(form.draft())]
    } else {
        Vec::new()
    }
}

fn submit(app: &mut App) -> Vec<Effect> {
    let Some(Overlay::Form(form)) = app.overlays.pop() else {
        return Vec::new();
    };
    match editing::submit(app, &form) {
        Ok(mut effects) => {
            effects.push(Effect::ClearDraft);
            effects
        }
        Err(e) => {
            let mut form = form;
            form.error = Some(e);
            app.overlays.push(Overlay::Form(form));
            Vec::new()
        }
    }
}
