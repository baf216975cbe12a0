#include <algorithm>
#include <array>

#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/timeline_support.hpp"

namespace pmlint::rules {

namespace {

using document::Milestone;

constexpr std::array<std::string_view, 2> k_tags = {"timeline", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "timeline-milestones",
    "The timeline does not show when the incident started, was detected, mitigated and resolved",
    R"md(## What it checks
That the timeline marks the four milestones of an incident: when it started (impact began),
when it was detected (alert fired, paged, reported), when it was mitigated (rolled back,
restarted, failed over) and when it was resolved. A milestone is found from a Milestone or Phase
column, a bold tag (`**OUTAGE BEGINS**`, `**DETECTED**`), a label (`First detected:`,
`Repaired:`) or any of the entry's wording ("User reports back that the fix works" shows both a
report and the resolution); the phrases are data in `rules/timeline.yaml`. A resolution
also stands for the mitigation when no separate mitigation is marked, and a timeline that opens,
before the detection, with an entry that marks no other milestone opens with the start (the
trigger: "config change deployed", "pipeline failed"). Explicitly marked
milestones are also checked for order: detected before it started, or resolved before it was
mitigated, is reported.

## Why it matters
Stage 2 of the workflow separates start, detection, mitigation and resolution: the gaps between
them (time to detect, time to mitigate) are what the action items should shrink. A timeline that
does not mark them cannot be measured.

## Example
```markdown
- 14:06 on-call looks at dashboards
- 14:38 config change reverted
```

## Use instead
```markdown
- 14:02 **START** checkout 5xx rate rises above 2%
- 14:06 **DETECTED** 5xx alert pages the on-call
- 14:38 **MITIGATED** config change reverted
- 14:49 **RESOLVED** error rate back to baseline
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class TimelineMilestones final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto& entries = document.timeline();
    if (entries.empty()) {
      return;
    }
    const auto sections = document.sections_of(SectionKind::timeline);
    const ByteSpan anchor = sections.empty() ? entries.front().time_span : sections.front()->heading;
    auto first = [&](Milestone milestone, bool explicit_only) -> const document::TimelineEntry* {
      const auto it = std::find_if(entries.begin(), entries.end(), [&](const document::TimelineEntry& entry) {
        return entry.milestone == milestone && (!explicit_only || entry.milestone_explicit);
      });
      return it == entries.end() ? nullptr : &*it;
    };
    const std::array<std::pair<Milestone, const char*>, 4> wanted = {{
        {Milestone::start, "when the incident started (impact began)"},
        {Milestone::detection, "when the incident was detected"},
        {Milestone::mitigation, "when the incident was mitigated"},
        {Milestone::resolution, "when the incident was resolved"},
    }};
    auto mentioned = [&](Milestone milestone) {
      return std::any_of(entries.begin(), entries.end(), [&](const document::TimelineEntry& entry) {
        return (entry.milestones_mentioned & (1U << static_cast<unsigned>(milestone))) != 0;
      });
    };
    for (const auto& [milestone, what] : wanted) {
      if (mentioned(milestone)) {
        continue;
      }
      if (milestone == Milestone::start && implicit_start(entries, first(Milestone::detection, false))) {
        continue;
      }
      if (milestone == Milestone::mitigation && mentioned(Milestone::resolution)) {
        continue;  // resolved without a separate mitigation step
      }
      context.report(anchor, std::string("the timeline does not show ") + what);
    }
    report_order(context, first(Milestone::start, true), first(Milestone::detection, true), "detected",
                 "started");
    report_order(context, first(Milestone::mitigation, true), first(Milestone::resolution, true), "resolved",
                 "mitigated");
  }

 private:
  // A timeline that opens, before anything is detected, with an entry no other milestone
  // claims ("A user account deleted", "Pipeline failed") opens with the start.
  static bool implicit_start(const std::vector<document::TimelineEntry>& entries,
                             const document::TimelineEntry* detection) {
    const auto& opening = entries.front();
    if (opening.milestone != Milestone::none || &opening == detection) {
      return false;
    }
    if (detection == nullptr) {
      return true;
    }
    const auto order = compare_entries(opening, *detection);
    return order && *order <= 0;
  }

  // Reports `later` when it is marked before `earlier`.
  static void report_order(Context& context, const document::TimelineEntry* earlier,
                           const document::TimelineEntry* later, const char* later_word, const char* earlier_word) {
    if (earlier == nullptr || later == nullptr) {
      return;
    }
    const auto order = compare_entries(*later, *earlier);
    if (order && *order < 0) {
      const auto& document = context.document();
      context.report(later->time_span, std::string("the timeline has the incident ") + later_word + " at '" +
                                           written(document, *later) + "', before it " + earlier_word + " at '" +
                                           written(document, *earlier) + "'");
    }
  }
};

}  // namespace

engine::RegisteredRule timeline_milestones() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<TimelineMilestones>(); }};
}

}  // namespace pmlint::rules
