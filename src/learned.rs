//! Learned data installed once per process. The browser fetches each model file
//! beside the Wasm and hands its bytes to the core (`wasm::load_model`); a page may
//! do so again (another frame, a retry), which is fine with the same data and an
//! error with other data, since analyses already made used the first.

use std::sync::OnceLock;

/// Puts `value` in `cell` if it is empty. Installing what is there already is fine;
/// anything else is refused, naming `what` ("tagger", "gate").
pub fn install_once<T: PartialEq>(cell: &OnceLock<T>, value: T, what: &str) -> Result<(), String> {
    match cell.set(value) {
        Ok(()) => Ok(()),
        Err(value) if cell.get() == Some(&value) => Ok(()),
        Err(_) => Err(format!("a different {what} is installed already")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_value_installs_twice_and_another_is_refused() {
        let cell = OnceLock::new();
        assert_eq!(install_once(&cell, 1, "model"), Ok(()));
        assert_eq!(install_once(&cell, 1, "model"), Ok(()));
        assert_eq!(install_once(&cell, 2, "model"), Err("a different model is installed already".into()));
        assert_eq!(cell.get(), Some(&1));
    }
}
