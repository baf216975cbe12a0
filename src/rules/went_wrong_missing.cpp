#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-4-lessons"};

constexpr RuleInfo k_info{
    "went-wrong-missing",
    "The document has no \"What went wrong\" section",
    R"md(## What it checks
That the postmortem says what did not go well: a section headed "What went wrong", "What went
poorly", "What didn't go so well?", "What could have gone better", ... at any level.

## Why it matters
Stage 4 of the workflow names the gaps in the response itself (a missing dashboard, a slow
escalation, a runbook that did not cover the failure) so that the action items fix them. Without
it, the review explains the outage but not why the response took as long as it did.

## Example
```markdown
## What went well
- The rollback was quick.
```

## Use instead
```markdown
## What went wrong
- No dashboard showed queue depth per region, so the saturated region took 40 minutes to find.
```

## Options
None. Add headings under `sections: {went_wrong: [...]}`.
)md",
    Severity::warning,
    k_tags,
};

}  // namespace

engine::RegisteredRule went_wrong_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> {
            return std::make_unique<SectionPresenceRule>(k_info, SectionKind::went_wrong, "\"What went wrong\"", false);
          }};
}

}  // namespace pmlint::rules
