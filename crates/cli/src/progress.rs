//! The progress bar on standard error: shown only when a run takes longer than
//! [`REVEAL_AFTER`], standard error is a terminal and `--quiet` was not given. Short
//! runs and piped runs print nothing but the summary line.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A run shorter than this shows no bar at all (no flicker on small inputs).
const REVEAL_AFTER: Duration = Duration::from_secs(1);
const TICK: Duration = Duration::from_millis(120);

/// Progress over the reports being parsed; the caller sets the message to "matching"
/// for the matcher's step.
pub struct Progress {
    bar: ProgressBar,
    /// Stops the thread that would reveal the bar.
    reveal: Option<(Sender<()>, JoinHandle<()>)>,
}

impl Progress {
    /// A bar over `reports` reports; hidden for good when `quiet` or when standard
    /// error is not a terminal.
    pub fn start(reports: usize, quiet: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(reports as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {msg:10} [{bar:30}] {pos}/{len} reports {elapsed}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("parsing");
        let reveal = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let (stop, stopped) = mpsc::channel::<()>();
            let shown = bar.clone();
            let thread = std::thread::spawn(move || {
                if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(REVEAL_AFTER) {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(TICK);
                }
            });
            (stop, thread)
        });
        Progress { bar, reveal }
    }

    /// The bar to advance as reports are parsed (`ParallelProgressIterator`).
    pub fn bar(&self) -> ProgressBar {
        self.bar.clone()
    }

    /// Removes the bar so that the summary line stands alone.
    pub fn finish(mut self) {
        if let Some((stop, thread)) = self.reveal.take() {
            // The thread may have ended already; either way it ends now.
            let _ = stop.send(());
            let _ = thread.join();
        }
        self.bar.finish_and_clear();
    }
}
