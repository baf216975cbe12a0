#include <doctest/doctest.h>

#include "document/timestamp.hpp"
#include "engine/packs.hpp"

namespace pmlint::document {

namespace {

std::optional<TimeExpression> at_start(std::string_view text, ScanOptions options = {}) {
  const TimeScanner scanner(engine::builtin_vocabulary());
  return scanner.parse_at(text, 0, options);
}

std::string iso(std::string_view text, ScanOptions options = {}) {
  const auto expression = at_start(text, options);
  REQUIRE_MESSAGE(expression, "no time expression in '" << text << "'");
  return to_iso8601(expression->date, expression->time, expression->zone);
}

}  // namespace

TEST_CASE("TimeScanner reads the timestamp forms of real timelines") {
  CHECK(iso("2021-12-10   15:40 | We became aware") == "2021-12-10T15:40");
  CHECK(iso("2019-10-20T00:55:00Z crate builds") == "2019-10-20T00:55:00Z");
  CHECK(iso("12:32 UTC – text") == "12:32Z");
  CHECK(iso("2:54 PM PST: merged") == "14:54-08:00");
  CHECK(iso("09:21 PM") == "21:21");
  CHECK(iso("12:49 PM") == "12:49");
  CHECK(iso("12:05 AM") == "00:05");
  CHECK(iso("[13:26] text") == "13:26");
  CHECK(iso("2023-06-06 10:23 - User reported") == "2023-06-06T10:23");
  CHECK(iso("2025-01-14 1600") == "2025-01-14T16:00");
  CHECK(iso("May 12") == "--05-12");
  CHECK(iso("July 14, 2025, 11:20 AM") == "2025-07-14T11:20");
  CHECK(iso("19. April, 11:00") == "--04-19T11:00");
  CHECK(iso("24/07/25") == "2025-07-24");
  CHECK(iso("[03-26 23:04] node drained") == "--03-26T23:04");
  CHECK(iso("Wednesday, 2023-01-25 at 09:15 UTC") == "2023-01-25T09:15Z");
  CHECK(iso("14:02 UTC+1") == "14:02+01:00");
  CHECK(iso("14:02 (CET)") == "14:02+01:00");
  CHECK(iso("2024-03-05T14:02:00+02:00") == "2024-03-05T14:02:00+02:00");
}

TEST_CASE("TimeScanner records precision, approximation, ranges and unknown times") {
  SUBCASE("approximate range") {
    const auto expression = at_start("~13:30-13:45");
    REQUIRE(expression);
    CHECK(expression->approximate);
    REQUIRE(expression->range_end);
    CHECK(expression->range_end->minute == 45);
    CHECK(expression->precision == Precision::minute);
  }
  SUBCASE("seconds") { CHECK(at_start("10:01:02")->precision == Precision::second); }
  SUBCASE("hour only") { CHECK(at_start("2pm")->precision == Precision::hour); }
  SUBCASE("hour mark") { CHECK(at_start("14h", {false, true})->precision == Precision::hour); }
  SUBCASE("part of day") { CHECK(at_start("morning", {false, true})->precision == Precision::part_of_day); }
  SUBCASE("date alone") { CHECK(at_start("2019-01-22")->precision == Precision::day); }
  SUBCASE("unknown time") { CHECK(at_start("[???] something")->precision == Precision::unknown); }
}

TEST_CASE("TimeScanner does not read numbers that are not times") {
  CHECK_FALSE(at_start("1.24.0 was released"));
  CHECK_FALSE(at_start("2200 users"));
  CHECK_FALSE(at_start("10-20 minutes"));
  CHECK_FALSE(at_start("3 engineers"));
  CHECK_FALSE(at_start("25:00"));
  CHECK_FALSE(at_start("may be"));
  // A bare four-digit number is a time only where the layout says so.
  CHECK(at_start("1600", {true, false}));
  CHECK(at_start("1600 UTC"));
  // Nor is the year of a date whose month or day is unknown, even with a zone-like "-05" after it.
  CHECK_FALSE(at_start("2022-05-?? HH:mm"));
  CHECK_FALSE(at_start("2021/22-?\?-?? HH:mm", {true, false}));
  // Four digits after the dash are a second time, not a month: the first stays a time.
  CHECK(iso("1430-1500", {true, false}) == "14:30");
}

TEST_CASE("TimeScanner::find skips identifiers, versions and URLs") {
  const TimeScanner scanner(engine::builtin_vocabulary());
  CHECK_FALSE(scanner.find("see issues/2024-01-05 and v1.2:30"));
  const auto found = scanner.find("The deploy at 14:02 UTC failed");
  REQUIRE(found);
  CHECK(found->begin == 14);
}

TEST_CASE("days_since_epoch and civil_from_days are inverse") {
  const CivilDate date{2024, 2, 29};
  CHECK(civil_from_days(days_since_epoch(date)) == date);
  CHECK(civil_from_days(days_since_epoch(date) + 1) == CivilDate{2024, 3, 1});
}

}  // namespace pmlint::document

namespace pmlint::document {

TEST_CASE("TimeScanner reads the shapes of other teams' timelines") {
  CHECK(iso("3:15p alarm") == "15:15");
  CHECK(iso("11:02a paged") == "11:02");
  CHECK(iso("04.45 PM restarted") == "16:45");
  CHECK(iso("17:14pm") == "17:14");
  CHECK(iso("{{ 09:00 }} sample") == "09:00");
  CHECK(iso("24.05.2023 kl 01:09 : timeout") == "2023-05-24T01:09");
  CHECK(iso("2018-07-08 ca. 18:30") == "2018-07-08T18:30");
  CHECK(iso("16:37 Denver - plugins") == "16:37");
  const auto city = at_start("16:37 Denver");
  REQUIRE(city);
  REQUIRE(city->zone);
  CHECK(city->zone->region == "America/Denver");
  // A point between hour and minute is a time only where a time stands or a zone follows.
  CHECK(iso("10.30 consumers drained", {true, false}) == "10:30");
  CHECK_FALSE(at_start("10.30 consumers drained"));
  CHECK(iso("10.30 UTC consumers drained") == "10:30Z");
  CHECK_FALSE(at_start("1.25.3 released", {true, false}));
  // A template's date placeholder is no time of day.
  CHECK_FALSE(at_start("2022-MM-DD", {true, false}));
  const auto unknown_minutes = at_start("14:??");
  REQUIRE(unknown_minutes);
  CHECK(unknown_minutes->precision == Precision::unknown);
}

TEST_CASE("TimeScanner reads the UTC equivalent written beside a local time") {
  const auto expression = at_start("09:05 PDT (16:05 UTC) cache evicted");
  REQUIRE(expression);
  CHECK(expression->zone->name == "PDT");
  REQUIRE(expression->utc_equivalent);
  CHECK(expression->utc_equivalent->minutes_of_day() == 16 * 60 + 5);
  CHECK(expression->end == std::string_view("09:05 PDT (16:05 UTC)").size());
  const auto slashed = at_start("09:05 / 16:05 UTC");
  REQUIRE(slashed);
  CHECK(slashed->utc_equivalent);
  const auto other_zone = at_start("09:05 PDT (16:05 CET)");
  REQUIRE(other_zone);
  CHECK_FALSE(other_zone->utc_equivalent);
}

TEST_CASE("TimeScanner takes only days that exist") {
  const auto no_date = [](std::string_view text) {
    const auto expression = at_start(text);
    return !expression || !expression->date;
  };
  CHECK(no_date("2024-02-30 23:30 PST"));
  CHECK(no_date("April 31"));
  CHECK(no_date("2023-02-29"));
  CHECK(iso("2024-02-29") == "2024-02-29");
  CHECK(iso("Feb 29") == "--02-29");
  CHECK(iso("31.12.2023") == "2023-12-31");
}

}  // namespace pmlint::document
