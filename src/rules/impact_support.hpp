#pragma once

// Reading quantities and durations in impact statements.

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string_view>

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
  // Any duration, or a time range ("from 14:02 to 14:49", "between 10:00 and 11:30").
  [[nodiscard]] bool has_duration(std::string_view text) const;
  // The durations written in `text`, with where they stand.
  [[nodiscard]] std::optional<StatedDuration> first_duration(std::string_view text) const;
  [[nodiscard]] const re2::RE2& vague() const { return *m_vague; }
  // Words that make a sentence about the incident's duration ("outage", "lasted").
  [[nodiscard]] const util::PhraseMatcher& duration_subject() const { return m_duration_subject; }

 private:
  ImpactPatterns();

  std::unique_ptr<re2::RE2> m_count;
  std::unique_ptr<re2::RE2> m_percent;
  std::unique_ptr<re2::RE2> m_duration;
  std::unique_ptr<re2::RE2> m_range;
  std::unique_ptr<re2::RE2> m_vague;
  util::PhraseMatcher m_duration_subject;
};

}  // namespace pmlint::rules
