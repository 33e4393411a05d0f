// Demo people: Turkish names, birth dates of 18 to 64 year olds, and résumés in plausible
// proportions (docs/demo-job-seekers.md gives them). Shared by the command-path
// demo and the bulk loader.
#include <algorithm>

#include "http/demo_job_seekers.h"
#include "infra/clock.h"
#include "infra/identifiers.h"

namespace istihdam::http {

namespace {

const char* kMaleNames[] = {"Mehmet", "Mustafa", "Ahmet",  "Ali",    "Hüseyin", "Hasan",  "İbrahim", "İsmail",
                            "Osman",  "Yusuf",   "Murat",  "Ömer",   "Ramazan", "Halil",  "Süleyman", "Abdullah",
                            "Mahmut", "Recep",   "Emre",   "Burak",  "Kemal",   "Fatih",  "Serkan",  "Onur",
                            "Emir",   "Yiğit",   "Berat",  "Kerem",  "Arda",    "Furkan", "Cem",     "Can",
                            "Gökhan", "Tolga",   "Hakan",  "Barış",  "Oğuz",    "Uğur",   "Erkan",   "Sinan"};
const char* kFemaleNames[] = {"Fatma",  "Ayşe",   "Emine",  "Hatice", "Zeynep", "Elif",   "Meryem", "Şerife",
                              "Zehra",  "Sultan", "Hanife", "Merve",  "Özlem",  "Esra",   "Büşra",  "Ebru",
                              "Gül",    "Derya",  "Sibel",  "Yasemin", "Hülya", "Tuğba",  "Kübra",  "Gizem",
                              "Ecrin",  "Defne",  "Azra",   "Nisa",   "Eylül",  "Damla",  "Selin",  "İrem",
                              "Ceren",  "Seda",   "Pınar",  "Songül", "Nurcan", "Dilek",  "Gülşen", "Çağla"};
const char* kSurnames[] = {"Yılmaz",  "Kaya",    "Demir",   "Çelik",   "Şahin",  "Yıldız",  "Yıldırım", "Öztürk",
                           "Aydın",   "Özdemir", "Arslan",  "Doğan",   "Kılıç",  "Aslan",   "Çetin",    "Kara",
                           "Koç",     "Kurt",    "Özkan",   "Şimşek",  "Polat",  "Özcan",   "Korkmaz",  "Çakır",
                           "Erdoğan", "Yavuz",   "Can",     "Acar",    "Şen",    "Aktaş",   "Güler",    "Yalçın",
                           "Güneş",   "Bozkurt", "Bulut",   "Keskin",  "Ünal",   "Turan",   "Gül",      "Özer",
                           "Işık",    "Kaplan",  "Avcı",    "Sarı",    "Tekin",  "Taş",     "Köse",     "Yüksel",
                           "Ateş",    "Aksoy"};
const char* kFields[] = {"İşletme",         "Bilgisayar Programcılığı", "Muhasebe ve Vergi Uygulamaları",
                         "Makine",          "Elektrik",                 "İnşaat Mühendisliği",
                         "Hemşirelik",      "Sınıf Öğretmenliği",       "Aşçılık",
                         "Lojistik",        "Grafik Tasarımı",          "Bilgisayar Mühendisliği",
                         "İktisat",         "Turizm ve Otel İşletmeciliği", "Çocuk Gelişimi"};

// Weighted draws: {value, weight} in percent (or any relative unit).
template <class T>
struct Weighted {
  T value;
  double weight;
};
template <class T, std::size_t N>
const T& Draw(std::mt19937_64& rng, const Weighted<T> (&table)[N]) {
  double total = 0;
  for (const auto& w : table) total += w.weight;
  double x = std::uniform_real_distribution<double>(0, total)(rng);
  for (const auto& w : table) {
    if ((x -= w.weight) < 0) return w.value;
  }
  return table[N - 1].value;
}
template <class T, std::size_t N>
const T& Pick(std::mt19937_64& rng, const T (&a)[N]) {
  return a[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}
bool Chance(std::mt19937_64& rng, double percent) {
  return std::uniform_real_distribution<double>(0, 100)(rng) < percent;
}

// Registered job seekers are young: age bands by share.
const Weighted<std::pair<int, int>> kAgeBands[] = {
    {{18, 24}, 22}, {{25, 34}, 33}, {{35, 44}, 23}, {{45, 54}, 15}, {{55, 64}, 7}};
const Weighted<const char*> kEducation[] = {{"none", 1},       {"literate", 2}, {"primary", 14},
                                            {"middle", 15},    {"highSchool", 32}, {"associate", 13},
                                            {"bachelor", 20},  {"master", 2.6}, {"doctorate", 0.4}};
const Weighted<const char*> kLanguageLevels[] = {{"A1", 25}, {"A2", 25}, {"B1", 25}, {"B2", 15}, {"C1", 8}, {"C2", 2}};
const Weighted<const char*> kMaleMilitary[] = {
    {"completed", 60}, {"exempt", 10}, {"postponed", 18}, {"notCompleted", 12}};
const char* kDriverOccupations[] = {"8322", "8332", "8343", "8344"};

// ASCII for e-mail addresses: "Çağla Öztürk" -> "cagla.ozturk".
std::string Ascii(const std::string& s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"ç", "c"}, {"Ç", "c"}, {"ğ", "g"}, {"Ğ", "g"}, {"ı", "i"}, {"İ", "i"},
      {"ö", "o"}, {"Ö", "o"}, {"ş", "s"}, {"Ş", "s"}, {"ü", "u"}, {"Ü", "u"}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool mapped = false;
    for (const auto& [from, to] : kMap) {
      const std::string_view f(from);
      if (s.compare(i, f.size(), f) == 0) {
        out += to;
        i += f.size();
        mapped = true;
        break;
      }
    }
    if (mapped) continue;
    const char c = s[i++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::uint64_t DemoPersonBase(std::uint64_t last_position, std::uint64_t seed) {
  return (last_position * 7919 + seed * 1'000'003) % 50'000'000;
}

DemoPeople::DemoPeople(const ReferenceData& ref, std::uint64_t seed, std::string today)
    : ref_(ref), rng_(seed * 6364136223846793005ULL + 1442695040888963407ULL), today_(std::move(today)),
      posting_occupations_(DemoPostingOccupations()) {
  for (const auto& o : ref.occupations()) {
    if (o.level == 4) all_occupations_.push_back(o.code);
  }
  std::vector<double> weights;
  DemoProvinceWeights(ref, &provinces_, &weights);
  by_population_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
}

DemoPeople::Person DemoPeople::Next(std::uint64_t n) {
  Person p;
  RegisterIndividual& r = p.registration;
  const bool male = Chance(rng_, 55);
  // A TCKN from the number: 9 digits starting with 3 (other demo data uses 1, 2, 5, 7 and 9),
  // then the two check digits.
  std::string digits = std::to_string(n % 100'000'000);
  r.tckn = CompleteTckn("3" + std::string(8 - digits.size(), '0') + digits);
  r.first_name = male ? Pick(rng_, kMaleNames) : Pick(rng_, kFemaleNames);
  r.last_name = Pick(rng_, kSurnames);
  const auto [young, old] = Draw(rng_, kAgeBands);
  const int age = std::uniform_int_distribution<int>(young, old)(rng_);
  std::int64_t today_days = 0;
  ParseDate(today_, &today_days);
  // Born between (age + 1) years and age years before today, less a day: `age` full years today.
  const std::int64_t days_back = age * 36525LL / 100 + std::uniform_int_distribution<int>(1, 360)(rng_);
  r.birth_date = FormatDate((today_days - days_back) * 86'400'000'000LL);
  r.password = r.password_repeat = "Demo1234!";
  r.secret_question = "İlk evcil hayvanınızın adı?";
  r.secret_answer = "Pamuk";
  r.email = Ascii(r.first_name) + "." + Ascii(r.last_name) + std::to_string(n % 1000) + "@example.com.tr";
  r.mobile = "05" + std::to_string(30 + n % 30) + " " + std::to_string(100 + n / 30 % 900) + " " +
             std::to_string(10 + n % 90) + " " + std::to_string(10 + n / 90 % 90);
  r.preferred_contact = Chance(rng_, 70) ? "email" : "sms";

  events::Resume& c = p.resume;
  const int count = std::uniform_int_distribution<int>(1, 3)(rng_);
  while (static_cast<int>(c.occupations.size()) < count) {
    // Mostly the occupations the demo postings ask for, so that matching finds people.
    const bool posted = Chance(rng_, 75) || all_occupations_.empty();
    const auto& from = posted ? posting_occupations_ : all_occupations_;
    std::string code = from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng_)];
    if (ref_.FindOccupation(code) == nullptr) continue;
    if (std::find(c.occupations.begin(), c.occupations.end(), code) == c.occupations.end()) {
      c.occupations.push_back(std::move(code));
    }
  }
  c.education_level = Draw(rng_, kEducation);
  if ((c.education_level == "associate" || c.education_level == "bachelor" || c.education_level == "master" ||
       c.education_level == "doctorate") && Chance(rng_, 90)) {
    c.field_of_study = Pick(rng_, kFields);
  }
  if (Chance(rng_, 30)) c.languages.push_back({"en", Draw(rng_, kLanguageLevels)});
  if (Chance(rng_, 5)) c.languages.push_back({"de", Draw(rng_, kLanguageLevels)});
  if (Chance(rng_, 4)) c.languages.push_back({"ar", Draw(rng_, kLanguageLevels)});
  if (Chance(rng_, 2)) c.languages.push_back({"ru", Draw(rng_, kLanguageLevels)});
  bool driver = false;
  for (const auto& o : c.occupations) {
    driver = driver || std::find(std::begin(kDriverOccupations), std::end(kDriverOccupations), o) !=
                           std::end(kDriverOccupations);
  }
  if (Chance(rng_, 3)) c.driving_licences.push_back("A2");
  if (driver || Chance(rng_, male ? 55 : 30)) c.driving_licences.push_back("B");
  if (driver ? Chance(rng_, 50) : Chance(rng_, 4)) {
    c.driving_licences.push_back("C");
    c.driving_licences.push_back("CE");
  }
  if (Chance(rng_, 1.5)) c.driving_licences.push_back("D");
  if (!male) {
    c.military_status = "notApplicable";
  } else if (age < 20) {
    c.military_status = Chance(rng_, 70) ? "postponed" : "notCompleted";
  } else {
    c.military_status = Draw(rng_, kMaleMilitary);
  }
  if (Chance(rng_, 4)) c.personal_statuses.push_back("disabled");
  if (Chance(rng_, 1)) c.personal_statuses.push_back("exConvict");
  if (Chance(rng_, 0.2)) c.personal_statuses.push_back("terrorAffected");
  if (Chance(rng_, 0.5)) c.personal_statuses.push_back("priorityRight");
  c.province = provinces_[by_population_(rng_)];
  const auto& districts = ref_.Districts(c.province);
  if (!districts.empty()) {
    c.district = districts[std::uniform_int_distribution<std::size_t>(0, districts.size() - 1)(rng_)];
  }
  const int working_years = std::max(0, age - 18);
  c.experience_months =
      Chance(rng_, 20) ? 0 : std::uniform_int_distribution<std::int64_t>(0, working_years * 12LL)(rng_);
  c.active_profile = Chance(rng_, 95);
  return p;
}

}  // namespace istihdam::http
