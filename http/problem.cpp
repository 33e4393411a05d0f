#include "http/problem.h"

#include <boost/json.hpp>

#include "infra/text.h"

namespace istihdam::http {

namespace {

const std::vector<ProblemInfo> kProblems = {
    {errc::kMalformedJson, 400, "İstek gövdesi geçerli bir JSON değil.", "The request body is not valid JSON."},
    {errc::kInvalidType, 400, "Bazı alanların türü hatalı.", "Some fields have the wrong type."},
    {errc::kInvalidParameter, 400, "Sorgu parametresi hatalı.", "A query parameter is invalid."},
    {errc::kMalformedRequest, 400, "Hatalı istek.", "Malformed request."},
    {errc::kInvalidText, 400, "İstekte geçerli UTF-8 olmayan ya da kontrol karakteri içeren bir metin var.", "The request holds text that is not valid UTF-8 or contains control characters."},
    {errc::kXlsxInvalid, 400, "XLSX dosyası okunamadı.", "The XLSX file could not be read."},
    {errc::kUnauthorized, 401, "Bu işlem için oturum açmalısınız.", "You must log in for this operation."},
    {errc::kInvalidCredentials, 401, "T.C. Kimlik No veya şifre hatalı.", "The TCKN or password is wrong."},
    {errc::kForbidden, 403, "Bu işlem için yetkiniz yok.", "You are not allowed to do this."},
    {errc::kFirmNotPermitted, 403, "Bu firma adına işlem yapma yetkiniz yok.", "You may not act for this firm."},
    {errc::kOtherProvince, 403, "Sadece kendi ilinizdeki kayıtlar için işlem yapabilirsiniz.", "You may only act for records of your own province."},
    {errc::kNotFound, 404, "Kayıt bulunamadı.", "Not found."},
    {errc::kDocsNotInstalled, 404, "API belgeleri (Swagger UI) bu sunucuda kurulu değil; tools/install-deps.sh kurar.", "The API docs (Swagger UI) are not installed on this server; tools/install-deps.sh installs them."},
    {errc::kWorkplaceNotFound, 404, "İşyeri bulunamadı.", "Workplace not found."},
    {errc::kEmployerNotFound, 404, "İşveren bulunamadı.", "Employer not found."},
    {errc::kUserNotFound, 404, "Kullanıcı bulunamadı.", "User not found."},
    {errc::kStreamNotFound, 404, "Olay akışı bulunamadı.", "Event stream not found."},
    {errc::kScheduleNotFound, 404, "Çizelge bulunamadı.", "Workforce schedule not found."},
    {errc::kQuotaStatusNotFound, 404, "Kontenjan durumu bulunamadı.", "No quota status for this month."},
    {errc::kCollectiveDismissalNotFound, 404, "Toplu işten çıkarma bildirimi bulunamadı.", "Collective dismissal notification not found."},
    {errc::kTypProgramNotFound, 404, "TYP programı bulunamadı.", "TYP program not found."},
    {errc::kTypParticipantNotFound, 404, "TYP katılımcısı bulunamadı.", "TYP participant not found."},
    {errc::kAbsenceNotFound, 404, "Bu gün için kayıtlı devam bilgisi bulunamadı.", "No attendance entry is recorded for this day."},
    {errc::kBenefitDeclarationNotFound, 404, "Bildirge bulunamadı.", "Benefit declaration not found."},
    {errc::kLaborDemandNotFound, 404, "İşgücü istemi bulunamadı.", "Labor demand not found."},
    {errc::kJobPostingNotFound, 404, "İş ilanı bulunamadı.", "Job posting not found."},
    {errc::kOccupationNotFound, 404, "Meslek kodu meslek sözlüğünde bulunamadı.", "The occupation code is not in the occupation dictionary."},
    {errc::kCourseNotFound, 404, "Kurs bulunamadı.", "Course not found."},
    // Overseas employment (docs/overseas.md)
    {errc::kOverseasProjectNotFound, 404, "Yurtdışı proje bulunamadı.", "Overseas project not found."},
    {errc::kQuotaAllocationNotFound, 404, "Kota tahsisi bulunamadı.", "Quota allocation not found."},
    {errc::kDispatchNotFound, 404, "Sevk bulunamadı.", "Dispatch not found."},
    {errc::kDispatchWorkerNotFound, 404, "Sevk işçisi bulunamadı.", "Dispatch worker not found."},
    {errc::kExtensionNotFound, 404, "Süre uzatım talebi bulunamadı.", "Extension request not found."},
    {errc::kQuotaTransferNotFound, 404, "Kontenjan aktarımı bulunamadı.", "Quota transfer not found."},
    {errc::kQuotaExceeded, 409, "Girilen işçi sayısı projenin ülkesi için sevk tarihini içeren tarih aralığında belirlenen kotayı geçemez.", "The worker count exceeds the quota for the dispatch date."},
    {errc::kNoQuotaForDate, 409, "Sevk tarihini içeren tarih aralığı için belirlenmiş bir ülke kotası yok.", "No country quota covers the dispatch date."},
    {errc::kAllocationOverlaps, 409, "Aynı işveren, ülke ve meslek için geçerlilik tarihleri çakışan bir kota tahsisi var.", "An allocation for the same employer, country and occupation overlaps these dates."},
    {errc::kLimitBelowUsed, 409, "Kota, kullanılan ve aktarılan kotanın altına indirilemez.", "The limit cannot go below the used and transferred quota."},
    {errc::kDispatchApprovedReadonly, 409, "Onaylanmış sevk üzerinde güncelleme yapılamaz, işçi eklenemez, silinemez veya güncellenemez.", "An approved or rejected dispatch cannot be changed."},
    {errc::kDispatchHasNoWorkers, 409, "Sevkte işçi yok.", "The dispatch has no workers."},
    {errc::kDispatchNotApproved, 409, "Süre uzatımı yalnızca onaylanmış sevk için talep edilebilir.", "An extension needs an approved dispatch."},
    {errc::kExtensionPending, 409, "Sevk için sonuçlanmamış bir süre uzatım talebi var.", "The dispatch already has an open extension request."},
    {errc::kTransferCountryMismatch, 409, "Aktarım yalnızca aynı ülkedeki projeler arasında yapılabilir.", "Transfers are only allowed between projects in the same country."},
    {errc::kTransferredQuotaInUse, 409, "Aktarılan kontenjanın bir kısmı kullanıldığı için aktarım silinemez.", "Part of the transferred quota is used, so the transfer cannot be deleted."},
    {errc::kCandidacyNotFound, 404, "Kursiyer adaylığı bulunamadı.", "Trainee candidacy not found."},
    {errc::kTrainerNotAssigned, 404, "Eğitici bu kursa atanmamış.", "The trainer is not assigned to this course."},
    {errc::kOnlyUnitUserCanOpen, 403, "Kursu yalnızca birim kullanıcısı açabilir.", "Only a unit user can open the course."},
    {errc::kServiceProviderNoAccess, 403, "Devam eden kurslarda hizmet sağlayıcı Davet-Görüşme işlemlerine erişemez.", "In courses in progress the service provider has no access to the invitation and interview pages."},
    {errc::kTrainerNotOwned, 403, "Kursa yalnızca kendi kaydettiğiniz eğiticileri ekleyebilirsiniz.", "You may add to a course only trainers you registered yourself."},
    {errc::kInvalidCourseTransition, 409, "Kursun bu durumunda bu işlem yapılamaz.", "This action is not possible in the course's current status."},
    {errc::kCourseStatusForbids, 409, "Kursun durumu bu işleme izin vermiyor.", "The course's status does not allow this."},
    {errc::kCompletionThresholdPassed, 409, "Kursun tamamlanma oranı sınırı aştığı için Davet-Görüşme işlemleri kapalıdır.", "The course's completion percentage passed the limit: invitation and interview actions are closed."},
    {errc::kExternalCourseNotApproved, 409, "Kurum dışı kurs henüz onaylanmadı.", "The external course is not approved yet."},
    {errc::kCourseCriteriaMissing, 409, "Kurs açılmadan önce kriter bilgileri girilmelidir.", "The criteria must be entered before the course is opened."},
    {errc::kNoPrincipalCandidates, 409, "Aday kursiyer listesinde asil aday yok.", "The candidate trainee list has no principal candidate."},
    {errc::kTraineeQuotaExceeded, 409, "Asil aday sayısı kursiyer kontenjanını aşıyor.", "There are more principal candidates than trainee places."},
    {errc::kListNotFrozen, 409, "Aday kursiyer listesi dondurulmadan onaylanamaz.", "The candidate trainee list must be frozen before it is approved."},
    {errc::kCourseNotEnded, 409, "Kursun bitiş tarihi gelmeden kurs sonlandırılamaz.", "The course cannot be finished before its end date."},
    {errc::kCourseWithin24Months, 409, "Son 24 ay içinde bir kursa katılmış kişi seçilemez.", "A person who attended a course in the last 24 months cannot be selected."},
    {errc::kInvitationNotAccepted, 409, "Daveti kabul etmeyen aday için görüşme sonucu girilemez.", "No interview result for a candidate who did not accept the invitation."},
    {errc::kInterviewNotHeld, 409, "Görüşme tarihinden önce görüşme sonucu girilemez.", "No interview result before the interview date."},
    {errc::kInvalidCandidateTransition, 409, "Aday bu listeden bu işlemle taşınamaz.", "This action does not move the candidate from its list."},
    {errc::kCandidateListFrozen, 409, "Aday kursiyer listesi dondurulduğu için değiştirilemez.", "The candidate trainee list is frozen and cannot be changed."},
    {errc::kNoVacancy, 409, "Kursta boş kursiyer yeri yok.", "The course has no vacant trainee place."},
    {errc::kNotPromotable, 409, "Bu aday kursiyer yapılamaz: uygun bulunmamış ya da zaten kursiyer.", "This candidate cannot become a trainee: not found suitable, or already a trainee."},
    {errc::kNotActiveTrainee, 409, "Bu kişi kursun devam eden kursiyeri değil.", "This person is not an active trainee of the course."},
    {errc::kTrainerNotFound, 404, "Eğitici bulunamadı.", "Trainer not found."},
    {errc::kMethodNotAllowed, 405, "Bu yöntem bu adreste desteklenmiyor.", "Method not allowed on this resource."},
    {errc::kTermsNotAccepted, 409, "Üyelik için Genel Koşulları kabul etmelisiniz.", "You must accept the general terms to register."},
    {errc::kAlreadyRegistered, 409, "Bu T.C. Kimlik Numarası ile daha önce kayıt yapılmış.", "This TCKN is already registered."},
    {errc::kTaxNoTaken, 409, "Bu vergi numarası ile kayıtlı bir işveren var.", "An employer with this tax number is already registered."},
    {errc::kSgkNoTaken, 409, "Bu SGK işyeri sicil numarası ile kayıtlı bir işyeri var.", "A workplace with this SGK number is already registered."},
    {errc::kNotHeadquarters, 409, "İşgücü çizelgesi ve kontenjan durumu il merkez işyeri için tutulur; şubeler merkez işyerinin çizelgesinde yer alır.", "Workforce schedules and quota status belong to the province headquarters; branches are reported in its schedule."},
    {errc::kScheduleNotSequential, 409, "Yeni çizelge en son girilen çizelgeden sonraki ay için girilmelidir.", "A new schedule must be for the month after the latest one."},
    {errc::kScheduleNotLatest, 409, "Ekleme, çıkarma ve değiştirme işlemlerini sadece son çizelge ya da yeni girmekte olduğunuz çizelge için yapabilirsiniz.", "Only the latest or new schedule can be changed."},
    {errc::kSchedulePeriodInFuture, 409, "Henüz tamamlanmamış bir ay için çizelge girilemez.", "A schedule cannot be entered for a month that has not ended."},
    {errc::kPreviousMonthEndFixed, 409, "Geçen Ay Sonu İtibarıyla Çalışanlar bilgileri değiştirilemez.", "Previous month-end figures cannot be changed."},
    {errc::kEditWindowExpired, 409, "Bildirim Tarihinden bir ay sonra toplu işten çıkarma bilgilerinde güncelleme yapamazsınız.", "Cannot update more than one month after the notification date."},
    {errc::kVersionConflict, 409, "Kayıt aynı anda değiştirildi (iç kod; istemciye concurrency_conflict ya da version_mismatch olarak döner).", "The record was changed concurrently (internal; clients see concurrency_conflict or version_mismatch)."},
    {errc::kConcurrencyConflict, 409, "Kayıt aynı anda değiştirildi, lütfen tekrar deneyiniz.", "The record was changed concurrently; please try again."},
    {errc::kVersionMismatch, 412, "Kayıt siz okuduktan sonra değiştirilmiş.", "The record changed since you read it."},
    {errc::kResetInvalid, 409, "Şifre yenileme işleminin süresi dolmuş ya da işlem kullanılmış.", "The password reset has expired or was already used."},
    {errc::kAnswerNotVerified, 409, "Önce gizli sorunun cevabını doğrulamalısınız.", "Answer the secret question first."},
    {errc::kContactInfoRequired, 409, "İletişim bilgilerindeki zorunlu alanları doldurunuz.", "Fill in the required contact fields."},
    {errc::kNotRegisteredIndividual, 409, "Eklemek istediğiniz yetkili kullanıcı daha önce sisteme kaydolmuş bir bireysel kullanıcı olmalıdır.", "The person must be a registered individual user."},
    {errc::kAlreadyAuthorized, 409, "Bu kişi zaten işyerinizin yetkili kullanıcısıdır.", "This person is already an authorized user of the employer."},
    {errc::kPrimaryAdminImmutable, 409, "İşyerinin Yönetici Kullanıcısının rollerini değiştiremezsiniz.", "The primary admin's roles cannot be changed."},
    {errc::kParticipantNotRegistered, 409, "TYP katılımcısı sisteme kayıtlı bir bireysel kullanıcı olmalıdır.", "A TYP participant must be a registered individual user."},
    {errc::kOutsideProgramPeriod, 409, "Katılımcının başlangıç ve bitiş tarihleri TYP programının dönemi içinde olmalıdır.", "The participant's dates must lie within the program's period."},
    {errc::kParticipantQuotaExceeded, 409, "TYP programının katılımcı kontenjanı dolmuştur.", "The program's participant quota is full."},
    {errc::kParticipantPeriodOverlaps, 409, "Bu kişi programa çakışan bir dönem için zaten atanmış.", "This person is already assigned to the program for an overlapping period."},
    {errc::kAbsenceAlreadyRecorded, 409, "Bu gün için devam bilgisi zaten girilmiş; düzeltmek için önce siliniz.", "An entry already exists for this day; delete it first to correct it."},
    {errc::kOutsideParticipationPeriod, 409, "Seçilen gün katılımcının program dönemi dışındadır.", "The day lies outside the participant's period."},
    {errc::kDemandNotActive, 409, "Bu işlem yalnızca aktif bir işgücü istemi için yapılabilir.", "Only an active labor demand allows this."},
    {errc::kNotCancellable, 409, "İptal et butonu aktif değilse işgücü istemi detayı işlem sonundan silinmelidir.", "A labor demand without candidates cannot be cancelled; delete it instead."},
    {errc::kNotDeletable, 409, "Adayı olan bir işgücü istemi silinemez; iptal ediniz.", "A labor demand with candidates cannot be deleted; cancel it instead."},
    {errc::kResumeNotFound, 404, "Özgeçmiş bilgisi bulunamadı.", "No résumé has been created."},
    {errc::kPostingClosed, 409, "Bu iş ilanına başvuru süresi sona ermiştir.", "This job posting no longer takes applications."},
    {errc::kAlreadyApplied, 409, "Bu iş ilanına zaten başvurdunuz.", "You are already a candidate for this job posting."},
    {errc::kProfileInactive, 409, "Başvuru için özgeçmiş bilgilerinizi oluşturmanız ve profilinizi aktif hale getirmeniz gerekmektedir.", "Create your résumé and activate your profile to apply."},
    {errc::kNotEligible, 409, "İlanın aranan niteliklerini karşılamıyorsunuz.", "The job seeker does not meet the posting's requirements."},
    {errc::kAlreadyCandidate, 409, "Seçilen kişilerden bazıları zaten adaydır.", "Some of the selected people are already candidates."},
    {errc::kNotMatching, 409, "Seçilen kişilerden bazıları bu işgücü istemine uygun değildir.", "Some of the job seekers do not match this labor demand."},
    {errc::kCandidateNotFound, 404, "Aday bulunamadı.", "Candidate not found."},
    {errc::kInterviewAlreadyRecorded, 409, "Bu adayın görüşme sonucu girilmiştir; davet değiştirilemez.", "The interview result is recorded; the invitation can no longer change."},
    {errc::kCandidateNotInvited, 409, "Görüşme sonucu yalnızca davet edilmiş aday için girilebilir.", "Only an invited candidate can have an interview result."},
    {errc::kTrainerAlreadyRegistered, 409, "Bu T.C. Kimlik Numarası ile kayıtlı bir eğiticiniz zaten var.", "You have already registered a trainer with this TCKN."},
    {errc::kTrainerAssigned, 409, "Açılmış ya da devam eden bir kursta görevli eğitici silinemez.", "A trainer assigned to an opened or in-progress course cannot be deleted."},
    {errc::kImpactSurveyNotFound, 404, "Anket bulunamadı.", "Survey not found."},
    {errc::kBranchCannotFillSurvey, 409, "Şubeler anket dolduramazlar.", "Branches cannot fill in the survey; the province headquarters fills it in for itself and its branches."},
    {errc::kSurveyExistsForYear, 409, "Her yıl için bir anket doldurabilirsiniz.", "Only one survey per year: this headquarters has already filled in the survey of that year."},
    // Private employment agencies.
    {errc::kBureauNotFound, 404, "Özel istihdam bürosu bulunamadı.", "Private employment bureau not found."},
    {errc::kBureauAlreadyExists, 409, "Firmanızın açık bir özel istihdam bürosu başvurusu veya etkin bir bürosu var.", "Your firm already has an open bureau application or an active bureau."},
    {errc::kBureauNotApplied, 409, "Başvuru değerlendirme aşamasında değil.", "The bureau is not an open application (status applied)."},
    {errc::kBureauNotActive, 409, "Büro etkin değil; dönem raporu verilemez.", "The bureau is not active: no period reports."},
    {errc::kPeriodReportNotFound, 404, "Dönem raporu bulunamadı.", "Period report not found."},
    {errc::kPeriodReportExists, 409, "Bu dönem için rapor daha önce kaydedilmiş.", "A report of this year and period already exists."},
    {errc::kPeriodReportSubmitted, 409, "Gönderilmiş dönem raporu değiştirilemez.", "The period report has been submitted and can no longer change."},
    {errc::kPayloadTooLarge, 413, "İstek gövdesi çok büyük.", "The request body is too large."},
    {errc::kUnsupportedMediaType, 415, "Bu içerik türü desteklenmiyor.", "This content type is not supported."},
    {errc::kSecretAnswerWrong, 422, "Gizli sorunun cevabı hatalı.", "The answer to the secret question is wrong."},
    {errc::kKpsMismatch, 422, "Kimlik bilgileri KPS ile doğrulanamadı.", "Identity could not be verified with KPS."},
    {errc::kKpsBirthYearRequired, 422, "Kimlik doğrulaması için doğum yılı gereklidir.", "The identity service needs the birth year to verify this person."},
    {errc::kValidationFailed, 422, "Girilen bilgilerde hata var.", "Some fields are invalid."},
    {errc::kDeclarationSelectionRequired, 422, "İşleme başlamadan önce Birim, Firma ve ardından Bildirge seçilmelidir.", "Unit, Firm and then Declaration must be selected before starting."},
    {errc::kIdempotencyKeyReused, 422, "Bu Idempotency-Key farklı bir istekle kullanılmış.", "This Idempotency-Key was used with a different request."},
    {errc::kTooManyResults, 422, "Kayıt sayısı 1000 den fazla ise mutlaka kriter girerek arama yapmanız gerekecektir.", "If there are more than 1000 records you must search by entering criteria."},
    {errc::kNoRecords, 404, "Girdiğiniz kriterlere uygun kayıt bulunamadı", "No records matching the criteria you entered were found."},
    {errc::kTooManyAttempts, 429, "Çok fazla hatalı deneme yapıldı; hesabınız geçici olarak kilitlendi.", "Too many failed attempts; the account is locked for a while."},
    {errc::kRateLimited, 429, "Çok fazla istek gönderdiniz, lütfen bekleyiniz.", "Too many requests; please wait."},
    {errc::kInternalError, 500, "Beklenmeyen bir hata oluştu.", "An unexpected error occurred."},
    {errc::kStoreCorrupted, 500, "Kayıtların bir bölümü okunamıyor; sistem yöneticisine bildirildi.", "Part of the stored records cannot be read; the operators have been alerted."},
    {errc::kAppendFailed, 500, "Kayıt olay günlüğüne yazılamadı.", "The record could not be written to the event log."},
    {errc::kEmptyAppend, 500, "Olay içermeyen bir yazma isteği (iç hata).", "An append without events (internal error)."},
    {errc::kCorruptRecord, 500, "Kayıtlı bir olay bozuk.", "A stored event record is corrupt."},
    {errc::kMalformedEvent, 500, "Bir olay çözümlenemedi.", "An event could not be decoded."},
    {errc::kReportFailed, 500, "Rapor oluşturulamadı.", "The report could not be produced."},
    {errc::kUnknownProjection, 500, "Bilinmeyen projeksiyon (komut satırı).", "Unknown projection (command line)."},
    {errc::kConfigInvalid, 500, "Yapılandırma dosyası hatalı (sunucu başlatılırken).", "The configuration file is invalid (at start-up)."},
    {errc::kConfigUnreadable, 500, "Yapılandırma dosyası okunamadı (sunucu başlatılırken).", "The configuration file cannot be read (at start-up)."},
    {errc::kKafkaConfig, 500, "Kafka ayarları hatalı (sunucu başlatılırken).", "The Kafka settings are invalid (at start-up)."},
    {errc::kReferenceDataInvalid, 500, "Referans verisi hatalı (sunucu başlatılırken).", "The reference data is invalid (at start-up)."},
    {errc::kReferenceDataMissing, 500, "Referans verisi bulunamadı (sunucu başlatılırken).", "The reference data is missing (at start-up)."},
    {errc::kStoreLocked, 500, "Veri dizini başka bir süreç tarafından kullanılıyor (sunucu başlatılırken).", "Another process holds the data directory (at start-up)."},
    {errc::kStoreOpenFailed, 500, "Veritabanı açılamadı (sunucu başlatılırken).", "The database cannot be opened (at start-up)."},
    {errc::kKpsUnavailable, 503, "Kimlik Paylaşım Sistemine şu anda ulaşılamıyor.", "The identity service (KPS) cannot be reached at the moment."},
    {errc::kStoreFailed, 503, "Kayıt şu anda yapılamıyor.", "The record cannot be stored at the moment."},
};

struct FieldMessage {
  const char* code;
  const char* tr;
  const char* en;
};

const FieldMessage kFieldMessages[] = {
    {"required", "Bu alan zorunludur.", "This field is required."},
    {"invalid_format", "Biçimi hatalı.", "The format is invalid."},
    {"invalid_checksum", "Numara geçerli değil (kontrol hanesi hatalı).", "The number is not valid (check digit mismatch)."},
    {"unknown_value", "Geçerli bir değer değil.", "Not an allowed value."},
    {"too_short", "Çok kısa.", "Too short."},
    {"too_long", "Çok uzun.", "Too long."},
    {"mismatch", "Şifre ve Şifre Tekrar aynı olmalıdır.", "The password and its repetition must match."},
    {"already_registered", "Bu değer ile daha önce kayıt yapılmış.", "Already registered with this value."},
    {"outdated", "Genel Koşulların güncel sürümünü kabul etmelisiniz.", "You must accept the current version of the terms."},
    {"invalid_type", "Alanın türü hatalı.", "The field has the wrong type."},
    {"in_future", "Gelecekte bir tarih olamaz.", "Cannot be a future date."},
    {"kps_mismatch", "Kimlik bilgileri KPS ile doğrulanamadı.", "Identity could not be verified with KPS."},
    {"not_registered", "Kişi sisteme kayıtlı bir bireysel kullanıcı değil.", "The person is not a registered individual user."},
    {"secret_answer_wrong", "Gizli sorunun cevabı hatalı.", "The answer to the secret question is wrong."},
    {"negative", "Negatif olamaz.", "Must not be negative."},
    {"negative_headcount", "Ay sonu çalışan sayısı negatif olamaz.", "Month-end headcount cannot be negative."},
    {"exceeds_month_end", "Ay sonu çalışan sayısından fazla olamaz.", "Cannot exceed the month-end headcount."},
    {"no_part_time_workers", "Kısmi süreli çalışan yokken çalışma saati girilemez.", "No part-time workers, so no part-time hours."},
    {"duplicate", "Bu değer listede birden fazla kez yer alamaz.", "This value appears more than once."},
    {"outside_month", "Tarih çizelge ayı içinde olmalıdır.", "The date must lie within the schedule month."},
    {"disabled_underground_not_allowed", "Engelliler yer altı ve su altı işlerinde çalıştırılmayacaktır.", "Disabled persons cannot be employed underground/underwater."},
    {"hired_rows_mismatch", "İşe alınan kişi satırlarının sayısı ay içinde işe alınanlar toplamına eşit olmalıdır.", "The number of hired rows must equal the hires of the month."},
    {"left_rows_mismatch", "İşten ayrılan kişi satırlarının sayısı ay içinde işten ayrılanlar toplamına eşit olmalıdır.", "The number of leaver rows must equal the leavers of the month."},
    {"occupation_count_zero", "Çalışan sayısı sıfır olan meslek bilgisini çıkarınız.", "Remove occupations whose count is zero."},
    {"too_many", "Çok fazla satır.", "Too many rows."},
    {"before_valid_from", "Bitiş tarihi başlangıç tarihinden önce olamaz.", "The end date is before the start date."},
    {"unknown_workplace", "İşyeri bu işverene ait değil.", "Not a workplace of this employer."},
    {"no_dismissals", "Erkek ve kadın sayılarının toplamı en az 1 olmalıdır.", "Male plus female must be at least 1."},
    {"too_small", "En az 1 olmalıdır.", "Must be at least 1."},
    {"not_applicable", "Bu bildirge türünde bu alan girilmez.", "This field does not apply to this declaration type."},
    {"privatisation_required", "İKT bildirgesinde çıkış nedeni 32 (4046 sayılı Kanunun 21 inci maddesine göre özelleştirme nedeniyle fesih) olmalıdır.", "An İKT declaration needs exit reason 32 (privatisation, Law 4046 art. 21)."},
    {"period_too_short", "Kısa çalışma süresi en az 4 hafta olmalıdır.", "Short-time work must last at least 4 weeks."},
    {"period_too_long", "Kısa çalışma süresi 3 ayı geçemez.", "Short-time work cannot exceed 3 months."},
    {"outside_period", "Ay, kısa çalışma dönemi içinde olmalıdır.", "The month must lie within the short-time period."},
    {"out_of_range", "Değer izin verilen aralıkta değil.", "The value is outside the allowed range."},
    {"too_large", "Değer çok büyük.", "The value is too large."},
    {"unknown_question", "Ankette bu kimlikte bir soru yok.", "The questionnaire has no question with this id."},
    {"in_past", "Bugünden önce bir tarih olamaz.", "Cannot be a date before today."},
    {"before_creation", "Kayıt tarihinden önce olamaz.", "Cannot be before the date the record was created."},
    {"unknown_parent", "Meslek kodunun ilk 4 hanesi meslek sözlüğünde bir ISCO-08 birim grubu (4 haneli kod) değil.", "The first 4 digits of the occupation code are not an ISCO-08 unit group (4-digit code) of the dictionary."},
    {"outside_contract", "Sevk tarihi proje sözleşme tarihleri içinde olmalıdır.", "The date must lie within the project's contract dates."},
    {"not_in_project", "Meslek projenin meslekleri arasında değil.", "The occupation is not one of the project's."},
    {"not_after_end", "Talep edilen bitiş tarihi planlanan bitiş tarihinden sonra olmalıdır.", "The requested end date must be after the planned end date."},
    {"own_employer", "Kendi İŞKUR numaranıza aktarım yapılamaz.", "You cannot transfer to your own İŞKUR number."},
    {"not_active", "İşçi kaynak projede aktif değil.", "The worker is not active on the source project."},
    {"same_project", "Kaynak ve hedef proje aynı olamaz.", "Source and target project must differ."},
    {"invalid_text", "Geçerli UTF-8 olmayan bayt ya da izin verilmeyen bir kontrol karakteri içeriyor.", "Holds bytes that are not valid UTF-8 or a control character that is not allowed."},
    {"not_own", "Firmanızın kendi İŞKUR numarası olmalıdır.", "Must be your own firm's İŞKUR number."},
    {"immutable", "Bu alan değiştirilemez.", "This field cannot be changed."},
};

const ProblemInfo* Find(const std::string& code) {
  for (const auto& p : kProblems) {
    if (code == p.code) return &p;
  }
  return nullptr;
}

}  // namespace

const std::vector<ProblemInfo>& ProblemCatalogue() { return kProblems; }

Lang PickLanguage(const std::string& accept_language) {
  std::string first = accept_language.substr(0, accept_language.find_first_of(",;"));
  while (!first.empty() && first.front() == ' ') first.erase(0, 1);
  return (first.rfind("en", 0) == 0) ? Lang::kEn : Lang::kTr;
}

int StatusOf(const std::string& code) {
  const auto* p = Find(code);
  return p ? p->status : 500;
}

HttpResponse Problem(const Error& error, Lang lang) {
  const ProblemInfo* p = Find(error.code);
  static const ProblemInfo kUnknown{errc::kInternalError, 500, "Beklenmeyen bir hata oluştu.", "An unexpected error occurred."};
  if (!p) p = &kUnknown;
  boost::json::object o;
  o["type"] = std::string("urn:istihdam:problem:") + p->code;
  o["title"] = lang == Lang::kEn ? p->title_en : p->title_tr;
  o["status"] = p->status;
  // Field names and details may quote what the client sent (a CSV header cell): never echo
  // bytes that are not UTF-8, so that the body stays valid JSON (the serializer escapes
  // control characters).
  o["code"] = p == &kUnknown ? std::string("internal_error") : error.code;
  if (!error.detail.empty() && p->status < 500) o["detail"] = ToValidUtf8(error.detail);
  boost::json::array errors;
  for (const auto& f : error.fields) {
    boost::json::object e;
    e["field"] = ToValidUtf8(f.field);
    e["code"] = ToValidUtf8(f.code);
    const char* msg = f.code.c_str();
    for (const auto& m : kFieldMessages) {
      if (f.code == m.code) msg = lang == Lang::kEn ? m.en : m.tr;
    }
    e["message"] = msg;
    errors.push_back(std::move(e));
  }
  o["errors"] = std::move(errors);
  if (!error.reasons.empty()) {
    boost::json::array reasons;
    for (const auto& x : error.reasons) {
      reasons.push_back({{"code", x.code}, {"criterion", x.criterion}, {"required", ToValidUtf8(x.required)},
                         {"actual", x.actual.empty() ? boost::json::value(nullptr) : boost::json::value(ToValidUtf8(x.actual))},
                         {"asOf", x.as_of}});
    }
    o["reasons"] = std::move(reasons);
  }
  if (!error.quota.empty()) {
    const auto& q = error.quota.front();
    if (q.quota == "occupation" && lang == Lang::kTr) {
      o["title"] = "Belirli bir meslekte girilen işçi sayısı projenin ülkesi ve ilgili meslek için sevk tarihini "
                   "içeren tarih aralığında belirlenen kotayı geçemez.";
    } else if (q.quota == "occupation") {
      o["title"] = "The worker count of an occupation exceeds the occupation quota for the dispatch date.";
    }
    o["quota"] = q.quota;
    o["allocationId"] = q.allocation_id;
    o["available"] = q.available;
    o["requested"] = q.requested;
  }
  if (!error.job_seeker_ids.empty()) {
    boost::json::array ids;
    for (const auto& id : error.job_seeker_ids) ids.push_back(boost::json::string(ToValidUtf8(id)));
    o["jobSeekerIds"] = std::move(ids);
  }
  HttpResponse r;
  r.status = p->status;
  r.content_type = "application/problem+json";
  r.body = boost::json::serialize(o);
  r.headers.emplace_back("Content-Language", lang == Lang::kEn ? "en" : "tr");
  return r;
}

HttpResponse Problem(const std::string& code, Lang lang, const std::string& detail) {
  return Problem(Error::Of(code, detail), lang);
}

}  // namespace istihdam::http
