//! The policies every page declares to the browser, written into its
//! `<head>` by the renderer rather than by the theme, so that no theme
//! can forget them: a Content-Security-Policy that allows nothing from
//! other hosts and no script (a second line of defence behind the
//! sanitizer: should markup ever slip through, the browser still refuses
//! to run it or to load anything from elsewhere), and a referrer policy
//! that keeps links from telling other sites which page a reader was on.

/// A Content-Security-Policy whose `script-src` is `$scripts`.
///
/// `'unsafe-hashes'` with the three hashes lets through exactly the
/// table alignments pulldown-cmark writes as `style` attributes
/// (`text-align: left`, `center`, `right`); the sanitizer keeps no other
/// `style`. Each hash is `printf '%s' 'text-align: left' | openssl dgst
/// -sha256 -binary | base64`; tests/suite/hostile/markup/chromium.rs checks in Chromium
/// that aligned columns stay aligned under the policy.
macro_rules! policy {
    ($scripts:literal) => {
        concat!(
            "default-src 'self'; script-src ",
            $scripts,
            "; object-src 'none'; base-uri 'none'; form-action 'self'; \
             style-src 'self' 'unsafe-hashes' \
             'sha256-6l+tpow5lGPV0MHWZlDv8nD7HrL77FGFldqQ7zc5gxY=' \
             'sha256-Y9v1MZrln1N8aPBY5lmpxYKwFkcp/nyBMMEnn7WFjuw=' \
             'sha256-i0JPB0qmRu5AViJTxOIzqXnfGoiWFw+oNAm4uJd7ZQk='"
        )
    };
}

/// The policy of a page without a script: none runs.
pub(crate) const PAGE_POLICY: &str = policy!("'none'");

/// The policy of a page that loads the site's own scripts (the preview's
/// reload script): scripts from the site's own host, and still none
/// written inline.
pub(crate) const OWN_SCRIPTS_POLICY: &str = policy!("'self'");

/// The `<meta>` elements that declare the page's policies.
fn policy_elements(policy: &str) -> String {
    format!(
        "\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">"
    )
}

/// Puts the policy elements right after the `<head>` tag of `page`, so
/// they come before anything they govern. `Err(())` when the page has no
/// `<head>` tag to put them in.
pub(crate) fn declare(page: &mut Vec<u8>, policy: &str) -> Result<(), ()> {
    let at = head_end(page).ok_or(())?;
    page.splice(at..at, policy_elements(policy).into_bytes());
    Ok(())
}

/// The offset just past the page's `<head ...>` tag, ASCII letters in
/// either case; not `<header>`.
fn head_end(page: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = page[from..]
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"<head"))
    {
        let after = from + found + 5;
        match page.get(after) {
            Some(b'>') => return Some(after + 1),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => {
                let close = page[after..].iter().position(|&b| b == b'>')?;
                return Some(after + close + 1);
            }
            _ => from = after,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_goes_right_after_the_head_tag_and_nowhere_else() {
        let mut page =
            b"<!DOCTYPE html><html><HEAD lang=x><title>t</title></head><body><header></header>"
                .to_vec();
        declare(&mut page, PAGE_POLICY).unwrap();
        let page = String::from_utf8(page).unwrap();
        let at = page
            .find("<meta http-equiv=\"Content-Security-Policy\"")
            .unwrap();
        assert_eq!(&page[at - 14..at], "<HEAD lang=x>\n");
        assert!(page.find("<title>").unwrap() > at);
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);

        let mut no_head = b"<html><header>x</header></html>".to_vec();
        assert!(declare(&mut no_head, PAGE_POLICY).is_err());
    }
}
