#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-4-lessons"};

constexpr RuleInfo k_info{
    "went-well-missing",
    "The document has no \"What went well\" section",
    R"md(## What it checks
That the postmortem says what went well: a section headed "What went well", "Things that went
well", "What worked", ... at any level (often under "Lessons learned").

## Why it matters
Stage 4 of the workflow reinforces what worked as well as fixing what did not: the runbook that
was followed, the alert that fired, the responder who escalated early. Without it, a team learns
only from failure, and the practices that saved the day are not kept on purpose.

## Example
```markdown
## Lessons learned
- The deploy pipeline has no canary stage.
```

## Use instead
```markdown
## What went well
- The 5xx alert paged within two minutes of the first errors.
- The rollback runbook was current and took four minutes.
```

## Options
None. Add headings under `sections: {went_well: [...]}`.
)md",
    Severity::warning,
    k_tags,
};

}  // namespace

engine::RegisteredRule went_well_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> {
            return std::make_unique<SectionPresenceRule>(k_info, SectionKind::went_well, "\"What went well\"", false);
          }};
}

}  // namespace pmlint::rules
