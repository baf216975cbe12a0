#include "document/timestamp.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"metadata", "stage-1-scope"};

constexpr RuleInfo k_info{
    "front-matter-invalid",
    "Front matter that is not valid YAML (or TOML), or a known key with a bad value",
    R"md(## What it checks
That front matter (`---` YAML or `+++` TOML at the top of the file) parses, is closed, and is a
mapping; and that the keys pmlint knows have values it can use: a `severity` it can map to
SEV1..SEV4, an `audience` of internal or customer-facing, and a `date`, `follow-up` or `end-date`
that is a date.

## Why it matters
Front matter is the machine-readable part of a postmortem: dashboards, indexes and pmlint's own
severity and audience rules read it. A YAML error or a severity of "SEV-high" silently turns all
of that off.

## Example
```markdown
---
severity: SEV-high
date: last Tuesday
---
```

## Use instead
```markdown
---
severity: SEV2
date: 2024-05-14
---
```

## Options
None.
)md",
    Severity::error,
    k_tags,
};

class FrontMatterInvalid final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    for (const auto& problem : document.problems()) {
      context.report(problem.span, problem.message);
    }
    const auto& vocabulary = document.vocabulary();
    const document::TimeScanner scanner(vocabulary);
    for (const auto& entry : document.metadata()) {
      if (entry.source != document::MetadataSource::yaml && entry.source != document::MetadataSource::toml) {
        continue;
      }
      const std::string_view value = util::trim(entry.value);
      const ByteSpan where = entry.value_span.empty() ? entry.key_span : entry.value_span;
      if (entry.key == "severity") {
        if (value.empty()) {
          context.report(entry.key_span, "front matter 'severity' has no value");
        } else if (!vocabulary.severity_level(value)) {
          context.report(where, "unknown severity '" + quote(value) + "' in front matter (use SEV1, SEV2, SEV3 or SEV4)");
        }
      } else if (entry.key == "audience" && !value.empty() && !vocabulary.audience(value)) {
        context.report(where, "unknown audience '" + quote(value) + "' in front matter (use internal or customer-facing)");
      } else if ((entry.key == "date" || entry.key == "follow_up" || entry.key == "end_date") && !value.empty()) {
        const auto expression = scanner.parse_at(value, 0);
        if (!expression || !expression->date || expression->date->year == 0) {
          context.report(where, "front matter '" + entry.name + "' is not a date: '" + quote(value) + "'");
        }
      }
    }
  }
};

}  // namespace

engine::RegisteredRule front_matter_invalid() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<FrontMatterInvalid>(); }};
}

}  // namespace pmlint::rules
