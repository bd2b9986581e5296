use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "sourcing/weasel-group",
    category: Category::Sourcing,
    name: "Vague group as source",
    message: "Who? The claim is pinned on an unspecified group.",
    why: "\"Critics say\", \"many experts believe\", \"some argue\" and \"polls show\" lend a claim the weight of numbers without saying who they are or how many. It is often the writer's own view in disguise.",
    example: "many experts say the plan will fail",
    strength: Strength::Strong,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "Protesters marched to the capitol on Sunday.";

#[cfg(test)]
mod tests {
    use crate::test_util::assert_rule;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Critics say the plan will fail.", &["Critics say"]),
            ("Many experts believe the plan will fail.", &["Many experts believe"]),
            ("Some have argued that it was a mistake.", &["Some have argued"]),
            ("Polls show a tight race.", &["Polls show"]),
            ("Republicans worry that the bill is dead.", &["Republicans worry"]),
            // Negatives: a named critic, a named poll, and a group that does not speak.
            ("Critic Roger Ebert said the film was bad.", &[]),
            ("A Quinnipiac University poll shows a tight race.", &[]),
            ("The agency hired experts on Monday.", &[]),
        ];
        for (text, want) in cases {
            assert_rule(&super::RULE, text, want);
        }
    }
}
