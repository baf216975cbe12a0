#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/span.hpp"

namespace pmlint::engine {

using document::ByteSpan;

// Ordered: a threshold compares with >=.
enum class Severity { info, warning, error };
std::string_view to_string(Severity severity);
// "info" (also "note"), "warning" (also "warn"), "error".
std::optional<Severity> severity_named(std::string_view name);

// One replacement of a byte span; an empty replacement deletes.
struct Edit {
  ByteSpan span;
  std::string replacement;
};

struct Fix {
  std::string description;  // imperative: "Write 14:02 as 13:02 UTC"
  std::vector<Edit> edits;
};

// What a rule reports: the engine adds the rule id and severity.
struct Diagnostic {
  std::string_view rule_id;  // points at the rule's static RuleInfo
  Severity severity = Severity::warning;
  std::string message;
  ByteSpan span;
  std::optional<Fix> fix;
};

}  // namespace pmlint::engine
