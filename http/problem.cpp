#include "http/problem.h"

#include <boost/json.hpp>

namespace istihdam::http {

namespace {

const std::vector<ProblemInfo> kProblems = {
    {"malformed_json", 400, "İstek gövdesi geçerli bir JSON değil.", "The request body is not valid JSON."},
    {"invalid_type", 400, "Bazı alanların türü hatalı.", "Some fields have the wrong type."},
    {"invalid_parameter", 400, "Sorgu parametresi hatalı.", "A query parameter is invalid."},
    {"malformed_request", 400, "Hatalı istek.", "Malformed request."},
    {"unauthorized", 401, "Bu işlem için oturum açmalısınız.", "You must log in for this operation."},
    {"invalid_credentials", 401, "T.C. Kimlik No veya şifre hatalı.", "The TCKN or password is wrong."},
    {"forbidden", 403, "Bu işlem için yetkiniz yok.", "You are not allowed to do this."},
    {"firm_not_permitted", 403, "Bu firma adına işlem yapma yetkiniz yok.", "You may not act for this firm."},
    {"not_found", 404, "Kayıt bulunamadı.", "Not found."},
    {"workplace_not_found", 404, "İşyeri bulunamadı.", "Workplace not found."},
    {"employer_not_found", 404, "İşveren bulunamadı.", "Employer not found."},
    {"stream_not_found", 404, "Olay akışı bulunamadı.", "Event stream not found."},
    {"method_not_allowed", 405, "Bu yöntem bu adreste desteklenmiyor.", "Method not allowed on this resource."},
    {"terms_not_accepted", 409, "Üyelik için Genel Koşulları kabul etmelisiniz.", "You must accept the general terms to register."},
    {"already_registered", 409, "Bu T.C. Kimlik Numarası ile daha önce kayıt yapılmış.", "This TCKN is already registered."},
    {"tax_no_taken", 409, "Bu vergi numarası ile kayıtlı bir işveren var.", "An employer with this tax number is already registered."},
    {"sgk_no_taken", 409, "Bu SGK işyeri sicil numarası ile kayıtlı bir işyeri var.", "A workplace with this SGK number is already registered."},
    {"concurrency_conflict", 409, "Kayıt aynı anda değiştirildi, lütfen tekrar deneyiniz.", "The record was changed concurrently; please try again."},
    {"version_mismatch", 412, "Kayıt siz okuduktan sonra değiştirilmiş.", "The record changed since you read it."},
    {"payload_too_large", 413, "İstek gövdesi çok büyük.", "The request body is too large."},
    {"validation_failed", 422, "Girilen bilgilerde hata var.", "Some fields are invalid."},
    {"idempotency_key_reused", 422, "Bu Idempotency-Key farklı bir istekle kullanılmış.", "This Idempotency-Key was used with a different request."},
    {"too_many_results", 422, "Kayıt sayısı 1000 den fazla ise mutlaka kriter girerek arama yapmanız gerekecektir.", "If there are more than 1000 records you must search by entering criteria."},
    {"no_records", 404, "Girdiğiniz kriterlere uygun kayıt bulunamadı", "No records matching the criteria you entered were found."},
    {"rate_limited", 429, "Çok fazla istek gönderdiniz, lütfen bekleyiniz.", "Too many requests; please wait."},
    {"internal_error", 500, "Beklenmeyen bir hata oluştu.", "An unexpected error occurred."},
    {"store_failed", 503, "Kayıt şu anda yapılamıyor.", "The record cannot be stored at the moment."},
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
  static const ProblemInfo kUnknown{"internal_error", 500, "Beklenmeyen bir hata oluştu.", "An unexpected error occurred."};
  if (!p) p = &kUnknown;
  boost::json::object o;
  o["type"] = "urn:istihdam:problem:" + error.code;
  o["title"] = lang == Lang::kEn ? p->title_en : p->title_tr;
  o["status"] = p->status;
  o["code"] = error.code;
  if (!error.detail.empty() && p->status < 500) o["detail"] = error.detail;
  boost::json::array errors;
  for (const auto& f : error.fields) {
    boost::json::object e;
    e["field"] = f.field;
    e["code"] = f.code;
    const char* msg = f.code.c_str();
    for (const auto& m : kFieldMessages) {
      if (f.code == m.code) msg = lang == Lang::kEn ? m.en : m.tr;
    }
    e["message"] = msg;
    errors.push_back(std::move(e));
  }
  o["errors"] = std::move(errors);
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
