//! Errors of the command, each naming the file or folder it is about.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum CliError {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("standard input: cannot read: {source}")]
    ReadStdin { source: io::Error },

    #[error("{source_name}: {error}")]
    JsonLines {
        source_name: String,
        error: claimdiff_input::JsonlError,
    },

    #[error("{}: no report files found (looked for {extensions})", path.display())]
    EmptyFolder { path: PathBuf, extensions: String },

    #[error("report id `{id}`: used by both {first} and {second}; rename one of them")]
    DuplicateId {
        id: String,
        first: String,
        second: String,
    },

    #[error("{}: is both an input report and an output file", path.display())]
    InputIsOutput { path: PathBuf },

    #[error("{}: the output folder is an existing file", path.display())]
    OutputNotFolder { path: PathBuf },

    #[error("{}: cannot create the output folder: {source}", path.display())]
    CreateOutputFolder { path: PathBuf, source: io::Error },

    #[error("{}: cannot write: {source}; earlier results were left unchanged", path.display())]
    Write { path: PathBuf, source: io::Error },

    #[error("standard output: cannot write: {source}")]
    WriteStdout { source: io::Error },

    #[error("{table}: cannot format a row: {source}")]
    Csv {
        table: &'static str,
        source: csv::Error,
    },

    #[error("{table}: cannot encode as JSON: {source}")]
    Json {
        table: &'static str,
        source: serde_json::Error,
    },

    #[error("-j {threads}: cannot start the worker threads: {source}")]
    ThreadPool {
        threads: usize,
        source: rayon::ThreadPoolBuildError,
    },

    #[error(
        "{table}: the matcher referred to claim {claim} of report {report}, which does not exist"
    )]
    MissingClaim {
        table: &'static str,
        report: usize,
        claim: usize,
    },
}

impl CliError {
    /// True when standard output was closed by the reader (`claimdiff extract ... | head`):
    /// the reader has what it wanted, so this is not a failure.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::WriteStdout { source } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_broken_stdout_pipe_counts_as_closed() {
        let broken = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(CliError::WriteStdout { source: broken() }.is_closed_pipe());
        let other = CliError::WriteStdout {
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert!(!other.is_closed_pipe());
        let file = CliError::Write {
            path: PathBuf::from("out/claims.csv"),
            source: broken(),
        };
        assert!(!file.is_closed_pipe());
    }
}
