#include "rules/common.hpp"
#include "rules/rules.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"metadata", "stage-1-scope"};

constexpr RuleInfo k_info{
    "audience-missing",
    "The document declares no audience (internal or customer-facing)",
    R"md(## What it checks
That the postmortem says who it is for: `audience: internal` or `audience: customer-facing` in
front matter, an `Audience:` line or table row at the top, or a `- **Audience**: ...` bullet.
`public` and `external` count as customer-facing; `private` and `confidential` as internal.

## Why it matters
Stage 1 of the workflow starts by confirming the audience, because it decides what the document
may contain: names, internal hostnames and security detail are fine internally and must be
redacted for customers. pmlint's own checks depend on it too: sensitive data is an error in a
customer-facing document, which also needs a plain-language summary at the top.

## Example
```markdown
---
title: Checkout outage
---
```

## Use instead
```markdown
---
title: Checkout outage
audience: internal
---
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class AudienceMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    if (document.audience()) {
      return;
    }
    const auto* entry = document.metadata_entry("audience");
    if (entry != nullptr && !entry->value.empty()) {
      if (entry->source != document::MetadataSource::yaml && entry->source != document::MetadataSource::toml) {
        context.report(entry->value_span, "unknown audience '" + quote(entry->value) +
                                              "' (use internal or customer-facing)");
      }
      return;  // front matter values are front-matter-invalid's to report
    }
    context.report(document_anchor(document), "no audience declared (internal or customer-facing)");
  }
};

}  // namespace

engine::RegisteredRule audience_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<AudienceMissing>(); }};
}

}  // namespace pmlint::rules
