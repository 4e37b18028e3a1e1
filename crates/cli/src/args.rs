//! Command-line arguments (clap derive).

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Compares several news reports of the same event: what they agree on, where they
/// conflict, and what only one of them says.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare reports and write claims.csv, agreements.csv, conflicts.csv, unique.csv
    /// and reports.csv into a folder.
    Compare(CompareArgs),
    /// Extract the claims of reports as one CSV table (the claims.csv of `compare`).
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub inputs: InputArgs,

    /// Folder the tables are written into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,

    #[command(flatten)]
    pub run: RunArgs,

    /// Do not print the summary line at the end.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub inputs: InputArgs,

    /// Write the table to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Report files (.txt, .md; other files are read as text), folders (searched
    /// recursively for .txt and .md files) or `-` for standard input (report id `stdin`).
    #[arg(required = true, value_name = "REPORT")]
    pub reports: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Number of worker threads (default: one per core). Output is identical for any number.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn argument_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn zero_threads_is_rejected() {
        let parsed =
            Cli::try_parse_from(["claimdiff", "compare", "a.txt", "--out", "o", "-j", "0"]);
        assert!(parsed.is_err());
    }
}
