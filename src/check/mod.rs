//! What `check` looks at beyond a build: the rendered site's links and
//! anchors, and the interface strings as a whole. Pure: works on what
//! `load` read and `render` produced, in memory.

pub(crate) mod fluent;
pub(crate) mod html;
pub(crate) mod links;
