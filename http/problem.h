#pragma once
// Errors to application/problem+json (API.md "Errors"): stable `code`, HTTP status, and
// Turkish (default) or English title/detail per Accept-Language. The catalogue is
// docs/errors.md.
#include <string>

#include "http/api.h"
#include "infra/result.h"

namespace istihdam::http {

enum class Lang { kTr, kEn };

// "en" when the first language range of Accept-Language is English, else Turkish.
Lang PickLanguage(const std::string& accept_language);

int StatusOf(const std::string& code);
HttpResponse Problem(const Error& error, Lang lang);
HttpResponse Problem(const std::string& code, Lang lang, const std::string& detail = {});

// Every problem code with status and both titles, for docs and tests.
struct ProblemInfo {
  const char* code;
  int status;
  const char* title_tr;
  const char* title_en;
};
const std::vector<ProblemInfo>& ProblemCatalogue();

}  // namespace istihdam::http
