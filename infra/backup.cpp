#include "infra/backup.h"

#include <fcntl.h>
#include <poll.h>
#include <rocksdb/db.h>
#include <rocksdb/utilities/backup_engine.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

namespace istihdam {

namespace fs = std::filesystem;

namespace {

Error Failed(std::string detail) { return Error::Of(errc::kStoreFailed, std::move(detail)); }

// Bytes of the regular files under `dir` (what a backup run added to its directory).
std::uint64_t DirBytes(const std::string& dir) {
  std::error_code ec;
  std::uint64_t n = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::error_code e2;
    if (it->is_regular_file(e2)) n += it->file_size(e2);
  }
  return n;
}

// The same options for every engine on a directory (BackupEngine requires it): table files
// shared between backups and named by checksum, so an unchanged file is never copied twice.
rocksdb::BackupEngineOptions EngineOptions(const std::string& dir) {
  rocksdb::BackupEngineOptions o(dir);
  o.share_table_files = true;
  o.share_files_with_checksum = true;
  o.sync = true;
  o.max_background_operations = 2;
  return o;
}

BackupSummary SummaryOf(const rocksdb::BackupInfo& info) {
  BackupSummary s;
  s.id = info.backup_id;
  s.timestamp = info.timestamp;
  s.size = info.size;
  s.files = info.number_files;
  return s;
}

boost::json::object ToJson(const BackupSummary& s) {
  return {{"ok", true},
          {"backupId", s.id},
          {"timestamp", s.timestamp},
          {"size", s.size},
          {"files", s.files},
          {"copiedBytes", s.copied_bytes}};
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Reads until a newline or EOF, at most `limit` bytes; false on an error or a timeout.
bool ReadLine(int fd, std::string* out, std::size_t limit) {
  char buf[4096];
  while (out->find('\n') == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    out->append(buf, static_cast<std::size_t>(n));
    if (out->size() > limit) return false;
  }
  if (const auto nl = out->find('\n'); nl != std::string::npos) out->resize(nl);
  return true;
}

bool SocketAddress(const std::string& path, sockaddr_un* addr) {
  std::memset(addr, 0, sizeof *addr);
  addr->sun_family = AF_UNIX;
  if (path.size() >= sizeof addr->sun_path) return false;
  std::memcpy(addr->sun_path, path.data(), path.size());
  return true;
}

}  // namespace

Result<BackupSummary> CreateBackup(rocksdb::DB* db, const std::string& to, std::uint32_t keep) {
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return Failed("cannot create the backup directory " + to + ": " + ec.message());
  const std::uint64_t before = DirBytes(to);
  rocksdb::BackupEngine* raw = nullptr;
  rocksdb::IOStatus st = rocksdb::BackupEngine::Open(EngineOptions(to), db->GetEnv(), &raw);
  if (!st.ok()) return Failed("cannot open the backup directory " + to + ": " + st.ToString());
  std::unique_ptr<rocksdb::BackupEngine> engine(raw);
  rocksdb::CreateBackupOptions options;
  // Memtables are flushed first (projection side tables are written with the WAL too, but a
  // flushed backup restores without replaying a long log); the live WAL is copied as well.
  options.flush_before_backup = true;
  rocksdb::BackupID id = 0;
  st = engine->CreateNewBackup(options, db, &id);
  if (!st.ok()) return Failed("backup into " + to + " failed: " + st.ToString());
  st = engine->VerifyBackup(id, /*verify_with_checksum=*/false);  // every file there, sizes right
  if (!st.ok()) return Failed("backup " + std::to_string(id) + " in " + to + " does not verify: " + st.ToString());
  rocksdb::BackupInfo info;
  if (auto s = engine->GetBackupInfo(id, &info); !s.ok()) return Failed("backup " + std::to_string(id) + ": " + s.ToString());
  BackupSummary summary = SummaryOf(info);
  const std::uint64_t after = DirBytes(to);
  summary.copied_bytes = after > before ? after - before : 0;
  if (keep > 0) {
    st = engine->PurgeOldBackups(keep);
    if (!st.ok()) return Failed("backup " + std::to_string(id) + " made, but purging old ones failed: " + st.ToString());
  }
  return summary;
}

Result<std::vector<BackupSummary>> ListBackups(const std::string& from) {
  std::error_code ec;
  if (!fs::is_directory(from, ec)) return Failed(from + " is not a directory");
  if (!fs::is_directory(fs::path(from) / "meta", ec)) return Failed(from + " holds no backups (no meta/ directory)");
  rocksdb::BackupEngineReadOnly* raw = nullptr;
  rocksdb::IOStatus st = rocksdb::BackupEngineReadOnly::Open(EngineOptions(from), rocksdb::Env::Default(), &raw);
  if (!st.ok()) return Failed("cannot open the backup directory " + from + ": " + st.ToString());
  std::unique_ptr<rocksdb::BackupEngineReadOnly> engine(raw);
  std::vector<rocksdb::BackupInfo> infos;
  engine->GetBackupInfo(&infos);
  std::vector<BackupSummary> out;
  for (const auto& i : infos) out.push_back(SummaryOf(i));
  return out;
}

Status RestoreBackup(const std::string& from, const std::string& data_dir, std::uint32_t id) {
  std::error_code ec;
  if (fs::exists(data_dir, ec) && (!fs::is_directory(data_dir, ec) || !fs::is_empty(data_dir, ec))) {
    return Failed("refusing to restore into " + data_dir + ": it exists and is not an empty directory");
  }
  auto list = ListBackups(from);
  if (!list.ok()) return list.error();
  if (list->empty()) return Failed(from + " holds no valid backup");
  if (id == 0) id = list->back().id;
  if (std::none_of(list->begin(), list->end(), [&](const BackupSummary& s) { return s.id == id; })) {
    return Failed("no valid backup " + std::to_string(id) + " in " + from);
  }
  rocksdb::BackupEngineReadOnly* raw = nullptr;
  rocksdb::IOStatus st = rocksdb::BackupEngineReadOnly::Open(EngineOptions(from), rocksdb::Env::Default(), &raw);
  if (!st.ok()) return Failed("cannot open the backup directory " + from + ": " + st.ToString());
  std::unique_ptr<rocksdb::BackupEngineReadOnly> engine(raw);
  fs::create_directories(data_dir, ec);
  if (ec) return Failed("cannot create " + data_dir + ": " + ec.message());
  // Each copied file's checksum is compared with the one recorded at backup time.
  st = engine->RestoreDBFromBackup(rocksdb::RestoreOptions(/*keep_log_files=*/false), id, data_dir, data_dir);
  if (!st.ok()) {
    // It was empty before: take back everything the restore wrote. The engine goes first: a
    // failed copy returns while its other copy jobs may still be writing (CURRENT.tmp,
    // OPTIONS-* were seen after the return), and destroying the engine waits for them.
    engine.reset();
    std::vector<fs::path> written;
    for (const auto& e : fs::directory_iterator(data_dir, ec)) written.push_back(e.path());
    for (const auto& p : written) fs::remove_all(p, ec);
    return Failed("restore of backup " + std::to_string(id) + " failed: " + st.ToString());
  }
  return Status::Ok();
}

std::string BackupSocketPath(const std::string& data_dir) { return (fs::path(data_dir) / "backup.sock").string(); }

Result<BackupSummary> RequestBackup(const std::string& data_dir, const std::string& to, std::uint32_t keep,
                                    bool* nobody_listens) {
  *nobody_listens = false;
  const std::string path = BackupSocketPath(data_dir);
  sockaddr_un addr;
  *nobody_listens = true;
  if (!SocketAddress(path, &addr)) return Failed("socket path too long: " + path);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Failed(std::string("socket: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    return Failed("nothing answers on " + path + ": " + std::strerror(errno));
  }
  *nobody_listens = false;
  const boost::json::object request{{"to", to}, {"keep", keep}};
  if (!WriteAll(fd, boost::json::serialize(request) + "\n")) return Failed("the server closed " + path);
  std::string line;
  if (!ReadLine(fd, &line, 1 << 20) || line.empty()) return Failed("no answer from the server on " + path);
  boost::system::error_code jec;
  const auto v = boost::json::parse(line, jec);
  if (jec || !v.is_object()) return Failed("unreadable answer from the server: " + line);
  const auto& o = v.as_object();
  if (!o.contains("ok") || !o.at("ok").is_bool() || !o.at("ok").as_bool()) {
    const auto* e = o.if_contains("error");
    return Failed(e && e->is_string() ? std::string(e->as_string()) : line);
  }
  BackupSummary s;
  s.id = static_cast<std::uint32_t>(o.at("backupId").to_number<std::uint64_t>());
  s.timestamp = o.at("timestamp").to_number<std::int64_t>();
  s.size = o.at("size").to_number<std::uint64_t>();
  s.files = static_cast<std::uint32_t>(o.at("files").to_number<std::uint64_t>());
  s.copied_bytes = o.at("copiedBytes").to_number<std::uint64_t>();
  return s;
}

BackupListener::BackupListener(rocksdb::DB* db, std::string data_dir)
    : db_(db), path_(BackupSocketPath(data_dir)) {}

BackupListener::~BackupListener() { Stop(); }

Status BackupListener::Start() {
  sockaddr_un addr;
  if (!SocketAddress(path_, &addr)) return Failed("socket path too long: " + path_);
  // A socket file left by a process that died: this process holds the database's LOCK, so
  // no other server can be listening on it.
  ::unlink(path_.c_str());
  listen_fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) return Failed(std::string("socket: ") + std::strerror(errno));
  const mode_t old_mask = ::umask(0177);  // the file is created 0600: this user only
  const int rc = ::bind(listen_fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  ::umask(old_mask);
  if (rc != 0 || ::listen(listen_fd_, 4) != 0 || ::pipe2(wake_, O_CLOEXEC) != 0) {
    const std::string why = std::strerror(errno);
    ::close(listen_fd_);
    listen_fd_ = -1;
    return Failed("cannot listen on " + path_ + ": " + why);
  }
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

void BackupListener::Stop() {
  if (!thread_.joinable()) return;
  const char c = 'x';
  [[maybe_unused]] auto n = ::write(wake_[1], &c, 1);
  thread_.join();
  ::close(listen_fd_);
  ::close(wake_[0]);
  ::close(wake_[1]);
  listen_fd_ = wake_[0] = wake_[1] = -1;
  ::unlink(path_.c_str());
}

void BackupListener::Run() {
  for (;;) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      spdlog::error("backup socket: poll: {}", std::strerror(errno));
      return;
    }
    if (fds[1].revents != 0) return;
    if ((fds[0].revents & POLLIN) == 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    Serve(fd);
    ::close(fd);
  }
}

void BackupListener::Serve(int fd) {
  auto answer = [&](const boost::json::object& o) { WriteAll(fd, boost::json::serialize(o) + "\n"); };
  auto refuse = [&](const std::string& why) {
    spdlog::warn("backup refused: {}", why);
    answer({{"ok", false}, {"error", why}});
  };
  ucred peer{};
  socklen_t len = sizeof peer;
  if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &len) != 0 || (peer.uid != ::getuid() && peer.uid != 0)) {
    return refuse("only the server's own user (or root) may ask for a backup");
  }
  timeval timeout{10, 0};  // the request is one short line
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string line;
  if (!ReadLine(fd, &line, 64 * 1024)) return refuse("unreadable request");
  boost::system::error_code ec;
  const auto v = boost::json::parse(line, ec);
  const auto* o = !ec && v.is_object() ? &v.as_object() : nullptr;
  const auto* to = o ? o->if_contains("to") : nullptr;
  const auto* keep = o ? o->if_contains("keep") : nullptr;
  if (!to || !to->is_string() || !fs::path(std::string(to->as_string())).is_absolute() ||
      (keep && !keep->is_number())) {
    return refuse("the request needs an absolute \"to\" and a numeric \"keep\"");
  }
  std::uint32_t n = 0;
  if (keep) {
    const auto k = keep->to_number<std::int64_t>(ec);
    if (ec || k < 0 || k > 100000) return refuse("bad \"keep\"");
    n = static_cast<std::uint32_t>(k);
  }
  const std::string dir(to->as_string());
  spdlog::info("backup into {} requested (keep {})", dir, n);
  auto made = CreateBackup(db_, dir, n);
  if (!made.ok()) return refuse(made.error().detail);
  spdlog::info("backup {} into {}: {} files, {} bytes, {} bytes copied", made->id, dir, made->files, made->size,
               made->copied_bytes);
  answer(ToJson(*made));
}

}  // namespace istihdam
