//! Finds templates that would never finish rendering: a template that
//! includes itself, macros that call each other in a circle, macro files
//! that import each other. Tera follows such a circle until the stack
//! overflows and the whole process aborts, so it is found here, before
//! anything is rendered, and reported as a diagnostic naming the file.
//!
//! The check walks Tera's syntax tree (`tera::ast`, public but not part of
//! its stable API; src/render/translate.rs walks it too). Tera decides at
//! render time which template a macro namespace means, so a call is taken
//! to reach every macro it could reach: `m::card()` every macro `card` of
//! every file imported as `m` anywhere, `self::card()` every macro `card`.
//! A theme is refused only for a circle, never for a deep chain.
//!
//! `extends` needs no check: Tera refuses a circle of those itself, and a
//! template that extends cannot be included.

use crate::diagnostics::{Diagnostic, Location};
use crate::load::theme::Theme;
use std::collections::{BTreeMap, BTreeSet};
use tera::Tera;
use tera::ast::{Expr, ExprVal, Node};

/// Something that renders: a template's own text, or one of its macros.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Part<'a> {
    Template(&'a str),
    Macro { file: &'a str, name: &'a str },
}

/// How one part leads to another, as written in the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step<'a> {
    Include(&'a str),
    Call { namespace: &'a str, name: &'a str },
    Import(&'a str),
}

/// The first circle in `tera`'s templates, as a diagnostic on the file
/// where it starts; `Ok` when there is none.
pub(super) fn check(tera: &Tera, theme: &Theme) -> Result<(), Diagnostic> {
    let Some(circle) = import_circle(tera).or_else(|| render_circle(tera)) else {
        return Ok(());
    };
    Err(diagnostic(&circle, theme))
}

/// A circle: each part and the step it takes to the next; the last step
/// leads back to the first part.
type Circle<'a> = Vec<(Part<'a>, Step<'a>)>;

/// Files that import each other's macros: Tera loads imports before it
/// records a file as loaded, so a circle of them never ends.
fn import_circle(tera: &Tera) -> Option<Circle<'_>> {
    let mut graph: BTreeMap<Part, Vec<(Step, Part)>> = BTreeMap::new();
    for (name, template) in &tera.templates {
        let edges = graph.entry(Part::Template(name)).or_default();
        for (file, _) in &template.imported_macro_files {
            if let Some((file, _)) = tera.templates.get_key_value(file) {
                edges.push((Step::Import(file), Part::Template(file)));
            }
        }
    }
    first_circle(&graph)
}

/// Templates and macros that render each other in a circle.
fn render_circle(tera: &Tera) -> Option<Circle<'_>> {
    // Every file each namespace is imported from, anywhere.
    let mut namespaces: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for template in tera.templates.values() {
        for (file, namespace) in &template.imported_macro_files {
            if let Some((file, _)) = tera.templates.get_key_value(file) {
                namespaces.entry(namespace).or_default().insert(file);
            }
        }
    }
    let targets = |step: Step<'_>| -> Vec<Part<'_>> {
        match step {
            Step::Include(name) => tera
                .templates
                .get_key_value(name)
                .map(|(name, _)| Part::Template(name))
                .into_iter()
                .collect(),
            Step::Call { namespace, name } => tera
                .templates
                .iter()
                .filter(|(file, _)| {
                    namespace == "self"
                        || namespaces
                            .get(namespace)
                            .is_some_and(|files| files.contains(file.as_str()))
                })
                .filter_map(|(file, template)| {
                    let (name, _) = template.macros.get_key_value(name)?;
                    Some(Part::Macro { file, name })
                })
                .collect(),
            Step::Import(_) => Vec::new(),
        }
    };
    let mut graph: BTreeMap<Part, Vec<(Step, Part)>> = BTreeMap::new();
    for (file, template) in &tera.templates {
        let mut parts = vec![(Part::Template(file), steps_in(&template.ast))];
        for (name, definition) in &template.macros {
            parts.push((Part::Macro { file, name }, steps_in(&definition.body)));
        }
        for (part, steps) in parts {
            let edges = graph.entry(part).or_default();
            for step in steps {
                edges.extend(targets(step).into_iter().map(|to| (step, to)));
            }
        }
    }
    first_circle(&graph)
}

/// The includes and macro calls in `nodes`, in the order written;
/// macro definitions are parts of their own.
fn steps_in(nodes: &[Node]) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    walk_nodes(nodes, &mut steps);
    steps
}

fn walk_nodes<'a>(nodes: &'a [Node], steps: &mut Vec<Step<'a>>) {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => walk_expr(expr, steps),
            Node::Include(_, names, _) => steps.extend(names.iter().map(|n| Step::Include(n))),
            Node::Set(_, set) => walk_expr(&set.value, steps),
            Node::FilterSection(_, section, _) => {
                section
                    .filter
                    .args
                    .values()
                    .for_each(|e| walk_expr(e, steps));
                walk_nodes(&section.body, steps);
            }
            Node::Block(_, block, _) => walk_nodes(&block.body, steps),
            Node::Forloop(_, forloop, _) => {
                walk_expr(&forloop.container, steps);
                walk_nodes(&forloop.body, steps);
                if let Some(empty) = &forloop.empty_body {
                    walk_nodes(empty, steps);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    walk_expr(condition, steps);
                    walk_nodes(body, steps);
                }
                if let Some((_, body)) = &branches.otherwise {
                    walk_nodes(body, steps);
                }
            }
            Node::MacroDefinition(..)
            | Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }
}

fn walk_expr<'a>(expr: &'a Expr, steps: &mut Vec<Step<'a>>) {
    walk_value(&expr.val, steps);
    for filter in &expr.filters {
        filter.args.values().for_each(|e| walk_expr(e, steps));
    }
}

fn walk_value<'a>(value: &'a ExprVal, steps: &mut Vec<Step<'a>>) {
    match value {
        ExprVal::MacroCall(call) => {
            steps.push(Step::Call {
                namespace: &call.namespace,
                name: &call.name,
            });
            call.args.values().for_each(|e| walk_expr(e, steps));
        }
        ExprVal::FunctionCall(call) => call.args.values().for_each(|e| walk_expr(e, steps)),
        ExprVal::Math(math) => {
            walk_expr(&math.lhs, steps);
            walk_expr(&math.rhs, steps);
        }
        ExprVal::Logic(logic) => {
            walk_expr(&logic.lhs, steps);
            walk_expr(&logic.rhs, steps);
        }
        ExprVal::In(within) => {
            walk_expr(&within.lhs, steps);
            walk_expr(&within.rhs, steps);
        }
        ExprVal::Test(test) => test.args.iter().for_each(|e| walk_expr(e, steps)),
        ExprVal::Array(items) => items.iter().for_each(|e| walk_expr(e, steps)),
        ExprVal::StringConcat(concat) => concat.values.iter().for_each(|v| walk_value(v, steps)),
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}

/// The first circle of `graph`, looking from each part in order; the
/// same theme always gives the same circle.
fn first_circle<'a>(graph: &BTreeMap<Part<'a>, Vec<(Step<'a>, Part<'a>)>>) -> Option<Circle<'a>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        OnPath,
        Done,
    }
    let mut seen: BTreeMap<Part, Seen> = BTreeMap::new();
    for &start in graph.keys() {
        if seen.contains_key(&start) {
            continue;
        }
        // An explicit stack: a theme can be as deep as it likes.
        let mut path: Vec<(Part, usize)> = vec![(start, 0)];
        seen.insert(start, Seen::OnPath);
        while let Some((part, next)) = path.last().copied() {
            let edges = graph.get(&part).map_or(&[][..], Vec::as_slice);
            let Some(&(_, to)) = edges.get(next) else {
                seen.insert(part, Seen::Done);
                path.pop();
                continue;
            };
            if let Some(last) = path.last_mut() {
                last.1 += 1;
            }
            match seen.get(&to) {
                None => {
                    seen.insert(to, Seen::OnPath);
                    path.push((to, 0));
                }
                Some(Seen::OnPath) => {
                    let from = path.iter().position(|(p, _)| *p == to).unwrap_or(0);
                    // Each part on the path has taken the edge before
                    // its counter.
                    let circle = path[from..]
                        .iter()
                        .filter_map(|&(part, taken)| {
                            let edges = graph.get(&part)?;
                            Some((part, edges.get(taken.checked_sub(1)?)?.0))
                        })
                        .collect();
                    return Some(circle);
                }
                Some(Seen::Done) => {}
            }
        }
    }
    None
}

/// The template a part is written in.
fn file_of<'a>(part: Part<'a>) -> &'a str {
    match part {
        Part::Template(file) | Part::Macro { file, .. } => file,
    }
}

fn describe(part: Part<'_>) -> String {
    match part {
        Part::Template(file) => file.to_string(),
        Part::Macro { file, name } => format!("the macro `{name}` of {file}"),
    }
}

fn describe_step(step: Step<'_>) -> String {
    match step {
        Step::Include(name) => format!("includes {name}"),
        Step::Import(name) => format!("imports {name}"),
        Step::Call { namespace, name } => format!("calls `{namespace}::{name}`"),
    }
}

/// What a circle looks like to the theme's author, on the file and line
/// of its first step.
fn diagnostic(circle: &Circle<'_>, theme: &Theme) -> Diagnostic {
    let Some(&(first, step)) = circle.first() else {
        return Diagnostic::error("themes", "the templates call each other in a circle");
    };
    let file = file_of(first);
    let template = theme.templates.iter().find(|t| t.name == file);
    let mut chain: Vec<String> = circle
        .iter()
        .map(|&(part, step)| format!("{} {}", describe(part), describe_step(step)))
        .collect();
    if matches!(step, Step::Call { .. }) {
        chain.push(format!("which leads back to {}", describe(first)));
    }
    let (what, help) = match step {
        Step::Import(_) => (
            "these macro files import each other in a circle, so Tera would never finish loading them",
            "remove one of the {% import %} tags of the circle",
        ),
        Step::Include(_) if circle.len() == 1 => (
            "this template includes itself, so a page would never finish rendering",
            "remove the {% include %} tag that names this template",
        ),
        Step::Include(_) => (
            "these templates include each other in a circle, so a page would never finish rendering",
            "remove one of the {% include %} tags of the circle",
        ),
        Step::Call { .. } => (
            "these macros call each other in a circle; boletin does not allow a macro to call itself, directly or through others, because a page could never finish rendering",
            "write the macro without calling itself, for example with a {% for %} loop",
        ),
    };
    let location = template.and_then(|t| {
        let needle = match step {
            Step::Include(name) | Step::Import(name) => name.to_string(),
            Step::Call { namespace, name } => format!("{namespace}::{name}"),
        };
        let after = match step {
            Step::Include(_) => "include",
            Step::Import(_) => "import",
            Step::Call { .. } => "",
        };
        let start = t.text.find(after).unwrap_or(0);
        let at = t.text[start..].find(&needle)? + start;
        Some(Location::at_offset(&t.text, at, needle.len()))
    });
    let path = template.map_or_else(|| std::path::PathBuf::from("themes"), |t| t.path.clone());
    Diagnostic::error(path, format!("{what}: {}", chain.join(", ")))
        .at_opt(location)
        .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::theme::Template;

    fn theme(templates: &[(&str, &str)]) -> Theme {
        Theme {
            templates: templates
                .iter()
                .map(|(name, text)| Template {
                    name: name.to_string(),
                    path: format!("themes/t/templates/{name}").into(),
                    text: text.to_string(),
                })
                .collect(),
            statics: Vec::new(),
        }
    }

    fn checked(templates: &[(&str, &str)]) -> Result<(), Diagnostic> {
        let theme = theme(templates);
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.to_vec()).unwrap();
        check(&tera, &theme)
    }

    #[track_caller]
    fn assert_circle(templates: &[(&str, &str)], file: &str, words: &str) {
        let problem = checked(templates).expect_err("a circle");
        assert_eq!(
            problem.path,
            std::path::PathBuf::from(format!("themes/t/templates/{file}"))
        );
        assert!(problem.message.contains(words), "{}", problem.message);
    }

    #[test]
    fn includes_imports_and_macro_calls_in_a_circle_are_found() {
        assert_circle(
            &[("a.html", "x{% include \"a.html\" %}")],
            "a.html",
            "includes itself",
        );
        assert_circle(
            &[
                ("a.html", "{% include \"b.html\" %}"),
                ("b.html", "{% if x %}{% include \"a.html\" %}{% endif %}"),
            ],
            "a.html",
            "a.html includes b.html, b.html includes a.html",
        );
        assert_circle(
            &[(
                "m.html",
                "{% macro a(n) %}{{ self::b(n=n) }}{% endmacro a %}{% macro b(n) %}{% for i in n %}{{ self::a(n=i) }}{% endfor %}{% endmacro b %}",
            )],
            "m.html",
            "the macro `a` of m.html calls `self::b`",
        );
        assert_circle(
            &[
                (
                    "m.html",
                    "{% import \"n.html\" as n %}{% macro a() %}{{ n::b() }}{% endmacro a %}",
                ),
                (
                    "n.html",
                    "{% macro b() %}{% include \"p.html\" %}{% endmacro b %}",
                ),
                ("p.html", "{% import \"m.html\" as m %}{{ m::a() | upper }}"),
            ],
            "p.html",
            "macros call each other",
        );
        assert_circle(
            &[(
                "a.html",
                "{% import \"a.html\" as a %}{% macro m() %}{% endmacro m %}",
            )],
            "a.html",
            "import each other",
        );
    }

    #[test]
    fn chains_and_same_named_macros_elsewhere_are_not_circles() {
        assert!(
            checked(&[
                ("base.html", "{% block body %}{% endblock body %}"),
                (
                    "page.html",
                    "{% extends \"base.html\" %}{% import \"m.html\" as m %}{% block body %}{% include \"part.html\" %}{{ m::link() }}{% endblock body %}"
                ),
                ("part.html", "{% include \"leaf.html\" %}"),
                ("leaf.html", "leaf"),
                // A macro wrapping another of the same name in another file.
                ("m.html", "{% import \"n.html\" as n %}{% macro link() %}{{ n::link() }}{% endmacro link %}"),
                ("n.html", "{% macro link() %}x{% endmacro link %}"),
            ])
            .is_ok()
        );
    }

    #[test]
    fn the_built_in_theme_has_no_circle() {
        let theme = Theme::load(
            &crate::load::boundary::SiteFolder::new(std::path::Path::new("/nonexistent")),
            "default",
            &mut Vec::new(),
        );
        assert!(super::super::Templates::compile(&theme).is_ok());
    }
}
