//! Prints what `read_html` makes of a page: `cargo run -p claimdiff-input --example html_text -- page.html`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: html_text PAGE.html");
    let html = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    match claimdiff_input::read_html(&html) {
        Ok(doc) => {
            println!(
                "published: {:?}\noutlet: {:?}\n---",
                doc.published, doc.outlet
            );
            print!("{}", doc.text);
        }
        Err(err) => eprintln!("{path}: {err}"),
    }
}
