#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "impact-missing",
    "The document has no Impact section",
    R"md(## What it checks
That the postmortem has an Impact section: a heading such as "Impact", "Customer impact",
"Impact on users" or "Summary of impact", at any level, or a bold label such as
`- **Impact**: ...`.

## Why it matters
Stage 2 of the postmortem workflow pairs the timeline with impact: who was affected, how many,
for how long, and whether data or an SLA suffered. Without it, readers cannot judge the
incident's weight and the customer communication has no facts to align with.

## Example
```markdown
## Summary
The checkout API returned errors after a deploy.

## Timeline
...
```

## Use instead
```markdown
## Impact
1,240 checkout requests (3.1%) failed between 14:02 and 14:47 UTC (45 minutes).
```

## Options
None. Add headings that name an impact section under `sections: {impact: [...]}`.
)md",
    Severity::error,
    k_tags,
};

}  // namespace

engine::RegisteredRule impact_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> {
            return std::make_unique<SectionPresenceRule>(k_info, SectionKind::impact, "Impact", false);
          }};
}

}  // namespace pmlint::rules
