#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"metadata", "stage-1-scope"};

constexpr RuleInfo k_info{
    "owner-missing",
    "The document names no owner",
    R"md(## What it checks
That the postmortem names who owns it: `owner` or `authors` in front matter (TOML `authors` too),
an `Owner:`, `Author:` or `Created by:` line or table row at the top, a `- **Owner**: ...` bullet,
or a filled-in `### Authors` heading. A key with an empty or placeholder value ("TBD") is no
owner.

## Why it matters
Stage 1 of the workflow ends with an owner for the final document. Without one, reviews stall,
follow-ups have nobody to chase them, and readers do not know whom to ask.

## Example
```markdown
### Authors

### Status
Draft
```

## Use instead
```markdown
---
owner: "@dana"
authors: [Dana Lee, Omar Haddad]
---
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class OwnerMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const document::MetadataEntry* placeholder = nullptr;
    for (const auto& entry : document.metadata()) {
      if (entry.key != "owner") {
        continue;
      }
      if (!document.vocabulary().is_placeholder(entry.value)) {
        return;
      }
      placeholder = placeholder != nullptr ? placeholder : &entry;
    }
    if (placeholder != nullptr) {
      context.report(placeholder->key_span, "the document's '" + quote(placeholder->name) + "' is empty");
      return;
    }
    context.report(document_anchor(document), "no owner named (front matter 'owner' or an Owner/Author line)");
  }
};

}  // namespace

engine::RegisteredRule owner_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<OwnerMissing>(); }};
}

}  // namespace pmlint::rules
