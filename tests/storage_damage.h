#pragma once
// Damages a real store the way a failing disk does, for the storage-fault tests: the events
// column family is flushed into SST files, and one byte in the middle of the largest of them
// is flipped (inside a data block, so its checksum no longer matches). Header-only.
#include <rocksdb/db.h>
#include <rocksdb/metadata.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "infra/database.h"
#include "infra/event_store.h"

namespace istihdam::testing {

// Appends `count` events (a multiple of 100) of 200 pseudo-random bytes each, 100 to a stream,
// so that the events' SST file has many data blocks for CorruptLargestSst to hit. False when an
// append is refused.
inline bool AppendIncompressible(EventStore& store, std::uint64_t count) {
  std::uint32_t seed = 42;
  for (std::uint64_t i = 0; i < count; i += 100) {
    AppendRequest req;
    req.streams.push_back({"s-" + std::to_string(i / 100), ExpectedVersion::NoStream(), {}});
    for (int j = 0; j < 100; ++j) {
      std::string payload(200, '\0');
      for (auto& c : payload) c = static_cast<char>((seed = seed * 1664525u + 1013904223u) >> 24);
      req.streams[0].events.push_back(NewEvent{"TestEvent", 1, std::move(payload)});
    }
    if (!store.Append(std::move(req)).ok()) return false;
  }
  return true;
}

// `dir` must not be open in any process. Returns the damaged file's path and the number of
// SST files of the family. Throws std::runtime_error when there is nothing to damage.
inline std::string CorruptLargestSst(const std::string& dir, const std::string& family = cf::kEvents) {
  std::string path;
  {
    auto db = Database::Open(dir);
    if (!db.ok()) throw std::runtime_error("open " + dir + ": " + db.error().detail);
    auto* handle = (*db)->Family(family);
    auto st = (*db)->db()->Flush(rocksdb::FlushOptions(), handle);
    if (!st.ok()) throw std::runtime_error("flush: " + st.ToString());
    std::vector<rocksdb::LiveFileMetaData> files;
    (*db)->db()->GetLiveFilesMetaData(&files);
    std::uint64_t largest = 0;
    for (const auto& f : files) {
      if (f.column_family_name == family && f.size > largest) {
        largest = f.size;
        path = f.db_path + f.name;  // name starts with '/'
      }
    }
  }
  if (path.empty()) throw std::runtime_error("no SST file of " + family + " in " + dir);
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(0, std::ios::end);
  const auto middle = static_cast<std::streamoff>(file.tellg()) / 2;
  char byte = 0;
  file.seekg(middle);
  file.read(&byte, 1);
  byte = static_cast<char>(byte ^ 0x5a);
  file.seekp(middle);
  file.write(&byte, 1);
  if (!file) throw std::runtime_error("cannot write " + path);
  return path;
}

}  // namespace istihdam::testing
