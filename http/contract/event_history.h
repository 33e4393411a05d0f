#pragma once
// Event history for auditors (docs/events.md): the query string and the JSON page.
#include <cstdint>
#include <vector>

#include "http/contract/common.h"
#include "http/wire.h"

namespace istihdam::http::contract::event_history {

using wire::F;
using common::EventDoc;

// `from` is a log position (the global log) or a stream version (one stream's history).
struct EventQuery : wire::Query {
  std::uint64_t from = 1;
  std::uint64_t limit = 100;
  template <class A>
  void serialize(A& ar) {
    ar(F("from", from).range(0, INT64_MAX).describe("the first position (or stream version) to read"),
       F("limit", limit).range(1, 1000));
  }
};

struct EventPage {
  std::vector<EventDoc> items;
  std::uint64_t next = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("items", items).required(), F("next", next).required().describe("where the next read starts"));
  }
};

}  // namespace istihdam::http::contract::event_history
