#pragma once
// The server's C++ sources as text, for tests that check the code itself (docs_test.cpp,
// layers_test.cpp). ISTIHDAM_SOURCE_DIR is the checkout (tests/CMakeLists.txt).
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace istihdam::testing {

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Calls fn(path relative to the source root, text) for every C++ file of the server.
inline void ForEachServerSource(
    const std::function<void(const std::string&, const std::string&)>& fn) {
  const std::filesystem::path root(ISTIHDAM_SOURCE_DIR);
  for (const char* dir : {"aggregates", "commands", "events", "http", "infra", "projections"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir)) {
      const auto ext = entry.path().extension();
      if (ext != ".cpp" && ext != ".h") continue;
      fn(std::filesystem::relative(entry.path(), root).string(), ReadFile(entry.path()));
    }
  }
}

}  // namespace istihdam::testing
