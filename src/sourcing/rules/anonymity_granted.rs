use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "sourcing/anonymity-granted",
    category: Category::Sourcing,
    name: "Spoke on condition of anonymity",
    message: "The source asked not to be named, so you cannot weigh who said this or why.",
    why: "\"On condition of anonymity\" tells you the newsroom granted the source cover. Sometimes that protects someone at risk; sometimes it lets someone push a line without answering for it. The reader cannot tell which.",
    example: "an aide who spoke on condition of anonymity said the vote was delayed",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "An aide, Jane Smith, said on the record that the vote was delayed.";

#[cfg(test)]
mod tests {
    use crate::test_util::assert_rule;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("The vote was delayed, said the aide, who spoke on condition of anonymity.", &["said the aide"]),
            ("He asked not to be named because he was not authorized to speak.", &["asked not to be named"]),
            // Negative: anonymity that is not a source's.
            ("The donor gave the money on condition that the gift stay private.", &[]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }
}
