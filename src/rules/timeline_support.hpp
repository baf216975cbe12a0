#pragma once

// Moments of timeline entries, for the rules that compare them (order, milestones, durations).

#include <optional>
#include <string>

#include "document/document.hpp"

namespace pmlint::rules {

// When an entry happened, as far as its text tells: the day (days since 1970, or a month/day
// key when the year is unknown) and the minute of the day, moved to UTC when the zone is known.
struct Moment {
  std::optional<long long> day;
  bool day_has_year = false;
  std::optional<int> minute;
};

// `in_utc`: move the time to UTC when the entry's zone is known.
Moment moment_of(const document::TimelineEntry& entry, bool in_utc = true);

// Compares two entries: in UTC when both zones are known, else as written.
std::optional<long long> compare_entries(const document::TimelineEntry& a, const document::TimelineEntry& b);

// Minutes from `b` to `a` (negative when `a` is earlier; whole days when a time is missing);
// nullopt when the two cannot be compared (one has a day and the other not, or no time at all).
std::optional<long long> compare_moments(const Moment& a, const Moment& b);

// Minutes from `a` to `b` when both have a full date and time.
std::optional<long long> minutes_between(const Moment& a, const Moment& b);

// The timestamp as written in the document, collapsed to one line.
std::string written(const document::Document& document, const document::TimelineEntry& entry);

// "47 minutes", "1 h 12 min", "2 days 3 h".
std::string describe_minutes(long long minutes);

}  // namespace pmlint::rules
