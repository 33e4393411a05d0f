#pragma once
// Building a librdkafka configuration from defaults plus the operator's overrides. Included
// only by the Kafka .cpp files (it pulls in librdkafka).
#include <librdkafka/rdkafka.h>

#include <map>
#include <string>

#include "infra/result.h"

namespace istihdam {

// A new rd_kafka_conf_t holding `defaults` overridden by `extra`; the caller owns it.
// Error "kafka_config" naming the property librdkafka refused (nothing is leaked).
inline Result<rd_kafka_conf_t*> MakeKafkaConf(std::map<std::string, std::string> defaults,
                                              const std::map<std::string, std::string>& extra) {
  for (const auto& [k, v] : extra) defaults[k] = v;
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char err[512];
  for (const auto& [k, v] : defaults) {
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      return Error::Of(errc::kKafkaConfig, k + ": " + err);
    }
  }
  return conf;
}

}  // namespace istihdam
