//! Writing tables: CSV encoding with formula-safe cells, JSON documents, atomic
//! replacement of files.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::error::CliError;

/// Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection),
/// plus the control characters that can hide one behind a line break.
const FORMULA_TRIGGERS: &[char] = &['=', '+', '-', '@', '\t', '\r', '\n'];

/// Makes a cell show as text in a spreadsheet: a cell starting with a formula trigger
/// gets a leading single quote. The only place cell text is made safe; [`render`]
/// applies it to every text cell of a CSV table (JSON keeps the text as it is: no
/// spreadsheet evaluates it).
pub fn formula_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_TRIGGERS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A text cell of an output table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Cell(pub String);

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell(text.to_string())
    }
}

/// A row type of one output table.
pub trait Table: Serialize {
    /// File name, e.g. `claims.csv`.
    const FILE: &'static str;
    /// Header row: the contract's column names in order. Written explicitly so that an
    /// empty table still has its header.
    const COLUMNS: &'static [&'static str];
}

/// Encodes a table as CSV: header row, RFC 4180 quoting, `\n` line ends, every text
/// cell [`formula_safe`].
pub fn render<R: Table>(rows: &[R]) -> Result<Vec<u8>, CliError> {
    let csv_error = |source| CliError::Csv {
        table: R::FILE,
        source,
    };
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(R::COLUMNS).map_err(csv_error)?;
    for row in rows {
        // Through a JSON value so that the cells can be made safe by column name, in
        // one place, whatever their Rust type.
        let value = serde_json::to_value(row).map_err(|source| CliError::Json {
            table: R::FILE,
            source,
        })?;
        let cells = R::COLUMNS.iter().map(|column| csv_cell(value.get(column)));
        writer.write_record(cells).map_err(csv_error)?;
    }
    writer.into_inner().map_err(|err| CliError::Csv {
        table: R::FILE,
        source: csv::Error::from(err.into_error()),
    })
}

fn csv_cell(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(text)) => formula_safe(text).into_owned(),
        Some(Value::Number(number)) => number.to_string(),
        Some(Value::Bool(flag)) => flag.to_string(),
        // Rows hold no lists or objects; a missing column stays empty.
        Some(Value::Null | Value::Array(_) | Value::Object(_)) | None => String::new(),
    }
}

/// Encodes a document as pretty-printed JSON ending in a line break.
pub fn render_json<D: Serialize>(document: &D, name: &'static str) -> Result<Vec<u8>, CliError> {
    let mut bytes = serde_json::to_vec_pretty(document).map_err(|source| CliError::Json {
        table: name,
        source,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Writes all files, replacing earlier ones only when every file was written: each
/// goes to a hidden temporary file beside its target first, and the temporaries are
/// renamed into place at the end. On failure the temporaries are removed.
pub fn write_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<(), CliError> {
    let pid = std::process::id();
    let mut pending: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let result = (|| {
        for (target, bytes) in files {
            let name = target.file_name().ok_or_else(|| CliError::Write {
                path: target.clone(),
                source: io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
            })?;
            let temporary = target.with_file_name(format!(".{}.tmp-{pid}", name.to_string_lossy()));
            pending.push((temporary.clone(), target.clone()));
            write_file(&temporary, bytes).map_err(|source| CliError::Write {
                path: temporary.clone(),
                source,
            })?;
        }
        // A rename fails on a folder in the way; find that before anything is replaced.
        if let Some((_, target)) = pending.iter().find(|(_, target)| target.is_dir()) {
            return Err(CliError::Write {
                path: target.clone(),
                source: io::Error::other("a folder is in the way"),
            });
        }
        for (temporary, target) in &pending {
            fs::rename(temporary, target).map_err(|source| CliError::Write {
                path: target.clone(),
                source,
            })?;
        }
        Ok(())
    })();
    if result.is_err() {
        for (temporary, _) in &pending {
            // Already renamed or never created: nothing to clean up.
            let _ = fs::remove_file(temporary);
        }
    }
    result
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes to standard output; a closed pipe surfaces as [`CliError::WriteStdout`]
/// so that the caller can end quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|source| CliError::WriteStdout { source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_triggers_are_quoted() {
        for text in [
            "=HYPERLINK(\"http://x\")",
            "@SUM(1)",
            "+cmd|'/c calc'!A1",
            "-2+3",
            "\tx",
            "\rx",
            "\nx",
        ] {
            let safe = formula_safe(text);
            assert_eq!(safe, format!("'{text}"), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_rendered_cell_starts_like_a_formula(text in "\\PC*|[=+\\-@\t\r\n].*") {
            let csv = render(&[Sample { id: 1, text: Cell(text.clone()) }]).unwrap();
            let mut reader = csv::Reader::from_reader(csv.as_slice());
            let record = reader.records().next().unwrap().unwrap();
            let cell = &record[1];
            proptest::prop_assert!(!cell.starts_with(FORMULA_TRIGGERS), "{:?}", cell);
            // Nothing is lost: the cell is the text, quoted when it needed it.
            let quoted = format!("'{}", text);
            proptest::prop_assert!(cell == text || cell == quoted);
        }
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for text in [
            "",
            "Twelve people",
            "40 minute (approx)",
            "a=b",
            "'quoted",
            " =x",
        ] {
            assert!(matches!(formula_safe(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[derive(Serialize)]
    struct Sample {
        id: usize,
        text: Cell,
    }

    impl Table for Sample {
        const FILE: &'static str = "sample.csv";
        const COLUMNS: &'static [&'static str] = &["id", "text"];
    }

    #[test]
    fn render_quotes_and_makes_cells_safe() {
        let rows = [
            Sample {
                id: 1,
                text: Cell::from("=1+1, \"quoted\"\nnext"),
            },
            Sample {
                id: 2,
                text: Cell::from("plain"),
            },
        ];
        let csv = String::from_utf8(render(&rows).unwrap()).unwrap();
        assert_eq!(csv, "id,text\n1,\"'=1+1, \"\"quoted\"\"\nnext\"\n2,plain\n");
    }

    #[test]
    fn empty_table_has_header() {
        let csv = render::<Sample>(&[]).unwrap();
        assert_eq!(csv, b"id,text\n");
    }

    #[test]
    fn atomic_write_replaces_all_files_and_leaves_no_temporaries() {
        let folder = tempfile::tempdir().unwrap();
        fs::write(folder.path().join("a.csv"), "old").unwrap();
        write_atomically(&[
            (folder.path().join("a.csv"), b"new a".to_vec()),
            (folder.path().join("b.csv"), b"new b".to_vec()),
        ])
        .unwrap();
        assert_eq!(fs::read(folder.path().join("a.csv")).unwrap(), b"new a");
        assert_eq!(fs::read(folder.path().join("b.csv")).unwrap(), b"new b");
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn failed_atomic_write_keeps_earlier_results() {
        let folder = tempfile::tempdir().unwrap();
        fs::write(folder.path().join("a.csv"), "old").unwrap();
        // A name with a folder that does not exist cannot be written.
        let result = write_atomically(&[
            (folder.path().join("a.csv"), b"new".to_vec()),
            (folder.path().join("missing/b.csv"), b"x".to_vec()),
        ]);
        assert!(result.is_err());
        assert_eq!(fs::read(folder.path().join("a.csv")).unwrap(), b"old");
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["a.csv"]);
    }
}
