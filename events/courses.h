#pragma once
// Events of a course (DOMAIN.md §2.1.4, api/courses.md, docs/courses.md). One stream per course,
// "course-<courseId>": the course, its criteria, trainers, trainee candidacies and trainees.
// Dates are YYYY-MM-DD; "today" is the server's date when the command was decided.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// The course fields every creation carries.
struct CourseFields {
  std::string course_id;
  std::string name;
  std::string province;  // plate code
  std::string district;  // name of a district of the province
  std::string occupation;  // ISCO-08 code
  std::string start_date;
  std::string end_date;  // inclusive
  std::int64_t trainee_quota = 0;
  std::string service_provider_id;  // employer id, "" when not yet named
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("name", name), F("province", province), F("district", district),
       F("occupation", occupation), F("startDate", start_date), F("endDate", end_date),
       F("traineeQuota", trainee_quota), F("serviceProviderId", service_provider_id));
  }
  bool operator==(const CourseFields&) const = default;
};

// PlanCourse: an agency course (unit user of the province or head office), status planned.
struct CoursePlanned {
  static constexpr const char* kType = "CoursePlanned";
  CourseFields course;
  std::string planned_by;  // staff user id
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("course", course), F("plannedBy", planned_by));
  }
};

// RegisterExternalCourse: an employer (external course office, also its service provider)
// notifies a course of its own; approval pending, status planned.
struct ExternalCourseRegistered {
  static constexpr const char* kType = "ExternalCourseRegistered";
  CourseFields course;
  std::string office_id;  // the employer
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("course", course), F("officeId", office_id));
  }
};

struct ExternalCourseApproved {
  static constexpr const char* kType = "ExternalCourseApproved";
  std::string course_id;
  std::string approved_by;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("approvedBy", approved_by));
  }
};

struct CourseMarkedToBeOpened {
  static constexpr const char* kType = "CourseMarkedToBeOpened";
  std::string course_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id));
  }
};

struct CoursePreparationStarted {
  static constexpr const char* kType = "CoursePreparationStarted";
  std::string course_id;
  std::string service_provider_id;  // "" when none is named yet
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("serviceProviderId", service_provider_id));
  }
};

// "Kriter Bilgileri": replaces the whole criteria.
struct CourseCriteriaSet {
  static constexpr const char* kType = "CourseCriteriaSet";
  std::string course_id;
  bool e_learning = false;
  bool for_unemployment_insurance_recipients = false;
  std::int64_t min_age = 0;  // 0 = no bound
  std::int64_t max_age = 0;  // 0 = no bound
  std::string education_level;  // "" = any
  std::vector<std::string> target_groups;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("eLearning", e_learning),
       F("forUnemploymentInsuranceRecipients", for_unemployment_insurance_recipients), F("minAge", min_age),
       F("maxAge", max_age), F("educationLevel", education_level), F("targetGroups", target_groups));
  }
};

// "Kursu Aç" by a unit user of the course's province.
struct CourseOpened {
  static constexpr const char* kType = "CourseOpened";
  std::string course_id;
  std::string by_unit_user;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("byUnitUser", by_unit_user));
  }
};

struct TrainerAssignedToCourse {
  static constexpr const char* kType = "TrainerAssignedToCourse";
  std::string course_id;
  std::string trainer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("trainerId", trainer_id));
  }
};

struct TrainerUnassignedFromCourse {
  static constexpr const char* kType = "TrainerUnassignedFromCourse";
  std::string course_id;
  std::string trainer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("trainerId", trainer_id));
  }
};

// One person made a candidate by SelectPotentialTrainees (origin selected) or ApplyToCourse
// (origin applied). `personId` is the individual's user id.
struct CourseCandidate {
  std::string candidacy_id;  // "1", "2", … within the course
  std::string person_id;
  std::string tckn;
  std::string first_name;
  std::string last_name;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("candidacyId", candidacy_id), F("personId", person_id), PII("*tckn", tckn),
       PII("*firstName", first_name), PII("*lastName", last_name));
  }
  bool operator==(const CourseCandidate&) const = default;
};

struct PotentialTraineesSelected {
  static constexpr const char* kType = "PotentialTraineesSelected";
  std::string course_id;
  std::string origin;  // selected | applied
  std::vector<CourseCandidate> candidates;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("origin", origin), F("candidates", candidates));
  }
};

struct CourseCandidateRemoved {
  static constexpr const char* kType = "CourseCandidateRemoved";
  std::string course_id;
  std::string candidacy_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id));
  }
};

struct CourseCandidateRestored {
  static constexpr const char* kType = "CourseCandidateRestored";
  std::string course_id;
  std::string candidacy_id;
  std::string to_list;  // applicants | selected (its origin)
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("toList", to_list));
  }
};

struct CourseCandidateInvited {
  static constexpr const char* kType = "CourseCandidateInvited";
  std::string course_id;
  std::string candidacy_id;
  std::string interview_date;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("interviewDate", interview_date));
  }
};

struct CourseInvitationAnswered {
  static constexpr const char* kType = "CourseInvitationAnswered";
  std::string course_id;
  std::string candidacy_id;
  std::string response;  // accepted | declined
  std::string via;       // portal | staff (entered from a mail or phone reply)
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("response", response), F("via", via));
  }
};

struct CourseInterviewResultRecorded {
  static constexpr const char* kType = "CourseInterviewResultRecorded";
  std::string course_id;
  std::string candidacy_id;
  std::string result;  // suitablePrincipal | suitableReserve | notSuitable | refusedWithJustification | refusedWithoutJustification
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("result", result));
  }
};

struct CourseInterviewResultChanged {
  static constexpr const char* kType = "CourseInterviewResultChanged";
  std::string course_id;
  std::string candidacy_id;
  std::string from;
  std::string to;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("from", from), F("to", to));
  }
};

// A candidate of a course for unemployment-insurance recipients refused it without
// justification: the benefits system (a Kafka consumer) cuts the benefit.
struct UnemploymentInsuranceCutFlagged {
  static constexpr const char* kType = "UnemploymentInsuranceCutFlagged";
  std::string course_id;
  std::string candidacy_id;
  std::string person_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("personId", person_id));
  }
};

struct CandidateTraineeListFrozen {
  static constexpr const char* kType = "CandidateTraineeListFrozen";
  std::string course_id;
  std::vector<std::string> principal_ids;  // candidacy ids
  std::vector<std::string> reserve_ids;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("principalIds", principal_ids), F("reserveIds", reserve_ids));
  }
};

// The agency approved the frozen list: the principals are trainees from now on.
struct CandidateTraineeListApproved {
  static constexpr const char* kType = "CandidateTraineeListApproved";
  std::string course_id;
  std::vector<std::string> trainee_ids;  // candidacy ids
  std::string approved_on;               // the day, for the 24-month rule
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("traineeIds", trainee_ids), F("approvedOn", approved_on));
  }
};

// Appended with CandidateTraineeListApproved: opened → inProgress.
struct CourseStarted {
  static constexpr const char* kType = "CourseStarted";
  std::string course_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id));
  }
};

struct TraineeDeparted {
  static constexpr const char* kType = "TraineeDeparted";
  std::string course_id;
  std::string candidacy_id;
  std::string reason;  // left | removed
  std::string on;      // the day
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("reason", reason), F("on", on));
  }
};

// A suitable candidacy that was not a trainee became one (reserves first, by procedure).
struct ReserveTraineePromoted {
  static constexpr const char* kType = "ReserveTraineePromoted";
  std::string course_id;
  std::string candidacy_id;
  std::string on;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("candidacyId", candidacy_id), F("on", on));
  }
};

// "Kursu Sonlandırma": the active trainees completed the course.
struct CourseFinished {
  static constexpr const char* kType = "CourseFinished";
  std::string course_id;
  std::vector<std::string> completed_ids;  // candidacy ids
  std::string finished_on;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("courseId", course_id), F("completedIds", completed_ids), F("finishedOn", finished_on));
  }
};

using CourseEvent =
    std::variant<CoursePlanned, ExternalCourseRegistered, ExternalCourseApproved, CourseMarkedToBeOpened,
                 CoursePreparationStarted, CourseCriteriaSet, CourseOpened, TrainerAssignedToCourse,
                 TrainerUnassignedFromCourse, PotentialTraineesSelected, CourseCandidateRemoved,
                 CourseCandidateRestored, CourseCandidateInvited, CourseInvitationAnswered,
                 CourseInterviewResultRecorded, CourseInterviewResultChanged, UnemploymentInsuranceCutFlagged,
                 CandidateTraineeListFrozen, CandidateTraineeListApproved, CourseStarted, TraineeDeparted,
                 ReserveTraineePromoted, CourseFinished>;

// A person's history as a trainee (stream "course-trainee-<personId>"), appended with the
// course event that made them a trainee (list approval, promotion): the 24-month rule reads it.
// A later departure does not undo it.
struct TraineeEnrolled {
  static constexpr const char* kType = "TraineeEnrolled";
  std::string person_id;
  std::string course_id;
  std::string start_date;  // the course's period
  std::string end_date;
  std::string on;  // the day they became a trainee
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("personId", person_id), F("courseId", course_id), F("startDate", start_date), F("endDate", end_date),
       F("on", on));
  }
};

using TraineeHistoryEvent = std::variant<TraineeEnrolled>;

}  // namespace istihdam::events
