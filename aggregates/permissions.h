#pragma once
// The permission catalogue (DOMAIN.md §1.3): one permission per menu capability. Every route
// names one of these, "admin" (role management), or none (public / staff-only routes).
// Admins implicitly hold all of them.
#include <array>
#include <optional>
#include <string_view>

namespace istihdam::permissions {

inline constexpr std::string_view kLaborDemand = "LABOR_DEMAND";
inline constexpr std::string_view kEmployerReports = "EMPLOYER_REPORTS";
inline constexpr std::string_view kTyp = "TYP";
inline constexpr std::string_view kBenefitDeclarations = "BENEFIT_DECLARATIONS";
inline constexpr std::string_view kEmployerInfo = "EMPLOYER_INFO";
inline constexpr std::string_view kWorkforceSchedule = "WORKFORCE_SCHEDULE";
inline constexpr std::string_view kQuotaStatus = "QUOTA_STATUS";
inline constexpr std::string_view kCollectiveDismissal = "COLLECTIVE_DISMISSAL";
inline constexpr std::string_view kCourses = "COURSES";
inline constexpr std::string_view kImpactSurvey = "IMPACT_SURVEY";
inline constexpr std::string_view kOverseas = "OVERSEAS";
inline constexpr std::string_view kPrivateEmploymentAgency = "PRIVATE_EMPLOYMENT_AGENCY";

// Not a checkbox: only admins hold it (role management, ACT-3).
inline constexpr std::string_view kAdmin = "ADMIN";

inline constexpr std::array<std::string_view, 12> kAll = {
    kLaborDemand, kEmployerReports, kTyp, kBenefitDeclarations, kEmployerInfo,
    kWorkforceSchedule, kQuotaStatus, kCollectiveDismissal, kCourses, kImpactSurvey,
    kOverseas, kPrivateEmploymentAgency};

}  // namespace istihdam::permissions

namespace istihdam {

// The agency's staff roles. Each is recorded as an actor type (events' Actor.actorType) and
// chosen by its role name when a staff user is created (POST /api/v1/staff "role").
enum class StaffRole { kAuditor, kUnitUser, kHeadOfficeUser };

struct StaffRoleName {
  StaffRole role;
  std::string_view actor_type;  // "UnitUser"
  std::string_view role_name;   // "unit"
};
inline constexpr std::array<StaffRoleName, 3> kStaffRoles = {{
    {StaffRole::kAuditor, "Auditor", "auditor"},
    {StaffRole::kUnitUser, "UnitUser", "unit"},
    {StaffRole::kHeadOfficeUser, "HeadOfficeUser", "headOffice"},
}};

constexpr std::string_view ActorTypeOf(StaffRole role) {
  for (const auto& r : kStaffRoles) {
    if (r.role == role) return r.actor_type;
  }
  return "";
}
// The role of a staff actor type; nullopt for an employer's users and anonymous actors.
constexpr std::optional<StaffRole> StaffRoleOf(std::string_view actor_type) {
  for (const auto& r : kStaffRoles) {
    if (r.actor_type == actor_type) return r.role;
  }
  return std::nullopt;
}
constexpr std::optional<StaffRole> StaffRoleNamed(std::string_view role_name) {
  for (const auto& r : kStaffRoles) {
    if (r.role_name == role_name) return r.role;
  }
  return std::nullopt;
}

}  // namespace istihdam
