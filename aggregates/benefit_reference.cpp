#include "aggregates/benefit_reference.h"

namespace istihdam {

bool IsDeclarationType(const std::string& type) { return !DeclarationTypeName(type).empty(); }

std::string DeclarationTypeName(const std::string& type) {
  if (type == "IKT") return "İş Kaybı Tazminatı";
  if (type == "IO") return "İşsizlik Ödeneği";
  if (type == "KCO") return "Kısa Çalışma Ödeneği";
  return "";
}

namespace {
BenefitUnit UnitOf(const Province& p) { return {p.code, p.name + " Çalışma ve İş Kurumu İl Müdürlüğü"}; }
}  // namespace

std::vector<BenefitUnit> BenefitUnits(const ReferenceData& ref) {
  std::vector<BenefitUnit> out;
  for (const auto& p : ref.provinces()) out.push_back(UnitOf(p));
  return out;
}

std::optional<BenefitUnit> FindBenefitUnit(const ReferenceData& ref, const std::string& unit_id) {
  const auto* p = ref.FindProvince(unit_id);
  if (!p) return std::nullopt;
  return UnitOf(*p);
}

// The codes of the SGK "İşten Ayrılış Bildirgesi" (01–05, 08–34); codes 06/07 are not used
// by SGK and the later ones (35+) concern public-service transfers by decree, not private
// employers declaring to İŞKUR.
const std::vector<ExitReason>& ExitReasons() {
  static const std::vector<ExitReason> kReasons = {
      {"01", "Deneme süreli iş sözleşmesinin işverence feshi"},
      {"02", "Deneme süreli iş sözleşmesinin işçi tarafından feshi"},
      {"03", "Belirsiz süreli iş sözleşmesinin işçi tarafından feshi (istifa)"},
      {"04", "Belirsiz süreli iş sözleşmesinin işveren tarafından haklı sebep bildirilmeden feshi"},
      {"05", "Belirli süreli iş sözleşmesinin sona ermesi"},
      {"08", "Emeklilik (yaşlılık) veya toptan ödeme nedeniyle"},
      {"09", "Malulen emeklilik nedeniyle"},
      {"10", "Ölüm"},
      {"11", "İş kazası sonucu ölüm"},
      {"12", "Askerlik"},
      {"13", "Kadın işçinin evlenmesi"},
      {"14", "Emeklilik için yaş dışında diğer şartların tamamlanması"},
      {"15", "Toplu işçi çıkarma"},
      {"16", "Sözleşme sona ermeden sigortalının aynı işverene ait diğer işyerine nakli"},
      {"17", "İşyerinin kapanması"},
      {"18", "İşin sona ermesi"},
      {"19", "Mevsim bitimi"},
      {"20", "Kampanya bitimi"},
      {"21", "Statü değişikliği"},
      {"22", "Diğer nedenler"},
      {"23", "İşçi tarafından zorunlu nedenle fesih"},
      {"24", "İşçi tarafından sağlık nedeniyle fesih"},
      {"25", "İşçi tarafından işverenin ahlak ve iyi niyet kurallarına aykırı davranışı nedeni ile fesih"},
      {"26", "Disiplin kurulu kararı ile fesih"},
      {"27", "İşveren tarafından zorunlu nedenlerle ve tutukluluk nedeniyle fesih"},
      {"28", "İşveren tarafından sağlık nedeni ile fesih"},
      {"29", "İşveren tarafından işçinin ahlak ve iyi niyet kurallarına aykırı davranışı nedeni ile fesih"},
      {"30", "Vize süresinin bitimi"},
      {"31", "Borçlar Kanunu, Sendikalar Kanunu, Grev ve Lokavt Kanunu kapsamında kendi istek ve kusuru dışında fesih"},
      {"32", "4046 sayılı Kanunun 21 inci maddesine göre özelleştirme nedeni ile fesih"},
      {"33", "Gazeteci tarafından sözleşmenin feshi"},
      {"34", "İşyerinin devri, işin veya işyerinin niteliğinin değişmesi nedeniyle fesih"},
  };
  return kReasons;
}

bool IsExitReason(const std::string& code) {
  for (const auto& r : ExitReasons()) {
    if (code == r.code) return true;
  }
  return false;
}

}  // namespace istihdam
