#include "document/zones.hpp"

#include <date/tz.h>

#include <cstdio>
#include <cstdlib>

namespace pmlint::document {

namespace {

// The time-zone database is read on first use. Taking it through a function-local static here,
// rather than letting each worker thread reach date's own lazy start-up, makes every thread see
// the database fully built: our guard is the synchronisation point, and ThreadSanitizer can see
// it (it cannot see the one inside the uninstrumented libdate-tz, and reported a race there).
const date::time_zone* locate_region(const std::string& name) {
  [[maybe_unused]] static const date::tzdb& database = date::get_tzdb();
  return date::locate_zone(name);
}

}  // namespace

std::optional<ResolvedOffset> resolve_offset(const ZoneRef& zone, const std::optional<CivilDate>& date,
                                             const ClockTime& time) {
  if (zone.utc) {
    return ResolvedOffset{0, false, false};
  }
  if (!zone.region.empty() && date && date->year > 0) {
    try {
      const date::time_zone* region = locate_region(zone.region);
      const auto day = date::local_days{date::year{date->year} / date::month{static_cast<unsigned>(date->month)} /
                                        date::day{static_cast<unsigned>(date->day)}};
      const auto local = date::local_seconds{day} + std::chrono::minutes{time.minutes_of_day()};
      const auto info = region->get_info(local);
      const auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.first.offset).count();
      ResolvedOffset resolved{static_cast<int>(offset), true, false};
      resolved.differs_from_name = zone.offset_minutes && *zone.offset_minutes != resolved.minutes;
      return resolved;
    } catch (const std::exception&) {
      // No time-zone database entry: fall back to the abbreviation's own offset.
    }
  }
  if (zone.offset_minutes) {
    return ResolvedOffset{*zone.offset_minutes, false, false};
  }
  if (!zone.region.empty()) {
    // No date: the region's standard (winter) offset, from January of a recent year.
    try {
      const date::time_zone* region = locate_region(zone.region);
      const auto info = region->get_info(date::sys_days{date::year{2024} / date::January / 15});
      return ResolvedOffset{static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count()),
                            true, false};
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

std::string describe_offset(int minutes) {
  if (minutes == 0) {
    return "UTC";
  }
  char buffer[32];
  const int hours = std::abs(minutes) / 60;
  const int rest = std::abs(minutes) % 60;
  if (rest == 0) {
    std::snprintf(buffer, sizeof buffer, "UTC%c%d", minutes < 0 ? '-' : '+', hours);
  } else {
    std::snprintf(buffer, sizeof buffer, "UTC%c%d:%02d", minutes < 0 ? '-' : '+', hours, rest);
  }
  return buffer;
}

}  // namespace pmlint::document
