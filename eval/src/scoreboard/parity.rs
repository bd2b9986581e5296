//! Translation on MT parity zh→en (`corpus::parity`): each document's human and
//! machine version scored by `summary.translation_likelihood`.

use crate::metrics::{accuracy_at, auc, Counts};

use super::row::Row;

/// `machine` / `human`: the likelihoods of the machine and human versions.
pub fn row(split: &str, machine: &[f64], human: &[f64]) -> Row {
    let called = |xs: &[f64]| xs.iter().filter(|&&x| x >= 0.5).count();
    let tp = called(machine);
    let fp = called(human);
    let c = Counts { tp, fn_: machine.len() - tp, fp, predicted: tp + fp };
    let mut r = Row::prf("translation", "mt-parity-zhen", split, "document", c);
    r.auc = auc(machine, human);
    r.accuracy = Some(accuracy_at(machine, human, 0.5));
    r
}

/// Sentence level: each aligned line's human and machine version analysed on its
/// own and scored by its `translation_likelihood` (what the core says of one sentence).
pub fn sentence_row(split: &str, machine: &[f64], human: &[f64]) -> Row {
    let mut r = Row::new("translation", "mt-parity-zhen", split, "sentence", machine.len());
    r.auc = auc(machine, human);
    r.accuracy = Some(accuracy_at(machine, human, 0.5));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_has_auc_accuracy_and_mt_class_f1() {
        let r = row("dev", &[0.9, 0.4], &[0.6, 0.1]);
        assert_eq!(r.auc, Some(0.75));
        assert_eq!(r.accuracy, Some(0.5));
        assert_eq!((r.precision, r.recall, r.n), (Some(0.5), Some(0.5), 2));
    }

    #[test]
    fn sentence_row_has_auc_and_no_f1() {
        let r = sentence_row("test", &[0.8, 0.3, 0.6], &[0.2, 0.4, 0.1]);
        assert_eq!(r.auc, Some(8.0 / 9.0));
        assert_eq!(r.accuracy, Some(5.0 / 6.0));
        assert_eq!((r.f1, r.n), (None, 3));
    }
}
