#include "document/timestamp.hpp"

#include <date/date.h>

#include <array>
#include <cstdio>

#include "util/text.hpp"

namespace pmlint::document {

namespace {

using util::is_ascii_alpha;
using util::is_ascii_digit;
using util::istarts_with;

constexpr std::array<std::string_view, 12> k_months = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"};

constexpr std::array<std::string_view, 7> k_weekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Words that mark an approximate time when they come just before it.
constexpr std::array<std::string_view, 9> k_approximately = {
    "approximately ", "approx. ", "approx ", "around ", "about ", "circa ", "ca. ", "ca ", "roughly "};

// Words of the day that stand for a coarse time.
constexpr std::array<std::pair<std::string_view, int>, 11> k_day_words = {{
    {"early morning", 6}, {"morning", 9}, {"midday", 12}, {"noon", 12}, {"lunchtime", 12},
    {"afternoon", 15}, {"late afternoon", 17}, {"evening", 19}, {"late evening", 22},
    {"night", 22}, {"midnight", 0}}};

bool at_boundary(std::string_view text, std::size_t pos) {
  return pos >= text.size() || !util::is_word_byte(text[pos]);
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, std::size_t max = 8) {
  std::size_t skipped = 0;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t') && skipped < max) {
    ++pos;
    ++skipped;
  }
  return pos;
}

// Reads 1..max_digits digits at pos; returns the number of digits read.
std::size_t read_number(std::string_view text, std::size_t pos, std::size_t max_digits, int& value) {
  std::size_t count = 0;
  value = 0;
  while (pos + count < text.size() && count < max_digits && is_ascii_digit(text[pos + count])) {
    value = value * 10 + (text[pos + count] - '0');
    ++count;
  }
  return count;
}

// The index of the one name of `names` whose first three letters are written at `pos` (any
// case), if any. Month and weekday names and their abbreviations all begin with three letters no
// two share, so at most one can be written there; readers try only that one.
template <std::size_t N>
std::optional<std::size_t> name_with_initials(const std::array<std::string_view, N>& names, std::string_view text,
                                              std::size_t pos) {
  if (pos + 3 > text.size()) {
    return std::nullopt;
  }
  const char first = util::lower_ascii(text[pos]);
  const char second = util::lower_ascii(text[pos + 1]);
  const char third = util::lower_ascii(text[pos + 2]);
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i][0] == first && names[i][1] == second && names[i][2] == third) {
      return i;
    }
  }
  return std::nullopt;
}

// A month name (full, 3-letter or "Sept") at pos, capitalised as in running text.
std::optional<int> read_month(std::string_view text, std::size_t pos, std::size_t& end) {
  if (pos >= text.size() || !(text[pos] >= 'A' && text[pos] <= 'Z')) {
    return std::nullopt;
  }
  const auto index = name_with_initials(k_months, text, pos);
  if (!index) {
    return std::nullopt;
  }
  const std::string_view name = k_months[*index];
  const int month = static_cast<int>(*index) + 1;
  const std::string_view rest = text.substr(pos);
  if (istarts_with(rest, name) && at_boundary(text, pos + name.size())) {
    end = pos + name.size();
    return month;
  }
  for (const std::size_t length : {std::size_t{4}, std::size_t{3}}) {
    if (length == 4 && name != "september") {
      continue;
    }
    if (istarts_with(rest, name.substr(0, length)) && at_boundary(text, pos + length)) {
      end = pos + length;
      if (end < text.size() && text[end] == '.') {
        ++end;
      }
      return month;
    }
  }
  return std::nullopt;
}

std::size_t skip_weekday(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || !(text[pos] >= 'A' && text[pos] <= 'Z')) {
    return pos;
  }
  const std::string_view rest = text.substr(pos);
  if (const auto index = name_with_initials(k_weekdays, text, pos)) {
    const std::string_view day = k_weekdays[*index];
    for (const std::size_t length : {day.size(), std::size_t{3}}) {
      if (istarts_with(rest, day.substr(0, length)) && at_boundary(text, pos + length)) {
        std::size_t end = pos + length;
        if (end < text.size() && (text[end] == ',' || text[end] == '.')) {
          ++end;
        }
        return skip_spaces(text, end);
      }
    }
  }
  return pos;
}

// A day that exists: "2024-02-30" and "April 31" do not. Without a year, February has 29 days.
bool valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || (year != 0 && (year < 1970 || year > 2200))) {
    return false;
  }
  const date::year_month_day ymd{date::year{year == 0 ? 2000 : year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  return ymd.ok();
}

std::size_t skip_ordinal(std::string_view text, std::size_t pos) {
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (istarts_with(text.substr(pos), suffix) && at_boundary(text, pos + 2)) {
      return pos + 2;
    }
  }
  return pos;
}

// Dates: 2021-12-10, 2021/12/10, 24/07/25, 10.12.2021, May 12[, 2025], 12 May [2025],
// 19. April, "Monday, May 12". Returns the end offset.
std::optional<CivilDate> read_date(std::string_view text, std::size_t pos, std::size_t& end) {
  pos = skip_weekday(text, pos);
  int first = 0;
  const std::size_t first_digits = read_number(text, pos, 4, first);
  if (first_digits == 4 && pos + 4 < text.size()) {
    const char separator = text[pos + 4];
    if (separator == '-' || separator == '/' || separator == '.') {
      int month = 0;
      int day = 0;
      const std::size_t month_digits = read_number(text, pos + 5, 2, month);
      const std::size_t after_month = pos + 5 + month_digits;
      if (month_digits > 0 && after_month < text.size() && text[after_month] == separator) {
        const std::size_t day_digits = read_number(text, after_month + 1, 2, day);
        const std::size_t after_day = after_month + 1 + day_digits;
        if (day_digits > 0 && valid_date(first, month, day) &&
            (at_boundary(text, after_day) || text[after_day] == 'T' || text[after_day] == '_')) {
          end = after_day;
          return CivilDate{first, month, day};
        }
      }
    }
  }
  if (first_digits >= 1 && first_digits <= 2 && pos + first_digits < text.size()) {
    const char separator = text[pos + first_digits];
    if (separator == '/' || separator == '.' || separator == '-') {
      int second = 0;
      int third = 0;
      const std::size_t second_digits = read_number(text, pos + first_digits + 1, 2, second);
      const std::size_t after_second = pos + first_digits + 1 + second_digits;
      if (second_digits > 0 && after_second < text.size() && text[after_second] == separator) {
        const std::size_t third_digits = read_number(text, after_second + 1, 4, third);
        const std::size_t after_third = after_second + 1 + third_digits;
        if ((third_digits == 2 || third_digits == 4) && at_boundary(text, after_third) &&
            !(after_third < text.size() && text[after_third] == '.' && after_third + 1 < text.size() &&
              is_ascii_digit(text[after_third + 1]))) {
          const int year = third_digits == 2 ? 2000 + third : third;
          // Day first (as in Europe) unless that cannot be a date and month first can.
          int day = first;
          int month = second;
          if (month > 12 && day <= 12) {
            std::swap(day, month);
          }
          if (valid_date(year, month, day)) {
            end = after_third;
            return CivilDate{year, month, day};
          }
        }
      }
    }
  }
  // "03-26 23:04", "12/05 16:21": month and day without a year, only when a time follows.
  if (first_digits == 2 && pos + 2 < text.size() && (text[pos + 2] == '-' || text[pos + 2] == '/')) {
    int second = 0;
    if (read_number(text, pos + 3, 2, second) == 2 && pos + 5 < text.size() && text[pos + 5] == ' ') {
      int hour = 0;
      const std::size_t time_start = skip_spaces(text, pos + 5, 2);
      const std::size_t hour_digits = read_number(text, time_start, 2, hour);
      if (hour_digits > 0 && time_start + hour_digits < text.size() && text[time_start + hour_digits] == ':') {
        // Month first unless that cannot be a date.
        int month = first;
        int day = second;
        if (month > 12 && day <= 12) {
          std::swap(month, day);
        }
        if (valid_date(0, month, day)) {
          end = pos + 5;
          return CivilDate{0, month, day};
        }
      }
    }
  }
  // "May 12", "May 12th, 2025", "Feb 21"
  std::size_t after_month = 0;
  if (const auto month = read_month(text, pos, after_month)) {
    std::size_t cursor = skip_spaces(text, after_month, 2);
    int day = 0;
    const std::size_t day_digits = read_number(text, cursor, 2, day);
    if (day_digits > 0 && cursor > after_month) {
      cursor = skip_ordinal(text, cursor + day_digits);
      if (!at_boundary(text, cursor) || (cursor < text.size() && text[cursor] == ':')) {
        return std::nullopt;
      }
      end = cursor;
      int year = 0;
      std::size_t year_cursor = cursor;
      if (year_cursor < text.size() && text[year_cursor] == ',') {
        ++year_cursor;
      }
      year_cursor = skip_spaces(text, year_cursor, 2);
      int candidate = 0;
      if (read_number(text, year_cursor, 4, candidate) == 4 && at_boundary(text, year_cursor + 4) &&
          !(year_cursor + 4 < text.size() && text[year_cursor + 4] == ':')) {
        year = candidate;
        end = year_cursor + 4;
      }
      if (valid_date(year, *month, day)) {
        return CivilDate{year, *month, day};
      }
    }
    return std::nullopt;
  }
  // "12 May 2025", "19. April", "3rd of June"
  if (first_digits >= 1 && first_digits <= 2) {
    std::size_t cursor = skip_ordinal(text, pos + first_digits);
    if (cursor < text.size() && text[cursor] == '.') {
      ++cursor;
    }
    const std::size_t spaced = skip_spaces(text, cursor, 2);
    if (spaced == cursor) {
      return std::nullopt;
    }
    cursor = spaced;
    if (istarts_with(text.substr(cursor), "of ")) {
      cursor += 3;
    }
    if (const auto month = read_month(text, cursor, after_month)) {
      end = after_month;
      int year = 0;
      const std::size_t year_cursor = skip_spaces(text, after_month + (after_month < text.size() && text[after_month] == ',' ? 1 : 0), 2);
      int candidate = 0;
      if (year_cursor > after_month && read_number(text, year_cursor, 4, candidate) == 4 &&
          at_boundary(text, year_cursor + 4) &&
          !(year_cursor + 4 < text.size() && text[year_cursor + 4] == ':')) {
        year = candidate;
        end = year_cursor + 4;
      }
      if (valid_date(year, *month, first)) {
        return CivilDate{year, *month, first};
      }
    }
  }
  return std::nullopt;
}

// "am", "pm", "a.m.", "p.m." (any case), after optional spaces. Returns true for pm in `pm`.
bool read_meridiem(std::string_view text, std::size_t pos, std::size_t& end, bool& pm) {
  const std::size_t cursor = skip_spaces(text, pos, 1);
  if (cursor >= text.size()) {
    return false;
  }
  const std::string_view rest = text.substr(cursor);
  for (const std::string_view form : {"a.m.", "p.m.", "am", "pm"}) {
    if (istarts_with(rest, form) && (form.back() == '.' || at_boundary(text, cursor + form.size()))) {
      end = cursor + form.size();
      pm = rest[0] == 'p' || rest[0] == 'P';
      return true;
    }
  }
  // "3:15p", "11:02a": one letter, written on the digits.
  if (cursor == pos && (rest[0] == 'a' || rest[0] == 'p') && at_boundary(text, cursor + 1)) {
    end = cursor + 1;
    pm = rest[0] == 'p';
    return true;
  }
  return false;
}

struct ParsedTime {
  ClockTime time;
  Precision precision = Precision::minute;
  bool twelve_hour = false;
  bool unknown = false;
  bool approximate = false;
  bool dotted = false;  // "10.30": a point between hour and minute
  std::size_t end = 0;
};

// True when four digits ending at `pos` are the year of a date the reader could not take whole
// ("2022-05-?? HH:mm", "2021/22-??-??", a template's "2022-MM-DD"): a separator, then two digits,
// "??" or two letters, and no more digits. A compact range ("1430-1500") has four digits after
// its dash and stays a time.
bool continues_as_date(std::string_view text, std::size_t pos) {
  if (pos + 2 >= text.size() || (text[pos] != '-' && text[pos] != '/')) {
    return false;
  }
  const std::string_view next = text.substr(pos + 1, 2);
  const bool two_digits = is_ascii_digit(next[0]) && is_ascii_digit(next[1]);
  const bool unknown = next == "??";
  const bool placeholder = is_ascii_alpha(next[0]) && next[1] == next[0];  // "MM", "mm", "XX"
  const bool more_digits = pos + 3 < text.size() && is_ascii_digit(text[pos + 3]);
  return (two_digits || unknown || placeholder) && !more_digits;
}

// Times: 15:40, 9:21 PM, 00:55:03.120, 1600 (when allowed), 2pm, 14h, 14h30, ???, ??:??.
std::optional<ParsedTime> read_time(std::string_view text, std::size_t pos, bool compact,
                                    bool coarse) {
  ParsedTime parsed;
  const std::string_view rest = text.substr(pos);
  for (const std::string_view unknown : {"??:??", "???", "xx:xx", "--:--", "hh:mm"}) {
    if (util::iequals(rest.substr(0, unknown.size()), unknown)) {
      parsed.unknown = true;
      parsed.precision = Precision::unknown;
      parsed.end = pos + unknown.size();
      return parsed;
    }
  }
  int hour = 0;
  const std::size_t hour_digits = read_number(text, pos, 2, hour);
  if (hour_digits == 0) {
    if (coarse) {
      for (const auto& [word, approximate_hour] : k_day_words) {
        if (istarts_with(rest, word) && at_boundary(text, pos + word.size())) {
          parsed.time = {approximate_hour, -1, -1};
          parsed.precision = Precision::part_of_day;
          parsed.approximate = true;
          parsed.end = pos + word.size();
          return parsed;
        }
      }
    }
    return std::nullopt;
  }
  std::size_t cursor = pos + hour_digits;
  // "14:??": the hour is known, the minute not.
  if (text.substr(cursor, 3) == ":??" || util::iequals(text.substr(cursor, 3), ":mm") ||
      util::iequals(text.substr(cursor, 3), ":xx")) {
    parsed.unknown = true;
    parsed.precision = Precision::unknown;
    parsed.end = cursor + 3;
    return parsed;
  }
  // HH:MM[:SS[.fff]]
  if (cursor < text.size() && text[cursor] == ':') {
    int minute = 0;
    if (read_number(text, cursor + 1, 2, minute) != 2 ||
        (cursor + 3 < text.size() && is_ascii_digit(text[cursor + 3]))) {
      return std::nullopt;
    }
    cursor += 3;
    parsed.time = {hour, minute, -1};
    parsed.precision = Precision::minute;
    int second = 0;
    if (cursor < text.size() && text[cursor] == ':' && read_number(text, cursor + 1, 2, second) == 2) {
      cursor += 3;
      parsed.time.second = second;
      parsed.precision = Precision::second;
      if (cursor + 1 < text.size() && (text[cursor] == '.' || text[cursor] == ',') &&
          is_ascii_digit(text[cursor + 1])) {
        int fraction = 0;
        cursor += 1 + read_number(text, cursor + 1, 9, fraction);
      }
    }
    bool pm = false;
    std::size_t meridiem_end = 0;
    if (read_meridiem(text, cursor, meridiem_end, pm)) {
      if (hour > 12 && hour <= 23 && pm) {
        cursor = meridiem_end;  // "17:14pm": a 24-hour time with a needless PM
      } else if (hour < 1 || hour > 12) {
        return std::nullopt;
      } else {
        parsed.twelve_hour = true;
        parsed.time.hour = hour % 12 + (pm ? 12 : 0);
        cursor = meridiem_end;
      }
    } else if (!at_boundary(text, cursor) && text[cursor] != 'Z') {
      return std::nullopt;
    }
    if (hour > 23 || minute > 59 || parsed.time.second > 59) {
      return std::nullopt;
    }
    parsed.end = cursor;
    return parsed;
  }
  // "04.45 PM", "10.30": a point between hour and minute. Without AM/PM it may be a number, so
  // parse_at takes it only where the layout says a time stands or a zone follows.
  if (cursor < text.size() && text[cursor] == '.') {
    int minute = 0;
    const std::size_t after = cursor + 3;
    const bool decimal_goes_on = after + 1 < text.size() && text[after] == '.' && is_ascii_digit(text[after + 1]);
    if (read_number(text, cursor + 1, 2, minute) == 2 && at_boundary(text, after) && minute <= 59 && !decimal_goes_on) {
      bool pm = false;
      std::size_t meridiem_end = 0;
      if (read_meridiem(text, after, meridiem_end, pm) && hour >= 1 && hour <= 12) {
        parsed.time = {hour % 12 + (pm ? 12 : 0), minute, -1};
        parsed.twelve_hour = true;
        parsed.end = meridiem_end;
        return parsed;
      }
      if (hour_digits == 2 && hour <= 23) {
        parsed.time = {hour, minute, -1};
        parsed.dotted = true;
        parsed.end = after;
        return parsed;
      }
    }
    return std::nullopt;
  }
  // HHMM
  if (hour_digits == 2) {
    int minute = 0;
    if (read_number(text, cursor, 2, minute) == 2 && at_boundary(text, cursor + 2)) {
      const std::size_t after = cursor + 2;
      bool pm = false;
      std::size_t meridiem_end = 0;
      if (read_meridiem(text, after, meridiem_end, pm) && hour >= 1 && hour <= 12 && minute <= 59) {
        parsed.time = {hour % 12 + (pm ? 12 : 0), minute, -1};
        parsed.twelve_hour = true;
        parsed.end = meridiem_end;
        return parsed;
      }
      if (compact && hour <= 23 && minute <= 59 && !continues_as_date(text, after)) {
        parsed.time = {hour, minute, -1};
        parsed.end = after;
        return parsed;
      }
    }
  }
  // 2pm, 11 am
  {
    bool pm = false;
    std::size_t meridiem_end = 0;
    if (read_meridiem(text, cursor, meridiem_end, pm) && hour >= 1 && hour <= 12) {
      parsed.time = {hour % 12 + (pm ? 12 : 0), -1, -1};
      parsed.twelve_hour = true;
      parsed.precision = Precision::hour;
      parsed.end = meridiem_end;
      return parsed;
    }
  }
  // 14h, 14h30
  if (coarse && cursor < text.size() && text[cursor] == 'h' && hour <= 23) {
    int minute = 0;
    const std::size_t minute_digits = read_number(text, cursor + 1, 2, minute);
    if (minute_digits == 2 && minute <= 59 && at_boundary(text, cursor + 3)) {
      parsed.time = {hour, minute, -1};
      parsed.end = cursor + 3;
      return parsed;
    }
    if (minute_digits == 0 && at_boundary(text, cursor + 1)) {
      parsed.time = {hour, -1, -1};
      parsed.precision = Precision::hour;
      parsed.end = cursor + 1;
      return parsed;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Precision precision) {
  switch (precision) {
    case Precision::second: return "second";
    case Precision::minute: return "minute";
    case Precision::hour: return "hour";
    case Precision::part_of_day: return "part-of-day";
    case Precision::day: return "day";
    case Precision::unknown: break;
  }
  return "unknown";
}

std::optional<ZoneRef> TimeScanner::parse_zone_at(std::string_view text, std::size_t pos,
                                                  std::size_t& end, bool attached) const {
  if (pos >= text.size()) {
    return std::nullopt;
  }
  // Numeric offsets: +02:00, -0700, +01
  if (text[pos] == '+' || text[pos] == '-' || text.substr(pos, 3) == "\xE2\x88\x92") {
    const std::size_t sign_length = text[pos] == '+' || text[pos] == '-' ? 1 : 3;
    int hours = 0;
    const std::size_t hour_digits = read_number(text, pos + sign_length, 2, hours);
    if (hour_digits != 2) {
      return std::nullopt;
    }
    std::size_t cursor = pos + sign_length + 2;
    int minutes = 0;
    if (cursor < text.size() && text[cursor] == ':') {
      if (read_number(text, cursor + 1, 2, minutes) != 2) {
        return std::nullopt;
      }
      cursor += 3;
    } else if (read_number(text, cursor, 2, minutes) == 2) {
      cursor += 2;
    }
    if (!at_boundary(text, cursor) || hours > 14 || minutes > 59) {
      return std::nullopt;
    }
    const int sign = text[pos] == '+' ? 1 : -1;
    ZoneRef zone;
    zone.name = std::string(text.substr(pos, cursor - pos));
    zone.offset_minutes = sign * (hours * 60 + minutes);
    zone.utc = *zone.offset_minutes == 0;
    end = cursor;
    return zone;
  }
  if (!is_ascii_alpha(text[pos])) {
    return std::nullopt;
  }
  std::size_t cursor = pos;
  while (cursor < text.size() && is_ascii_alpha(text[cursor])) {
    ++cursor;
  }
  const std::string_view name = text.substr(pos, cursor - pos);
  if (name == "Z" && !attached) {
    return std::nullopt;
  }
  const ZoneInfo* info = m_vocabulary.zone(name);
  if (info == nullptr) {
    return std::nullopt;
  }
  ZoneRef zone;
  zone.name = std::string(name);
  zone.offset_minutes = info->offset_minutes;
  zone.utc = info->utc;
  zone.region = info->region;
  zone.ambiguous = info->ambiguous;
  // UTC+1, GMT-7, UTC+05:30
  if (info->utc && cursor < text.size() && (text[cursor] == '+' || text[cursor] == '-' ||
                                            text.substr(cursor, 3) == "\xE2\x88\x92")) {
    const std::size_t sign_length = text[cursor] == '+' || text[cursor] == '-' ? 1 : 3;
    int hours = 0;
    const std::size_t hour_digits = read_number(text, cursor + sign_length, 2, hours);
    if (hour_digits > 0 && hours <= 14) {
      std::size_t offset_end = cursor + sign_length + hour_digits;
      int minutes = 0;
      if (offset_end < text.size() && text[offset_end] == ':' &&
          read_number(text, offset_end + 1, 2, minutes) == 2) {
        offset_end += 3;
      }
      if (at_boundary(text, offset_end)) {
        const int sign = text[cursor] == '+' ? 1 : -1;
        zone.offset_minutes = sign * (hours * 60 + minutes);
        zone.utc = *zone.offset_minutes == 0;
        zone.region.clear();
        zone.name = std::string(text.substr(pos, offset_end - pos));
        cursor = offset_end;
      }
    }
  }
  if (!at_boundary(text, cursor)) {
    return std::nullopt;
  }
  end = cursor;
  return zone;
}

void TimeScanner::read_utc_equivalent(std::string_view text, TimeExpression& expression) const {
  std::size_t cursor = skip_spaces(text, expression.end, 2);
  if (cursor >= text.size() || (text[cursor] != '(' && text[cursor] != '/')) {
    return;
  }
  const bool parenthesised = text[cursor] == '(';
  cursor = skip_spaces(text, cursor + 1, 2);
  const auto time = read_time(text, cursor, /*compact=*/false, /*coarse=*/false);
  if (!time || time->unknown || time->dotted || time->precision < Precision::hour) {
    return;
  }
  std::size_t zone_end = 0;
  const std::size_t zone_start = skip_spaces(text, time->end, 1);
  const auto zone = parse_zone_at(text, zone_start, zone_end, zone_start == time->end);
  if (!zone || !zone->utc) {
    return;
  }
  const std::size_t close = skip_spaces(text, zone_end, 2);
  if (parenthesised && (close >= text.size() || text[close] != ')')) {
    return;
  }
  expression.utc_equivalent = time->time;
  expression.utc_begin = cursor;
  expression.utc_end = zone_end;
  expression.end = parenthesised ? close + 1 : zone_end;
}

std::optional<TimeExpression> TimeScanner::parse_at(std::string_view text, std::size_t pos,
                                                    ScanOptions options) const {
  TimeExpression expression;
  expression.begin = pos;
  std::size_t cursor = pos;
  bool bracketed = false;
  bool templated = false;  // "{{ 09:00 }}": a template's placeholder around a sample time
  if (cursor < text.size() && (text[cursor] == '[' || text[cursor] == '(')) {
    bracketed = true;
    ++cursor;
  } else if (text.substr(cursor, 2) == "{{") {
    templated = true;
    cursor = skip_spaces(text, cursor + 2, 2);
  }
  if (cursor < text.size() && text[cursor] == '~') {
    expression.approximate = true;
    cursor = skip_spaces(text, cursor + 1, 1);
  } else if (text.substr(cursor, 3) == "\xE2\x89\x88") {  // ≈
    expression.approximate = true;
    cursor = skip_spaces(text, cursor + 3, 1);
  } else {
    for (const std::string_view word : k_approximately) {
      if (istarts_with(text.substr(cursor), word)) {
        expression.approximate = true;
        cursor += word.size();
        break;
      }
    }
  }

  std::size_t date_end = 0;
  if (auto date = read_date(text, cursor, date_end)) {
    expression.date = date;
    expression.precision = Precision::day;
    expression.end = date_end;
    cursor = date_end;
    // Between a date and its time: "T", spaces, ", ", " at ", " - ".
    std::size_t time_start = cursor;
    if (time_start < text.size() && text[time_start] == 'T') {
      ++time_start;
    } else {
      if (time_start < text.size() && text[time_start] == ',') {
        ++time_start;
      }
      time_start = skip_spaces(text, time_start, 12);
      // "at 14:02", "@ 14:02", and the Nordic and German "kl 14:02", "kl. 14.02", "um 14:02",
      // perhaps after "ca" ("ca kl 07:25").
      for (const std::string_view about : {"ca. ", "ca ", "~"}) {
        if (istarts_with(text.substr(time_start), about)) {
          expression.approximate = true;
          time_start = skip_spaces(text, time_start + about.size(), 2);
          break;
        }
      }
      for (const std::string_view connector : {"at ", "@ ", "kl. ", "kl ", "um "}) {
        if (istarts_with(text.substr(time_start), connector)) {
          time_start = skip_spaces(text, time_start + connector.size(), 2);
          break;
        }
      }
    }
    if (time_start > cursor || (time_start < text.size() && text[time_start - 1] == 'T')) {
      if (auto time = read_time(text, time_start, /*compact=*/true, options.coarse_words)) {
        expression.time = time->time;
        expression.precision = time->precision;
        expression.twelve_hour = time->twelve_hour;
        expression.approximate = expression.approximate || time->approximate;
        expression.end = time->end;
        cursor = time->end;
      }
    }
  } else {
    auto time = read_time(text, cursor, /*compact=*/true, options.coarse_words);
    if (!time) {
      return std::nullopt;
    }
    // A bare four-digit number is a time only where the layout says so or a zone follows.
    const bool compact_form = (!time->unknown && time->end - cursor == 4 && !time->twelve_hour &&
                               time->precision == Precision::minute) ||
                              time->dotted;
    if (compact_form && !options.compact_time) {
      std::size_t zone_end = 0;
      const std::size_t zone_start = skip_spaces(text, time->end, 1);
      if (!parse_zone_at(text, zone_start, zone_end, zone_start == time->end)) {
        return std::nullopt;
      }
    }
    expression.time = time->time;
    expression.precision = time->precision;
    expression.twelve_hour = time->twelve_hour;
    expression.approximate = expression.approximate || time->approximate;
    expression.end = time->end;
    cursor = time->end;
  }

  // Ranges: "13:30-13:45", "14:00 – 14:30", "10:00 to 10:30"
  if (expression.time && expression.precision != Precision::unknown) {
    std::size_t range_cursor = skip_spaces(text, cursor, 1);
    std::size_t after_dash = range_cursor;
    if (range_cursor < text.size() && text[range_cursor] == '-') {
      after_dash = range_cursor + 1;
    } else if (text.substr(range_cursor, 3) == "\xE2\x80\x93" || text.substr(range_cursor, 3) == "\xE2\x80\x94") {
      after_dash = range_cursor + 3;
    } else if (istarts_with(text.substr(range_cursor), "to ")) {
      after_dash = range_cursor + 3;
    }
    if (after_dash > range_cursor) {
      const std::size_t end_start = skip_spaces(text, after_dash, 1);
      std::size_t date_probe = 0;
      if (!read_date(text, end_start, date_probe)) {
        if (auto range_end = read_time(text, end_start, false, false)) {
          if (!range_end->unknown && range_end->precision >= Precision::hour) {
            expression.range_end = range_end->time;
            if (range_end->twelve_hour && !expression.twelve_hour && expression.time->hour < 12 &&
                range_end->time.hour >= 12 && expression.time->hour + 12 <= range_end->time.hour) {
              expression.time->hour += 12;  // "11-1 pm" style ranges share the meridiem
            }
            cursor = range_end->end;
            expression.end = cursor;
          }
        }
      }
    }
  }

  // Zone: "Z", "+02:00", " UTC", " (CET)", "UTC+1"
  if (expression.time) {
    std::size_t zone_cursor = cursor;
    const bool attached = zone_cursor < text.size() && !util::is_space(text[zone_cursor]);
    zone_cursor = skip_spaces(text, zone_cursor, 1);
    bool parenthesised = false;
    if (zone_cursor < text.size() && text[zone_cursor] == '(') {
      parenthesised = true;
      ++zone_cursor;
    }
    std::size_t zone_end = 0;
    if (auto zone = parse_zone_at(text, zone_cursor, zone_end, attached && !parenthesised)) {
      if (!parenthesised || (zone_end < text.size() && text[zone_end] == ')')) {
        expression.zone = std::move(zone);
        expression.zone_begin = zone_cursor;
        expression.zone_end = zone_end;
        cursor = zone_end + (parenthesised ? 1 : 0);
        expression.end = cursor;
      }
    }
  }
  // "09:05 PDT (16:05 UTC)": the UTC equivalent written beside a local time.
  if (expression.time && !(expression.zone && expression.zone->utc)) {
    read_utc_equivalent(text, expression);
  }
  if (expression.approximate && expression.end < text.size() && istarts_with(text.substr(expression.end), "ish")) {
    expression.end += 3;
  }
  if (templated) {
    const std::size_t close = skip_spaces(text, expression.end, 2);
    if (text.substr(close, 2) == "}}") {
      expression.end = close + 2;
    }
  }
  if (bracketed && expression.end < text.size() && (text[expression.end] == ']' || text[expression.end] == ')')) {
    ++expression.end;
  }
  if (!at_boundary(text, expression.end) && text[expression.end - 1] != ']' &&
      text[expression.end - 1] != ')') {
    return std::nullopt;
  }
  return expression;
}

std::optional<TimeExpression> TimeScanner::find(std::string_view text, ScanOptions options) const {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (pos > 0 && util::is_word_byte(text[pos - 1])) {
      continue;
    }
    if (pos > 0 && (text[pos - 1] == '/' || text[pos - 1] == '#' || text[pos - 1] == '.' ||
                    text[pos - 1] == ':' || text[pos - 1] == '-' || text[pos - 1] == '=')) {
      continue;  // inside a URL, an anchor, a version or an identifier
    }
    if (!(is_ascii_digit(c) || c == '~' || c == '[' || c == '(' || c == '?' || (c >= 'A' && c <= 'Z') ||
          c == 'a' || c == 'c' || c == 'r' || (options.coarse_words && is_ascii_alpha(c)))) {
      continue;
    }
    if (auto expression = parse_at(text, pos, options)) {
      return expression;
    }
  }
  return std::nullopt;
}

std::string to_iso8601(const std::optional<CivilDate>& date, const std::optional<ClockTime>& time,
                       const std::optional<ZoneRef>& zone) {
  char buffer[64];
  std::string iso;
  if (date) {
    if (date->year > 0) {
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date->year, date->month, date->day);
    } else {
      std::snprintf(buffer, sizeof buffer, "--%02d-%02d", date->month, date->day);
    }
    iso += buffer;
  }
  if (time) {
    if (date) {
      iso += 'T';
    }
    std::snprintf(buffer, sizeof buffer, "%02d", time->hour);
    iso += buffer;
    if (time->minute >= 0) {
      std::snprintf(buffer, sizeof buffer, ":%02d", time->minute);
      iso += buffer;
      if (time->second >= 0) {
        std::snprintf(buffer, sizeof buffer, ":%02d", time->second);
        iso += buffer;
      }
    }
    if (zone && zone->offset_minutes && zone->ambiguous.empty()) {
      const int offset = *zone->offset_minutes;
      if (offset == 0) {
        iso += 'Z';
      } else {
        std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                      std::abs(offset) % 60);
        iso += buffer;
      }
    }
  }
  return iso;
}

std::int64_t days_since_epoch(const CivilDate& civil) {
  const date::sys_days days{date::year{civil.year} / date::month{static_cast<unsigned>(civil.month)} /
                            date::day{static_cast<unsigned>(civil.day)}};
  return days.time_since_epoch().count();
}

CivilDate civil_from_days(std::int64_t days) {
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace pmlint::document
