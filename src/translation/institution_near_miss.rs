//! Near-misses of well-known names: "Democratic National Commission" (Committee),
//! "Qatar's Dohar" (Doha). A compact gazetteer of major institutions and capitals
//! and an edit distance; no list of errors.

use std::sync::OnceLock;

use super::{cues, Text};
use crate::lexicon::WordTable;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static RULE: Rule = Rule {
    id: "translation/garbled-name",
    category: Category::Translation,
    name: "Garbled institution or place",
    message: "A near-miss of a well-known name: mistranslated or misspelled in conversion.",
    why: "Well-known institutions and places have fixed names. A version that is almost right (\"Democratic National Commission\", \"Qatar's Dohar\") is what machine translation produces when it translates a name instead of recognising it. The reader may not know which body or place is meant.",
    example: "cyber-attacks against the Democratic National Commission",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "cyber-attacks against the Democratic National Committee";

/// Major institutions whose last word is the head noun. A phrase that matches all
/// but a different head noun ("Democratic National Commission") is a near-miss
/// unless it is itself on the list.
const INSTITUTIONS: &[&str] = &[
    "democratic national committee",
    "democratic national convention",
    "republican national committee",
    "republican national convention",
    "national security council",
    "national security agency",
    "national guard",
    "central intelligence agency",
    "federal bureau of investigation",
    "federal election commission",
    "federal communications commission",
    "federal trade commission",
    "federal reserve board",
    "federal reserve bank",
    "federal reserve system",
    "federal aviation administration",
    "securities and exchange commission",
    "environmental protection agency",
    "congressional budget office",
    "government accountability office",
    "office of management and budget",
    "internal revenue service",
    "secret service",
    "national rifle association",
    "foreign relations committee",
    "foreign affairs committee",
    "armed services committee",
    "judiciary committee",
    "intelligence committee",
    "appropriations committee",
    "ways and means committee",
    "oversight committee",
    "homeland security committee",
    "supreme court",
    "international criminal court",
    "international court of justice",
    "international monetary fund",
    "world health organization",
    "world trade organization",
    "world bank",
    "european commission",
    "european parliament",
    "european council",
    "european central bank",
    "european union",
    "african union",
    "united nations security council",
    "security council",
    "general assembly",
    "human rights council",
    "north atlantic treaty organization",
    "national institutes of health",
    "centers for disease control",
    "food and drug administration",
    "department of homeland security",
    "department of justice",
    "department of defense",
    "department of state",
    "state department",
    "justice department",
    "defense department",
    "treasury department",
    "pentagon",
    "kremlin",
    "white house",
    "house of representatives",
    "house of commons",
    "house of lords",
    "national assembly",
    "national people's congress",
    "communist party",
    "labour party",
    "conservative party",
    "liberal democrats",
    "associated press",
    "office of the director of national intelligence",
];

/// Head nouns an institution's name ends in, by family. Translation swaps a head
/// for another of its family ("Committee" → "Commission"); across families both
/// names usually exist ("Homeland Security Committee", "…Department").
pub(super) const HEAD_FAMILIES: &[&[&str]] = &[
    &["committee", "commission", "council", "convention", "conference", "congress", "assembly", "parliament", "board"],
    &["agency", "bureau", "department", "office", "ministry", "service", "administration", "authority", "institute"],
    &["organization", "organisation", "association", "union", "party"],
    &["fund", "bank"],
    &["court"],
];

fn head_family(word: &str) -> Option<usize> {
    HEAD_FAMILIES.iter().position(|f| f.contains(&word))
}

/// `head_family` of every head noun, for one table probe per capitalised token
/// (`u32`, the value type of the collocation openers' table: one copy of the code).
fn head_families() -> &'static WordTable<u32> {
    static FAMILIES: OnceLock<WordTable<u32>> = OnceLock::new();
    FAMILIES.get_or_init(|| {
        let heads = HEAD_FAMILIES.iter().zip(0..).flat_map(|(family, k)| family.iter().map(move |&w| (w, k)));
        WordTable::new(heads, |first, _| first)
    })
}

/// Countries and their capitals (plus a few cities news names with the country).
const CAPITALS: &[(&str, &str)] = &[
    ("afghanistan", "kabul"),
    ("qatar", "doha"),
    ("iran", "tehran"),
    ("iraq", "baghdad"),
    ("syria", "damascus"),
    ("russia", "moscow"),
    ("ukraine", "kyiv"),
    ("china", "beijing"),
    ("japan", "tokyo"),
    ("france", "paris"),
    ("germany", "berlin"),
    ("britain", "london"),
    ("england", "london"),
    ("italy", "rome"),
    ("spain", "madrid"),
    ("egypt", "cairo"),
    ("israel", "jerusalem"),
    ("lebanon", "beirut"),
    ("jordan", "amman"),
    ("turkey", "ankara"),
    ("pakistan", "islamabad"),
    ("india", "delhi"),
    ("yemen", "sanaa"),
    ("libya", "tripoli"),
    ("saudi", "riyadh"),
    ("kuwait", "kuwait"),
    ("oman", "muscat"),
    ("bahrain", "manama"),
    ("emirates", "dubai"),
    ("emirates", "abu"),
    ("korea", "seoul"),
    ("korea", "pyongyang"),
    ("vietnam", "hanoi"),
    ("thailand", "bangkok"),
    ("indonesia", "jakarta"),
    ("philippines", "manila"),
    ("malaysia", "kuala"),
    ("australia", "canberra"),
    ("canada", "ottawa"),
    ("mexico", "mexico"),
    ("brazil", "brasilia"),
    ("argentina", "buenos"),
    ("venezuela", "caracas"),
    ("colombia", "bogota"),
    ("cuba", "havana"),
    ("poland", "warsaw"),
    ("hungary", "budapest"),
    ("austria", "vienna"),
    ("greece", "athens"),
    ("sweden", "stockholm"),
    ("norway", "oslo"),
    ("finland", "helsinki"),
    ("denmark", "copenhagen"),
    ("netherlands", "amsterdam"),
    ("belgium", "brussels"),
    ("switzerland", "geneva"),
    ("switzerland", "bern"),
    ("portugal", "lisbon"),
    ("ireland", "dublin"),
    ("kenya", "nairobi"),
    ("nigeria", "abuja"),
    ("ethiopia", "addis"),
    ("somalia", "mogadishu"),
    ("sudan", "khartoum"),
    ("algeria", "algiers"),
    ("morocco", "rabat"),
    ("tunisia", "tunis"),
    ("belarus", "minsk"),
    ("georgia", "tbilisi"),
    ("armenia", "yerevan"),
    ("azerbaijan", "baku"),
    ("serbia", "belgrade"),
    ("romania", "bucharest"),
    ("bulgaria", "sofia"),
    ("czech", "prague"),
    ("taiwan", "taipei"),
    ("myanmar", "yangon"),
    ("bangladesh", "dhaka"),
    ("nepal", "kathmandu"),
    ("sri", "colombo"),
    ("chile", "santiago"),
    ("peru", "lima"),
];

/// Levenshtein distance, capped: small words only.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != b[j])).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Whether a token whose lower-case text is `low` could start `capital_near_miss`'s
/// test: a possessive ("Qatar's", "Qatar’s", whose apostrophe ends in byte 0x99) or a
/// comma (no other token ends in one).
pub(super) fn is_possessive_or_comma(low: &[u8]) -> bool {
    matches!(low, [.., b','] | [.., b'\'' | 0x99, b's'])
}

/// "Qatar's Dohar", "Dohar, Qatar": a near-miss of the country's capital.
fn capital_near_miss(doc: &Document, i: usize, out: &mut Vec<Annotation>) -> bool {
    // Either way a capitalised word follows: tested first, as it rules out most
    // commas before their text is read.
    if !doc.is_capitalized(i + 1) {
        return false;
    }
    let word = doc.low(i);
    let possessive = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"));
    let (country_tok, city_tok) = match possessive {
        Some(_) if doc.is_capitalized(i + 1) => (i, i + 1),
        _ if doc.tok(i) == "," && i >= 1 && doc.is_capitalized(i - 1) && doc.is_capitalized(i + 1) => (i + 1, i - 1),
        _ => return false,
    };
    let country = doc.low(country_tok);
    let country = country.strip_suffix("'s").or_else(|| country.strip_suffix("’s")).unwrap_or(country);
    let city = doc.low(city_tok);
    let capitals: Vec<&str> = CAPITALS.iter().filter(|(c, _)| *c == country).map(|&(_, cap)| cap).collect();
    if capitals.is_empty() || capitals.contains(&city) || city.len() < 4 {
        return false;
    }
    let near =
        capitals.iter().find(|cap| edit_distance(cap, city) == 1 || (cap.len() >= 7 && edit_distance(cap, city) == 2));
    let Some(near) = near else { return false };
    let (a, b) = if city_tok > country_tok { (country_tok, city_tok) } else { (city_tok, country_tok) };
    let mut name = near.to_string();
    if let Some(first) = name.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out.push(
        Annotation::new(&RULE, doc.tokens[a].start, doc.tokens[b].end).with_detail(format!("did you mean {name}?")),
    );
    true
}

/// Each of `INSTITUTIONS` as its words, with the family of its head noun: split once.
fn split_institutions() -> &'static [(Vec<&'static str>, Option<usize>)] {
    static SPLIT: OnceLock<Vec<(Vec<&'static str>, Option<usize>)>> = OnceLock::new();
    SPLIT.get_or_init(|| {
        INSTITUTIONS
            .iter()
            .map(|entry| {
                let words: Vec<&str> = entry.split(' ').collect();
                let family = words.last().and_then(|head| head_family(head));
                (words, family)
            })
            .collect()
    })
}

/// "Democratic National Commission": all of a known name but its head noun (token
/// `i`, capitalised).
fn institution_near_miss(doc: &Document, i: usize, out: &mut Vec<Annotation>) -> Option<usize> {
    let family = head_families().get_token(doc, i)? as usize;
    let low = doc.low(i);
    for (words, head_family) in split_institutions() {
        // The family first: most names have another head, and the test is one compare.
        if *head_family != Some(family) {
            continue;
        }
        let Some((head, prefix)) = words.split_last() else { continue };
        if prefix.len() < 2 || *head == low || i < prefix.len() {
            continue;
        }
        let first = i - prefix.len();
        let same_prefix = prefix.iter().enumerate().all(|(k, w)| {
            doc.low(first + k) == *w && doc.is_capitalized(first + k)
                || (doc.low(first + k) == *w && matches!(*w, "of" | "and" | "the"))
        });
        if !same_prefix {
            continue;
        }
        let phrase: Vec<&str> = (first..=i).map(|k| doc.low(k)).collect();
        let phrase = phrase.join(" ");
        if INSTITUTIONS.iter().any(|e| e.ends_with(&phrase) || phrase.ends_with(*e)) {
            return None;
        }
        let right: String = words.iter().map(|w| titlecase(w)).collect::<Vec<_>>().join(" ");
        out.push(
            Annotation::new(&RULE, doc.tokens[first].start, doc.tokens[i].end)
                .with_detail(format!("did you mean {right}?")),
        );
        return Some(first);
    }
    None
}

fn titlecase(w: &str) -> String {
    if matches!(w, "of" | "and" | "the" | "for") {
        return w.to_string();
    }
    let mut s = w.to_string();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::HEAD_OR_POSSESSIVE) {
        let t = &doc.tokens[i];
        let institution = t.kind == TokenKind::Word && t.upper && institution_near_miss(doc, i, out).is_some();
        if institution || (doc.cue(i) & cues::POSSESSIVE_OR_COMMA != 0 && capital_near_miss(doc, i, out)) {}
    }
}

#[cfg(test)]
mod tests {
    use super::edit_distance;
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn head_family_table_equals_the_families() {
        let heads = super::HEAD_FAMILIES.iter().flat_map(|f| f.iter());
        for w in heads.chain(&["committees", "the", "", "Court", "courts"]) {
            assert_eq!(super::head_families().get(w).map(|k| k as usize), super::head_family(w), "{w:?}");
        }
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("doha", "dohar"), 1);
        assert_eq!(edit_distance("kabul", "kabul"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn marks_near_misses() {
        let cases: &[(&str, &[&str])] = &[
            (
                "cyber-attacks against the Democratic National Commission and others",
                &["Democratic National Commission"],
            ),
            ("an agreement signed in Qatar's Dohar last year", &["Qatar's Dohar"]),
            ("talks in Kabol, Afghanistan, ended", &["Kabol, Afghanistan"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "The Democratic National Committee met at the Democratic National Convention in Philadelphia.",
            "WASHINGTON (AP) — The Senate Foreign Relations Committee and the House Judiciary Committee met.",
            "Qatar's Doha hosted it; Russia's Putin and Iran's Rouhani spoke. Kabul, Afghanistan, is calm.",
            "The National Security Agency and the National Security Council disagreed.",
            "The Federal Reserve Bank of New York and the Federal Reserve Board agreed.",
            "Georgia's Atlanta Braves won. Paris, Texas, is small.",
            "A Homeland Security Department official spoke. The Intelligence Committee's report is out.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
