#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 1> k_tags = {"suppression"};

constexpr RuleInfo k_info{
    "unused-suppression",
    "A pmlint suppression comment that silences nothing, or one pmlint cannot read",
    R"md(## What it checks
Suppression comments (`<!-- pmlint-disable ID -->`, `<!-- pmlint-disable-next-line ID -->`,
`<!-- pmlint-disable-line ID -->`, `<!-- pmlint-disable-file ID -->`, `<!-- pmlint-enable ID -->`)
that suppress no finding of an enabled rule, that name a rule pmlint does not have, or that use a
directive pmlint does not know. This is ruff's RUF100.

## Why it matters
A suppression outlives the text it was written for. Once the finding is gone, the comment hides
the next real one in the same place; a misspelt id or directive never worked at all.

## Example
```markdown
<!-- pmlint-disable-next-line blame-languge -->
The deploy failed to start.
```

## Use instead
Remove the comment, or name the rule correctly.

## Options
None. Turn the rule off to keep unused suppressions quietly.
)md",
    Severity::warning,
    k_tags,
};

// The engine finds unused suppressions after every other rule has run (engine/linter.cpp); this
// rule carries the id, documentation and configuration.
class UnusedSuppression final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }
  void check(Context& /*context*/) const override {}
};

}  // namespace

engine::RegisteredRule unused_suppression() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<UnusedSuppression>(); }};
}

}  // namespace pmlint::rules
