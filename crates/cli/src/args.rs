//! Command-line arguments (clap derive).

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

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
    /// Extract the claims of reports as one table (the claims.csv of `compare`).
    Extract(ExtractArgs),
    /// Print shell completions or the man page, generated from these definitions.
    Generate(GenerateArgs),
}

/// Table format of `compare` and `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// One CSV file per table.
    #[default]
    Csv,
    /// One JSON document holding every table under its name ("claims", "agreements", ...),
    /// with the CSV columns as field names.
    Json,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub inputs: InputArgs,

    /// Folder the tables are written into (created if missing): one .csv file per
    /// table, or claimdiff.json with --format json.
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,

    /// Also write a self-contained HTML page: who reports what, conflicts side by side,
    /// each report's unique claims.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// How similar two claims must be to match (above 0, at most 1; default 0.25).
    /// Higher is stricter: fewer and tighter agreement groups, fewer conflicts, more
    /// unique claims.
    #[arg(long, value_name = "S", value_parser = parse_similarity)]
    pub min_similarity: Option<f64>,

    #[command(flatten)]
    pub run: RunArgs,
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
    /// Report files (.txt, .md, .html/.htm pages, .jsonl exports with one report a
    /// record; other files are read as text), folders (searched recursively for those
    /// kinds) or `-` for standard input (report id `stdin`; an HTML page is recognised).
    #[arg(required = true, value_name = "REPORT")]
    pub reports: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Number of worker threads (default: one per core). Output is identical for any number.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Table format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,

    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// A similarity threshold: a number above 0 and at most 1.
fn parse_similarity(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(value) if value > 0.0 && value <= 1.0 => Ok(value),
        Ok(_) => Err("must be above 0 and at most 1".to_string()),
        Err(err) => Err(err.to_string()),
    }
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[command(subcommand)]
    pub what: Generate,
}

#[derive(Debug, Subcommand)]
pub enum Generate {
    /// Completion script for a shell, on standard output.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// The man page (roff), on standard output.
    Man,
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
    fn min_similarity_must_be_a_similarity() {
        let parse = |value: &str| {
            Cli::try_parse_from([
                "claimdiff",
                "compare",
                "a.txt",
                "--out",
                "o",
                "--min-similarity",
                value,
            ])
        };
        for bad in ["0", "-0.2", "1.5", "NaN", "high"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let Command::Compare(args) = parse("0.4").expect("valid").command else {
            panic!("not compare");
        };
        assert_eq!(args.min_similarity, Some(0.4));
    }

    #[test]
    fn zero_threads_is_rejected() {
        let parsed =
            Cli::try_parse_from(["claimdiff", "compare", "a.txt", "--out", "o", "-j", "0"]);
        assert!(parsed.is_err());
    }
}
