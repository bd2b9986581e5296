//! A role word where English news uses a title: "Texas spokesman Michael McAul"
//! (Rep. Michael McCaul of Texas), "Republican spokesman Adam Kinzinger" (Rep.),
//! "a former Republican foreign affairs secretary" — titles mistranslated.

use super::{cues, Text};
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};
use crate::text::{Document, TokenKind};

pub static RULE: Rule = Rule {
    id: "translation/mistranslated-title",
    category: Category::Translation,
    name: "Mistranslated title",
    message: "A role word stands where English news would use a title (\"Rep.\", \"Sen.\"): the title was mistranslated.",
    why: "English news introduces a lawmaker by title, party and state (\"Rep. Adam Kinzinger, R-Illinois\"). A state or party followed by \"spokesman\" and a name is what machine translation makes of a title it did not recognise, and it misstates who the person is.",
    example: "Texas spokesman Michael McAul said in a statement",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "Texas Rep. Michael McCaul said in a statement";

/// US states (last word of the multi-word ones) and parties.
const STATES_AND_PARTIES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "hampshire",
    "jersey",
    "york",
    "carolina",
    "dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "island",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "wisconsin",
    "wyoming",
    "republican",
    "democratic",
    "democrat",
    "gop",
];

pub(super) const SPOKES: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];
pub(super) const PARTIES: &[&str] = &["republican", "democratic", "democrat", "gop"];
const OFFICES: &[&str] = &["secretary", "minister", "spokesman", "spokeswoman", "spokesperson"];

fn capitalized_run(doc: &Document, from: usize) -> usize {
    let sentence = doc.sentence_of(from);
    let mut end = from;
    while end < from + 3 && doc.is_capitalized(end) && doc.sentence_of(end) == sentence {
        end += 1;
    }
    end
}

/// "Texas spokesman Michael McAul": capitalised state or party, role (token `i`), name.
/// Out of line, like `party_office`: the loop over every token stays small.
#[inline(never)]
fn state_spokesman(doc: &Document, i: usize, out: &mut Vec<Annotation>) {
    if !doc.is_capitalized(i - 1) || !STATES_AND_PARTIES.contains(&doc.low(i - 1)) {
        return;
    }
    let end = capitalized_run(doc, i + 1);
    // "Washington spokesman" after "the" is a place's office ("the Washington spokesman for").
    let state_is_org_name =
        i >= 2 && doc.is_capitalized(i - 2) && !matches!(doc.low(i - 2), "new" | "north" | "south" | "west" | "rhode");
    if end < i + 3 || state_is_org_name {
        return;
    }
    let first =
        if i >= 2 && matches!(doc.low(i - 2), "new" | "north" | "south" | "west" | "rhode") { i - 2 } else { i - 1 };
    out.push(Annotation::new(&RULE, doc.tokens[first].start, doc.tokens[end - 1].end));
}

/// "a former Republican foreign affairs secretary": party (token `i`), lower-case words, office.
#[inline(never)]
fn party_office(doc: &Document, i: usize, out: &mut Vec<Annotation>) {
    let open = if doc.low(i - 1) == "former" && i >= 2 { i - 2 } else { i - 1 };
    if !matches!(doc.low(open), "a" | "an" | "the") {
        return;
    }
    let mut j = i + 1;
    while j < i + 4 && doc.is_word(j) && doc.tok(j).chars().all(|c| c.is_lowercase()) && !OFFICES.contains(&doc.low(j))
    {
        j += 1;
    }
    let words_between = j - i - 1;
    let generic = (i + 1..j).any(|k| {
        matches!(
            doc.low(k),
            "press"
                | "campaign"
                | "party"
                | "state"
                | "national"
                | "for"
                | "of"
                | "to"
                | "in"
                | "and"
                | "as"
                | "nominee"
                | "candidate"
                | "who"
                | "is"
                | "was"
        )
    });
    if doc.is_word(j) && OFFICES.contains(&doc.low(j)) && words_between >= 2 && !generic {
        out.push(Annotation::new(&RULE, doc.tokens[open].start, doc.tokens[j].end));
    }
}

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for i in doc.cued(cues::ROLE_OR_PARTY) {
        let t = &doc.tokens[i];
        if i == 0 || t.kind != TokenKind::Word {
            continue;
        }
        // A token is a role word or a party, not both.
        if doc.low_in(i, SPOKES) {
            state_spokesman(doc, i, out);
        } else if t.upper && doc.low_in(i, PARTIES) {
            party_office(doc, i, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_no_marks, assert_rule};

    #[test]
    fn marks_role_words_in_a_title_slot() {
        let cases: &[(&str, &[&str])] = &[
            ("Texas spokesman Michael McAul said so.", &["Texas spokesman Michael McAul"]),
            ("Republican spokesman Adam Kinzinger of Illinois tweeted.", &["Republican spokesman Adam Kinzinger"]),
            (
                "He is a former Republican foreign affairs secretary, he said.",
                &["a former Republican foreign affairs secretary"],
            ),
            ("New York spokesman Peter King spoke.", &["New York spokesman Peter King"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "Campaign spokesman Jason Miller said so. White House spokesman Josh Earnest agreed.",
            "Texas Department of Public Safety spokesman Tom Vinger said.",
            "A Republican spokesman said nothing. The Republican Party spokesman Sean Spicer spoke.",
            "WASHINGTON (AP) — Rep. Adam Kinzinger, R-Ill., tweeted. A former Republican press secretary agreed.",
            "She is the Democratic nominee for secretary of state.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
