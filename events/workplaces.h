#pragma once
// Events of the Workplace aggregate (stream "workplace-<workplaceId>"). DOMAIN.md §2.1.3.1.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

struct ContactEntry {
  std::string type;  // phone | mobile | fax | email | web
  std::string value;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("type", type), PII("*value", value));
  }
  bool operator==(const ContactEntry&) const = default;
};

struct RelatedPerson {
  std::string name;
  std::string title;
  std::string phone;
  std::string email;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(PII("*name", name), F("title", title), PII("*phone", phone), PII("*email", email));
  }
  bool operator==(const RelatedPerson&) const = default;
};

// The editable part of a workplace: the five sections of the update wizard (EMP-2).
struct WorkplaceInfo {
  std::string district;
  std::string address;
  std::string postal_code;
  std::string phone;
  std::string email;
  std::string activity;  // free text: what the workplace does
  std::vector<ContactEntry> contacts;
  std::vector<RelatedPerson> related_persons;
  std::string other_info;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("district", district), PII("*address", address), F("postalCode", postal_code),
       PII("*phone", phone), PII("*email", email), F("activity", activity),
       F("contacts", contacts), F("relatedPersons", related_persons), F("otherInfo", other_info));
  }
  bool operator==(const WorkplaceInfo&) const = default;
};

// EMP-3. `role` is "headquarters" or "branch"; a branch names its province's headquarters.
struct WorkplaceRegistered {
  static constexpr const char* kType = "WorkplaceRegistered";
  std::string workplace_id;
  std::string employer_id;
  std::string iskur_no;
  std::string title;
  std::string sgk_no;
  std::string tax_no;
  std::string province;
  std::string role;
  std::string hq_workplace_id;
  WorkplaceInfo info;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("workplaceId", workplace_id), F("employerId", employer_id), F("iskurNo", iskur_no),
       F("title", title), F("sgkNo", sgk_no), F("taxNo", tax_no), F("province", province),
       F("role", role), F("hqWorkplaceId", hq_workplace_id), F("info", info));
  }
};

// EMP-2: the whole wizard draft, saved at "İşlem Sonu".
struct WorkplaceInfoUpdated {
  static constexpr const char* kType = "WorkplaceInfoUpdated";
  std::string workplace_id;
  WorkplaceInfo info;
  std::vector<std::string> changed_sections;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("workplaceId", workplace_id), F("info", info), F("changedSections", changed_sections));
  }
};

using WorkplaceEvent = std::variant<WorkplaceRegistered, WorkplaceInfoUpdated>;

}  // namespace istihdam::events
