#pragma once
// The side tables: rows that are not events but are written with them (credentials, sessions,
// password-reset tokens) or beside them (the installation's meta rows). Command handlers read
// and write them through these named tables and never see a column family or RocksDB.
// Key layouts: docs/storage.md.
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "infra/database.h"
#include "infra/event_store.h"
#include "infra/result.h"

namespace istihdam {

// One side table: a column family, and a prefix its keys share in that family. Thread-safe.
class SideTable {
 public:
  // `db` must outlive the table.
  SideTable(Database* db, std::string family, std::string key_prefix = "");

  // Point read: false when absent; throws StoreError when the row cannot be read.
  bool Get(const std::string& key, std::string* value) const;
  // Writes one row on its own, synced. Errors: "store_failed".
  Status PutDurably(const std::string& key, const std::string& value);
  // The row written (or deleted) in the same batch as an append's events; `value` is
  // computed once the positions are known.
  ExtraWrite Write(const std::string& key, std::function<std::string(const AppendResult&)> value) const;
  ExtraWrite Remove(const std::string& key) const;
  // How many rows Remove() has deleted in committed batches since the process started (a copy
  // of the table shares the count): caches of the table's rows compare it to notice deletions.
  std::uint64_t Removals() const { return removals_->load(); }

 private:
  Database* db_;
  std::string family_;
  std::string prefix_;
  std::shared_ptr<std::atomic<std::uint64_t>> removals_ = std::make_shared<std::atomic<std::uint64_t>>(0);
};

// The side tables of one database. `db` must outlive them.
struct SideTables {
  explicit SideTables(Database* db);

  SideTable credentials;      // user or staff id -> credentials record
  SideTable sessions;         // SHA-256 of a bearer token -> session record
  SideTable password_resets;  // SHA-256 of a reset token -> reset row
  SideTable meta;             // "installation-secret", "last-unknown-login"
};

}  // namespace istihdam
