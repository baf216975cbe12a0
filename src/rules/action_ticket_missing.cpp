#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"action-items", "stage-5-action-items"};

constexpr RuleInfo k_info{
    "action-ticket-missing",
    "An action item with no tracker reference",
    R"md(## What it checks
Every open action item links to where it is tracked: a Ticket / Issue / Link / Tracking column,
or in the item a URL, a key such as `OPS-123`, `#123` or `org/repo#123`. Items marked done are
not checked.

## Why it matters
Stage 5 of the workflow ends when the action items are in the issue tracker, linked. A list in a
document is read once; a ticket is prioritised, assigned and closed, and the link lets readers
check the follow-through.

## Example
```markdown
- Add a canary stage to the checkout deploy
```

## Use instead
```markdown
- Add a canary stage to the checkout deploy (OPS-812)
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class ActionTicketMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    for (const auto& item : document.action_items()) {
      if (action_done(item)) {
        continue;
      }
      if (!item.ticket.present() || document.vocabulary().is_placeholder(item.ticket.value)) {
        context.report(item.ticket.present() ? item.ticket.span : item.text_span,
                       action_name(item) + " has no ticket or link to where it is tracked");
      }
    }
  }
};

}  // namespace

engine::RegisteredRule action_ticket_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ActionTicketMissing>(); }};
}

}  // namespace pmlint::rules
