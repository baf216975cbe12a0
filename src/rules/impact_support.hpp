#pragma once

// Reading quantities and durations in impact statements.

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string_view>

namespace pmlint::rules {

// A duration written in text: "47 minutes", "1h 20m", "0h 55m", "an hour", "10-15 minutes".
struct StatedDuration {
  long long minutes = 0;      // the lower bound for a range
  long long max_minutes = 0;  // the upper bound (= minutes when not a range)
  std::string_view text;
};

class ImpactPatterns {
 public:
  ImpactPatterns();
  // A count of who or what was affected ("1,200 users", "3%", "all customers", "two teams").
  [[nodiscard]] bool has_count(std::string_view text) const;
  // Any duration, or a time range ("from 14:02 to 14:49", "between 10:00 and 11:30").
  [[nodiscard]] bool has_duration(std::string_view text) const;
  // The durations written in `text`, with where they stand.
  [[nodiscard]] std::optional<StatedDuration> first_duration(std::string_view text) const;
  [[nodiscard]] const re2::RE2& vague() const { return *m_vague; }
  [[nodiscard]] const re2::RE2& duration_subject() const { return *m_duration_subject; }

 private:
  std::unique_ptr<re2::RE2> m_count;
  std::unique_ptr<re2::RE2> m_percent;
  std::unique_ptr<re2::RE2> m_duration;
  std::unique_ptr<re2::RE2> m_range;
  std::unique_ptr<re2::RE2> m_vague;
  std::unique_ptr<re2::RE2> m_duration_subject;
};

}  // namespace pmlint::rules
