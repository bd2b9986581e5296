//! The trainers of the learned files the core ships: each is deterministic (the same
//! bytes on every run) and reads only the training or dev splits.

pub mod sourcing;
pub mod tagger;
pub mod translation;
