//! HTML reduced to the text a reader reads, for the CLI's batch mode: the page's
//! `<article>` (else `<main>`, else `<body>`), without scripts, styles, navigation,
//! asides, footers, forms and buttons; block elements become paragraphs (one line
//! each), entities are decoded and white space folded. It is a plain reduction, not
//! the extension's Readability: on pages without an `<article>` or `<main>`,
//! navigation text outside `<nav>` can remain.

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form", "button", "select", "textarea",
    "iframe", "head",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "figcaption",
    "figure",
    "dd",
    "dt",
    "dl",
    "hr",
    "body",
];

/// The readable text of an HTML page; an error says why there is none.
pub fn to_text(html: &str) -> Result<String, String> {
    let region =
        region(html, "article").or_else(|| region(html, "main")).or_else(|| region(html, "body")).unwrap_or(html);
    let mut out = String::new();
    let mut line = String::new();
    let mut skip: Option<String> = None;
    let mut rest = region;
    while let Some(lt) = rest.find('<') {
        if skip.is_none() {
            push_text(&mut line, &rest[..lt]);
        }
        let after = &rest[lt..];
        // Comments and declarations end at their own terminator.
        if let Some(body) = after.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |e| &body[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if let Some(open) = &skip {
            if closing && *open == name {
                skip = None;
            }
            continue;
        }
        if !closing && !tag.ends_with('/') && SKIPPED.contains(&name.as_str()) {
            skip = Some(name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            end_line(&mut out, &mut line);
        }
    }
    if skip.is_none() {
        push_text(&mut line, rest);
    }
    end_line(&mut out, &mut line);
    if out.trim().is_empty() {
        return Err("no readable text in this HTML (nothing outside scripts, navigation and forms)".into());
    }
    Ok(out)
}

/// The inside of the first `<name …>…</name>`, if the page has one.
fn region<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let at = from + lower[from..].find(&open)?;
        let next = lower.as_bytes().get(at + open.len()).copied();
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            break at;
        }
        from = at + open.len();
    };
    let body = start + lower[start..].find('>')? + 1;
    let end = lower[body..].find(&format!("</{name}")).map_or(html.len(), |e| body + e);
    html.get(body..end)
}

fn end_line(out: &mut String, line: &mut String) {
    let t = line.trim();
    if !t.is_empty() {
        out.push_str(t);
        out.push('\n');
    }
    line.clear();
}

/// Appends text with entities decoded and white space folded to single spaces.
fn push_text(line: &mut String, raw: &str) {
    let mut rest = raw;
    while !rest.is_empty() {
        let (chunk, decoded, next) = match rest.find('&') {
            Some(amp) => {
                let ent = &rest[amp..];
                match ent.find(';').filter(|&e| e <= 10).and_then(|e| entity(&ent[1..e]).map(|c| (c, e))) {
                    Some((c, e)) => (&rest[..amp], Some(c), &ent[e + 1..]),
                    None => (&rest[..=amp], None, &ent[1..]),
                }
            }
            None => (rest, None, ""),
        };
        for c in chunk.chars().chain(decoded) {
            if c.is_whitespace() {
                if !line.is_empty() && !line.ends_with(' ') {
                    line.push(' ');
                }
            } else {
                line.push(c);
            }
        }
        rest = next;
    }
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_the_rest() {
        let html = "<html><head><title>T</title><script>var x = '<p>';</script></head><body>\
                    <nav><a>Home</a> <a>World</a></nav><article><h1>Deal &amp; talks</h1>\
                    <p>Officials said the deal <b>may</b>\n  collapse.</p><!-- ad --><aside>Related</aside>\
                    <p>“It is over,” she said&#8212;again.</p><form><button>Subscribe</button></form></article>\
                    <footer>© 2026</footer></body></html>";
        assert_eq!(
            to_text(html).unwrap(),
            "Deal & talks\nOfficials said the deal may collapse.\n“It is over,” she said—again.\n"
        );
    }

    #[test]
    fn without_an_article_the_body_is_read() {
        assert_eq!(to_text("<body><main>A.</main></body>").unwrap(), "A.\n");
        assert_eq!(to_text("<BODY class=x><P>One.<BR>Two.</BODY>").unwrap(), "One.\nTwo.\n");
        assert_eq!(to_text("plain text, no tags").unwrap(), "plain text, no tags\n");
    }

    #[test]
    fn says_why_when_there_is_no_text() {
        assert!(to_text("<html><script>x()</script><nav>Home</nav></html>").is_err());
        assert!(to_text("").is_err());
    }

    #[test]
    fn never_panics_on_broken_html() {
        for html in
            ["<", "<p", "&", "&#;", "&#x110000;", "<!--", "<script>", "<article", "<article>x", "a&amp", "é<p>ü&rsquo"]
        {
            let _ = to_text(html);
        }
    }
}
