#pragma once
// What every command handler uses: the services, cached aggregate loading, id allocation and
// Execute() — decide, then append atomically with the idempotency record, retrying a lost
// optimistic-concurrency race when the client did not pin a version.
#include <boost/json/object.hpp>

#include <array>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "events/codec.h"
#include "infra/clock.h"
#include "infra/config.h"
#include "infra/event_store.h"
#include "infra/metrics.h"
#include "infra/reference_data.h"
#include "infra/stream_reader.h"

namespace istihdam {

// An aggregate's state and the stream version it reflects.
template <class State>
struct Loaded {
  State state;
  std::uint64_t version = 0;
};

// Loads aggregate state by folding its stream (the local store, or a read replica's copy of
// the log); keeps the `capacity` most recently used states in memory (least recently used out
// first; 0 keeps none) and only reads the events appended since. Thread-safe. State must be
// copyable; Apply(State, const Variant&) must be pure.
template <class State, class Variant>
class Repository {
 public:
  using Loaded = istihdam::Loaded<State>;
  explicit Repository(StreamReader* store, std::size_t capacity = 10'000)
      : store_(store), capacity_(capacity) {}

  Loaded Load(const std::string& stream) {
    Loaded l;
    {
      std::lock_guard lock(mu_);
      auto it = cache_.find(stream);
      if (it != cache_.end()) {
        l = it->second.loaded;
        recent_.splice(recent_.begin(), recent_, it->second.recent);
      }
    }
    // When the stream's head equals the cached version there is nothing to read (the common
    // case on hot paths such as session checks; the event store keeps heads in memory).
    if (l.version != 0 && store_->StreamVersion(stream) == l.version) return l;
    const auto fresh = store_->ReadStream(stream, l.version + 1);
    if (fresh.empty()) return l;
    for (const auto& rec : fresh) {
      if (auto e = events::Decode<Variant>(rec)) l.state = Apply(std::move(l.state), *e);
      l.version = rec.version;
    }
    Keep(stream, l);
    return l;
  }

  // The state as of log position `position`: the stream's events up to it only (as-of reads,
  // docs/audit.md). Not cached. Version 0 when the stream had no event by then.
  Loaded LoadAsOf(const std::string& stream, std::uint64_t position) {
    Loaded l;
    for (const auto& rec : store_->ReadStream(stream, 1)) {
      if (rec.position > position) break;  // a stream's positions grow with its versions
      if (auto e = events::Decode<Variant>(rec)) l.state = Apply(std::move(l.state), *e);
      l.version = rec.version;
    }
    return l;
  }

  // States held in memory now (at most the capacity).
  std::size_t CachedStates() {
    std::lock_guard lock(mu_);
    return cache_.size();
  }

 private:
  struct Entry {
    Loaded loaded;
    std::list<std::string>::iterator recent;  // its place in recent_
  };

  void Keep(const std::string& stream, const Loaded& l) {
    std::lock_guard lock(mu_);
    if (capacity_ == 0) return;
    auto it = cache_.find(stream);
    if (it != cache_.end()) {
      if (it->second.loaded.version < l.version) it->second.loaded = l;
      return;
    }
    if (cache_.size() >= capacity_) {
      cache_.erase(recent_.back());
      recent_.pop_back();
    }
    recent_.push_front(stream);
    cache_.emplace(stream, Entry{l, recent_.begin()});
  }

  StreamReader* store_;
  std::size_t capacity_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> cache_;
  std::list<std::string> recent_;  // most recently used first
};

// One mutex per key, for commands that take the next number of a gap-free sequence (TYP
// numbers, declaration numbers): holding the key's lock around Execute makes the read of the
// highest number and the append one step on this (single) write node, so concurrent commands
// queue instead of racing for the same number and exhausting Execute's retries. Keys are
// hashed onto a fixed set of mutexes; two keys may share one, which only serialises more.
class SequenceLocks {
 public:
  std::unique_lock<std::mutex> Hold(const std::string& key);

 private:
  std::array<std::mutex, 16> mu_;
};

// Allocates stable numeric ids ("employer-2000000001" -> "2000000001"), 10 digits, one
// sequence per stream prefix, continuing after the highest stream that exists. Uniqueness is
// still enforced by appending with "no stream". Thread-safe.
class IdAllocator {
 public:
  explicit IdAllocator(EventStore* store) : store_(store) {}
  std::string Next(const std::string& stream_prefix, std::uint64_t first);

 private:
  EventStore* store_;
  std::mutex mu_;
  std::map<std::string, std::uint64_t> next_;
};

// What a command answers once its events are stored: the fields of the answer (the HTTP edge
// gives them their declared shape and status), without "position", which Execute adds.
struct Outcome {
  boost::json::object body;
};

// A decided command: the events to append and how to answer once they are stored.
struct Decision {
  AppendRequest append;
  std::function<Outcome(const AppendResult&)> reply;
  std::vector<ExtraWrite> extra;
  // A version conflict on one of these streams is a domain refusal, not a race: e.g.
  // {"tckn-…" -> already_registered}.
  std::map<std::string, Error> conflict_codes;
};

// Where the caller keeps a command's answer for repeated requests (an Idempotency-Key): Execute
// writes `render(answer)` at `key` of `family` in the same atomic batch as the events, so the
// record exists exactly when they do. The caller owns the format.
struct AnswerRecord {
  std::string family;
  std::string key;
  std::function<std::string(const boost::json::object& answer)> render;
};

// Per-request command metadata, filled by the HTTP edge.
struct CommandEnv {
  EventMetadata meta;
  std::optional<AnswerRecord> record;  // when the request had an Idempotency-Key
  bool pinned_version = false;  // the client sent If-Match: conflicts are 412, not retried
};

struct Services;

// Runs `decide` and appends its events. On a version conflict: an entry of conflict_codes
// wins; otherwise 412 "version_mismatch" when the client pinned the version, else decide
// runs again after a short random pause that grows with each lost race (up to 10 attempts,
// about 0.1 s of pauses at most; then 409 concurrency_conflict). A decision with no events
// appends nothing and answers at the current position.
Result<Outcome> Execute(Services& s, const CommandEnv& env, const std::string& command,
                      const std::function<Result<Decision>()>& decide);

// Reservation stream for a natural key: "<kind>-<keyed hash of value>", so that TCKNs and tax
// numbers never appear in stream ids (which travel to Kafka keys and audit views).
std::string ReservationStream(Services& s, const std::string& kind, const std::string& value);

// Adds one typed event list to an append request.
template <class Variant>
void AddStream(AppendRequest& req, std::string stream, ExpectedVersion expected,
               const std::vector<Variant>& evs) {
  StreamAppend sa{std::move(stream), expected, {}};
  for (const auto& e : evs) sa.events.push_back(events::EncodeVariant(e));
  req.streams.push_back(std::move(sa));
}
template <class E>
void AddEvent(AppendRequest& req, std::string stream, ExpectedVersion expected, const E& e) {
  req.streams.push_back(StreamAppend{std::move(stream), expected, {events::Encode(e)}});
}

}  // namespace istihdam
