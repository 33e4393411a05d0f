// A test fixture: a TestStore and a few workplace events appended to it (one registration, then
// address updates), for the as-of replay and snapshot tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "events/workplaces.h"
#include "tests/test_util.h"

namespace istihdam::testing {

inline std::string WorkplaceStreamOf(const std::string& id) { return "workplace-" + id; }

class WorkplaceLog : public ::testing::Test {
 protected:
  // Appends to workplace `id`'s stream; its last position (0 when refused, the test fails).
  std::uint64_t Append(const std::string& id, NewEvent e) {
    auto r = ts_.store().Append(OneStream(WorkplaceStreamOf(id), ExpectedVersion::Any(), {std::move(e)}));
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->last_position : 0;
  }
  std::uint64_t Register(const std::string& id, const std::string& address) {
    events::WorkplaceRegistered r{id, "E1", "", "Anadolu " + id, "1", "2", "34", "headquarters", "", {}};
    r.info.district = "Kadıköy";
    r.info.address = address;
    return Append(id, events::Encode(r));
  }
  std::uint64_t Update(const std::string& id, const std::string& address) {
    events::WorkplaceInfoUpdated u{id, {}, {"address"}};
    u.info.district = "Kadıköy";
    u.info.address = address;
    return Append(id, events::Encode(u));
  }

  TestStore ts_;
};

}  // namespace istihdam::testing
