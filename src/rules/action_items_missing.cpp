#include <algorithm>

#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-5-action-items"};

constexpr RuleInfo k_info{
    "action-items-missing",
    "The document has no Action Items section, or one that lists no items",
    R"md(## What it checks
That the postmortem has an Action Items section ("Action items", "Corrective actions", "Review
actions", "Next steps", "Follow-up actions", ...) that lists at least one item: a table row or a
list item. Placeholders such as `-`, "N/A" or "None" are not items.

## Why it matters
Stage 5 of the workflow turns what was learned into owned, dated, tracked work that prevents
recurrence or improves detection. A postmortem without action items records the incident but
changes nothing.

## Example
```markdown
## Action Items

-
```

## Use instead
```markdown
## Action Items
| Action | Owner | Due | Ticket | Type |
|---|---|---|---|---|
| Add a canary stage to the checkout deploy | @dana | 2024-06-14 | OPS-812 | prevent |
```

## Options
None. Add headings under `sections: {action_items: [...]}`.
)md",
    Severity::error,
    k_tags,
};

class ActionItemsMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto sections = document.sections_of(SectionKind::action_items);
    if (sections.empty()) {
      context.report(document_anchor(document), "no Action Items section");
      return;
    }
    if (document.action_items().empty()) {
      context.report(sections.front()->heading, "the Action Items section lists no items");
    }
  }
};

}  // namespace

engine::RegisteredRule action_items_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ActionItemsMissing>(); }};
}

}  // namespace pmlint::rules
