//! The sourcing rules: one per way a claim can rest on no one the reader can check.
//! Each rule's doc is its hover card; its tests sit beside it.

mod agentless;
mod anonymity_granted;
mod anonymous_official;
mod familiar_with;
mod unnamed_person;
mod weasel_group;

pub use agentless::AGENTLESS;
pub use anonymity_granted::ANONYMITY_GRANTED;
pub use anonymous_official::ANONYMOUS_OFFICIAL;
pub use familiar_with::FAMILIAR_WITH;
pub use unnamed_person::UNNAMED_PERSON;
pub use weasel_group::WEASEL_GROUP;
