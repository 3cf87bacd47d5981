//! The plain reader against ron.

use super::*;
use crate::domain::Review;

#[test]
fn the_example_reads_as_ron_reads_it() {
    let plain: Review = from_str(crate::store::EXAMPLE).expect("the example is plain");
    let ron: Review = ron::from_str(crate::store::EXAMPLE).unwrap();
    assert_eq!(plain, ron);
}

#[derive(Debug, PartialEq, Deserialize)]
struct Point {
    x: i64,
    tags: Vec<String>,
}

#[test]
fn what_is_not_plain_is_left_to_ron() {
    let read = |t: &str| from_str::<Point>(t);
    assert_eq!(
        read("(x: -12, tags: [\"a\", r#\"b\"#,],)"),
        Some(Point {
            x: -12,
            tags: vec!["a".into(), "b".into()]
        })
    );
    for text in [
        "// a comment\n(x: 1, tags: [])",
        "(x: 1 /* a comment */, tags: [])",
        "(x: 0x10, tags: [])",
        "(x: 1_000, tags: [])",
        "(x: +1, tags: [])",
        "(x: 01, tags: [])",
        "(x: 1.5, tags: [])",
        "(x: 1, tags: [\"an \\\"escape\\\"\"])",
        "Point(x: 1, tags: [])",
        "#![enable(implicit_some)]\n(x: 1, tags: [])",
        "(x: 1, tags: []) trailing",
        "(x: 1, tags: [)",
        "(x: 1, tags: [], extra: 2)",
        "(r#x: 1, tags: [])",
    ] {
        assert_eq!(read(text), None, "{text}");
    }
}

#[test]
fn strings_plain_and_raw() {
    let text = "[\"plain\", r\"raw\", r#\"with \"quotes\" and \\\"#, \"two\nlines\"]";
    let plain: Vec<String> = from_str(text).unwrap();
    let ron: Vec<String> = ron::from_str(text).unwrap();
    assert_eq!(plain, ron);
    assert_eq!(plain[2], "with \"quotes\" and \\");
}

#[derive(Debug, Deserialize)]
struct Deep {
    #[allow(dead_code)]
    d: Vec<Deep>,
}

#[test]
fn nesting_deeper_than_ron_allows_is_left_to_ron() {
    let nested = |n: usize| format!("{}(d: []){}", "(d: [".repeat(n), "])".repeat(n));
    assert!(from_str::<Deep>(&nested(30)).is_some());
    assert!(from_str::<Deep>(&nested(100)).is_none());
}
