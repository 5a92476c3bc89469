//! Makes the model from the loaded content files: pairs translations,
//! orders the archive, groups tags, and checks that every address is
//! taken once and can be written. No I/O.

use super::document::{BodyText, Document, Section, Tag, TagGroup, Translation, TranslationId};
use super::front_matter::{FrontMatter, Locations};
use super::{MAX_OUTPUT_PATH_BYTES, MAX_SEGMENT_BYTES, Site, slugify, urls};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::load::ContentFile;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// What `build` makes: the model, and apart from it the body of every
/// translation, for the Markdown stage.
pub(crate) struct Built {
    pub(crate) site: Site,
    pub(crate) texts: Vec<BodyText>,
    /// Why some files were left out, or what is wrong in them.
    pub(crate) problems: Vec<Diagnostic>,
}

/// Page slugs that would shadow the site's own folders.
const RESERVED_PAGE_SLUGS: &[&str] = &["issues", "tags", "page", "latest"];

/// Pairs translations, orders the archive and checks that every URL is
/// taken once.
pub(crate) fn build(config: Config, content: Vec<ContentFile>, drafts: Drafts) -> Built {
    let mut problems = Vec::new();
    let groups = by_key(content, drafts);
    // Each document is made on its own (slugs, tags), so in parallel.
    type Made = (Section, Option<(Document, Bodies)>, Vec<Diagnostic>);
    let made: Vec<Made> = groups
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|((section, key), files)| {
            let mut problems = Vec::new();
            let document = document_from_files(&config, section, key, files, &mut problems);
            (section, document, problems)
        })
        .collect();
    let mut issues = Vec::new();
    let mut pages = Vec::new();
    for (section, document, document_problems) in made {
        problems.extend(document_problems);
        match (section, document) {
            (Section::Issues, Some(document)) => issues.push(document),
            (Section::Pages, Some(document)) => pages.push(document),
            (_, None) => {}
        }
    }
    issues.sort_by(|(a, _), (b, _)| {
        b.date()
            .cmp(&a.date())
            .then(b.canonical().front.issue.cmp(&a.canonical().front.issue))
            .then(a.key.cmp(&b.key))
    });
    let mut texts = Vec::new();
    let mut take_texts = |section: Section, documents: Vec<(Document, Bodies)>| {
        let mut kept = Vec::with_capacity(documents.len());
        for (index, (document, bodies)) in documents.into_iter().enumerate() {
            texts.extend(
                bodies
                    .into_iter()
                    .map(|(lang, markdown, first_line)| BodyText {
                        id: TranslationId {
                            section,
                            index,
                            lang,
                        },
                        markdown,
                        first_line,
                    }),
            );
            kept.push(document);
        }
        kept
    };
    let issues = take_texts(Section::Issues, issues);
    let pages = take_texts(Section::Pages, pages);
    check_unique_urls(&config, &issues, &pages, &mut problems);
    let urls = urls::Urls::new(config.base_path());
    check_asset_paths(&urls, &config, &issues, &mut problems);
    check_asset_paths(&urls, &config, &pages, &mut problems);

    let by_source = by_source(&issues, &pages);
    let tags = config
        .langs()
        .map(|lang| (lang.clone(), tags_of(lang, &issues)))
        .collect();
    let newest = newest_dates(&issues);
    let site = Site {
        config,
        urls,
        issues,
        pages,
        tags,
        newest,
        by_source,
    };
    Built {
        site,
        texts,
        problems,
    }
}

/// Whether drafts are part of the site: the `--drafts` flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Drafts {
    Included,
    Left,
}

impl Drafts {
    /// From the `--drafts` flag.
    pub(crate) fn when(flag: bool) -> Drafts {
        if flag { Drafts::Included } else { Drafts::Left }
    }
}

/// The files of each document, by section and translation key.
fn by_key(
    content: Vec<ContentFile>,
    drafts: Drafts,
) -> BTreeMap<(Section, String), Vec<ContentFile>> {
    let mut groups: BTreeMap<(Section, String), Vec<ContentFile>> = BTreeMap::new();
    for file in content {
        if file.parsed.front.draft && drafts == Drafts::Left {
            continue;
        }
        let key = file
            .parsed
            .front
            .translation_key
            .clone()
            .unwrap_or_else(|| file.key_from_path.clone());
        groups.entry((file.section, key)).or_default().push(file);
    }
    groups
}

/// Where each content file's document is, by the file's path.
fn by_source(issues: &[Document], pages: &[Document]) -> HashMap<PathBuf, (Section, usize)> {
    let mut by_source = HashMap::new();
    for (section, documents) in [(Section::Issues, issues), (Section::Pages, pages)] {
        for (index, document) in documents.iter().enumerate() {
            for translation in document.translations.values() {
                by_source.insert(translation.path.clone(), (section, index));
            }
        }
    }
    by_source
}

/// The Markdown bodies of one document's translations, by language.
type Bodies = Vec<(Lang, String, usize)>;

fn document_from_files(
    config: &Config,
    section: Section,
    key: String,
    files: Vec<ContentFile>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Document, Bodies)> {
    let mut translations: BTreeMap<Lang, Translation> = BTreeMap::new();
    let mut bodies = Bodies::new();
    for file in files {
        if let Some(other) = translations.get(&file.lang) {
            problems.push(
                Diagnostic::error(
                    &file.path,
                    format!(
                        "there are two `{}` files for `{key}`: this one and {}",
                        file.lang,
                        other.path.display()
                    ),
                )
                .help("remove one of them, or give one a different `translation_key`"),
            );
            continue;
        }
        let lang = file.lang.clone();
        let first_line = file.parsed.body_line;
        match translation_from_file(&key, file) {
            Ok((translation, body)) => {
                problems.extend(tag_problems(&translation));
                bodies.push((lang.clone(), body, first_line));
                translations.insert(lang, translation);
            }
            Err(problem) => problems.push(problem),
        }
    }
    let first_configured = config
        .langs()
        .find(|l| translations.contains_key(*l))?
        .clone();
    let canonical_lang = if translations.contains_key(&config.default_language) {
        config.default_language.clone()
    } else {
        first_configured
    };
    let source_lang = source_lang(&key, &translations, &canonical_lang, problems);
    let fallback_slug = fallback_slug(config, &key, &translations, &canonical_lang, problems);
    let document = Document {
        section,
        key,
        translations,
        source_lang,
        canonical_lang,
        fallback_slug,
    };
    Some((document, bodies))
}

/// One file's translation (slug, tags) and its body, or why the
/// file cannot be used. A tag without letters is left out here and
/// reported by `tag_problems`; the file is still used.
fn translation_from_file(
    key: &str,
    file: ContentFile,
) -> Result<(Translation, String), Diagnostic> {
    let front = file.parsed.front;
    let locations = file.parsed.locations;
    let slug = slugify(front.slug.as_deref().unwrap_or(key));
    if slug.len() > MAX_SEGMENT_BYTES {
        return Err(slug_too_long(&file.path, &front, &locations, &slug));
    }
    if slug.is_empty() {
        return Err(Diagnostic::error(
            &file.path,
            "the slug has no letters or digits to make an address from",
        )
        .at_opt(locations.get("slug"))
        .help("set `slug:` to a few words, such as `slug: spring-meeting`"));
    }
    let mut tags: Vec<Tag> = Vec::new();
    for name in &front.tags {
        let slug = slugify(name);
        if !slug.is_empty() && !tags.iter().any(|t| t.slug == slug) {
            tags.push(Tag {
                name: name.trim().to_string(),
                slug,
            });
        }
    }
    let body = file.parsed.body;
    let translation = Translation {
        lang: file.lang,
        path: file.path,
        front,
        slug,
        tags,
        assets: file.assets,
        locations,
    };
    Ok((translation, body))
}

/// An error for each tag of `translation`'s file that has no letters or
/// digits to make an address from.
fn tag_problems(translation: &Translation) -> Vec<Diagnostic> {
    translation
        .front
        .tags
        .iter()
        .filter(|name| slugify(name).is_empty())
        .map(|name| {
            Diagnostic::error(
                &translation.path,
                format!("the tag {name:?} has no letters or digits to make an address from"),
            )
            .at_opt(translation.location("tags"))
            .help("use a word or two for each tag")
        })
        .collect()
}

/// The language the others are translated from: the one file that says
/// `source: true`, else the canonical language.
fn source_lang(
    key: &str,
    translations: &BTreeMap<Lang, Translation>,
    canonical_lang: &Lang,
    problems: &mut Vec<Diagnostic>,
) -> Lang {
    let marked: Vec<&Translation> = translations.values().filter(|t| t.front.source).collect();
    if marked.len() > 1 {
        let paths: Vec<String> = marked
            .iter()
            .map(|t| t.path.display().to_string())
            .collect();
        problems.push(
            Diagnostic::error(
                &marked[1].path,
                format!(
                    "more than one file of `{key}` says `source: true`: {}",
                    paths.join(", ")
                ),
            )
            .at_opt(marked[1].location("source"))
            .help("keep `source: true` only in the file the others are translated from"),
        );
    }
    marked
        .first()
        .map_or_else(|| canonical_lang.clone(), |t| t.lang.clone())
}

/// The slug of the languages a document is not translated into: from its
/// key, or the canonical translation's if the key makes none (or one too
/// long, which is an error if some language needs it).
fn fallback_slug(
    config: &Config,
    key: &str,
    translations: &BTreeMap<Lang, Translation>,
    canonical_lang: &Lang,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let canonical = &translations[canonical_lang];
    let from_key = slugify(key);
    if from_key.is_empty() {
        canonical.slug.clone()
    } else if from_key.len() > MAX_SEGMENT_BYTES {
        if config.langs().any(|l| !translations.contains_key(l)) {
            problems.push(key_too_long(canonical, &from_key));
        }
        canonical.slug.clone()
    } else {
        from_key
    }
}

/// The error for a slug, `slug`, longer than a file name can be: at
/// `slug:` if the file sets it, else at what it comes from.
fn slug_too_long(
    path: &Path,
    front: &FrontMatter,
    locations: &Locations,
    slug: &str,
) -> Diagnostic {
    let (from, location) = if front.slug.is_some() {
        ("the `slug:`", locations.get("slug"))
    } else if front.translation_key.is_some() {
        ("the `translation_key:`", locations.get("translation_key"))
    } else {
        ("the file name", None)
    };
    Diagnostic::error(
        path,
        format!(
            "{from} is too long for an address: it makes one {} characters long, and one part of an address can have at most {MAX_SEGMENT_BYTES}",
            slug.len()
        ),
    )
    .at_opt(location)
    .help("set a shorter `slug:`, a few words of the title such as `slug: spring-meeting`")
}

/// The error for a translation key whose address, used by the languages
/// without a translation, is longer than a file name can be.
fn key_too_long(canonical: &Translation, slug: &str) -> Diagnostic {
    let (from, location) = match canonical.location("translation_key") {
        Some(location) => ("the `translation_key:`", Some(location)),
        None => ("the file name", None),
    };
    Diagnostic::error(
        &canonical.path,
        format!(
            "{from} is too long for the address of the untranslated pages: it makes one {} characters long, and one part of an address can have at most {MAX_SEGMENT_BYTES}",
            slug.len()
        ),
    )
    .at_opt(location)
    .help("use a shorter translation key (the folder or file name, or `translation_key:`)")
}

/// Every file copied beside a document's pages must have a path the file
/// system can write.
fn check_asset_paths(
    urls: &urls::Urls,
    config: &Config,
    documents: &[Document],
    problems: &mut Vec<Diagnostic>,
) {
    for document in documents {
        for lang in config.langs() {
            if document.shown_in(lang).assets.is_empty() {
                continue;
            }
            let url = match document.section {
                Section::Issues => urls.issue(lang, document.slug_in(lang)),
                Section::Pages => urls.page(lang, document.slug_in(lang)),
            };
            let page = urls.output_path(&url);
            let folder = page.parent().unwrap_or(&page);
            for asset in &document.shown_in(lang).assets {
                let length = folder.as_os_str().len() + 1 + asset.relative.as_os_str().len();
                if length > MAX_OUTPUT_PATH_BYTES {
                    problems.push(
                        Diagnostic::error(
                            &asset.listed,
                            format!(
                                "this file's path in the published site would be {length} characters long; at most {MAX_OUTPUT_PATH_BYTES} can be written"
                            ),
                        )
                        .help("move it up, nearer to the Markdown file, or give its folders shorter names"),
                    );
                }
            }
        }
    }
}

/// Two documents may not share an address in any language, translated or not.
fn check_unique_urls(
    config: &Config,
    issues: &[Document],
    pages: &[Document],
    problems: &mut Vec<Diagnostic>,
) {
    for lang in config.langs() {
        let mut taken: BTreeMap<(Section, &str), &Document> = BTreeMap::new();
        for document in issues.iter().chain(pages) {
            let slug = document.slug_in(lang);
            let describe = |d: &Document| match d.translations.get(lang) {
                Some(t) => t.path.display().to_string(),
                None => format!(
                    "the untranslated `{lang}` page of {}",
                    d.canonical().path.display()
                ),
            };
            // Found only for an error: finding it reads the front matter again.
            let slug_location = || {
                document
                    .translations
                    .get(lang)
                    .and_then(|t| t.location("slug"))
            };
            if document.section == Section::Pages && RESERVED_PAGE_SLUGS.contains(&slug) {
                problems.push(
                    Diagnostic::error(
                        &document.shown_in(lang).path,
                        format!("the address /{lang}/{slug}/ is kept for the site's own pages"),
                    )
                    .at_opt(slug_location())
                    .help("give this page another `slug:`"),
                );
            }
            if let Some(other) = taken.insert((document.section, slug), document) {
                problems.push(
                    Diagnostic::error(
                        &document.shown_in(lang).path,
                        format!(
                            "{} and {} would both be at the `{lang}` address `{slug}`",
                            describe(other),
                            describe(document)
                        ),
                    )
                    .at_opt(slug_location())
                    .help("give one of them a different `slug:` in its front matter"),
                );
            }
        }
    }
}

/// The date of the newest issue written in each language, for its feeds.
fn newest_dates(issues: &[Document]) -> BTreeMap<Lang, time::Date> {
    let mut newest: BTreeMap<Lang, time::Date> = BTreeMap::new();
    for translation in issues.iter().flat_map(|d| d.translations.values()) {
        if let Some(date) = translation.front.date {
            let entry = newest.entry(translation.lang.clone()).or_insert(date);
            *entry = (*entry).max(date);
        }
    }
    newest
}

/// Tags written in `lang`; two spellings with the same URL segment are one tag.
fn tags_of(lang: &Lang, issues: &[Document]) -> Vec<TagGroup> {
    let mut groups: BTreeMap<String, TagGroup> = BTreeMap::new();
    for (index, issue) in issues.iter().enumerate() {
        let Some(translation) = issue.translations.get(lang) else {
            continue;
        };
        for tag in &translation.tags {
            groups
                .entry(tag.slug.clone())
                .or_insert_with(|| TagGroup {
                    tag: tag.clone(),
                    issues: Vec::new(),
                })
                .issues
                .push(index);
        }
    }
    groups.into_values().collect()
}

#[cfg(test)]
mod tests;
