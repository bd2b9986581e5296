use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "sourcing/anonymous-official",
    category: Category::Sourcing,
    name: "Anonymous source",
    message: "The source is not named, so you cannot weigh who said this or why they are not named.",
    why: "An unnamed official, aide or source may be well placed, but the reader cannot check their record, their motives, or why they were granted anonymity. Treat the claim as unconfirmed until someone goes on record.",
    example: "a European intelligence official told CNN",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "Defense Secretary Lloyd Austin told CNN the unit paid fighters.";

#[cfg(test)]
mod tests {
    use crate::test_util::assert_rule;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Troops were targeted, the source said.", &["the source said"]),
            ("A European intelligence official told CNN that it was true.", &["A European intelligence official told"]),
            (
                "The plan stalled, according to two administration officials.",
                &["according to two administration officials"],
            ),
            ("Citing officials, the Times reported that Trump was briefed.", &["Citing officials"]),
            ("The newspaper said officials had thought of possible answers.", &["officials had thought"]),
            ("“It is bad,” said the official.", &["said the official"]),
            ("Clinton aides said the plan was dead.", &["Clinton aides said"]),
            // Negatives: named people and organisations on record, and "source" that is no source.
            ("Officials at Apple, including CEO Tim Cook, said the phone is safe.", &[]),
            ("The country needs new sources of energy.", &[]),
            ("Sources of energy are scarce.", &[]),
            ("Her children are a source of pride.", &[]),
            ("Energy sources are scarce, the minister said.", &[]),
            ("McEnany said in a statement that it was false.", &[]),
            // Officials as actors in what a source reports, not as the source.
            ("Officials have offered cash rewards to fighters, the source said.", &["the source said"]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }
}
