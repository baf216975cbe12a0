#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-4-lessons"};

constexpr RuleInfo k_info{
    "lucky-missing",
    "A near-miss or SEV1 document without a \"Where we got lucky\" section",
    R"md(## What it checks
That a postmortem of a near miss (`type: near-miss` in the metadata) or of a SEV1 incident says
where the team got lucky: a section headed "Where we got lucky", "Where did we get lucky", "What
was lucky", ... at any level.

## Why it matters
Stage 4 of the workflow looks at what worked, what did not, and what only worked by chance. Luck
is the part of the outcome that will not repeat: the change that hit only one region, the engineer
who happened to be watching. For a near miss it is the whole story; for a SEV1 it is the next
outage's head start.

## Example
```markdown
---
severity: SEV1
---
## What went well
```

## Use instead
```markdown
## Where we got lucky
- The bad config reached only us-west-2; the rollout to other regions was paused for an
  unrelated reason.
```

## Options
None.
)md",
    Severity::info,
    k_tags,
};

class LuckyMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    if (document.has_section(SectionKind::lucky)) {
      return;
    }
    const auto* type = document.metadata_entry("type");
    const bool near_miss = type != nullptr && util::normalize_label(type->value).find("near miss") != std::string::npos;
    const bool sev1 = document.severity() == 1;
    if (!near_miss && !sev1) {
      return;
    }
    context.report(document_anchor(document), std::string("no \"Where we got lucky\" section in a ") +
                                                  (near_miss ? "near-miss" : "SEV1") + " postmortem");
  }
};

}  // namespace

engine::RegisteredRule lucky_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<LuckyMissing>(); }};
}

}  // namespace pmlint::rules
