#include "infra/database.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include <algorithm>

#include "infra/rocksdb_log.h"

namespace istihdam {

StoreError StoreErrorOf(const rocksdb::Status& status, const std::string& context) {
  return StoreError(status.IsCorruption() ? "store_corrupted" : "store_failed",
                    context + ": " + status.ToString());
}

void CheckIterator(const rocksdb::Iterator& it, const std::string& context) {
  if (!it.status().ok()) throw StoreErrorOf(it.status(), context);
}

namespace {

// RocksDB says "While lock file: <dir>/LOCK: Resource temporarily unavailable" when another
// process has the directory open; operators need to know which kind of process that is.
bool IsLockConflict(const rocksdb::Status& st) {
  return st.IsIOError() && st.ToString().find("/LOCK") != std::string::npos;
}

}  // namespace

std::string EncodeU64(std::uint64_t v) {
  std::string s(8, '\0');
  for (int i = 7; i >= 0; --i) {
    s[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return s;
}

std::uint64_t DecodeU64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& dir) {
  std::unique_ptr<Database> self(new Database());
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.compression = rocksdb::kLZ4Compression;
  options.bottommost_compression = rocksdb::kZSTD;
  options.IncreaseParallelism(2);
  options.max_open_files = 512;
  // One bound for the memtables of all column families together (there are about 60: the
  // fixed ones and every read-model table). Without it each family may hold up to two 64 MiB
  // memtables before it flushes, and a long run's RSS climbs towards gigabytes; with it, the
  // family with the largest memtable is flushed once the total passes 128 MiB.
  options.db_write_buffer_size = 128 << 20;
  options.info_log = MakeRocksDbLogger();  // not a LOG file in `dir` (infra/rocksdb_log.h)
  rocksdb::BlockBasedTableOptions table;
  // Index and filter blocks live in the block cache too, so the cache's 64 MiB bounds them
  // (outside it they grow with the data: one table reader's index and filter per open SST
  // file). They are kept in its high-priority pool, and level-0 files' blocks are pinned, so
  // data blocks are evicted first (the LRU cache's default high-priority pool is half of it).
  self->block_cache_ = rocksdb::NewLRUCache(64 << 20);
  table.block_cache = self->block_cache_;
  table.cache_index_and_filter_blocks = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // Index and filter partitioned into 4 KiB blocks, with only their small top level pinned:
  // a whole-file index or filter of a large table file is megabytes (2.4 MiB index, 2.2 MiB
  // filter at 3 M events), more than one 1 MiB shard of the 64 MiB cache holds, so it could
  // not stay cached and every point read re-read and re-parsed it (bench/README.md "Scale").
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  table.partition_filters = true;
  table.metadata_block_size = 4096;
  table.pin_top_level_index_and_filter = true;
  self->cf_options_ = rocksdb::ColumnFamilyOptions(options);
  self->cf_options_.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  std::vector<std::string> names;
  rocksdb::Status st = rocksdb::DB::ListColumnFamilies(options, dir, &names);
  if (!st.ok()) names = {rocksdb::kDefaultColumnFamilyName};
  for (const char* fixed : {cf::kEvents, cf::kStreams, cf::kCredentials, cf::kSessions,
                            cf::kIdempotency, cf::kCheckpoints, cf::kResets}) {
    if (std::find(names.begin(), names.end(), fixed) == names.end()) names.push_back(fixed);
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& n : names) descriptors.emplace_back(n, self->cf_options_);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  st = rocksdb::DB::Open(options, dir, descriptors, &handles, &raw);
  if (IsLockConflict(st)) {
    return Error::Of(errc::kStoreLocked, "the data directory " + dir +
                                         " is in use by another istihdam process (a server, or an offline "
                                         "command such as verify, events, rebuild or staff add); stop it first (" +
                                         st.ToString() + ")");
  }
  if (!st.ok()) {
    const bool full = st.IsNoSpace() || st.ToString().find("No space left") != std::string::npos;
    return Error::Of(errc::kStoreOpenFailed, "cannot open the data directory " + dir + ": " +
                                              (full ? "the disk is full; free space and start again (" : "(") +
                                              st.ToString() + ")");
  }
  self->db_.reset(raw);
  for (std::size_t i = 0; i < names.size(); ++i) self->families_[names[i]] = handles[i];
  return self;
}

Database::~Database() {
  for (auto& [name, h] : families_) db_->DestroyColumnFamilyHandle(h);
  families_.clear();
  if (db_) db_->Close().PermitUncheckedError();
}

rocksdb::ColumnFamilyHandle* Database::Family(const std::string& name) {
  std::lock_guard lock(mu_);
  auto it = families_.find(name);
  if (it != families_.end()) return it->second;
  rocksdb::ColumnFamilyHandle* h = nullptr;
  rocksdb::Status st = db_->CreateColumnFamily(cf_options_, name, &h);
  if (!st.ok()) throw std::runtime_error("create column family " + name + ": " + st.ToString());
  families_[name] = h;
  return h;
}

rocksdb::ColumnFamilyHandle* Database::FindFamily(const std::string& name) {
  std::lock_guard lock(mu_);
  auto it = families_.find(name);
  return it == families_.end() ? nullptr : it->second;
}

Database::Memory Database::MemoryUsage() {
  Memory m;
  std::uint64_t v = 0;
  if (db_->GetAggregatedIntProperty("rocksdb.cur-size-all-mem-tables", &v)) m.memtables = v;
  if (db_->GetAggregatedIntProperty("rocksdb.estimate-table-readers-mem", &v)) m.table_readers = v;
  m.block_cache = block_cache_->GetUsage();
  m.block_cache_pinned = block_cache_->GetPinnedUsage();
  return m;
}

std::vector<std::string> Database::FamilyNames() {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (auto& [name, h] : families_) out.push_back(name);
  return out;
}

void Database::Drop(const std::string& name) {
  std::lock_guard lock(mu_);
  auto it = families_.find(name);
  if (it == families_.end()) return;
  db_->DropColumnFamily(it->second).PermitUncheckedError();
  db_->DestroyColumnFamilyHandle(it->second);
  families_.erase(it);
}

bool Database::Get(rocksdb::ColumnFamilyHandle* family, const rocksdb::Slice& key,
                   std::string* value) {
  rocksdb::Status st = db_->Get(rocksdb::ReadOptions(), family, key, value);
  if (st.IsNotFound()) return false;
  if (!st.ok()) throw StoreErrorOf(st, "read of " + family->GetName());
  return true;
}

}  // namespace istihdam
