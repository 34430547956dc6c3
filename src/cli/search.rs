//! `communique search`: the query in, hits, facets, stories or CSV out.

use super::prelude::*;
use communique::search::views::{Grouping, SearchOutcome, SearchParams};

#[derive(Args)]
pub(crate) struct SearchArgs {
    /// The query, typed or pasted as it is: words, "exact phrases", +must, -not,
    /// AND/OR/NOT, (groups), word~, title:/body:, outlet:/person:/place:/country:/author:.
    /// e.g. 'Pompeo "fourth visit" country:"North Korea" -outlet:Breitbart'
    ///
    /// Syntax counts only where it cannot be text; everything else is words:
    ///   Pompeo's fourth visit      words; "Pompeo's" finds Pompeo; fourth = 4th
    ///   Opinion: Kim's letter      "Opinion:" names no field: a word like the others
    ///   purolator <pcc> quits      <pcc> is the word pcc; & % / ^ * ? ! @ # emoji: text
    ///   "fourth visit"             a phrase, word for word, unstemmed ("fourth visit"~2: 2 apart)
    ///   +Pompeo -Trump             + and - only at the start of a word: required, excluded
    ///   Pompeo AND Kim             AND/OR/NOT only in capitals between terms; a query typed
    ///   visit OR trip              all in capitals (a wire headline) has no operators or signs
    ///   Kim (Moon OR Trump)        parentheses group; AND binds tighter than OR, both
    ///                              tighter than words side by side
    ///   Pompao~  Pompao~1          fuzzy: within 1-2 edits (--fuzzy: every word)
    ///   title:visit body:"a b"     search one field; title:(a b) every word inside
    ///   person:"Kim Jong Un"       filter on canonical names, any alias; also outlet:,
    ///   country:(Japan OR China)   place:, author: (and plurals); -country:Japan excludes
    /// person:, place: and country: match every article that names the person, place or
    /// country, even once in passing; the facets count only the articles about it (see --facet).
    /// A known field followed by a space ("person: Pompeo") is read as words, with a notice.
    /// An unclosed quote or parenthesis closes at the end of the query, with a notice
    /// (stderr; "notices" in --json). Errors only for an empty query, one over 4,000
    /// characters, control characters and a filter without a value, with the position.
    query: String,
    #[command(flatten)]
    location: IndexLocation,
    /// Hits to show. e.g. -n 3
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Hits to skip (for paging). e.g. --offset 10 for the second page
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Order of hits. e.g. --sort date (newest first)
    #[arg(long, value_enum, default_value_t = SortOrder::Relevance)]
    sort: SortOrder,
    #[command(flatten)]
    dates: DateRange,
    /// Snippet fragments per hit. e.g. --fragments 0 for titles only
    #[arg(long, default_value_t = 2)]
    fragments: usize,
    /// Approximate characters per fragment. e.g. --fragment-size 400
    #[arg(long, default_value_t = 200)]
    fragment_size: usize,
    /// Values shown per facet. e.g. --facet-limit 25
    #[arg(long, default_value_t = 10)]
    facet_limit: usize,
    /// Date facet buckets [default: chosen from the span of the matches]. e.g. --interval week
    #[arg(long, value_enum)]
    interval: Option<Interval>,
    /// Only facet counts, no hits. e.g. --facet-only --facet outlet
    #[arg(long)]
    facet_only: bool,
    /// One JSON object on stdout (highlights as character offsets). e.g. --json | jq .total
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV on stdout for spreadsheets, one row a hit: rank, score, id, title, outlet,
    /// date, url, people, places (lists joined with "; "). e.g. --csv -n 100 > hits.csv
    #[arg(long, conflicts_with_all = ["html", "facet_only"])]
    csv: bool,
    /// Colour highlights: auto (on a terminal, unless NO_COLOR is set), always, never.
    /// e.g. --color always | less -R
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Highlight with <mark> tags. e.g. --html > hits.html
    #[arg(long)]
    html: bool,
    /// Facets to count, repeatable: outlet, people, places, countries, authors, speakers
    /// (who is quoted), language, date
    /// [default: all]. e.g. --facet people --facet date
    /// people, places and countries count the articles about a name, not every one that
    /// names it: every person named; a place named in the title, dateline or first
    /// paragraph, or twice; a country named in the dateline or first paragraph (itself, its
    /// adjective or a place in it), in the title and again, or three times (tickers and places
    /// in Reuters' <company names> do not count, nor other languages' names in English text).
    /// So `country:Egypt` can find more articles than the Egypt facet counts.
    #[arg(long = "facet", value_name = "FIELD")]
    facet: Vec<String>,
    /// Only articles in this language: an ISO 639-1 code or a name, as `lang:` takes.
    /// e.g. --lang fr, --lang Korean
    #[arg(long, value_name = "LANGUAGE")]
    lang: Option<String>,
    /// Match every word within one or two typos (a single word: write it `word~`).
    /// e.g. "Pompao visit" --fuzzy
    #[arg(long)]
    fuzzy: bool,
    /// Show near-duplicates (the same wire story in several outlets) as separate hits.
    /// e.g. --no-collapse
    #[arg(long)]
    no_collapse: bool,
    /// Show, for each hit, which fields and terms matched and what each added to the score.
    /// e.g. --explain -n 3
    #[arg(long)]
    explain: bool,
    /// `outlet`: the best hit per outlet (how each outlet covered it); `story`: the
    /// stories among the matches (articles about one event across outlets).
    /// e.g. --group-by outlet
    #[arg(long, value_name = "FIELD", value_parser = ["outlet", "story"])]
    group_by: Option<String>,
}

pub(crate) fn run_search(args: SearchArgs) -> Result<ExitCode> {
    let engine = open_engine(&args.location)?;
    let (since, until) = args.dates.bounds()?;
    let params = SearchParams {
        request: SearchRequest {
            query: args.query.clone(),
            limit: args.limit,
            offset: args.offset,
            sort: args.sort,
            since,
            until,
            fragments: args.fragments,
            fragment_size: args.fragment_size,
            facet_limit: args.facet_limit,
            fuzzy: args.fuzzy,
            explain: args.explain,
            collapse: !args.no_collapse,
            language: args.lang.clone(),
            ..SearchRequest::default()
        },
        interval: args.interval,
        facet_only: args.facet_only,
        facets: args.facet.clone(),
        group_by: args.group_by.as_deref().and_then(Grouping::parse),
    };
    let outcome = engine.run_search(&params)?;
    let mut stdout = std::io::stdout().lock();
    if args.json {
        let value = render::search_json(&params, &outcome);
        writeln!(stdout, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.csv {
        if let SearchOutcome::Hits(results) = &outcome {
            for notice in &results.notices {
                eprintln!("note: {notice}");
            }
        }
        write!(stdout, "{}", render::search_csv(&outcome, args.offset)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let text = match &outcome {
        SearchOutcome::Stories {
            considered,
            stories,
        } => {
            let text = communique::search::stories::render_text(*considered, stories);
            format!("{}\n", text.trim_end())
        }
        SearchOutcome::Hits(results) => {
            for notice in &results.notices {
                eprintln!("note: {notice}");
            }
            render::render_results(
                results,
                &Style::resolve(args.color, args.html),
                args.facet_limit,
                args.interval,
                !args.facet_only,
            )
        }
    };
    write!(stdout, "{text}")?;
    Ok(ExitCode::SUCCESS)
}
