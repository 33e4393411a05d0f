#pragma once
// Every event type of every bounded context (http/event_types.cpp), without the rest of the
// App: tools and tests that only decode or show events include this.
#include "events/event_registry.h"

namespace istihdam::http {

// Registers every event type of every context in `registry`.
void RegisterEventTypes(events::EventRegistry& registry);

}  // namespace istihdam::http
