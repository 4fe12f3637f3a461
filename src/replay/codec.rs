//! The command stream's compact encoding: each tick's `OperatorCommand` as the fields that
//! changed since the previous tick, and runs of unchanged ticks as one byte. The file then
//! deflates the lot; an hour of driving is a few hundred kilobytes at most.

use crate::command::OperatorCommand;

const LEFT: u8 = 1;
const RIGHT: u8 = 2;
const TOOL: u8 = 4;
const ROTOR: u8 = 8;
const FLAGS: u8 = 16;
/// The boom sticks (replay format 2; format 1 streams never set these bits, so they decode
/// unchanged with both sticks at zero).
const SLEW: u8 = 32;
const REACH: u8 = 64;
/// A tag with this bit set names changed fields; without it, it is a run of repeats.
const CHANGE: u8 = 0x80;
const MAX_RUN: usize = 128;

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i32) -> u64 {
    ((v << 1) ^ (v >> 31)) as u32 as u64
}

fn unzigzag(v: u64) -> i32 {
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

pub fn encode(cmds: &[OperatorCommand]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cmds.len() / 4 + 16);
    put_varint(&mut out, cmds.len() as u64);
    let mut prev = OperatorCommand::default();
    let mut run = 0usize;
    let flush = |out: &mut Vec<u8>, run: &mut usize| {
        while *run > 0 {
            let n = (*run).min(MAX_RUN);
            out.push((n - 1) as u8);
            *run -= n;
        }
    };
    for c in cmds {
        if *c == prev {
            run += 1;
            continue;
        }
        flush(&mut out, &mut run);
        let mut mask = 0;
        if c.left_track != prev.left_track {
            mask |= LEFT;
        }
        if c.right_track != prev.right_track {
            mask |= RIGHT;
        }
        if c.tool_cm != prev.tool_cm {
            mask |= TOOL;
        }
        if c.rotor_pct != prev.rotor_pct {
            mask |= ROTOR;
        }
        if c.flags != prev.flags {
            mask |= FLAGS;
        }
        if c.slew != prev.slew {
            mask |= SLEW;
        }
        if c.reach != prev.reach {
            mask |= REACH;
        }
        out.push(CHANGE | mask);
        if mask & LEFT != 0 {
            put_varint(&mut out, zigzag(c.left_track as i32 - prev.left_track as i32));
        }
        if mask & RIGHT != 0 {
            put_varint(&mut out, zigzag(c.right_track as i32 - prev.right_track as i32));
        }
        if mask & TOOL != 0 {
            out.push(c.tool_cm as u8);
        }
        if mask & ROTOR != 0 {
            out.push(c.rotor_pct);
        }
        if mask & FLAGS != 0 {
            out.push(c.flags);
        }
        if mask & SLEW != 0 {
            put_varint(&mut out, zigzag(c.slew as i32 - prev.slew as i32));
        }
        if mask & REACH != 0 {
            put_varint(&mut out, zigzag(c.reach as i32 - prev.reach as i32));
        }
        prev = *c;
    }
    flush(&mut out, &mut run);
    out
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let v = *self.b.get(self.at).ok_or_else(|| format!("command stream ends early at byte {}", self.at))?;
        self.at += 1;
        Ok(v)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7F) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(format!("malformed number in the command stream at byte {}", self.at))
    }
}

pub fn decode(bytes: &[u8]) -> Result<Vec<OperatorCommand>, String> {
    decode_expecting(bytes, None)
}

/// As `decode`, refusing a stream whose tick count is not `expected` before allocating for it
/// (a hostile count cannot ask for gigabytes the metadata never announced).
pub fn decode_expecting(bytes: &[u8], expected: Option<u64>) -> Result<Vec<OperatorCommand>, String> {
    let mut r = Reader { b: bytes, at: 0 };
    let n = r.varint()?;
    if let Some(want) = expected
        && n != want
    {
        return Err(format!("the command stream holds {n} ticks, the metadata says {want}"));
    }
    let n = usize::try_from(n).map_err(|_| format!("command stream claims {n} ticks"))?;
    // A hostile count must not allocate before the bytes prove it (a run byte is 128 ticks).
    if n > bytes.len().saturating_mul(MAX_RUN) {
        return Err(format!("command stream claims {n} ticks but holds only {} bytes", bytes.len()));
    }
    let mut out = Vec::with_capacity(n);
    let mut prev = OperatorCommand::default();
    while out.len() < n {
        let tag = r.byte()?;
        if tag & CHANGE == 0 {
            let run = tag as usize + 1;
            if out.len() + run > n {
                return Err(format!("a run of {run} ticks passes the stream's end at byte {}", r.at));
            }
            out.extend(std::iter::repeat_n(prev, run));
            continue;
        }
        let mask = tag & !CHANGE;
        if mask == 0 || mask & !(LEFT | RIGHT | TOOL | ROTOR | FLAGS | SLEW | REACH) != 0 {
            return Err(format!("unknown field mask {mask:#x} at byte {}", r.at - 1));
        }
        let mut c = prev;
        let lever =
            |base: i16, d: u64| -> Result<i16, String> { i16::try_from(base as i32 + unzigzag(d)).map_err(|_| "lever or stick out of range".to_string()) };
        if mask & LEFT != 0 {
            c.left_track = lever(prev.left_track, r.varint()?)?;
        }
        if mask & RIGHT != 0 {
            c.right_track = lever(prev.right_track, r.varint()?)?;
        }
        if mask & TOOL != 0 {
            c.tool_cm = r.byte()? as i8;
        }
        if mask & ROTOR != 0 {
            c.rotor_pct = r.byte()?;
        }
        if mask & FLAGS != 0 {
            c.flags = r.byte()?;
        }
        if mask & SLEW != 0 {
            c.slew = lever(prev.slew, r.varint()?)?;
        }
        if mask & REACH != 0 {
            c.reach = lever(prev.reach, r.varint()?)?;
        }
        out.push(c);
        prev = c;
    }
    if r.at != bytes.len() {
        return Err(format!("{} unexpected bytes after the command stream", bytes.len() - r.at));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_compresses_runs() {
        let mut cmds = vec![OperatorCommand::default(); 300];
        for (i, c) in cmds.iter_mut().enumerate().skip(10) {
            c.left_track = (i as i16 % 7) * 1000 - 3000;
            c.right_track = if i > 200 { 32767 } else { -32767 };
            c.tool_cm = if i > 50 { 18 } else { -20 };
            c.rotor_pct = if i > 40 { 100 } else { 0 };
        }
        for (i, c) in cmds.iter_mut().enumerate().skip(120).take(60) {
            c.slew = (i as i16 - 150) * 1000;
            c.reach = if i % 2 == 0 { 32767 } else { -32767 };
        }
        cmds.extend(vec![cmds[299]; 1000]);
        cmds.push(OperatorCommand { flags: OperatorCommand::FINISH, ..cmds[1299] });
        let bytes = encode(&cmds);
        assert_eq!(decode(&bytes).unwrap(), cmds);
        assert!(bytes.len() < 1300, "{} bytes", bytes.len());
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
