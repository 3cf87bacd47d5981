use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use debrief::cli::{self, Cli};
use debrief::store::Store;

fn main() -> ExitCode {
    let args = Cli::parse();
    let Some(command) = args.command else {
        // The interactive picker opens here once it exists; until then,
        // show what can be done.
        let _ = Cli::command().print_help();
        return ExitCode::from(2);
    };
    let result = Store::locate(args.dir)
        .map_err(cli::CliError::from)
        .and_then(|store| cli::run(&store, command));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("debrief: {e}");
            ExitCode::FAILURE
        }
    }
}
