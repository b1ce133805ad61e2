// Progress on stderr for long runs: one line, rewritten in place, at most a
// few times a second. Silent when disabled (not a terminal, --quiet).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace copydesk::cli {

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  ~Progress() { done(); }

  void update(const std::string& stage, uint64_t done, uint64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (stage == stage_ && done != total && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    stage_ = stage;
    if (total > 1) {
      std::fprintf(stderr, "\r\033[K%s: %llu / %llu (%.0f%%)", stage.c_str(), static_cast<unsigned long long>(done),
                   static_cast<unsigned long long>(total), 100.0 * static_cast<double>(done) / static_cast<double>(total));
    } else {
      std::fprintf(stderr, "\r\033[K%s…", stage.c_str());
    }
    std::fflush(stderr);
    shown_ = true;
  }

  void done() {
    if (!shown_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    shown_ = false;
    stage_.clear();
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::string stage_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace copydesk::cli
