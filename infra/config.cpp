#include "infra/config.h"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

namespace istihdam {

Status LoadConfigFile(const std::string& path, Config* c) {
  std::ifstream in(path);
  if (!in) return Error::Of("config_unreadable", path);
  std::stringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(ss.str(), ec);
  if (ec || !v.is_object()) return Error::Of("config_invalid", path + ": not a JSON object");
  try {
    for (const auto& [key, val] : v.as_object()) {
      const std::string k(key);
      if (k == "dataDir") c->data_dir = val.as_string().c_str();
      else if (k == "referenceDir") c->reference_dir = val.as_string().c_str();
      else if (k == "bindAddress") c->bind_address = val.as_string().c_str();
      else if (k == "port") c->port = static_cast<std::uint16_t>(val.to_number<int>());
      else if (k == "httpThreads") c->http_threads = val.to_number<unsigned>();
      else if (k == "bodyLimitBytes") c->body_limit_bytes = val.to_number<std::size_t>();
      else if (k == "requestTimeoutSeconds") c->request_timeout_seconds = val.to_number<unsigned>();
      else if (k == "sessionTtlMinutes") c->session_ttl_minutes = val.to_number<unsigned>();
      else if (k == "passwordCost") c->password_cost = val.as_string().c_str();
      else if (k == "minPasswordLength") c->min_password_length = val.to_number<std::size_t>();
      else if (k == "demo") c->demo = val.as_bool();
      else if (k == "logLevel") c->log_level = val.as_string().c_str();
      else if (k == "termsVersion") c->terms_version = val.as_string().c_str();
      else if (k == "corsOrigins") {
        c->cors_origins.clear();
        for (const auto& o : val.as_array()) c->cors_origins.emplace_back(o.as_string().c_str());
      } else {
        return Error::Of("config_invalid", path + ": unknown key " + k);
      }
    }
  } catch (const std::exception& e) {
    return Error::Of("config_invalid", path + ": " + e.what());
  }
  return Status::Ok();
}

}  // namespace istihdam
