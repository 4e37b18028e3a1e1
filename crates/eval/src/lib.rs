//! claimdiff-eval: measurement commands that print figures, never pass/fail.
//!
//! - `eval-extract`: extraction quality per fixture event from
//!   `fixtures/<event>/annotations.toml` (recall of fact-bearing sentences, share
//!   of claims that come from page furniture, speaker accuracy on direct quotes,
//!   atomic splitting), for claimdiff and, when its Python is available, the peer.
//! - `eval-match`: the answer keys scored as precision/recall/F1 for agreements
//!   and per conflict kind ([`keyscore`] defines every figure), ours beside the peer's.
//! - `msrp`: the MSR paraphrase corpus ([`msrp`]), read from
//!   `../shared/datasets/msrp` when present: a threshold chosen on train, accuracy
//!   and F1 on test ([`metrics`]), ours beside the peer's lexical rule.
//! - `sick`: the SICK entailment test set ([`sick`]), read from
//!   `../shared/datasets/sick` when present: conflicts as contradictions, nothing
//!   tuned, ours beside the peer's own functions.
//! - `bench`: `claimdiff compare` on generated corpora of 2 to 2048 reports
//!   ([`corpus`]): time, throughput, candidate pairs and memory per stage.
//!
//! This library holds what the commands share: finding the fixtures, reading
//! reports as the CLI does, running the peer (and its Python on sentence pairs,
//! [`run_python_on_pairs`]), scoring answer keys, reading MSRP and SICK and
//! computing the figures.

pub mod keyscore;
pub mod metrics;
pub mod msrp;
pub mod sick;

pub mod corpus;

use std::path::{Path, PathBuf};
use std::process::Command;

use claimdiff_parser::{parse_report, Report, ReportInput};

/// The repository root (this crate lives in `crates/eval`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|_| PathBuf::from("."))
}

/// Event folders under `fixtures/`, sorted.
pub fn fixture_events() -> Vec<PathBuf> {
    let mut events: Vec<PathBuf> = std::fs::read_dir(repo_root().join("fixtures"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join("expected.toml").is_file())
                .collect()
        })
        .unwrap_or_default();
    events.sort();
    events
}

/// The `.txt` reports of an event folder, sorted by id.
pub fn event_reports(event: &Path) -> Vec<PathBuf> {
    let mut reports: Vec<PathBuf> = std::fs::read_dir(event)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    reports.sort();
    reports
}

/// Reads and parses the report files of one comparison as the CLI would (id = file
/// stem; a yearless dateline takes its year from the other reports).
pub fn parse_files(paths: &[PathBuf]) -> Result<Vec<Report>, String> {
    let mut inputs = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .map_err(|err| format!("{}: {err}", path.display()))?;
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(ReportInput {
                id,
                source: path.display().to_string(),
                text,
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    claimdiff_parser::infer_dateline_years(&mut inputs);
    Ok(inputs.into_iter().map(parse_report).collect())
}

/// The peer pipeline (`../shared/peer/peer.py`) and the Python that can run it,
/// from `PEER_PYTHON`, else `.venv-peer/bin/python` beside or above the repository.
pub struct Peer {
    pub python: PathBuf,
    pub script: PathBuf,
}

impl Peer {
    /// Finds the peer, or says plainly why it cannot run.
    pub fn locate() -> Result<Peer, String> {
        let root = repo_root();
        let script = root.join("../shared/peer/peer.py");
        if !script.is_file() {
            return Err(format!("peer not run: {} is absent", script.display()));
        }
        let candidates: Vec<PathBuf> = std::env::var_os("PEER_PYTHON")
            .map(PathBuf::from)
            .into_iter()
            .chain([
                root.join(".venv-peer/bin/python"),
                root.join("../.venv-peer/bin/python"),
            ])
            .collect();
        let python = candidates.into_iter().find(|p| p.is_file()).ok_or_else(|| {
            "peer not run: no Python with the peer's packages (set PEER_PYTHON, or make .venv-peer as ../shared/peer/README.md says)".to_string()
        })?;
        let probe = Command::new(&python)
            .args(["-c", "import spacy, textacy, rapidfuzz"])
            .output();
        match probe {
            Ok(out) if out.status.success() => Ok(Peer { python, script }),
            _ => Err(format!(
                "peer not run: {} lacks spacy/textacy/rapidfuzz",
                python.display()
            )),
        }
    }

    /// Runs the peer on `reports`, writing its tables into `out`.
    pub fn run(&self, reports: &[PathBuf], out: &Path) -> Result<(), String> {
        let status = Command::new(&self.python)
            .arg(&self.script)
            .args(reports)
            .arg("--out")
            .arg(out)
            .stderr(std::process::Stdio::null())
            .status()
            .map_err(|e| format!("peer failed to start: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("peer exited with {status}"))
        }
    }
}

/// Runs an inline Python `script` (with `args` after it) on sentence pairs, one
/// "a TAB b" line each on its stdin, and returns its stdout lines, one per pair.
/// The script must read all its input before it prints, so that no pipe fills up
/// while this side writes.
pub fn run_python_on_pairs<'a>(
    python: &Path,
    script: &str,
    args: &[&std::ffi::OsStr],
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<String>, String> {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(python)
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot start {}: {err}", python.display()))?;
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut expected = 0;
    let mut input = String::new();
    for (a, b) in pairs {
        input.push_str(&format!("{}\t{}\n", clean(a), clean(b)));
        expected += 1;
    }
    // A failed write means the script died; its exit status and stderr say why.
    let written = child
        .stdin
        .take()
        .map(|mut stdin| stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|err| format!("the peer's Python: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "the peer's Python ended with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    if let Some(Err(err)) = written {
        return Err(format!("writing to the peer's Python: {err}"));
    }
    let lines: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    if lines.len() != expected {
        return Err(format!(
            "the peer's Python answered {} pairs of {expected}",
            lines.len()
        ));
    }
    Ok(lines)
}

/// Case- and diacritic-folded form for comparing names.
pub fn fold_name(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
