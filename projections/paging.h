#pragma once
// The list envelope every listing answers with (API.md "Lists"):
// {"items", "page", "pageSize", "total", "totalPages"}.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>

namespace istihdam {

struct Page {
  std::size_t page = 1;        // 1-based
  std::size_t page_size = 15;  // at most 100 (the router checks)
};

// Index of the first row of `page` within all rows.
inline std::size_t FirstRow(const Page& page) { return (page.page - 1) * page.page_size; }

// `items` are the rows of this page; `total` counts the rows of all pages.
inline boost::json::object PageEnvelope(boost::json::array items, std::size_t total, const Page& page) {
  boost::json::object out;
  out["items"] = std::move(items);
  out["page"] = page.page;
  out["pageSize"] = page.page_size;
  out["total"] = total;
  out["totalPages"] = (total + page.page_size - 1) / page.page_size;
  return out;
}

// A list served whole (reference data, short per-user lists) in the same envelope: one page
// holding every row.
inline boost::json::object WholeListEnvelope(boost::json::array items) {
  const std::size_t total = items.size();
  boost::json::object out;
  out["items"] = std::move(items);
  out["page"] = 1;
  out["pageSize"] = total;
  out["total"] = total;
  out["totalPages"] = total == 0 ? 0 : 1;
  return out;
}

}  // namespace istihdam
