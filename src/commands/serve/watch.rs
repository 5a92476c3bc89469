//! Watches the site's folders and reports, once an editor's burst of
//! writes, renames and temporary files has settled, which source paths
//! changed.
//!
//! The debouncing is done here rather than with notify's debouncer
//! crates: those cannot tell a read from a write, and the rebuild itself
//! reads every file, which would start the next rebuild, forever.

use crate::config::CONFIG_FILE;
use crate::load::{SOURCE_FOLDERS, is_hidden};
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the files must be quiet before a rebuild: long enough for an
/// editor's save-by-rename, short enough not to be felt.
const QUIET: Duration = Duration::from_millis(25);

/// The longest a rebuild waits for a burst to end.
const LONGEST_WAIT: Duration = Duration::from_millis(500);

/// Changes to the site's sources, settled.
pub(super) struct Watcher {
    root: PathBuf,
    events: Receiver<notify::Result<Event>>,
    _watcher: RecommendedWatcher,
}

impl Watcher {
    pub(super) fn start(root: &Path) -> notify::Result<Watcher> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(sender)?;
        watcher.watch(&root, RecursiveMode::Recursive)?;
        Ok(Watcher {
            root,
            events,
            _watcher: watcher,
        })
    }

    /// The source paths (relative to the site root) that changed, waiting
    /// at most `timeout` for the first change; `None` if none came.
    pub(super) fn next(&self, timeout: Duration) -> Option<Vec<PathBuf>> {
        let mut changed = BTreeSet::new();
        let mut deadline = Instant::now() + timeout;
        let mut burst_started: Option<Instant> = None;
        loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(wait) {
                Ok(Ok(event)) => {
                    let before = changed.len();
                    if changes_content(&event.kind) {
                        changed.extend(event.paths.iter().filter_map(|p| self.source_path(p)));
                    }
                    if changed.len() > before
                        || burst_started.is_some() && changes_content(&event.kind)
                    {
                        let started = *burst_started.get_or_insert_with(Instant::now);
                        deadline = (Instant::now() + QUIET).min(started + LONGEST_WAIT);
                    }
                }
                Ok(Err(_)) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        (!changed.is_empty()).then(|| changed.into_iter().collect())
    }

    /// `path` relative to the root if it is a source file (not a hidden
    /// or temporary file an editor makes while saving).
    fn source_path(&self, path: &Path) -> Option<PathBuf> {
        let relative = path.strip_prefix(&self.root).ok()?;
        let first = relative
            .components()
            .next()?
            .as_os_str()
            .to_string_lossy()
            .to_string();
        if first != CONFIG_FILE && !SOURCE_FOLDERS.contains(&first.as_str()) {
            return None;
        }
        let temporary = relative.components().any(|c| {
            let name = c.as_os_str().to_string_lossy();
            is_hidden(&name) || name.ends_with(".swp") || name.ends_with(".tmp") || name == "4913"
        });
        (!temporary).then(|| relative.to_path_buf())
    }
}

/// Whether an event can change what a file holds: reads cannot.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}
