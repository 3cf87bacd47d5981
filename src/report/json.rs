//! The whole review as JSON, for other tools.

use crate::domain::Review;

/// The review as pretty-printed JSON, ending with a newline. Pass
/// [`Review::public_view`] to leave out what is internal.
pub fn to_json(review: &Review) -> String {
    // A review holds only strings, numbers, booleans, lists and structs
    // with named fields, so serialising it cannot fail.
    let mut out = serde_json::to_string_pretty(review).expect("a review always serialises");
    out.push('\n');
    out
}
