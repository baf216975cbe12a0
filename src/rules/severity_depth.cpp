#include <nlohmann/json.hpp>

#include <map>

#include "engine/packs.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "severity"};

constexpr std::size_t k_min_summary_words = 12;

constexpr RuleInfo k_info{
    "severity-depth",
    "A section the declared severity requires is missing",
    R"md(## What it checks
That the document has every section its severity requires. SEV1 and SEV2 need all six stages of
the workflow: summary, impact, timeline, root cause, contributing factors, what went well, what
went wrong, action items and a follow-up; SEV3 and SEV4 need a summary, impact, root cause and
action items. A document that declares no severity is held to SEV3 (`severity-missing` says so
once). The requirements are data in `rules/severity.yaml`. A section that has a rule of its own
(`impact-missing`, `timeline-missing`, ...) is left to that rule while it is enabled, so nothing is
reported twice; an opening paragraph of at least 12 words before the first section counts as the
summary.

## Why it matters
The workflow's tip: severity should match the depth of the postmortem. A SEV1 written up like a
minor incident skips the analysis that prevents the next one; a SEV4 need not carry a SEV1's
weight.

## Example
```markdown
---
severity: SEV2
---
# Checkout outage

## Timeline
...
```

## Use instead
```markdown
## Summary
A config change exhausted the checkout API's database pool for 47 minutes.
```

## Options
None.
)md",
    Severity::error,
    k_tags,
};

// The rule that reports each missing section kind on its own, when it is enabled.
const std::map<SectionKind, std::string_view>& dedicated_rules() {
  static const std::map<SectionKind, std::string_view> k_rules = {
      {SectionKind::impact, "impact-missing"},
      {SectionKind::timeline, "timeline-missing"},
      {SectionKind::root_cause, "root-cause-missing"},
      {SectionKind::contributing_factors, "contributing-factors-missing"},
      {SectionKind::went_well, "went-well-missing"},
      {SectionKind::went_wrong, "went-wrong-missing"},
      {SectionKind::action_items, "action-items-missing"},
      {SectionKind::follow_up, "follow-up-missing"},
      {SectionKind::lucky, "lucky-missing"},
  };
  return k_rules;
}

std::string display_name(SectionKind kind) {
  switch (kind) {
    case SectionKind::summary: return "Summary";
    case SectionKind::impact: return "Impact";
    case SectionKind::timeline: return "Timeline";
    case SectionKind::root_cause: return "Root Cause";
    case SectionKind::contributing_factors: return "Contributing Factors";
    case SectionKind::went_well: return "What went well";
    case SectionKind::went_wrong: return "What went wrong";
    case SectionKind::lucky: return "Where we got lucky";
    case SectionKind::action_items: return "Action Items";
    case SectionKind::follow_up: return "Follow-up";
    default: return std::string(document::to_string(kind));
  }
}

class SeverityDepth final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& /*options*/) override {
    for (const auto& [level, names] : engine::pack("severity").at("required_sections").items()) {
      for (const auto& name : document::pack_list(names, "severity.required_sections")) {
        const auto kind = document::section_kind_named(name);
        if (!kind) {
          throw std::runtime_error("rules/severity.yaml names unknown section kind '" + name + "'");
        }
        m_required[std::stoi(level)].push_back(*kind);
      }
    }
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    const int level = context.severity_level();
    const auto required = m_required.find(level);
    if (required == m_required.end()) {
      return;
    }
    for (const SectionKind kind : required->second) {
      if (document.has_section(kind)) {
        continue;
      }
      const auto dedicated = dedicated_rules().find(kind);
      if (dedicated != dedicated_rules().end() && context.rule_enabled(dedicated->second)) {
        continue;
      }
      if (kind == SectionKind::summary && has_opening_summary(document)) {
        continue;
      }
      const std::string declared = document.severity() ? "" : " (no severity declared, held to SEV3)";
      context.report(document_anchor(document), "a SEV" + std::to_string(level) + " postmortem needs a " +
                                                    display_name(kind) + " section" + declared);
    }
  }

 private:
  static bool has_opening_summary(const document::Document& document) {
    std::uint32_t top_end = static_cast<std::uint32_t>(document.source().size());
    for (const auto& section : document.sections()) {
      if (!section.labelled && section.level >= 2) {
        top_end = section.heading.begin;
        break;
      }
    }
    std::size_t words = 0;
    for (const auto* block : document.prose_blocks({0, top_end})) {
      if (block->kind == document::BlockKind::paragraph) {
        words += words_of(block->span.of(document.prose())).size();
      }
    }
    return words >= k_min_summary_words;
  }

  std::map<int, std::vector<SectionKind>> m_required;
};

}  // namespace

engine::RegisteredRule severity_depth() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<SeverityDepth>(); }};
}

}  // namespace pmlint::rules
