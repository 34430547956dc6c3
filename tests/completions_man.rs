//! `communique completions SHELL` and `communique man`, from the real binary.

mod common;

use common::*;

fn generated(args: &[&str]) -> String {
    let tmp = TempDir::new("completions");
    let out = run(tmp.path(), args);
    assert_no_panic(&out, &args.join(" "));
    assert!(out.status.success(), "{args:?}\n{}", describe(&out));
    assert!(stderr(&out).is_empty(), "{args:?}\n{}", describe(&out));
    stdout(&out)
}

#[test]
fn bash_completion_knows_the_commands_and_their_options() {
    let script = generated(&["completions", "bash"]);
    for word in [
        "search",
        "serve",
        "timeline",
        "--index",
        "--csv",
        "--group-by",
    ] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
    // It is a script bash accepts, and once sourced it completes `communique se`.
    let tmp = TempDir::new("bash-completion");
    let path = tmp.join("communique.bash");
    std::fs::write(&path, &script).unwrap();
    let probe = format!(
        "source {}; COMP_WORDS=(communique se); COMP_CWORD=1; COMP_LINE='communique se'; COMP_POINT=13; _communique communique se communique; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .expect("run bash");
    assert!(out.status.success(), "{}", describe(&out));
    let words: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert!(words.contains(&"search".to_string()), "{words:?}");
    assert!(words.contains(&"serve".to_string()), "{words:?}");
    assert!(!words.contains(&"index".to_string()), "{words:?}");
}

#[test]
fn other_shells_get_their_own_scripts() {
    let zsh = generated(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef communique"), "{zsh:.200}");
    let fish = generated(&["completions", "fish"]);
    assert!(fish.contains("complete -c communique"), "{fish:.200}");
    let ps = generated(&["completions", "powershell"]);
    assert!(ps.contains("Register-ArgumentCompleter"), "{ps:.200}");
    for script in [&zsh, &fish, &ps] {
        assert!(script.contains("search") && script.contains("index"));
    }

    let tmp = TempDir::new("completions-bad");
    let out = run(tmp.path(), &["completions", "tcsh"]);
    assert_no_panic(&out, "completions tcsh");
    assert!(!out.status.success(), "{}", describe(&out));
    assert!(
        stderr(&out).contains("bash"),
        "lists the shells: {}",
        describe(&out)
    );
}

#[test]
fn man_page_is_roff_with_every_command() {
    let page = generated(&["man"]);
    assert!(page.contains(".TH communique 1"), "{page:.300}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "man page lacks {section}");
    }
    for command in ["INDEX", "SEARCH", "SERVE", "TIMELINE", "COMPLETIONS"] {
        assert!(
            page.contains(&format!(".SH \"COMMUNIQUE {command}\"")),
            "man page lacks the {command} section"
        );
    }
    // Options as roff escapes them (\- for a hyphen).
    assert!(page.contains("\\-\\-csv"), "search's --csv is documented");
    assert!(
        page.contains("\\-\\-time\\-limit"),
        "serve's options are documented"
    );
}
