#pragma once
// Confidential streams (X-25, OEB-6, Regulation art. 15(3); docs/events.md "Kafka"): the one
// place that names which streams are confidential, and the redacted form of their events for
// the general Kafka topic. With Kafka, a confidential stream's events go in full to the
// confidential topic and, at the same position, redacted to the general topic: the envelope
// unchanged except "data": {} and "redacted": true (so replicas keep gap-free positions; the
// record's hash verifies only against the confidential copy).
#include <array>
#include <string>
#include <string_view>

namespace istihdam {

// Stream-name prefixes of confidential streams: private employment agencies' period reports.
inline constexpr std::array<std::string_view, 1> kConfidentialStreamPrefixes = {"period-report-"};

bool IsConfidentialStream(std::string_view stream);

// The redacted form of an event's JSON (EventRegistry::ToJson, serialized): every member kept,
// in order, except "data" (now {}) and "redacted": true added. Throws std::invalid_argument when
// `event_json` is not a JSON object.
std::string RedactEventJson(std::string_view event_json);

}  // namespace istihdam
