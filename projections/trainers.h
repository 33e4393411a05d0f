#pragma once
// Read model of the course trainers — "Eğitici Bilgileri" (DOMAIN.md §2.1.4.2,
// docs/trainers.md): the trainers, the courses each is assigned to (TrainerAssignedToCourse /
// TrainerUnassignedFromCourse of the course streams) and a small table of those courses'
// statuses, so that DeleteTrainer can refuse a trainer of a running course.
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>

#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

inline constexpr const char* kTrainersProjection = "trainers";

std::unique_ptr<Projector> MakeTrainersProjector();

// {"id", "tckn", "firstName", "lastName", "occupation", "educationLevel", "phone", "email",
// "ownerId", "courseIds": [...] (in id order), "version"}; nullopt when unknown or deleted.
// Who may see it is the caller's check (ownerId).
std::optional<boost::json::object> FindTrainer(const ReadView& view, const std::string& trainer_id);

struct TrainerCriteria {
  std::string tckn{};        // exact
  std::string name{};        // Turkish-folded substring of "firstName lastName"
  std::string occupation{};  // exact ISCO-08 code
  std::string owner{};       // "" = every owner (agency), else that owner's trainers only
};

// {"items", "page", "pageSize", "total", "totalPages"}: trainers as FindTrainer shows them, in
// id order (registration order).
boost::json::object ListTrainers(const ReadView& view, const TrainerCriteria& criteria, const Page& page);

// Whether one of the trainer's current courses is opened or inProgress (the course events
// seen so far by this projection).
bool TrainerOnRunningCourse(const ReadView& view, const std::string& trainer_id);

}  // namespace istihdam
