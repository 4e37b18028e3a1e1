//! Turns REPORT arguments into report inputs: finds the files, decodes their bytes,
//! dispatches on the extension (plain text, HTML page, JSON Lines export; the format
//! conversion itself lives in `claimdiff-input`) and gives every report its id.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use claimdiff_cli::decode::{decode, Decoded};
use claimdiff_input::{read_html, read_jsonl, Document};
use claimdiff_parser::ReportInput;

use crate::error::CliError;

/// Extensions picked up when a folder is searched. Explicitly named files of any other
/// extension are read as plain text.
const FOLDER_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "jsonl"];

/// Report id of standard input.
const STDIN_ID: &str = "stdin";

/// Where a report is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::File(path) => write!(f, "{}", path.display()),
            Source::Stdin => f.write_str(STDIN_ID),
        }
    }
}

/// How a file's content becomes report text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    PlainText,
    Html,
    JsonLines,
}

impl Format {
    fn of(path: &Path) -> Format {
        let extension = path
            .extension()
            .map(|ext| ext.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("jsonl") => Format::JsonLines,
            _ => Format::PlainText,
        }
    }
}

/// Something worth telling the user about an input that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    InvalidUtf8 {
        source: String,
        offset: usize,
    },
    Empty {
        source: String,
    },
    /// The input was skipped: the run ends with exit code 1.
    Binary {
        source: String,
    },
    /// An HTML page without article text (an index page, a login wall): skipped, exit code 1.
    NoArticle {
        source: String,
        reason: String,
    },
}

impl Notice {
    pub fn skips_input(&self) -> bool {
        matches!(self, Notice::Binary { .. } | Notice::NoArticle { .. })
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::InvalidUtf8 { source, offset } => write!(
                f,
                "warning: {source}: invalid UTF-8 at byte {offset}; bad bytes replaced with U+FFFD"
            ),
            Notice::Empty { source } => {
                write!(
                    f,
                    "warning: {source}: the report is empty; it has no claims"
                )
            }
            Notice::Binary { source } => {
                write!(f, "{source}: skipped: binary file (contains NUL bytes)")
            }
            Notice::NoArticle { source, reason } => {
                write!(f, "{source}: skipped: {reason}")
            }
        }
    }
}

/// The reports of a run, sorted by id, and what was noticed while reading them.
#[derive(Debug, Default)]
pub struct Inputs {
    pub reports: Vec<ReportInput>,
    pub notices: Vec<Notice>,
}

impl Inputs {
    pub fn skipped(&self) -> usize {
        self.notices.iter().filter(|n| n.skips_input()).count()
    }
}

/// Expands the REPORT arguments: files as given, folders searched recursively (sorted),
/// `-` for standard input.
pub fn find_sources(arguments: &[PathBuf]) -> Result<Vec<Source>, CliError> {
    let mut sources = Vec::new();
    for argument in arguments {
        if argument.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let metadata = fs::metadata(argument).map_err(|source| CliError::Read {
            path: argument.clone(),
            source,
        })?;
        if metadata.is_dir() {
            let before = sources.len();
            search_folder(argument, &mut sources)?;
            if sources.len() == before {
                return Err(CliError::EmptyFolder {
                    path: argument.clone(),
                    extensions: FOLDER_EXTENSIONS
                        .iter()
                        .map(|ext| format!(".{ext}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        } else {
            sources.push(Source::File(argument.clone()));
        }
    }
    Ok(sources)
}

fn search_folder(folder: &Path, sources: &mut Vec<Source>) -> Result<(), CliError> {
    let read_error = |source| CliError::Read {
        path: folder.to_path_buf(),
        source,
    };
    let mut entries = fs::read_dir(folder)
        .map_err(read_error)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(read_error)?;
    entries.sort();
    for path in entries {
        // `fs::metadata` follows symbolic links; a link pointing back up would loop, so
        // only real folders are entered.
        let is_real_folder = fs::symlink_metadata(&path)
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if is_real_folder {
            search_folder(&path, sources)?;
        } else if path.is_file() && has_folder_extension(&path) {
            sources.push(Source::File(path));
        }
    }
    Ok(())
}

fn has_folder_extension(path: &Path) -> bool {
    path.extension()
        .map(|ext| ext.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|ext| FOLDER_EXTENSIONS.contains(&ext.as_str()))
}

/// Reads every source, sorts the reports by id and rejects id clashes.
pub fn read_sources(sources: &[Source]) -> Result<Inputs, CliError> {
    let mut inputs = Inputs::default();
    for source in sources {
        let (bytes, format) = match source {
            Source::Stdin => {
                let mut bytes = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .map_err(|source| CliError::ReadStdin { source })?;
                (bytes, None)
            }
            Source::File(path) => {
                let bytes = fs::read(path).map_err(|source| CliError::Read {
                    path: path.clone(),
                    source,
                })?;
                (bytes, Some(Format::of(path)))
            }
        };
        let Some(text) = decode_with_notices(source, bytes, &mut inputs.notices) else {
            continue;
        };
        // Standard input has no extension: a page announces itself.
        let format = format.unwrap_or_else(|| {
            if looks_like_html(&text) {
                Format::Html
            } else {
                Format::PlainText
            }
        });
        match format {
            Format::PlainText => push_report(source, plain_document(text), &mut inputs),
            Format::Html => match read_html(&text) {
                Ok(document) => push_report(source, document, &mut inputs),
                Err(err) => inputs.notices.push(Notice::NoArticle {
                    source: source.to_string(),
                    reason: err.to_string(),
                }),
            },
            Format::JsonLines => read_export(source, &text, &mut inputs)?,
        }
    }
    inputs.reports.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(pair) = inputs
        .reports
        .windows(2)
        .find(|pair| pair[0].id == pair[1].id)
    {
        return Err(CliError::DuplicateId {
            id: pair[0].id.clone(),
            first: pair[0].source.clone(),
            second: pair[1].source.clone(),
        });
    }
    Ok(inputs)
}

fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start();
    let opening = start.get(..14).unwrap_or(start).to_ascii_lowercase();
    opening.starts_with("<!doctype html") || opening.starts_with("<html")
}

/// Decodes bytes as UTF-8, noting invalid bytes; `None` (and a notice) for binary files.
fn decode_with_notices(
    source: &Source,
    bytes: Vec<u8>,
    notices: &mut Vec<Notice>,
) -> Option<String> {
    match decode(bytes) {
        Decoded::Binary => {
            notices.push(Notice::Binary {
                source: source.to_string(),
            });
            None
        }
        Decoded::Text {
            text,
            first_invalid_byte,
        } => {
            if let Some(offset) = first_invalid_byte {
                notices.push(Notice::InvalidUtf8 {
                    source: source.to_string(),
                    offset,
                });
            }
            Some(text)
        }
    }
}

fn plain_document(text: String) -> Document {
    Document {
        text,
        ..Document::default()
    }
}

/// A file or standard input holding one report.
fn push_report(source: &Source, document: Document, inputs: &mut Inputs) {
    push_input(report_id(source), source.to_string(), document, inputs);
}

/// A JSON Lines export: one report a record, its id the record's `id`, its source
/// `<file>:<line>`.
fn read_export(source: &Source, text: &str, inputs: &mut Inputs) -> Result<(), CliError> {
    let records = read_jsonl(text).map_err(|error| CliError::JsonLines {
        source_name: source.to_string(),
        error,
    })?;
    for record in records {
        let description = format!("{source}:{}", record.line);
        push_input(record.id, description, record.document, inputs);
    }
    Ok(())
}

fn push_input(id: String, source: String, document: Document, inputs: &mut Inputs) {
    if document.text.trim().is_empty() {
        inputs.notices.push(Notice::Empty {
            source: source.clone(),
        });
    }
    inputs.reports.push(ReportInput {
        id,
        source,
        text: document.text,
        published: document.published,
        outlet: document.outlet,
        dateline_year: None,
    });
}

/// The file name without its extension; `stdin` for standard input.
fn report_id(source: &Source) -> String {
    match source {
        Source::Stdin => STDIN_ID.to_string(),
        Source::File(path) => path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_id_is_file_stem() {
        let id = report_id(&Source::File(PathBuf::from("some/dir/wire.v2.txt")));
        assert_eq!(id, "wire.v2");
        assert_eq!(report_id(&Source::Stdin), "stdin");
    }

    #[test]
    fn format_dispatch_by_extension() {
        assert_eq!(Format::of(Path::new("a.TXT")), Format::PlainText);
        assert_eq!(Format::of(Path::new("a.md")), Format::PlainText);
        assert_eq!(Format::of(Path::new("a")), Format::PlainText);
        assert_eq!(Format::of(Path::new("a.html")), Format::Html);
        assert_eq!(Format::of(Path::new("a.jsonl")), Format::JsonLines);
    }
}
