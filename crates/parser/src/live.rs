//! The time-stamped entries of a live blog.
//!
//! A live page posts entries under clock stamps ("14:05 BST", "2.15pm", "22.10
//! CEST"), newest first or oldest first. Counts in it are readings of a figure
//! that grows through the day: "two dead" at 07.50 and "seven dead" at 22.10 do
//! not disagree, the first is an earlier reading. The matcher needs to know which
//! entry of the page is later than which; this module reads the stamps (the lines
//! the noise filter set aside as timestamps, and stamps cut from the front of a
//! line) and ranks the entries in time.

use crate::model::{LiveEntry, NoiseKind};
use crate::noise::Line;
use crate::times::find_times;
use crate::TimeValue;

/// Fewer stamps than this do not make a live page: an article may carry an
/// "Updated 10:14" line or two.
const MIN_LIVE_STAMPS: usize = 3;

/// Words longer than a stamp: "Updated 5 Jul 2025, 09:14 BST" heads the page and
/// dates it as a whole, not one entry.
const MAX_STAMP_WORDS: usize = 4;

/// The clock time a stamp gives, when the text is a bare entry stamp.
fn stamp_minutes(text: &str) -> Option<u32> {
    let lower = text.trim().to_lowercase();
    if lower.split_whitespace().count() > MAX_STAMP_WORDS
        || ["updated", "published", "posted", "last", "first"]
            .iter()
            .any(|word| lower.starts_with(word))
    {
        return None;
    }
    let clocks: Vec<u32> = find_times(text, 0, text.len(), None, false)
        .into_iter()
        .filter_map(|time| match time.value {
            TimeValue::Clock(minutes) => Some(minutes),
            _ => None,
        })
        .collect();
    match clocks[..] {
        [minutes] => Some(minutes),
        _ => None,
    }
}

/// The entries of `text` when it reads as a live page, in text order, each ranked
/// in time (0 = earliest); empty otherwise. The page's order is the one most
/// steps between neighbouring stamps take (one step back is midnight passing);
/// a page whose stamps go both ways equally is left unranked.
pub(crate) fn live_entries(text: &str, lines: &[Line]) -> Vec<LiveEntry> {
    let stamps: Vec<(usize, u32)> = lines
        .iter()
        .filter_map(|line| {
            let stamp = match line.noise {
                Some(NoiseKind::Timestamp) => &text[line.start..line.end],
                None if line.content_start > line.start => &text[line.start..line.content_start],
                _ => return None,
            };
            stamp_minutes(stamp).map(|minutes| (line.start, minutes))
        })
        .collect();
    if stamps.len() < MIN_LIVE_STAMPS {
        return Vec::new();
    }
    let steps = stamps.windows(2).map(|pair| pair[1].1.cmp(&pair[0].1));
    let (forward, backward) = steps.fold((0, 0), |(f, b), step| match step {
        std::cmp::Ordering::Greater => (f + 1, b),
        std::cmp::Ordering::Less => (f, b + 1),
        std::cmp::Ordering::Equal => (f, b),
    });
    if forward == backward {
        return Vec::new();
    }
    let last = stamps.len() - 1;
    stamps
        .iter()
        .enumerate()
        .map(|(at, &(start, minutes))| LiveEntry {
            start,
            minutes,
            rank: if forward > backward { at } else { last - at },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{parse_report, ReportInput};

    fn ranks(text: &str) -> Vec<(u32, usize)> {
        let report = parse_report(ReportInput {
            id: "blog".into(),
            source: "blog.txt".into(),
            text: text.into(),
            published: None,
            outlet: None,
            dateline_year: None,
        });
        report
            .live_entries
            .iter()
            .map(|entry| (entry.minutes, entry.rank))
            .collect()
    }

    #[test]
    fn newest_first_pages_rank_the_last_entry_earliest() {
        let page = "Dam bursts - live\nLast updated Tue 14 Sep 2027 22.10 CEST\n\n22.10 CEST\nSeven people are dead.\n\n19.40 CEST\nKey event\nFive people have died so far.\n\n07.50 CEST\nTwo people have died, police say.\n";
        assert_eq!(
            ranks(page),
            [(22 * 60 + 10, 2), (19 * 60 + 40, 1), (7 * 60 + 50, 0)]
        );
    }

    #[test]
    fn oldest_first_pages_and_stamps_opening_a_line_rank_in_text_order() {
        let page = "Live\n09:14 BST - Two people have died.\n11:02 BST - Four people have died.\n2.15pm Six people have died.\n";
        assert_eq!(
            ranks(page),
            [(9 * 60 + 14, 0), (11 * 60 + 2, 1), (14 * 60 + 15, 2)]
        );
    }

    #[test]
    fn an_article_with_an_update_line_or_two_is_no_live_page() {
        let article = "Updated 10:14 BST\nSeven people died.\n11:20 BST\nPolice said more.\n";
        assert!(ranks(article).is_empty());
    }
}
