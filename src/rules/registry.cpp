#include "engine/registry.hpp"

#include <algorithm>

#include "rules/rules.hpp"

namespace pmlint::engine {

const std::vector<RegisteredRule>& registered_rules() {
  static const std::vector<RegisteredRule> k_rules = {
      rules::action_items_missing(),
      rules::front_matter_invalid(),
      rules::impact_missing(),
      rules::root_cause_missing(),
      rules::severity_missing(),
      rules::timeline_missing(),
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
