#include "aggregates/job_codes.h"

#include <array>
#include <set>

#include "aggregates/validation.h"

namespace istihdam::job_codes {
namespace {

constexpr std::array<Code, 4> kWorkingPatternCodes = {{
    {"fullTime", "Tam zamanlı", "Full time"},
    {"partTime", "Yarı zamanlı", "Part time"},
    {"shift", "Vardiyalı", "Shift work"},
    {"onCall", "Çağrı üzerine", "On call"},
}};
constexpr std::array<Code, 2> kWorkplaceTypeCodes = {{
    {"private", "Özel sektör", "Private sector"},
    {"public", "Kamu", "Public sector"},
}};
constexpr std::array<Code, 4> kWorkLocationCodes = {{
    {"indoor", "Kapalı alan", "Indoor"},
    {"outdoor", "Açık alan", "Outdoor"},
    {"domestic", "Ev içi", "Domestic"},
    {"remote", "Uzaktan", "Remote"},
}};
constexpr std::array<Code, 4> kPersonalStatusCodes = {{
    {"disabled", "Engelli", "Disabled"},
    {"exConvict", "Eski hükümlü", "Ex-convict"},
    {"terrorAffected", "Terörden zarar gören", "Terror-affected"},
    {"priorityRight", "Öncelikli hak sahibi", "Priority right holder"},
}};
constexpr std::array<Code, 4> kTargetGroupCodes = {{
    {"none", "Yok", "None"},
    {"disabled", "Engelli", "Disabled"},
    {"exConvict", "Eski hükümlü", "Ex-convict"},
    {"terrorAffected", "Terörden zarar gören", "Terror-affected"},
}};
constexpr std::array<Code, 9> kEducationLevelCodes = {{
    {"none", "Okur-yazar değil", "None"},
    {"literate", "Okur-yazar", "Literate"},
    {"primary", "İlkokul", "Primary school"},
    {"middle", "Ortaokul", "Middle school"},
    {"highSchool", "Lise", "High school"},
    {"associate", "Ön lisans", "Associate degree"},
    {"bachelor", "Lisans", "Bachelor's degree"},
    {"master", "Yüksek lisans", "Master's degree"},
    {"doctorate", "Doktora", "Doctorate"},
}};
constexpr std::array<Code, 17> kDrivingLicencesCodes = {{
    {"M", "M sınıfı", "M class"},
    {"A1", "A1 sınıfı", "A1 class"},
    {"A2", "A2 sınıfı", "A2 class"},
    {"A", "A sınıfı", "A class"},
    {"B1", "B1 sınıfı", "B1 class"},
    {"B", "B sınıfı", "B class"},
    {"BE", "BE sınıfı", "BE class"},
    {"C1", "C1 sınıfı", "C1 class"},
    {"C1E", "C1E sınıfı", "C1E class"},
    {"C", "C sınıfı", "C class"},
    {"CE", "CE sınıfı", "CE class"},
    {"D1", "D1 sınıfı", "D1 class"},
    {"D1E", "D1E sınıfı", "D1E class"},
    {"D", "D sınıfı", "D class"},
    {"DE", "DE sınıfı", "DE class"},
    {"F", "F sınıfı", "F class"},
    {"G", "G sınıfı", "G class"},
}};
// ISO 639-1, with the names of ICU 72 (CLDR 42) in Turkish and English: Locale::getISOLanguages()'s
// two-letter codes and getDisplayLanguage("tr" / "en").
constexpr std::array<Code, 182> kLanguageCodes = {{
    {"aa", "Afar", "Afar"},
    {"ab", "Abhazca", "Abkhazian"},
    {"ae", "Avestçe", "Avestan"},
    {"af", "Afrikaanca", "Afrikaans"},
    {"ak", "Akan", "Akan"},
    {"am", "Amharca", "Amharic"},
    {"an", "Aragonca", "Aragonese"},
    {"ar", "Arapça", "Arabic"},
    {"as", "Assamca", "Assamese"},
    {"av", "Avar dili", "Avaric"},
    {"ay", "Aymara", "Aymara"},
    {"az", "Azerbaycan dili", "Azerbaijani"},
    {"ba", "Başkırtça", "Bashkir"},
    {"be", "Belarusça", "Belarusian"},
    {"bg", "Bulgarca", "Bulgarian"},
    {"bi", "Bislama", "Bislama"},
    {"bm", "Bambara", "Bambara"},
    {"bn", "Bengalce", "Bangla"},
    {"bo", "Tibetçe", "Tibetan"},
    {"br", "Bretonca", "Breton"},
    {"bs", "Boşnakça", "Bosnian"},
    {"ca", "Katalanca", "Catalan"},
    {"ce", "Çeçence", "Chechen"},
    {"ch", "Çamorro dili", "Chamorro"},
    {"co", "Korsikaca", "Corsican"},
    {"cr", "Krice", "Cree"},
    {"cs", "Çekçe", "Czech"},
    {"cu", "Kilise Slavcası", "Church Slavic"},
    {"cv", "Çuvaşça", "Chuvash"},
    {"cy", "Galce", "Welsh"},
    {"da", "Danca", "Danish"},
    {"de", "Almanca", "German"},
    {"dv", "Divehi dili", "Divehi"},
    {"dz", "Dzongkha", "Dzongkha"},
    {"ee", "Ewe", "Ewe"},
    {"el", "Yunanca", "Greek"},
    {"en", "İngilizce", "English"},
    {"eo", "Esperanto", "Esperanto"},
    {"es", "İspanyolca", "Spanish"},
    {"et", "Estonca", "Estonian"},
    {"eu", "Baskça", "Basque"},
    {"fa", "Farsça", "Persian"},
    {"ff", "Fula dili", "Fula"},
    {"fi", "Fince", "Finnish"},
    {"fj", "Fiji dili", "Fijian"},
    {"fo", "Faroe dili", "Faroese"},
    {"fr", "Fransızca", "French"},
    {"fy", "Batı Frizcesi", "Western Frisian"},
    {"ga", "İrlandaca", "Irish"},
    {"gd", "İskoç Gaelcesi", "Scottish Gaelic"},
    {"gl", "Galiçyaca", "Galician"},
    {"gn", "Guarani dili", "Guarani"},
    {"gu", "Güceratça", "Gujarati"},
    {"gv", "Man dili", "Manx"},
    {"ha", "Hausa dili", "Hausa"},
    {"he", "İbranice", "Hebrew"},
    {"hi", "Hintçe", "Hindi"},
    {"ho", "Hiri Motu", "Hiri Motu"},
    {"hr", "Hırvatça", "Croatian"},
    {"ht", "Haiti Kreyolu", "Haitian Creole"},
    {"hu", "Macarca", "Hungarian"},
    {"hy", "Ermenice", "Armenian"},
    {"hz", "Herero dili", "Herero"},
    {"ia", "İnterlingua", "Interlingua"},
    {"id", "Endonezce", "Indonesian"},
    {"ie", "Interlingue", "Interlingue"},
    {"ig", "İbo dili", "Igbo"},
    {"ii", "Sichuan Yi", "Sichuan Yi"},
    {"ik", "İnyupikçe", "Inupiaq"},
    {"io", "Ido", "Ido"},
    {"is", "İzlandaca", "Icelandic"},
    {"it", "İtalyanca", "Italian"},
    {"iu", "İnuktitut dili", "Inuktitut"},
    {"ja", "Japonca", "Japanese"},
    {"jv", "Cava dili", "Javanese"},
    {"ka", "Gürcüce", "Georgian"},
    {"kg", "Kongo dili", "Kongo"},
    {"ki", "Kikuyu", "Kikuyu"},
    {"kj", "Kuanyama", "Kuanyama"},
    {"kk", "Kazakça", "Kazakh"},
    {"kl", "Grönland dili", "Kalaallisut"},
    {"km", "Khmer dili", "Khmer"},
    {"kn", "Kannada dili", "Kannada"},
    {"ko", "Korece", "Korean"},
    {"kr", "Kanuri dili", "Kanuri"},
    {"ks", "Keşmir dili", "Kashmiri"},
    {"ku", "Kürtçe", "Kurdish"},
    {"kv", "Komi", "Komi"},
    {"kw", "Kernevekçe", "Cornish"},
    {"ky", "Kırgızca", "Kyrgyz"},
    {"la", "Latince", "Latin"},
    {"lb", "Lüksemburgca", "Luxembourgish"},
    {"lg", "Ganda", "Ganda"},
    {"li", "Limburgca", "Limburgish"},
    {"ln", "Lingala", "Lingala"},
    {"lo", "Lao dili", "Lao"},
    {"lt", "Litvanca", "Lithuanian"},
    {"lu", "Luba-Katanga", "Luba-Katanga"},
    {"lv", "Letonca", "Latvian"},
    {"mg", "Malgaşça", "Malagasy"},
    {"mh", "Marshall Adaları dili", "Marshallese"},
    {"mi", "Maori dili", "Māori"},
    {"mk", "Makedonca", "Macedonian"},
    {"ml", "Malayalam dili", "Malayalam"},
    {"mn", "Moğolca", "Mongolian"},
    {"mr", "Marathi dili", "Marathi"},
    {"ms", "Malayca", "Malay"},
    {"mt", "Maltaca", "Maltese"},
    {"my", "Birman dili", "Burmese"},
    {"na", "Nauru dili", "Nauru"},
    {"nb", "Norveççe Bokmål", "Norwegian Bokmål"},
    {"nd", "Kuzey Ndebele", "North Ndebele"},
    {"ne", "Nepalce", "Nepali"},
    {"ng", "Ndonga", "Ndonga"},
    {"nl", "Felemenkçe", "Dutch"},
    {"nn", "Norveççe Nynorsk", "Norwegian Nynorsk"},
    {"no", "Norveççe", "Norwegian"},
    {"nr", "Güney Ndebele", "South Ndebele"},
    {"nv", "Navaho dili", "Navajo"},
    {"ny", "Nyanja", "Nyanja"},
    {"oc", "Oksitan dili", "Occitan"},
    {"oj", "Ojibva dili", "Ojibwa"},
    {"om", "Oromo dili", "Oromo"},
    {"or", "Oriya dili", "Odia"},
    {"os", "Osetçe", "Ossetic"},
    {"pa", "Pencapça", "Punjabi"},
    {"pi", "Pali", "Pali"},
    {"pl", "Lehçe", "Polish"},
    {"ps", "Peştuca", "Pashto"},
    {"pt", "Portekizce", "Portuguese"},
    {"qu", "Keçuva dili", "Quechua"},
    {"rm", "Romanşça", "Romansh"},
    {"rn", "Kirundi", "Rundi"},
    {"ro", "Rumence", "Romanian"},
    {"ru", "Rusça", "Russian"},
    {"rw", "Kinyarwanda", "Kinyarwanda"},
    {"sa", "Sanskrit", "Sanskrit"},
    {"sc", "Sardunya dili", "Sardinian"},
    {"sd", "Sindhi dili", "Sindhi"},
    {"se", "Kuzey Laponcası", "Northern Sami"},
    {"sg", "Sango", "Sango"},
    {"si", "Sinhali dili", "Sinhala"},
    {"sk", "Slovakça", "Slovak"},
    {"sl", "Slovence", "Slovenian"},
    {"sm", "Samoa dili", "Samoan"},
    {"sn", "Şona dili", "Shona"},
    {"so", "Somalice", "Somali"},
    {"sq", "Arnavutça", "Albanian"},
    {"sr", "Sırpça", "Serbian"},
    {"ss", "Sisvati", "Swati"},
    {"st", "Güney Sotho dili", "Southern Sotho"},
    {"su", "Sunda dili", "Sundanese"},
    {"sv", "İsveççe", "Swedish"},
    {"sw", "Svahili dili", "Swahili"},
    {"ta", "Tamilce", "Tamil"},
    {"te", "Telugu dili", "Telugu"},
    {"tg", "Tacikçe", "Tajik"},
    {"th", "Tayca", "Thai"},
    {"ti", "Tigrinya dili", "Tigrinya"},
    {"tk", "Türkmence", "Turkmen"},
    {"tn", "Setsvana", "Tswana"},
    {"to", "Tonga dili", "Tongan"},
    {"tr", "Türkçe", "Turkish"},
    {"ts", "Tsonga", "Tsonga"},
    {"tt", "Tatarca", "Tatar"},
    {"tw", "Tvi", "Twi"},
    {"ty", "Tahiti dili", "Tahitian"},
    {"ug", "Uygurca", "Uyghur"},
    {"uk", "Ukraynaca", "Ukrainian"},
    {"ur", "Urduca", "Urdu"},
    {"uz", "Özbekçe", "Uzbek"},
    {"ve", "Venda dili", "Venda"},
    {"vi", "Vietnamca", "Vietnamese"},
    {"vo", "Volapük", "Volapük"},
    {"wa", "Valonca", "Walloon"},
    {"wo", "Volofça", "Wolof"},
    {"xh", "Zosa dili", "Xhosa"},
    {"yi", "Yidiş", "Yiddish"},
    {"yo", "Yorubaca", "Yoruba"},
    {"za", "Zhuangca", "Zhuang"},
    {"zh", "Çince", "Chinese"},
    {"zu", "Zuluca", "Zulu"},
}};
constexpr std::array<Code, 6> kLevelCodes = {{
    {"A1", "A1", "A1"},
    {"A2", "A2", "A2"},
    {"B1", "B1", "B1"},
    {"B2", "B2", "B2"},
    {"C1", "C1", "C1"},
    {"C2", "C2", "C2"},
}};
constexpr std::array<Code, 5> kMilitaryStatusCodes = {{
    {"completed", "Yapıldı", "Completed"},
    {"exempt", "Muaf", "Exempt"},
    {"postponed", "Tecilli", "Postponed"},
    {"notCompleted", "Yapılmadı", "Not completed"},
    {"notApplicable", "Gerekmiyor", "Not applicable"},
}};
constexpr std::array<Code, 5> kCloseReasonCodes = {{
    {"filled", "Tamamı karşılandı", "Filled"},
    {"partiallyFilled", "Kısmen karşılandı", "Partially filled"},
    {"noSuitableCandidate", "Uygun aday bulunamadı", "No suitable candidate"},
    {"noLongerNeeded", "İhtiyaç kalmadı", "No longer needed"},
    {"other", "Diğer", "Other"},
}};
constexpr std::array<Code, 3> kStatusCodes = {{
    {"active", "Aktif", "Active"},
    {"closed", "Kapatıldı", "Closed"},
    {"cancelled", "İptal edildi", "Cancelled"},
}};
constexpr std::array<Code, 3> kOriginCodes = {{
    {"selected", "Seçilen", "Selected"},
    {"applied", "Başvuran", "Applied"},
    {"referred", "Gönderilen", "Referred"},
}};
constexpr std::array<Code, 5> kStateCodes = {{
    {"selected", "Seçilen", "Selected"},
    {"applied", "Başvuran", "Applied"},
    {"referred", "Gönderilen", "Referred"},
    {"invited", "Davet edildi", "Invited"},
    {"interviewed", "Görüşüldü", "Interviewed"},
}};
constexpr std::array<Code, 4> kResultCodes = {{
    {"hired", "İşe alındı", "Hired"},
    {"notSuitable", "Uygun görülmedi", "Not suitable"},
    {"didNotAttend", "Görüşmeye gelmedi", "Did not attend"},
    {"candidateDeclined", "Aday kabul etmedi", "Candidate declined"},
}};

constexpr std::array<CodeSet, 15> kSets = {{
    {"workingPattern", kWorkingPatternCodes},
    {"workplaceType", kWorkplaceTypeCodes},
    {"workLocation", kWorkLocationCodes},
    {"personalStatus", kPersonalStatusCodes},
    {"targetGroup", kTargetGroupCodes},
    {"educationLevel", kEducationLevelCodes},
    {"drivingLicences", kDrivingLicencesCodes},
    {"language", kLanguageCodes},
    {"level", kLevelCodes},
    {"militaryStatus", kMilitaryStatusCodes},
    {"closeReason", kCloseReasonCodes},
    {"status", kStatusCodes},
    {"origin", kOriginCodes},
    {"state", kStateCodes},
    {"result", kResultCodes},
}};

}  // namespace

std::span<const CodeSet> All() { return kSets; }

const CodeSet* Find(std::string_view name) {
  for (const auto& s : kSets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::optional<int> Rank(std::string_view set, std::string_view code) {
  const CodeSet* s = Find(set);
  if (s == nullptr) return std::nullopt;
  for (std::size_t i = 0; i < s->codes.size(); ++i) {
    if (s->codes[i].code == code) return static_cast<int>(i);
  }
  return std::nullopt;
}

bool Has(std::string_view set, std::string_view code) { return Rank(set, code).has_value(); }

std::string_view NameTr(std::string_view set, std::string_view code) {
  const auto r = Rank(set, code);
  return r ? Find(set)->codes[static_cast<std::size_t>(*r)].name_tr : std::string_view{};
}

void Check(Validator& v, const std::string& field, const std::string& value, std::string_view set, bool required) {
  if (value.empty()) {
    if (required) v.Fail(field, "required");
    return;
  }
  if (!Has(set, value)) v.Fail(field, "unknown_value");
}

void CheckList(Validator& v, const std::string& field, const std::vector<std::string>& values, std::string_view set) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    if (!Has(set, values[i])) {
      v.Fail(f, "unknown_value");
    } else if (!seen.insert(values[i]).second) {
      v.Fail(f, "duplicate");
    }
  }
}

}  // namespace istihdam::job_codes
