#include "engine/registry.hpp"

#include <algorithm>

#include "rules/rules.hpp"

namespace pmlint::engine {

const std::vector<RegisteredRule>& registered_rules() {
  static const std::vector<RegisteredRule> k_rules = {
      rules::action_due_date(),
      rules::action_items_missing(),
      rules::action_owner_missing(),
      rules::action_prevention_missing(),
      rules::action_ticket_missing(),
      rules::action_type_missing(),
      rules::action_vague(),
      rules::audience_missing(),
      rules::blame_language(),
      rules::checklist_incomplete(),
      rules::contributing_factors_missing(),
      rules::customer_summary_missing(),
      rules::follow_up_missing(),
      rules::front_matter_invalid(),
      rules::impact_duration_mismatch(),
      rules::impact_missing(),
      rules::impact_unquantified(),
      rules::lucky_missing(),
      rules::monitoring_without_metric(),
      rules::owner_missing(),
      rules::person_as_root_cause(),
      rules::root_cause_missing(),
      rules::root_cause_mixed(),
      rules::security_disclosure(),
      rules::sensitive_data(),
      rules::severity_depth(),
      rules::severity_missing(),
      rules::timeline_milestones(),
      rules::timeline_missing(),
      rules::timeline_order(),
      rules::timeline_precision(),
      rules::timeline_timezone(),
      rules::unused_suppression(),
      rules::went_well_missing(),
      rules::went_wrong_missing(),
  };
  return k_rules;
}

const RegisteredRule* find_rule(std::string_view id) {
  const auto& rules = registered_rules();
  const auto it = std::find_if(rules.begin(), rules.end(), [&](const RegisteredRule& rule) { return rule.info->id == id; });
  return it == rules.end() ? nullptr : &*it;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& rule : registered_rules()) {
    ids.emplace_back(rule.info->id);
  }
  return ids;
}

}  // namespace pmlint::engine
