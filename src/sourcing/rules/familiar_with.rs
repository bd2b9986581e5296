use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "sourcing/familiar-with",
    category: Category::Sourcing,
    name: "\"Familiar with the matter\"",
    message: "Anonymous: the source is described only by what they know, not by who they are.",
    why: "\"People familiar with the matter\", \"a source close to the talks\" and \"officials briefed on the plan\" say the source is in a position to know, but not who they are, whom they work for or why they talk. The reader cannot weigh their interest in the story.",
    example: "according to people familiar with the matter",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "People familiar with the city know its back streets.";

#[cfg(test)]
mod tests {
    use crate::test_util::assert_rule;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("People familiar with the matter said the deal was off.", &["People familiar with the matter said"]),
            (
                "The deal was off, according to people familiar with the matter.",
                &["according to people familiar with the matter"],
            ),
            ("A source close to the talks said it was over.", &["A source close to the talks said"]),
            // Negatives: familiarity that is not a source.
            ("She is familiar with the matter and said nothing.", &[]),
            ("The company is close to a deal, Smith said.", &[]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }
}
