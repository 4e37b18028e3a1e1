//! Writing tables: CSV encoding with formula-safe cells, JSON documents, atomic
//! replacement of files.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

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
pub fn render<R: Table + Sync>(rows: &[R]) -> Result<Vec<u8>, CliError> {
    render_rows::<R, &R>(rows.len(), |index| Ok(&rows[index]))
}

/// Rows per chunk of [`render_rows`]: big enough that a chunk's buffer amortises
/// the task, small enough that two threads share a table evenly.
const ROWS_PER_CHUNK: usize = 2048;

/// Encodes `count` rows of table `R` as CSV, as [`render`] does, building row
/// `index` with `row(index)` only when it is written: a table of a million
/// conflict rows is never held as row structs. Chunks of rows are encoded in
/// parallel and joined in order, so the bytes do not depend on the thread count.
pub fn render_rows<R: Table, S: Serialize>(
    count: usize,
    row: impl Fn(usize) -> Result<S, CliError> + Sync,
) -> Result<Vec<u8>, CliError> {
    let mut bytes = encode_chunk::<R, S>(0..0, &row, true)?;
    let chunks: Vec<Vec<u8>> = (0..count.div_ceil(ROWS_PER_CHUNK))
        .into_par_iter()
        .map(|chunk| {
            let start = chunk * ROWS_PER_CHUNK;
            encode_chunk::<R, S>(start..(start + ROWS_PER_CHUNK).min(count), &row, false)
        })
        .collect::<Result<_, _>>()?;
    bytes.reserve(chunks.iter().map(Vec::len).sum());
    for chunk in chunks {
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

fn encode_chunk<R: Table, S: Serialize>(
    rows: std::ops::Range<usize>,
    row: &(impl Fn(usize) -> Result<S, CliError> + Sync),
    header: bool,
) -> Result<Vec<u8>, CliError> {
    let csv_error = |source| CliError::Csv {
        table: R::FILE,
        source,
    };
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(rows.len() * 256));
    if header {
        writer.write_record(R::COLUMNS).map_err(csv_error)?;
    }
    let mut cell = String::new();
    for index in rows {
        row(index)?
            .serialize(RowSerializer {
                writer: &mut writer,
                columns: R::COLUMNS,
                cell: &mut cell,
            })
            .map_err(|RowError(message)| csv_error(csv::Error::from(io::Error::other(message))))?;
    }
    writer.into_inner().map_err(|err| CliError::Csv {
        table: R::FILE,
        source: csv::Error::from(err.into_error()),
    })
}

/// Why a row could not be encoded: a write failed, or the row type does not fit
/// its table (fields not in the order of `COLUMNS`, or a list in a cell).
#[derive(Debug)]
struct RowError(String);

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RowError {}

impl serde::ser::Error for RowError {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        RowError(message.to_string())
    }
}

/// Writes one row struct straight into the CSV writer, field by field. Rows used
/// to go through a `serde_json::Value` per row, a map of owned strings, which
/// was a fifth of a 512-report run; the cells are the same (checked by
/// `direct_cells_match_the_json_route`).
struct RowSerializer<'a, W: Write> {
    writer: &'a mut csv::Writer<W>,
    columns: &'static [&'static str],
    cell: &'a mut String,
}

struct RowFields<'a, W: Write> {
    row: RowSerializer<'a, W>,
    next: usize,
}

fn not_a_row<T>() -> Result<T, RowError> {
    Err(RowError("a table row must be a struct".to_string()))
}

macro_rules! not_a_row {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Self::Ok, Self::Error> { not_a_row() })*
    };
}

impl<'a, W: Write> serde::Serializer for RowSerializer<'a, W> {
    type Ok = ();
    type Error = RowError;
    type SerializeSeq = serde::ser::Impossible<(), RowError>;
    type SerializeTuple = serde::ser::Impossible<(), RowError>;
    type SerializeTupleStruct = serde::ser::Impossible<(), RowError>;
    type SerializeTupleVariant = serde::ser::Impossible<(), RowError>;
    type SerializeMap = serde::ser::Impossible<(), RowError>;
    type SerializeStruct = RowFields<'a, W>;
    type SerializeStructVariant = serde::ser::Impossible<(), RowError>;

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, RowError> {
        Ok(RowFields { row: self, next: 0 })
    }

    not_a_row!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), RowError> {
        not_a_row()
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), RowError> {
        not_a_row()
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), RowError> {
        not_a_row()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, RowError> {
        not_a_row()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, RowError> {
        not_a_row()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, RowError> {
        not_a_row()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, RowError> {
        not_a_row()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, RowError> {
        not_a_row()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, RowError> {
        not_a_row()
    }
}

impl<W: Write> serde::ser::SerializeStruct for RowFields<'_, W> {
    type Ok = ();
    type Error = RowError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), RowError> {
        if self.row.columns.get(self.next) != Some(&key) {
            return Err(RowError(format!(
                "field `{key}` is not column {} of the table",
                self.next + 1
            )));
        }
        self.next += 1;
        self.row.cell.clear();
        value.serialize(CellSerializer(self.row.cell))?;
        self.row
            .writer
            .write_field(self.row.cell.as_bytes())
            .map_err(|err| RowError(err.to_string()))
    }

    fn end(self) -> Result<(), RowError> {
        if self.next != self.row.columns.len() {
            return Err(RowError(format!(
                "the row has {} of the table's {} columns",
                self.next,
                self.row.columns.len()
            )));
        }
        self.row
            .writer
            .write_record(None::<&[u8]>)
            .map_err(|err| RowError(err.to_string()))
    }
}

/// Formats one cell's value into a string: text made [`formula_safe`], numbers
/// and booleans as JSON writes them, enum variants by their serde name, nothing
/// for an absent value.
struct CellSerializer<'a>(&'a mut String);

impl CellSerializer<'_> {
    fn display(self, value: impl std::fmt::Display) -> Result<(), RowError> {
        use std::fmt::Write as _;
        write!(self.0, "{value}").map_err(|err| RowError(err.to_string()))
    }
}

fn no_lists<T>() -> Result<T, RowError> {
    Err(RowError("a cell holds no list or object".to_string()))
}

impl serde::Serializer for CellSerializer<'_> {
    type Ok = ();
    type Error = RowError;
    type SerializeSeq = serde::ser::Impossible<(), RowError>;
    type SerializeTuple = serde::ser::Impossible<(), RowError>;
    type SerializeTupleStruct = serde::ser::Impossible<(), RowError>;
    type SerializeTupleVariant = serde::ser::Impossible<(), RowError>;
    type SerializeMap = serde::ser::Impossible<(), RowError>;
    type SerializeStruct = serde::ser::Impossible<(), RowError>;
    type SerializeStructVariant = serde::ser::Impossible<(), RowError>;

    fn serialize_bool(self, v: bool) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), RowError> {
        self.display(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), RowError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), RowError> {
        // JSON's number form; a value JSON cannot hold (NaN, infinity) is empty.
        match serde_json::Number::from_f64(v) {
            Some(number) => self.display(number),
            None => Ok(()),
        }
    }
    fn serialize_char(self, v: char) -> Result<(), RowError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), RowError> {
        self.0.push_str(&formula_safe(v));
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), RowError> {
        no_lists()
    }
    fn serialize_none(self) -> Result<(), RowError> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), RowError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), RowError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), RowError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), RowError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), RowError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), RowError> {
        no_lists()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, RowError> {
        no_lists()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, RowError> {
        no_lists()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, RowError> {
        no_lists()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, RowError> {
        no_lists()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, RowError> {
        no_lists()
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, RowError> {
        no_lists()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, RowError> {
        no_lists()
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
