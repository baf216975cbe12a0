#include "engine/options.hpp"
#include "engine/packs.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/phrase_matcher.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"action-items", "stage-5-action-items"};

constexpr std::array<engine::OptionSpec, 1> k_options = {{
    {"phrases", engine::OptionSpec::Kind::string_list, "[]", "More phrases that are vague whatever follows them."},
}};

constexpr RuleInfo k_info{
    "action-vague",
    "A vague action item: \"communicate better\", \"be more careful\", \"improve the process\"",
    R"md(## What it checks
Action items that commit to nothing checkable: "communicate better", "be more careful", "raise
awareness" (vague whatever follows), and "improve the process", "look into it", "more testing",
"improve documentation" when nothing specific follows them (no object, mechanism or measure).
"Improve testing of the culler with a load test at 2x peak" is specific; "Improve testing" is not.
The phrases are data in `rules/actions.yaml`.

## Why it matters
Stage 5 of the workflow wants actions that are specific and bounded, with a clear done state.
"Be more careful" cannot be assigned, dated or closed, and it puts the fix on people instead of
the system; "make humans less error-prone" is a known postmortem anti-pattern.

## Example
```markdown
- Be more careful with config changes
- Improve the process
```

## Use instead
```markdown
- Validate pool sizes against a per-service range in CI
- Require a second approver for changes to shared config files
```

## Options
- `phrases` (list, default `[]`): more phrases that are vague whatever follows them.
)md",
    Severity::warning,
    k_tags,
    k_options,
};

class ActionVague final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& options) override {
    m_always = util::PhraseMatcher(with_extra(engine::pack_strings("actions", "vague.always"), options.strings("phrases")));
    m_without_object = util::PhraseMatcher(engine::pack_strings("actions", "vague.without_object"));
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    const std::string_view prose = document.prose();
    for (const auto& item : document.action_items()) {
      const std::string_view text = item.text_span.of(prose);
      const auto words = document.words_in(item.text_span);
      if (const auto hit = m_always.first(prose, words)) {
        report(context, item, prose.substr(hit->begin, hit->end - hit->begin));
        continue;
      }
      if (const auto hit = m_without_object.first(prose, words)) {
        const std::string_view phrase = prose.substr(hit->begin, hit->end - hit->begin);
        const auto rest = words_of(prose.substr(hit->end, item.text_span.end - hit->end));
        const auto before = words_of(prose.substr(item.text_span.begin, hit->begin - item.text_span.begin));
        const bool specific = rest.size() > 2 || before.size() > 2 ||
                              text.find_first_of("0123456789") != std::string_view::npos ||
                              item.text_span.of(document.source()).find('`') != std::string_view::npos;
        if (!specific) {
          report(context, item, phrase);
        }
      }
    }
  }

 private:
  static void report(Context& context, const document::ActionItem& item, std::string_view phrase) {
    context.report(document::span_of(context.prose(), phrase),
                   "'" + quote(phrase) + "' in " + action_name(item) +
                       " is vague; say what will change, how, and how to tell it is done");
  }

  util::PhraseMatcher m_always;
  util::PhraseMatcher m_without_object;
};

}  // namespace

engine::RegisteredRule action_vague() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ActionVague>(); }};
}

}  // namespace pmlint::rules
