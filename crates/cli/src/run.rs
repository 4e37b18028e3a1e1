//! The two commands: read inputs, run parser and matcher, write tables.

use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimdiff_matcher::Comparison;
use claimdiff_parser::{parse_report, Report, ReportInput};
use rayon::prelude::*;

use crate::args::{Cli, Command, CompareArgs, ExtractArgs};
use crate::error::CliError;
use crate::input::{self, Inputs, Source};
use crate::output::{self, Table};
use crate::stages::StageClock;
use crate::tables::{self, AgreementRow, ClaimRow, ConflictRow, ReportRow, UniqueRow};

/// How a run that did not fail ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Complete,
    /// Some inputs could not be used (binary files); the others were processed.
    InputsSkipped,
}

pub fn run(cli: Cli) -> Result<Status, CliError> {
    match cli.command {
        Command::Compare(args) => compare(args),
        Command::Extract(args) => extract(args),
    }
}

fn compare(args: CompareArgs) -> Result<Status, CliError> {
    let started = Instant::now();
    let mut clock = StageClock::from_env();
    let out = &args.out;
    if out.exists() && !out.is_dir() {
        return Err(CliError::OutputNotFolder { path: out.clone() });
    }
    let sources = input::find_sources(&args.inputs.reports)?;
    let table_paths = [
        ClaimRow::FILE,
        AgreementRow::FILE,
        ConflictRow::FILE,
        UniqueRow::FILE,
        ReportRow::FILE,
    ]
    .map(|file| out.join(file));
    reject_inputs_among_outputs(&sources, &table_paths)?;
    let inputs = read_inputs(&sources)?;
    let status = status_of(&inputs);
    clock.lap("read");

    let (reports, comparison) = in_thread_pool(args.run.threads, || {
        let reports = parse_all(inputs.reports);
        clock.lap("parse");
        let comparison = claimdiff_matcher::compare(&reports);
        clock.lap("match");
        (reports, comparison)
    })?;

    let files = [
        (
            ClaimRow::FILE,
            output::render(&tables::claim_rows(&reports))?,
        ),
        (
            AgreementRow::FILE,
            output::render(&tables::agreement_rows(&reports, &comparison)?)?,
        ),
        (
            ConflictRow::FILE,
            output::render(&tables::conflict_rows(&reports, &comparison)?)?,
        ),
        (
            UniqueRow::FILE,
            output::render(&tables::unique_rows(&reports, &comparison)?)?,
        ),
        (
            ReportRow::FILE,
            output::render(&tables::report_rows(&reports, &comparison))?,
        ),
    ];
    fs::create_dir_all(out).map_err(|source| CliError::CreateOutputFolder {
        path: out.clone(),
        source,
    })?;
    output::write_atomically(out, &files)?;
    clock.lap("write");
    clock.count("claims", comparison.stats.claims);
    clock.count("candidate_pairs", comparison.stats.candidate_pairs);
    clock.count("matched_pairs", comparison.stats.matched_pairs);
    clock.count("groups", comparison.groups.len());
    clock.count("conflict_rows", comparison.conflicts.len());
    clock.count(
        "output_bytes",
        files.iter().map(|(_, bytes)| bytes.len()).sum(),
    );
    clock.report();

    if !args.quiet {
        eprintln!("claimdiff: {}", summary(&reports, &comparison, started));
    }
    Ok(status)
}

fn extract(args: ExtractArgs) -> Result<Status, CliError> {
    let sources = input::find_sources(&args.inputs.reports)?;
    if let Some(out) = &args.out {
        reject_inputs_among_outputs(&sources, std::slice::from_ref(out))?;
    }
    let inputs = read_inputs(&sources)?;
    let status = status_of(&inputs);
    let reports = in_thread_pool(args.run.threads, || parse_all(inputs.reports))?;
    let table = output::render(&tables::claim_rows(&reports))?;
    match &args.out {
        None => output::write_stdout(&table)?,
        Some(out) => {
            let folder = match out.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            let name = out
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .ok_or_else(|| CliError::Write {
                    path: out.clone(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "not a file name",
                    ),
                })?;
            output::write_atomically(folder, &[(name.as_str(), table)])?;
        }
    }
    Ok(status)
}

fn read_inputs(sources: &[Source]) -> Result<Inputs, CliError> {
    let inputs = input::read_sources(sources)?;
    for notice in &inputs.notices {
        eprintln!("claimdiff: {notice}");
    }
    Ok(inputs)
}

fn status_of(inputs: &Inputs) -> Status {
    if inputs.skipped() > 0 {
        Status::InputsSkipped
    } else {
        Status::Complete
    }
}

/// Writing a table over one of the reports being read would destroy the input.
fn reject_inputs_among_outputs(sources: &[Source], outputs: &[PathBuf]) -> Result<(), CliError> {
    // Only existing outputs can be the same file as an input, and canonical paths see
    // through `./`, `..` and symbolic links.
    let outputs: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|path| fs::canonicalize(path).ok())
        .collect();
    for source in sources {
        if let Source::File(path) = source {
            if let Ok(canonical) = fs::canonicalize(path) {
                if outputs.contains(&canonical) {
                    return Err(CliError::InputIsOutput { path: path.clone() });
                }
            }
        }
    }
    Ok(())
}

fn parse_all(inputs: Vec<ReportInput>) -> Vec<Report> {
    // An indexed parallel iterator keeps the input order (sorted by id) whatever the
    // number of threads.
    inputs.into_par_iter().map(parse_report).collect()
}

/// Runs `work` in a pool of `threads` workers (rayon calls inside it, including the
/// matcher's, use that pool), or in rayon's global pool when no number is given.
fn in_thread_pool<T: Send>(
    threads: Option<NonZeroUsize>,
    work: impl FnOnce() -> T + Send,
) -> Result<T, CliError> {
    let Some(threads) = threads else {
        return Ok(work());
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.get())
        .build()
        .map_err(|source| CliError::ThreadPool {
            threads: threads.get(),
            source,
        })?;
    Ok(pool.install(work))
}

fn summary(reports: &[Report], comparison: &Comparison, started: Instant) -> String {
    let claims: usize = reports.iter().map(|report| report.claims.len()).sum();
    format!(
        "{} reports, {} claims, {} groups, {} conflicts in {:.2} s",
        reports.len(),
        claims,
        comparison.groups.len(),
        comparison.conflicts.len(),
        started.elapsed().as_secs_f64()
    )
}
