//! `communique index`: build or update an index from a folder of articles.

use super::prelude::*;

#[derive(Args)]
pub(crate) struct IndexArgs {
    /// Folder of articles, read recursively. e.g. corpus/
    corpus: PathBuf,
    #[command(flatten)]
    location: IndexLocation,
    /// Exit with status 3 when any file or record was skipped. e.g. --strict in CI
    #[arg(long)]
    strict: bool,
    /// Build a fresh index even when one of this folder exists (default: update it,
    /// re-reading only new and changed files and removing deleted ones). e.g. --rebuild
    #[arg(long)]
    rebuild: bool,
    /// Threads for tantivy's writer [default: one per core; cleaning and
    /// extraction use every core too]. e.g. --threads 1
    #[arg(long)]
    threads: Option<usize>,
    /// No progress bar and no summary. e.g. -q in scripts
    #[arg(long, short)]
    quiet: bool,
    /// List every skipped file, not just the first 20. e.g. -v
    #[arg(long, short)]
    verbose: bool,
}

pub(crate) fn run_index(args: IndexArgs) -> Result<ExitCode> {
    let root = args.location.root();
    let mut options = BuildOptions::new(args.corpus.clone(), root.clone());
    options.progress = !args.quiet && std::io::stderr().is_terminal();
    options.rebuild = args.rebuild;
    if let Some(t) = args.threads {
        options.threads = t.max(1);
    }
    let report = index::build(&options)?;
    if !args.quiet {
        let mut summary = render::render_summary(&report, &root.display().to_string());
        if args.verbose {
            for skip in report.skips.iter().skip(20) {
                summary.push_str(&format!("  {skip}\n"));
            }
        }
        eprint!("{summary}");
    }
    if args.strict && report.lost_anything() {
        return Ok(ExitCode::from(3));
    }
    if report.articles == 0 && report.update.is_none() {
        eprintln!(
            "communique: no article could be indexed from {}; any previous index at {} is kept",
            args.corpus.display(),
            root.display()
        );
        return Ok(ExitCode::from(4));
    }
    Ok(ExitCode::SUCCESS)
}
