//! `claimdiff`: compares several news reports of the same event.
//!
//! Data flow: [`args`] parses the command line; [`input`] turns every REPORT argument
//! (file, folder or `-` for stdin) into a `ReportInput`, decoding bytes (with the
//! library's `claimdiff_cli::decode`, which fuzz targets reach), converting
//! HTML pages and JSON Lines records with `claimdiff_input`, and deciding ids;
//! the reports are parsed in parallel with `claimdiff_parser::parse_report` and, for
//! `compare`, matched with `claimdiff_matcher::compare`; [`tables`] turns the parsed
//! reports and the comparison into the rows of the output contract
//! (`shared/spec/output-format.md`); [`output`] writes them as CSV (formula-safe) or
//! one JSON document, plus the HTML page of `claimdiff_html` when asked, all files
//! renamed into place only once every one was written. [`progress`] draws the bar on
//! standard error for long runs.
//!
//! The libraries know nothing of files, CSV or the terminal: everything that touches
//! them lives here.

mod args;
mod error;
mod input;
mod output;
mod progress;
mod run;
mod stages;
mod tables;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match run::run(cli) {
        Ok(run::Status::Complete) => ExitCode::SUCCESS,
        Ok(run::Status::InputsSkipped) => ExitCode::from(1),
        Err(err) if err.is_closed_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("claimdiff: error: {err}");
            ExitCode::from(2)
        }
    }
}
