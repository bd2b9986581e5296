//! UTF-8 byte offsets (Rust, the CLI) to UTF-16 code units (JS strings, DOM Ranges).

/// Map sorted-or-not byte offsets to UTF-16 offsets in one pass over the text.
/// Each offset must lie on a char boundary (annotations always do); an offset
/// inside a character maps to the start of that character, one past the end to the end.
pub fn utf8_to_utf16(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = vec![0; offsets.len()];
    let (mut units, mut byte) = (0, 0);
    for i in sorted(offsets) {
        let mut target = offsets.get(i).map_or(0, |&o| o.min(text.len()));
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        // Bytes, not characters: every byte that starts a character is one unit,
        // and one that starts a four-byte character (outside the BMP) one more.
        units += bytes.get(byte..target).unwrap_or_default().iter().map(|&b| utf16_units(b)).sum::<usize>();
        byte = byte.max(target);
        if let Some(o) = out.get_mut(i) {
            *o = units;
        }
    }
    out
}

/// The inverse, for text arriving from JS: UTF-16 offsets to byte offsets.
pub fn utf16_to_utf8(text: &str, offsets: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = vec![0; offsets.len()];
    let (mut units, mut byte) = (0, 0);
    for i in sorted(offsets) {
        let target = offsets.get(i).copied().unwrap_or(0);
        // A character at a time, from the byte that starts it.
        while let Some(&b) = bytes.get(byte) {
            let n = utf16_units(b);
            if units + n > target {
                break;
            }
            units += n;
            byte += 1 + usize::from(b >= 0xc0) + usize::from(b >= 0xe0) + usize::from(b >= 0xf0);
        }
        if let Some(o) = out.get_mut(i) {
            *o = byte;
        }
    }
    out
}

/// The indexes of `offsets` in increasing order of offset.
fn sorted(offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets.get(i).copied());
    order
}

/// The UTF-16 units of the character that UTF-8 byte `b` starts (0 for a byte
/// inside a character).
#[inline]
fn utf16_units(b: u8) -> usize {
    usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)
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

    /// Both directions equal walking the characters, for every offset of texts
    /// mixing one- to four-byte characters.
    #[test]
    fn equal_walking_the_characters() {
        for text in ["", "a", "aé👍b", "東京で said 𝔘𝔫𝔦 x\u{301}", "👍👍", "é"] {
            let by_chars: Vec<(usize, usize)> = text
                .char_indices()
                .scan(0, |units, (i, c)| {
                    let at = (i, *units);
                    *units += c.len_utf16();
                    Some(at)
                })
                .chain([(text.len(), text.encode_utf16().count())])
                .collect();
            let bytes: Vec<usize> = (0..=text.len() + 1).rev().collect();
            let want: Vec<usize> =
                bytes.iter().map(|&b| by_chars.iter().rev().find(|c| c.0 <= b).map_or(0, |c| c.1)).collect();
            assert_eq!(utf8_to_utf16(text, &bytes), want, "{text:?}");
            let units: Vec<usize> = (0..=by_chars.last().map_or(0, |c| c.1) + 1).collect();
            let want: Vec<usize> =
                units.iter().map(|&u| by_chars.iter().rev().find(|c| c.1 <= u).map_or(0, |c| c.0)).collect();
            assert_eq!(utf16_to_utf8(text, &units), want, "{text:?}");
        }
    }

    #[test]
    fn unsorted_and_out_of_range_offsets() {
        let text = "aé👍b";
        assert_eq!(utf8_to_utf16(text, &[7, 0, 3, 99]), vec![4, 0, 2, 5]);
        assert_eq!(utf16_to_utf8(text, &[4, 0, 99]), vec![7, 0, 8]);
    }
}
