//! The colours soils and mines are drawn in, one palette for the preview, the 3D view and the
//! screens, so a clay patch or an AT mine looks the same everywhere.

use crate::scenario::schema::{MineKind, SoilKind};

/// An sRGB colour, 8 bits a channel.
pub type Rgb = [u8; 3];

/// A soil's colour on maps and the 3D ground.
pub fn soil_colour(k: SoilKind) -> Rgb {
    match k {
        SoilKind::SandyLoam => [204, 178, 128],
        SoilKind::Clay => [163, 104, 70],
        SoilKind::Rocky => [150, 148, 140],
        SoilKind::Wet => [96, 104, 92],
        SoilKind::Road => [186, 182, 170],
    }
}

/// A mine kind's colour on maps and in the truth reveal.
pub fn mine_colour(k: MineKind) -> Rgb {
    match k {
        MineKind::ApBlast => [220, 30, 30],
        MineKind::ApFragmentation => [255, 140, 0],
        MineKind::At => [140, 40, 200],
        MineKind::Uxo => [250, 220, 30],
    }
}
