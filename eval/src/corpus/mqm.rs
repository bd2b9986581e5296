//! WMT21 MQM zh→en (`../shared/eval/translation/mqm_zhen_2021`): the systems' and the
//! human references' translations of each document, with the professional raters'
//! error spans.

use std::collections::HashMap;
use std::path::Path;

use crate::util::{read, Result};

/// The MQM table of every rated segment.
pub fn table(eval: &Path) -> Result<String> {
    read(&eval.join("translation/mqm_zhen_2021/mqm_newstest2021_zhen.tsv"))
}

/// A segment's text and its rated error spans (byte ranges in the segment).
type Segment = (String, Vec<(usize, usize)>);

/// One MQM document of one system: its segments in order.
#[derive(Debug, PartialEq)]
pub struct MqmDoc {
    pub system: String,
    pub doc: String,
    pub segments: Vec<Segment>,
}

impl MqmDoc {
    pub fn human(&self) -> bool {
        self.system.starts_with("ref") || self.system.starts_with("Human")
    }
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.0.as_str()).collect::<Vec<_>>().join("\n")
    }
}

/// The MQM table: one row per rated error (or `No-error`), targets with `<v>…</v>`.
/// The split is by row: `dev` keeps the rows of odd `doc_id` (a rating batch, not a
/// document: one document's segments fall in both), as the scorer does.
pub fn docs(tsv: &str, split: &str) -> Vec<MqmDoc> {
    let mut docs: HashMap<(String, String), HashMap<u32, Segment>> = HashMap::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [system, doc, doc_id, seg, _, _, target, category, severity, ..] = f[..] else { continue };
        let (Ok(doc_id), Ok(seg)) = (doc_id.parse::<u32>(), seg.parse::<u32>()) else { continue };
        if (doc_id % 2 == 1) != (split == "dev") {
            continue;
        }
        let entry = docs.entry((system.to_string(), doc.to_string())).or_default();
        let plain = target.replace("<v>", "").replace("</v>", "");
        let segment = entry.entry(seg).or_insert((plain, Vec::new()));
        if let (Some(s), Some(e)) = (target.find("<v>"), target.find("</v>")) {
            if e >= s + 3 && !matches!(severity, "Neutral" | "No-error") && category != "No-error" {
                segment.1.push((s, e - 3));
            }
        }
    }
    let mut out: Vec<MqmDoc> = docs
        .into_iter()
        .map(|((system, doc), segs)| {
            let mut segs: Vec<(u32, Segment)> = segs.into_iter().collect();
            segs.sort_by_key(|s| s.0);
            MqmDoc { system, doc, segments: segs.into_iter().map(|s| s.1).collect() }
        })
        .collect();
    out.sort_by(|a, b| (&a.system, &a.doc).cmp(&(&b.system, &b.doc)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mqm_rows_become_documents_with_error_spans() {
        let tsv = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n\
                   hyp.A\td1\t1\t2\tr\ts\tsecond <v>seg</v>\tFluency\tMinor\n\
                   hyp.A\td1\t1\t1\tr\ts\tfirst seg\tNo-error\tNo-error\n\
                   hyp.A\td1\t1\t2\tr2\ts\t<v>second</v> seg\tStyle\tNeutral\n\
                   ref.A\td1\t1\t1\tr\ts\tthe reference\tNo-error\tNo-error\n\
                   ref.A\td1\t2\t2\tr\ts\ttest split\tNo-error\tNo-error\n";
        assert_eq!(docs(tsv, "test")[0].text(), "test split");
        let docs = docs(tsv, "dev");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text(), "first seg\nsecond seg");
        assert_eq!(docs[0].segments[1].1, vec![(7, 10)]);
        assert!(!docs[0].human() && docs[1].human());
    }
}
