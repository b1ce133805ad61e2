#include <csignal>
#include <cstdio>
#include <exception>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // A closed pipe (`copydesk dedup ... | head`) is not an error: writes fail
  // with EPIPE and the tool stops quietly instead of dying on SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{
      "copydesk: near-duplicate detection and story clustering for news crawls.\n"
      "Finds every copy of the same text (MinHash LSH, verified, grouped without chaining)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "copydesk 0.1.0");
  int exit_code = copydesk::cli::kExitOk;
  copydesk::cli::register_dedup(app, exit_code);
  copydesk::cli::register_eval(app, exit_code);
  copydesk::cli::register_generate(app, exit_code);
  copydesk::cli::register_vectors(app, exit_code);
  copydesk::cli::register_events(app, exit_code);
  copydesk::cli::register_timeline(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : copydesk::cli::kExitError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "copydesk: internal error: %s\n", e.what());
    return copydesk::cli::kExitError;
  }
  return exit_code;
}
