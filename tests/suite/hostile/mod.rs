//! Hostile input a site may hold by mistake or by malice: files beside an
//! issue, locale files, templates that never end, markup and raw HTML,
//! and paths (links, odd names, collisions). Each case runs the real
//! binary on its own fixture site.

mod assets;
mod locales;
mod markup;
mod paths;
mod templates;
