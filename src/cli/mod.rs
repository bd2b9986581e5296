//! The CLI's own parts (not the library's): batch runs and HTML input.

pub mod batch;
pub mod html;
pub mod watch;
