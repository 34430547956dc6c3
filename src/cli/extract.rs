//! `communique extract` and `communique duplicates`: the pipeline without an index.

use super::prelude::*;
use communique::clean::{Cleaner, Furniture};
use communique::extract::Extractor;
use communique::ingest::{self, Item};
use rayon::prelude::*;

#[derive(Args)]
pub(crate) struct DuplicatesArgs {
    /// Files or folders to read. e.g. corpus/ more/wire.jsonl
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Estimated Jaccard similarity of word 4-shingles above which two articles are one
    /// story. e.g. --threshold 0.7 for closer copies only
    #[arg(long, default_value_t = communique::coverage::DEFAULT_THRESHOLD)]
    threshold: f32,
}

#[derive(Args)]
pub(crate) struct ExtractArgs {
    /// Files or folders to read. e.g. corpus/
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// JSON Lines, one article a line (the default is a short readable listing). e.g. --json
    #[arg(long)]
    json: bool,
}

/// Every article of the given files and folders, cleaned and extracted, with
/// problems reported on stderr.
fn read_prepared(
    paths: &[PathBuf],
    mut each: impl FnMut(&communique::Article) -> Result<()>,
) -> Result<()> {
    let cleaner = Cleaner::new();
    let extractor = Extractor::shared();
    for (_, discovery) in ingest::discover_paths(paths) {
        for skip in &discovery.skips {
            eprintln!("skipped {skip}");
        }
        for file in &discovery.files {
            let mut articles = Vec::new();
            ingest::read_file(file, &discovery.metadata, &mut |item| match item {
                Item::Article(a) => articles.push(a),
                Item::Skip(s) => eprintln!("skipped {s}"),
            });
            let learned = {
                let refs: Vec<&communique::Article> = articles.iter().map(|a| a.as_ref()).collect();
                Furniture::learn(&refs)
            };
            articles
                .par_iter_mut()
                .for_each(|a| index::prepare_with(a, &cleaner, &learned, extractor));
            for a in &articles {
                each(a)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn run_duplicates(args: DuplicatesArgs) -> Result<ExitCode> {
    use communique::coverage::{Fingerprint, group_near_duplicates};
    let mut ids = Vec::new();
    let mut prints = Vec::new();
    read_prepared(&args.paths, |a| {
        ids.push(a.id.clone());
        prints.push(Fingerprint::of(&a.body));
        Ok(())
    })?;
    let groups = group_near_duplicates(&prints, args.threshold);
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, g) in groups.iter().enumerate() {
        writeln!(
            stdout,
            "{}",
            serde_json::json!({"id": ids[i], "group": ids[*g]})
        )?;
    }
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_extract(args: ExtractArgs) -> Result<ExitCode> {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    read_prepared(&args.paths, |a| {
        if args.json {
            writeln!(stdout, "{}", render::article_json(a))?;
        } else {
            writeln!(
                stdout,
                "{}\n  {} · {} · by {}\n  people: {}\n  places: {}\n  countries: {}\n",
                a.title,
                a.outlet.as_deref().unwrap_or("unknown outlet"),
                a.date
                    .as_ref()
                    .map(communique::article::format_date)
                    .unwrap_or_else(|| "undated".into()),
                a.authors.join(", "),
                a.people.join(", "),
                a.places.join(", "),
                a.countries.join(", ")
            )?;
        }
        Ok(())
    })?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
