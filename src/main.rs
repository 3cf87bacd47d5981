use std::process::ExitCode;

use clap::builder::Styles;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser};
use debrief::cli::{self, Cli};
use debrief::domain::text::{visible, visible_line};

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    match cli::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("debrief: {}", visible_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// The command line, read with plain styles so that an error message
/// holds no escape sequence but those typed.
fn parse() -> Result<Cli, clap::Error> {
    let mut command = Cli::command().styles(Styles::plain());
    // An empty DEBRIEF_DIR is as good as unset.
    if std::env::var_os("DEBRIEF_DIR").is_some_and(|d| d.is_empty()) {
        command = command.mut_arg("dir", |a| a.env(None::<&str>));
    }
    let mut matches = command
        .try_get_matches_from_mut(std::env::args_os())
        .map_err(|e| with_item_kinds(e, &command))?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
}

/// `debrief add REVIEW widget`: the error lists the kinds of item there
/// are.
fn with_item_kinds(e: clap::Error, command: &clap::Command) -> clap::Error {
    let rendered = e.render().to_string();
    if !matches!(
        e.kind(),
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand
    ) || !rendered.contains("Usage: debrief add ")
    {
        return e;
    }
    let kinds: Vec<&str> = command
        .find_subcommand("add")
        .map(|add| {
            add.get_subcommands()
                .map(|c| c.get_name())
                .filter(|name| *name != "help")
                .collect()
        })
        .unwrap_or_default();
    let typed = e
        .get(clap::error::ContextKind::InvalidArg)
        .or_else(|| e.get(clap::error::ContextKind::InvalidSubcommand))
        .map(|v| v.to_string())
        .unwrap_or_default();
    clap::Error::raw(
        e.kind(),
        format!(
            "'{typed}' is not a kind of item; add one of: {}\n\nUsage: debrief add [OPTIONS] <REVIEW> <KIND> ...\n",
            kinds.join(", ")
        ),
    )
}

/// An error quotes what was typed, so it is shown with its control
/// characters made visible, with the parser's exit code. Help and version
/// quote nothing: they are printed as usual, in colour where it is wanted.
fn parse_error(e: &clap::Error) -> ExitCode {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // Parsed again with the usual styles, this prints and exits.
        Cli::parse();
    }
    eprint!("{}", visible(&e.render().ansi().to_string()));
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}
