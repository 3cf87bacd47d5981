//! The terminal: taking it, giving it back, its events as actions, and
//! the signals that ask debrief to stop.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::Action;

/// Takes the terminal: raw mode, the alternate screen, bracketed paste,
/// and a panic hook that gives it back (and says where `saved_at` points).
pub fn init_terminal(saved_at: Arc<Mutex<Option<PathBuf>>>) -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste)?;
    // ratatui's hook restores raw mode and the alternate screen; this one,
    // run first, also turns bracketed paste off and says where the review
    // is, so a crash never leaves the terminal or the user lost.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
        if let Some(path) = saved_at.lock().ok().and_then(|p| p.clone()) {
            eprintln!(
                "debrief stopped unexpectedly; the review is saved at {}",
                crate::domain::text::visible_line(&path.display().to_string())
            );
        }
    }));
    Ok(terminal)
}

/// Gives the terminal back as it was found (the mouse too, whether or not
/// it was taken).
pub fn restore_terminal() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        ratatui::crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Takes the mouse's events from the terminal, or gives them back.
pub fn capture_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    }
}

/// A flag that SIGTERM, SIGHUP and SIGINT raise, for the loop to stop
/// at: whatever ends the program, what was typed is saved first.
pub fn stop_on_signals() -> io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// A terminal event as an action; key releases, focus changes and the
/// pointer's moves are none.
pub fn to_action(event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Action::Key(key)),
        Event::Paste(text) => Some(Action::Paste(text)),
        // Only clicks and the wheel: the pointer's moves would redraw the
        // screen for nothing.
        Event::Mouse(mouse)
            if matches!(
                mouse.kind,
                MouseEventKind::Down(_) | MouseEventKind::ScrollDown | MouseEventKind::ScrollUp
            ) =>
        {
            Some(Action::Mouse(mouse))
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
