#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"metadata", "stage-6-communication"};

constexpr RuleInfo k_info{
    "checklist-incomplete",
    "A final or published document whose review checklist has unchecked boxes",
    R"md(## What it checks
A document whose status is final (`status: final`, published, complete, approved, ...) and whose
review checklist (a section headed "Checklist", "Review checklist", "Final review checklist", ...)
still has unchecked task-list boxes (`- [ ]`). Each unchecked box is reported.

## Why it matters
The workflow ends with a final review checklist: blameless tone, quantified impact, separated
causes, owned and tracked actions, a scheduled follow-up. Publishing with boxes still open means
either the checks were skipped or the checklist is stale, and readers cannot tell which.

## Example
```markdown
status: final

## Review checklist
- [x] Blameless tone
- [ ] Follow-up review scheduled
```

## Use instead
Finish the open items and check their boxes, or set the status back to draft.

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class ChecklistIncomplete final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto* status = document.metadata_entry("status");
    if (status == nullptr || !document.vocabulary().is_final_status(status->value)) {
      return;
    }
    const auto checklists = document.sections_of(SectionKind::checklist);
    for (const auto& item : document.items()) {
      if (!item.checked || *item.checked || item.quoted) {
        continue;
      }
      for (const auto* section : checklists) {
        if (section->body.contains(item.span.begin)) {
          context.report(item.span, "unchecked box '" + quote(item.span.of(document.prose()), 50) +
                                        "' in the review checklist of a document whose status is '" +
                                        quote(status->value) + "'");
          break;
        }
      }
    }
  }
};

}  // namespace

engine::RegisteredRule checklist_incomplete() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ChecklistIncomplete>(); }};
}

}  // namespace pmlint::rules
