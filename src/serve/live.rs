//! The live index. `communique index` publishes a new generation by an atomic
//! rename of `CURRENT` (or commits an update in place, then rewrites the
//! manifest); every request checks that cheaply and reopens the engine when
//! it changed, so the server follows rebuilds without a restart and only ever
//! sees complete generations.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use anyhow::Result;

use crate::index::store::{self, LiveState, Manifest};
use crate::search::Engine;

/// One opened generation.
pub struct Loaded {
    pub engine: Engine,
    pub manifest: Manifest,
    state: Option<LiveState>,
}

impl Loaded {
    fn open(root: &Path) -> Result<Loaded> {
        // The state first: if the index changes while we open, the next
        // request sees a difference and reopens again.
        let state = store::live_state(root);
        let engine = Engine::open(root)?;
        let manifest = match &state {
            Some(s) => store::read_manifest(&s.generation)?,
            None => anyhow::bail!("the index at {} has no live generation", root.display()),
        };
        Ok(Loaded {
            engine,
            manifest,
            state,
        })
    }
}

pub struct Live {
    root: PathBuf,
    current: RwLock<Arc<Loaded>>,
    /// One reopen at a time; and the state that last failed to open, not retried.
    reopening: Mutex<Option<LiveState>>,
}

impl Live {
    pub fn open(root: &Path) -> Result<Live> {
        Ok(Live {
            root: root.to_path_buf(),
            current: RwLock::new(Arc::new(Loaded::open(root)?)),
            reopening: Mutex::new(None),
        })
    }

    fn loaded(&self) -> Arc<Loaded> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The engine of the live generation, reopened first if the index changed.
    /// Blocking (file reads, maybe an index open): call it off the async threads.
    pub fn get(&self) -> Arc<Loaded> {
        let now = store::live_state(&self.root);
        let loaded = self.loaded();
        // No readable state (a rename in flight, a folder removed): keep serving.
        if now.is_none() || now == loaded.state {
            return loaded;
        }
        let mut failed = self.reopening.lock().unwrap_or_else(|e| e.into_inner());
        let loaded = self.loaded();
        if now == loaded.state || now == *failed {
            return loaded;
        }
        match Loaded::open(&self.root) {
            Ok(fresh) => {
                let fresh = Arc::new(fresh);
                *self.current.write().unwrap_or_else(|e| e.into_inner()) = fresh.clone();
                fresh
            }
            Err(e) => {
                eprintln!("communique serve: still serving the previous index: {e:#}");
                *failed = now;
                loaded
            }
        }
    }
}
