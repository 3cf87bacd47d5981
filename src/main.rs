use std::process::ExitCode;

use clap::Parser;
use debrief::cli::{self, Cli};

fn main() -> ExitCode {
    match cli::dispatch(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("debrief: {e}");
            ExitCode::FAILURE
        }
    }
}
