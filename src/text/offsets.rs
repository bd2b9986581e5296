//! UTF-8 byte offsets (Rust, the CLI) to UTF-16 code units (JS strings, DOM Ranges).

/// Map sorted-or-not byte offsets to UTF-16 offsets in one pass over the text.
/// Each offset must lie on a char boundary (annotations always do); an offset
/// inside a character maps to the start of that character, one past the end to the end.
pub fn utf8_to_utf16(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let mut units = 0;
    let mut chars = text.char_indices().peekable();
    for i in order {
        let target = offsets[i].min(text.len());
        while let Some(&(pos, c)) = chars.peek() {
            if pos + c.len_utf8() > target {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out[i] = units;
    }
    out
}

/// The inverse, for text arriving from JS: UTF-16 offsets to byte offsets.
pub fn utf16_to_utf8(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let mut units = 0;
    let mut byte = 0;
    let mut chars = text.chars().peekable();
    for i in order {
        while let Some(&c) = chars.peek() {
            if units + c.len_utf16() > offsets[i] {
                break;
            }
            units += c.len_utf16();
            byte += c.len_utf8();
            chars.next();
        }
        out[i] = byte;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: text, a substring, and where JS would say it starts and ends.
    #[test]
    fn table() {
        let cases: &[(&str, &str, usize, usize)] = &[
            ("plain ascii", "ascii", 6, 11),
            ("emoji 👍🏽 then word", "word", 16, 20),
            ("東京で said", "said", 4, 8),
            ("cafe\u{301} alleged", "alleged", 6, 13),
            ("مرحبا alleged עברית", "עברית", 14, 19),
            ("𝔘𝔫𝔦 x", "x", 7, 8),
        ];
        for &(text, needle, s16, e16) in cases {
            let s8 = text.find(needle).unwrap();
            let e8 = s8 + needle.len();
            assert_eq!(utf8_to_utf16(text, &[s8, e8]), vec![s16, e16], "in {text:?}");
            assert_eq!(utf16_to_utf8(text, &[s16, e16]), vec![s8, e8], "back in {text:?}");
            let units: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(String::from_utf16(&units[s16..e16]).unwrap(), needle);
        }
    }

    #[test]
    fn unsorted_and_out_of_range_offsets() {
        let text = "aé👍b";
        assert_eq!(utf8_to_utf16(text, &[7, 0, 3, 99]), vec![4, 0, 2, 5]);
        assert_eq!(utf16_to_utf8(text, &[4, 0, 99]), vec![7, 0, 8]);
    }
}
