#pragma once
// Every row of one column family, for offline maintenance commands (the store is not served
// meanwhile, so the rows cannot change under the caller).
#include <string>
#include <utility>
#include <vector>

#include "infra/database.h"

namespace istihdam {

// The (key, value) rows of `family` in key order; none when the family does not exist. Throws
// StoreError when the family cannot be read to its end.
std::vector<std::pair<std::string, std::string>> ReadFamily(Database& db, const std::string& family);

}  // namespace istihdam
