#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/timeline_support.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"timeline", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "timeline-precision",
    "A timeline entry coarser than a minute",
    R"md(## What it checks
Timeline entries whose time is coarser than a minute: an hour ("~2pm", "14h"), a part of the day
("morning", "evening"), or a date alone ("- 2023-11-02: patch released", a row whose time cell
holds only a date, or an item listed under a date line that gives no time of its own). A bare
date line with no event text ("**Mar 3, 2024**", `## May 12`) only separates days: it is not an
entry and is not reported. Times the author marks as unknown ("[???]") are left alone;
approximate minute times ("~13:30") and ranges ("13:30-13:45") are precise enough.

## Why it matters
Stage 2 of the workflow asks for a minute-resolution timeline: time to detect, to mitigate and to
resolve are measured in minutes, and hour-level entries cannot be lined up with logs, alerts and
graphs.

## Example
```markdown
- ~2pm errors start
- afternoon: rolled back
```

## Use instead
```markdown
- 14:02 UTC errors start (first 5xx in the load balancer log)
- 14:38 UTC rollback complete
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class TimelinePrecision final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    for (const auto& entry : document.timeline()) {
      switch (entry.precision) {
        case document::Precision::hour:
        case document::Precision::part_of_day:
          context.report(entry.time_span, "timeline entry '" + written(document, entry) +
                                              "' is coarser than a minute; give the time to the minute");
          break;
        case document::Precision::day:
          if (entry.time_span.empty()) {
            // An item under a date line: it has only that date.
            context.report(entry.text_span, "timeline entry '" + quote(entry.text_span.of(document.prose()), 40) +
                                                "' has only the date '" + quote(entry.date_span.of(document.source()), 30) +
                                                "' above it; give the time to the minute");
          } else {
            context.report(entry.time_span, "timeline entry '" + written(document, entry) +
                                                "' gives a date but no time; give the time to the minute");
          }
          break;
        default:
          break;
      }
    }
  }
};

}  // namespace

engine::RegisteredRule timeline_precision() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<TimelinePrecision>(); }};
}

}  // namespace pmlint::rules
