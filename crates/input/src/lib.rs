//! claimdiff-input: turns the formats reports arrive in into text plus metadata.
//!
//! Data flow: the caller (the CLI) reads bytes from files or standard input and hands
//! them in as strings; nothing here touches the file system.
//! - [`html::read_html`]: a saved web page -> the main article text (dom_smoothie,
//!   paragraphs kept), its title as the first line, and the publication date and outlet
//!   from the page's metadata. Captions, bylines and "Advertisement" lines that survive
//!   are left to the parser's own noise filter.
//! - [`jsonl::read_jsonl`]: a JSON Lines export -> one [`jsonl::Record`] per line
//!   (`id`, `outlet`, `published`, `url`, and `text` or `html`); a record's HTML goes
//!   through [`html::read_html`] too.
//!
//! Both give a [`Document`]: what the parser needs besides an id.

pub mod date;
pub mod html;
pub mod jsonl;

use chrono::NaiveDate;

/// The text of one report and what its metadata says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Plain text, paragraphs separated by blank lines.
    pub text: String,
    /// Publication date, when the metadata gives one.
    pub published: Option<NaiveDate>,
    /// Outlet (site) name, when the metadata gives one.
    pub outlet: Option<String>,
}

pub use html::{read_html, HtmlError};
pub use jsonl::{read_jsonl, JsonlError, Record};
