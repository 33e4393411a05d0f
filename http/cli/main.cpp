// The istihdam command line: serve, verify, events, rebuild, staff add, sessions revoke,
// occupations import, demo, backup, restore.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands/occupations.h"
#include "commands/session_revocation.h"
#include "commands/staff.h"
#include "http/app.h"
#include "http/cli/progress.h"
#include "http/demo_job_seekers.h"
#include "http/serve.h"
#include "infra/backup.h"
#include "infra/family_rows.h"
#include "infra/checkpoint.h"
#include "infra/text.h"

using namespace istihdam;

namespace {

std::unique_ptr<http::App> OpenApp(const Config& config) {
  static std::unique_ptr<FileClock> file_clock;  // outlives the App (process lifetime)
  if (!config.clock_file.empty() && !file_clock) file_clock = std::make_unique<FileClock>(config.clock_file);
  try {
    return http::App::Open(config, file_clock ? static_cast<const Clock*>(file_clock.get()) : &SystemClock::Instance());
  } catch (const std::exception& e) {
    std::cerr << "istihdam: " << e.what() << "\n";
    std::exit(2);
  }
}

int Verify(const Config& config) {
  auto app = OpenApp(config);
  cli::Progress progress("verify");
  std::string problem;
  // Events written before the log refused bad text stay in it (it is immutable): they are
  // warnings with their positions, not a broken chain.
  std::vector<std::string> warnings;
  std::size_t bad_text = 0;
  const auto bad = app->store().Verify(
      &problem, [&](auto d, auto t) { progress.Update(d, t); },
      [&](const RecordedEvent& e) {
        const auto field = app->registry().FindInvalidText(e);
        if (!field) return;
        if (++bad_text <= 100) {
          warnings.push_back("position " + std::to_string(e.position) + " (" + ToValidUtf8(e.type) + "): " + *field +
                             " is not valid UTF-8 text");
        }
      });
  for (const auto& w : warnings) std::cerr << "istihdam verify: warning: " << w << "\n";
  if (bad_text > warnings.size()) {
    std::cerr << "istihdam verify: warning: " << bad_text - warnings.size() << " more events with such text\n";
  }
  if (bad != 0) {
    std::cerr << "istihdam verify: FAILED at position " << bad << ": " << problem << "\n";
    std::cout << bad << "\n";
    return 1;
  }
  std::cerr << "istihdam verify: ok, " << app->store().LastPosition() << " events, hash chain intact";
  if (bad_text > 0) std::cerr << "; " << bad_text << " events hold text that is not valid UTF-8 (warnings above)";
  std::cerr << "\n";
  return 0;
}

// A file's text, or `arg` itself when no such file exists (a verifier key may be given inline).
std::string FileOrText(const std::string& arg) {
  std::ifstream in(arg, std::ios::binary);
  if (!in) return arg;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `verify --checkpoint FILE --key VKEY` (docs/audit.md): the signature, then the local log
// against the checkpoint: the hash chain of its first N events and the root of their tree.
int VerifyCheckpoint(const Config& config, const std::string& checkpoint_file, const std::string& key_arg) {
  std::ifstream in(checkpoint_file, std::ios::binary);
  if (!in) {
    std::cerr << "istihdam verify: cannot read " << checkpoint_file << "\n";
    return 2;
  }
  std::stringstream note;
  note << in.rdbuf();
  auto key = checkpoint::ParseVerifierKey(FileOrText(key_arg));
  if (!key.ok()) {
    std::cerr << "istihdam verify: --key: " << key.error().detail << "\n";
    return 2;
  }
  auto c = checkpoint::Verify(note.str(), *key);
  if (!c.ok()) {
    std::cerr << "istihdam verify: FAILED: checkpoint " << c.error().code << ": " << c.error().detail << "\n";
    return 1;
  }
  auto app = OpenApp(config);
  const auto last = app->store().LastPosition();
  const auto fail = [](std::uint64_t position, const std::string& why) {
    std::cerr << "istihdam verify: FAILED at position " << position << ": " << why << "\n";
    std::cout << position << "\n";
    return 1;
  };
  if (c->size > last) {
    return fail(last + 1, "the checkpoint covers " + std::to_string(c->size) + " events, the log holds " +
                              std::to_string(last));
  }
  // The tree this server recorded (the merkle projection), to point at a leaf that changed.
  const MerkleViewStore recorded(app->projections().View(kMerkleProjection));
  const auto recorded_size = app->projections().Position(kMerkleProjection);
  merkle::CompactRange range;
  std::uint64_t first_changed = 0;
  cli::Progress progress("verify");
  std::string problem;
  const auto bad = app->store().Verify(
      &problem, [&](auto d, auto t) { progress.Update(d, t); },
      [&](const RecordedEvent& e) {
        if (e.position > c->size) return;
        range.Append(e.hash);
        if (first_changed == 0 && e.position <= recorded_size) {
          const auto leaf = recorded.Get(0, e.position - 1);
          if (leaf && *leaf != merkle::LeafHash(e.hash)) first_changed = e.position;
        }
      });
  if (bad != 0 && bad <= c->size) return fail(bad, "hash chain: " + problem);
  if (range.Size() != c->size) return fail(range.Size() + 1, "the log could not be read up to the checkpoint");
  if (range.Root() != c->root) {
    if (first_changed != 0) return fail(first_changed, "the event's hash differs from the leaf the tree recorded");
    std::cerr << "istihdam verify: FAILED: the root of the first " << c->size
              << " events differs from the checkpoint's; each event matches its chain and the tree this server "
                 "recorded, so the disagreeing position cannot be narrowed down from a root alone\n";
    std::cout << c->size << "\n";
    return 1;
  }
  std::cerr << "istihdam verify: ok, checkpoint " << c->origin << " of " << c->size
            << " events is signed by " << key->name << " and consistent with the local log (" << last
            << " events)\n";
  return 0;
}

int DumpEvents(const Config& config, std::uint64_t from) {
  auto app = OpenApp(config);
  cli::Progress progress("events");
  const auto total = app->store().LastPosition();
  try {
    for (std::uint64_t pos = std::max<std::uint64_t>(from, 1);;) {
      const auto evs = app->store().ReadAll(pos, 1000);
      if (evs.empty()) break;
      for (const auto& e : evs) std::cout << boost::json::serialize(app->registry().ToJson(e)) << '\n';
      pos = evs.back().position + 1;
      progress.Update(pos - 1, total);
    }
  } catch (const StoreError& e) {  // what was readable is out; the rest is not silently dropped
    std::cout.flush();
    std::cerr << "istihdam events: " << e.code() << ": " << e.what() << "\n";
    return 1;
  }
  std::cout.flush();
  return 0;
}

int Rebuild(const Config& config, const std::string& only) {
  auto app = OpenApp(config);
  auto names = app->projections().Names();
  names.push_back(kJobSearchProjection);  // the search index follows job_postings: after it
  if (!only.empty()) names = {only};
  for (const auto& name : names) {
    cli::Progress progress("rebuild " + name);
    const auto report = [&](auto d, auto t) { progress.Update(d, t); };
    const bool search = name == kJobSearchProjection;
    if (search) app->projections().CatchUp();  // the feed it indexes is complete first
    auto st = search ? app->job_search().Rebuild(report) : app->projections().Rebuild(name, report);
    if (!st.ok()) {
      std::cerr << "istihdam rebuild: " << st.error().code << " " << st.error().detail << "\n";
      return 1;
    }
    const auto at = search ? app->job_search().Position() : app->projections().Position(name);
    std::cerr << "istihdam rebuild: " << name << " at position " << at << "\n";
  }
  return 0;
}

// The metadata of a command the operator runs from the command line.
CommandEnv SystemEnv() {
  CommandEnv env;
  env.meta.actor = Actor{"", "System", ""};
  env.meta.correlation_id = crypto::Uuid4();
  env.meta.causation_id = crypto::Uuid4();
  return env;
}

// Prints a refused command on stderr: "istihdam <what>: <code>", then a line "  <field>: <code>"
// per failing field.
void PrintRefusal(const std::string& what, const Error& e) {
  std::cerr << "istihdam " << what << ": " << e.code;
  if (!e.detail.empty()) std::cerr << " " << e.detail;
  std::cerr << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.code << "\n";
}

int StaffAdd(const Config& config, const CreateStaffUser& cmd) {
  auto app = OpenApp(config);
  const CommandEnv env = SystemEnv();
  auto res = HandleCreateStaffUser(app->services(), env, cmd);
  if (!res.ok()) {
    std::cerr << "istihdam staff add: " << res.error().code;
    for (const auto& f : res.error().fields) std::cerr << " " << f.field << ":" << f.code;
    std::cerr << "\n";
    return 1;
  }
  std::cout << boost::json::serialize(res->body) << "\n";
  return 0;
}

// Ends every session (or one user's) as a logout would (docs/operations.md "Secrets and their
// rotation"). Rows that do not decode are reported and left alone.
int SessionsRevoke(const Config& config, const std::string& user) {
  auto app = OpenApp(config);
  std::vector<SessionRow> rows;
  std::size_t unreadable = 0;
  for (auto& [key, value] : ReadFamily(app->db(), cf::kSessions)) {
    auto session = DecodeSession(value);
    if (!session || key.size() != 32) {
      ++unreadable;
      continue;
    }
    if (user.empty() || session->user_id == user) rows.push_back(SessionRow{key, std::move(*session)});
  }
  const CommandEnv env = SystemEnv();
  auto res = HandleRevokeSessions(app->services(), env, rows);
  if (!res.ok()) {
    PrintRefusal("sessions revoke", res.error());
    return 1;
  }
  std::cout << boost::json::serialize(boost::json::object{{"revoked", *res}, {"unreadableRows", unreadable}}) << "\n";
  return 0;
}

struct DemoOptions {
  std::size_t postings = 300, employers = 20, job_seekers = 0, batch = 10000;
  bool write_postings = true;
  bool bulk = false;
  std::uint64_t seed = 1;
};

// Demo employers, postings and job seekers through the command path (README: the search and
// matching examples), or job seekers bulk-loaded into an offline store.
int Demo(const Config& config, const DemoOptions& o) {
  auto app = OpenApp(config);
  CommandEnv env;
  env.meta.actor = Actor{"", "System", ""};
  env.meta.correlation_id = o.bulk ? "demo-bulk-job-seekers" : "demo-postings";
  env.meta.causation_id = crypto::Uuid4();
  if (o.write_postings && !o.bulk) {
    auto written = http::SeedDemoPostings(app->services(), env, o.postings, o.employers, o.seed);
    if (!written.ok()) {
      std::cerr << "istihdam demo: " << written.error().code << " " << written.error().detail << "\n";
      return 1;
    }
    std::cerr << "istihdam demo: " << *written << " postings of " << o.employers << " employers, log position "
              << app->store().LastPosition() << "\n";
  }
  if (o.job_seekers == 0) return 0;
  cli::Progress progress(o.bulk ? "bulk job seekers" : "job seekers");
  const auto report = [&](auto d, auto t) { progress.Update(d, t); };
  if (o.bulk) {
    auto written = http::BulkLoadJobSeekers(app->services(), env, o.job_seekers, o.seed, o.batch, report);
    if (!written.ok()) {
      std::cerr << "istihdam demo: " << written.error().code << " " << written.error().detail << "\n";
      return 1;
    }
    std::cerr << "istihdam demo: " << *written << " job seekers bulk-loaded (no credentials), log position "
              << app->store().LastPosition() << "\n";
    return 0;
  }
  env.meta.correlation_id = "demo-job-seekers";
  auto counts = http::SeedDemoJobSeekers(app->services(), env, o.job_seekers, o.seed, report);
  if (!counts.ok()) {
    std::cerr << "istihdam demo: " << counts.error().code << " " << counts.error().detail << "\n";
    return 1;
  }
  std::cerr << "istihdam demo: " << counts->registered << " job seekers with résumés";
  if (counts->already_registered > 0) std::cerr << " (" << counts->already_registered << " TCKNs taken, skipped)";
  std::cerr << ", " << counts->applications << " applications";
  for (const auto& [code, count] : counts->refused) std::cerr << ", " << count << " refused " << code;
  std::cerr << ", " << counts->invitations << " invitations, " << counts->interviews << " interview results, log position "
            << app->store().LastPosition() << "\n";
  return 0;
}

int OccupationsImport(const Config& config, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "istihdam occupations import: cannot read " << file << "\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto rows = ReadOccupationsCsv(text.str());
  if (!rows.ok()) {
    PrintRefusal("occupations import", rows.error());
    return 1;
  }
  auto app = OpenApp(config);
  const CommandEnv env = SystemEnv();
  auto res = HandleImportOccupations(app->services(), env, *rows);
  if (!res.ok()) {
    PrintRefusal("occupations import", res.error());
    return 1;
  }
  std::cout << boost::json::serialize(res->body) << "\n";
  return 0;
}

// Online backup (docs/operations-backup.md): the server serving the directory makes it; when
// none does, this process opens the directory and makes it.
int Backup(const Config& config, const std::string& to, std::uint32_t keep) {
  std::error_code ec;
  const std::string target = std::filesystem::absolute(to, ec).lexically_normal().string();
  bool nobody_listens = false;
  auto made = RequestBackup(config.data_dir, target, keep, &nobody_listens);
  const char* by = "the running server";
  if (!made.ok() && nobody_listens) {
    auto db = Database::Open(config.data_dir);
    if (!db.ok()) {
      std::cerr << "istihdam backup: " << db.error().code << " " << db.error().detail << " (and "
                << made.error().detail << ")\n";
      return 1;
    }
    // RocksDB warns that BackupEngine pauses file deletions twice (harmless); stdout is the id.
    const auto level = spdlog::get_level();
    spdlog::set_level(std::max(level, spdlog::level::err));
    made = CreateBackup((*db)->db(), target, keep);
    spdlog::set_level(level);
    by = "this process (no server on the directory)";
  }
  if (!made.ok()) {
    std::cerr << "istihdam backup: " << made.error().code << " " << made.error().detail << "\n";
    return 1;
  }
  std::cerr << "istihdam backup: backup " << made->id << " in " << target << " made by " << by << ": " << made->files
            << " files, " << made->size << " bytes, " << made->copied_bytes << " bytes copied\n";
  std::cout << made->id << "\n";
  return 0;
}

int ListBackupsCommand(const std::string& from) {
  auto list = ListBackups(from);
  if (!list.ok()) {
    std::cerr << "istihdam restore: " << list.error().code << " " << list.error().detail << "\n";
    return 1;
  }
  for (const auto& b : *list) {
    std::cout << b.id << "\t" << b.timestamp << "\t" << b.size << "\t" << b.files << "\n";
  }
  return 0;
}

int Restore(const std::string& from, const std::string& data_dir, std::uint32_t id) {
  if (auto st = RestoreBackup(from, data_dir, id); !st.ok()) {
    std::cerr << "istihdam restore: " << st.error().code << " " << st.error().detail << "\n";
    return 1;
  }
  std::cerr << "istihdam restore: restored into " << data_dir << "; check it with: istihdam verify --data-dir "
            << data_dir << "\n";
  return 0;
}

int Schemas() {
  events::EventRegistry registry;
  http::RegisterEventTypes(registry);
  std::cout << events::EventSchemasMarkdown(registry);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"istihdam — event-sourced backend of the employer portal"};
  cli.require_subcommand(1);
  Config config;
  std::string config_file;

  auto add_data_dir = [&](CLI::App* sub) {
    sub->add_option("--data-dir", config.data_dir, "database directory")->capture_default_str();
    sub->add_option("--config", config_file, "JSON configuration file (docs/configuration.md)");
    sub->add_option("--reference-dir", config.reference_dir, "reference data directory")->capture_default_str();
  };

  ListenerConfig listener;  // TLS and drain (infra/listener_config.h)
  auto* serve = cli.add_subcommand("serve", "serve the HTTP API");
  add_data_dir(serve);
  serve->add_option("--port", config.port, "TCP port (0 = any free port)")->capture_default_str();
  serve->add_option("--bind", config.bind_address, "address to listen on")->capture_default_str();
  serve->add_option("--port-file", config.port_file, "write the bound port to this file");
  serve->add_option("--docs-dir", config.docs_dir, "Swagger UI files served at /docs")->capture_default_str();
  serve->add_option("--threads", config.http_threads, "HTTP I/O threads")->capture_default_str();
  serve->add_flag("--demo", config.demo, "load demo employers when the store is empty");
  serve->add_option("--tls-cert", listener.tls_cert_file, "serve HTTPS: PEM certificate chain (with --tls-key)");
  serve->add_option("--tls-key", listener.tls_key_file, "serve HTTPS: PEM private key (with --tls-cert)");
  serve->add_option("--drain-seconds", listener.drain_seconds,
                    "on SIGTERM/SIGINT: at most this long to finish requests and catch up")
      ->capture_default_str();
  serve->add_option("--identity-registry", config.identity_registry_file,
                    "KPS stand-in: CSV of persons (tckn,first_name,last_name,birth_date); none = development mode");
  // Hidden, for end-to-end tests of date windows (docs/configuration.md).
  serve->add_option("--clock-file", config.clock_file, "read the server's date from this file")->group("");
  serve->add_option("--password-cost", config.password_cost, "Argon2id cost: interactive | moderate | min (tests)")
      ->check(CLI::IsMember({"interactive", "moderate", "min"}));
  serve->add_option("--kafka-brokers", config.kafka_brokers,
                    "Kafka bootstrap servers HOST:PORT[,...]; publishes every event (write role) "
                    "or feeds the read models (read role)");
  serve->add_option("--kafka-topic", config.kafka_topic, "events topic")->capture_default_str();
  serve->add_option("--role", config.role, "write | read (read replica fed from Kafka)")
      ->capture_default_str()
      ->check(CLI::IsMember({"write", "read"}));

  auto* verify = cli.add_subcommand("verify", "walk the hash chain; exit 1 and print the first bad position");
  add_data_dir(verify);
  std::string verify_checkpoint, verify_key;
  verify->add_option("--checkpoint", verify_checkpoint,
                     "a signed checkpoint (GET /api/v1/checkpoint): check its signature and that the log matches it");
  verify->add_option("--key", verify_key, "the checkpoint's verifier key (a file, or the text itself)");

  std::uint64_t from = 1;
  auto* events = cli.add_subcommand("events", "dump the event log as NDJSON");
  add_data_dir(events);
  events->add_option("--from", from, "first position")->capture_default_str();

  std::string projection;
  auto* rebuild = cli.add_subcommand("rebuild", "replay projections into fresh tables, then switch");
  add_data_dir(rebuild);
  rebuild->add_option("--projection", projection, "only this projection");
  rebuild->add_option("--role", config.role, "read: a read replica's data directory (replays its copy of the topic)")
      ->check(CLI::IsMember({"write", "read"}));
  rebuild->add_option("--kafka-topic", config.kafka_topic, "the replica's topic")->capture_default_str();

  auto* staff = cli.add_subcommand("staff", "agency staff accounts");
  staff->require_subcommand(1);
  CreateStaffUser staff_cmd;
  auto* staff_add = staff->add_subcommand("add", "create a staff user");
  add_data_dir(staff_add);
  staff_add->add_option("--role", staff_cmd.role, "auditor | unit | headOffice")->required();
  staff_add->add_option("--province", staff_cmd.province, "plate code (unit users)");
  staff_add->add_option("--tckn", staff_cmd.tckn, "TC Kimlik No")->required();
  staff_add->add_option("--password", staff_cmd.password, "initial password")->required();

  auto* sessions = cli.add_subcommand("sessions", "login sessions");
  sessions->require_subcommand(1);
  std::string revoke_user;
  bool revoke_all = false;
  auto* sessions_revoke = sessions->add_subcommand(
      "revoke", "end sessions as their logout would (UserLoggedOut; read replicas drop them too)");
  add_data_dir(sessions_revoke);
  auto* which_sessions = sessions_revoke->add_option_group("which sessions", "--user ID or --all");
  which_sessions->add_option("--user", revoke_user, "only this user's or staff member's sessions");
  which_sessions->add_flag("--all", revoke_all, "every session");
  which_sessions->require_option(1);

  DemoOptions demo_options;
  auto* demo = cli.add_subcommand("demo", "write demo employers, job postings and job seekers through the command path");
  add_data_dir(demo);
  demo->add_option("--postings", demo_options.postings, "labor demands to write (default 300 when no job seekers)");
  demo->add_option("--employers", demo_options.employers, "employers to register for them")->capture_default_str()
      ->check(CLI::Range(1, 100000));
  demo->add_option("--job-seekers", demo_options.job_seekers,
                   "individuals with résumés to register, then applications, invitations and interviews");
  demo->add_flag("--bulk", demo_options.bulk,
                 "append the job seekers' events in large atomic batches (offline data directory; no credentials)");
  demo->add_option("--batch", demo_options.batch, "people per atomic append with --bulk")->capture_default_str()
      ->check(CLI::Range(1, 100000));
  demo->add_option("--seed", demo_options.seed, "random seed")->capture_default_str();
  std::string occupations_file;
  auto* occupations = cli.add_subcommand("occupations", "the occupation dictionary");
  occupations->require_subcommand(1);
  auto* occupations_import = occupations->add_subcommand(
      "import", "add or rename national 6-digit occupations from a CSV file (docs/occupations.md)");
  add_data_dir(occupations_import);
  occupations_import->add_option("file", occupations_file, "CSV with the header code,nameTr,nameEn")
      ->required()
      ->check(CLI::ExistingFile);

  std::string backup_to, restore_from;
  std::uint32_t backup_keep = 0, backup_id = 0;
  bool list_backups = false;
  auto* backup = cli.add_subcommand("backup", "online, incremental backup of the data directory (docs/operations-backup.md)");
  add_data_dir(backup);
  backup->add_option("--to", backup_to, "backup directory (created if missing; shared by successive backups)")
      ->required();
  backup->add_option("--keep", backup_keep, "then keep only the newest N backups (0 = keep all)")->capture_default_str();
  auto* restore = cli.add_subcommand("restore", "restore a backup into a new data directory");
  restore->add_option("--from", restore_from, "backup directory")->required();
  restore->add_option("--data-dir", config.data_dir, "new data directory (missing or empty)");
  restore->add_option("--backup-id", backup_id, "which backup (default: the newest)");
  restore->add_flag("--list", list_backups, "list the backups (id, time, bytes, files) and restore nothing");

  auto* schemas = cli.add_subcommand("schemas", "print the JSON Schema of every event type (docs/event-schemas.md)");

  CLI11_PARSE(cli, argc, argv);

  if (!config_file.empty()) {
    // The file sets what the command line did not.
    Config from_file;
    if (auto st = LoadConfigFile(config_file, &from_file); !st.ok()) {
      std::cerr << "istihdam: " << st.error().detail << "\n";
      return 2;
    }
    for (auto* sub : cli.get_subcommands()) {
      auto* s = sub->get_subcommands().empty() ? sub : sub->get_subcommands().front();
      Config merged = from_file;
      if (s->count("--data-dir")) merged.data_dir = config.data_dir;
      if (s->count("--reference-dir")) merged.reference_dir = config.reference_dir;
      if (s == serve) {
        if (s->count("--port")) merged.port = config.port;
        if (s->count("--bind")) merged.bind_address = config.bind_address;
        if (s->count("--port-file")) merged.port_file = config.port_file;
        if (s->count("--docs-dir")) merged.docs_dir = config.docs_dir;
        if (s->count("--threads")) merged.http_threads = config.http_threads;
        if (s->count("--demo")) merged.demo = true;
        ListenerConfig listener_from_file;
        if (auto st = LoadListenerConfig(config_file, &listener_from_file); !st.ok()) {
          std::cerr << "istihdam: " << st.error().detail << "\n";
          return 2;
        }
        if (s->count("--tls-cert")) listener_from_file.tls_cert_file = listener.tls_cert_file;
        if (s->count("--tls-key")) listener_from_file.tls_key_file = listener.tls_key_file;
        if (s->count("--drain-seconds")) listener_from_file.drain_seconds = listener.drain_seconds;
        listener = listener_from_file;
        if (s->count("--clock-file")) merged.clock_file = config.clock_file;
        if (s->count("--password-cost")) merged.password_cost = config.password_cost;
        if (s->count("--identity-registry")) merged.identity_registry_file = config.identity_registry_file;
        if (s->count("--kafka-brokers")) merged.kafka_brokers = config.kafka_brokers;
        if (s->count("--kafka-topic")) merged.kafka_topic = config.kafka_topic;
        if (s->count("--role")) merged.role = config.role;
      }
      if (s == rebuild) {
        if (s->count("--role")) merged.role = config.role;
        if (s->count("--kafka-topic")) merged.kafka_topic = config.kafka_topic;
      }
      config = merged;
    }
  }
  spdlog::set_level(spdlog::level::from_str(config.log_level));

  auto run = [&]() -> int {
    if (serve->parsed()) return http::Serve(*OpenApp(config), listener);
    if (verify->parsed() && !verify_checkpoint.empty()) {
      if (verify_key.empty()) {
        std::cerr << "istihdam verify: --checkpoint needs --key\n";
        return 2;
      }
      return VerifyCheckpoint(config, verify_checkpoint, verify_key);
    }
    if (verify->parsed()) return Verify(config);
    if (schemas->parsed()) return Schemas();
    if (events->parsed()) return DumpEvents(config, from);
    if (rebuild->parsed()) return Rebuild(config, projection);
    if (staff_add->parsed()) return StaffAdd(config, staff_cmd);
    if (sessions_revoke->parsed()) return SessionsRevoke(config, revoke_user);
    if (demo->parsed()) {
      demo_options.write_postings = demo->count("--postings") > 0 || demo_options.job_seekers == 0;
      return Demo(config, demo_options);
    }
    if (occupations_import->parsed()) return OccupationsImport(config, occupations_file);
    if (backup->parsed()) return Backup(config, backup_to, backup_keep);
    if (restore->parsed()) {
      if (list_backups) return ListBackupsCommand(restore_from);
      if (restore->count("--data-dir") == 0) {
        std::cerr << "istihdam restore: --data-dir is required\n";
        return 2;
      }
      return Restore(restore_from, config.data_dir, backup_id);
    }
    return 0;
  };
  try {
    return run();
  } catch (const StoreError& e) {  // an unreadable store ends any command with its code
    std::cerr << "istihdam: " << e.code() << ": " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {  // start-up refused (TLS files, the port taken, ...)
    std::cerr << "istihdam: " << e.what() << "\n";
    return 2;
  }
}
