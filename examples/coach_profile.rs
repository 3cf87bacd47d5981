//! A driver for profiling the coach (not part of the build):
//! `coach_profile dump FILE` prints the flags of each line, checked alone;
//! `coach_profile whole FILE` those of the whole file;
//! `coach_profile run N FILE` checks the whole file N times (for
//! `valgrind --tool=callgrind`, which counts instructions on a noisy
//! machine where timings swing).

use std::hint::black_box;
use std::process::ExitCode;

use debrief::domain::Coach;

const USAGE: &str = "usage: coach_profile dump FILE | whole FILE | run N FILE";

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run(args: &[String]) -> Result<(), String> {
    let coach = Coach::builtin();
    match args {
        [mode, path] if mode == "dump" => {
            for line in read(path)?.lines() {
                println!("{:?}", coach.check(line));
            }
        }
        [mode, path] if mode == "whole" => println!("{:?}", coach.check(&read(path)?)),
        [mode, n, path] if mode == "run" => {
            let n: usize = n.parse().map_err(|_| format!("N must be a count: {n}"))?;
            let text = read(path)?;
            for _ in 0..n {
                black_box(coach.check(black_box(&text)));
            }
        }
        _ => return Err(USAGE.to_owned()),
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
