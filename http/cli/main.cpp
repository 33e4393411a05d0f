// The istihdam command line: serve, verify, events, rebuild, staff add, occupations import, demo.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "commands/occupations.h"
#include "commands/staff.h"
#include "http/app.h"
#include "http/cli/progress.h"
#include "http/demo_job_seekers.h"
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

int StaffAdd(const Config& config, const CreateStaffUser& cmd) {
  auto app = OpenApp(config);
  CommandEnv env;
  env.meta.actor = Actor{"", "System", ""};
  env.meta.correlation_id = crypto::Uuid4();
  env.meta.causation_id = crypto::Uuid4();
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

// Prints a refused command on stderr: "istihdam <what>: <code>", then a line "  <field>: <code>"
// per failing field.
void PrintRefusal(const std::string& what, const Error& e) {
  std::cerr << "istihdam " << what << ": " << e.code;
  if (!e.detail.empty()) std::cerr << " " << e.detail;
  std::cerr << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.code << "\n";
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
  CommandEnv env;
  env.meta.actor = Actor{"", "System", ""};
  env.meta.correlation_id = crypto::Uuid4();
  env.meta.causation_id = crypto::Uuid4();
  auto res = HandleImportOccupations(app->services(), env, *rows);
  if (!res.ok()) {
    PrintRefusal("occupations import", res.error());
    return 1;
  }
  std::cout << boost::json::serialize(res->body) << "\n";
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

  auto* serve = cli.add_subcommand("serve", "serve the HTTP API");
  add_data_dir(serve);
  serve->add_option("--port", config.port, "TCP port (0 = any free port)")->capture_default_str();
  serve->add_option("--bind", config.bind_address, "address to listen on")->capture_default_str();
  serve->add_option("--port-file", config.port_file, "write the bound port to this file");
  serve->add_option("--docs-dir", config.docs_dir, "Swagger UI files served at /docs")->capture_default_str();
  serve->add_option("--threads", config.http_threads, "HTTP I/O threads")->capture_default_str();
  serve->add_flag("--demo", config.demo, "load demo employers when the store is empty");
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
    if (serve->parsed()) return OpenApp(config)->Serve();
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
    if (demo->parsed()) {
      demo_options.write_postings = demo->count("--postings") > 0 || demo_options.job_seekers == 0;
      return Demo(config, demo_options);
    }
    if (occupations_import->parsed()) return OccupationsImport(config, occupations_file);
    return 0;
  };
  try {
    return run();
  } catch (const StoreError& e) {  // an unreadable store ends any command with its code
    std::cerr << "istihdam: " << e.code() << ": " << e.what() << "\n";
    return 1;
  }
}
