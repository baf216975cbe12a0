#include "rules/timeline_support.hpp"

#include "document/zones.hpp"
#include "rules/common.hpp"

namespace pmlint::rules {

Moment moment_of(const document::TimelineEntry& entry, bool in_utc) {
  Moment moment;
  if (entry.date) {
    if (entry.date->year > 0) {
      moment.day = document::days_since_epoch(*entry.date);
      moment.day_has_year = true;
    } else {
      moment.day = entry.date->month * 31LL + entry.date->day;
    }
  }
  if (entry.time && entry.precision >= document::Precision::hour) {
    int minute = entry.time->minutes_of_day();
    if (entry.utc_equivalent && in_utc) {
      // "23:30 PDT (06:30 UTC)": the UTC time as written; the day moves when the two are more
      // than half a day apart.
      const int utc = entry.utc_equivalent->minutes_of_day();
      moment.minute = utc;
      if (moment.day && utc - minute < -720) {
        ++*moment.day;
      } else if (moment.day && utc - minute > 720) {
        --*moment.day;
      }
      return moment;
    }
    if (entry.zone && in_utc) {
      if (const auto offset = document::resolve_offset(*entry.zone, entry.date, *entry.time)) {
        minute -= offset->minutes;
        if (moment.day) {
          while (minute < 0) {
            minute += 1440;
            --*moment.day;
          }
          while (minute >= 1440) {
            minute -= 1440;
            ++*moment.day;
          }
        }
      }
    }
    moment.minute = minute;
  }
  return moment;
}

std::optional<long long> compare_moments(const Moment& a, const Moment& b) {
  if (a.day.has_value() != b.day.has_value()) {
    return std::nullopt;
  }
  if (a.day && a.day_has_year != b.day_has_year) {
    return std::nullopt;
  }
  const long long days = a.day ? (*a.day - *b.day) * 1440 : 0;
  if (!a.minute || !b.minute) {
    return a.day ? std::optional<long long>(days) : std::nullopt;
  }
  return days + *a.minute - *b.minute;
}

std::optional<long long> compare_entries(const document::TimelineEntry& a, const document::TimelineEntry& b) {
  const bool both_zoned = (a.zone.has_value() || a.utc_equivalent) && (b.zone.has_value() || b.utc_equivalent);
  return compare_moments(moment_of(a, both_zoned), moment_of(b, both_zoned));
}

std::optional<long long> minutes_between(const Moment& a, const Moment& b) {
  if (!a.minute || !b.minute) {
    return std::nullopt;
  }
  if (a.day && b.day && a.day_has_year == b.day_has_year) {
    return (*b.day - *a.day) * 1440 + *b.minute - *a.minute;
  }
  if (!a.day && !b.day) {
    return static_cast<long long>(*b.minute) - *a.minute;
  }
  return std::nullopt;
}

std::string written(const document::Document& document, const document::TimelineEntry& entry) {
  // The source, not the prose view: a time may be inline code ("`16:20`"), which prose blanks.
  return quote(entry.time_span.of(document.source()), 40);
}

std::string describe_minutes(long long minutes) {
  if (minutes < 60) {
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
  }
  if (minutes < 1440) {
    const long long rest = minutes % 60;
    return std::to_string(minutes / 60) + " h" + (rest ? " " + std::to_string(rest) + " min" : "");
  }
  const long long hours = (minutes % 1440) / 60;
  return std::to_string(minutes / 1440) + (minutes / 1440 == 1 ? " day" : " days") +
         (hours ? " " + std::to_string(hours) + " h" : "");
}

}  // namespace pmlint::rules
