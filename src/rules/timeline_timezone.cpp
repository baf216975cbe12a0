#include <cstdio>

#include "document/zones.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/timeline_support.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"timeline", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "timeline-timezone",
    "A timeline timestamp that is not stated in UTC",
    R"md(## What it checks
Every timeline entry with a time of day: it must be in UTC, either on the entry (`14:02 UTC`,
`14:02Z`, `2024-05-14T14:02:00+00:00`, `GMT`) or declared once for the whole timeline ("All
times in UTC" under the heading, `## Timeline (UTC)`, a `Time (UTC)` column header, or
`timezone: UTC` in the front matter). An entry without any zone is reported, and so is an entry
in another zone or offset (CET, PST, BST, UTC+1, ...): the message gives its UTC equivalent,
taking daylight saving from the entry's date where it is known, and says when an abbreviation is
ambiguous (IST, CST, BST). For an entry that writes its own zone, the fix rewrites it in UTC.

## Why it matters
Stage 2 of the workflow asks for a UTC timeline. Responders, logs, dashboards and vendors sit in
different zones; a timeline in local time is misread across offsets and across daylight-saving
changes, and cannot be lined up with logs and graphs.

## Example
```markdown
## Timeline
All times in CET.

- 2024-07-10 14:02 errors start
- 14:06 PST pager fires
```

## Use instead
```markdown
## Timeline
All times in UTC.

- 2024-07-10 12:02 errors start
- 21:06 pager fires
```

## Options
None. Time-zone names and offsets are data in `rules/timeline.yaml`.
)md",
    Severity::error,
    k_tags,
    {},
    true,
};

std::string clock(int minutes_of_day, int second) {
  char buffer[40];  // room for any int, so the compiler can prove nothing is cut
  if (second >= 0) {
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", minutes_of_day / 60, minutes_of_day % 60, second);
  } else {
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes_of_day / 60, minutes_of_day % 60);
  }
  return buffer;
}

class TimelineTimezone final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    for (const auto& entry : document.timeline()) {
      if (!entry.time || entry.precision < document::Precision::hour || entry.utc_equivalent) {
        continue;  // dates alone, "???" and "afternoon" have no clock to convert; "(16:05 UTC)" is given
      }
      if (!entry.zone) {
        context.report(entry.time_span, "timestamp '" + written(document, entry) +
                                            "' has no time zone; declare 'All times in UTC' once for the timeline, "
                                            "or write UTC on the entry");
        continue;
      }
      if (entry.zone->utc) {
        continue;
      }
      report_other_zone(context, entry);
    }
  }

 private:
  static void report_other_zone(Context& context, const document::TimelineEntry& entry) {
    const auto& document = context.document();
    const document::ZoneRef& zone = *entry.zone;
    const std::string shown = written(document, entry);
    const std::string declared = entry.zone_source == document::ZoneSource::declared
                                     ? " (declared for the timeline)"
                                     : "";
    const auto offset = document::resolve_offset(zone, entry.date, *entry.time);
    if (!offset) {
      context.report(entry.time_span, "timestamp '" + shown + "' is in " + zone.name + declared + ", not UTC");
      return;
    }
    int utc_minutes = entry.time->minutes_of_day() - offset->minutes;
    int day_shift = 0;
    while (utc_minutes < 0) {
      utc_minutes += 1440;
      --day_shift;
    }
    while (utc_minutes >= 1440) {
      utc_minutes -= 1440;
      ++day_shift;
    }
    std::string utc = clock(utc_minutes, entry.time->second) + " UTC";
    const bool dated = entry.date && entry.date->year > 0;
    if (day_shift != 0) {
      if (dated) {
        const auto day = document::civil_from_days(document::days_since_epoch(*entry.date) + day_shift);
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", day.year, day.month, day.day);
        utc = std::string(buffer) + " " + utc;
      } else {
        utc += day_shift > 0 ? " the next day" : " the day before";
      }
    }
    std::string message = "timestamp '" + shown + "' is in " + zone.name + declared + ", not UTC: it is " + utc;
    if (!zone.ambiguous.empty()) {
      message += ", reading " + zone.name + " as " + document::describe_offset(offset->minutes) + "; " + zone.name +
                 " is ambiguous (it is also " + zone.ambiguous + ")";
    } else if (offset->differs_from_name) {
      message += " (daylight saving: on that date " + zone.name + " time is " +
                 document::describe_offset(offset->minutes) + ")";
    } else if (!dated && !zone.offset_minutes) {
      message += " (assuming " + document::describe_offset(offset->minutes) + "; no date is known)";
    }
    std::optional<engine::Fix> fix;
    // The fix rewrites a timestamp that names its own zone, when the conversion is certain.
    if (entry.zone_source == document::ZoneSource::entry && zone.ambiguous.empty() &&
        (day_shift == 0 || dated)) {
      std::string replacement = clock(utc_minutes, entry.time->second) + " UTC";
      const std::string_view written_text = entry.time_span.of(document.source());
      const bool has_date = entry.date && !entry.date_carried;
      if (has_date) {
        if (!dated) {
          replacement.clear();
        } else {
          const auto day = document::civil_from_days(document::days_since_epoch(*entry.date) + day_shift);
          char buffer[16];
          std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d ", day.year, day.month, day.day);
          replacement = buffer + replacement;
        }
      }
      const bool plain = !written_text.empty() && util::is_ascii_digit(written_text.front()) &&
                         written_text.find_first_of("[]()~\n") == std::string_view::npos;
      if (!replacement.empty() && !entry.range_end && plain) {
        fix = engine::Fix{"Write " + quote(written_text, 40) + " as " + replacement, {{entry.time_span, replacement}}};
      }
    }
    context.report(entry.time_span, message, std::move(fix));
  }
};

}  // namespace

engine::RegisteredRule timeline_timezone() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<TimelineTimezone>(); }};
}

}  // namespace pmlint::rules
