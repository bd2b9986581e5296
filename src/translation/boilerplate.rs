//! Blog and comment-form template lines inside article text: "Leave a Reply",
//! "Your email address will not be published" — signs of a scraped copy.

use super::Text;
use crate::report::Annotation;
use crate::rule::{Category, Rule, Strength};

pub static RULE: Rule = Rule {
    id: "translation/boilerplate",
    category: Category::Translation,
    name: "Blog or comment-form boilerplate",
    message: "Template text from a blog or comment form sits inside the article.",
    why: "Lines such as \"Leave a Reply\" inside an article's text show that it was copied onto a blog, often from someone else's reporting.",
    example: "Leave a Reply",
    strength: Strength::Weak,
};

/// A near miss this rule must leave alone: with `RULE.example`, checked for every
/// registered rule by `every_rule_marks_its_example_and_spares_its_near_miss`.
#[cfg(test)]
pub const COUNTER_EXAMPLE: &str = "He left a reply on the forum on Monday.";

/// Whole lines (lower case, at the start of a short paragraph) from blog templates.
const LINES: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "your email address will not be published",
    "required fields are marked",
    "share this:",
    "like this:",
    "like loading",
    "related posts",
    "you must be logged in to post a comment",
    "post navigation",
    "previous post",
    "next post",
    "click to share on",
    "notify me of new posts",
    "notify me of follow-up comments",
    "save my name, email, and website",
];

pub fn detect(doc: &Text, out: &mut Vec<Annotation>) {
    for p in &doc.paragraphs {
        let low = doc.lower.as_bytes().get(p.start..p.end).unwrap_or_default();
        // The length first: most paragraphs are too long for any line, and are not read.
        if LINES.iter().any(|b| low.len() <= b.len() + 60 && low.starts_with(b.as_bytes())) {
            out.push(Annotation::new(&RULE, p.start, p.end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::Category::Translation;
    use crate::test_util::{assert_marks, assert_no_marks};

    #[test]
    fn marks_template_lines() {
        assert_marks(
            Translation,
            "The story ends here.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n",
            &["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
        );
    }

    #[test]
    fn native_english_stays_clean() {
        for text in [
            "Leave a reply to the senator, he said, and she did so at once in a long letter to the committee.",
            "WASHINGTON (AP) — Voters were asked to leave a comment.",
            "Related: The senator's plan.",
        ] {
            assert_no_marks(Translation, text);
        }
    }
}
