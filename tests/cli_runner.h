// Test helper: runs the copydesk binary and captures stdout, stderr and the
// exit code. COPYDESK_CLI_PATH is set by tests/CMakeLists.txt.
#pragma once

#include <algorithm>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace copydesk::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

// A fresh, empty temporary folder per call, removed by the caller's TearDown
// or left for inspection; names are unique per process and counter.
inline std::filesystem::path make_temp_dir(const std::string& tag) {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("copydesk-test-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs `copydesk <args>` through the shell (args are pasted verbatim, so quote
// them); `stdin_file` (optional) is redirected to stdin.
inline CliResult run_cli(const std::string& args, const std::string& stdin_file = "") {
  const auto dir = make_temp_dir("cli");
  const auto out = dir / "stdout", err = dir / "stderr";
  std::string cmd = std::string(COPYDESK_CLI_PATH) + " " + args + " >" + out.string() + " 2>" + err.string();
  cmd += stdin_file.empty() ? " </dev/null" : " <" + stdin_file;
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  std::filesystem::remove_all(dir);
  return r;
}

inline size_t count_lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

inline std::filesystem::path datasets_dir() { return COPYDESK_DATASETS_DIR; }

}  // namespace copydesk::testing
