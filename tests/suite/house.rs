//! The house's rules, checked on the source: no module file imports one that imports it back
//! (the core is in floors), and the simulation never reaches into the app's view or screens.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/` (but `main.rs`) by its module path, e.g. `ui::editor::map`.
fn module_files() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&root).ok()?.with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().to_string()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            match parts.join("::").as_str() {
                "main" => None,
                "lib" => Some((String::new(), path)),
                name => Some((name.to_string(), path)),
            }
        })
        .collect()
}

/// The source without comments, so a path in prose is not an import.
fn code_of(text: &str) -> String {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// `crate::a::{b, c::d}` → `crate::a::b`, `crate::a::c::d`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else { return vec![path.to_string()] };
    let (prefix, rest) = path.split_at(open);
    let inner = &rest[1..rest.rfind('}').unwrap_or(rest.len())];
    let (mut items, mut depth, mut current) = (Vec::new(), 0, String::new());
    for ch in inner.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    items.push(current);
    items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()).flat_map(|i| expand(&format!("{prefix}{i}"))).collect()
}

/// The module files each module file names with `crate::` or `super::` paths.
fn imports(files: &BTreeMap<String, PathBuf>) -> BTreeMap<String, BTreeSet<String>> {
    let resolve = |segs: &[&str]| -> Option<String> {
        (0..=segs.len()).rev().map(|n| segs[..n].join("::")).find(|m| files.contains_key(m))
    };
    let mut graph = BTreeMap::new();
    for (module, path) in files {
        let code = code_of(&std::fs::read_to_string(path).expect("source readable"));
        let mut paths = Vec::new();
        for statement in code.split(';') {
            if let Some(at) = statement.find("use ") {
                let flat: String = statement[at + 4..].chars().filter(|c| !c.is_whitespace()).collect();
                paths.extend(expand(&flat));
            }
        }
        let words: Vec<&str> = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).collect();
        paths.extend(words.iter().filter(|w| w.starts_with("crate::") || w.starts_with("super::")).map(|w| w.to_string()));
        let base: Vec<&str> = if module.is_empty() { Vec::new() } else { module.split("::").collect() };
        let mut targets = BTreeSet::new();
        for full in &paths {
            let full = full.split(" as ").next().unwrap_or(full);
            let segs: Vec<&str> = full.split("::").filter(|s| !s.is_empty()).collect();
            let absolute: Vec<&str> = match segs.first() {
                Some(&"crate") => segs[1..].to_vec(),
                Some(&"super") => {
                    let ups = segs.iter().take_while(|s| **s == "super").count();
                    let mut abs = base[..base.len().saturating_sub(ups)].to_vec();
                    abs.extend(&segs[ups..]);
                    abs
                }
                _ => continue,
            };
            if let Some(target) = resolve(&absolute)
                && !target.is_empty()
                && &target != module
            {
                targets.insert(target);
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

/// Groups of files that import each other round a circle (Tarjan's strongly connected parts).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on_stack: BTreeSet<String>,
        found: Vec<Vec<String>>,
    }
    fn visit(w: &mut Walk, v: &str) {
        let n = w.index.len();
        w.index.insert(v.to_string(), n);
        w.low.insert(v.to_string(), n);
        w.stack.push(v.to_string());
        w.on_stack.insert(v.to_string());
        for next in w.graph.get(v).cloned().unwrap_or_default() {
            if !w.index.contains_key(&next) {
                visit(w, &next);
                let low = w.low[v].min(w.low[&next]);
                w.low.insert(v.to_string(), low);
            } else if w.on_stack.contains(&next) {
                let low = w.low[v].min(w.index[&next]);
                w.low.insert(v.to_string(), low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut group = Vec::new();
            while let Some(top) = w.stack.pop() {
                w.on_stack.remove(&top);
                let done = top == v;
                group.push(top);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                w.found.push(group);
            }
        }
    }
    let mut walk = Walk { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), on_stack: BTreeSet::new(), found: Vec::new() };
    for v in graph.keys() {
        if !walk.index.contains_key(v) {
            visit(&mut walk, v);
        }
    }
    walk.found
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports(&module_files());
    assert!(graph.len() > 50, "the walk found the crate's files ({})", graph.len());
    assert!(graph["sim"].contains("clearing") && graph["ui::hud"].contains("machine"), "the walk sees imports");
    let found = circles(&graph);
    assert!(found.is_empty(), "files importing each other round a circle: {found:?}");
}

#[test]
fn the_simulation_never_imports_the_app() {
    let graph = imports(&module_files());
    let app = ["app", "cli", "controls", "trainer", "ui", "view"];
    let core = ["tick", "command", "lanes", "geom", "palette", "scenario", "field", "machine", "operator", "clearing", "scoring", "checksum", "sim", "replay", "progress"];
    for (module, targets) in &graph {
        let top = module.split("::").next().unwrap_or("");
        if !core.contains(&top) {
            continue;
        }
        for target in targets {
            let target_top = target.split("::").next().unwrap_or("");
            assert!(!app.contains(&target_top), "{module} (the simulation's side) imports {target} (the app's)");
        }
    }
}

/// A circle is found when there is one (the check itself can fail).
#[test]
fn a_circle_is_seen() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec!["a"])].into_iter().map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect())).collect();
    assert_eq!(circles(&graph).len(), 1);
    assert_eq!(expand("crate::a::{b, c::{d, e}}"), vec!["crate::a::b", "crate::a::c::d", "crate::a::c::e"]);
}
