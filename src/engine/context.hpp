#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "engine/diagnostic.hpp"
#include "engine/rule.hpp"

namespace pmlint::engine {

// What a rule sees while it checks one document: the model, facts derived from it once, and
// the channel to report through. One Context per file; not shared between threads.
class Context {
 public:
  // `enabled` tells whether another rule runs too (rules leave to a dedicated rule what it
  // reports); without it, every rule counts as enabled.
  explicit Context(const document::Document& document, std::function<bool(std::string_view)> enabled = {});

  [[nodiscard]] const document::Document& document() const { return m_document; }
  [[nodiscard]] std::string_view source() const { return m_document.source(); }
  [[nodiscard]] std::string_view prose() const { return m_document.prose(); }

  // The severity the document is held to: the declared one, else SEV3 (the catalog's rule for
  // documents that declare none).
  [[nodiscard]] int severity_level() const { return m_document.severity().value_or(3); }
  [[nodiscard]] bool rule_enabled(std::string_view rule_id) const { return !m_enabled || m_enabled(rule_id); }
  [[nodiscard]] bool customer_facing() const {
    return m_document.audience() && *m_document.audience() == "customer-facing";
  }

  // Reports a finding on `span`. `severity` is the rule's own judgement for this finding
  // (sensitive-data is an error in a customer-facing document); a severity the user configured
  // for the rule wins over it.
  void report(document::ByteSpan span, std::string message, std::optional<Fix> fix = std::nullopt,
              std::optional<Severity> severity = std::nullopt);

  // Engine side: which rule is running and at what configured severity.
  void start_rule(const RuleInfo& info, Severity configured, bool pinned);
  [[nodiscard]] std::vector<Diagnostic>& diagnostics() { return m_diagnostics; }

 private:
  const document::Document& m_document;
  std::function<bool(std::string_view)> m_enabled;
  const RuleInfo* m_rule = nullptr;
  Severity m_severity = Severity::warning;
  bool m_pinned = false;
  std::vector<Diagnostic> m_diagnostics;
};

}  // namespace pmlint::engine
