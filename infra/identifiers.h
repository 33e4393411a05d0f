#pragma once
// Checksums of Turkish identifiers (RULES.md §1e). Pure functions.
#include <string>

namespace istihdam {

// TC Kimlik No: 11 digits, first not 0, digits 10 and 11 are checksums.
bool IsValidTckn(const std::string& s);
// Vergi Kimlik No: 10 digits with the VKN check digit.
bool IsValidVkn(const std::string& s);
// SGK workplace registration number: 26 digits (its check digits are not public).
bool IsValidSgkNo(const std::string& s);
// Completes 9 leading digits (first not 0) into a valid TCKN. For demo data and tests.
std::string CompleteTckn(const std::string& first9);
// Completes 9 leading digits into a valid VKN. For demo data and tests.
std::string CompleteVkn(const std::string& first9);

}  // namespace istihdam
