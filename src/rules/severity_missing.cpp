#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"metadata", "stage-1-scope"};

constexpr RuleInfo k_info{
    "severity-missing",
    "The document declares no severity",
    R"md(## What it checks
That the postmortem declares the incident's severity: `severity: SEV2` in front matter, a
`Severity: SEV2` line or a two-column table row at the top, a `- **Severity**: ...` bullet, or a
SEV token in the title (`# [SEV2] Checkout errors`). Values such as SEV1..SEV4, S1, P1, "Sev 1"
and critical/major/minor are understood (the mapping is data in `rules/metadata.yaml`). Severity
words in running prose ("severity 1 work", "minor issues") are not a declaration.

## Why it matters
Severity decides how deep the postmortem must go: SEV1 and SEV2 need every stage of the workflow,
SEV3 and SEV4 a lighter review. Without it, readers cannot weigh the incident, and pmlint holds
the document to the SEV3 profile.

## Example
```markdown
# Checkout errors after deploy
```

## Use instead
```markdown
---
severity: SEV2
---
# Checkout errors after deploy
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class SeverityMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    if (document.severity()) {
      return;
    }
    const auto* declared = document.metadata_entry("severity");
    if (declared != nullptr && !declared->value.empty()) {
      return;  // declared, but with a value pmlint does not know: front-matter-invalid says so
    }
    context.report(document_anchor(document), "no severity declared; the document is held to the SEV3 profile");
  }
};

}  // namespace

engine::RegisteredRule severity_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<SeverityMissing>(); }};
}

}  // namespace pmlint::rules
