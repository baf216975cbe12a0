#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pmlint::util {

// A word of text: letters, digits, '_' and non-ASCII letters, with apostrophes inside ("didn't",
// "team’s"). Hyphens, other punctuation, curly quotes and dashes separate words ("on-call" is
// "on", "call"). `key` identifies the word ignoring ASCII case and the apostrophe's form.
struct TextWord {
  std::uint32_t begin;  // byte offsets into the text
  std::uint32_t end;
  std::uint64_t key;
};
std::vector<TextWord> text_words(std::string_view text);
// Appends the words of `text` to `words` (reuses the caller's buffer). `base` is added to their
// offsets, for a `text` that is the part of a larger text starting there.
void append_text_words(std::string_view text, std::vector<TextWord>& words, std::uint32_t base = 0);

// A set of word keys that may answer "yes" wrongly but never "no" wrongly, in one bit test: asked
// of every word of a document before anything dearer. `Bits` trades size for false answers: with
// n keys, about n / Bits of the other words pass.
template <std::size_t Bits>
class KeyFilter {
 public:
  void add(std::uint64_t key) { m_words[slot(key)] |= bit(key); }
  void add(const KeyFilter& other) {
    for (std::size_t k = 0; k < m_words.size(); ++k) {
      m_words[k] |= other.m_words[k];
    }
  }
  [[nodiscard]] bool may_contain(std::uint64_t key) const { return (m_words[slot(key)] & bit(key)) != 0; }

 private:
  static_assert(Bits % 64 == 0);
  static std::size_t slot(std::uint64_t key) { return static_cast<std::size_t>(key >> 6) % (Bits / 64); }
  static std::uint64_t bit(std::uint64_t key) { return std::uint64_t{1} << (key & 63); }
  std::array<std::uint64_t, Bits / 64> m_words{};
};

// Finds word phrases ("human error", "should have", "on call engineer") in text, ignoring ASCII
// case and the spaces, line breaks or hyphens between words, on word boundaries. Built once from
// a word list, it reads a text's words in one pass at the cost of a bit test per word, so many
// lists can read the same words: cheaper to build and to run than a regular expression of
// hundreds of alternatives.
class PhraseMatcher {
 public:
  struct Hit {
    std::size_t begin;  // byte offsets into the text
    std::size_t end;
    std::size_t first_word;  // index into the words
    std::size_t word_count;
    int id;  // what add() was given
  };

  PhraseMatcher() = default;
  // Phrases with ids 0, 1, 2... in list order.
  explicit PhraseMatcher(const std::vector<std::string>& phrases);
  void add(std::string_view phrase, int id);

  // Every match, left to right, not overlapping; where several phrases start at one word the
  // longest wins. `words` are text_words(text), for callers that read one text with several lists.
  [[nodiscard]] std::vector<Hit> find_all(std::string_view text) const;
  [[nodiscard]] std::vector<Hit> find_all(std::string_view text, std::span<const TextWord> words) const;
  [[nodiscard]] std::optional<Hit> first(std::string_view text) const;
  [[nodiscard]] std::optional<Hit> first(std::string_view text, std::span<const TextWord> words) const;
  [[nodiscard]] bool contains(std::string_view text) const { return first(text).has_value(); }
  [[nodiscard]] bool contains(std::string_view text, std::span<const TextWord> words) const {
    return first(text, words).has_value();
  }
  // The longest match that starts at `words[index]`, if any. Inline: most words fail the filter.
  [[nodiscard]] std::optional<Hit> match_at(std::string_view text, std::span<const TextWord> words,
                                            std::size_t index) const {
    return may_start(words[index].key) ? match_from(text, words, index) : std::nullopt;
  }
  [[nodiscard]] bool empty() const { return m_phrases.empty(); }

  // Several lists read over the same words in one pass: find_all_of gives what find_all would
  // for each, looking a word up in the lists only when it passes the filter joining theirs
  // (made once, by joint_filter, when the lists are built).
  using Filter = KeyFilter<4096>;  // first words' keys
  template <std::size_t N>
  [[nodiscard]] static Filter joint_filter(const std::array<const PhraseMatcher*, N>& lists) {
    Filter joint;
    for (const PhraseMatcher* list : lists) {
      joint.add(list->m_first_word_filter);
    }
    return joint;
  }
  template <std::size_t N>
  [[nodiscard]] static std::array<std::vector<Hit>, N> find_all_of(const std::array<const PhraseMatcher*, N>& lists,
                                                                   const Filter& joint, std::string_view text,
                                                                   std::span<const TextWord> words) {
    std::array<std::vector<Hit>, N> hits;
    std::array<std::size_t, N> next{};  // per list, the first word a new match may start at
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!joint.may_contain(words[i].key)) {
        continue;
      }
      for (std::size_t list = 0; list < N; ++list) {
        if (i < next[list]) {
          continue;  // inside this list's previous match: matches do not overlap
        }
        if (auto hit = lists[list]->match_at(text, words, i)) {
          hits[list].push_back(*hit);
          next[list] = i + hit->word_count;
        }
      }
    }
    return hits;
  }

 private:
  struct Phrase {
    std::vector<std::uint64_t> keys;
    int id;
  };
  // A phrase that begins with a given word, with what is compared first: most candidates of a
  // common first word ("the", "we") fail on the second.
  struct Candidate {
    std::uint64_t second_key;  // the key of the phrase's second word; unused for one word
    std::uint32_t word_count;
    std::uint32_t phrase;  // index into m_phrases
  };
  // The phrases that begin with one word: those of several words first, ordered by second word
  // and then longest first, then those of one word. A slot without candidates is free.
  struct FirstWord {
    std::uint64_t key = 0;
    std::vector<Candidate> candidates;
    std::size_t several = 0;  // how many candidates have several words
  };
  [[nodiscard]] std::optional<Hit> match_from(std::string_view text, std::span<const TextWord> words,
                                              std::size_t index) const;
  [[nodiscard]] bool may_start(std::uint64_t key) const { return m_first_word_filter.may_contain(key); }
  [[nodiscard]] std::size_t slot_of(std::uint64_t key) const;
  FirstWord& first_word_entry(std::uint64_t key);

  std::vector<Phrase> m_phrases;
  // Phrases by first word, open-addressed: word keys are mixed hashes already, so their bits index
  // the table (no division), and it is kept at most half full (one probe, nearly always). The
  // filter rules most words out before it is read.
  std::vector<FirstWord> m_first_words = std::vector<FirstWord>(16);
  std::size_t m_first_word_count = 0;
  Filter m_first_word_filter;
};

}  // namespace pmlint::util
