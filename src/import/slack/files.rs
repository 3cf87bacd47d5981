//! The files of an export, from its folder or its zip, handed on as
//! paths inside the export with their bytes.

use std::fs;
use std::io::{Cursor, Read};
use std::path::Path;

use super::parse_export;
use crate::import::{Import, ImportError, Options};

/// Reads the folder an export unpacks to.
pub(in crate::import) fn read_folder(
    path: &Path,
    options: &Options,
) -> Result<Import, ImportError> {
    let name = path.display().to_string();
    let mut entries = Vec::new();
    let io = |p: &Path, e: std::io::Error| ImportError::io(&p.display().to_string(), &e);
    for item in fs::read_dir(path).map_err(|e| io(path, e))? {
        let item = item.map_err(|e| io(path, e))?;
        let p = item.path();
        let file_name = item.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            for day in fs::read_dir(&p).map_err(|e| io(&p, e))? {
                let day = day.map_err(|e| io(&p, e))?.path();
                if day.extension().is_some_and(|x| x == "json") {
                    let bytes = fs::read(&day).map_err(|e| io(&day, e))?;
                    let day_name = day.file_name().unwrap_or_default().to_string_lossy();
                    entries.push((format!("{file_name}/{day_name}"), bytes));
                }
            }
        } else if file_name.ends_with(".json") {
            entries.push((file_name, fs::read(&p).map_err(|e| io(&p, e))?));
        }
    }
    parse_export(&name, entries, options)
}

/// Reads the export's zip as downloaded.
pub(in crate::import) fn read_zip(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<Import, ImportError> {
    let bad = |e: zip::result::ZipError| {
        ImportError::whole(name, format!("expected a zip of a Slack export: {e}"))
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(bad)?;
    let mut entries = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(bad)?;
        let path = file.name().map_err(bad)?.replace('\\', "/");
        if file.is_dir() || !path.ends_with(".json") || path.starts_with("__MACOSX/") {
            continue;
        }
        let mut data = Vec::with_capacity(file.size().min(1 << 26) as usize);
        file.read_to_end(&mut data)
            .map_err(|e| ImportError::at(name, path.clone(), format!("could not unpack: {e}")))?;
        entries.push((path, data));
    }
    // A zip made by hand may hold everything under one folder.
    let root = entries
        .iter()
        .find_map(|(p, _)| {
            p.strip_suffix("channels.json")
                .or_else(|| p.strip_suffix("users.json"))
        })
        .filter(|r| r.is_empty() || r.ends_with('/'))
        .map(str::to_owned)
        .unwrap_or_default();
    let entries = entries
        .into_iter()
        .filter_map(|(p, d)| p.strip_prefix(&root).map(|p| (p.to_owned(), d)))
        .collect();
    parse_export(name, entries, options)
}
