// Report renderers: the PDF's text extracts (pdftotext, poppler-utils) with correct Turkish
// letters, long tables continue on further pages; the XLSX reads back (infra/xlsx_reader)
// with exactly the rows given.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "infra/report.h"
#include "infra/xlsx_reader.h"

namespace istihdam::report {
namespace {

TableReport Sample() {
  TableReport r;
  r.title = "TYP Aylık Devam Raporu — Şubat";
  r.fields = {{"TYP Numarası", "34-2026-000001"}, {"Ay", "2026-02"}, {"İşveren", "Güneş Işık Çağ Öğretim A.Ş."}};
  r.columns = {"Katılımcı", "T.C. Kimlik No", "Tarih", "Devam Türü"};
  r.rows = {{"Ayşe Çiçekçioğlu", "10000000146", "2026-02-03", "Mazeretsiz Devamsızlık"},
            {"İsmail Ünlü", "17291716060", "2026-02-04", "İstirahat (Raporlu)"}};
  r.footer = "Oluşturulma: 2026-11-27 10:00 (UTC+3)";
  r.sheet_name = "Devam Raporu";
  r.empty_message = "Girdiğiniz kriterlere uygun kayıt bulunamadı";
  return r;
}

// The text of a PDF as pdftotext extracts it (raw order, one page after another).
std::string PdfText(const std::string& pdf) {
  char path[] = "/tmp/istihdam-report-test-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(write(fd, pdf.data(), pdf.size()), static_cast<ssize_t>(pdf.size()));
  close(fd);
  std::string out;
  FILE* p = popen(("pdftotext -enc UTF-8 " + std::string(path) + " - 2>&1").c_str(), "r");
  EXPECT_NE(p, nullptr);
  char buf[4096];
  for (std::size_t n; p && (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  if (p) {
    EXPECT_EQ(pclose(p), 0) << out;
  }
  unlink(path);
  return out;
}

int Pages(const std::string& text) {  // pdftotext ends every page with a form feed
  int n = 0;
  for (char c : text) n += c == '\f';
  return n;
}

TEST(ReportPdf, TurkishTextExtractsExactly) {
  const auto pdf = RenderPdf(Sample());
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail;
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  const auto text = PdfText(*pdf);
  for (const char* s : {"TYP Aylık Devam Raporu — Şubat", "Güneş Işık Çağ Öğretim A.Ş.", "Ayşe Çiçekçioğlu",
                        "İsmail Ünlü", "Mazeretsiz Devamsızlık", "İstirahat (Raporlu)", "10000000146",
                        "2026-02-04", "T.C. Kimlik No", "Sayfa 1"}) {
    EXPECT_NE(text.find(s), std::string::npos) << "missing '" << s << "' in:\n" << text;
  }
  EXPECT_EQ(text.find("Girdiğiniz kriterlere"), std::string::npos);
  EXPECT_EQ(Pages(text), 1);
}

TEST(ReportPdf, LongTablesContinueWithTheHeaderRepeated) {
  auto r = Sample();
  r.rows.clear();
  for (int i = 0; i < 150; ++i) r.rows.push_back({"Katılımcı " + std::to_string(i), "10000000146", "2026-02-03", "Ücretli İzin"});
  const auto pdf = RenderPdf(r);
  ASSERT_TRUE(pdf.ok());
  const auto text = PdfText(*pdf);
  const int pages = Pages(text);
  EXPECT_GE(pages, 3);
  int headers = 0;
  for (std::size_t at = 0; (at = text.find("T.C. Kimlik No", at)) != std::string::npos; ++at) ++headers;
  EXPECT_EQ(headers, pages);
  EXPECT_NE(text.find("Katılımcı 149"), std::string::npos);
  EXPECT_NE(text.find("Sayfa " + std::to_string(pages)), std::string::npos);
}

TEST(ReportPdf, EmptyReportPrintsTheMessage) {
  auto r = Sample();
  r.rows.clear();
  const auto pdf = RenderPdf(r);
  ASSERT_TRUE(pdf.ok());
  const auto text = PdfText(*pdf);
  EXPECT_NE(text.find("Girdiğiniz kriterlere uygun kayıt bulunamadı"), std::string::npos) << text;
  EXPECT_EQ(text.find("T.C. Kimlik No"), std::string::npos);
}

TEST(ReportXlsx, ReadsBackWithTheSameRows) {
  const auto r = Sample();
  const auto xlsx = RenderXlsx(r);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
  const auto grid = ReadXlsxFirstSheet(*xlsx);
  ASSERT_TRUE(grid.ok()) << grid.error().detail;
  // title, 3 fields, blank, header, 2 rows, blank, footer
  ASSERT_EQ(grid->size(), 10u);
  EXPECT_EQ((*grid)[0][0], r.title);
  EXPECT_EQ((*grid)[3][0], "İşveren");
  EXPECT_EQ((*grid)[3][1], "Güneş Işık Çağ Öğretim A.Ş.");
  EXPECT_EQ((*grid)[5], r.columns);
  EXPECT_EQ((*grid)[6], r.rows[0]);
  EXPECT_EQ((*grid)[7], r.rows[1]);
  EXPECT_EQ((*grid)[9][0], r.footer);
}

TEST(ReportXlsx, EmptyReportHasTheMessageAndNoHeader) {
  auto r = Sample();
  r.rows.clear();
  r.footer.clear();
  const auto xlsx = RenderXlsx(r);
  ASSERT_TRUE(xlsx.ok());
  const auto grid = ReadXlsxFirstSheet(*xlsx);
  ASSERT_TRUE(grid.ok());
  ASSERT_EQ(grid->size(), 6u);
  EXPECT_EQ((*grid)[5][0], r.empty_message);
}

TEST(ReportXlsx, SheetNameIsMadeValid) {
  auto r = Sample();
  r.sheet_name = "Aylık/Devam:Raporu*[Şubat] çok uzun bir sayfa adı";
  const auto xlsx = RenderXlsx(r);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().detail;
  EXPECT_TRUE(ReadXlsxFirstSheet(*xlsx).ok());
}

}  // namespace
}  // namespace istihdam::report
