//! The real binary in tmux. tmux passes on only mouse events it made
//! itself (`send-keys -M`), so the clicks are sent as the bytes a terminal
//! writes for them (SGR mouse reports, `send-keys -H`); tmux's own record
//! of the pane's mouse mode says whether debrief asked for the mouse.

use crate::common::tmux::{Pane, Server};
use unicode_width::UnicodeWidthStr;

/// Where `text` first appears on the screen: its column (in cells)
/// and row.
fn find(screen: &str, text: &str) -> (u16, u16) {
    for (y, line) in screen.lines().enumerate() {
        if let Some(i) = line.find(text) {
            return (line[..i].width() as u16, y as u16);
        }
    }
    panic!("{text:?} is not on the screen:\n{screen}");
}

/// Sends what a terminal sends for a mouse report `button` at `(x, y)`
/// (cells from 0).
fn report(t: &Pane, button: u8, (x, y): (u16, u16)) {
    let seq = format!("\x1b[<{button};{};{}M", x + 1, y + 1);
    let hex: Vec<String> = seq.bytes().map(|b| format!("{b:02x}")).collect();
    let mut args = vec!["send-keys", "-t", t.target(), "-H"];
    args.extend(hex.iter().map(String::as_str));
    t.server().run(&args);
}

fn mouse_mode(t: &Pane) -> String {
    t.format("#{mouse_any_flag}#{mouse_sgr_flag}")
}

#[test]
fn clicks_and_the_wheel_reach_the_real_binary_and_the_mouse_is_given_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let reviews = d.join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let id = "2026-11-17-checkout-payments-failing-k7qm";
    std::fs::copy(
        crate::common::example_path(),
        reviews.join(format!("{id}.ron")),
    )
    .unwrap();
    let tmux = Server::new(d);
    let t = tmux.start_debrief("open", &format!("open {id}"), 120, 40);
    let screen = t.wait_for("Stage 1/9");
    assert_eq!(mouse_mode(&t), "00", "the mouse is off at the start");

    // Off: a click changes nothing.
    let learnings = find(&screen, "┌ 2 Learnings");
    report(&t, 0, (learnings.0 + 2, learnings.1 + 1));
    t.keys(&["F6"]);
    t.wait_for("Mouse on");
    assert_eq!(mouse_mode(&t), "11", "F6 takes the mouse");
    let screen = t.settled();
    assert_eq!(
        find(&screen, "┌ 2 Learnings"),
        learnings,
        "no click was heard while off"
    );

    // A click on the learnings moves them into the large pane.
    report(&t, 0, (learnings.0 + 2, learnings.1 + 1));
    let screen = t.wait_screen("the learnings in the large pane", |s| {
        s.lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("┌ 2 Learnings"))
    });
    assert!(screen.contains(" 1/8 "), "{screen}");
    // The wheel (button 65: down) moves the selection three rows.
    report(&t, 65, (learnings.0 + 2, 5));
    let screen = t.wait_for(" 4/8 ");
    // A click on a row selects it: the sixth learning, then the
    // second, where their texts are drawn.
    let review = crate::common::example();
    for (row, position) in [(5, " 6/8 "), (1, " 2/8 ")] {
        let text: String = review.learnings[row].text.chars().take(16).collect();
        let at = find(&screen, &text);
        assert!(at.1 > 3, "{text:?} in the rows:\n{screen}");
        report(&t, 0, (at.0 + 3, at.1));
        t.wait_for(position);
    }
    // A click on a stage of the rail (the second row; at this width
    // the stages other than the current one show their numbers) goes
    // to it.
    let rail = screen.lines().nth(1).expect("a rail");
    let seven = rail.find(" 7 ").expect("stage 7 on the rail") + 1;
    report(&t, 0, (rail[..seven].width() as u16, 1));
    t.wait_for("Stage 7/9");

    t.keys(&["F6"]);
    t.wait_for("Mouse off");
    assert_eq!(mouse_mode(&t), "00", "F6 gives the mouse back");
    t.keys(&["F6"]);
    t.wait_for("Mouse on");
    t.quit();
    assert_eq!(mouse_mode(&t), "00", "quitting gives the mouse back");
}

#[test]
fn the_setting_starts_with_the_mouse_a_tab_takes_a_click_and_a_signal_gives_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let tmux = Server::new(d);
    let script = format!(
        "DEBRIEF_MOUSE=1 {} new 'Mouse test' --sev 2",
        crate::common::tmux::binary().display()
    );
    let t = tmux.start("new", &script, 80, 24);
    let screen = t.wait_for("Mouse test");
    t.wait_screen("the mouse taken", |_| mouse_mode(&t) == "11");
    // At 80x24 a click on a tab shows its pane.
    let tab = find(&screen, "2 Learn");
    assert_eq!(tab.1, 2, "the tabs are the third row:\n{screen}");
    report(&t, 0, tab);
    t.wait_screen("the learnings shown", |s| {
        s.lines()
            .nth(3)
            .is_some_and(|l| l.starts_with("┌ 2 Learnings"))
    });
    t.terminate();
    assert_eq!(mouse_mode(&t), "00", "a signal gives the mouse back");
}
