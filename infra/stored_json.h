#pragma once
// JSON documents kept in RocksDB (read-model rows, idempotency records): parsed on every read,
// written by projectors. Rows written by older versions may hold bytes that are not UTF-8
// (text the input boundaries did not refuse then); reading them must not fail, and a
// projection rebuild writes them back clean.
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace istihdam {

// Parses a stored document. Bytes that are not UTF-8 read as U+FFFD; the first such document
// of each `table` is logged once per process (a warning naming the table, suggesting a
// projection rebuild), not once per request. Throws boost::system::system_error when `doc`
// is not JSON at all (a corrupt row is a bug, not input).
boost::json::value ParseStoredJson(std::string_view doc, std::string_view table);

// Serializes a document to store: strings that are not UTF-8 (from an event written before
// the log refused them) are stored with U+FFFD instead, so rebuilt read models are clean.
std::string SerializeStoredJson(const boost::json::value& doc);

}  // namespace istihdam
