//! Review ids: readable, stable, and unique enough to share a folder.

use chrono::NaiveDate;

/// Item numbers (see `ItemId`) stay below this, far from where `u64`
/// would wrap: a file with a larger one is refused rather than let new
/// items take numbers already in use.
pub const MAX_ITEM_NUMBER: u64 = 1 << 53;

/// The longest text of one item (an event, a learning, a factor, an action
/// or a parking-lot item), in bytes.
pub const MAX_ITEM_TEXT: usize = 1 << 20;

/// The longest slug taken from a title.
const MAX_SLUG: usize = 40;

/// `2026-11-23-checkout-latency-k3x9`: the date, the title as lowercase
/// ASCII words, and a short suffix the caller supplies (random, so that two
/// reviews of the same title on the same day differ).
pub fn review_id(date: NaiveDate, title: &str, suffix: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() + 1 > MAX_SLUG {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        slug.push_str("review");
    }
    format!("{}-{slug}-{suffix}", date.format("%Y-%m-%d"))
}

/// Turns a number into a short suffix of lowercase letters and digits.
pub fn suffix_from(mut n: u64, len: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let base = ALPHABET.len() as u64;
    (0..len)
        .map(|_| {
            let c = ALPHABET[(n % base) as usize] as char;
            n /= base;
            c
        })
        .collect()
}

/// Whether `s` has the shape of an id (safe as a file name).
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.starts_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn ids_are_readable_slugs() {
        let cases = [
            (
                "Checkout latency after deploy",
                "2026-11-23-checkout-latency-after-deploy-ab12",
            ),
            ("  API: 503s (EU) !!", "2026-11-23-api-503s-eu-ab12"),
            ("支付失败", "2026-11-23-review-ab12"),
            ("Login ✨ broke", "2026-11-23-login-broke-ab12"),
            (
                "a very long title that keeps going well past any sensible file name length",
                "2026-11-23-a-very-long-title-that-keeps-going-well-ab12",
            ),
        ];
        for (title, want) in cases {
            let id = review_id(day(), title, "ab12");
            assert_eq!(id, want);
            assert!(is_valid_id(&id));
        }
    }

    #[test]
    fn suffixes_use_an_unambiguous_alphabet() {
        assert_eq!(suffix_from(0, 4), "aaaa");
        let s = suffix_from(u64::MAX, 4);
        assert_eq!(s.len(), 4);
        assert!(s.chars().all(|c| !"01ilo".contains(c)));
        assert_ne!(suffix_from(1, 4), suffix_from(2, 4));
    }

    #[test]
    fn ids_that_could_escape_a_folder_are_invalid() {
        for bad in ["", "../x", "a/b", ".hidden", "-x", "A", "a b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
