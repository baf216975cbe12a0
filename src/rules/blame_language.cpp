#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
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
    if (it == blocks.end() || !it->span.contains(span.begin) || span.end > it->span.end || !it->is_authored_prose()) {
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
    const engine::PackData& pack = engine::pack("blame");
    for (const auto& entry : pack.at("phrases")) {
      add_phrase(m_phrases, entry.at("phrase").get<std::string>(), entry.at("suggest").get<std::string>(), false);
    }
    for (const auto& phrase : options.strings("phrases")) {
      add_phrase(m_phrases, phrase, "describe the conditions, not the person", false);
    }
    for (const auto& entry : pack.at("person_lapses")) {
      add_phrase(m_lapses, entry.at("phrase").get<std::string>(), entry.at("suggest").get<std::string>(),
                 document::pack_flag(entry, "verbs"));
    }
    m_modals = util::PhraseMatcher({"should have", "should not have", "shouldn't have", "should've", "shouldn't've",
                                    "must have", "must not have", "mustn't have"});
    for (const auto& verb : engine::pack_strings("blame", "lapse_verbs")) {
      m_lapse_verbs.insert(verb);
    }
    for (const auto& word : engine::pack_strings("blame", "vigilance_participles")) {
      m_vigilance.insert(word);
    }
    for (const auto& word : engine::pack_strings("blame", "negations")) {
      m_negations.insert(word);
    }
    m_joint_filter = util::PhraseMatcher::joint_filter(lists());
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto people = m_people.document_people(document);
    const std::string_view prose = document.prose();
    std::vector<Hit> hits;
    // The words of each prose block are read once, by each list in turn (code, comments and
    // quotes are blanked in the prose view); a match is then placed in its sentence.
    BlockSentences sentences(document);
    for (const auto& block : document.blocks()) {
      if (!block.is_authored_prose()) {
        continue;
      }
      const auto words = document.words_of(block);
      auto span_of = [](const util::PhraseMatcher::Hit& hit) {
        return ByteSpan{static_cast<std::uint32_t>(hit.begin), static_cast<std::uint32_t>(hit.end)};
      };
      const auto [phrase_hits, lapse_hits, modal_hits] =
          util::PhraseMatcher::find_all_of(lists(), m_joint_filter, prose, words);
      for (const auto& hit : phrase_hits) {
        on_phrase(prose, sentences, span_of(hit), m_phrases.advice[static_cast<std::size_t>(hit.id)], hits);
      }
      for (const auto& hit : lapse_hits) {
        // A lapse blames only after a person: most "missed" and "caused" follow none.
        if (m_people.may_mention(prose, words.first(hit.first_word), people)) {
          on_lapse(prose, sentences, people, span_of(hit), static_cast<std::size_t>(hit.id), hits);
        }
      }
      for (const auto& hit : modal_hits) {
        on_modal(prose, sentences, people, span_of(hit), hits);
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
  // Phrases and, by id, the rewording each suggests.
  struct AdvisedPhrases {
    util::PhraseMatcher phrases;
    std::vector<std::string> advice;
    std::vector<bool> needs_verb;  // "didn't" blames only before a verb of a lapse
  };

  [[nodiscard]] std::array<const util::PhraseMatcher*, 3> lists() const {
    return {&m_phrases.phrases, &m_lapses.phrases, &m_modals};
  }

  static void add_phrase(AdvisedPhrases& list, const std::string& phrase, std::string advice, bool needs_verb) {
    list.phrases.add(phrase, static_cast<int>(list.advice.size()));
    list.advice.push_back(std::move(advice));
    list.needs_verb.push_back(needs_verb);
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

  static void add(std::string_view prose, const SentenceWords& sentence, std::uint32_t begin, std::uint32_t end,
                  const std::string& advice, std::vector<Hit>& hits) {
    if (!inside_quotes(prose, sentence.span, begin)) {
      hits.push_back({{begin, end}, "'" + quote(prose.substr(begin, end - begin)) + "' is blaming language; " + advice});
    }
  }

  void on_phrase(std::string_view prose, BlockSentences& sentences, ByteSpan span, const std::string& advice,
                 std::vector<Hit>& hits) const {
    const SentenceWords* sentence = sentences.at(span);
    if (sentence != nullptr && !negated(sentence->span.of(prose), span.begin - sentence->span.begin)) {
      add(prose, *sentence, span.begin, span.end, advice, hits);
    }
  }

  void on_lapse(std::string_view prose, BlockSentences& sentences, const std::set<std::string, std::less<>>& people,
                ByteSpan span, std::size_t lapse, std::vector<Hit>& hits) const {
    const SentenceWords* sentence = sentences.at(span);
    if (sentence == nullptr) {
      return;
    }
    std::uint32_t end = span.end;
    if (m_lapses.needs_verb[lapse]) {
      const std::size_t next = sentence->word_at(end);
      if (next >= sentence->words.size() || !m_lapse_verbs.count(util::to_lower_ascii(sentence->words[next].text))) {
        return;
      }
      end = sentence->end_of(next);
    }
    if (const auto subject = m_people.subject_before(sentence->words, sentence->word_at(span.begin), people)) {
      add(prose, *sentence, sentence->begin_of(*subject), end, m_lapses.advice[lapse], hits);
    }
  }

  // "should have" + [been] + a participle: hindsight about vigilance, or about what a person did.
  void on_modal(std::string_view prose, BlockSentences& sentences, const std::set<std::string, std::less<>>& people,
                ByteSpan modal, std::vector<Hit>& hits) const {
    const SentenceWords* sentence = sentences.at(modal);
    if (sentence == nullptr) {
      return;
    }
    // The next word of the sentence, when only white space comes between.
    auto next_word = [&](std::uint32_t after) -> std::optional<std::size_t> {
      const std::size_t next = sentence->word_at(after);
      if (next >= sentence->words.size() || sentence->begin_of(next) == after ||
          !util::trim(prose.substr(after, sentence->begin_of(next) - after)).empty()) {
        return std::nullopt;
      }
      return next;
    };
    auto participle = next_word(modal.end);
    if (!participle) {
      return;
    }
    bool been = false;
    if (util::iequals(sentence->words[*participle].text, "been")) {
      if (const auto after_been = next_word(sentence->end_of(*participle))) {
        participle = after_been;
        been = true;
      }
    }
    const std::string word = util::to_lower_ascii(sentence->words[*participle].text);
    const bool vigilance = m_vigilance.count(word) > 0;
    const auto subject = m_people.subject_before(sentence->words, sentence->word_at(modal.begin), people);
    const bool verb_like = util::iends_with(word, "ed") || util::iends_with(word, "en") || vigilance;
    if (vigilance || (subject && verb_like && !been)) {
      add(prose, *sentence, subject ? sentence->begin_of(*subject) : modal.begin, sentence->end_of(*participle),
          "say what would have caught it (a check, an alert, a review step) instead of what someone should have done",
          hits);
    }
  }

  PersonFinder m_people;
  AdvisedPhrases m_phrases;
  AdvisedPhrases m_lapses;
  util::PhraseMatcher m_modals;
  util::PhraseMatcher::Filter m_joint_filter;  // of the three lists above, read in one pass
  std::set<std::string, std::less<>> m_lapse_verbs;
  std::set<std::string, std::less<>> m_vigilance;
  std::set<std::string, std::less<>> m_negations;
};

}  // namespace

engine::RegisteredRule blame_language() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<BlameLanguage>(); }};
}

}  // namespace pmlint::rules
