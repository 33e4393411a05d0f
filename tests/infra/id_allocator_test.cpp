// IdAllocator continues after the highest numbered stream of its prefix, even when longer
// prefixes share it ("staff-" and the reservation streams "staff-tckn-…"): a second
// `istihdam staff add` in a new process used to get the first id again.
#include "commands/command_context.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::RawEvent;
using testing::TestStore;

TEST(IdAllocatorTest, ContinuesAfterTheHighestNumberedStreamIgnoringLongerPrefixes) {
  TestStore ts;
  for (const char* stream : {"staff-9000000001", "staff-9000000002", "staff-tckn-ffee0011"}) {
    ASSERT_TRUE(ts.store().Append(OneStream(stream, ExpectedVersion::NoStream(), {RawEvent("x")})).ok());
  }
  IdAllocator fresh(&ts.store());  // as in a new process
  EXPECT_EQ(fresh.Next("staff-", 9'000'000'001), "9000000003");
  EXPECT_EQ(fresh.Next("staff-", 9'000'000'001), "9000000004");
  EXPECT_EQ(fresh.Next("employer-", 2'000'000'001), "2000000001");
}

}  // namespace
}  // namespace istihdam
