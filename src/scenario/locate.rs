//! Finds where a field sits in a RON text (line and column), so that a problem found after
//! parsing (a meaning check) can still point at the place in the file the instructor wrote.

/// One step of a path into a document: a named field or an index into a list or tuple.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

/// Formats a path the way problems name a place: `mines.groups[2].depth_cm`.
pub fn path_label(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Field(f) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(f);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    Ident(&'a str),
    Colon,
    Open(u8),
    Close,
    Comma,
    Other,
}

fn tokenize(src: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    let adv = |i: &mut usize, line: &mut usize, col: &mut usize| {
        if b[*i] == b'\n' {
            *line += 1;
            *col = 1;
        } else if (b[*i] & 0xC0) != 0x80 {
            *col += 1;
        }
        *i += 1;
    };
    while i < b.len() {
        let c = b[i];
        let (l0, c0) = (line, col);
        if c.is_ascii_whitespace() {
            adv(&mut i, &mut line, &mut col);
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                adv(&mut i, &mut line, &mut col);
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                adv(&mut i, &mut line, &mut col);
            }
            for _ in 0..2 {
                if i < b.len() {
                    adv(&mut i, &mut line, &mut col);
                }
            }
        } else if c == b'"' {
            adv(&mut i, &mut line, &mut col);
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' && i + 1 < b.len() {
                    adv(&mut i, &mut line, &mut col);
                }
                adv(&mut i, &mut line, &mut col);
            }
            if i < b.len() {
                adv(&mut i, &mut line, &mut col);
            }
            out.push((Tok::Other, l0, c0));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                adv(&mut i, &mut line, &mut col);
            }
            out.push((Tok::Ident(&src[start..i]), l0, c0));
        } else {
            let t = match c {
                b':' => Tok::Colon,
                b'(' | b'[' | b'{' => Tok::Open(c),
                b')' | b']' | b'}' => Tok::Close,
                b',' => Tok::Comma,
                _ => Tok::Other,
            };
            // Numbers and other scalars: one token per run of non-structural characters.
            adv(&mut i, &mut line, &mut col);
            if t == Tok::Other {
                while i < b.len() && !b":()[]{},\" \t\r\n/".contains(&b[i]) {
                    adv(&mut i, &mut line, &mut col);
                }
            }
            out.push((t, l0, c0));
        }
    }
    out
}

/// A parsed value: where it starts and what it holds.
struct Node {
    pos: (usize, usize),
    kind: Kind,
}

enum Kind {
    Struct(Vec<(String, Node)>),
    Seq(Vec<Node>),
    Scalar,
}

struct Parser<'t, 'a> {
    toks: &'t [(Tok<'a>, usize, usize)],
    i: usize,
}

impl Parser<'_, '_> {
    fn peek(&self, k: usize) -> Option<Tok<'_>> {
        self.toks.get(self.i + k).map(|t| t.0)
    }

    fn value(&mut self, depth: usize) -> Node {
        let pos = self.toks.get(self.i).map(|t| (t.1, t.2)).unwrap_or((1, 1));
        let kind = match self.peek(0) {
            _ if depth > 64 => Kind::Scalar,
            Some(Tok::Ident(_)) if self.peek(1) == Some(Tok::Open(b'(')) => {
                self.i += 1;
                self.body(depth)
            }
            Some(Tok::Open(_)) => self.body(depth),
            Some(_) => {
                self.i += 1;
                Kind::Scalar
            }
            None => Kind::Scalar,
        };
        Node { pos, kind }
    }

    /// Parses a bracketed body starting at its opening token.
    fn body(&mut self, depth: usize) -> Kind {
        self.i += 1;
        let named = matches!(self.peek(0), Some(Tok::Ident(_))) && self.peek(1) == Some(Tok::Colon);
        let mut fields = Vec::new();
        let mut items = Vec::new();
        loop {
            match self.peek(0) {
                None => break,
                Some(Tok::Close) => {
                    self.i += 1;
                    break;
                }
                Some(Tok::Comma) => self.i += 1,
                Some(Tok::Ident(name)) if named && self.peek(1) == Some(Tok::Colon) => {
                    let name = name.to_string();
                    self.i += 2;
                    fields.push((name, self.value(depth + 1)));
                }
                _ => {
                    let before = self.i;
                    items.push(self.value(depth + 1));
                    if self.i == before {
                        self.i += 1;
                    }
                }
            }
        }
        if named { Kind::Struct(fields) } else { Kind::Seq(items) }
    }
}

/// Line and column of the value at `path` in `src`, or of the deepest part of the path found.
pub fn locate(src: &str, path: &[Seg]) -> (usize, usize) {
    let toks = tokenize(src);
    let root = Parser { toks: &toks, i: 0 }.value(0);
    let mut node = &root;
    for seg in path {
        // `Some(x)` and newtype wrappers: a one-item tuple is transparent to field lookups.
        if let (Seg::Field(_), Kind::Seq(items)) = (seg, &node.kind)
            && items.len() == 1
        {
            node = &items[0];
        }
        let next = match (seg, &node.kind) {
            (Seg::Field(name), Kind::Struct(fields)) => fields.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            (Seg::Index(i), Kind::Seq(items)) => items.get(*i),
            _ => None,
        };
        match next {
            Some(found) => node = found,
            None => break,
        }
    }
    node.pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_indices() {
        let src = "// c\nS(\n  a: 1,\n  b: [\n    G(x: (1, 2)),\n    G(x: (3, 4), y: Some(Q(z: 5))),\n  ],\n)";
        assert_eq!(locate(src, &[Seg::Field("a")]), (3, 6));
        assert_eq!(locate(src, &[Seg::Field("b"), Seg::Index(1)]), (6, 5));
        assert_eq!(locate(src, &[Seg::Field("b"), Seg::Index(1), Seg::Field("x"), Seg::Index(1)]), (6, 14));
        assert_eq!(locate(src, &[Seg::Field("b"), Seg::Index(1), Seg::Field("y"), Seg::Field("z")]), (6, 31));
        // Missing pieces fall back to the deepest place found.
        assert_eq!(locate(src, &[Seg::Field("b"), Seg::Index(7)]), (4, 6));
    }
}
