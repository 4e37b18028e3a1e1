//! The CLI's input decoding on raw bytes: NUL means binary; otherwise the text is the
//! lossy decoding, the reported first bad byte is where valid UTF-8 ends, and no
//! byte-order mark is left at the start.
#![no_main]

use claimdiff_cli::decode::{decode, Decoded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match decode(bytes.to_vec()) {
        Decoded::Binary => assert!(bytes.contains(&0)),
        Decoded::Text {
            text,
            first_invalid_byte,
        } => {
            assert!(!bytes.contains(&0));
            let lossy = String::from_utf8_lossy(bytes);
            assert_eq!(text, lossy.strip_prefix('\u{feff}').unwrap_or(&lossy));
            match (first_invalid_byte, std::str::from_utf8(bytes)) {
                (None, Ok(_)) => {}
                (Some(offset), Err(err)) => assert_eq!(offset, err.valid_up_to()),
                (reported, actual) => panic!("reported {reported:?}, actual {actual:?}"),
            }
        }
    }
});
