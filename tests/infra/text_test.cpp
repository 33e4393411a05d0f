// infra/text.h: the UTF-8 checks of the input boundaries and the U+FFFD replacement of the
// read side.
#include "infra/text.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "infra/stored_json.h"

namespace istihdam {
namespace {

using namespace std::string_literals;

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8Test, WellFormedTextIsValid) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Fuzz"));
  EXPECT_TRUE(IsValidUtf8("Çağla Doğan, İbrahim Şahin, Gülşen Özkan"));
  EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC"));          // € (3 bytes)
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));      // U+1F600 (4 bytes)
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
  EXPECT_TRUE(IsValidUtf8("a\0b"s));                 // NUL is UTF-8; IsAcceptableText refuses it
}

TEST(Utf8Test, MalformedSequencesAreInvalid) {
  EXPECT_FALSE(IsValidUtf8("Fu\xFF\xFEzz"));         // issue 10's CSV cell
  EXPECT_FALSE(IsValidUtf8("\x80"));                  // a lone continuation byte
  EXPECT_FALSE(IsValidUtf8("\xC3"));                  // truncated at the end
  EXPECT_FALSE(IsValidUtf8("\xC3x"));                 // truncated in the middle
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));          // overlong, 3 bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));      // overlong, 4 bytes
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));          // U+D800, a surrogate
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));          // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
}

TEST(Utf8Test, ToValidUtf8ReplacesEachBadByteAndKeepsTheRest) {
  EXPECT_EQ(ToValidUtf8("Fu\xFF\xFEzz"), "Fu" + kFffd + kFffd + "zz");
  EXPECT_EQ(ToValidUtf8("Gülşen"), "Gülşen");
  EXPECT_EQ(ToValidUtf8("a\xC3"), "a" + kFffd);
  EXPECT_EQ(ToValidUtf8("\xED\xA0\x80!"), kFffd + kFffd + kFffd + "!");
  EXPECT_TRUE(IsValidUtf8(ToValidUtf8("\xC0\xAF\xF5\x80\xE2\x82")));
  EXPECT_EQ(ToValidUtf8Logged("ok", "tests"), "ok");
  EXPECT_EQ(ToValidUtf8Logged("\xFF", "tests"), kFffd);
}

TEST(AcceptableTextTest, ControlCharactersAreRefusedTabAndNewlineOnlyInFreeText) {
  EXPECT_TRUE(IsAcceptableText("Liman Cad. 5, Konak/İzmir"));
  EXPECT_TRUE(IsAcceptableText(""));
  EXPECT_FALSE(IsAcceptableText("3000000001\0"s));
  EXPECT_FALSE(IsAcceptableText("\0"s, TextKind::kMultiline));
  EXPECT_FALSE(IsAcceptableText("a\x01" "b"));
  EXPECT_FALSE(IsAcceptableText("a\x1F" "b"));
  EXPECT_FALSE(IsAcceptableText("a\x7F" "b"));                             // DEL
  EXPECT_FALSE(IsAcceptableText("a\xC2\x85" "b", TextKind::kMultiline));   // U+0085, a C1 control
  EXPECT_TRUE(IsAcceptableText("a\xC2\xA0" "b"));                          // U+00A0 is text
  EXPECT_FALSE(IsAcceptableText("Fu\xFF\xFEzz", TextKind::kMultiline));
  for (const char* ws : {"a\tb", "a\nb", "a\r\nb"}) {
    EXPECT_FALSE(IsAcceptableText(ws, TextKind::kLine)) << ws;
    EXPECT_TRUE(IsAcceptableText(ws, TextKind::kMultiline)) << ws;
  }
}

// A read-model row written before the boundaries refused bad text reads with U+FFFD
// instead of failing the request (issue 10: every read of it answered 500).
TEST(StoredJsonTest, ARowWithBytesThatAreNotUtf8ReadsWithReplacementCharacters) {
  const auto v = ParseStoredJson("{\"firstName\":\"Fu\xFF\xFEzz\",\"n\":1}", "tests");
  EXPECT_EQ(v.at("firstName").as_string(), "Fu" + kFffd + kFffd + "zz");
  EXPECT_EQ(v.at("n").as_int64(), 1);
  EXPECT_EQ(ParseStoredJson(R"({"a":"Gülşen"})", "tests").at("a").as_string(), "Gülşen");
  boost::json::object o;
  o["firstName"] = "Fu\xFF";
  EXPECT_EQ(SerializeStoredJson(o), "{\"firstName\":\"Fu" + kFffd + "\"}");
}

}  // namespace
}  // namespace istihdam
