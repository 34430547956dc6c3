//! `communique timeline`: matches per period and group.

use super::prelude::*;

#[derive(Args)]
pub(crate) struct TimelineArgs {
    /// The query, as for search. e.g. 'summit country:Singapore'
    query: String,
    #[command(flatten)]
    location: IndexLocation,
    /// One line per outlet, country or person [default: one line for all matches].
    /// e.g. --by outlet
    #[arg(long, value_enum)]
    by: Option<communique::search::timeline::GroupBy>,
    /// Period length [default: chosen from the span of the matches]. e.g. --interval week
    #[arg(long, value_enum)]
    interval: Option<Interval>,
    /// Divide by the group's (an outlet's) or everyone's articles in each period: the
    /// share of attention. e.g. --by outlet --normalize
    #[arg(long)]
    normalize: bool,
    /// Groups shown, largest first. e.g. --top 3
    #[arg(long, default_value_t = 8)]
    top: usize,
    #[command(flatten)]
    dates: DateRange,
    /// One JSON object on stdout. e.g. --json
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV on stdout: period, group, count (share with --normalize). e.g. --csv > t.csv
    #[arg(long)]
    csv: bool,
    /// Also write a line chart to this SVG file. e.g. --svg coverage.svg
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
}

pub(crate) fn run_timeline(args: TimelineArgs) -> Result<ExitCode> {
    use communique::search::timeline;
    let engine = open_engine(&args.location)?;
    let (since, until) = args.dates.bounds()?;
    let request = SearchRequest {
        since,
        until,
        ..SearchRequest::default()
    };
    let t = engine.timeline(
        &args.query,
        args.by,
        args.interval,
        args.normalize,
        args.top,
        &request,
    )?;
    if let Some(path) = &args.svg {
        std::fs::write(path, timeline::render_svg(&t))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let text = if args.json {
        serde_json::to_string_pretty(&t)?
    } else if args.csv {
        timeline::render_csv(&t)
    } else {
        timeline::render_text(&t)
    };
    outln!("{}", text.trim_end());
    Ok(ExitCode::SUCCESS)
}
