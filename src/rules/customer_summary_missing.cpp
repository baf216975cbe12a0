#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-6-communication"};

constexpr std::size_t k_min_summary_words = 12;

constexpr RuleInfo k_info{
    "customer-summary-missing",
    "A customer-facing document without a plain-language summary at the top",
    R"md(## What it checks
That a customer-facing document (`audience: customer-facing`, `public` or `external`) opens with a
summary: its first section is a Summary (or "Customer summary", "What happened", "Overview"), or
it opens with a paragraph of at least 12 words before its first section heading.

## Why it matters
Stage 6 of the workflow shares a summary with the organisation and, when a customer promise
requires it, an external postmortem. Customers read the top and stop: two or three sentences on
what happened, who was affected, for how long and what is being done about it are the part of the
document most of them will see.

## Example
```markdown
---
audience: customer-facing
---
# Checkout errors on 14 May

## Timeline
...
```

## Use instead
```markdown
# Checkout errors on 14 May

On 14 May, between 14:02 and 14:49 UTC, about 4% of checkout attempts failed. No payments were
lost. A configuration change caused it; we have added checks so that it cannot happen again.
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class CustomerSummaryMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    if (!context.customer_facing()) {
      return;
    }
    const auto& sections = document.sections();
    const document::Section* first = nullptr;
    for (const auto& section : sections) {
      if (section.labelled || (section.level == 1 && document.title() && section.heading == *document.title()) ||
          section.kind == SectionKind::details) {
        continue;
      }
      first = &section;
      break;
    }
    if (first != nullptr && (first->kind == SectionKind::summary || first->kind == SectionKind::customer_summary)) {
      return;
    }
    const std::uint32_t top_end = first != nullptr ? first->heading.begin : static_cast<std::uint32_t>(document.source().size());
    std::size_t words = 0;
    for (const auto* block : document.prose_blocks({0, top_end})) {
      if (block->kind == document::BlockKind::paragraph) {
        words += words_of(block->span.of(document.prose())).size();
      }
    }
    if (words >= k_min_summary_words) {
      return;
    }
    context.report(document_anchor(document),
                   "a customer-facing postmortem should open with a plain-language summary of what happened, who was "
                   "affected, for how long and what is being done");
  }
};

}  // namespace

engine::RegisteredRule customer_summary_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<CustomerSummaryMissing>(); }};
}

}  // namespace pmlint::rules
