#include <algorithm>
#include <map>
#include <set>

#include "engine/options.hpp"
#include "engine/packs.hpp"
#include "rules/common.hpp"
#include "rules/people.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"blameless", "language"};

constexpr std::array<engine::OptionSpec, 2> k_options = {{
    {"phrases", engine::OptionSpec::Kind::string_list, "[]", "More phrases that blame wherever they stand."},
    {"names", engine::OptionSpec::Kind::string_list, "[]", "More given names to recognise as people."},
}};

constexpr RuleInfo k_info{
    "blame-language",
    "Blaming wording: human error, should-have hindsight, a person who forgot or failed",
    R"md(## What it checks
Wording that blames people instead of describing conditions:
- attributions and judgements wherever they stand: "human error", "operator error", "careless",
  "negligent", "sloppy", "fault of", "to blame", "should have known", "didn't bother to";
- a person followed by a lapse: "Sam forgot to", "the on-call engineer failed to", "@bob ignored
  the warning", "he didn't check"; a person is a name, an @handle, someone the document's
  metadata names, or a role that points at one individual ("the engineer", "the new hire",
  "someone on the SRE team"). A system as subject is not blame: "the deploy failed to start",
  "pods that failed to start", "the health check did not detect the fault";
- hindsight about vigilance: "should have caught / noticed / checked", whoever the subject ("This
  should have been caught in review"). A proposal is not blame: "we should have a runbook",
  "each repository should have clear rules", "system workloads should have priority", and neither
  is "could have been avoided".

Nothing inside code, HTML comments, block quotes (chat logs, customer messages, including lazy
continuation lines) or quoted speech is reported, nor is a negated blame word ("no one is to
blame", "a blameless review"). Every finding suggests a blameless rewording.

## Why it matters
A blameless postmortem learns: people give a full account of what they did and why it made sense
at the time only when they are not judged for it. Blaming words ("human error", "should have")
stop the analysis at the person, where the system that let the action do harm goes unexamined.

## Example
```markdown
The outage was human error: Sam forgot to drain the node, and the on-call engineer should have
caught it.
```

## Use instead
```markdown
The node was not drained before maintenance because the runbook step is manual and nothing
checks it; the drain status is not shown on the maintenance dashboard.
```

## Options
- `phrases` (list, default `[]`): more phrases that blame wherever they stand.
- `names` (list, default `[]`): more given names to recognise.
)md",
    Severity::warning,
    k_tags,
    k_options,
};

struct Hit {
  ByteSpan span;
  std::string message;
};

class BlameLanguage final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& options) override {
    m_people.configure(options.strings("names"));
    const YAML::Node& pack = engine::pack("blame");
    std::vector<std::string> phrases;
    for (const auto& entry : pack["phrases"]) {
      const auto phrase = entry["phrase"].as<std::string>();
      phrases.push_back(phrase);
      m_suggestions[util::normalize_label(phrase)] = entry["suggest"].as<std::string>();
    }
    for (const auto& phrase : options.strings("phrases")) {
      phrases.push_back(phrase);
      m_suggestions[util::normalize_label(phrase)] = "describe the conditions, not the person";
    }
    m_phrases = compile_phrases(phrases);
    std::vector<std::string> lapses;
    for (const auto& entry : pack["person_lapses"]) {
      const auto phrase = entry["phrase"].as<std::string>();
      lapses.push_back(phrase);
      m_suggestions[util::normalize_label(phrase)] = entry["suggest"].as<std::string>();
      if (entry["verbs"] && entry["verbs"].as<bool>()) {
        m_needs_verb.insert(util::normalize_label(phrase));
      }
    }
    m_lapses = compile_phrases(lapses);
    for (const auto& verb : engine::pack_strings("blame", "lapse_verbs")) {
      m_lapse_verbs.insert(verb);
    }
    for (const auto& word : engine::pack_strings("blame", "vigilance_participles")) {
      m_vigilance.insert(word);
    }
    for (const auto& word : engine::pack_strings("blame", "negations")) {
      m_negations.insert(word);
    }
    m_should = std::make_unique<re2::RE2>(
        R"((?i)(?:^|[^\w])((?:should|must)(?:n't|\s+not)?\s+have|should've|shouldn't've)\s+(been\s+)?([\w-]+))");
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto people = m_people.document_people(document);
    const std::string_view prose = document.prose();
    std::vector<Hit> hits;
    for (const auto& block : document.blocks()) {
      if (block.quoted || block.kind == document::BlockKind::code_block || block.kind == document::BlockKind::html_block) {
        continue;
      }
      for (const ByteSpan sentence : sentences_in(prose, block.span)) {
        check_sentence(prose, sentence, people, hits);
      }
    }
    // One finding per place: a lapse that contains a blame phrase is reported once.
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.span.begin < b.span.begin; });
    std::uint32_t covered = 0;
    for (auto& hit : hits) {
      if (hit.span.begin < covered) {
        continue;
      }
      covered = hit.span.end;
      context.report(hit.span, std::move(hit.message));
    }
  }

 private:
  [[nodiscard]] std::string suggestion(std::string_view phrase) const {
    const auto it = m_suggestions.find(util::normalize_label(phrase));
    return it == m_suggestions.end() ? "describe the conditions, not the person" : it->second;
  }

  [[nodiscard]] bool negated(std::string_view text, std::size_t at) const {
    const auto before = words_of(text.substr(0, at));
    for (std::size_t k = before.size(), seen = 0; k > 0 && seen < 3; --k, ++seen) {
      const std::string word = util::to_lower_ascii(before[k - 1].text);
      if (m_negations.count(word) || util::iends_with(word, "n't")) {
        return true;
      }
    }
    return false;
  }

  void check_sentence(std::string_view prose, ByteSpan sentence, const std::set<std::string, std::less<>>& people,
                      std::vector<Hit>& hits) const {
    const std::string_view text = sentence.of(prose);
    auto at = [&](std::string_view part) { return static_cast<std::size_t>(part.data() - text.data()); };
    auto add = [&](std::size_t begin, std::size_t end, const std::string& quoted, const std::string& advice) {
      const auto span = ByteSpan{static_cast<std::uint32_t>(sentence.begin + begin), static_cast<std::uint32_t>(sentence.begin + end)};
      if (!inside_quotes(prose, sentence, span.begin)) {
        hits.push_back({span, "'" + quote(quoted) + "' is blaming language; " + advice});
      }
    };
    util::for_each_match(*m_phrases, text, [&](const util::Match& match) {
      const std::string_view phrase = match.group(1);
      if (!negated(text, at(phrase))) {
        add(at(phrase), at(phrase) + phrase.size(), std::string(phrase), suggestion(phrase));
      }
      return true;
    });
    util::for_each_match(*m_lapses, text, [&](const util::Match& match) {
      const std::string_view phrase = match.group(1);
      const std::size_t begin = at(phrase);
      std::size_t end = begin + phrase.size();
      if (m_needs_verb.count(util::normalize_label(phrase))) {
        const auto next = words_of(text.substr(end));
        if (next.empty() || !m_lapse_verbs.count(util::to_lower_ascii(next.front().text))) {
          return true;
        }
        end += next.front().offset + next.front().text.size();
      }
      if (const auto subject = m_people.subject_before(text, begin, people)) {
        add(*subject, end, std::string(text.substr(*subject, end - *subject)), suggestion(phrase));
      }
      return true;
    });
    util::for_each_match(*m_should, text, [&](const util::Match& match) {
      const std::string_view modal = match.group(1);
      const std::string_view participle = match.group(3);
      const std::size_t begin = at(modal);
      const std::size_t end = at(participle) + participle.size();
      const std::string word = util::to_lower_ascii(participle);
      const bool vigilance = m_vigilance.count(word) > 0;
      const auto subject = m_people.subject_before(text, begin, people);
      const bool verb_like = util::iends_with(word, "ed") || util::iends_with(word, "en") || vigilance;
      if (vigilance || (subject && verb_like && match.group(2).empty())) {
        const std::size_t from = subject ? *subject : begin;
        add(from, end, std::string(text.substr(from, end - from)),
            "say what would have caught it (a check, an alert, a review step) instead of what someone should have "
            "done");
      }
      return true;
    });
  }

  PersonFinder m_people;
  std::unique_ptr<re2::RE2> m_phrases;
  std::unique_ptr<re2::RE2> m_lapses;
  std::unique_ptr<re2::RE2> m_should;
  std::map<std::string, std::string> m_suggestions;
  std::set<std::string, std::less<>> m_needs_verb;
  std::set<std::string, std::less<>> m_lapse_verbs;
  std::set<std::string, std::less<>> m_vigilance;
  std::set<std::string, std::less<>> m_negations;
};

}  // namespace

engine::RegisteredRule blame_language() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<BlameLanguage>(); }};
}

}  // namespace pmlint::rules
