#pragma once
// Events of the occupation dictionary (stream "occupations"). DOMAIN.md §2.1.8 (OCC-3): the
// ISCO-08 tree is reference data (data/isco08.csv); the national 6-digit occupations below its
// unit groups are recorded here, one event per occupation added or renamed.
#include <cstdint>
#include <string>
#include <variant>

#include "events/codec.h"

namespace istihdam::events {

// A national occupation was added to the dictionary or its names changed. `parentCode` is the
// ISCO-08 unit group (the code's first 4 digits). `nameEn` is "" when the source has none.
struct OccupationUpserted {
  static constexpr const char* kType = "OccupationUpserted";
  std::string code;  // 6 digits
  std::string parent_code;
  std::string name_tr;
  std::string name_en;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("code", code), F("parentCode", parent_code), F("nameTr", name_tr), F("nameEn", name_en));
  }
  bool operator==(const OccupationUpserted&) const = default;
};

using OccupationEvent = std::variant<OccupationUpserted>;

}  // namespace istihdam::events
