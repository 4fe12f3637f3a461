//! mineclear: a training simulator for operators of mechanical mine-clearing machines.
//!
//! The simulation core runs headless and deterministically; the app shell (window, view,
//! UI) only reads its state. See README.md and the design notes for the architecture.

pub mod clearing;
pub mod field;
pub mod geom;
pub mod machine;
pub mod operator;
pub mod preview;
pub mod scenario;
pub mod scoring;
pub mod sim;
pub mod trainer;
