#include <algorithm>

#include "engine/options.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/phrase_matcher.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"structure", "stage-3-root-cause"};

constexpr std::array<engine::OptionSpec, 1> k_options = {{
    {"phrases", engine::OptionSpec::Kind::string_list, "[]",
     "More phrases that mark a contributing factor inside a root cause section."},
}};

constexpr RuleInfo k_info{
    "root-cause-mixed",
    "Root cause and contributing factors written together without separation",
    R"md(## What it checks
That the root cause is kept apart from the contributing factors: contributing-factor wording
("contributing factor", "also contributed", "made it worse", "exacerbated", "compounded") inside
a Root Cause section, when the document has no Contributing Factors section or sub-heading to
put it under; and a single section that names both in its heading ("Root cause and contributing
factors") without sub-headings to separate them.

## Why it matters
Stage 3 of the workflow asks for root cause and contributing factors separately: the root cause
is what the fix must stop, the contributing factors what made it worse or let it through. Mixed
together, readers cannot tell which action item addresses which, and the fix risks aiming at a
symptom.

## Example
```markdown
## Root cause
A config change set the pool to 20. The short canary also contributed, and slow paging made it
worse.
```

## Use instead
```markdown
## Root cause
A config change set the pool to 20.

## Contributing factors
- The canary ran too briefly to exhaust the pool.
- The alert waited three minutes before paging.
```

## Options
- `phrases` (list, default `[]`): more contributing-factor phrases.
)md",
    Severity::warning,
    k_tags,
    k_options,
};

class RootCauseMixed final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& options) override {
    m_phrases = util::PhraseMatcher(with_extra({"contributing factor", "contributing factors", "also contributed",
                                            "contributed to the", "made it worse", "made things worse",
                                            "made matters worse", "exacerbated", "compounded", "aggravated",
                                            "another factor", "a further factor", "an additional factor"},
                                           options.strings("phrases")));
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto root_causes = document.sections_of(SectionKind::root_cause);
    if (root_causes.empty()) {
      return;
    }
    for (const auto* section : root_causes) {
      const std::string title = util::normalize_label(section->title);
      const bool names_both = title.find("contribut") != std::string::npos || title.find("factor") != std::string::npos;
      if (names_both && !has_subsections(document, *section)) {
        context.report(section->heading, "'" + quote(section->title) +
                                             "' holds root cause and contributing factors together; separate them "
                                             "under their own headings");
      }
    }
    if (document.has_section(SectionKind::contributing_factors)) {
      return;  // the factors have a home; wording in the root cause may refer to it
    }
    const std::string_view prose = document.prose();
    for (const auto* block : blocks_of(document, root_causes)) {
      for (const auto& hit : find_phrases(m_phrases, document, block->span)) {
        context.report(hit.span, "'" + quote(hit.span.of(prose)) +
                                     "' describes a contributing factor inside the root cause; move it to a "
                                     "Contributing Factors section");
      }
    }
  }

 private:
  static bool has_subsections(const document::Document& document, const document::Section& section) {
    // Sections are sorted by where they start: a sub-section is the next one, if it starts inside.
    const auto& sections = document.sections();
    const auto next = static_cast<std::size_t>(&section - sections.data()) + 1;
    return next < sections.size() && section.body.contains(sections[next].heading.begin);
  }

  util::PhraseMatcher m_phrases;
};

}  // namespace

engine::RegisteredRule root_cause_mixed() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<RootCauseMixed>(); }};
}

}  // namespace pmlint::rules
