//! mineclear: a training simulator for operators of mechanical mine-clearing machines.
//!
//! The simulation core runs headless and deterministically; the app shell (window, view,
//! UI) only reads its state. See README.md and the design notes for the architecture.

pub mod app;
pub mod checksum;
pub mod clearing;
pub mod cli;
pub mod command;
pub mod controls;
pub mod field;
pub mod geom;
pub mod lanes;
pub mod machine;
pub mod operator;
pub mod palette;
pub mod preview;
pub mod printable;
pub mod progress;
pub mod replay;
pub mod scenario;
pub mod scoring;
pub mod settings;
pub mod sim;
pub mod sound;
pub mod text;
pub mod tick;
pub mod trainer;
pub mod ui;
pub mod view;

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// A fresh field seed from the clock, short enough to read out and type back.
pub fn fresh_seed() -> u64 {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    t % 1_000_000_000
}

/// A title as a file-name stem: lower-case ASCII letters and digits joined by single dashes.
pub fn file_stem(title: &str) -> String {
    let s: String = title.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    s.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

/// The files in `dir` whose extension is `ext`, sorted by path (none if it cannot be read).
pub fn files_with_extension(dir: &std::path::Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == ext)).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// Writes via a temporary file and a rename, so a crash never leaves half a file.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("{}.tmp", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
