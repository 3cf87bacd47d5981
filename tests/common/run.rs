//! The binary run once, as a script would: arguments, a few variables,
//! standard input, and what it printed.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the debrief cargo built for the tests with `args`, the variables
/// `envs` (and `TZ=UTC`), and `stdin` as its standard input (else an
/// empty one); waits for it to end.
pub fn run_debrief(args: &[&str], envs: &[(&str, &OsStr)], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(args)
        .envs(envs.iter().copied())
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}
