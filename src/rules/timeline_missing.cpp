#include <algorithm>

#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "timeline-missing",
    "The document has no Timeline section, or one without timestamped entries",
    R"md(## What it checks
That the postmortem has a Timeline section ("Timeline", "Timeline of events", "Key events",
"Chronology", "Timeline (times in BST)", ...) and that pmlint finds timestamped entries in it:
table rows, a heading per timestamp, bullets or lines that start with a time, or label lines such
as `First detected: 2023-06-06 10:26`.

## Why it matters
Stage 2 of the workflow rests on a minute-resolution timeline that separates when the incident
started, when it was detected, when it was mitigated and when it was resolved. Without one, time
to detect and time to repair cannot be measured and the narrative cannot be checked.

## Example
```markdown
## Timeline
The alert fired in the afternoon and we rolled back soon after.
```

## Use instead
```markdown
## Timeline
All times in UTC.

- 14:02 5xx alert fires for checkout-api
- 14:06 On-call acknowledges and opens the incident channel
- 14:19 Rollback of release 2024.05.1 starts
- 14:31 Error rate back to baseline; incident resolved
```

## Options
None. Add headings under `sections: {timeline: [...]}`.
)md",
    Severity::error,
    k_tags,
};

class TimelineMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto sections = document.sections_of(SectionKind::timeline);
    if (sections.empty()) {
      context.report(document_anchor(document), "no Timeline section");
      return;
    }
    const auto& entries = document.timeline();
    const bool has_entry = std::any_of(entries.begin(), entries.end(), [&](const document::TimelineEntry& entry) {
      return document.within(entry.span.begin, SectionKind::timeline);
    });
    if (!has_entry) {
      context.report(sections.front()->heading, "the Timeline section has no timestamped entries");
    }
  }
};

}  // namespace

engine::RegisteredRule timeline_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<TimelineMissing>(); }};
}

}  // namespace pmlint::rules
