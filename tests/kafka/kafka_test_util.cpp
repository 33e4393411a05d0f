#include "kafka_test_util.h"

#include <librdkafka/rdkafka.h>
#include <stdlib.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace kafka_test {

namespace {

std::string Script() { return std::string(ISTIHDAM_SOURCE_DIR) + "/tools/kafka.sh"; }

std::string RunCommand(const std::string& cmd, int* rc) {
  std::string out;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) throw std::runtime_error("popen " + cmd);
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), p)) out += buf.data();
  *rc = ::pclose(p);
  return out;
}

}  // namespace

Broker::Broker() {
  char pattern[] = "/tmp/istihdam-kafka-XXXXXX";
  if (!::mkdtemp(pattern)) throw std::runtime_error("mkdtemp");
  dir_ = pattern;
  Run("start");
  std::ifstream in(dir_ + "/bootstrap");
  in >> bootstrap_;
  if (bootstrap_.empty()) throw std::runtime_error("no bootstrap file in " + dir_);
}

Broker::~Broker() {
  int rc = 0;
  RunCommand(Script() + " stop " + dir_, &rc);
  if (!::getenv("ISTIHDAM_E2E_KEEP")) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

void Broker::Run(const std::string& subcommand) {
  int rc = 0;
  const auto out = RunCommand(Script() + " " + subcommand + " " + dir_, &rc);
  if (rc != 0) throw std::runtime_error("tools/kafka.sh " + subcommand + " failed:\n" + out);
}

void Broker::Kill9() { Run("kill9"); }
void Broker::Restart() { Run("restart"); }

std::vector<Message> ReadTopic(const std::string& bootstrap, const std::string& topic) {
  char err[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), err, sizeof err);
  rd_kafka_conf_set(conf, "group.id", "istihdam-test-reader", err, sizeof err);
  rd_kafka_conf_set(conf, "enable.auto.commit", "false", err, sizeof err);
  rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
  if (!rk) throw std::runtime_error(err);
  rd_kafka_poll_set_consumer(rk);
  const rd_kafka_metadata_t* md = nullptr;
  if (rd_kafka_metadata(rk, 1, nullptr, &md, 10000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    rd_kafka_destroy(rk);
    throw std::runtime_error("metadata");
  }
  int partitions = 0;
  for (int i = 0; i < md->topic_cnt; ++i) {
    if (topic == md->topics[i].topic) partitions = md->topics[i].partition_cnt;
  }
  rd_kafka_metadata_destroy(md);
  std::map<std::int32_t, std::int64_t> high;
  rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(partitions);
  for (int p = 0; p < partitions; ++p) {
    int64_t lo = 0, hi = 0;
    if (rd_kafka_query_watermark_offsets(rk, topic.c_str(), p, &lo, &hi, 10000) !=
        RD_KAFKA_RESP_ERR_NO_ERROR) {
      rd_kafka_destroy(rk);
      throw std::runtime_error("watermarks");
    }
    if (hi > lo) {
      high[p] = hi;
      rd_kafka_topic_partition_list_add(parts, topic.c_str(), p)->offset =
          RD_KAFKA_OFFSET_BEGINNING;
    }
  }
  rd_kafka_assign(rk, parts);
  rd_kafka_topic_partition_list_destroy(parts);
  std::map<std::int32_t, std::vector<Message>> by_partition;
  std::map<std::int32_t, std::int64_t> next;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto done = [&] {
    for (const auto& [p, hi] : high) {
      if (next[p] < hi) return false;
    }
    return true;
  };
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(rk, 200);
    if (!m) continue;
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR && m->offset < high[m->partition]) {
      Message msg;
      msg.partition = m->partition;
      msg.offset = m->offset;
      if (m->key) msg.key.assign(static_cast<const char*>(m->key), m->key_len);
      if (m->payload) msg.value.assign(static_cast<const char*>(m->payload), m->len);
      rd_kafka_headers_t* hdrs = nullptr;
      if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        const char* name;
        const void* val;
        size_t size;
        for (size_t i = 0;
             rd_kafka_header_get_all(hdrs, i, &name, &val, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
             ++i) {
          msg.headers[name] = std::string(static_cast<const char*>(val), size);
        }
      }
      if (msg.headers.count("position")) msg.position = std::stoull(msg.headers["position"]);
      by_partition[m->partition].push_back(std::move(msg));
      next[m->partition] = m->offset + 1;
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  if (!done()) throw std::runtime_error("topic " + topic + " not read to its end within 60 s");
  std::vector<Message> out;
  for (auto& [p, v] : by_partition) {
    for (auto& m : v) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace kafka_test
