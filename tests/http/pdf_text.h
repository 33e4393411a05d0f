#pragma once
// The text of a PDF answer as pdftotext (poppler-utils) extracts it, for report tests.
#include <string>

namespace e2e {

// Empty when pdftotext is missing or cannot read the document.
std::string PdfText(const std::string& pdf);

}  // namespace e2e
