//! A saved web page -> the main article text and its metadata.
//!
//! dom_smoothie (a port of Mozilla's Readability) finds the article and drops
//! navigation, cookie banners, share bars, related links and footers;
//! `TextMode::Formatted` keeps one paragraph a block, separated by blank lines, which
//! the parser's sentence and noise rules rely on. What survives inside the article
//! (bylines, captions, photo credits, "Advertisement") is page furniture the parser's
//! noise filter already knows, so it is left in the text rather than guessed at here.

use dom_smoothie::{Article, Config, Readability, ReadabilityError, TextMode};
use thiserror::Error;

use crate::date::parse_published;
use crate::Document;

#[derive(Debug, Error)]
pub enum HtmlError {
    #[error("no article text found in the page")]
    NoArticle,
    #[error("cannot read the page: {0}")]
    Readability(String),
}

/// Extracts the main article of an HTML page. The headline comes first (it often
/// carries the main claim), then the article's paragraphs.
pub fn read_html(html: &str) -> Result<Document, HtmlError> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config))
        .map_err(|err| HtmlError::Readability(err.to_string()))?;
    let article = readability.parse().map_err(|err| match err {
        ReadabilityError::GrabFailed => HtmlError::NoArticle,
        other => HtmlError::Readability(other.to_string()),
    })?;
    let text = article_text(&article);
    if text.trim().is_empty() {
        return Err(HtmlError::NoArticle);
    }
    Ok(Document {
        text,
        published: article.published_time.as_deref().and_then(parse_published),
        outlet: article
            .site_name
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_string),
    })
}

/// The headline (unless the body already opens with it) and the body, one paragraph a
/// line, paragraphs separated by one blank line. Formatted text ends a figure caption
/// with a single line break; as a paragraph of its own the parser's noise filter sees
/// it as the caption it is rather than as the start of the next paragraph.
fn article_text(article: &Article) -> String {
    let mut paragraphs: Vec<String> = article
        .text_content
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect();
    let title = article.title.trim();
    let opens_with_title = paragraphs
        .first()
        .is_some_and(|first| first.starts_with(title));
    if !title.is_empty() && !opens_with_title {
        paragraphs.insert(0, title.to_string());
    }
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const PAGE: &str = include_str!("../../../fixtures/inputs/harbour-herald.html");

    #[test]
    fn keeps_the_article_and_drops_the_page_chrome() {
        let document = read_html(PAGE).unwrap();
        let text = &document.text;
        assert!(text.starts_with("Fire guts old Kessel mill"), "{text}");
        for kept in [
            "Fire destroyed the disused Kessel mill in Port Elwin on Friday",
            "\"It was the biggest fire this town has seen in a generation,\" Ms Okafor told the Herald.",
            "Council leader Peter Hahn said",
        ] {
            assert!(text.contains(kept), "missing {kept:?} in\n{text}");
        }
        for dropped in [
            "We use cookies",
            "Accept all",
            "Subscribe",
            "Share on Facebook",
            "Related stories",
            "Quay Street parking plan",
            "All rights reserved",
            "Privacy policy",
        ] {
            assert!(!text.contains(dropped), "kept {dropped:?} in\n{text}");
        }
        // One paragraph a block: the caption does not run into the quote after it.
        assert!(
            text.contains("Photo: Jonas Berg / Harbour Herald\n\n\"It was"),
            "{text}"
        );
        assert_eq!(document.published, NaiveDate::from_ymd_opt(2025, 7, 5));
        assert_eq!(document.outlet.as_deref(), Some("Harbour Herald"));
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        for page in ["", "<html><head><title></title></head><body></body></html>"] {
            assert!(
                matches!(read_html(page), Err(HtmlError::NoArticle)),
                "{page:?}"
            );
        }
    }

    #[test]
    fn broken_markup_never_panics() {
        for page in [
            "<<<>>>&&",
            "<p>unclosed <b>bold <i>italic",
            "<html><body><nav><a href='/'>Home</a></nav>",
        ] {
            let _ = read_html(page);
        }
    }
}
