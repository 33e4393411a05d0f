#pragma once
// Course commands (DOMAIN.md §2.1.4, api/courses.md, docs/courses.md): planning and external
// courses, the status transitions, criteria, trainee candidates and trainees. The handlers
// look up what the pure decisions need (reference data, registered people, trainee history,
// trainers), set "today" from the server's clock and append to the course's stream.
#include <optional>
#include <string>
#include <vector>

#include "aggregates/course.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id", "version", "status": "planned"}. The id is the next KRS-<year>-<province>-<seq>
// (gap-free as TYP numbers). Errors: see DecidePlanCourse.
Result<Outcome> HandlePlanCourse(Services& s, const CommandEnv& env, PlanCourse cmd);

// Every command on one course answers 200 {"id", "version", "status"} (the status after it).
// `if_match`: the course version the client last saw (412 when stale).
Result<Outcome> HandleCourseTransition(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, TransitionCourse cmd);
Result<Outcome> HandleSetCourseCriteria(Services& s, const CommandEnv& env, const std::string& course_id,
                                        std::optional<std::uint64_t> if_match, SetCourseCriteria cmd);
Result<Outcome> HandleAssignTrainers(Services& s, const CommandEnv& env, const std::string& course_id,
                                     std::optional<std::uint64_t> if_match, const CourseActor& actor,
                                     const std::vector<std::string>& trainer_ids);
Result<Outcome> HandleUnassignTrainer(Services& s, const CommandEnv& env, const std::string& course_id,
                                      std::optional<std::uint64_t> if_match, const CourseActor& actor,
                                      const std::string& trainer_id);
// + "candidacies": [{"id", "tckn"}]. Each TCKN is looked up among registered people (their
// names come from the account) with their trainee history.
Result<Outcome> HandleSelectTrainees(Services& s, const CommandEnv& env, const std::string& course_id,
                                     std::optional<std::uint64_t> if_match, const CourseActor& actor,
                                     const std::vector<std::string>& tckns);
Result<Outcome> HandleCandidateChanges(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, SaveCandidateChanges cmd);
Result<Outcome> HandleTraineeDeparture(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, TraineeDeparture cmd);
Result<Outcome> HandlePromoteCandidate(Services& s, const CommandEnv& env, const std::string& course_id,
                                       std::optional<std::uint64_t> if_match, PromoteCandidate cmd);

}  // namespace istihdam
