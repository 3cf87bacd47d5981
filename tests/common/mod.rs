//! Helpers shared by the integration tests.

// Each test crate that declares `mod common;` uses its own subset.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

use debrief::domain::Review;
use debrief::store::codec::decode;

/// The example review, relative to the crate root.
pub const EXAMPLE: &str = "assets/example-review.ron";

/// The example review's absolute path, whatever directory tests run in.
pub fn example_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

/// The example review as it is stored.
pub fn example_text() -> String {
    fs::read_to_string(example_path()).unwrap_or_else(|e| panic!("reading {EXAMPLE}: {e}"))
}

/// The example review, decoded.
pub fn example() -> Review {
    decode(&example_text(), &example_path()).unwrap_or_else(|e| panic!("{e}"))
}
