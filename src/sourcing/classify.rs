//! What kind of source a phrase names: a person, an organisation, a document, a
//! pronoun, an anonymous source, or a vague group. Decided by the head word first
//! ("Clinton aides" are aides), then by cheap name detection on capitalised words.

use super::rules::Flag;
use super::source::Source;
use super::words::{class_of, low, Class, Tagged};
use crate::report::SourceKind;

// Two classes derive from these lists (see `words::Class`): a word that could head a
// phrase naming who speaks (`PERSON_NOUN`: anonymous, group, singular person or
// spokesperson; it picks the head of "people familiar with the matter" and "officials
// at Apple"), and a collective or generic group (`GROUP`: the `VAGUE` list, or a
// plural people-noun by its ending, "technologists", "libertarians", which no list
// can hold in full).

/// Poll figures speak for a poll, not a crowd: "52 percent of voters", "a majority
/// of Republicans", "eight of 10 voters".
fn is_poll_figure(doc: &Tagged, src: &Source) -> bool {
    let r = src.tokens.clone();
    r.clone()
        .any(|i| matches!(low(doc, i), "percent" | "%" | "majority" | "majorities" | "two-thirds" | "three-quarters"))
        || r.clone().any(|i| {
            low(doc, i) == "of" && doc.tokens.get(i + 1).is_some_and(|t| t.kind == crate::text::TokenKind::Number)
        })
}

#[derive(Debug, Clone)]
pub struct Verdict {
    pub kind: SourceKind,
    /// The rule a flagged kind is marked with.
    pub rule: Option<Flag>,
    /// Surname of a named person, name of a named organisation.
    pub name: Option<String>,
    /// Plural ("officials", "Republicans"): what "they" can point back to.
    pub plural: bool,
}

impl Verdict {
    fn new(kind: SourceKind, rule: Option<Flag>, plural: bool) -> Self {
        Verdict { kind, rule, name: None, plural }
    }
}

/// "Clinton's" -> "Clinton", "Democrats’" -> "Democrats". Strips each ending as often
/// as it repeats, in this order: "’s", "'s", "’", "'". (Suffix by suffix: the
/// general `trim_end_matches` with a string pattern costs a searcher per call.)
fn strip_possessive(s: &str) -> &str {
    let mut s = s;
    while let Some(t) = s.strip_suffix("’s") {
        s = t;
    }
    while let Some(t) = s.strip_suffix("'s") {
        s = t;
    }
    while let Some(t) = s.strip_suffix('’') {
        s = t;
    }
    while let Some(t) = s.strip_suffix('\'') {
        s = t;
    }
    s
}

/// Two or more letters, all upper case ("IMF", "U.S."); other characters do not count.
fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Classify the source phrase. Pronouns are returned as `Pronoun`; `coref` resolves them.
pub fn classify(doc: &Tagged, src: &Source) -> Verdict {
    // The phrase's words, read where asked (no vector of them per candidate).
    let words = || src.tokens.clone().map(|i| low(doc, i));
    let head_low = low(doc, src.head);
    let head = |c: Class| doc.is(src.head, c);
    let plural = is_plural(head_low) || words().any(|w| w == "and");
    let first = words().next().unwrap_or("");
    if head(Class::PRONOUNS) {
        return Verdict::new(SourceKind::Pronoun, None, matches!(head_low, "they" | "we"));
    }
    if head_low == "whom" {
        // "many of whom": the subject finder takes only vague shares.
        return Verdict::new(SourceKind::Vague, Some(Flag::WeaselGroup), true);
    }
    let appositive: Vec<usize> = src.appositive.clone().map(|r| r.collect()).unwrap_or_default();
    // "officials at Apple, including CEO Tim Cook": a named principal puts it on record,
    // unless the group is vague ("some Republicans, including Senator Alexander").
    let includes_name = appositive.iter().any(|&i| matches!(low(doc, i), "including" | "like"))
        && appositive.iter().filter(|&&i| doc.is_capitalized(i)).count() >= 2;
    let vague_quantifier = matches!(first, "some" | "many" | "most" | "few" | "several");
    if includes_name && !vague_quantifier {
        let surname = appositive.iter().rev().find(|&&i| doc.is_capitalized(i)).map(|&i| doc.tok(i));
        return Verdict {
            name: surname.map(|s| strip_possessive(s).to_string()),
            ..Verdict::new(SourceKind::NamedPerson, None, plural)
        };
    }
    if is_poll_figure(doc, src) {
        return Verdict::new(SourceKind::Document, None, true);
    }
    if let Some(principal) = named_principal(doc, src) {
        // "Trump and his aides", "Joseph and other community members": a named
        // principal puts the group on record.
        return Verdict {
            name: Some(strip_possessive(doc.tok(principal)).to_string()),
            ..Verdict::new(SourceKind::NamedPerson, None, true)
        };
    }
    let before = src.tokens.start.checked_sub(1).map_or("", |p| low(doc, p));
    let after = low(doc, src.tokens.end);
    let first_person_relative = matches!(after, "i" | "we") || (matches!(before, "i" | "we") && src.tokens.len() == 1);
    if (before == "and" && matches!(first, "his" | "her" | "its" | "their")) || first_person_relative {
        // "The nominee and his aides"; "all the experts I interviewed": people the
        // article or its author has already named.
        return Verdict::new(SourceKind::Pronoun, None, true);
    }
    let familiar = words().any(|w| matches!(w, "familiar" | "close" | "briefed" | "knowledge" | "involved"));
    let someone = matches!(head_low, "person" | "those" | "someone" | "anyone");
    if familiar && (head(Class::PERSON_NOUN) || someone) && !head(Class::SPOKESPEOPLE) {
        return Verdict::new(SourceKind::Unnamed, Some(Flag::FamiliarWith), plural);
    }
    let indefinite = matches!(first, "a" | "an" | "one" | "another") && !plural;
    if head(Class::SPOKESPEOPLE) {
        // On record for someone; whom they speak for is a name or a back-reference.
        return Verdict::new(SourceKind::NamedOrg, None, plural);
    }
    if matches!(first, "my" | "our") && head(Class::PERSON_NOUN) {
        // "my friends know", "our readers told us": people of the author's own, no
        // claim pinned on a faceless group.
        return Verdict::new(SourceKind::Pronoun, None, plural);
    }
    if head(Class::ANONYMOUS) {
        return Verdict::new(SourceKind::Unnamed, Some(Flag::AnonymousOfficial), plural);
    }
    if head(Class::GROUP) && !vague_quantifier {
        if let Some(name) = employer(doc, src) {
            // "analysts at Goldman Sachs": on record for a named firm, like its spokesman.
            return Verdict { name: Some(name), ..Verdict::new(SourceKind::NamedOrg, None, plural) };
        }
    }
    if head(Class::GROUP) && matches!(first, "the" | "both") && plural {
        // "the experts", "both candidates": a group the article has already introduced.
        return Verdict::new(SourceKind::Pronoun, None, true);
    }
    if head(Class::GROUP) {
        return Verdict::new(SourceKind::Vague, Some(Flag::WeaselGroup), true);
    }
    if indefinite && head(Class::PERSON_SINGULAR) {
        return Verdict::new(SourceKind::Unnamed, Some(Flag::UnnamedPerson), false);
    }
    if matches!(head_low, "one" | "other") && first == "no" {
        return Verdict::new(SourceKind::Vague, Some(Flag::WeaselGroup), false);
    }
    if head(Class::VAGUE_DOCUMENTS)
        && !words().any(|w| matches!(w, "the" | "these" | "those" | "its" | "his" | "her" | "their" | "our"))
        && !src.tokens.clone().any(|i| doc.is_capitalized(i) && i != src.tokens.start)
    {
        return Verdict::new(SourceKind::Vague, Some(Flag::WeaselGroup), true);
    }
    if head(Class::DOCUMENTS | Class::VAGUE_DOCUMENTS) {
        return Verdict::new(SourceKind::Document, None, plural);
    }
    if head(Class::ORG_COMMON) {
        return Verdict { name: None, ..Verdict::new(SourceKind::NamedOrg, None, true) };
    }
    // Names: the capitalised words of the phrase, skipping a sentence-initial determiner.
    let caps: Vec<usize> =
        src.tokens.clone().filter(|&i| doc.is_capitalized(i) && !doc.is(i, Class::DETERMINERS)).collect();
    let head_is_cap = doc.is_capitalized(src.head) || is_acronym(doc.tok(src.head));
    if head_is_cap && !caps.is_empty() {
        // The capitalised run that ends at the head: "Kayleigh McEnany", "New York Times".
        let run: Vec<usize> = caps.iter().copied().filter(|&i| (i..=src.head).all(|k| caps.contains(&k))).collect();
        let org = run
            .iter()
            .any(|&i| class_of(strip_possessive(low(doc, i))).has(Class::ORG_WORDS) || is_acronym(doc.tok(i)))
            || (first == "the" && !head(Class::TITLES));
        if org {
            let name: Vec<&str> = run.iter().map(|&i| strip_possessive(doc.tok(i))).collect();
            return Verdict { name: Some(name.join(" ")), ..Verdict::new(SourceKind::NamedOrg, None, false) };
        }
        if head(Class::TITLES) {
            // "The President said": a title alone points back to someone named earlier.
            return Verdict::new(SourceKind::Pronoun, None, false);
        }
        let surname = strip_possessive(doc.tok(src.head)).to_string();
        return Verdict { name: Some(surname), ..Verdict::new(SourceKind::NamedPerson, None, plural) };
    }
    if matches!(first, "the" | "his" | "her" | "their" | "its" | "this" | "that" | "these" | "those" | "our" | "my") {
        // "the senator", "her campaign": a back-reference to someone already named.
        return Verdict::new(SourceKind::Pronoun, None, plural);
    }
    Verdict::new(SourceKind::Document, None, plural)
}

/// The named employer of a group: "analysts at Goldman Sachs", "economists with
/// the IMF" (a capitalised run after "at" or "with", past "the"). Not "in" or
/// "from", which name places ("observers in Virginia").
fn employer(doc: &Tagged, src: &Source) -> Option<String> {
    let link = src.head + 1;
    if link >= src.tokens.end || !matches!(low(doc, link), "at" | "with") {
        return None;
    }
    let mut k = link + 1;
    if low(doc, k) == "the" {
        k += 1;
    }
    let run: Vec<&str> = (k..src.tokens.end)
        .take_while(|&i| (doc.is_capitalized(i) || is_acronym(doc.tok(i))) && !doc.is(i, Class::DETERMINERS))
        .map(|i| strip_possessive(doc.tok(i)))
        .collect();
    (!run.is_empty()).then(|| run.join(" "))
}

/// A capitalised name joined to the group by "and": "Joseph and other members".
/// Group words that happen to be capitalised ("Democrats and Republicans") do not count.
fn named_principal(doc: &Tagged, src: &Source) -> Option<usize> {
    // The "and" joins the head's conjuncts, not a modifier's: not "observers in
    // Virginia and around the country".
    let and = (src.tokens.start..src.head).find(|&i| low(doc, i) == "and")?;
    (src.tokens.start..and)
        .rev()
        .find(|&i| (doc.is_capitalized(i) || is_acronym(doc.tok(i))) && !doc.is(i, Class::DETERMINERS))
        .filter(|&i| !class_of(strip_possessive(low(doc, i))).has(Class::PERSON_NOUN | Class::ORG_WORDS))
}

fn is_plural(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3)
        || matches!(w, "people" | "police" | "staff" | "media" | "men" | "women")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sourcing::source;

    /// The helpers answer what their first, slower forms answered.
    #[test]
    fn name_helpers_equal_their_oracles() {
        fn strip(s: &str) -> &str {
            s.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches('’').trim_end_matches('\'')
        }
        fn acronym(w: &str) -> bool {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        }
        for w in [
            "",
            "s",
            "'",
            "’",
            "'s",
            "’s",
            "Clinton's",
            "Clinton’s",
            "Democrats'",
            "Democrats’",
            "Trump's's",
            "Jones’s'",
            "X’s’s'’",
            "s's",
            "IMF",
            "U.S.",
            "I",
            "Ab",
            "AB's",
            "ÉTÉ",
            "été",
            "NASA’s",
            "3M",
            "U.N.-led",
        ] {
            assert_eq!(strip_possessive(w), strip(w), "{w:?}");
            assert_eq!(is_acronym(w), acronym(w), "{w:?}");
        }
    }

    fn kind_of(text: &str, cue: &str) -> (SourceKind, Option<String>) {
        let doc = crate::text::Document::new(text);
        let doc = Tagged::new(&doc);
        let i = (0..doc.tokens.len()).find(|&i| doc.tok(i) == cue).expect("cue in text");
        let s = doc.sentences[0].tokens.clone();
        let src = if cue == "to" { None } else { source::before(&doc, i, s.clone()) };
        let src = src.or_else(|| source::after(&doc, i + 1, s)).expect("a source");
        let v = classify(&doc, &src);
        (v.kind, v.name)
    }

    #[test]
    fn kinds_table() {
        use SourceKind::*;
        let cases: &[(&str, &str, SourceKind, Option<&str>)] = &[
            ("Kayleigh McEnany said it.", "said", NamedPerson, Some("McEnany")),
            ("White House spokesman Kayleigh McEnany said in a statement.", "said", NamedPerson, Some("McEnany")),
            ("Sen. Bob Menendez asked for it.", "asked", NamedPerson, Some("Menendez")),
            ("“No,” said Zabihullah, a spokesman.", "said", NamedPerson, Some("Zabihullah")),
            ("The Pentagon said in a statement.", "said", NamedOrg, Some("Pentagon")),
            ("The New York Times reported it.", "reported", NamedOrg, Some("New York Times")),
            ("The embassy wrote on Twitter.", "wrote", Pronoun, None),
            ("It fell, according to the indictment.", "to", Document, None),
            ("It fell, according to a Quinnipiac University poll.", "to", Document, None),
            ("He said so.", "said", Pronoun, None),
            ("Troops died, the source said.", "said", Unnamed, None),
            ("A European intelligence official told CNN that.", "told", Unnamed, None),
            ("It fell, according to two administration officials.", "to", Unnamed, None),
            ("People familiar with the matter said so.", "said", Unnamed, None),
            ("Clinton aides said so.", "said", Unnamed, None),
            ("A friend said so.", "said", Unnamed, None),
            ("Critics say it failed.", "say", Vague, None),
            ("Many experts believe it.", "believe", Vague, None),
            ("Some have argued it.", "argued", Vague, None),
            ("Polls show a tie.", "show", Vague, None),
            ("House Republicans said so.", "said", Vague, None),
            ("Officials at Apple, including CEO Tim Cook, said so.", "said", NamedPerson, Some("Cook")),
            ("Some Republicans, including Senator Lamar Alexander, said so.", "said", Vague, None),
            ("A Coca-Cola spokesman said so.", "said", NamedOrg, None),
            ("Police said the man fled.", "said", NamedOrg, None),
            ("Cruz and his aides signaled it.", "signaled", NamedPerson, Some("Cruz")),
            ("Democrats and Republicans said so.", "said", Vague, None),
            ("Experts on North Korea and Iran said so.", "said", Vague, None),
            ("The nominee and his aides have not said much.", "said", Pronoun, None),
            ("All the experts I interviewed said so.", "said", Pronoun, None),
            ("Nearly eight of 10 voters say they will watch.", "say", Document, None),
            ("Only 52 percent of registered voters agreed.", "agreed", Document, None),
            ("The President said so.", "said", Pronoun, None),
            // A named employer puts a group on record; the author's own people are no faceless group.
            ("Analysts at Goldman Sachs said so.", "said", NamedOrg, Some("Goldman Sachs")),
            ("Economists with the IMF warned it.", "warned", NamedOrg, Some("IMF")),
            ("Political observers in Virginia say so.", "say", Vague, None),
            ("Some analysts at Goldman Sachs said so.", "said", Vague, None),
            ("My friends know it.", "know", Pronoun, None),
            ("Our readers told us so.", "told", Pronoun, None),
        ];
        for (text, cue, kind, name) in cases {
            let got = kind_of(text, cue);
            assert_eq!(got, (*kind, name.map(String::from)), "kind of the source in {text:?}");
        }
    }
}
