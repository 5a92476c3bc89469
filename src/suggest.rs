//! "Did you mean …?" for names people mistype (fields, keys, languages).

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// A help sentence for an unknown `word`: a suggestion when there is a
/// close one, otherwise the full list.
pub(crate) fn help_for_unknown(word: &str, candidates: &[String]) -> String {
    match closest(word, candidates.iter().map(String::as_str)) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!(
            "the allowed names are: {}",
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(closest("titel", ["title", "date"]), Some("title"));
        assert_eq!(closest("tag", ["tags", "date"]), Some("tags"));
        assert_eq!(closest("zzz", ["title", "date"]), None);
    }
}
