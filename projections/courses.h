#pragma once
// Read model of courses for SearchCourses (api/courses.md "Courses", docs/courses.md): one
// row per course with what the search filters on and what visibility needs; and the hires
// recorded through labor demands, for the cumulative trainee employment report. A course's own
// document (criteria, trainers, candidacies, availableActions) is folded from its stream by
// the route, so that it is never behind the command that changed it.
#include <memory>
#include <string>
#include <vector>

#include "aggregates/course.h"
#include "projections/projection_engine.h"

namespace istihdam {

std::unique_ptr<Projector> MakeCoursesProjector();

// SearchCourses criteria; "" = any. Dates are YYYY-MM-DD, inclusive.
struct CourseCriteria {
  std::string status, province, district, occupation, start_from, start_to, external, approval;
};

// A hire recorded through a labor demand (interview result "hired"): the employment the
// cumulative trainee report counts (this system has no SGK records).
struct RecordedHire {
  std::string hired_on, demand_no, workplace_title;
};
// The person's (job seeker's) hires, oldest first.
std::vector<RecordedHire> HiresOf(const ReadView& view, const std::string& person_id);

// Ids of the courses the actor sees that match, ordered by start date then id. Without a
// status every status but planned (CRS-R1).
std::vector<std::string> SearchCourseIds(const ReadView& view, const CourseActor& actor, const CourseCriteria& c);

}  // namespace istihdam
