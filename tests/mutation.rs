//! The loader under random damage: a few hundred mutations of the example
//! review (bytes flipped, cut short, bytes inserted, lines repeated or
//! dropped, numbers made as large as they go). Each loads or fails with an error naming the file; none
//! panics or hangs.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use debrief::store;
use proptest::prelude::*;

/// One change to the bytes of a file, at a position taken modulo its
/// length.
#[derive(Clone, Debug)]
enum Mutation {
    Flip {
        at: usize,
        bit: u8,
    },
    Set {
        at: usize,
        byte: u8,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    Truncate {
        at: usize,
    },
    Remove {
        at: usize,
        len: usize,
    },
    RepeatLine {
        at: usize,
    },
    /// The first number at or after `at` becomes the largest `u64`.
    Largest {
        at: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Bytes that matter to RON and to UTF-8, and some of any kind.
    let byte = prop_oneof![
        prop::sample::select(b"()[]{},:\"'#/\\rbr\n 09-eE+.x\xff\xc3\xef".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), byte.clone()).prop_map(|(at, byte)| Mutation::Set { at, byte }),
        (any::<usize>(), prop::collection::vec(byte, 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Remove { at, len }),
        any::<usize>().prop_map(|at| Mutation::RepeatLine { at }),
        any::<usize>().prop_map(|at| Mutation::Largest { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Flip { at, bit } => {
            if let Some(b) = bytes.get_mut(at % len) {
                *b ^= 1 << bit;
            }
        }
        Mutation::Set { at, byte } => {
            if let Some(b) = bytes.get_mut(at % len) {
                *b = *byte;
            }
        }
        Mutation::Insert { at, bytes: new } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Truncate { at } => bytes.truncate(at % len),
        Mutation::Remove { at, len: n } => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::RepeatLine { at } => {
            let at = at % len;
            let start = bytes[..at.min(bytes.len())]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |p| p + 1);
            let end = bytes[start..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(bytes.len(), |p| start + p + 1);
            let line = bytes[start..end].to_vec();
            bytes.splice(start..start, line);
        }
        Mutation::Largest { at } => {
            let Some(start) = (at % len..bytes.len()).find(|i| bytes[*i].is_ascii_digit()) else {
                return;
            };
            let end = (start..bytes.len())
                .find(|i| !bytes[*i].is_ascii_digit())
                .unwrap_or(bytes.len());
            bytes.splice(start..end, u64::MAX.to_string().into_bytes());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_review_loads_or_fails_with_an_error(
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let mut bytes = common::example_text().into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-11-23-damaged-aaaa.ron");
        std::fs::write(&path, &bytes).unwrap();
        let (tx, rx) = mpsc::channel();
        let reading = path.clone();
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(|| {
                store::load(&reading).map(|_| ()).map_err(|e| e.to_string())
            });
            let _ = tx.send(result);
        });
        let result = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("loading a damaged review never hangs");
        let result = result.expect("loading a damaged review never panics");
        if let Err(e) = result {
            prop_assert!(e.contains(&path.display().to_string()), "names the file: {e}");
        }
    }
}
