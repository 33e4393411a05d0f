#pragma once
// Every problem code the API answers with (docs/errors.md): what clients branch on. The
// status and the Turkish and English titles of each are in http/problem.cpp's catalogue.

namespace istihdam::errc {

inline constexpr const char* kMalformedJson = "malformed_json";
inline constexpr const char* kInvalidType = "invalid_type";
inline constexpr const char* kInvalidParameter = "invalid_parameter";
inline constexpr const char* kMalformedRequest = "malformed_request";
inline constexpr const char* kInvalidText = "invalid_text";
inline constexpr const char* kXlsxInvalid = "xlsx_invalid";
inline constexpr const char* kUnauthorized = "unauthorized";
inline constexpr const char* kInvalidCredentials = "invalid_credentials";
inline constexpr const char* kForbidden = "forbidden";
inline constexpr const char* kFirmNotPermitted = "firm_not_permitted";
inline constexpr const char* kOtherProvince = "other_province";
inline constexpr const char* kNotFound = "not_found";
inline constexpr const char* kDocsNotInstalled = "docs_not_installed";
inline constexpr const char* kWorkplaceNotFound = "workplace_not_found";
inline constexpr const char* kEmployerNotFound = "employer_not_found";
inline constexpr const char* kUserNotFound = "user_not_found";
inline constexpr const char* kStreamNotFound = "stream_not_found";
inline constexpr const char* kScheduleNotFound = "schedule_not_found";
inline constexpr const char* kQuotaStatusNotFound = "quota_status_not_found";
inline constexpr const char* kCollectiveDismissalNotFound = "collective_dismissal_not_found";
inline constexpr const char* kTypProgramNotFound = "typ_program_not_found";
inline constexpr const char* kTypParticipantNotFound = "typ_participant_not_found";
inline constexpr const char* kAbsenceNotFound = "absence_not_found";
inline constexpr const char* kBenefitDeclarationNotFound = "benefit_declaration_not_found";
inline constexpr const char* kOccupationNotFound = "occupation_not_found";
inline constexpr const char* kMethodNotAllowed = "method_not_allowed";
inline constexpr const char* kTermsNotAccepted = "terms_not_accepted";
inline constexpr const char* kAlreadyRegistered = "already_registered";
inline constexpr const char* kTaxNoTaken = "tax_no_taken";
inline constexpr const char* kSgkNoTaken = "sgk_no_taken";
inline constexpr const char* kNotHeadquarters = "not_headquarters";
inline constexpr const char* kScheduleNotSequential = "schedule_not_sequential";
inline constexpr const char* kScheduleNotLatest = "schedule_not_latest";
inline constexpr const char* kSchedulePeriodInFuture = "schedule_period_in_future";
inline constexpr const char* kPreviousMonthEndFixed = "previous_month_end_fixed";
inline constexpr const char* kEditWindowExpired = "edit_window_expired";
inline constexpr const char* kVersionConflict = "version_conflict";
inline constexpr const char* kConcurrencyConflict = "concurrency_conflict";
inline constexpr const char* kVersionMismatch = "version_mismatch";
inline constexpr const char* kResetInvalid = "reset_invalid";
inline constexpr const char* kAnswerNotVerified = "answer_not_verified";
inline constexpr const char* kContactInfoRequired = "contact_info_required";
inline constexpr const char* kNotRegisteredIndividual = "not_registered_individual";
inline constexpr const char* kAlreadyAuthorized = "already_authorized";
inline constexpr const char* kPrimaryAdminImmutable = "primary_admin_immutable";
inline constexpr const char* kParticipantNotRegistered = "participant_not_registered";
inline constexpr const char* kOutsideProgramPeriod = "outside_program_period";
inline constexpr const char* kParticipantQuotaExceeded = "participant_quota_exceeded";
inline constexpr const char* kParticipantPeriodOverlaps = "participant_period_overlaps";
inline constexpr const char* kAbsenceAlreadyRecorded = "absence_already_recorded";
inline constexpr const char* kOutsideParticipationPeriod = "outside_participation_period";
inline constexpr const char* kPayloadTooLarge = "payload_too_large";
inline constexpr const char* kUnsupportedMediaType = "unsupported_media_type";
inline constexpr const char* kSecretAnswerWrong = "secret_answer_wrong";
inline constexpr const char* kKpsMismatch = "kps_mismatch";
inline constexpr const char* kValidationFailed = "validation_failed";
inline constexpr const char* kDeclarationSelectionRequired = "declaration_selection_required";
inline constexpr const char* kIdempotencyKeyReused = "idempotency_key_reused";
inline constexpr const char* kTooManyResults = "too_many_results";
inline constexpr const char* kNoRecords = "no_records";
inline constexpr const char* kTooManyAttempts = "too_many_attempts";
inline constexpr const char* kRateLimited = "rate_limited";
inline constexpr const char* kInternalError = "internal_error";
inline constexpr const char* kStoreCorrupted = "store_corrupted";
inline constexpr const char* kAppendFailed = "append_failed";
inline constexpr const char* kEmptyAppend = "empty_append";
inline constexpr const char* kCorruptRecord = "corrupt_record";
inline constexpr const char* kMalformedEvent = "malformed_event";
inline constexpr const char* kReportFailed = "report_failed";
inline constexpr const char* kUnknownProjection = "unknown_projection";
inline constexpr const char* kConfigInvalid = "config_invalid";
inline constexpr const char* kConfigUnreadable = "config_unreadable";
inline constexpr const char* kKafkaConfig = "kafka_config";
inline constexpr const char* kReferenceDataInvalid = "reference_data_invalid";
inline constexpr const char* kReferenceDataMissing = "reference_data_missing";
inline constexpr const char* kStoreLocked = "store_locked";
inline constexpr const char* kStoreOpenFailed = "store_open_failed";
inline constexpr const char* kKpsUnavailable = "kps_unavailable";
inline constexpr const char* kStoreFailed = "store_failed";

}  // namespace istihdam::errc
