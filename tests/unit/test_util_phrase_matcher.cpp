#include <doctest/doctest.h>

#include <string>
#include <string_view>
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
