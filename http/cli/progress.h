#pragma once
// A one-line progress display for long CLI work (verify, rebuild, dump), shown only when
// stderr is a terminal. Not thread-safe.
#include <chrono>
#include <cstdint>
#include <string>

namespace istihdam::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();
  // Redraws at most ten times a second.
  void Update(std::uint64_t done, std::uint64_t total);

 private:
  std::string label_;
  bool tty_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace istihdam::cli
