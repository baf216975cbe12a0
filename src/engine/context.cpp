#include "engine/context.hpp"

#include <algorithm>

namespace pmlint::engine {

Context::Context(const document::Document& document, std::function<bool(std::string_view)> enabled)
    : m_document(document), m_enabled(std::move(enabled)) {}

void Context::start_rule(const RuleInfo& info, Severity configured, bool pinned) {
  m_rule = &info;
  m_severity = configured;
  m_pinned = pinned;
}

void Context::report(document::ByteSpan span, std::string message, std::optional<Fix> fix,
                     std::optional<Severity> severity) {
  const auto size = static_cast<std::uint32_t>(m_document.source().size());
  span.begin = std::min(span.begin, size);
  span.end = std::clamp(span.end, span.begin, size);
  Diagnostic diagnostic;
  diagnostic.rule_id = m_rule->id;
  diagnostic.severity = (severity && !m_pinned) ? *severity : m_severity;
  diagnostic.message = std::move(message);
  diagnostic.span = span;
  diagnostic.fix = std::move(fix);
  m_diagnostics.push_back(std::move(diagnostic));
}

}  // namespace pmlint::engine
