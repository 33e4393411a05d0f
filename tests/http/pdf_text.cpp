#include "pdf_text.h"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>

namespace e2e {

std::string PdfText(const std::string& pdf) {
  static std::atomic<int> counter{0};
  const std::string path =
      "/tmp/istihdam-pdf-text-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  std::string out;
  if (FILE* p = ::popen(("pdftotext -enc UTF-8 " + path + " - 2>/dev/null").c_str(), "r")) {
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    ::pclose(p);
  }
  std::remove(path.c_str());
  return out;
}

}  // namespace e2e
