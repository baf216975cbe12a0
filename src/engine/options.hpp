#pragma once

#include <yaml-cpp/yaml.h>

#include <span>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace pmlint::engine {

// A rule's options as configured, with the defaults its OptionSpecs declare. The configuration
// has checked names and types before a rule sees them.
class RuleOptions {
 public:
  RuleOptions(YAML::Node values, std::span<const OptionSpec> specs);

  [[nodiscard]] long long integer(std::string_view name) const;
  [[nodiscard]] bool boolean(std::string_view name) const;
  [[nodiscard]] std::string string(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> strings(std::string_view name) const;

  // A description of what is wrong with `value` for `spec`, or "" when it fits.
  static std::string check(const OptionSpec& spec, const YAML::Node& value);

 private:
  [[nodiscard]] YAML::Node value(std::string_view name) const;
  YAML::Node m_values;
  std::span<const OptionSpec> m_specs;
};

}  // namespace pmlint::engine
