//! `communique completions SHELL` and `communique man`: shell completion scripts
//! (clap_complete) and a roff man page (clap_mangen), both generated from the
//! same argument definitions as `--help`, so they never drift from it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use clap_complete::Shell;

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to complete for: bash, zsh, fish, powershell (elvish too).
    /// e.g. communique completions bash > ~/.local/share/bash-completion/completions/communique
    #[arg(value_enum)]
    shell: Shell,
}

/// Writes the completion script for `args.shell` of the command line `cli` to stdout.
pub fn run_completions(args: CompletionsArgs, mut cli: clap::Command) -> Result<ExitCode> {
    let name = cli.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cli, name, &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the man page (section 1, roff) of the command line `cli` to stdout:
/// clap_mangen's page for the whole command, then a section per subcommand with
/// its synopsis and options (clap_mangen writes those under `.SH SYNOPSIS` and
/// `.SH OPTIONS`; here they become the subcommand's own `.SH` and a `.SS`).
pub fn run_man(mut cli: clap::Command) -> Result<ExitCode> {
    cli.build();
    let mut page = Vec::new();
    clap_mangen::Man::new(cli.clone()).render(&mut page)?;
    let mut page = String::from_utf8(page)?;
    for sub in cli.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut synopsis = Vec::new();
        let man = clap_mangen::Man::new(sub.clone());
        man.render_synopsis_section(&mut synopsis)?;
        man.render_description_section(&mut synopsis)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut synopsis)?;
        }
        let section = String::from_utf8(synopsis)?
            .replace(
                ".SH SYNOPSIS",
                &format!(".SH \"{} {}\"", cli.get_name(), sub.get_name()).to_uppercase(),
            )
            .replace(".SH DESCRIPTION", ".SS Description")
            .replace(".SH OPTIONS", ".SS Options");
        page.push_str(&section);
    }
    std::io::stdout().lock().write_all(page.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
