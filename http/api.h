#pragma once
// Transport-neutral HTTP request and response. Only server.cpp knows Beast; routes and
// handlers see these.
#include <map>
#include <optional>
#include <string>
#include <strings.h>
#include <utility>
#include <vector>

namespace istihdam::http {

struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const {
    return strcasecmp(a.c_str(), b.c_str()) < 0;
  }
};

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: path and query, percent-encoded
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::string remote_address;

  // Filled by the router.
  std::string path;                                         // decoded
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> params;               // path parameters by name

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::optional<std::string> Query(const std::string& name) const {
    for (const auto& [k, v] : query) {
      if (k == name) return v;
    }
    return std::nullopt;
  }
  std::vector<std::string> QueryAll(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : query) {
      if (k == name) out.push_back(v);
    }
    return out;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool close = false;  // close the connection after writing
};

}  // namespace istihdam::http
