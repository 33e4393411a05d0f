#include "infra/stored_json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "infra/text.h"

namespace istihdam {

boost::json::value ParseStoredJson(std::string_view doc, std::string_view table) {
  if (IsValidUtf8(doc)) return boost::json::parse(doc);
  // Bytes >= 0x80 are never JSON syntax, so replacing them keeps the document's structure.
  return boost::json::parse(ToValidUtf8Logged(doc, "read model " + std::string(table)));
}

std::string SerializeStoredJson(const boost::json::value& doc) {
  std::string out = boost::json::serialize(doc);
  if (!IsValidUtf8(out)) out = ToValidUtf8(out);
  return out;
}

}  // namespace istihdam
