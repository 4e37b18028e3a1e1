//! Bytes of an input file to report text: binary detection, lossy UTF-8 decoding that
//! remembers where the first bad byte was, and byte-order-mark removal. Pure, so that
//! it can be fuzzed and tested without files.

/// What a file's bytes turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// NUL bytes never occur in text files: this is an image, an archive, UTF-16 ...
    Binary,
    Text {
        text: String,
        /// Byte offset (in the input bytes) of the first byte that was not valid UTF-8;
        /// every invalid sequence was replaced with U+FFFD.
        first_invalid_byte: Option<usize>,
    },
}

/// Decodes the bytes of one input.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    let (text, first_invalid_byte) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(err.as_bytes()).into_owned(),
                Some(offset),
            )
        }
    };
    // A byte-order mark is an encoding artefact, not text: offsets start after it.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Decoded::Text {
        text,
        first_invalid_byte,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_first_invalid_byte() {
        let decoded = decode(b"caf\xc3\xa9 ok \xff\xfe end".to_vec());
        assert_eq!(
            decoded,
            Decoded::Text {
                text: "café ok \u{fffd}\u{fffd} end".to_string(),
                first_invalid_byte: Some(9),
            }
        );
    }

    #[test]
    fn decode_treats_nul_bytes_as_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00".to_vec()), Decoded::Binary);
    }

    #[test]
    fn decode_strips_byte_order_mark() {
        assert_eq!(
            decode(b"\xef\xbb\xbfHello".to_vec()),
            Decoded::Text {
                text: "Hello".to_string(),
                first_invalid_byte: None
            }
        );
    }
}
