#include <algorithm>
#include <set>

#include "engine/options.hpp"
#include "engine/packs.hpp"
#include "rules/common.hpp"
#include "rules/people.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/phrase_matcher.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 3> k_tags = {"blameless", "people", "stage-3-root-cause"};

constexpr std::array<engine::OptionSpec, 1> k_options = {{
    {"names", engine::OptionSpec::Kind::string_list, "[]",
     "More given names to recognise as people (the team's own, for instance)."},
}};

constexpr RuleInfo k_info{
    "person-as-root-cause",
    "The root cause names a person or blames human error",
    R"md(## What it checks
The Root Cause section (and bold-label root causes): it reports a person whose action is given
as the cause (an @handle, an e-mail address, someone the document's own metadata names as
author, owner, responder or attendee, a given name, or a role that points at one individual such
as "the engineer", "the on-call", "the new hire", followed by what they did: "ran", "pushed",
"deleted", "forgot", ...), and attributions to "human error", "operator error", "user error" or
"a mistake by ...". A team ("the payments team") is not a person, and a person merely mentioned
("Angus noted that...") is not a cause.

## Why it matters
The workflow's exit condition for root cause analysis is that no single person is named as the
root cause. "An individual's action should never be considered a root cause": people act in
systems that made the action possible, and the fix belongs to the system. Naming someone makes
the next responder hide their mistakes.

## Example
```markdown
## Root cause
@sam ran `terraform destroy` in the wrong workspace. Human error.
```

## Use instead
```markdown
## Root cause
`terraform destroy` ran against the production workspace because the CLI does not show the
active workspace and production has no deletion protection.
```

## Options
- `names` (list, default `[]`): more given names to recognise.
)md",
    Severity::error,
    k_tags,
    k_options,
};

class PersonAsRootCause final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& options) override {
    m_people.configure(options.strings("names"));
    m_human_error = util::PhraseMatcher(std::vector<std::string>{"human error", "operator error", "user error", "pilot error", "human mistake",
                                     "mistake by", "mistake made by", "error by", "the fault of"});
    for (const auto& verb : engine::pack_strings("blame", "causal_verbs")) {
      m_causal.insert(verb);
    }
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto sections = document.sections_of(SectionKind::root_cause);
    if (sections.empty()) {
      return;
    }
    const auto people = m_people.document_people(document);
    const std::string_view prose = document.prose();
    std::set<std::uint32_t> reported;
    for (const auto* block : blocks_of(document, sections)) {
      // Only the part of a label's paragraph after the label belongs to the section.
      ByteSpan span = block->span;
      if (block->section >= 0) {
        const auto& section = document.sections()[static_cast<std::size_t>(block->section)];
        if (section.labelled && section.heading.end > span.begin && section.heading.end <= span.end) {
          span.begin = section.heading.end;
        }
      }
      const auto words = document.words_in(span);
      const auto starts = m_people.mention_starts(prose, words, people);
      const bool human_error = m_human_error.contains(prose, words);
      if (starts.empty() && !human_error) {
        continue;  // most root-cause prose names no one: skip reading it word by word
      }
      for (const ByteSpan sentence : sentences_in(prose, span)) {
        // A sentence reports only at a mention's start or a "human error" phrase, which lies in
        // its block's words when it lies in the sentence's.
        const auto first_start = std::lower_bound(starts.begin(), starts.end(), sentence.begin);
        if (human_error || (first_start != starts.end() && *first_start < sentence.end)) {
          check_sentence(context, sentence, people, starts, reported);
        }
      }
    }
  }

 private:
  // `starts`: the offsets where a person may be named (PersonFinder::mention_starts).
  void check_sentence(Context& context, ByteSpan sentence, const std::set<std::string, std::less<>>& people,
                      const std::vector<std::uint32_t>& starts, std::set<std::uint32_t>& reported) const {
    const std::string_view prose = context.prose();
    const std::string_view text = sentence.of(prose);
    for (const auto& hit : find_phrases(m_human_error, context.document(), sentence)) {
      if (!inside_quotes(prose, sentence, hit.span.begin) && reported.insert(hit.span.begin).second) {
        context.report(hit.span, "the root cause is attributed to '" + quote(hit.span.of(prose)) +
                                 "'; describe the conditions that made the action possible or likely");
      }
    }
    const auto words = words_of(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
      const auto offset = static_cast<std::uint32_t>(sentence.begin + words[i].offset);
      if (!std::binary_search(starts.begin(), starts.end(), offset)) {
        continue;
      }
      const std::size_t count = m_people.person_at(words, i, people);
      if (count == 0) {
        continue;
      }
      const std::size_t last = i + count - 1;
      std::string_view mention = text.substr(words[i].offset, words[last].offset + words[last].text.size() - words[i].offset);
      const bool possessive = util::iends_with(mention, "'s") || util::iends_with(mention, "\xE2\x80\x99s");
      if (possessive) {
        mention.remove_suffix(util::iends_with(mention, "'s") ? 2 : 4);
      }
      // What follows the person: skip adverbs, then the verb.
      bool acts = false;
      for (std::size_t k = last + 1; k < words.size() && k < last + 4 && !acts; ++k) {
        const std::string verb = util::to_lower_ascii(words[k].text);
        acts = m_causal.count(verb) > 0;
        if (!(util::iends_with(verb, "ly") || verb == "then" || verb == "also" || verb == "just")) {
          break;
        }
      }
      const auto begin = static_cast<std::uint32_t>(sentence.begin + words[i].offset);
      if ((acts || possessive) && !inside_quotes(prose, sentence, begin) && reported.insert(begin).second) {
        context.report({begin, begin + static_cast<std::uint32_t>(mention.size())},
                       "the root cause names a person ('" + quote(mention) +
                           "'); describe the conditions and the system, not who acted");
      }
      i = last;
    }
  }

  PersonFinder m_people;
  util::PhraseMatcher m_human_error;
  std::set<std::string, std::less<>> m_causal;
};

}  // namespace

engine::RegisteredRule person_as_root_cause() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<PersonAsRootCause>(); }};
}

}  // namespace pmlint::rules
