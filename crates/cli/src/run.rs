//! The commands: read inputs, run parser and matcher, write tables and the HTML
//! report; generate completions and the man page.

use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimdiff_matcher::Comparison;
use claimdiff_parser::{parse_report, Report, ReportInput};
use clap::CommandFactory;
use indicatif::{ParallelProgressIterator, ProgressBar};
use rayon::prelude::*;

use crate::args::{Cli, Command, CompareArgs, ExtractArgs, Format, Generate};
use crate::error::CliError;
use crate::input::{self, Inputs, Source};
use crate::output::{self, Table};
use crate::progress::Progress;
use crate::stages::StageClock;
use crate::tables::{
    self, AgreementRow, ClaimRow, ClaimTable, ComparisonTables, ConflictRow, DisputeMemberRow,
    DisputeRow, ReportRow, UniqueRow,
};

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
        Command::Generate(args) => generate(args.what),
    }
}

/// File of `compare --format json` in the output folder.
const JSON_FILE: &str = "claimdiff.json";

/// The files `compare` writes, in the order they are written.
fn compare_outputs(args: &CompareArgs) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = match args.run.format {
        Format::Csv => [
            ClaimRow::FILE,
            AgreementRow::FILE,
            ConflictRow::FILE,
            UniqueRow::FILE,
            ReportRow::FILE,
            DisputeRow::FILE,
            DisputeMemberRow::FILE,
        ]
        .iter()
        .map(|file| args.out.join(file))
        .collect(),
        Format::Json => vec![args.out.join(JSON_FILE)],
    };
    paths.extend(args.html.iter().cloned());
    paths
}

fn compare(args: CompareArgs) -> Result<Status, CliError> {
    let started = Instant::now();
    let mut clock = StageClock::from_env();
    let out = &args.out;
    if out.exists() && !out.is_dir() {
        return Err(CliError::OutputNotFolder { path: out.clone() });
    }
    let sources = input::find_sources(&args.inputs.reports)?;
    let outputs = compare_outputs(&args);
    reject_inputs_among_outputs(&sources, &outputs)?;
    let inputs = read_inputs(&sources)?;
    let status = status_of(&inputs);
    clock.lap("read");

    let progress = Progress::start(inputs.reports.len(), args.run.quiet);
    let bar = progress.bar();
    let (reports, comparison) = in_thread_pool(args.run.threads, || {
        let reports = parse_all(inputs.reports, &bar);
        clock.lap("parse");
        bar.set_message("matching");
        let mut options = claimdiff_matcher::MatchOptions::default();
        if let Some(min_similarity) = args.min_similarity {
            options.min_similarity = min_similarity;
        }
        let comparison = claimdiff_matcher::compare_with(&reports, &options);
        clock.lap("match");
        (reports, comparison)
    })?;
    progress.finish();

    let mut contents: Vec<Vec<u8>> = match args.run.format {
        Format::Csv => {
            let disputes = claimdiff_matcher::disputes(&comparison);
            vec![
                output::render(&tables::claim_rows(&reports))?,
                output::render(&tables::agreement_rows(&reports, &comparison)?)?,
                output::render_rows::<ConflictRow, _>(comparison.conflicts.len(), |index| {
                    tables::conflict_row(&reports, &comparison, index)
                })?,
                output::render(&tables::unique_rows(&reports, &comparison)?)?,
                output::render(&tables::report_rows(&reports, &comparison))?,
                output::render(&tables::dispute_rows(&disputes))?,
                output::render(&tables::dispute_member_rows(&reports, &disputes)?)?,
            ]
        }
        Format::Json => vec![output::render_json(
            &ComparisonTables::build(&reports, &comparison)?,
            JSON_FILE,
        )?],
    };
    if args.html.is_some() {
        contents.push(claimdiff_html::render(&reports, &comparison).into_bytes());
    }
    let files: Vec<(PathBuf, Vec<u8>)> = outputs.into_iter().zip(contents).collect();
    let html_folder = args
        .html
        .as_deref()
        .and_then(Path::parent)
        .filter(|folder| !folder.as_os_str().is_empty());
    for folder in std::iter::once(out.as_path()).chain(html_folder) {
        fs::create_dir_all(folder).map_err(|source| CliError::CreateOutputFolder {
            path: folder.to_path_buf(),
            source,
        })?;
    }
    output::write_atomically(&files)?;
    clock.lap("write");
    clock.count("claims", comparison.stats.claims);
    clock.count("candidate_pairs", comparison.stats.candidate_pairs);
    clock.count("matched_pairs", comparison.stats.matched_pairs);
    clock.count("sentence_links", comparison.stats.sentence_links);
    clock.count("groups", comparison.groups.len());
    clock.count("conflict_rows", comparison.conflicts.len());
    clock.count(
        "output_bytes",
        files.iter().map(|(_, bytes)| bytes.len()).sum(),
    );
    clock.report();

    if !args.run.quiet {
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
    let progress = Progress::start(inputs.reports.len(), args.run.quiet);
    let bar = progress.bar();
    let reports = in_thread_pool(args.run.threads, || parse_all(inputs.reports, &bar))?;
    progress.finish();
    let claims = tables::claim_rows(&reports);
    let table = match args.run.format {
        Format::Csv => output::render(&claims)?,
        Format::Json => output::render_json(&ClaimTable { claims }, ClaimRow::FILE)?,
    };
    match &args.out {
        None => output::write_stdout(&table)?,
        Some(out) => output::write_atomically(&[(out.clone(), table)])?,
    }
    Ok(status)
}

/// Completions and the man page, from the same clap definitions the parser uses.
fn generate(what: Generate) -> Result<Status, CliError> {
    let mut command = Cli::command();
    let mut bytes = Vec::new();
    match what {
        Generate::Completions { shell } => {
            clap_complete::generate(shell, &mut command, "claimdiff", &mut bytes);
        }
        Generate::Man => clap_mangen::Man::new(command)
            .render(&mut bytes)
            .map_err(|source| CliError::WriteStdout { source })?,
    }
    output::write_stdout(&bytes)?;
    Ok(Status::Complete)
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

fn parse_all(mut inputs: Vec<ReportInput>, bar: &ProgressBar) -> Vec<Report> {
    claimdiff_parser::infer_dateline_years(&mut inputs);
    // An indexed parallel iterator keeps the input order (sorted by id) whatever the
    // number of threads; the progress adapter stays indexed.
    inputs
        .into_par_iter()
        .progress_with(bar.clone())
        .map(parse_report)
        .collect()
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
