// libFuzzer target: the RFC 4180 CSV reader (infra/reference_data.h ParseCsv), which reads
// the workforce schedule's bulk personnel form (text/csv uploads). Any bytes must parse
// without crashing, and the rows must survive a round trip: written back with every field
// quoted, they parse to the same rows.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "infra/reference_data.h"

namespace {

std::string WriteCsv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += '"';
      for (char c : row[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto rows = istihdam::ParseCsv(text);
  std::size_t bytes = 0;
  for (const auto& row : rows) {
    if (row.empty()) std::abort();  // a row has at least one field
    for (const auto& f : row) bytes += f.size();
  }
  if (bytes > text.size()) std::abort();  // fields are made of input bytes
  if (istihdam::ParseCsv(WriteCsv(rows)) != rows) std::abort();
  return 0;
}
