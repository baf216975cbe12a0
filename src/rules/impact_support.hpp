#pragma once

// Reading quantities and durations in impact statements.

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "util/phrase_matcher.hpp"

namespace pmlint::rules {

// A duration written in text: "47 minutes", "1h 20m", "0h 55m", "an hour", "10-15 minutes".
struct StatedDuration {
  long long minutes = 0;      // the lower bound for a range
  long long max_minutes = 0;  // the upper bound (= minutes when not a range)
  std::string_view text;
};

class ImpactPatterns {
 public:
  // Built from the packs once, on first use, and shared by the rules.
  static const ImpactPatterns& shared();

  // A count of who or what was affected ("1,200 users", "3%", "all customers", "two teams").
  [[nodiscard]] bool has_count(std::string_view text) const;
  // Vague quantities of who or what was affected ("some users", "a handful of customers"), as
  // [begin, end) offsets into `text`; `words` are words of `text`.
  struct Range {
    std::size_t begin;
    std::size_t end;
  };
  [[nodiscard]] std::vector<Range> vague_quantities(std::string_view text, std::span<const util::TextWord> words) const;
  // Any duration, or a time range ("from 14:02 to 14:49", "between 10:00 and 11:30").
  [[nodiscard]] bool has_duration(std::string_view text) const;
  // The durations written in `text`, with where they stand.
  [[nodiscard]] std::optional<StatedDuration> first_duration(std::string_view text) const;
  // Words that make a sentence about the incident's duration ("outage", "lasted").
  [[nodiscard]] const util::PhraseMatcher& duration_subject() const { return m_duration_subject; }

 private:
  ImpactPatterns();

  std::unique_ptr<re2::RE2> m_percent;
  std::unique_ptr<re2::RE2> m_duration;
  std::unique_ptr<re2::RE2> m_range;
  util::PhraseMatcher m_duration_subject;
  // Words that make a count: "1,200 checkout requests", "two of the teams".
  [[nodiscard]] std::optional<std::size_t> number_end(std::string_view text, std::span<const util::TextWord> words,
                                                      std::size_t index) const;
  [[nodiscard]] bool counted_at(std::string_view text, std::span<const util::TextWord> words, std::size_t index) const;
  util::PhraseMatcher m_affected;
  util::PhraseMatcher m_number_words;
  util::PhraseMatcher m_vague_words;
  util::PhraseMatcher m_scales;
  util::PhraseMatcher m_of{std::vector<std::string>{"of"}};
  util::PhraseMatcher m_of_ours{std::vector<std::string>{"of the", "of our"}};
  util::PhraseMatcher m_determiners{std::vector<std::string>{"the", "our", "their", "its"}};
};

}  // namespace pmlint::rules
