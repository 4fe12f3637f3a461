//! mineclear: a training simulator for operators of mechanical mine-clearing machines.
//!
//! The simulation core runs headless and deterministically; the app shell (window, view,
//! UI) only reads its state. See README.md and the design notes for the architecture.

pub mod clearing;
pub mod controls;
pub mod field;
pub mod geom;
pub mod machine;
pub mod operator;
pub mod preview;
pub mod progress;
pub mod replay;
pub mod scenario;
pub mod scoring;
pub mod sim;
pub mod trainer;
pub mod ui;
pub mod view;

/// Writes via a temporary file and a rename, so a crash never leaves half a file.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("{}.tmp", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
