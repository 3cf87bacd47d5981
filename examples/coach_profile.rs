//! A driver for profiling the coach (not part of the build):
//! `coach_profile dump FILE` prints the flags of each line, checked alone;
//! `coach_profile whole FILE` those of the whole file;
//! `coach_profile run N FILE` checks the whole file N times.

use std::hint::black_box;

use debrief::domain::Coach;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let coach = Coach::builtin();
    match args.get(1).map(String::as_str) {
        Some("dump") => {
            let text = std::fs::read_to_string(&args[2]).unwrap();
            for line in text.lines() {
                println!("{:?}", coach.check(line));
            }
        }
        Some("whole") => {
            let text = std::fs::read_to_string(&args[2]).unwrap();
            println!("{:?}", coach.check(&text));
        }
        Some("run") => {
            let n: usize = args[2].parse().unwrap();
            let text = std::fs::read_to_string(&args[3]).unwrap();
            for _ in 0..n {
                black_box(coach.check(black_box(&text)));
            }
        }
        _ => eprintln!("usage: coach_profile dump FILE | run N FILE"),
    }
}
