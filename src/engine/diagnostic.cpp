#include "engine/diagnostic.hpp"

#include "util/text.hpp"

namespace pmlint::engine {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "warning";
}

std::optional<Severity> severity_named(std::string_view name) {
  const std::string lowered = util::to_lower_ascii(util::trim(name));
  if (lowered == "info" || lowered == "note") {
    return Severity::info;
  }
  if (lowered == "warning" || lowered == "warn") {
    return Severity::warning;
  }
  if (lowered == "error") {
    return Severity::error;
  }
  return std::nullopt;
}

}  // namespace pmlint::engine
