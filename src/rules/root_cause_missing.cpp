#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-3-root-cause"};

constexpr RuleInfo k_info{
    "root-cause-missing",
    "The document has no Root Cause section, or an empty one",
    R"md(## What it checks
That the postmortem has a Root Cause section ("Root cause", "Root causes", "Root cause
analysis", "Why it happened", "Root cause of the outage", "Trigger and root cause", ...) with
something in it.

## Why it matters
Stage 3 of the workflow asks for the systemic cause, with evidence, so that the fix stops the
whole class of failure from recurring. A postmortem without one describes what happened but not
why, and its action items have nothing to aim at. An empty heading left over from a template is
the same gap.

## Example
```markdown
## Root Cause

## Action Items
```

## Use instead
```markdown
## Root Cause
The config loader accepted a duplicate preset label, and validation in presubmit ran an older
schema than production, so the bad config reached every hook pod.
```

## Options
None. Add headings under `sections: {root_cause: [...]}`.
)md",
    Severity::error,
    k_tags,
};

}  // namespace

engine::RegisteredRule root_cause_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> {
            return std::make_unique<SectionPresenceRule>(k_info, SectionKind::root_cause, "Root Cause", true);
          }};
}

}  // namespace pmlint::rules
