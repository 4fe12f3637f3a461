//! The `mineclear` command line; `mineclear::cli` holds its commands.

fn main() -> std::process::ExitCode {
    mineclear::cli::main()
}
