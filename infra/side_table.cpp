#include "infra/side_table.h"

#include <utility>

namespace istihdam {

SideTable::SideTable(Database* db, std::string family, std::string key_prefix)
    : db_(db), family_(std::move(family)), prefix_(std::move(key_prefix)) {}

bool SideTable::Get(const std::string& key, std::string* value) const {
  return db_->Get(db_->Family(family_), prefix_ + key, value);
}

Status SideTable::PutDurably(const std::string& key, const std::string& value) {
  rocksdb::WriteOptions wo;
  wo.sync = true;
  auto st = db_->db()->Put(wo, db_->Family(family_), prefix_ + key, value);
  if (!st.ok()) return Error::Of(errc::kStoreFailed, family_ + " row: " + st.ToString());
  return Status::Ok();
}

ExtraWrite SideTable::Write(const std::string& key,
                            std::function<std::string(const AppendResult&)> value) const {
  return ExtraWrite{family_, prefix_ + key, std::move(value)};
}

ExtraWrite SideTable::Remove(const std::string& key) const {
  return ExtraWrite{family_, prefix_ + key, nullptr, true, [count = removals_] { count->fetch_add(1); }};
}

SideTables::SideTables(Database* db)
    : credentials(db, cf::kCredentials),
      sessions(db, cf::kSessions),
      password_resets(db, cf::kResets),
      meta(db, rocksdb::kDefaultColumnFamilyName, "meta/") {}

}  // namespace istihdam
