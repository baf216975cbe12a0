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

// A sentence and its words, offsets relative to the sentence.
struct SentenceWords {
  ByteSpan span;
  std::vector<Word> words;

  // The index of the first word at or after the document offset `at`.
  [[nodiscard]] std::size_t word_at(std::uint32_t at) const {
    const auto it = std::lower_bound(words.begin(), words.end(), at, [&](const Word& word, std::uint32_t offset) {
      return span.begin + word.offset < offset;
    });
    return static_cast<std::size_t>(it - words.begin());
  }
  [[nodiscard]] std::uint32_t begin_of(std::size_t word) const {
    return span.begin + static_cast<std::uint32_t>(words[word].offset);
  }
  [[nodiscard]] std::uint32_t end_of(std::size_t word) const {
    return begin_of(word) + static_cast<std::uint32_t>(words[word].text.size());
  }
};

// Finds the prose block and sentence of a match, splitting a block into sentences only once and
// only when a match falls in it.
class BlockSentences {
 public:
  explicit BlockSentences(const document::Document& document) : m_document(document) {}

  // The sentence that holds all of `span`, or nullptr when it is not prose of one sentence.
  const SentenceWords* at(ByteSpan span) {
    const auto& blocks = m_document.blocks();
    const auto it = std::upper_bound(blocks.begin(), blocks.end(), span.begin,
                                     [](std::uint32_t offset, const document::Block& block) { return offset < block.span.end; });
    if (it == blocks.end() || !it->span.contains(span.begin) || span.end > it->span.end || it->quoted ||
        it->kind == document::BlockKind::code_block || it->kind == document::BlockKind::html_block) {
      return nullptr;
    }
    const auto index = static_cast<std::size_t>(it - blocks.begin());
    auto& sentences = m_split[index];
    if (sentences.empty()) {
      for (const ByteSpan sentence : sentences_in(m_document.prose(), it->span)) {
        sentences.push_back({sentence, words_of(sentence.of(m_document.prose()))});
      }
    }
    for (const auto& sentence : sentences) {
      if (sentence.span.contains(span.begin)) {
        return span.end <= sentence.span.end ? &sentence : nullptr;
      }
    }
    return nullptr;
  }

 private:
  const document::Document& m_document;
  std::map<std::size_t, std::vector<SentenceWords>> m_split;
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
    // Each pattern reads the whole prose view once (code, comments and quotes are blanked in it);
    // a match is then placed in its block and sentence.
    BlockSentences sentences(document);
    find_phrases(prose, sentences, hits);
    find_lapses(prose, sentences, people, hits);
    find_should(prose, sentences, people, hits);
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

  void add(std::string_view prose, const SentenceWords& sentence, std::uint32_t begin, std::uint32_t end,
           const std::string& advice, std::vector<Hit>& hits) const {
    if (!inside_quotes(prose, sentence.span, begin)) {
      hits.push_back({{begin, end}, "'" + quote(prose.substr(begin, end - begin)) + "' is blaming language; " + advice});
    }
  }

  void find_phrases(std::string_view prose, BlockSentences& sentences, std::vector<Hit>& hits) const {
    util::for_each_match(*m_phrases, prose, [&](const util::Match& match) {
      const std::string_view phrase = match.group(1);
      const ByteSpan span = document::span_of(prose, phrase);
      const SentenceWords* sentence = sentences.at(span);
      if (sentence != nullptr && !negated(sentence->span.of(prose), span.begin - sentence->span.begin)) {
        add(prose, *sentence, span.begin, span.end, suggestion(phrase), hits);
      }
      return true;
    });
  }

  void find_lapses(std::string_view prose, BlockSentences& sentences, const std::set<std::string, std::less<>>& people,
                   std::vector<Hit>& hits) const {
    util::for_each_match(*m_lapses, prose, [&](const util::Match& match) {
      const std::string_view phrase = match.group(1);
      const ByteSpan span = document::span_of(prose, phrase);
      const SentenceWords* sentence = sentences.at(span);
      if (sentence == nullptr) {
        return true;
      }
      std::uint32_t end = span.end;
      if (m_needs_verb.count(util::normalize_label(phrase))) {
        const std::size_t next = sentence->word_at(end);
        if (next >= sentence->words.size() ||
            !m_lapse_verbs.count(util::to_lower_ascii(sentence->words[next].text))) {
          return true;
        }
        end = sentence->end_of(next);
      }
      if (const auto subject = m_people.subject_before(sentence->words, sentence->word_at(span.begin), people)) {
        add(prose, *sentence, sentence->begin_of(*subject), end, suggestion(phrase), hits);
      }
      return true;
    });
  }

  void find_should(std::string_view prose, BlockSentences& sentences, const std::set<std::string, std::less<>>& people,
                   std::vector<Hit>& hits) const {
    util::for_each_match(*m_should, prose, [&](const util::Match& match) {
      const std::string_view modal = match.group(1);
      const std::string_view participle = match.group(3);
      const ByteSpan span{document::span_of(prose, modal).begin, document::span_of(prose, participle).end};
      const SentenceWords* sentence = sentences.at(span);
      if (sentence == nullptr) {
        return true;
      }
      const std::string word = util::to_lower_ascii(participle);
      const bool vigilance = m_vigilance.count(word) > 0;
      const auto subject = m_people.subject_before(sentence->words, sentence->word_at(span.begin), people);
      const bool verb_like = util::iends_with(word, "ed") || util::iends_with(word, "en") || vigilance;
      if (vigilance || (subject && verb_like && match.group(2).empty())) {
        add(prose, *sentence, subject ? sentence->begin_of(*subject) : span.begin, span.end,
            "say what would have caught it (a check, an alert, a review step) instead of what someone should have "
            "done",
            hits);
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
