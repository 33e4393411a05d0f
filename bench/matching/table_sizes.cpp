// The size of every column family of a stopped server's data directory (bench/README.md
// "Matching"): flushes the memtables first, so that what the write-ahead log still held is
// counted, then prints one line per family: name, SST bytes, estimated keys, and bytes per key.
// Usage: table_sizes DATA_DIR
#include <rocksdb/db.h>

#include <cstdio>

#include "infra/database.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: table_sizes DATA_DIR\n");
    return 2;
  }
  auto db = istihdam::Database::Open(argv[1]);
  if (!db.ok()) {
    std::fprintf(stderr, "table_sizes: %s\n", db.error().detail.c_str());
    return 1;
  }
  auto& database = **db;
  std::printf("%-48s %14s %12s %10s\n", "column family", "SST bytes", "keys (est.)", "bytes/key");
  for (const auto& name : database.FamilyNames()) {
    auto* cf = database.Family(name);
    if (auto st = database.db()->Flush(rocksdb::FlushOptions(), cf); !st.ok()) {
      std::fprintf(stderr, "table_sizes: flush %s: %s\n", name.c_str(), st.ToString().c_str());
      return 1;
    }
    std::uint64_t bytes = 0, keys = 0;
    database.db()->GetIntProperty(cf, "rocksdb.total-sst-files-size", &bytes);
    database.db()->GetIntProperty(cf, "rocksdb.estimate-num-keys", &keys);
    std::printf("%-48s %14llu %12llu %10.1f\n", name.c_str(), static_cast<unsigned long long>(bytes),
                static_cast<unsigned long long>(keys), keys ? static_cast<double>(bytes) / keys : 0.0);
  }
  return 0;
}
