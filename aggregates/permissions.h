#pragma once
// The permission catalogue (DOMAIN.md §1.3): one permission per menu capability. Every route
// names one of these, "admin" (role management), or none (public / staff-only routes).
// Admins implicitly hold all of them.
#include <array>
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
