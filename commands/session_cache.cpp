#include "commands/session_cache.h"

#include <functional>

namespace istihdam {

SessionCache::Shard& SessionCache::ShardOf(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

std::shared_ptr<const CachedSession> SessionCache::Find(const std::string& key) {
  auto& shard = ShardOf(key);
  std::lock_guard lock(shard.mu);
  auto it = shard.map.find(key);
  return it == shard.map.end() ? nullptr : it->second;
}

void SessionCache::Keep(const std::string& key, CachedSession entry) {
  if (per_shard_ == 0) return;
  auto& shard = ShardOf(key);
  std::lock_guard lock(shard.mu);
  if (shard.map.size() >= per_shard_ && !shard.map.contains(key)) shard.map.clear();
  shard.map.insert_or_assign(key, std::make_shared<const CachedSession>(std::move(entry)));
}

std::size_t SessionCache::Entries() {
  std::size_t n = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mu);
    n += shard.map.size();
  }
  return n;
}

}  // namespace istihdam
