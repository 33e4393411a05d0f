#pragma once
// Helpers shared by the unit tests: a temporary directory, an event store on it with a fixed
// clock, and a few builders. Header-only.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/database.h"
#include "infra/event_store.h"
#include "infra/reference_data.h"

namespace istihdam {

// Readable failure messages for field errors.
inline void PrintTo(const FieldError& e, std::ostream* os) {
  *os << "{" << e.field << ", " << e.code << "}";
}

}  // namespace istihdam

namespace istihdam::testing {

// 2026-01-15T09:00:00Z: the time every test clock starts at.
inline constexpr Micros kT0 = 1'768'467'600'000'000LL;

// A fresh directory under /tmp, removed with everything in it when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = "/tmp/istihdam-test-XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Calls crypto::Init() (idempotent); every test touching hashes or ids goes through here.
inline void InitCrypto() { crypto::Init(); }

// A Database and an EventStore in their own temporary directory, with a ManualClock at kT0.
// Close() and Open() let a test restart the store on the same files.
class TestStore {
 public:
  explicit TestStore(EventStore::Options options = EventStore::Options{.sync = false})
      : options_(options) {
    InitCrypto();
    Open();
  }
  ~TestStore() { Close(); }

  void Open() {
    auto db = Database::Open(dir_.path());
    if (!db.ok()) throw std::runtime_error("open database: " + db.error().detail);
    db_ = std::move(db).value();
    store_ = std::make_unique<EventStore>(db_.get(), &clock_, nullptr, options_);
  }
  // Closes the store and the database (the files stay).
  void Close() {
    store_.reset();
    db_.reset();
  }
  void Reopen() {
    Close();
    Open();
  }

  EventStore& store() { return *store_; }
  Database& db() { return *db_; }
  ManualClock& clock() { return clock_; }
  const std::string& path() const { return dir_.path(); }

 private:
  TempDir dir_;
  ManualClock clock_{kT0};
  EventStore::Options options_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<EventStore> store_;
};

// The reference data shipped in data/, loaded once per process.
inline const ReferenceData& TestReferenceData() {
  static const ReferenceData ref = [] {
    auto r = ReferenceData::Load(ISTIHDAM_SOURCE_DIR "/data");
    if (!r.ok()) throw std::runtime_error("reference data: " + r.error().detail);
    return std::move(r).value();
  }();
  return ref;
}

// A raw event with a recognisable payload.
inline NewEvent RawEvent(const std::string& payload, const std::string& type = "TestEvent") {
  return NewEvent{type, 1, payload};
}

// A request appending `events` to one stream.
inline AppendRequest OneStream(const std::string& stream, ExpectedVersion expected,
                               std::vector<NewEvent> events, EventMetadata meta = {}) {
  AppendRequest req;
  req.streams.push_back(StreamAppend{stream, expected, std::move(events)});
  req.meta = std::move(meta);
  return req;
}

}  // namespace istihdam::testing
