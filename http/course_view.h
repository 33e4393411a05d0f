#pragma once
// What every course route shares: the caller as a CourseActor, the course as the caller sees
// it (404 course_not_found when not visible), and SearchCourses.
#include <string>

#include "aggregates/course.h"
#include "http/contract/courses.h"
#include "projections/session_record.h"

namespace istihdam::http {

class App;

CourseActor CourseActorOf(const Session& s);
CourseClock CourseClockOf(App& app);

// The course folded from its stream (never behind a command), or course_not_found.
Result<CourseState> LoadVisibleCourse(App& app, const Session& s, const std::string& course_id);

Result<contract::courses::Course> VisibleCourse(App& app, const Session& s, const std::string& course_id,
                                                bool with_criteria);
Result<wire::PageOf<contract::courses::Course>> SearchCourses(App& app, const Session& s,
                                                              const contract::courses::CourseQuery& q);

contract::courses::CandidacyView CandidacyViewOf(const Candidacy& k);

}  // namespace istihdam::http
