#include <cstdio>

#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"action-items", "stage-5-action-items"};

constexpr RuleInfo k_info{
    "action-due-date",
    "An action item with no due date, an unparseable one, or one before the incident",
    R"md(## What it checks
Every open action item has a due date that is a date (a Due / Due date / Deadline / ETA column,
an inline `Due: 2024-06-14`, "due 2024-06-14", "by 2024-06-14"), and that date is not before the
incident (front matter `date`, else the first dated timeline entry). "TBD" is no date; "Q3" and
"next sprint" are not dates. Items marked done are not checked.

## Why it matters
Stage 5 of the workflow asks for dated actions. Without a date an action has no point at which
anyone notices it is late; PagerDuty's guidance is 15 days for SEV1 actions and 30 for SEV2. A
date before the incident is a typo that hides the real deadline.

## Example
```markdown
| Action | Owner | Due |
|---|---|---|
| Add a canary stage | @dana | next sprint |
```

## Use instead
```markdown
| Action | Owner | Due |
|---|---|---|
| Add a canary stage | @dana | 2024-06-14 |
```

## Options
None.
)md",
    Severity::error,
    k_tags,
};

std::string iso(const document::CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

class ActionDueDate final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto incident = document.incident_date();
    for (const auto& item : document.action_items()) {
      if (action_done(item)) {
        continue;
      }
      if (!item.due.present() || document.vocabulary().is_placeholder(item.due.value)) {
        context.report(item.due.present() ? item.due.span : item.text_span, action_name(item) + " has no due date");
        continue;
      }
      if (!item.due_date || item.due_date->year == 0) {
        context.report(item.due.span, "due date '" + quote(item.due.value) + "' of " + action_name(item) +
                                          " is not a date; write it as YYYY-MM-DD");
        continue;
      }
      if (incident && document::days_since_epoch(*item.due_date) < document::days_since_epoch(*incident)) {
        context.report(item.due.span, "due date " + iso(*item.due_date) + " of " + action_name(item) +
                                          " is before the incident (" + iso(*incident) + ")");
      }
    }
  }
};

}  // namespace

engine::RegisteredRule action_due_date() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ActionDueDate>(); }};
}

}  // namespace pmlint::rules
