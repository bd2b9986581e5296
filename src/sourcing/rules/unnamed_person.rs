use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "sourcing/unnamed-person",
    category: Category::Sourcing,
    name: "Unnamed individual",
    message: "One particular person is quoted, but not named: you cannot check who they are.",
    why: "\"A friend said\", \"one Republican in the room said\": a specific person is speaking, but the reader is not told who, so cannot judge what they know or what they want.",
    example: "a friend of the family said he had been warned",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "A friend of the family, John Smith, said he had been warned.";

#[cfg(test)]
mod tests {
    use crate::test_util::assert_rule;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("A friend said he had been warned.", &["A friend said"]),
            ("One Republican in the room said the vote was lost.", &["One Republican in the room said"]),
            // Negatives: a named person, and a back-reference to one.
            ("A friend, John Smith, said he had been warned.", &[]),
            ("The senator said the vote was lost.", &[]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }
}
