//! The sourcing rules: one per way a claim can rest on no one the reader can check.
//! Each rule's doc is its hover card; its tests sit beside it.

mod agentless;
mod anonymity_granted;
mod anonymous_official;
mod familiar_with;
mod unnamed_person;
mod weasel_group;

use crate::rule::{registry, Rule};

// One line per rule; the order is the CLI's and the docs'.
#[rustfmt::skip]
registry![
    anonymous_official,
    familiar_with,
    anonymity_granted,
    unnamed_person,
    weasel_group,
    agentless,
];

/// The rule that flags a source, as the classifier chooses it; `rule()` is its doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    AnonymousOfficial,
    FamiliarWith,
    AnonymityGranted,
    UnnamedPerson,
    WeaselGroup,
    Agentless,
}

impl Flag {
    pub fn rule(self) -> &'static Rule {
        match self {
            Flag::AnonymousOfficial => &anonymous_official::RULE,
            Flag::FamiliarWith => &familiar_with::RULE,
            Flag::AnonymityGranted => &anonymity_granted::RULE,
            Flag::UnnamedPerson => &unnamed_person::RULE,
            Flag::WeaselGroup => &weasel_group::RULE,
            Flag::Agentless => &agentless::RULE,
        }
    }

    /// An anonymous source proper (an official, people familiar with the matter, a
    /// source granted anonymity), rather than a group or an unnamed bystander.
    pub fn is_source_proper(self) -> bool {
        matches!(self, Flag::AnonymousOfficial | Flag::FamiliarWith | Flag::AnonymityGranted)
    }
}
