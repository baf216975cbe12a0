#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"

namespace pmlint::engine {

class Context;
class RuleOptions;

// An option a rule reads from its entry in .pmlint.yaml.
struct OptionSpec {
  enum class Kind { integer, boolean, string, string_list };
  std::string_view name;
  Kind kind = Kind::string;
  std::string_view default_value;  // as YAML: "30", "true", "[]"
  std::string_view doc;
};

// What a rule is, as `pmlint rules`, `pmlint explain`, SARIF and the README show it.
// `doc` follows ruff: "## What it checks / ## Why it matters / ## Example / ## Use instead /
// ## Options".
struct RuleInfo {
  std::string_view id;
  std::string_view summary;
  std::string_view doc;
  Severity default_severity = Severity::warning;
  std::span<const std::string_view> tags;
  std::span<const OptionSpec> options = {};
  bool fixable = false;
};

class Rule {
 public:
  virtual ~Rule() = default;
  [[nodiscard]] virtual const RuleInfo& info() const = 0;
  // Reads options once, when a configuration is loaded (clang-tidy style): compile patterns here,
  // never per file.
  virtual void configure(const RuleOptions& /*options*/) {}
  // Pure with respect to the document: no I/O, no shared mutable state (files are linted in
  // parallel). Reports through `context`.
  virtual void check(Context& context) const = 0;
};

using RuleFactory = std::unique_ptr<Rule> (*)();

}  // namespace pmlint::engine
