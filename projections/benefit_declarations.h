#pragma once
// Read model of benefit declarations: "Kayıtlı Bildirgeler" (DOMAIN.md §2.1.2, DECL-1). The
// listing needs unit, then firm, then declaration type chosen first; every query is
// scoped to who asks (an employer sees its own declarations, a unit user its province's, a
// head office user all).
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "infra/reference_data.h"
#include "infra/result.h"
#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

std::unique_ptr<Projector> MakeBenefitDeclarationsProjector();

// Who reads: exactly one of the three.
struct DeclarationViewer {
  std::string employer_id;  // an employer: its own declarations
  std::string province;     // a unit user: the declarations of its unit (= province)
  bool head_office = false;  // a head office user: all
  // Whether rows of the unit may be shown at all (employers: any unit, their own rows only).
  bool SeesUnit(const std::string& unit_id) const;
};

// "Birim, Firma, Bildirge" and the optional filters of the listing.
struct DeclarationQuery {
  std::string unit_id;
  std::string employer_id;
  std::string declaration_type;
  std::string date_from;  // YYYY-MM-DD, inclusive, on the declaration date
  std::string date_to;
  std::string declaration_no;
};

// a missing selector is named in the order unit, firm, declaration type
// (declaration_selection_required with a "required" field error for each); a declaration
// type that is not IKT/IO/KCO, a unit that is not a province of `ref` or a malformed date is
// validation_failed.
Status CheckDeclarationQuery(const DeclarationQuery& q, const ReferenceData& ref);

// The units the viewer may choose: {"items": [{"unitId", "name", "declarationCount"}]}, by
// unit id. A head office user gets every unit, a unit user its own, an employer the units of
// `employer_provinces` (its workplaces) and of any unit holding its declarations.
boost::json::object ListDeclarationUnits(const ReadView& view, const ReferenceData& ref, const DeclarationViewer& who,
                                         const std::vector<std::string>& employer_provinces);

// The firms with declarations in the unit that the viewer may see, by title:
// {"items": [{"employerId", "title", "declarationCount"}], "page", …}.
boost::json::object ListDeclarationFirms(const ReadView& view, const DeclarationViewer& who, const std::string& unit_id,
                                         const Page& page);

// ListBenefitDeclarations, newest first; `q` must have passed CheckDeclarationQuery. Items:
// {"declarationNo", "declarationType", "declarationTypeName", "unitId", "employerId",
// "employerTitle", "workplaceId", "declarationDate", "periodStart", "periodEnd",
// "workerCount", "totalShortTimeHours"}. Rows outside the viewer's scope are never listed.
boost::json::object ListBenefitDeclarations(const ReadView& view, const DeclarationViewer& who,
                                            const DeclarationQuery& q, const Page& page);

// The whole declaration with its workers; nullopt when it does not exist or the viewer may
// not see it.
std::optional<boost::json::object> GetBenefitDeclaration(const ReadView& view, const DeclarationViewer& who,
                                                         const std::string& declaration_no);

}  // namespace istihdam
