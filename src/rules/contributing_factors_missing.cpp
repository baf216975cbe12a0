#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-3-root-cause"};

constexpr RuleInfo k_info{
    "contributing-factors-missing",
    "A SEV1 or SEV2 document without a Contributing Factors section",
    R"md(## What it checks
That a postmortem declaring SEV1 or SEV2 has a Contributing Factors section ("Contributing
factors", "Contributing conditions", "Contributors", "Process breakdowns", ...) at any level,
alongside its root cause. Documents of lower or undeclared severity are not checked.

## Why it matters
Stage 3 of the workflow keeps the root cause and the contributing factors apart: the missing
test, the alert gap, the process that let the change through. Major incidents rarely have a
single cause, and the contributing factors are where most of the preventive action items come
from.

## Example
```markdown
---
severity: SEV1
---
## Root cause
A config change set the pool size to 20.
```

## Use instead
```markdown
## Contributing factors
- Config validation checks types, not ranges.
- The canary ran too briefly to exhaust the pool.
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class ContributingFactorsMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto severity = document.severity();
    if (!severity || *severity > 2 || document.has_section(SectionKind::contributing_factors)) {
      return;
    }
    context.report(document_anchor(document), "no Contributing Factors section in a SEV" + std::to_string(*severity) +
                                                  " postmortem");
  }
};

}  // namespace

engine::RegisteredRule contributing_factors_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ContributingFactorsMissing>(); }};
}

}  // namespace pmlint::rules
