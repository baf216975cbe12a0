#include <algorithm>

#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"action-items", "stage-5-action-items"};

constexpr RuleInfo k_info{
    "action-prevention-missing",
    "A SEV1 or SEV2 document with no action to prevent or detect a recurrence",
    R"md(## What it checks
That a postmortem declaring SEV1 or SEV2 has at least one action item of type prevent or detect
(from its Type column, an inline type or tag, or the group it is listed under). Documents of
lower or undeclared severity, and documents without action items, are not checked.

## Why it matters
The workflow's goal for action items is to reduce recurrence or improve detection, "not a
generic 'we will communicate better'". A major incident answered only with process or recovery
work is one the team expects to see again.

## Example
```markdown
| Action | Type |
|---|---|
| Update the incident runbook | process |
```

## Use instead
```markdown
| Action | Type |
|---|---|
| Validate pool sizes in CI | prevent |
| Alert on checkout_5xx_ratio > 2% for 1m | detect |
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class ActionPreventionMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto severity = document.severity();
    const auto& items = document.action_items();
    if (!severity || *severity > 2 || items.empty()) {
      return;
    }
    const bool has = std::any_of(items.begin(), items.end(), [](const document::ActionItem& item) {
      return item.type_name == "prevent" || item.type_name == "detect";
    });
    if (!has) {
      const auto* section = document.first_section(SectionKind::action_items);
      context.report(section != nullptr ? section->heading : document_anchor(document),
                     "no action of type prevent or detect in a SEV" + std::to_string(*severity) + " postmortem");
    }
  }
};

}  // namespace

engine::RegisteredRule action_prevention_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ActionPreventionMissing>(); }};
}

}  // namespace pmlint::rules
