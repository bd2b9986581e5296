use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "sourcing/agentless",
    category: Category::Sourcing,
    name: "Said by nobody",
    message: "Who? The sentence reports a claim without saying whose it is.",
    why: "\"It was reported\", \"it is believed\" and \"he is said to\" use the passive to drop the source altogether. The reader cannot tell whether it is one rumour or an established finding.",
    example: "it is widely believed that the talks failed",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "It was raining when the talks failed.";

#[cfg(test)]
mod tests {
    use crate::test_util::assert_rule;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("It was reported that troops had died.", &["It was reported"]),
            ("It is widely believed that the talks failed.", &["It is widely believed"]),
            ("He is said to have paid the fighters.", &["said to"]),
            // Negatives: a passive with its agent, and "said" with a subject.
            ("It was reported by Reuters on Friday.", &[]),
            ("It said the talks failed.", &[]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }
}
