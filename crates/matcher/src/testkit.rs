//! Test-only builders: realistic reports with hand-filled claim slots.

use chrono::NaiveDate;
use claimdiff_parser::{
    Approx, Claim, ClaimKind, DateSource, Dimension, Entity, EntityKind, Modality, Polarity,
    Quantity, Report, TimeExpr, TimeValue,
};

/// A quantity as the parser would produce it.
pub fn quantity(
    text: &str,
    value: f64,
    approx: Approx,
    dimension: Dimension,
    unit: &str,
    measure: Option<&str>,
) -> Quantity {
    Quantity {
        value,
        upper: None,
        approx,
        dimension,
        unit: unit.to_string(),
        measure: measure.map(str::to_string),
        text: text.to_string(),
        start: 0,
        end: 0,
    }
}

/// A count: "twelve people", "550 drones".
pub fn count(
    text: &str,
    value: f64,
    approx: Approx,
    unit: &str,
    measure: Option<&str>,
) -> Quantity {
    quantity(text, value, approx, Dimension::Count, unit, measure)
}

/// A duration: "about 40 minutes", of nothing named.
pub fn duration(text: &str, value: f64, approx: Approx, unit: &str) -> Quantity {
    quantity(text, value, approx, Dimension::Duration, unit, None)
}

/// A duration of a named thing: "jailed for seven years" is a "prison term".
pub fn duration_of(measure: &str, text: &str, value: f64, unit: &str) -> Quantity {
    let exact = Approx::Exact;
    quantity(text, value, exact, Dimension::Duration, unit, Some(measure))
}

/// A temperature reading: "46.3C", "minus 17 degrees".
pub fn reading(text: &str, value: f64, unit: &str) -> Quantity {
    quantity(
        text,
        value,
        Approx::Exact,
        Dimension::Temperature,
        unit,
        None,
    )
}

/// A calendar day.
/// A report parsed from `text`, as the CLI would read it, published on `published`.
pub fn parsed(id: &str, text: &str, published: NaiveDate) -> Report {
    claimdiff_parser::parse_report(claimdiff_parser::ReportInput {
        id: id.into(),
        source: format!("{id}.txt"),
        text: text.into(),
        published: Some(published),
        ..Default::default()
    })
}

/// The conflicts of one kind that `compare` finds among `reports`, as "value vs
/// value".
pub fn conflict_values(reports: &[Report], kind: crate::ConflictKind) -> Vec<String> {
    crate::compare(reports)
        .conflicts
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| format!("{} vs {}", c.value_a, c.value_b))
        .collect()
}

pub fn date(date: NaiveDate) -> TimeValue {
    TimeValue::Date {
        date,
        weekday_named: true,
    }
}

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// Builds a report claim by claim; slot setters apply to the last claim added.
#[derive(Clone)]
pub struct ReportBuilder {
    report: Report,
}

impl ReportBuilder {
    pub fn new(id: &str) -> Self {
        ReportBuilder {
            report: Report {
                id: id.to_string(),
                source: format!("{id}.txt"),
                outlet: None,
                published: None,
                published_from: DateSource::Unknown,
                text: String::new(),
                sentences: Vec::new(),
                claims: Vec::new(),
                live_entries: Vec::new(),
                diagnostics: Vec::new(),
            },
        }
    }

    /// Adds an asserted, positive statement with this text.
    pub fn claim(mut self, text: &str) -> Self {
        let start = self.report.text.len();
        self.report.text.push_str(text);
        self.report.text.push(' ');
        let number = self.report.claims.len() + 1;
        self.report.claims.push(Claim {
            number,
            sentence: number,
            start,
            end: start + text.len(),
            kind: ClaimKind::Statement,
            speaker: None,
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            entities: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            quote: None,
            text: text.to_string(),
        });
        self
    }

    fn last(&mut self) -> &mut Claim {
        self.report.claims.last_mut().expect("add a claim first")
    }

    pub fn speaker(mut self, name: &str) -> Self {
        let claim = self.last();
        claim.speaker = Some(name.to_string());
        if claim.kind == ClaimKind::Statement {
            claim.kind = ClaimKind::Reported;
        }
        self
    }

    /// Marks the claim as a direct quotation of these words.
    pub fn quote(mut self, words: &str) -> Self {
        let claim = self.last();
        claim.kind = ClaimKind::Quote;
        claim.quote = Some(words.to_string());
        self
    }

    pub fn negative(mut self) -> Self {
        self.last().polarity = Polarity::Negative;
        self
    }

    /// Negative when `negative` is true, else left positive.
    pub fn negative_if(self, negative: bool) -> Self {
        if negative {
            self.negative()
        } else {
            self
        }
    }

    pub fn modality(mut self, modality: Modality) -> Self {
        self.last().modality = modality;
        self
    }

    pub fn entity(mut self, name: &str, kind: EntityKind) -> Self {
        self.last().entities.push(Entity {
            name: name.to_string(),
            kind,
        });
        self
    }

    pub fn person(self, name: &str) -> Self {
        self.entity(name, EntityKind::Person)
    }

    pub fn place(self, name: &str) -> Self {
        self.entity(name, EntityKind::Place)
    }

    pub fn org(self, name: &str) -> Self {
        self.entity(name, EntityKind::Organisation)
    }

    pub fn qty(mut self, quantity: Quantity) -> Self {
        self.last().quantities.push(quantity);
        self
    }

    pub fn time(mut self, value: TimeValue, text: &str) -> Self {
        self.last().times.push(TimeExpr {
            value,
            text: text.to_string(),
            start: 0,
            end: 0,
        });
        self
    }

    /// Puts the claim in the same sentence as the claim before it, as the parser
    /// does with the pieces of a split sentence.
    pub fn same_sentence(mut self) -> Self {
        let claims = &mut self.report.claims;
        let n = claims.len();
        assert!(n >= 2, "add two claims first");
        claims[n - 1].sentence = claims[n - 2].sentence;
        self
    }

    /// Sets the report's publication date.
    pub fn published(mut self, date: NaiveDate) -> Self {
        self.report.published = Some(date);
        self
    }

    pub fn build(self) -> Report {
        self.report
    }
}

/// The claims of each report put into sentences of one to three consecutive claims
/// (chosen by `seed`), as a parser splits sentences.
pub fn in_sentences(mut reports: Vec<Report>, seed: u64) -> Vec<Report> {
    let mut rng = Rng(seed | 1);
    for report in &mut reports {
        let mut sentence = 0;
        let mut left = 0;
        for claim in &mut report.claims {
            if left == 0 {
                sentence += 1;
                left = 1 + rng.next() % 3;
            }
            claim.sentence = sentence;
            left -= 1;
        }
    }
    reports
}

/// A small deterministic generator (xorshift), so the test needs no crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Reports whose claims are random sentences over a small news vocabulary, so
/// that many pairs are near-paraphrases and many are not.
pub fn generated_reports(reports: usize, claims: usize, seed: u64) -> Vec<Report> {
    let subjects = [
        "Russia",
        "Ukraine",
        "Zelenskyy",
        "Zelensky",
        "Zelenska",
        "Trump",
        "Mr Trump",
    ];
    let verbs = [
        "attacked",
        "struck",
        "said",
        "told",
        "discussed",
        "talked",
        "killed",
        "halted",
    ];
    let objects = [
        "the power station",
        "the port of Odesa",
        "energy infrastructure",
        "peace talks",
        "military aid",
        "the grain deal",
        "air defence systems",
        "the capital overnight",
    ];
    let tails = [
        "on Friday",
        "with drones",
        "again",
        "according to officials",
        "",
        "last week",
    ];
    let mut rng = Rng(seed | 1);
    (0..reports)
        .map(|r| {
            let mut builder = ReportBuilder::new(&format!("r{r}"));
            for _ in 0..claims {
                let subject = rng.pick(&subjects);
                let text = format!(
                    "{subject} {} {} {}",
                    rng.pick(&verbs),
                    rng.pick(&objects),
                    rng.pick(&tails)
                );
                builder = builder
                    .claim(&text)
                    .entity(subject, claimdiff_parser::EntityKind::Person);
                if matches!(rng.next() % 3, 0) {
                    let n = (rng.next() % 20) as f64;
                    builder = builder.qty(count("n", n, Approx::Exact, "people", Some("killed")));
                }
                if matches!(rng.next() % 4, 0) {
                    builder = builder.speaker(rng.pick(&subjects));
                }
            }
            builder.build()
        })
        .collect()
}
