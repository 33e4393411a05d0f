#pragma once
// Helpers for the Kafka tests: a real single-node Apache Kafka broker run by tools/kafka.sh
// (one per test binary, on free loopback ports), and a reader of a whole topic.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kafka_test {

// tools/kafka.sh start/stop/kill9/restart on a temporary directory.
class Broker {
 public:
  // Starts the broker; throws std::runtime_error with the script's output when it fails.
  Broker();
  ~Broker();  // stops it and removes the directory (unless ISTIHDAM_E2E_KEEP is set)
  const std::string& bootstrap() const { return bootstrap_; }
  void Kill9();
  void Restart();  // same data, same ports

 private:
  void Run(const std::string& subcommand);
  std::string dir_;
  std::string bootstrap_;
};

struct Message {
  std::int32_t partition = 0;
  std::int64_t offset = 0;
  std::string key;
  std::string value;
  std::map<std::string, std::string> headers;
  std::uint64_t position = 0;  // from the "position" header
};

// Every message of `topic` up to the high watermarks at the time of the call, in partition and
// offset order. Throws std::runtime_error when the broker does not answer.
std::vector<Message> ReadTopic(const std::string& bootstrap, const std::string& topic);

}  // namespace kafka_test
