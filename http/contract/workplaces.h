#pragma once
// Workplaces — "İşveren Bilgileri" (EMP-1..EMP-4): bodies, query strings and answers.
#include <cstdint>
#include <string>
#include <vector>

#include "events/workplaces.h"
#include "http/wire.h"

namespace istihdam::http::contract::workplaces {

using wire::F;

inline constexpr const char* kContactTypes[] = {"phone", "mobile", "fax", "email", "web"};

struct Contact {
  std::string type, value;
  template <class A>
  void serialize(A& ar) {
    ar(F("type", type).oneOf(kContactTypes), F("value", value));
  }
};

struct RelatedPerson {
  std::string name, title, phone, email;
  template <class A>
  void serialize(A& ar) {
    ar(F("name", name), F("title", title), F("phone", phone), F("email", email));
  }
};

// The sections of the update wizard (EMP-2); registration requires district and address.
struct Info {
  std::string district, address, postal_code, phone, email, activity, other_info;
  std::vector<Contact> contacts;
  std::vector<RelatedPerson> related_persons;

  template <class A>
  void Fields(A& ar, bool registering) {
    auto district_field = F("district", district);
    auto address_field = F("address", address).text();
    if (registering) {
      district_field.is_required = address_field.is_required = true;  // the command checks them
      district_field.checked_by_command = address_field.checked_by_command = true;
    }
    ar(std::move(district_field), std::move(address_field), F("postalCode", postal_code), F("phone", phone),
       F("email", email), F("activity", activity).text(), F("contacts", contacts),
       F("relatedPersons", related_persons), F("otherInfo", other_info).text());
  }
  events::WorkplaceInfo ToEvent() const {
    events::WorkplaceInfo info{district, address, postal_code, phone, email, activity, {}, {}, other_info};
    for (const auto& c : contacts) info.contacts.push_back({c.type, c.value});
    for (const auto& p : related_persons) info.related_persons.push_back({p.name, p.title, p.phone, p.email});
    return info;
  }
};

struct NewWorkplace {
  std::string title, sgk_no, tax_no, province;
  Info info;
  template <class A>
  void serialize(A& ar) {
    ar(F("title", title).requiredByCommand(), F("sgkNo", sgk_no).requiredByCommand(), F("taxNo", tax_no),
       F("province", province).requiredByCommand().from(wire::lists::kProvinces));
    info.Fields(ar, true);
  }
};

// The document GET returned, with changes; its identity fields and version are ignored.
struct WorkplaceChanges {
  Info info;
  template <class A>
  void serialize(A& ar) {
    info.Fields(ar, false);
  }
};

struct WorkplaceRow {
  std::string id, title, sgk_no, tax_no, province, district, headquarters_id;
  bool headquarters = false;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("title", title), F("sgkNo", sgk_no), F("taxNo", tax_no), F("province", province),
       F("district", district), F("headquarters", headquarters), F("headquartersId", headquarters_id));
  }
};

struct WorkplaceView {
  WorkplaceRow row;
  std::string employer_id, iskur_no;
  std::uint64_t version = 0;
  Info info;
  template <class A>
  void serialize(A& ar) {
    row.serialize(ar);
    ar(F("employerId", employer_id), F("iskurNo", iskur_no), F("version", version));
    info.Fields(ar, false);
  }
};

struct WorkplaceRegistered {
  std::string id, headquarters_id;
  bool headquarters = false;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("headquarters", headquarters), F("headquartersId", headquarters_id), F("version", version),
       F("position", position));
  }
};

struct WorkplaceQuery : wire::Paging {
  std::string title, sgk_no, tax_no;
  template <class A>
  void serialize(A& ar) {
    ar(F("title", title).describe("part of the title, any case"), F("sgkNo", sgk_no), F("taxNo", tax_no));
    Paging::serialize(ar);
  }
};

}  // namespace istihdam::http::contract::workplaces
