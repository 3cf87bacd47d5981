//! Tests of the secret detector.

use proptest::prelude::*;

use super::*;

#[test]
fn secrets_are_masked_and_counted() {
    let cases = [
        (
            "curl -H 'Authorization: Bearer abc.def' https://api",
            "curl -H 'Authorization: [masked]' https://api",
            1,
        ),
        (
            "mysql --password=hunter2 -h db",
            "mysql --password=[masked] -h db",
            1,
        ),
        (
            "export SLACK=xoxb-1234-5678-abcdEF",
            "export SLACK=[masked]",
            1,
        ),
        (
            "aws key AKIAIOSFODNN7EXAMPLE here",
            "aws key [masked] here",
            1,
        ),
        (
            "export API_TOKEN=9f86d081884c7d659a2feaa0c55ad015",
            "export API_TOKEN=[masked]",
            1,
        ),
        (
            "\"secret\": \"c2VjcmV0LXZhbHVlLTEyMzQ1Ng==\"",
            "\"secret\": \"[masked]\"",
            1,
        ),
        (
            "psql postgres://app:s3cret@db:5432/x",
            "psql postgres://app:[masked]@db:5432/x",
            1,
        ),
        // a raw `@` in the password: masked up to the host
        (
            "psql postgres://app:p@ss@db:5432/x",
            "psql postgres://app:[masked]@db:5432/x",
            1,
        ),
        (
            "redis://:hunter2@cache:6379 and https://ana:x@y@git.example.com/r",
            "redis://:[masked]@cache:6379 and https://ana:[masked]@git.example.com/r",
            2,
        ),
        // an `@` in a path or a query is no password
        (
            "see https://example.com/@ana:42 and https://x.io/?u=a:b@c",
            "see https://example.com/@ana:42 and https://x.io/?u=a:b@c",
            0,
        ),
        // an empty password: nothing to mask
        (
            "psql postgres://app:@db:5432/x",
            "psql postgres://app:@db:5432/x",
            0,
        ),
        (
            "the key point is the cache",
            "the key point is the cache",
            0,
        ),
        ("token expired at 16:02", "token expired at 16:02", 0),
        (
            "the password was rotated at 16:02",
            "the password was rotated at 16:02",
            0,
        ),
        (
            "authorization failed for ana, retrying",
            "authorization failed for ana, retrying",
            0,
        ),
        (
            "mysql --password hunter2 -h db",
            "mysql --password [masked] -h db",
            1,
        ),
        (
            "password: hunter2 in the runbook",
            "password: [masked] in the runbook",
            1,
        ),
        (
            "Bearer 9f86d081884c7d659a2feaa0 in the log",
            "Bearer [masked] in the log",
            1,
        ),
        (
            "AKIAshort and monkey=banana",
            "AKIAshort and monkey=banana",
            0,
        ),
    ];
    for (raw, want, n) in cases {
        assert_eq!(mask(raw), (want.to_owned(), n), "{raw}");
    }
}

/// Each case: the text, what `mask` makes of it, how many were masked.
fn check(cases: &[(&str, &str, usize)]) {
    for (raw, want, n) in cases {
        assert_eq!(mask(raw), ((*want).to_owned(), *n), "{raw}");
    }
}

/// The text, unchanged.
fn kept(raw: &str) -> (&str, &str, usize) {
    (raw, raw, 0)
}

const RSA: &str = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj\nIhKtJ0RlgLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9\n-----END RSA PRIVATE KEY-----";

#[test]
fn private_keys_are_masked_whole() {
    let pasted = format!("ana: here it is\n{RSA}\nthanks");
    let crlf = format!("{}\r\nthanks", RSA.replace('\n', "\r\n"));
    let joined = format!("{} oops", RSA.replace('\n', " "));
    check(&[
        (&pasted, "ana: here it is\n[masked]\nthanks", 1),
        (&crlf, "[masked]\r\nthanks", 1),
        (&joined, "[masked] oops", 1),
        (
            "```-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----```",
            "```[masked]```",
            1,
        ),
        (
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPjv57vX3nytJNK\n-----END PRIVATE KEY-----\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG\n-----END ENCRYPTED PRIVATE KEY-----",
            "[masked]\n[masked]",
            2,
        ),
        (
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF9Pjv57vX3nytJNK\n-----END PGP PRIVATE KEY BLOCK-----",
            "[masked]",
            1,
        ),
        // Cut short: what follows the BEGIN line is the key.
        (
            "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIHm6AbJV7poTWPjv57vX3nytJNK",
            "[masked]",
            1,
        ),
        kept(
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----",
        ),
        kept(
            "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkq\n-----END CERTIFICATE-----",
        ),
        kept("the file began with BEGIN RSA PRIVATE KEY, so we rotated it"),
        kept("-----BEGIN RSA PRIVATE KEY-----"),
        kept("-----BEGIN notes\nabout the PRIVATE KEY-----\nnone here"),
    ]);
}

#[test]
fn github_tokens_are_masked() {
    check(&[
        (
            "cloned with ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d yesterday",
            "cloned with [masked] yesterday",
            1,
        ),
        (
            "revoked gho_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR.",
            "revoked [masked].",
            1,
        ),
        (
            "(ghs_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR, ghu_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d, ghr_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR)",
            "([masked], [masked], [masked])",
            3,
        ),
        (
            "pat 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 ok",
            "pat [masked] ok",
            1,
        ),
        kept("ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8 is one short"),
        kept("ghx_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d has no such prefix"),
        kept("xghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d is inside a word"),
        kept("the ghp_ prefix and github_pat_ ones are rotated"),
        kept(
            "github_pat_IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qw",
        ),
    ]);
}

#[test]
fn gitlab_tokens_are_masked() {
    check(&[
        (
            "GL=glpat-b8DwkNhFdnXsiVpzz63F ./deploy",
            "GL=[masked] ./deploy",
            1,
        ),
        kept("glpat-b8DwkNhFdnXsiVpzz63 is one short"),
        kept("the glpat-tokens expire"),
        kept("xglpat-b8DwkNhFdnXsiVpzz63F"),
    ]);
}

#[test]
fn stripe_keys_are_masked() {
    check(&[
        (
            "curl -u sk_live_fkCzJr4i0B3JrTAwR4y9ojfl: https://api.stripe.com",
            "curl -u [masked]: https://api.stripe.com",
            1,
        ),
        (
            "rk_live_joQoaF1LlqsajAIxNKu8iS2G and sk_test_fkCzJr4i0B3JrTAwR4y9ojfl and rk_test_joQoaF1LlqsajAIxNKu8iS2G",
            "[masked] and [masked] and [masked]",
            3,
        ),
        kept("pk_live_fkCzJr4i0B3JrTAwR4y9ojfl is published on the page"),
        kept("sk_live_fkCzJr4 is too short"),
        kept("desk_live_feed_2024 and task_test_results"),
        kept("sk_prod_fkCzJr4i0B3JrTAwR4y9ojfl"),
    ]);
}

#[test]
fn json_web_tokens_are_masked() {
    check(&[
        (
            "cookie session=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbmEiLCJleHAiOjE3OTU0NzYwMDB9.G-nIy8zJNfbNH2EiauFTOK4aNABNM7oNJGrATIGxuvI; path=/",
            "cookie session=[masked]; path=/",
            1,
        ),
        // unsecured: no signature after the last dot
        (
            "Authorization token eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhbmEiLCJyb2xlIjoiYWRtaW4ifQ. was accepted",
            "Authorization token [masked] was accepted",
            1,
        ),
        kept("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbmEifQ has no signature"),
        kept("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.bm90IGpzb24. is no payload"),
        kept("eyJ.a.b is no header"),
        kept("heyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbmEifQ.sig"),
        kept("rolled back to 1.24.3.1 at 16:02"),
    ]);
}

#[test]
fn dashboard_parameters_are_no_secrets() {
    check(&[
        kept("https://grafana.example.com/d/x?panel_key=checkout-latency-2024&from=now-6h"),
        kept("see https://grafana.example.com/d/x?api_key_name=payments-prod-2024"),
        kept("\"tokenName\": \"ci-deploy-2024-11\""),
        kept("key=ops/runbooks/checkout/2024"),
        (
            "https://api.example.com/v1?api_key=9f86d081884c7d659a2feaa0c55ad015&from=now",
            "https://api.example.com/v1?api_key=[masked]&from=now",
            1,
        ),
        ("token=12345678901234567890", "token=[masked]", 1),
    ]);
}

/// Pieces that the detectors start on, end on or stop at, and text
/// in other scripts, so that texts made of them hold secrets, near
/// misses and multi-byte characters side by side.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "password=",
            "--password ",
            "Authorization: ",
            "token ",
            "api_key=",
            "panel_key=",
            "secret\": \"",
            "Bearer ",
            "://",
            "ana:",
            "@",
            "/",
            " ",
            "\n",
            "\r\n",
            "'",
            "\"",
            "&",
            "=",
            ".",
            "_",
            "-",
            "-----BEGIN ",
            "PRIVATE KEY-----",
            "-----END ",
            "RSA ",
            "xoxb-",
            "AKIA",
            "ghp_",
            "gho_",
            "github_pat_",
            "glpat-",
            "sk_live_",
            "rk_test_",
            "eyJ",
            "eyJhbGciOiJIUzI1NiJ9",
            "9f86d081884c7d65",
            "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d",
            "checkout-latency-2024",
            "é",
            "日本語",
            "🔑",
            "Ω",
            "\u{200d}",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z0-9]{1,12}",
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|p| p.concat())
}

/// A secret of each kind that must be found whatever surrounds it.
fn secret() -> impl Strategy<Value = String> {
    let kinds = prop::sample::select(vec![
        "ghp_", "gho_", "ghs_", "glpat-", "sk_live_", "rk_live_", "sk_test_", "eyJ", "pem",
    ]);
    (kinds, "[a-zA-Z0-9]{40}", "[a-zA-Z0-9]{59}").prop_map(|(kind, a, b)| match kind {
        "eyJ" => format!("eyJ{}.eyJ{}.{}", &a[..20], &a[20..], &b[..30]),
        "pem" => format!("-----BEGIN PRIVATE KEY-----\n{a}\n{b}\n-----END PRIVATE KEY-----"),
        _ => format!("{kind}{a}"),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_ordered_apart_and_on_char_boundaries(raw in text()) {
        let found = spans(&raw);
        for (s, e) in &found {
            prop_assert!(s < e, "{found:?}");
            prop_assert!(raw.is_char_boundary(*s) && raw.is_char_boundary(*e), "{found:?} in {raw:?}");
        }
        for pair in found.windows(2) {
            prop_assert!(pair[0].1 < pair[1].0, "{found:?}");
        }
    }

    #[test]
    fn mask_replaces_exactly_the_spans(raw in text()) {
        let found = spans(&raw);
        let (masked, n) = mask(&raw);
        prop_assert_eq!(n, found.len());
        if found.is_empty() {
            prop_assert_eq!(&masked, &raw);
        }
        // What is left is the text between the spans, in order, with
        // the mark where each span was: none of a span's bytes.
        let mut want = String::new();
        let mut at = 0;
        for (s, e) in &found {
            want.push_str(&raw[at..*s]);
            want.push_str(MASK);
            at = *e;
        }
        want.push_str(&raw[at..]);
        prop_assert_eq!(masked, want);
    }

    #[test]
    fn a_secret_never_survives_masking(before in text(), secret in secret(), after in text()) {
        let raw = format!("{before} {secret} {after}");
        let (masked, n) = mask(&raw);
        prop_assert!(n >= 1);
        prop_assert!(!masked.contains(&secret), "{masked:?}");
    }
}

#[test]
fn base64_and_mixed_case_values_after_a_key_word_are_masked_again() {
    for text in [
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "client_secret: q8Zr/Tn+WvKjPxLm/bYcHdFe",
        "client_secret=AbCdEfGhIjKlMnOpQrStUvWx",
    ] {
        let (masked, n) = mask(text);
        assert_eq!(n, 1, "{text} -> {masked}");
        assert!(
            !masked.contains("EXAMPLEKEY") && !masked.contains("WvKj") && !masked.contains("MnOp"),
            "{masked}"
        );
    }
    for text in [
        "panel_key=checkout-latency-2024",
        "key=/api/v2/users/settings",
        "secret=CheckoutLatencyDashboard",
    ] {
        assert_eq!(mask(text).1, 0, "{text}");
    }
}

#[test]
fn false_starts_before_a_secret_do_not_hide_it() {
    let key = "9f86d081884c7d659a2feaa0c55ad015";
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmEifQ.G-nIy8zJNfbNH2EiauFTOK4aNABN";
    check(&[
        (
            &format!("token_token_token: {key} done"),
            "token_token_token: [masked] done",
            1,
        ),
        (
            &format!("{}key={key}", "key=".repeat(50)),
            "key=[masked]",
            1,
        ),
        (&format!("eyJ-eyJ- {jwt}"), "eyJ-eyJ- [masked]", 1),
        (
            &format!("{} {key}", "token ".repeat(30)),
            &format!("{} [masked]", "token ".repeat(30)),
            1,
        ),
        kept(&"token_".repeat(1_000)),
        kept(&"eyJ-".repeat(1_000)),
        kept(&"key=".repeat(1_000)),
    ]);
}
