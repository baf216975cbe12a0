#include "engine/options.hpp"

#include <stdexcept>

namespace pmlint::engine {

RuleOptions::RuleOptions(YAML::Node values, std::span<const OptionSpec> specs)
    : m_values(std::move(values)), m_specs(specs) {}

YAML::Node RuleOptions::value(std::string_view name) const {
  for (const OptionSpec& spec : m_specs) {
    if (spec.name != name) {
      continue;
    }
    if (m_values && m_values.IsMap()) {
      const YAML::Node& values = m_values;
      YAML::Node configured = values[std::string(name)];
      if (configured) {
        return configured;
      }
    }
    return YAML::Load(std::string(spec.default_value));
  }
  throw std::logic_error("rule reads undeclared option '" + std::string(name) + "'");
}

long long RuleOptions::integer(std::string_view name) const { return value(name).as<long long>(); }
bool RuleOptions::boolean(std::string_view name) const { return value(name).as<bool>(); }
std::string RuleOptions::string(std::string_view name) const { return value(name).as<std::string>(); }

std::vector<std::string> RuleOptions::strings(std::string_view name) const {
  std::vector<std::string> values;
  const YAML::Node node = value(name);
  if (node.IsSequence()) {
    for (const auto& item : node) {
      values.push_back(item.as<std::string>());
    }
  } else if (node.IsScalar()) {
    values.push_back(node.as<std::string>());
  }
  return values;
}

std::string RuleOptions::check(const OptionSpec& spec, const YAML::Node& value) {
  try {
    switch (spec.kind) {
      case OptionSpec::Kind::integer:
        (void)value.as<long long>();
        return "";
      case OptionSpec::Kind::boolean:
        (void)value.as<bool>();
        return "";
      case OptionSpec::Kind::string:
        if (!value.IsScalar()) {
          return "must be a string";
        }
        return "";
      case OptionSpec::Kind::string_list:
        if (value.IsScalar()) {
          return "";
        }
        if (!value.IsSequence()) {
          return "must be a list of strings";
        }
        for (const auto& item : value) {
          if (!item.IsScalar()) {
            return "must be a list of strings";
          }
        }
        return "";
    }
  } catch (const YAML::Exception&) {
  }
  switch (spec.kind) {
    case OptionSpec::Kind::integer: return "must be an integer";
    case OptionSpec::Kind::boolean: return "must be true or false";
    default: return "has the wrong type";
  }
}

}  // namespace pmlint::engine
