#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"

namespace pmlint::engine {

struct RegisteredRule {
  const RuleInfo* info;
  RuleFactory make;
};

// Every built-in rule, in id order: one explicit list (src/rules/registry.cpp), no static
// self-registration.
const std::vector<RegisteredRule>& registered_rules();
const RegisteredRule* find_rule(std::string_view id);
std::vector<std::string> rule_ids();

}  // namespace pmlint::engine
