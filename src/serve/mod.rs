//! `communique serve`: the web page and the JSON API over one live index.
//!
//! The stages, one file each: [`live`] keeps the engine of the live index
//! generation (reopened when `communique index` swaps in a new one), [`api`]
//! reads request parameters and turns failures into JSON errors, [`routes`]
//! maps paths to handlers that call the same library functions the command
//! line does, [`openapi`] describes those routes, and `assets/` holds the page.

pub mod api;
mod assets;
pub mod live;
pub mod openapi;
pub mod routes;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};

/// How the server listens and what it allows.
#[derive(Debug, Clone)]
pub struct Options {
    pub index: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    /// The one origin whose pages may call the API from a browser; none by default.
    pub cors: Option<String>,
    /// Longest a search may run before the client gets an error.
    pub time_limit: Duration,
}

/// Serves until Ctrl-C. `ready` is told the bound address (the port may have
/// been chosen by the system) once the server accepts connections.
pub fn serve(options: Options, ready: impl FnOnce(SocketAddr, &live::Loaded)) -> Result<()> {
    let live = Arc::new(live::Live::open(&options.index)?);
    let app = routes::app(routes::AppState {
        live: live.clone(),
        time_limit: options.time_limit,
    })
    .and_then(|app| routes::with_cors(app, options.cors.as_deref()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Searches run on the blocking pool: a few threads keep the cores
        // busy; more would only queue inside the CPU instead of here.
        .max_blocking_threads(8)
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((options.bind, options.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", options.bind, options.port))?;
        ready(listener.local_addr()?, &live.get());
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")
    })
}
