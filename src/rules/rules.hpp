#pragma once

// The built-in rules; src/rules/registry.cpp lists them in id order.

#include "engine/registry.hpp"

namespace pmlint::rules {

engine::RegisteredRule action_items_missing();
engine::RegisteredRule front_matter_invalid();
engine::RegisteredRule impact_missing();
engine::RegisteredRule root_cause_missing();
engine::RegisteredRule severity_missing();
engine::RegisteredRule timeline_missing();
engine::RegisteredRule unused_suppression();
engine::RegisteredRule went_well_missing();
engine::RegisteredRule went_wrong_missing();

}  // namespace pmlint::rules
