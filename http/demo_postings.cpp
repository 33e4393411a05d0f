// Demo employers and job postings (`istihdam demo --postings N --employers M`, and a few hundred
// with `serve --demo`): realistic Turkish postings written through the command path, so they
// are events like any other. Deterministic for a seed.
#include <spdlog/spdlog.h>

#include <random>

#include "commands/labor_demands.h"
#include "commands/registration.h"
#include "http/app.h"
#include "http/demo_job_seekers.h"
#include "infra/clock.h"
#include "infra/identifiers.h"

namespace istihdam::http {

namespace {

// Provinces by population, in millions, rounded (TÜİK, address-based population results of
// 2023); every other province weighs 0.5.
const std::map<std::string, double> kPopulation = {
    {"34", 15.7}, {"06", 5.8}, {"35", 4.5}, {"16", 3.2}, {"07", 2.7}, {"42", 2.3}, {"01", 2.3}, {"63", 2.2},
    {"27", 2.2},  {"41", 2.1}, {"33", 1.9}, {"21", 1.8}, {"31", 1.7}, {"38", 1.4}, {"55", 1.4}, {"65", 1.1},
    {"61", 0.8},  {"20", 1.1}, {"59", 1.2}, {"54", 1.1}, {"46", 1.2}, {"44", 0.8}, {"45", 1.5}, {"09", 1.1},
};

struct Job {
  const char* position;
  const char* occupation;  // ISCO-08 unit group
  const char* duties;
};
const Job kJobs[] = {
    {"Yazılım Mühendisi", "2512", "web ve mobil uygulamaların geliştirilmesi ve bakımı"},
    {"Öğretmen", "2341", "ilkokul öğrencilerinin derslerinin planlanması ve yürütülmesi"},
    {"Şoför", "8322", "personel servis aracının güvenli şekilde kullanılması"},
    {"Aşçı", "5120", "günlük menünün hazırlanması ve mutfak hijyeninin sağlanması"},
    {"Garson", "5131", "misafirlerin karşılanması ve siparişlerin servis edilmesi"},
    {"Satış Danışmanı", "5223", "mağazada müşterilere ürünler hakkında bilgi verilmesi"},
    {"Muhasebe Elemanı", "3313", "faturaların kaydı ve aylık beyannamelerin hazırlanması"},
    {"Elektrik Teknisyeni", "7411", "bina elektrik tesisatının kurulumu ve arıza onarımı"},
    {"Kaynakçı", "7212", "gazaltı kaynağı ile çelik konstrüksiyon imalatı"},
    {"Hemşire", "2221", "hastaların bakımı ve tedavi planının uygulanması"},
    {"Depo Elemanı", "9333", "ürünlerin depoya kabulü, yerleştirilmesi ve sevkiyata hazırlanması"},
    {"Güvenlik Görevlisi", "5414", "işyeri giriş çıkışlarının kontrolü ve devriye"},
    {"Temizlik Görevlisi", "9112", "ofis ve ortak alanların düzenli temizliği"},
    {"Kasiyer", "5230", "kasa işlemlerinin yürütülmesi ve müşteri hizmeti"},
    {"Forklift Operatörü", "8344", "forklift ile yükleme ve boşaltma"},
    {"CNC Operatörü", "7223", "CNC tezgâhlarında parça işleme ve ölçü kontrolü"},
    {"Dikiş Makinesi Operatörü", "8153", "hazır giyim üretim bandında dikiş"},
    {"İnşaat Mühendisi", "2142", "şantiyede imalatların planlanması ve denetimi"},
    {"Makine Mühendisi", "2144", "üretim hattı ekipmanlarının bakım planlaması"},
    {"Çağrı Merkezi Temsilcisi", "4222", "gelen çağrıların karşılanması ve taleplerin kaydı"},
    {"Resepsiyonist", "4226", "otel ön büro işlemlerinin yürütülmesi"},
    {"Kuaför", "5141", "saç kesim, boya ve bakım hizmetleri"},
    {"Fırıncı", "7512", "ekmek ve unlu mamullerin üretimi"},
    {"Kasap", "7511", "et ürünlerinin hazırlanması ve satışı"},
    {"Boyacı", "7131", "iç ve dış cephe boya uygulamaları"},
    {"Tesisatçı", "7126", "sıhhi tesisat ve doğalgaz tesisatı montajı"},
    {"Mobilya Ustası", "7522", "ahşap mobilya imalatı ve montajı"},
    {"Kurye", "9621", "paket ve evrak dağıtımı"},
    {"Büro Memuru", "4110", "yazışmaların ve dosyalama işlerinin yürütülmesi"},
    {"Satış Temsilcisi", "3322", "bayi ziyaretleri ve yeni müşteri kazanımı"},
    {"Bilgisayar Teknisyeni", "3512", "kullanıcı destek talepleri ve donanım bakımı"},
    {"Eczacı", "2262", "reçetelerin karşılanması ve ilaç danışmanlığı"},
    {"Tır Şoförü", "8332", "yurt içi uzun yol taşımacılığı"},
    {"Vinç Operatörü", "8343", "şantiyede kule vinç kullanımı"},
    {"Bulaşıkçı", "9412", "mutfak gereçlerinin yıkanması ve düzeni"},
    {"Paketleme Elemanı", "9321", "üretim hattında ürünlerin paketlenmesi"},
    {"Grafik Tasarımcı", "2166", "basılı ve dijital tanıtım malzemelerinin tasarımı"},
    {"Sistem Yöneticisi", "2522", "sunucu ve ağ altyapısının yönetimi"},
    {"Hasta Bakım Elemanı", "5321", "yaşlı ve hasta bireylerin günlük bakımı"},
    {"Oto Tamircisi", "7231", "binek araçların periyodik bakım ve onarımı"},
};

const char* kRegions[] = {"Anadolu", "Ege",     "Marmara", "Karadeniz", "Akdeniz", "Boğaziçi", "Çukurova",
                          "Toros",   "Fırat",   "Dicle",   "Uludağ",    "Erciyes", "Kaçkar",   "Trakya",
                          "Kapadokya", "Palandöken", "Yıldız", "Göksu", "Sakarya", "Meriç"};
const char* kSectors[] = {"Tekstil", "Gıda",    "İnşaat",  "Lojistik", "Yazılım", "Otomotiv", "Mobilya", "Turizm",
                          "Sağlık Hizmetleri", "Enerji", "Kimya", "Tarım", "Eğitim Hizmetleri", "Perakende", "Makine"};
const char* kPerks[] = {"Yemek ve servis imkânı sağlanmaktadır.", "Özel sağlık sigortası sunulmaktadır.",
                        "Yol ücreti ödenmektedir.", "Lojman imkânı vardır.", "Prim sistemi uygulanmaktadır.",
                        "Hafta sonları tatildir."};
const char* kPatterns[] = {"fullTime", "fullTime", "fullTime", "partTime", "shift", "onCall"};
const char* kLocations[] = {"indoor", "indoor", "outdoor", "remote"};
const char* kEducation[] = {"primary", "middle", "highSchool", "highSchool", "associate", "bachelor"};

std::string Pick(std::mt19937_64& rng, const std::vector<std::string>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}
template <class T, std::size_t N>
const T& Pick(std::mt19937_64& rng, const T (&a)[N]) {
  return a[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

std::string DaysLater(const std::string& today, int days) {
  std::int64_t d = 0;
  ParseDate(today, &d);
  return FormatDate((d + days) * 86'400'000'000LL);
}

// A valid identifier of `digits` from a counter (TCKN: 11 digits, VKN: 10).
std::string NineDigits(std::uint64_t n, char lead) {
  std::string s = std::to_string(n % 100'000'000);
  return std::string(1, lead) + std::string(8 - s.size(), '0') + s;
}

}  // namespace

std::vector<std::string> DemoPostingOccupations() {
  std::vector<std::string> out;
  for (const Job& j : kJobs) out.push_back(j.occupation);
  return out;
}

void DemoProvinceWeights(const ReferenceData& ref, std::vector<std::string>* codes, std::vector<double>* weights) {
  for (const auto& p : ref.provinces()) {
    codes->push_back(p.code);
    const auto it = kPopulation.find(p.code);
    weights->push_back(it == kPopulation.end() ? 0.5 : it->second);
  }
}

Result<std::size_t> SeedDemoPostings(Services& s, const CommandEnv& env, std::size_t postings, std::size_t employers,
                                     std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const ReferenceData& ref = s.ref;
  std::vector<std::string> provinces;
  std::vector<double> weights;
  DemoProvinceWeights(ref, &provinces, &weights);
  std::discrete_distribution<std::size_t> by_population(weights.begin(), weights.end());

  struct Workplace {
    std::string employer_id, workplace_id;
  };
  std::vector<Workplace> workplaces;
  const std::uint64_t base = s.store->LastPosition() * 7919 + seed * 104'729;  // distinct numbers per run
  for (std::size_t i = 0; i < employers; ++i) {
    RegisterEmployer c;
    c.terms_accepted = true;
    c.kind = "legalEntity";
    c.title = std::string(Pick(rng, kRegions)) + " " + Pick(rng, kSectors) + (i % 2 ? " Ltd. Şti." : " A.Ş.") +
              (i >= 300 ? " " + std::to_string(i / 300 + 1) : "");
    c.tax_office = "Merkez";
    c.tax_no = CompleteVkn(NineDigits(base + i, '5'));
    c.sector = i % 10 == 9 ? "public" : "private";
    c.province = provinces[by_population(rng)];
    c.district = Pick(rng, ref.Districts(c.province));
    c.address = "Organize Sanayi Bölgesi " + std::to_string(i + 1) + ". Cad.";
    c.phone = "0212 555 00 00";
    c.email = "ik@example.com.tr";
    c.representative = {CompleteTckn(NineDigits(base + i, '7')), "Deniz", "Yıldırım", "Demo1234!", "",
                        "İlk evcil hayvanınızın adı?", "Pamuk", "yetkili@example.com.tr", "0532 555 00 00", "email"};
    auto reg = HandleRegisterEmployer(s, env, c);
    if (!reg.ok()) return Error::Of(reg.error().code, "demo employer " + c.title + ": " + reg.error().detail);
    workplaces.push_back({std::string(reg->body["employerId"].as_string()),
                          std::string(reg->body["headquartersId"].as_string())});
  }
  if (workplaces.empty()) return std::size_t{0};
  const std::string today = s.Today();
  std::size_t written = 0;
  for (std::size_t i = 0; i < postings; ++i) {
    const Workplace& w = workplaces[i % workplaces.size()];
    CommandEnv as_employer = env;
    as_employer.meta.actor = Actor{"", "System", w.employer_id};
    const Job& job = Pick(rng, kJobs);
    CreateLaborDemand c;
    c.employer_id = w.employer_id;
    c.created_via = "quick";
    c.workplace_id = w.workplace_id;
    auto& d = c.draft;
    d.occupation = job.occupation;
    d.position = job.position;
    d.requested_count = std::uniform_int_distribution<int>(1, 10)(rng);
    d.work_address.province = provinces[by_population(rng)];
    d.work_address.district = Pick(rng, ref.Districts(d.work_address.province));
    d.work_address.address = "Cumhuriyet Mah. " + std::to_string(i % 200 + 1) + ". Sok.";
    d.last_application_date = DaysLater(today, std::uniform_int_distribution<int>(7, 90)(rng));
    d.working_pattern = Pick(rng, kPatterns);
    d.work_location = Pick(rng, kLocations);
    const int group = std::uniform_int_distribution<int>(0, 19)(rng);
    d.target_group = group == 0 ? "disabled" : group == 1 ? "exConvict" : "none";
    const auto* province = ref.FindProvince(d.work_address.province);
    d.description = std::string(job.position) + " olarak " + job.duties + " işlerinde görev alacak, " +
                    (province ? province->name : "") + " " + d.work_address.district +
                    " bölgesinde çalışacak ekip arkadaşları arıyoruz. " + Pick(rng, kPerks);
    d.experience_months = std::uniform_int_distribution<int>(0, 4)(rng) * 12;
    d.education.min_level = Pick(rng, kEducation);
    if (i % 3 == 0) {
      d.min_age = 18;
      d.max_age = std::uniform_int_distribution<int>(35, 55)(rng);
    }
    if (std::string_view(job.position).find("Şoför") != std::string_view::npos) d.driving_licences = {"B"};
    auto r = HandleCreateLaborDemand(s, as_employer, c);
    if (!r.ok()) return Error::Of(r.error().code, "demo posting " + std::to_string(i) + ": " + r.error().detail);
    ++written;
  }
  return written;
}

}  // namespace istihdam::http
