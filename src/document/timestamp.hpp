#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "document/vocabulary.hpp"

namespace pmlint::document {

// A calendar date as written; year 0 when the text leaves it out ("May 12").
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// A time of day; minute and second are -1 when the text does not give them ("2pm").
struct ClockTime {
  int hour = 0;
  int minute = -1;
  int second = -1;
  [[nodiscard]] int minutes_of_day() const { return hour * 60 + (minute < 0 ? 0 : minute); }
};

// How finely a timestamp pins its moment, coarsest first.
enum class Precision { unknown, day, part_of_day, hour, minute, second };
std::string_view to_string(Precision precision);

struct ZoneRef {
  std::string name;                   // as written: "UTC", "UTC+1", "+02:00", "PST"
  std::optional<int> offset_minutes;  // fixed offset east of UTC, when the name gives one
  bool utc = false;
  std::string region;     // IANA zone whose rules give the offset on a date
  std::string ambiguous;  // the abbreviation's other meanings, if any
};

// One time expression found in text: "2021-12-10 15:40", "~13:30-13:45", "09:21 PM",
// "12:32 UTC", "2019-10-20T00:55:00Z", "May 12", "[???]".
struct TimeExpression {
  std::size_t begin = 0;  // offsets into the scanned text
  std::size_t end = 0;
  std::optional<CivilDate> date;
  std::optional<ClockTime> time;
  std::optional<ClockTime> range_end;
  Precision precision = Precision::unknown;
  bool approximate = false;
  bool twelve_hour = false;
  std::optional<ZoneRef> zone;
  std::size_t zone_begin = 0;
  std::size_t zone_end = 0;
  // "09:05 PDT (16:05 UTC)": the same moment in UTC, written beside it.
  std::optional<ClockTime> utc_equivalent;
  std::size_t utc_begin = 0;
  std::size_t utc_end = 0;

  // Moves every offset by `by`: from a piece of text to the document it was cut from.
  void shift(std::size_t by) {
    begin += by;
    end += by;
    zone_begin += by;
    zone_end += by;
    utc_begin += by;
    utc_end += by;
  }
};

struct ScanOptions {
  // Accept "1600" as 16:00 on its own (table time cells, headings); it is always accepted
  // after a date ("2025-01-14 1600") or before a zone ("1600 UTC").
  bool compact_time = false;
  // Accept words of the day ("morning", "noon") and hour marks ("14h") as coarse times.
  bool coarse_words = false;
};

// Reads time expressions; holds the vocabulary that names time zones.
class TimeScanner {
 public:
  explicit TimeScanner(const Vocabulary& vocabulary) : m_vocabulary(vocabulary) {}

  // A time expression that starts at `pos` (after optional "[", "(", "~", "approx."...).
  [[nodiscard]] std::optional<TimeExpression> parse_at(std::string_view text, std::size_t pos,
                                                       ScanOptions options = {}) const;
  // The first time expression that starts at a word boundary anywhere in `text`.
  [[nodiscard]] std::optional<TimeExpression> find(std::string_view text, ScanOptions options = {}) const;
  // A time zone name or offset at `pos` ("UTC", "UTC+1", "+02:00", "CEST"); `end` receives its end.
  [[nodiscard]] std::optional<ZoneRef> parse_zone_at(std::string_view text, std::size_t pos,
                                                     std::size_t& end, bool attached) const;

 private:
  void read_utc_equivalent(std::string_view text, TimeExpression& expression) const;

  const Vocabulary& m_vocabulary;
};

// "2021-12-10T15:40", "15:40", "2021-12-10", "--05-12" (no year): ISO 8601 as far as the text
// gives it, with "Z" or an offset appended when `zone` fixes one.
std::string to_iso8601(const std::optional<CivilDate>& date, const std::optional<ClockTime>& time,
                       const std::optional<ZoneRef>& zone);

// Days since 1970-01-01 of a full date (year required).
std::int64_t days_since_epoch(const CivilDate& date);
// The civil date `days` after 1970-01-01.
CivilDate civil_from_days(std::int64_t days);

}  // namespace pmlint::document
