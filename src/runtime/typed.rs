//! Paths a person types in the workspace (an export to import, a folder
//! to export to) read as a shell would read their start: `~` is the home
//! folder. Anything else is left as typed; a relative path is read from
//! where debrief started.

use std::path::{Path, PathBuf};

use crate::app::Effect;

/// `path` with a leading `~` or `~/` replaced by the home folder (the
/// user's own only: `~other` stays as typed), or unchanged.
fn read_typed(path: PathBuf) -> PathBuf {
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    expand_home(path, home.as_deref())
}

fn expand_home(path: PathBuf, home: Option<&Path>) -> PathBuf {
    let Some(home) = home else {
        return path;
    };
    match path.strip_prefix("~") {
        Ok(rest) => home.join(rest),
        Err(_) => path,
    }
}

/// The paths a person typed, read as a shell reads their start (`~`).
pub(super) fn paths(effect: Effect) -> Effect {
    match effect {
        Effect::Export {
            folder: Some(folder),
        } => Effect::Export {
            folder: Some(read_typed(folder)),
        },
        Effect::ExportMaking { folder } => Effect::ExportMaking {
            folder: read_typed(folder),
        },
        Effect::ReadImport { path, options } => Effect::ReadImport {
            path: read_typed(path),
            options,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder_and_nothing_else_changes() {
        let home = Some(Path::new("/home/ana"));
        let cases = [
            ("~", "/home/ana"),
            ("~/exports/slack.zip", "/home/ana/exports/slack.zip"),
            ("~other/x", "~other/x"),
            ("exports/~/x", "exports/~/x"),
            ("/tmp/~", "/tmp/~"),
            ("relative.txt", "relative.txt"),
        ];
        for (typed, read) in cases {
            assert_eq!(
                expand_home(typed.into(), home),
                PathBuf::from(read),
                "{typed}"
            );
        }
        assert_eq!(expand_home("~/x".into(), None), PathBuf::from("~/x"));
    }
}
