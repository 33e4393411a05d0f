#pragma once
// Reference data — provinces and their districts: the answers of the API.
#include <string>

#include "http/wire.h"

namespace istihdam::http::contract::reference {

using wire::F;

struct ProvinceDoc {
  std::string code, name;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code).describe("plate code 01-81"), F("name", name));
  }
};

struct DistrictDoc {
  std::string name;
  template <class A>
  void serialize(A& ar) {
    ar(F("name", name));
  }
};

struct DistrictList {
  std::string province;
  wire::PageOf<DistrictDoc> list;
  template <class A>
  void serialize(A& ar) {
    ar(F("province", province));
    list.serialize(ar);
  }
};

}  // namespace istihdam::http::contract::reference
