//! The one integration-test binary (each test binary links all of Bevy, so there is one).

mod assessment;
mod boom;
mod editor;
mod flow;
mod house;
mod language;
mod model;
mod progress;
mod record;
mod replay;
mod scenarios;
mod sim;
mod sound;
