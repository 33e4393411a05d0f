// Crash test: a child process appends from 8 threads with sync on and reports every
// acknowledged append through a pipe; the parent kills it with SIGKILL at an arbitrary moment,
// reopens the store and checks that nothing acknowledged was lost and that the log is intact.
//
// The child is fork()ed and then exec()s this same binary, which runs the appender from a
// static initializer when ISTIHDAM_CRASH_CHILD_DIR is set. Exec gives the child a clean
// process: a plain fork of a process that already ran RocksDB (earlier tests) would inherit
// RocksDB's background-thread bookkeeping without the threads.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "infra/event_store.h"
#include "tests/test_util.h"

extern char** environ;

namespace istihdam {
namespace {

constexpr const char* kDirVar = "ISTIHDAM_CRASH_CHILD_DIR";
constexpr const char* kFdVar = "ISTIHDAM_CRASH_CHILD_FD";
constexpr int kAppenderThreads = 8;
constexpr std::size_t kAcksBeforeKill = 2000;

void WriteAll(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(4);  // the parent is gone
    done += static_cast<std::size_t>(n);
  }
}

// The child: appends until killed. Every acknowledged event is reported as one line
// "position stream version\n"; one append's lines go out in a single write (< PIPE_BUF, so
// atomic) under a mutex.
[[noreturn]] void RunAppenderChild(const std::string& dir, int fd) {
  crypto::Init();
  auto db = Database::Open(dir);
  if (!db.ok()) {
    WriteAll(fd, "error open " + db.error().detail + "\n");
    ::_exit(2);
  }
  EventStore store(db->get(), &SystemClock::Instance(), nullptr, EventStore::Options{.sync = true});
  std::mutex pipe_mu;
  std::vector<std::thread> threads;
  for (int th = 0; th < kAppenderThreads; ++th) {
    threads.emplace_back([&, th] {
      const std::string own = "crash-" + std::to_string(th);
      for (std::uint64_t i = 0;; ++i) {
        const bool shared = i % 3 == 0;
        AppendRequest req;
        req.streams.push_back({own,
                               ExpectedVersion::Exactly(i),
                               {NewEvent{"Tick", 1, own + "/" + std::to_string(i)}}});
        if (shared) {
          req.streams.push_back(
              {"crash-shared", ExpectedVersion::Any(), {NewEvent{"Tick", 1, "shared"}}});
        }
        auto r = store.Append(std::move(req));
        if (!r.ok()) {
          std::lock_guard lock(pipe_mu);
          WriteAll(fd, "error " + r.error().code + " " + r.error().detail + "\n");
          ::_exit(3);
        }
        std::string lines = std::to_string(r->first_position) + " " + own + " " +
                            std::to_string(r->stream_versions[0]) + "\n";
        if (shared) {
          lines += std::to_string(r->first_position + 1) + " crash-shared " +
                   std::to_string(r->stream_versions[1]) + "\n";
        }
        static_assert(PIPE_BUF >= 512);
        std::lock_guard lock(pipe_mu);
        WriteAll(fd, lines);
      }
    });
  }
  for (auto& t : threads) t.join();
  ::_exit(0);
}

// Runs before main() in the exec'd child; a no-op in every other process.
const bool kIsCrashChild = [] {
  const char* dir = std::getenv(kDirVar);
  const char* fd = std::getenv(kFdVar);
  if (dir == nullptr || fd == nullptr) return false;
  RunAppenderChild(dir, std::atoi(fd));
}();

// Kills and reaps the child when a test assertion returns early.
struct ChildGuard {
  pid_t pid = -1;
  ~ChildGuard() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
};

struct Ack {
  std::uint64_t position;
  std::string stream;
  std::uint64_t version;
};

TEST(CrashTest, AcknowledgedAppendsSurviveSigkill) {
  ASSERT_FALSE(kIsCrashChild);
  testing::InitCrypto();
  testing::TempDir dir;

  // Everything the child needs is prepared before fork(): after it, only async-signal-safe
  // calls until exec.
  int fds[2];
  ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
  char exe[PATH_MAX];
  const ssize_t len = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  ASSERT_GT(len, 0);
  exe[len] = '\0';
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  env_strings.push_back(std::string(kDirVar) + "=" + dir.path());
  env_strings.push_back(std::string(kFdVar) + "=" + std::to_string(fds[1]));
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::string arg0 = exe;
  std::string filter = "--gtest_filter=NoTestHasThisName";  // if the hook did not run: no tests
  char* argv[] = {arg0.data(), filter.data(), nullptr};

  ChildGuard child;
  child.pid = ::fork();
  ASSERT_GE(child.pid, 0);
  if (child.pid == 0) {
    ::close(fds[0]);
    ::fcntl(fds[1], F_SETFD, 0);  // the write end survives exec
    ::execve(exe, argv, envp.data());
    ::_exit(127);
  }
  ::close(fds[1]);

  // Read acknowledgements until enough have arrived, then kill; then drain to EOF.
  std::vector<Ack> acks;
  std::string buffer;
  std::vector<std::string> errors;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool killed = false, eof = false;
  while (!eof) {
    if (!killed && acks.size() >= kAcksBeforeKill) {
      ASSERT_EQ(::kill(child.pid, SIGKILL), 0);
      int status = 0;
      ASSERT_EQ(::waitpid(child.pid, &status, 0), child.pid);
      child.pid = -1;
      EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;
      killed = true;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    ASSERT_GT(left.count(), 0) << "timed out with " << acks.size() << " acknowledgements";
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    ASSERT_GE(ready, 0) << std::strerror(errno);
    if (ready == 0) continue;  // the deadline check above fails the test
    char chunk[65536];
    const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    ASSERT_GE(n, 0) << std::strerror(errno);
    if (n == 0) {
      eof = true;
      break;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    std::size_t nl;
    while ((nl = buffer.find('\n')) != std::string::npos) {
      const std::string line = buffer.substr(0, nl);
      buffer.erase(0, nl + 1);
      std::istringstream in(line);
      Ack a;
      if (line.rfind("error", 0) == 0 || !(in >> a.position >> a.stream >> a.version)) {
        errors.push_back(line);
      } else {
        acks.push_back(a);
      }
    }
  }
  ::close(fds[0]);
  ASSERT_TRUE(errors.empty()) << "child reported: " << errors.front();
  ASSERT_TRUE(killed) << "the child exited by itself after " << acks.size() << " acknowledgements";
  EXPECT_TRUE(buffer.empty()) << "a torn line: " << buffer;
  ASSERT_GE(acks.size(), kAcksBeforeKill);

  // Restart on the files the killed process left.
  auto db = Database::Open(dir.path());
  ASSERT_TRUE(db.ok()) << db.error().detail;
  ManualClock clock(testing::kT0);
  EventStore store(db->get(), &clock, nullptr, EventStore::Options{.sync = true});

  std::string problem;
  EXPECT_EQ(store.Verify(&problem), 0u) << problem;
  const std::uint64_t last = store.LastPosition();
  RecordProperty("acknowledged", static_cast<int>(acks.size()));
  RecordProperty("recovered", static_cast<int>(last));
  ASSERT_GE(last, acks.size());
  const auto all = store.ReadAll(1, last + 10);
  ASSERT_EQ(all.size(), last);
  for (std::uint64_t i = 0; i < last; ++i) ASSERT_EQ(all[i].position, i + 1);

  for (const auto& a : acks) {
    ASSERT_GE(a.position, 1u);
    ASSERT_LE(a.position, last) << "acknowledged position lost";
    const auto& e = all[a.position - 1];
    EXPECT_EQ(e.stream, a.stream) << "position " << a.position;
    EXPECT_EQ(e.version, a.version) << "position " << a.position;
  }

  // Every stream is gap-free too, and the store accepts appends where the child stopped.
  std::map<std::string, std::uint64_t> versions;
  for (const auto& e : all) EXPECT_EQ(e.version, ++versions[e.stream]) << e.stream;
  for (const auto& [stream, v] : versions) EXPECT_EQ(store.StreamVersion(stream), v);
  auto next =
      store.Append(testing::OneStream("crash-0", ExpectedVersion::Exactly(versions["crash-0"]),
                                      {testing::RawEvent("after restart")}));
  ASSERT_TRUE(next.ok()) << next.error().detail;
  EXPECT_EQ(next->first_position, last + 1);
  EXPECT_EQ(store.Verify(&problem), 0u) << problem;
}

}  // namespace
}  // namespace istihdam
