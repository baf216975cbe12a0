#include <cstdio>
#include <cstdlib>

#include "document/timestamp.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/phrase_matcher.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 2> k_tags = {"follow-up", "stage-6-communication"};

constexpr RuleInfo k_info{
    "follow-up-missing",
    "No follow-up review scheduled about 30 or 60 days after the incident",
    R"md(## What it checks
That the postmortem schedules a review of its action items: a `follow-up` (or "Follow-up review",
"Review date") field in the metadata, a Follow-up section with a date in it, or a sentence about a
follow-up review with a date. When the incident date is known (front matter `date`, else the
first dated timeline entry), at least one such date should fall about 30 or 60 days after it
(within 7 days either way).

## Why it matters
Stage 6 of the workflow closes with a review of completion at 30 and 60 days. Action items decay:
without a date on which someone looks again, the urgent ones slip behind new work and the
incident recurs with its fixes half done.

## Example
```markdown
## Follow-up
We will check on the action items later.
```

## Use instead
```markdown
---
date: 2024-05-14
follow-up: 2024-06-13
---
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

std::string iso(const document::CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

struct FollowUpDate {
  document::CivilDate date;
  ByteSpan span;
};

class FollowUpMissing final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto dates = follow_up_dates(document);
    if (dates.empty()) {
      const auto* section = document.first_section(SectionKind::follow_up);
      context.report(section != nullptr ? section->heading : document_anchor(document),
                     "no follow-up review scheduled; add a review date about 30 or 60 days after the incident");
      return;
    }
    const auto incident = document.incident_date();
    if (!incident) {
      return;
    }
    const auto incident_day = document::days_since_epoch(*incident);
    for (const auto& date : dates) {
      const long long days = document::days_since_epoch(date.date) - incident_day;
      if (std::llabs(days - 30) <= 7 || std::llabs(days - 60) <= 7) {
        return;
      }
    }
    const long long days = document::days_since_epoch(dates.front().date) - incident_day;
    context.report(dates.front().span, "follow-up review on " + iso(dates.front().date) + " is " + std::to_string(days) +
                                           " days after the incident (" + iso(*incident) +
                                           "); schedule it about 30 or 60 days after");
  }

 private:
  static void dates_in(const document::Document& document, ByteSpan span, std::vector<FollowUpDate>& dates) {
    const document::TimeScanner scanner(document.vocabulary());
    const std::string_view prose = document.prose();
    std::size_t from = span.begin;
    while (from < span.end) {
      const auto found = scanner.find(prose.substr(from, span.end - from));
      if (!found) {
        return;
      }
      if (found->date && found->date->year > 0) {
        dates.push_back({*found->date, {static_cast<std::uint32_t>(from + found->begin), static_cast<std::uint32_t>(from + found->end)}});
      }
      from += found->end;
    }
  }

  static std::vector<FollowUpDate> follow_up_dates(const document::Document& document) {
    std::vector<FollowUpDate> dates;
    for (const auto& entry : document.metadata()) {
      if (entry.key != "follow_up") {
        continue;
      }
      const document::TimeScanner scanner(document.vocabulary());
      for (const auto& value : entry.values.empty() ? std::vector<std::string>{entry.value} : entry.values) {
        if (const auto found = scanner.find(value); found && found->date && found->date->year > 0) {
          dates.push_back({*found->date, entry.value_span});
        }
      }
    }
    for (const auto* section : document.sections_of(SectionKind::follow_up)) {
      dates_in(document, section->body, dates);
    }
    // "A follow-up review is scheduled for 2023-08-07" anywhere else.
    static const util::PhraseMatcher review(
        std::vector<std::string>{"follow up", "followup", "30 day", "60 day", "review meeting", "action item review"});
    const std::string_view prose = document.prose();
    for (const auto& block : document.blocks()) {
      if (block.kind != document::BlockKind::paragraph || block.quoted ||
          document.within(block.span.begin, SectionKind::follow_up)) {
        continue;
      }
      if (!review.contains(prose, document.words_of(block))) {
        continue;  // most blocks say nothing of a review: skip splitting them
      }
      for (const ByteSpan sentence : sentences_in(prose, block.span)) {
        if (review.contains(prose, document.words_in(sentence))) {
          dates_in(document, sentence, dates);
        }
      }
    }
    return dates;
  }
};

}  // namespace

engine::RegisteredRule follow_up_missing() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<FollowUpMissing>(); }};
}

}  // namespace pmlint::rules
