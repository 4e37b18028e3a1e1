//! Per-stage timings for benchmarks, printed only on request.
//!
//! When the environment variable `CLAIMDIFF_STAGE_REPORT` is set, `compare` prints
//! one line to standard error after it finished:
//!
//! ```text
//! claimdiff-stages: read_s=0.001 read_hwm_kb=4200 parse_s=... match_s=... write_s=... claims=... candidate_pairs=... matched_pairs=... groups=... conflict_rows=... output_bytes=...
//! ```
//!
//! `cpu_s` is the process's user + system CPU time. `<stage>_hwm_kb` is the process's peak resident memory (VmHWM of
//! /proc/self/status) when the stage ended: a high-water mark cannot be reset, so
//! it is the peak of that stage *and all before it*. It is absent where /proc is.
//! The line is for the benchmark (`crates/eval`, `bench`); it is not part of the
//! output contract.

use std::time::Instant;

/// The variable that asks for the line.
const REQUEST: &str = "CLAIMDIFF_STAGE_REPORT";

/// Times stages one after another.
pub struct StageClock {
    enabled: bool,
    last: Instant,
    fields: Vec<(String, String)>,
}

impl StageClock {
    /// A clock that records only when the report was asked for.
    pub fn from_env() -> StageClock {
        StageClock {
            enabled: std::env::var_os(REQUEST).is_some(),
            last: Instant::now(),
            fields: Vec::new(),
        }
    }

    /// Ends the stage `name` (begun at the previous lap or at the start).
    pub fn lap(&mut self, name: &str) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let seconds = now.duration_since(self.last).as_secs_f64();
        self.fields
            .push((format!("{name}_s"), format!("{seconds:.4}")));
        if let Some(kb) = peak_resident_kb() {
            self.fields.push((format!("{name}_hwm_kb"), kb.to_string()));
        }
        self.last = Instant::now();
    }

    /// Adds a count to the line.
    pub fn count(&mut self, name: &str, value: usize) {
        if self.enabled {
            self.fields.push((name.to_string(), value.to_string()));
        }
    }

    /// Prints the line when it was asked for, with the process's CPU seconds
    /// (user + system, all threads) at the end.
    pub fn report(&mut self) {
        if !self.enabled {
            return;
        }
        if let Some(cpu) = cpu_seconds() {
            self.fields.push(("cpu_s".to_string(), format!("{cpu:.2}")));
        }
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        eprintln!("claimdiff-stages: {}", fields.join(" "));
    }
}

/// User plus system CPU time of the process so far (Linux only). /proc reports
/// it in clock ticks of 1/100 s on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// The process's peak resident set so far, in kB (Linux only).
fn peak_resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disabled_clock_records_nothing() {
        let mut clock = StageClock {
            enabled: false,
            last: Instant::now(),
            fields: Vec::new(),
        };
        clock.lap("read");
        clock.count("claims", 3);
        assert!(clock.fields.is_empty());
    }

    #[test]
    fn an_enabled_clock_records_stages_and_counts_in_order() {
        let mut clock = StageClock {
            enabled: true,
            last: Instant::now(),
            fields: Vec::new(),
        };
        clock.lap("read");
        clock.count("claims", 3);
        let names: Vec<&str> = clock.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names.first(), Some(&"read_s"));
        assert_eq!(names.last(), Some(&"claims"));
        assert_eq!(clock.fields.last().unwrap().1, "3");
    }
}
