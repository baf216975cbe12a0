#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/timeline_support.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"timeline", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "timeline-order",
    "Timeline entries that go back in time",
    R"md(## What it checks
That each timeline entry is not earlier than the one before it, in the same timeline. Dates are
carried from day headings, date lines and earlier entries; 12-hour clocks are read as such
(12:49 PM to 1:06 PM goes forward); entries in different zones are compared in UTC. A time that
falls before the previous one with no date between them does not roll over midnight unless the
text says so ("next morning", "the following day") or a date line or heading separates them.

## Why it matters
A timeline is the incident's screenplay: readers compute time to detect and time to resolve from
it and read cause and effect from its order. An entry out of order is either a typo in a time or
a date that is missing, and both mislead.

## Example
```markdown
- 23:55 deploy starts
- 07:00 pager fires
```

## Use instead
```markdown
2024-05-14

- 23:55 deploy starts

2024-05-15

- 07:00 pager fires
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class TimelineOrder final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto& entries = document.timeline();
    for (std::size_t i = 1; i < entries.size(); ++i) {
      const auto& previous = entries[i - 1];
      const auto& entry = entries[i];
      if (previous.group != entry.group || entry.precision == document::Precision::unknown ||
          previous.precision == document::Precision::unknown || entry.day_rollover) {
        continue;
      }
      const auto order = compare_entries(entry, previous);
      if (!order || *order >= 0) {
        continue;
      }
      // Labelled moments ("First detected", "Repaired", "Resolved") are a list, not a story:
      // only a whole day or more out of step (a wrong date) is reported among them.
      if (entry.label_line && previous.label_line && *order > -1440 && entry.date && previous.date) {
        continue;
      }
      // Dates without a year wrap from December into January.
      if (entry.date && previous.date && entry.date->year == 0 && previous.date->year == 0 &&
          previous.date->month - entry.date->month >= 6) {
        continue;
      }
      std::string message = "timeline goes back in time: '" + written(document, entry) + "' comes after '" +
                            written(document, previous) + "'";
      const bool same_carried_day = !entry.date || entry.date_carried;
      if (same_carried_day && previous.time && entry.time && previous.time->hour >= 12 && entry.time->hour < 12) {
        message += "; if the day changed, add a date line or say 'next day'";
      }
      context.report(entry.time_span, message);
    }
  }
};

}  // namespace

engine::RegisteredRule timeline_order() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<TimelineOrder>(); }};
}

}  // namespace pmlint::rules
