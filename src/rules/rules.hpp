#pragma once

// The built-in rules; src/rules/registry.cpp lists them in id order.

#include "engine/registry.hpp"

namespace pmlint::rules {

engine::RegisteredRule action_due_date();
engine::RegisteredRule action_items_missing();
engine::RegisteredRule action_owner_missing();
engine::RegisteredRule action_prevention_missing();
engine::RegisteredRule action_ticket_missing();
engine::RegisteredRule action_type_missing();
engine::RegisteredRule action_vague();
engine::RegisteredRule audience_missing();
engine::RegisteredRule blame_language();
engine::RegisteredRule checklist_incomplete();
engine::RegisteredRule contributing_factors_missing();
engine::RegisteredRule customer_summary_missing();
engine::RegisteredRule follow_up_missing();
engine::RegisteredRule front_matter_invalid();
engine::RegisteredRule impact_duration_mismatch();
engine::RegisteredRule impact_missing();
engine::RegisteredRule impact_unquantified();
engine::RegisteredRule lucky_missing();
engine::RegisteredRule monitoring_without_metric();
engine::RegisteredRule owner_missing();
engine::RegisteredRule person_as_root_cause();
engine::RegisteredRule root_cause_missing();
engine::RegisteredRule root_cause_mixed();
engine::RegisteredRule security_disclosure();
engine::RegisteredRule sensitive_data();
engine::RegisteredRule severity_depth();
engine::RegisteredRule severity_missing();
engine::RegisteredRule timeline_milestones();
engine::RegisteredRule timeline_missing();
engine::RegisteredRule timeline_order();
engine::RegisteredRule timeline_precision();
engine::RegisteredRule timeline_timezone();
engine::RegisteredRule unused_suppression();
engine::RegisteredRule went_well_missing();
engine::RegisteredRule went_wrong_missing();

}  // namespace pmlint::rules
