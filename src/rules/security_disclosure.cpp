#include "engine/packs.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/phrase_matcher.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 3> k_tags = {"security", "metadata", "stage-1-scope"};

constexpr RuleInfo k_info{
    "security-disclosure",
    "A customer-facing security postmortem without a recorded legal or security review",
    R"md(## What it checks
A customer-facing document (`audience: customer-facing`, `public` or `external`) about a security
incident, declared by `type: security` in the metadata or told by security wording in its title
or summary ("vulnerability", "compromised", "malware", "leaked credentials", "CVE-..."), that
records no legal or security review: no `legal-review` (or "Security review", "Reviewed by
legal") in the metadata.

## Why it matters
The workflow's deviations list is explicit: for a security incident, coordinate with legal before
public detail. An exploit path or an unpatched weakness described in a public postmortem hands
attackers a map, and disclosure can carry regulatory duties.

## Example
```markdown
---
audience: customer-facing
type: security
---
# Leaked deploy credentials
```

## Use instead
```markdown
---
audience: customer-facing
type: security
legal-review: 2024-05-20, approved by the security and legal teams
---
```

## Options
None. The security words are data in `rules/severity.yaml`.
)md",
    Severity::warning,
    k_tags,
};

class SecurityDisclosure final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& /*options*/) override {
    m_security_words = util::PhraseMatcher(engine::pack_strings("severity", "security_words"));
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    if (!context.customer_facing()) {
      return;
    }
    const auto* review = document.metadata_entry("legal_review");
    if (review != nullptr && !document.vocabulary().is_placeholder(review->value)) {
      return;
    }
    if (!is_security_incident(document)) {
      return;
    }
    context.report(document_anchor(document),
                   "a customer-facing security postmortem with no recorded legal or security review "
                   "(add 'legal-review' to the metadata once it has been reviewed)");
  }

 private:
  [[nodiscard]] bool is_security_incident(const document::Document& document) const {
    if (const auto* type = document.metadata_entry("type")) {
      if (util::normalize_label(type->value).find("security") != std::string::npos) {
        return true;
      }
    }
    const std::string_view prose = document.prose();
    if (document.title() && m_security_words.contains(prose, document.words_in(*document.title()))) {
      return true;
    }
    if (const auto* title = document.metadata_entry("title"); title && m_security_words.contains(title->value)) {
      return true;
    }
    std::vector<const document::Section*> summaries = document.sections_of(SectionKind::summary);
    for (const auto* block : blocks_of(document, summaries)) {
      if (m_security_words.contains(prose, document.words_of(*block))) {
        return true;
      }
    }
    // A summary written as the opening paragraphs, before any section heading of level 2 or more.
    for (const auto& block : document.blocks()) {
      if (block.kind == document::BlockKind::heading && block.heading_level >= 2) {
        break;
      }
      if (block.kind == document::BlockKind::paragraph && !block.quoted &&
          m_security_words.contains(prose, document.words_of(block))) {
        return true;
      }
    }
    return false;
  }

  util::PhraseMatcher m_security_words;
};

}  // namespace

engine::RegisteredRule security_disclosure() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<SecurityDisclosure>(); }};
}

}  // namespace pmlint::rules
