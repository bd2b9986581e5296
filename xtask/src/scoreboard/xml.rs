//! A tiny XML event reader, enough for the Szeged corpus: start/end tags with
//! attributes, text with entities decoded; declarations, comments and the DOCTYPE
//! are skipped. Not a validating parser.

#[derive(Debug, PartialEq)]
pub enum Event<'a> {
    Start { name: &'a str, attrs: Vec<(&'a str, String)> },
    End { name: &'a str },
    Text(String),
}

pub struct Reader<'a> {
    src: &'a str,
    pos: usize,
    /// The end of a self-closing element, reported right after its start.
    pending_end: Option<&'a str>,
}

impl<'a> Reader<'a> {
    pub fn new(src: &'a str) -> Self {
        Reader { src, pos: 0, pending_end: None }
    }

    /// The next event; `Err` on malformed input (with the byte position).
    pub fn next_event(&mut self) -> Option<Result<Event<'a>, String>> {
        if let Some(name) = self.pending_end.take() {
            return Some(Ok(Event::End { name }));
        }
        loop {
            let rest = &self.src[self.pos..];
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Some(decode(&rest[..len]).map(Event::Text));
            }
            let skip =
                |open: &str, close: &str| rest.starts_with(open).then(|| rest.find(close).map(|i| i + close.len()));
            if let Some(end) = skip("<?", "?>").or_else(|| skip("<!--", "-->")).or_else(|| skip("<!", ">")) {
                match end {
                    Some(n) => {
                        self.pos += n;
                        continue;
                    }
                    None => return Some(Err(format!("unclosed declaration at byte {}", self.pos))),
                }
            }
            let Some(close) = rest.find('>') else {
                return Some(Err(format!("unclosed tag at byte {}", self.pos)));
            };
            let inner = &rest[1..close];
            self.pos += close + 1;
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Ok(Event::End { name: name.trim() }));
            }
            let self_closing = inner.ends_with('/');
            let inner = inner.strip_suffix('/').unwrap_or(inner);
            let name_end = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
            let name = &inner[..name_end];
            let attrs = match parse_attrs(&inner[name_end..]) {
                Ok(a) => a,
                Err(e) => return Some(Err(format!("{e} in <{name}> at byte {}", self.pos))),
            };
            if self_closing {
                self.pending_end = Some(name);
            }
            return Some(Ok(Event::Start { name, attrs }));
        }
    }
}

fn parse_attrs(mut s: &str) -> Result<Vec<(&str, String)>, String> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(out);
        }
        let eq = s.find('=').ok_or("attribute without value")?;
        let key = s[..eq].trim();
        let after = s[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'').ok_or("unquoted attribute")?;
        let end = after[1..].find(quote).ok_or("unclosed attribute")?;
        out.push((key, decode(&after[1..1 + end])?));
        s = &after[end + 2..];
    }
}

/// Decode the five named entities and numeric character references.
pub fn decode(s: &str) -> Result<String, String> {
    if !s.contains('&') {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let semi = rest[i..].find(';').ok_or_else(|| format!("unterminated entity in {s:?}"))?;
        let ent = &rest[i + 1..i + semi];
        let ch = match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = ent.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32).ok_or_else(|| format!("unknown entity &{ent};"))?
            }
        };
        out.push(ch);
        rest = &rest[i + semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(src: &str) -> Vec<Event<'_>> {
        let mut r = Reader::new(src);
        let mut out = Vec::new();
        while let Some(ev) = r.next_event() {
            out.push(ev.unwrap());
        }
        out
    }

    #[test]
    fn reads_tags_attributes_and_text_skipping_declarations() {
        let src = "<?xml version=\"1.0\"?><!DOCTYPE A PUBLIC \"x\" \"y.dtd\"><!-- c --><A k=\"v &amp; w\">a&lt;b</A>";
        assert_eq!(
            events(src),
            vec![
                Event::Start { name: "A", attrs: vec![("k", "v & w".to_string())] },
                Event::Text("a<b".into()),
                Event::End { name: "A" },
            ]
        );
    }

    #[test]
    fn self_closing_elements_end_at_once() {
        assert_eq!(
            events("<A/>t"),
            vec![Event::Start { name: "A", attrs: vec![] }, Event::End { name: "A" }, Event::Text("t".into())]
        );
    }

    #[test]
    fn decodes_numeric_references_to_code_points() {
        assert_eq!(decode("&#129;x&#x e9;").ok(), None); // malformed hex is an error
        assert_eq!(decode("&#129;x&#xe9;&quot;").unwrap(), "\u{81}x\u{e9}\"");
        assert!(decode("&nope;").is_err());
        assert!(decode("a & b").is_err());
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let mut r = Reader::new("<A b=c>");
        assert!(r.next_event().unwrap().is_err());
        let mut r = Reader::new("<A");
        assert!(r.next_event().unwrap().is_err());
    }
}
