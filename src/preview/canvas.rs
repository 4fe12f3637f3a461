//! A small RGB raster with the drawing the field map needs: shapes, dashed lines and text.

use swash::FontRef;
use swash::scale::{Render, ScaleContext, Source};
use swash::zeno::Format;

pub use crate::palette::Rgb;

pub struct Canvas {
    pub w: usize,
    pub h: usize,
    pub px: Vec<u8>,
    font: FontRef<'static>,
    scale: ScaleContext,
}

impl Canvas {
    pub fn new(w: usize, h: usize, bg: Rgb) -> Canvas {
        let font = FontRef::from_index(epaint_default_fonts::HACK_REGULAR, 0).expect("embedded font parses");
        Canvas { w, h, px: bg.iter().copied().cycle().take(w * h * 3).collect(), font, scale: ScaleContext::new() }
    }

    #[inline]
    pub fn blend(&mut self, x: i32, y: i32, c: Rgb, a: f32) {
        if x < 0 || y < 0 || x as usize >= self.w || y as usize >= self.h || a <= 0.0 {
            return;
        }
        let k = (y as usize * self.w + x as usize) * 3;
        for ch in 0..3 {
            let old = self.px[k + ch] as f32;
            self.px[k + ch] = (old + (c[ch] as f32 - old) * a.min(1.0)).round() as u8;
        }
    }

    pub fn set(&mut self, x: usize, y: usize, c: Rgb) {
        let k = (y * self.w + x) * 3;
        self.px[k..k + 3].copy_from_slice(&c);
    }

    pub fn rect(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, c: Rgb, a: f32) {
        for y in y0.max(0)..y1.min(self.h as i32) {
            for x in x0.max(0)..x1.min(self.w as i32) {
                self.blend(x, y, c, a);
            }
        }
    }

    pub fn disc(&mut self, cx: f32, cy: f32, r: f32, c: Rgb) {
        let (x0, x1) = ((cx - r - 1.0).floor() as i32, (cx + r + 1.0).ceil() as i32);
        let (y0, y1) = ((cy - r - 1.0).floor() as i32, (cy + r + 1.0).ceil() as i32);
        for y in y0..=y1 {
            for x in x0..=x1 {
                let d = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
                self.blend(x, y, c, (r + 0.5 - d).clamp(0.0, 1.0));
            }
        }
    }

    /// Filled convex or concave polygon (even-odd), with partial alpha.
    pub fn fill_poly(&mut self, pts: &[(f32, f32)], c: Rgb, a: f32) {
        let ys = pts.iter().map(|p| p.1);
        let y0 = ys.clone().fold(f32::INFINITY, f32::min).floor().max(0.0) as i32;
        let y1 = ys.fold(f32::NEG_INFINITY, f32::max).ceil().min(self.h as f32) as i32;
        for y in y0..y1 {
            for (a0, a1) in crate::geom::scanline_spans(pts, y as f32 + 0.5) {
                for x in (a0.round() as i32)..(a1.round() as i32) {
                    self.blend(x, y, c, a);
                }
            }
        }
    }

    /// Thick line; `dash` = Some((on, off, alt colour)) alternates colours along it.
    pub fn line(&mut self, a: (f32, f32), b: (f32, f32), width: f32, c: Rgb, dash: Option<(f32, Rgb)>) {
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt().max(1e-3);
        let steps = (len * 2.0).ceil() as usize;
        for s in 0..=steps {
            let t = s as f32 / steps as f32;
            let col = match dash {
                Some((period, alt)) if ((t * len / period) as i64) % 2 == 1 => alt,
                _ => c,
            };
            self.disc(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, width * 0.5, col);
        }
    }

    /// Draws `text` with its baseline at (x, y); returns the advance in pixels.
    pub fn text(&mut self, x: f32, y: f32, size: f32, c: Rgb, text: &str) -> f32 {
        let font = self.font;
        let metrics = font.glyph_metrics(&[]).scale(size);
        let mut scale = std::mem::replace(&mut self.scale, ScaleContext::new());
        let mut scaler = scale.builder(font).size(size).hint(true).build();
        let mut pen = x;
        for ch in text.chars() {
            let gid = font.charmap().map(ch);
            if let Some(img) = Render::new(&[Source::Outline]).format(Format::Alpha).render(&mut scaler, gid) {
                let p = img.placement;
                for row in 0..p.height as i32 {
                    for col in 0..p.width as i32 {
                        let a = img.data[(row * p.width as i32 + col) as usize] as f32 / 255.0;
                        self.blend(pen.round() as i32 + p.left + col, y.round() as i32 - p.top + row, c, a);
                    }
                }
            }
            pen += metrics.advance_width(gid);
        }
        drop(scaler);
        self.scale = scale;
        pen - x
    }

    pub fn text_width(&self, size: f32, text: &str) -> f32 {
        let m = self.font.glyph_metrics(&[]).scale(size);
        text.chars().map(|ch| m.advance_width(self.font.charmap().map(ch))).sum()
    }

    /// Encodes as PNG. Same pixels, same bytes.
    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, self.w as u32, self.h as u32);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            let mut wr = enc.write_header().expect("png header");
            wr.write_image_data(&self.px).expect("png data");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{Lang, tr_in};

    /// Every character the maps draw in either language is in the maps' font (Hack: Latin and
    /// Cyrillic), so no label turns into boxes.
    #[test]
    fn the_maps_font_has_every_glyph_of_their_labels() {
        let font = swash::FontRef::from_index(epaint_default_fonts::HACK_REGULAR, 0).expect("embedded font parses");
        for lang in Lang::ALL {
            for id in lang.ids().into_iter().filter(|id| id.starts_with("preview-") || id == "maps-operator-post" || id.starts_with("soil-") || id.starts_with("mine-")) {
                let text = tr_in(lang, &id, &[]);
                let missing: String = text.chars().filter(|c| !c.is_whitespace() && font.charmap().map(*c) == 0).collect();
                assert!(missing.is_empty(), "{lang:?} {id}: {missing:?} not in the maps' font");
            }
        }
        assert_eq!(font.charmap().map('\u{0378}'), 0, "the check can fail");
    }
}
