#pragma once
// A read replica's login sessions. On the write node the session rows are a side table
// written with the UserLoggedIn event (commands/login.cpp); a replica has only the events, so
// this projector keeps rows of the same key and encoding (projections/session_record.h) from
// UserLoggedIn (schema version 2 and later) and UserLoggedOut (version 2 and later).
// ResolveSession reads them through Services::find_session, so expiry and role checks are the
// same on both roles. Registered only on replicas (http/app.cpp).
#include <memory>
#include <string>

#include "projections/projection_engine.h"

namespace istihdam {

inline constexpr const char* kReplicaSessionsProjection = "replicaSessions";
inline constexpr const char* kReplicaSessionsTable = "sessions";

std::unique_ptr<Projector> MakeReplicaSessionsProjector();

}  // namespace istihdam
