#pragma once

#include <optional>
#include <string>

#include "document/timestamp.hpp"

namespace pmlint::document {

// The offset from UTC, in minutes, in force for a time written in `zone`. A zone with a region
// (CET -> Europe/Paris, PT -> America/Los_Angeles) follows that region's daylight-saving rules
// when the date is known; otherwise, and for numeric offsets, the zone's own offset applies.
struct ResolvedOffset {
  int minutes = 0;
  bool from_region = false;    // daylight saving rules of the region decided it
  bool differs_from_name = false;  // the abbreviation names another offset (PST in July)
};
std::optional<ResolvedOffset> resolve_offset(const ZoneRef& zone, const std::optional<CivilDate>& date,
                                             const ClockTime& time);

// "UTC+1", "UTC-7", "UTC+5:30".
std::string describe_offset(int minutes);

}  // namespace pmlint::document
