//! What `check` looks at beyond a build: the rendered site's links and
//! anchors, and the interface strings as a whole. Pure: works on what
//! `load` read and `render` produced, in memory.

pub mod fluent;
pub mod html;
pub mod links;
