//! `quality-floor.json`: the figures the scoreboard must not fall below (and the
//! false-alarm rate it must not rise above). Written from the current figures minus
//! a small margin by `--write-floors`; checked by `--check`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::row::Row;

/// Figures are floored at their current value minus this.
pub const MARGIN: f64 = 0.02;
/// Translation marks per 1,000 words of native news may rise by this much.
pub const MARKS_MARGIN: f64 = 0.1;
const MARKS_KEY: &str = "marks_per_1k_max";

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Floors {
    pub note: String,
    pub margin: f64,
    /// Row key (`category dataset split level`) → figure name → floor.
    pub floors: BTreeMap<String, BTreeMap<String, f64>>,
}

fn down(v: f64) -> f64 {
    (((v - MARGIN) * 1000.0).floor() / 1000.0).max(0.0)
}

fn up(v: f64) -> f64 {
    ((v + MARKS_MARGIN) * 1000.0).ceil() / 1000.0
}

/// Floors from the current figures; information rows are not guarded.
pub fn from_rows(rows: &[Row]) -> Floors {
    let mut floors = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.info) {
        let mut f: BTreeMap<String, f64> = r.figures().into_iter().map(|(k, v)| (k.to_string(), down(v))).collect();
        if let Some(m) = r.marks_per_1k {
            f.insert(MARKS_KEY.into(), up(m));
        }
        floors.insert(r.key(), f);
    }
    Floors {
        note: "Written by `cargo xtask scoreboard --write-floors`: current figures minus the margin (marks per 1,000 \
               words: plus 0.1). Raise floors when a detector improves; never lower one without saying why."
            .into(),
        margin: MARGIN,
        floors,
    }
}

/// The floors after `--write-floors`: `rows`' figures (minus the margin) replace the
/// floors of the rows in `scope` (a category, or every row), but a floor is never
/// lowered unless `lower` is set; floors of rows in scope that are no longer measured
/// are dropped. Returns the new floors and what was kept or dropped, in words.
pub fn update(old: Option<Floors>, rows: &[Row], scope: Option<&str>, lower: bool) -> (Floors, Vec<String>) {
    let in_scope = |key: &str| scope.is_none_or(|c| key.split(' ').next() == Some(c));
    let fresh = from_rows(rows);
    let mut out = old.unwrap_or_default();
    out.note = fresh.note;
    out.margin = MARGIN;
    let mut notes = Vec::new();
    out.floors.retain(|key, _| {
        let keep = !in_scope(key) || fresh.floors.contains_key(key);
        if !keep {
            notes.push(format!("{key}: no longer measured, floor dropped"));
        }
        keep
    });
    for (key, new) in fresh.floors.into_iter().filter(|(k, _)| in_scope(k)) {
        let old = out.floors.remove(&key).unwrap_or_default();
        let mut merged = new.clone();
        for (name, value) in merged.iter_mut() {
            let Some(&was) = old.get(name) else { continue };
            // Floors only go up, ceilings only down, unless lowering was asked for.
            let worse = if name == MARKS_KEY { *value > was } else { *value < was };
            if worse && !lower {
                notes.push(format!(
                    "{key}: kept {name} {was:.3} (current figures give {value:.3}; --lower to lower it, and say why)"
                ));
                *value = was;
            }
        }
        out.floors.insert(key, merged);
    }
    (out, notes)
}

/// Every figure below its floor (or above its ceiling), in words. `complete`: the rows
/// are the whole scoreboard, so a floored row that is missing is a failure too.
pub fn check(rows: &[Row], floors: &Floors, complete: bool) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        let Some(f) = floors.floors.get(&r.key()) else { continue };
        for (name, v) in r.figures() {
            if let Some(&floor) = f.get(name) {
                if v < floor - 1e-9 {
                    out.push(format!("{}: {name} {v:.3} < floor {floor:.3}", r.key()));
                }
            }
        }
        if let (Some(v), Some(&max)) = (r.marks_per_1k, f.get(MARKS_KEY)) {
            if v > max + 1e-9 {
                out.push(format!("{}: marks per 1k words {v:.3} > ceiling {max:.3}", r.key()));
            }
        }
    }
    if complete {
        for key in floors.floors.keys() {
            if !rows.iter().any(|r| &r.key() == key) {
                out.push(format!("{key}: has a floor but is no longer measured"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(level: &str, f1: f64) -> Row {
        Row { f1: Some(f1), precision: Some(0.9), ..Row::new("hedging", "factbank", "dev", level, 10) }
    }

    #[test]
    fn floors_are_current_figures_minus_the_margin() {
        let mut native = Row::new("translation", "polnear-native", "dev", "document", 84);
        native.accuracy = Some(1.0);
        native.marks_per_1k = Some(0.5);
        let f = from_rows(&[row("cue", 0.5), row("cue:condition", 0.3).info(), native]);
        let cue = &f.floors["hedging factbank dev cue"];
        assert!((cue["f1"] - 0.48).abs() < 0.0015 && cue["f1"] <= 0.48);
        assert!((cue["precision"] - 0.88).abs() < 0.0015);
        assert!(!f.floors.contains_key("hedging factbank dev cue:condition"));
        let n = &f.floors["translation polnear-native dev document"];
        assert!((n["marks_per_1k_max"] - 0.6).abs() < 0.0015 && n["marks_per_1k_max"] >= 0.6);
        assert_eq!(from_rows(&[row("cue", 0.01)]).floors["hedging factbank dev cue"]["f1"], 0.0);
    }

    #[test]
    fn update_raises_keeps_lowers_on_request_and_respects_scope() {
        let mut other = Row::new("sourcing", "polnear", "dev", "span", 273);
        other.f1 = Some(0.2);
        let old = from_rows(&[row("cue", 0.5), row("sentence", 0.6), other.clone()]);
        // Hedging only: cue improves, sentence worsens, sourcing is out of scope (its figure fell, untouched).
        other.f1 = Some(0.1);
        let rows = [row("cue", 0.7), row("sentence", 0.4), other];
        let (f, notes) = update(Some(from_rows(&[])), &rows, None, false);
        assert!(notes.is_empty() && f.floors.len() == 3);
        let (f, notes) = update(Some(old), &rows, Some("hedging"), false);
        assert!((f.floors["hedging factbank dev cue"]["f1"] - 0.68).abs() < 0.0015);
        assert!((f.floors["hedging factbank dev sentence"]["f1"] - 0.58).abs() < 0.0015, "kept");
        assert!((f.floors["sourcing polnear dev span"]["f1"] - 0.18).abs() < 0.0015, "out of scope");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("hedging factbank dev sentence: kept f1 0.58"));
        let (f, _) = update(Some(f), &rows, Some("hedging"), true);
        assert!((f.floors["hedging factbank dev sentence"]["f1"] - 0.38).abs() < 0.0015, "lowered on request");
        let (f, notes) = update(Some(f), &rows[..1], Some("hedging"), false);
        assert!(!f.floors.contains_key("hedging factbank dev sentence"));
        assert_eq!(notes, vec!["hedging factbank dev sentence: no longer measured, floor dropped"]);
    }

    #[test]
    fn check_reports_falls_rises_and_missing_rows() {
        let mut native = Row::new("translation", "polnear-native", "dev", "document", 84);
        native.marks_per_1k = Some(0.5);
        let floors = from_rows(&[row("cue", 0.5), row("sentence", 0.6), native.clone()]);
        assert!(check(&[row("cue", 0.49), row("sentence", 0.6), native.clone()], &floors, true).is_empty());
        let mut worse = native.clone();
        worse.marks_per_1k = Some(0.7);
        let fails = check(&[row("cue", 0.47), worse], &floors, true);
        assert_eq!(fails.len(), 3, "{fails:?}");
        assert!(fails[0].contains("hedging factbank dev cue: f1 0.470 < floor"));
        assert!(fails[1].contains("marks per 1k words 0.700 > ceiling"));
        assert!(fails[2].contains("sentence: has a floor but is no longer measured"));
        // A partial run (one split) does not miss the others.
        assert_eq!(check(&[row("cue", 0.5)], &floors, false), Vec::<String>::new());
    }
}
