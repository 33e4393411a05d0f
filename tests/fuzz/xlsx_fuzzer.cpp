// libFuzzer target: the XLSX reader (infra/xlsx_reader.h) behind the workforce schedule's
// bulk personnel upload. Any bytes (broken ZIPs, bombs, hostile XML) must be read or refused
// with "xlsx_invalid" without crashing, and a grid that is read is dense (all rows as wide
// as the widest) and within the inflate limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "infra/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto grid = istihdam::ReadXlsxFirstSheet(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!grid.ok()) {
    if (grid.error().code != "xlsx_invalid") std::abort();
    return 0;
  }
  std::size_t bytes = 0;
  for (const auto& row : *grid) {
    if (row.size() != grid->front().size()) std::abort();
    for (const auto& cell : row) bytes += cell.size();
  }
  if (bytes > istihdam::kXlsxMaxInflatedBytes) std::abort();
  return 0;
}
