//! `communique show` and `communique similar`: one article, and the articles most like it.

use super::prelude::*;

#[derive(Args)]
pub(crate) struct ShowArgs {
    /// Article id, as printed by search. e.g. reuters-9693
    id: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Highlight this query's matches in the article. e.g. -q "fourth visit"
    #[arg(long, short)]
    query: Option<String>,
    /// The article and its metadata as one JSON object. e.g. --json | jq .people
    #[arg(long)]
    json: bool,
    /// Colour highlights: auto, always, never. e.g. --color never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Args)]
pub(crate) struct SimilarArgs {
    /// Article id, as printed by search. e.g. reuters-9693
    id: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Articles to show. e.g. -n 5
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// One JSON object on stdout. e.g. --json
    #[arg(long)]
    json: bool,
}

pub(crate) fn run_show(args: ShowArgs) -> Result<ExitCode> {
    let engine = Engine::open(&args.location.root())?;
    let view = engine.article_view(&args.id, args.query.as_deref())?;
    if args.json {
        let value = render::article_view_json(&view);
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        let style = Style::resolve(args.color, false);
        print!("{}", render::render_article(&view.hit, &view.body, &style));
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_similar(args: SimilarArgs) -> Result<ExitCode> {
    let engine = Engine::open(&args.location.root())?;
    let hits = engine.similar_hits(&args.id, args.limit)?;
    if args.json {
        let value = render::similar_json(&args.id, &hits);
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        for (i, h) in hits.iter().enumerate() {
            outln!(
                "{:>2}. {}  [{:.2}]\n    {} · {} · {}",
                i + 1,
                h.title,
                h.score,
                h.outlet.as_deref().unwrap_or("unknown outlet"),
                h.date.as_deref().unwrap_or("undated"),
                h.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
