//! `communique serve`: the web page and the JSON API over an index.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use clap::Args;

use communique::index::store;
use communique::serve::{self, Options};

#[derive(Args)]
pub struct ServeArgs {
    /// Index folder [default: $COMMUNIQUE_INDEX, else .communique in the current folder].
    /// e.g. --index ~/news-index
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Port to listen on (0: any free port, printed at start). e.g. --port 8080
    #[arg(long, default_value_t = 7700)]
    port: u16,
    /// Address to listen on; anything but loopback lets other machines in. e.g. --bind 0.0.0.0
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Open the page in the default browser once serving. e.g. --open
    #[arg(long)]
    open: bool,
    /// Let pages from this origin call the API from a browser (no CORS otherwise).
    /// e.g. --cors http://localhost:8888 for a Jupyter notebook
    #[arg(long, value_name = "ORIGIN")]
    cors: Option<String>,
    /// Seconds a request may run before it is answered with an error. e.g. --time-limit 2
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    time_limit: f64,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    anyhow::ensure!(
        args.time_limit > 0.0 && args.time_limit <= 3600.0,
        "--time-limit must be between 0 and 3600 seconds"
    );
    let options = Options {
        index: args.index.unwrap_or_else(store::default_root),
        bind: args.bind,
        port: args.port,
        cors: args.cors,
        time_limit: Duration::from_secs_f64(args.time_limit),
    };
    if !options.bind.is_loopback() {
        eprintln!(
            "communique serve: warning: listening on {}, not loopback: anyone who can reach this machine can read the index",
            options.bind
        );
    }
    let index = options.index.display().to_string();
    let open = args.open;
    serve::serve(options, |addr, live| {
        let url = format!("http://{addr}/");
        println!(
            "serving {url} ({} articles from {index}; Ctrl-C stops)",
            live.manifest.articles
        );
        if open {
            open_browser(&url);
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The desktop's browser, if there is one; the URL is printed anyway.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("communique serve: cannot open a browser ({opener}: {e}); open {url} yourself");
    }
}
