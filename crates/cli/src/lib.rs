//! claimdiff-cli library: the pure parts of the command that fuzz targets and tests
//! reach without running the binary. Today that is [`decode`]: the bytes of an input
//! file become report text (or are recognised as binary). All file and terminal I/O
//! stays in the `claimdiff` binary (`src/main.rs` and its modules).

pub mod decode;
