#include "http/cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace istihdam::cli {

Progress::Progress(std::string label) : label_(std::move(label)), tty_(isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  if (drawn_) std::fputc('\n', stderr);
}

void Progress::Update(std::uint64_t done, std::uint64_t total) {
  if (!tty_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  const double pct = total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0;
  std::fprintf(stderr, "\r%s: %llu / %llu (%.1f%%)", label_.c_str(), static_cast<unsigned long long>(done),
               static_cast<unsigned long long>(total), pct);
  std::fflush(stderr);
}

}  // namespace istihdam::cli
