#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/phrase_matcher.hpp"
#include "util/utf8.hpp"

namespace pmlint::util {

namespace {

std::vector<std::string> words_of_text(std::string_view text) {
  std::vector<std::string> words;
  for (const TextWord& word : text_words(text)) {
    words.emplace_back(text.substr(word.begin, word.end - word.begin));
  }
  return words;
}

std::vector<std::string> found(const PhraseMatcher& matcher, std::string_view text) {
  std::vector<std::string> hits;
  for (const auto& hit : matcher.find_all(text)) {
    hits.emplace_back(text.substr(hit.begin, hit.end - hit.begin));
  }
  return hits;
}

}  // namespace

TEST_CASE("util::text_words splits on punctuation, keeps inner apostrophes") {
  CHECK(words_of_text("The on-call engineer didn't page.") ==
        std::vector<std::string>{"The", "on", "call", "engineer", "didn't", "page"});
  CHECK(words_of_text("team\xE2\x80\x99s \xE2\x80\x9Cquote\xE2\x80\x9D") ==
        std::vector<std::string>{"team\xE2\x80\x99s", "quote"});
  CHECK(words_of_text("caf\xC3\xA9\xC2\xA0snake_case 'x'") == std::vector<std::string>{"caf\xC3\xA9", "snake_case", "x"});
  CHECK(words_of_text("a\xE2\x80\x94" "b") == std::vector<std::string>{"a", "b"});  // em dash
  CHECK(words_of_text("") .empty());
  CHECK(words_of_text(" -- ").empty());
  // Case and the apostrophe's form do not change a word's key.
  const auto straight = text_words("DIDN'T");
  const auto curly = text_words("didn\xE2\x80\x99t");
  REQUIRE(straight.size() == 1);
  REQUIRE(curly.size() == 1);
  CHECK(straight[0].key == curly[0].key);
  CHECK(text_words("did")[0].key != straight[0].key);
}

TEST_CASE("util::text_words is total on any bytes") {
  // Invalid UTF-8 never reaches the matcher (the loader rejects it), but the scan must still end
  // inside the text whatever it is given.
  for (const std::string_view text : {std::string_view("\xE2\x80"), std::string_view("x\xF0"), std::string_view("\x80\x80 a"),
                                      std::string_view("a'\xE2\x80\x99", 5)}) {
    for (const TextWord& word : text_words(text)) {
      CHECK(word.begin < word.end);
      CHECK(word.end <= text.size());
    }
  }
}

namespace {

// The word rules read one byte at a time, as plainly as they can be written: the oracle for
// text_words, which reads 16 and 64 bytes at a time and goes byte by byte only where it must.
std::size_t reference_char_length(unsigned char lead) { return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1; }

std::size_t reference_word_char(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    return std::isalnum(c) != 0 || c == '_' ? 1 : 0;
  }
  const std::size_t length = reference_char_length(c);
  if (length == 1 || i + length > text.size()) {
    return 1;
  }
  const auto second = static_cast<unsigned char>(text[i + 1]);
  const bool punctuation = c == 0xC2 || (c == 0xE2 && (second == 0x80 || second == 0x81)) ||
                           (c == 0xE3 && second == 0x80) || (c == 0xEF && second == 0xBB);
  return punctuation ? 0 : length;
}

// Each word with its text as the key compares it: ASCII lower-cased, apostrophes straight.
std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> reference_words(std::string_view text) {
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = reference_word_char(text, i);
    if (length == 0) {
      i += static_cast<unsigned char>(text[i]) < 0x80 ? 1 : reference_char_length(static_cast<unsigned char>(text[i]));
      continue;
    }
    const std::size_t begin = i;
    std::string normal;
    while (i < text.size()) {
      if (const std::size_t n = reference_word_char(text, i); n > 0) {
        for (std::size_t k = 0; k < n; ++k) {
          normal.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + k]))));
        }
        i += n;
        continue;
      }
      const std::size_t apostrophe = text[i] == '\'' ? 1 : text.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0;
      if (apostrophe == 0 || i + apostrophe >= text.size() || reference_word_char(text, i + apostrophe) == 0) {
        break;
      }
      normal.push_back('\'');
      i += apostrophe;
    }
    words.push_back({{begin, i}, normal});
  }
  return words;
}

}  // namespace

TEST_CASE("util::text_words reads as the byte-by-byte rules do, on any bytes and at any length") {
  // Pieces that meet every path: ASCII runs longer than 8 and 64 bytes, mixed case, apostrophes
  // inside and outside words, curly quotes, non-ASCII letters and punctuation, stray bytes.
  const std::vector<std::string> pieces = {
      "a", "Z", "9", "_", " ", "  ", "\n", "-", ".", ",", "'", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x94", "\xC2\xA0",
      "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x98\x80", "\xEF\xBB\xBF", "\x80", "\xFF", "\xE2", "@", "[", "`", "{",
      "didn't", "Deploy", "ROLLBACK", "snake_case_identifier", "supercalifragilisticexpialidocious",
      std::string(70, 'q'), std::string(66, 'M')};
  std::mt19937 random(20261128);
  std::map<std::string, std::uint64_t> key_of;  // every normalised word seen, with its key
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const std::size_t count = random() % 60;
    for (std::size_t k = 0; k < count; ++k) {
      if (random() % 8 == 0) {
        text.push_back(static_cast<char>(random() % 256));  // any byte at all
      } else {
        text += pieces[random() % pieces.size()];
      }
    }
    const auto words = text_words(text);
    const auto expected = reference_words(text);
    REQUIRE(words.size() == expected.size());
    for (std::size_t k = 0; k < words.size(); ++k) {
      CHECK(words[k].begin == expected[k].first.first);
      CHECK(words[k].end == expected[k].first.second);
      const auto [seen, inserted] = key_of.emplace(expected[k].second, words[k].key);
      CHECK(seen->second == words[k].key);  // one word, one key, whichever way it was read
    }
  }
  // Different words, different keys.
  std::set<std::uint64_t> keys;
  for (const auto& [word, key] : key_of) {
    keys.insert(key);
  }
  CHECK(keys.size() == key_of.size());
  CHECK(key_of.size() > 1000);
}

TEST_CASE("util::text_words gives a word read in groups of eight the key it has read byte by byte") {
  std::mt19937 random(7);
  const std::string_view letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
  for (std::size_t length = 1; length <= 80; ++length) {
    std::string word;
    for (std::size_t k = 0; k < length; ++k) {
      word.push_back(letters[random() % letters.size()]);
    }
    // Alone, the word is read a group at a time; followed by a curly quote, byte by byte.
    const auto grouped = text_words(word);
    const auto careful = text_words(word + "\xE2\x80\x99");
    std::string lower = word;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto lowered = text_words("(" + lower + "\xC3\xA9");  // careful, and ends in another word
    REQUIRE(grouped.size() == 1);
    REQUIRE(careful.size() == 1);
    CHECK(grouped[0].end == length);
    CHECK(careful[0].end == length);
    CHECK(grouped[0].key == careful[0].key);
    CHECK(text_words("(" + lower + ")")[0].key == grouped[0].key);
    REQUIRE(lowered.size() == 1);
    CHECK(lowered[0].key != grouped[0].key);
  }
}

TEST_CASE("util::PhraseMatcher finds phrases on word boundaries") {
  const PhraseMatcher matcher(std::vector<std::string>{"human error", "on call engineer", "blame", "didn't bother to"});
  CHECK(found(matcher, "It was Human  Error, and the on-call\nengineer took the blame.") ==
        std::vector<std::string>{"Human  Error", "on-call\nengineer", "blame"});
  CHECK(found(matcher, "a blameless review; humans error").empty());
  CHECK(found(matcher, "He didn\xE2\x80\x99t bother to check") == std::vector<std::string>{"didn\xE2\x80\x99t bother to"});
  SUBCASE("a phrase does not run across a blank line or punctuation") {
    CHECK(found(matcher, "human\n\nerror").empty());
    CHECK(found(matcher, "human. Error").empty());
  }
  SUBCASE("the longest phrase at a word wins and matches do not overlap") {
    const PhraseMatcher nested(std::vector<std::string>{"error", "error rate", "rate"});
    const auto hits = nested.find_all("the error rate rose");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == 1);
    CHECK(hits[0].word_count == 2);
  }
  SUBCASE("first and contains") {
    CHECK(matcher.contains("no one is to BLAME"));
    CHECK_FALSE(matcher.contains("nothing here"));
    const auto first = matcher.first("blame, then human error");
    REQUIRE(first);
    CHECK(first->id == 2);
    CHECK(first->begin == 0);
  }
  SUBCASE("an empty matcher finds nothing") { CHECK(PhraseMatcher().find_all("human error").empty()); }
}

TEST_CASE("util::PhraseMatcher reads words given as offsets into a larger text") {
  const std::string text = "Summary: the deploy failed. Human error was ruled out.";
  const auto words = text_words(text);
  const PhraseMatcher matcher(std::vector<std::string>{"human error"});
  // Only the second sentence's words.
  std::size_t from = 0;
  while (words[from].begin < text.find("Human")) {
    ++from;
  }
  const auto hits = matcher.find_all(text, std::span<const TextWord>(words).subspan(from));
  REQUIRE(hits.size() == 1);
  CHECK(text.substr(hits[0].begin, hits[0].end - hits[0].begin) == "Human error");
}

TEST_CASE("util::is_ascii and find_invalid_utf8 across the eight-byte fast path") {
  const std::string ascii(37, 'a');
  CHECK(is_ascii(ascii));
  for (std::size_t at = 0; at < ascii.size(); ++at) {
    std::string text = ascii;
    text[at] = '\xFF';
    CHECK_FALSE(is_ascii(text));
    CHECK(find_invalid_utf8(text) == at);
  }
}

}  // namespace pmlint::util
