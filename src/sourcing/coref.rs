//! Pronoun sources: "he said", "they argue". A pronoun is as checkable as whoever it
//! points back to: the nearest earlier source of the same number, within a few
//! sentences. If that source was anonymous or vague, so is the pronoun.

use super::classify::Verdict;
use super::rules::Flag;
use crate::report::SourceKind;

/// How far back (in sentences) a pronoun may reach for its antecedent.
const WINDOW: usize = 4;

/// How far back "he" or "she" may reach for an anonymous antecedent: news names
/// people without a reporting verb ("Trump proclaimed a goal"), which this history
/// never sees, so a distant unnamed source is more likely the wrong antecedent.
const SINGULAR_ANONYMOUS_WINDOW: usize = 1;

#[derive(Debug, Clone)]
pub struct Mention {
    pub sentence: usize,
    pub verdict: Verdict,
}

#[derive(Debug, Default)]
pub struct History {
    mentions: Vec<Mention>,
}

impl History {
    pub fn push(&mut self, sentence: usize, verdict: Verdict) {
        self.mentions.push(Mention { sentence, verdict });
    }

    /// Resolve `pronoun` (lower-case) in `sentence`: the antecedent's kind when it was
    /// anonymous or vague, its name when it was named, else a plain pronoun.
    pub fn resolve(&self, pronoun: &str, sentence: usize) -> Verdict {
        let plain = Verdict { kind: SourceKind::Pronoun, rule: None, name: None, plural: pronoun == "they" };
        let want_plural = match pronoun {
            "he" | "she" => false,
            "they" => true,
            _ => return plain,
        };
        let antecedent = self
            .mentions
            .iter()
            .rev()
            .take_while(|m| sentence.saturating_sub(m.sentence) <= WINDOW)
            .find(|m| m.verdict.plural == want_plural && compatible(&m.verdict, pronoun));
        match antecedent {
            Some(m) if !want_plural && m.verdict.kind.is_flagged() && !singular_anonymous(m, sentence) => plain,
            Some(m) if m.verdict.kind.is_flagged() => Verdict { plural: want_plural, ..m.verdict.clone() },
            Some(m) => Verdict { name: m.verdict.name.clone(), ..plain },
            None => plain,
        }
    }
}

/// "he" or "she" stays anonymous only right after an anonymous source proper ("a
/// senior official said … He added"): after "one questioner asked" the next "he
/// said" is far more often the named person who answered.
fn singular_anonymous(m: &Mention, sentence: usize) -> bool {
    let source_proper = m.verdict.rule.is_some_and(Flag::is_source_proper);
    source_proper && sentence.saturating_sub(m.sentence) <= SINGULAR_ANONYMOUS_WINDOW
}

/// "he"/"she" point to people (named or not); "they" to any plural source but documents.
fn compatible(v: &Verdict, pronoun: &str) -> bool {
    match pronoun {
        "he" | "she" => matches!(v.kind, SourceKind::NamedPerson | SourceKind::Unnamed | SourceKind::Pronoun),
        _ => v.kind != SourceKind::Document,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(kind: SourceKind, plural: bool, name: Option<&str>) -> Verdict {
        let rule = match kind {
            SourceKind::Unnamed => Some(Flag::AnonymousOfficial),
            SourceKind::Vague => Some(Flag::WeaselGroup),
            _ => None,
        };
        Verdict { kind, rule, name: name.map(String::from), plural }
    }

    /// (history as (sentence, verdict), pronoun, its sentence, expected kind, expected name)
    type Case = (Vec<(usize, Verdict)>, &'static str, usize, SourceKind, Option<&'static str>);

    #[test]
    fn resolution_table() {
        use SourceKind::*;
        let cases: Vec<Case> = vec![
            (vec![(0, v(Unnamed, false, None))], "he", 1, Unnamed, None),
            (vec![(0, v(NamedPerson, false, Some("Ratcliffe")))], "he", 1, Pronoun, Some("Ratcliffe")),
            (vec![(0, v(Vague, true, None))], "they", 2, Vague, None),
            (vec![(0, v(Vague, true, None)), (1, v(NamedPerson, false, Some("Cook")))], "they", 2, Vague, None),
            (vec![(0, v(Vague, true, None)), (1, v(NamedOrg, true, Some("Times")))], "they", 2, Pronoun, Some("Times")),
            (vec![(0, v(Unnamed, false, None))], "he", 9, Pronoun, None),
            (vec![(0, v(Unnamed, false, None))], "she", 2, Pronoun, None),
            (vec![(0, Verdict { rule: Some(Flag::UnnamedPerson), ..v(Unnamed, false, None) })], "he", 1, Pronoun, None),
            (vec![(0, v(Unnamed, true, None))], "we", 1, Pronoun, None),
            (vec![], "she", 0, Pronoun, None),
        ];
        for (hist, pronoun, sentence, kind, name) in cases {
            let mut h = History::default();
            for (s, verdict) in hist.iter().cloned() {
                h.push(s, verdict);
            }
            let got = h.resolve(pronoun, sentence);
            assert_eq!((got.kind, got.name.as_deref()), (kind, name), "{pronoun:?} after {hist:?}");
        }
    }
}
