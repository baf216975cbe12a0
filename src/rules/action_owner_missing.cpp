#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"action-items", "stage-5-action-items"};

constexpr RuleInfo k_info{
    "action-owner-missing",
    "An action item with no owner",
    R"md(## What it checks
Every open action item has an owner: an Owner / Assignee / DRI / Who column, an inline
`Owner: ...` field, an @handle, or "assigned to ...". Placeholders do not count: "TBD", "?",
"someone", "team" alone. Items marked done are not checked: a Status column, "(Done)", a ticked
checkbox, struck-through text, "already done", or a report of what the team did ("We added…").

## Why it matters
Stage 5 of the workflow asks for owned actions. An action without an owner belongs to everyone,
which in practice means no one: it is the item still open at the next incident.

## Example
```markdown
| Action | Owner |
|---|---|
| Add a canary stage | TBD |
```

## Use instead
```markdown
| Action | Owner |
|---|---|
| Add a canary stage | @dana |
```

## Options
None. Placeholder words are data in `rules/actions.yaml`.
)md",
    Severity::error,
    k_tags,
};

class ActionOwnerMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    for (const auto& item : document.action_items()) {
      if (action_done(item)) {
        continue;
      }
      if (!item.owner.present()) {
        context.report(item.text_span, action_name(item) + " has no owner");
      } else if (document.vocabulary().is_placeholder(item.owner.value)) {
        context.report(item.owner.span, "owner '" + quote(item.owner.value) + "' of " + action_name(item) +
                                            " names nobody; name a person or a team");
      }
    }
  }
};

}  // namespace

engine::RegisteredRule action_owner_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ActionOwnerMissing>(); }};
}

}  // namespace pmlint::rules
