// PDF rendering of a TableReport with cairo + pango: A4 portrait, DejaVu Sans (Debian's
// fonts-dejavu-core, found through fontconfig), text shaped by pango so Turkish letters and
// any other script come out right and extract correctly (pdftotext). Column widths follow
// the widest cell of each column, scaled down to the printable width; long cells wrap.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <numeric>

#include "infra/report.h"

namespace istihdam::report {

namespace {

constexpr double kPageWidth = 595.276;   // A4 in points
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 40.0;
constexpr double kCellPadding = 3.0;
constexpr double kMinColumnWidth = 36.0;

struct Deleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(PangoLayout* l) const { g_object_unref(l); }
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
template <class T>
using Owned = std::unique_ptr<T, Deleter>;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws text with pango. Owns one layout per font; not thread-safe (one per rendering).
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {
    for (auto [slot, spec] : {std::pair{&body_, "DejaVu Sans 8"}, std::pair{&bold_, "DejaVu Sans Bold 8"},
                              std::pair{&title_, "DejaVu Sans Bold 13"}}) {
      *slot = Owned<PangoLayout>(pango_cairo_create_layout(cr_));
      Owned<PangoFontDescription> font(pango_font_description_from_string(spec));
      pango_layout_set_font_description(slot->get(), font.get());
      pango_layout_set_wrap(slot->get(), PANGO_WRAP_WORD_CHAR);
    }
  }
  enum class Style { kBody, kBold, kTitle };

  // Size of `text` laid out at most `width` points wide (width <= 0: one unwrapped line).
  std::pair<double, double> Measure(Style style, const std::string& text, double width) {
    PangoLayout* l = Prepare(style, text, width);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
  }
  // Draws `text` with its top-left corner at (x, y); returns its height.
  double Draw(Style style, const std::string& text, double x, double y, double width) {
    PangoLayout* l = Prepare(style, text, width);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

 private:
  PangoLayout* Prepare(Style style, const std::string& text, double width) {
    PangoLayout* l = style == Style::kTitle ? title_.get() : style == Style::kBold ? bold_.get() : body_.get();
    pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
    pango_layout_set_width(l, width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    return l;
  }
  cairo_t* cr_;
  Owned<PangoLayout> body_, bold_, title_;
};

// Natural column widths (widest cell, header included), scaled to fit `available`.
std::vector<double> ColumnWidths(Writer& w, const TableReport& r, double available) {
  std::vector<double> widths(r.columns.size(), kMinColumnWidth);
  auto widen = [&](Writer::Style style, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < widths.size() && c < cells.size(); ++c) {
      widths[c] = std::max(widths[c], w.Measure(style, cells[c], 0).first + 2 * kCellPadding);
    }
  };
  widen(Writer::Style::kBold, r.columns);
  for (const auto& row : r.rows) widen(Writer::Style::kBody, row);
  const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
  if (total > available) {
    // Shrink the wide columns first: every column keeps at least an equal share or its width.
    const double fair = available / static_cast<double>(widths.size());
    double fixed = 0, flexible = 0;
    for (double x : widths) (x <= fair ? fixed : flexible) += x;
    const double scale = flexible > 0 ? (available - fixed) / flexible : 1.0;
    for (double& x : widths) {
      if (x > fair) x *= scale;
    }
  }
  return widths;
}

}  // namespace

Result<std::string> RenderPdf(const TableReport& r) {
  std::string out;
  Owned<cairo_surface_t> surface(cairo_pdf_surface_create_for_stream(Append, &out, kPageWidth, kPageHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error::Of(errc::kReportFailed, "cairo: cannot create a PDF surface");
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, r.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "istihdam");
  {
    Owned<cairo_t> cr(cairo_create(surface.get()));
    Writer w(cr.get());
    const double width = kPageWidth - 2 * kMargin;
    const double bottom = kPageHeight - kMargin;
    int page = 1;
    double y = kMargin;

    auto footer = [&] {
      const std::string text = (r.footer.empty() ? "" : r.footer + "   ") + "Sayfa " + std::to_string(page);
      w.Draw(Writer::Style::kBody, text, kMargin, bottom + 8, width);
    };

    y += w.Draw(Writer::Style::kTitle, r.title, kMargin, y, width) + 8;
    for (const auto& [label, value] : r.fields) {
      const double lw = w.Measure(Writer::Style::kBold, label + ": ", 0).first;
      const double h1 = w.Draw(Writer::Style::kBold, label + ": ", kMargin, y, width);
      const double h2 = w.Draw(Writer::Style::kBody, value, kMargin + lw, y, width - lw);
      y += std::max(h1, h2) + 2;
    }
    y += 8;

    if (r.rows.empty() || r.columns.empty()) {
      w.Draw(Writer::Style::kBold, r.empty_message, kMargin, y, width);
    } else {
      const auto widths = ColumnWidths(w, r, width);
      const double table_width = std::accumulate(widths.begin(), widths.end(), 0.0);
      auto row_height = [&](Writer::Style style, const std::vector<std::string>& cells) {
        double h = 0;
        for (std::size_t c = 0; c < widths.size(); ++c) {
          const std::string& text = c < cells.size() ? cells[c] : std::string();
          h = std::max(h, w.Measure(style, text, widths[c] - 2 * kCellPadding).second);
        }
        return h + 2 * kCellPadding;
      };
      auto draw_row = [&](Writer::Style style, const std::vector<std::string>& cells, double h, bool shade) {
        double x = kMargin;
        if (shade) {
          cairo_set_source_rgb(cr.get(), 0.90, 0.90, 0.90);
          cairo_rectangle(cr.get(), kMargin, y, table_width, h);
          cairo_fill(cr.get());
        }
        cairo_set_source_rgb(cr.get(), 0, 0, 0);
        cairo_set_line_width(cr.get(), 0.5);
        for (std::size_t c = 0; c < widths.size(); ++c) {
          cairo_rectangle(cr.get(), x, y, widths[c], h);
          cairo_stroke(cr.get());
          const std::string& text = c < cells.size() ? cells[c] : std::string();
          w.Draw(style, text, x + kCellPadding, y + kCellPadding, widths[c] - 2 * kCellPadding);
          x += widths[c];
        }
        y += h;
      };
      const double header_h = row_height(Writer::Style::kBold, r.columns);
      draw_row(Writer::Style::kBold, r.columns, header_h, true);
      for (const auto& row : r.rows) {
        const double h = row_height(Writer::Style::kBody, row);
        if (y + h > bottom) {  // next page, header repeated
          footer();
          cairo_show_page(cr.get());
          ++page;
          y = kMargin;
          draw_row(Writer::Style::kBold, r.columns, header_h, true);
        }
        draw_row(Writer::Style::kBody, row, h, false);
      }
    }
    footer();
    cairo_show_page(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      return Error::Of(errc::kReportFailed, std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error::Of(errc::kReportFailed, "cairo: the PDF could not be finished");
  }
  return out;
}

}  // namespace istihdam::report
