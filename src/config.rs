//! The environment and the user's configuration, read once and used alike
//! by the workspace, the watcher and the command line.
//!
//! - [`Env`]: who is running debrief, the machine's offset from UTC, the
//!   config folder and whether colour is wanted (`NO_COLOR`).
//! - [`Config`]: `keys.ron`, `prompts.ron` and `coach.ron` from the config
//!   folder, each laid over the built-in defaults. A file that does not
//!   read is a [`Problem`] naming the file, the line and column when known,
//!   and what is used instead; the defaults are kept for that file.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::Local;

use crate::app::keymap::Keymap;
use crate::app::prompts::Prompts;
use crate::domain::{Coach, Offset};

/// What debrief takes from the process environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Env {
    /// The person running debrief, for "published by" and status changes.
    pub user: String,
    /// This machine's offset from UTC, for new reviews.
    pub offset: Offset,
    /// Where `keys.ron`, `prompts.ron` and `coach.ron` are looked for.
    pub config_dir: Option<PathBuf>,
    /// `NO_COLOR` is set (to anything but nothing): draw in monochrome.
    pub no_color: bool,
    /// `DEBRIEF_MOUSE` is set to `1`, `on`, `yes` or `true`: clicks and
    /// the wheel are heard from the start.
    pub mouse: bool,
}

impl Env {
    /// Reads the environment of this process.
    pub fn from_process() -> Env {
        Env {
            user: user_name(|v| std::env::var(v).ok()),
            offset: Offset::from_seconds(Local::now().offset().local_minus_utc())
                .unwrap_or_default(),
            config_dir: directories::ProjectDirs::from("", "", "debrief")
                .map(|d| d.config_dir().to_path_buf()),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            mouse: std::env::var("DEBRIEF_MOUSE").is_ok_and(|v| mouse_on(&v)),
        }
    }
}

/// Whether a value of `DEBRIEF_MOUSE` turns the mouse on.
pub fn mouse_on(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "1" | "on" | "yes" | "true"
    )
}

/// The first of `DEBRIEF_USER`, `USER`, `USERNAME` and `LOGNAME` that is
/// set and not blank, else "unknown".
fn user_name(var: impl Fn(&str) -> Option<String>) -> String {
    ["DEBRIEF_USER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| var(v))
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// A configuration file that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// What is wrong; starts with `line:col:` when the position is known.
    pub message: String,
    /// What is used instead: "the default keys".
    pub instead: &'static str,
}

impl fmt::Display for Problem {
    /// `/home/u/.config/debrief/keys.ron:2:5: expected ...; using the
    /// default keys`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let positioned = self.message.starts_with(|c: char| c.is_ascii_digit());
        let sep = if positioned { ":" } else { ": " };
        write!(
            f,
            "{}{sep}{}; using {}",
            self.file.display(),
            self.message,
            self.instead
        )
    }
}

/// The user's keys, prompts and coach, with what could not be read.
#[derive(Clone, Debug)]
pub struct Config {
    pub keymap: Keymap,
    pub prompts: Prompts,
    pub coach: Coach,
    pub problems: Vec<Problem>,
}

impl Default for Config {
    /// The built-in keys, prompts and coach.
    fn default() -> Config {
        Config {
            keymap: Keymap::defaults(),
            prompts: Prompts::builtin(),
            coach: Coach::builtin(),
            problems: Vec::new(),
        }
    }
}

impl Config {
    /// Reads the files of the config folder; a missing file is no problem.
    pub fn load(env: &Env) -> Config {
        match &env.config_dir {
            Some(dir) => Config::from_dir(dir),
            None => Config::default(),
        }
    }

    /// Reads `keys.ron`, `prompts.ron` and `coach.ron` from `dir`.
    pub fn from_dir(dir: &Path) -> Config {
        let mut config = Config::default();
        let mut problems = Vec::new();
        let mut read = |name: &str,
                        instead: &'static str,
                        apply: &mut dyn FnMut(&str) -> Result<(), String>| {
            let file = dir.join(name);
            let text = match std::fs::read(&file) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
                Err(e) => {
                    problems.push(Problem {
                        file,
                        message: format!("could not be read: {e}"),
                        instead,
                    });
                    return;
                }
            };
            let result = match String::from_utf8(text) {
                Ok(text) => apply(&text),
                Err(e) => Err(format!(
                    "is not UTF-8 text (at byte {})",
                    e.utf8_error().valid_up_to()
                )),
            };
            if let Err(message) = result {
                problems.push(Problem {
                    file,
                    message,
                    instead,
                });
            }
        };
        read("keys.ron", "the default keys", &mut |text| {
            config.keymap = Keymap::from_ron(text)?;
            Ok(())
        });
        read("prompts.ron", "the built-in prompts", &mut |text| {
            config.prompts = config.prompts.merged(text)?;
            Ok(())
        });
        read("coach.ron", "the built-in coach", &mut |text| {
            config.coach = config.coach.merged(text)?;
            Ok(())
        });
        config.problems = problems;
        config
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_mouse_setting_reads_the_usual_words_for_on() {
        for on in ["1", "on", "YES", " true "] {
            assert!(super::mouse_on(on), "{on:?}");
        }
        for off in ["", "0", "off", "no", "false", "mouse"] {
            assert!(!super::mouse_on(off), "{off:?}");
        }
    }

    use super::*;

    #[test]
    fn the_user_is_the_first_variable_set_and_not_blank() {
        let vars = |set: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                set.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(user_name(vars(&[("USER", "ada")])), "ada");
        assert_eq!(
            user_name(vars(&[("USER", "ada"), ("DEBRIEF_USER", "grace")])),
            "grace"
        );
        assert_eq!(
            user_name(vars(&[("DEBRIEF_USER", "  "), ("LOGNAME", "lin")])),
            "lin"
        );
        assert_eq!(user_name(vars(&[])), "unknown");
    }

    #[test]
    fn broken_files_are_named_with_their_position_and_the_rest_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("keys.ron"),
            "{ \"add\": [\"a\"],\n  \"quit\" }",
        )
        .unwrap();
        std::fs::write(dir.path().join("coach.ron"), "(replace: maybe)").unwrap();
        std::fs::write(
            dir.path().join("prompts.ron"),
            "(opening: \"Welcome, all.\")",
        )
        .unwrap();
        let config = Config::from_dir(dir.path());
        let shown: Vec<String> = config.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        let keys = dir.path().join("keys.ron").display().to_string();
        assert!(shown[0].starts_with(&format!("{keys}:2:")), "{shown:?}");
        assert!(shown[0].ends_with("; using the default keys"), "{shown:?}");
        assert!(shown[1].contains("coach.ron:1:"), "{shown:?}");
        assert!(
            shown[1].ends_with("; using the built-in coach"),
            "{shown:?}"
        );
        assert_eq!(config.prompts.opening, "Welcome, all.");
    }

    #[test]
    fn a_missing_folder_gives_the_defaults_without_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::from_dir(&dir.path().join("absent"));
        assert!(config.problems.is_empty());
    }

    #[test]
    fn a_file_that_is_not_text_is_a_problem_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("prompts.ron"), [0xff, 0xfe, 0x00]).unwrap();
        let config = Config::from_dir(dir.path());
        assert_eq!(config.problems.len(), 1);
        assert!(
            config.problems[0].to_string().contains("is not UTF-8 text"),
            "{}",
            config.problems[0]
        );
    }

    #[test]
    fn a_teams_words_reach_the_screen_visible_never_as_controls() {
        let dir = tempfile::tempdir().unwrap();
        let hostile = "Ask \u{1b}]52;c;aGk=\u{7}\u{202e}who\u{200b}";
        std::fs::write(
            dir.path().join("prompts.ron"),
            format!("(opening: \"{hostile}\", timeline: (questions: [\"{hostile}\"]))"),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("coach.ron"),
            format!(
                "(categories: [(id: blame, name: \"{hostile}\", explanation: \"{hostile}\", questions: [\"{hostile}\", \"Why?\"])])"
            ),
        )
        .unwrap();
        let config = Config::from_dir(dir.path());
        assert!(config.problems.is_empty(), "{:?}", config.problems);
        let blame = config
            .coach
            .category(crate::domain::CategoryId::Blame)
            .unwrap();
        let texts = [
            config.prompts.opening.clone(),
            config
                .prompts
                .for_stage(crate::domain::Stage::Timeline)
                .questions[0]
                .clone(),
            blame.name().to_owned(),
            blame.explanation().to_owned(),
            blame.questions()[0].clone(),
        ];
        for text in texts {
            assert!(
                !text.chars().any(crate::domain::text::needs_neutralising),
                "{text:?}"
            );
            assert!(text.contains("who"), "{text:?}");
        }
    }
}
