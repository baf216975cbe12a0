#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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

 private:
  struct Phrase {
    std::vector<std::uint64_t> keys;
    int id;
  };
  [[nodiscard]] std::optional<Hit> match_from(std::string_view text, std::span<const TextWord> words,
                                              std::size_t index) const;
  [[nodiscard]] bool may_start(std::uint64_t key) const {
    return (m_first_word_filter[(key >> 6) % m_first_word_filter.size()] >> (key & 63)) & 1U;
  }

  std::vector<Phrase> m_phrases;
  // A phrase's index by its first word, longest phrase first; the filter rules most words out
  // before the lookup.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> m_by_first_word;
  std::array<std::uint64_t, 64> m_first_word_filter{};
};

}  // namespace pmlint::util
