#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"action-items", "stage-5-action-items"};

constexpr RuleInfo k_info{
    "action-type-missing",
    "An action item whose type is not prevent, detect, recover or process",
    R"md(## What it checks
Every open action item has a type from the workflow's taxonomy: prevent, detect, recover or
process. The type comes from a Type / Category / Kind column, an inline `Type: detect`, a tag such
as `[prevent]` or `(detect)`, a leading `Prevent:`, or the group the item is listed under
("Process improvements"). Synonyms are mapped (mitigate and repair are recover, monitoring is
detect, documentation is process; the mapping is data in `rules/actions.yaml`).

## Why it matters
Stage 5 of the workflow types each action so the set can be judged: an incident answered only
with process items, or with no detection work, is one the team expects to see again. Types also
let a team count, over many postmortems, where its effort goes.

## Example
```markdown
| Action | Owner | Type |
|---|---|---|
| Add a canary stage | @dana | |
```

## Use instead
```markdown
| Action | Owner | Type |
|---|---|---|
| Add a canary stage | @dana | prevent |
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class ActionTypeMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const std::string names = util::join(document.vocabulary().action_type_names(), ", ");
    for (const auto& item : document.action_items()) {
      if (action_done(item) || !item.type_name.empty()) {
        continue;
      }
      if (item.type.present() && !document.vocabulary().is_placeholder(item.type.value)) {
        context.report(item.type.span, "type '" + quote(item.type.value) + "' of " + action_name(item) +
                                           " is not one of " + names);
      } else {
        context.report(item.type.present() ? item.type.span : item.text_span,
                       action_name(item) + " has no type (" + names + ")");
      }
    }
  }
};

}  // namespace

engine::RegisteredRule action_type_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ActionTypeMissing>(); }};
}

}  // namespace pmlint::rules
