// The command-line tool: one subcommand per file, each a thin layer that turns
// flags into the library's Params structs, runs the library, and reports.
//
// Exit codes: 0 done, 2 error (bad usage, bad input with --on-error=fail, I/O).
// Data goes to stdout or the named files; diagnostics go to stderr.
#pragma once

#include <CLI/CLI.hpp>

namespace copydesk::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 2;

// Each registers its subcommand on `root`. When the subcommand is the one the
// user chose, its callback runs it and stores the exit code in `exit_code`.
// Option storage lives as long as the process (owned by the callback).
void register_dedup(CLI::App& root, int& exit_code);
void register_eval(CLI::App& root, int& exit_code);
void register_generate(CLI::App& root, int& exit_code);
void register_vectors(CLI::App& root, int& exit_code);
void register_events(CLI::App& root, int& exit_code);
void register_timeline(CLI::App& root, int& exit_code);

}  // namespace copydesk::cli
