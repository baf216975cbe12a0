#include "rules/common.hpp"
#include "rules/impact_support.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"impact", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "impact-unquantified",
    "The impact gives no number of users, customers or requests affected, or no duration",
    R"md(## What it checks
That the Impact section (or, for either fact, the summary) says how many were affected (a count
or share of users, customers, requests, accounts, orders, ...: "1,240 requests", "3% of
logins", "all EU customers", "no users") and for how long ("47 minutes", "from 14:02 to 14:49",
or a `Duration` / `Time to resolve` field). Vague quantities in the Impact section ("some users",
"a small number of customers", "several requests") are pointed at one by one.

## Why it matters
Stage 2 of the workflow asks for quantified impact: users affected, duration, data integrity,
SLA. Numbers decide the severity, the customer communication and whether an SLA credit is owed;
"some users for a while" supports none of them.

## Example
```markdown
## Impact
Some users could not check out for a while.
```

## Use instead
```markdown
## Impact
1,240 checkout requests (4.2%) failed over 47 minutes, from 14:02 to 14:49 UTC.
```

## Options
None. The words are data in `rules/impact.yaml`.
)md",
    Severity::warning,
    k_tags,
};

class ImpactUnquantified final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto impact = document.sections_of(SectionKind::impact);
    if (impact.empty()) {
      return;  // impact-missing reports that
    }
    const std::string_view prose = document.prose();
    std::string impact_text;
    bool vague_reported = false;
    for (const auto* section : impact) {
      const ByteSpan body = section->body;
      impact_text.append(body.of(prose));
      impact_text.push_back('\n');
      for (const auto& vague : m_patterns.vague_quantities(prose, document.words_in(body))) {
        const ByteSpan span{static_cast<std::uint32_t>(vague.begin), static_cast<std::uint32_t>(vague.end)};
        context.report(span, "'" + quote(span.of(prose)) + "' is vague; give a number or a share");
        vague_reported = true;
      }
    }
    std::string summary_text;
    for (const auto* block : blocks_of(document, document.sections_of(SectionKind::summary))) {
      summary_text.append(block->span.of(prose));
      summary_text.push_back('\n');
    }
    const ByteSpan anchor = impact.front()->heading;
    if (!vague_reported && !m_patterns.has_count(impact_text)) {
      context.report(anchor, "the impact gives no number of users, customers or requests affected");
    }
    const bool duration_field = document.metadata_entry("duration") != nullptr;
    if (!duration_field && !m_patterns.has_duration(impact_text) && !m_patterns.has_duration(summary_text)) {
      context.report(anchor, "the impact gives no duration");
    }
  }

 private:
  const ImpactPatterns& m_patterns = ImpactPatterns::shared();
};

}  // namespace

engine::RegisteredRule impact_unquantified() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ImpactUnquantified>(); }};
}

}  // namespace pmlint::rules
