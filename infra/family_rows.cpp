#include "infra/family_rows.h"

#include <memory>

#include <rocksdb/db.h>

namespace istihdam {

std::vector<std::pair<std::string, std::string>> ReadFamily(Database& db, const std::string& family) {
  std::vector<std::pair<std::string, std::string>> rows;
  auto* handle = db.FindFamily(family);
  if (!handle) return rows;
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), handle));
  for (it->SeekToFirst(); it->Valid(); it->Next()) rows.emplace_back(it->key().ToString(), it->value().ToString());
  CheckIterator(*it, "the " + family + " family");
  return rows;
}

}  // namespace istihdam
