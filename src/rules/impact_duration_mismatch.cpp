#include <algorithm>
#include <cstdlib>

#include "rules/common.hpp"
#include "rules/impact_support.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "rules/timeline_support.hpp"
#include "util/regex.hpp"

namespace pmlint::rules {

namespace {

using document::Milestone;

constexpr std::array<std::string_view, 2> k_tags = {"impact", "stage-2-timeline-impact"};

constexpr RuleInfo k_info{
    "impact-duration-mismatch",
    "A duration stated in the summary or impact disagrees with the timeline",
    R"md(## What it checks
A duration the summary or Impact section states for the incident ("the outage lasted 47
minutes", "impact of about 2 hours") against the timeline: from the entry explicitly marked as
the start (a `**START**` tag, a "Fault occurs" or "Impact began" label, a Milestone column) to the
entry marked as the resolution. A difference of more than 10% and more than 5 minutes is
reported. Durations of other things ("the migration took 33 minutes") are not compared: only
sentences about the outage, incident, impact or downtime, and not bounds ("at most 16 hours", "at
least seven hours") or estimates of an unknown length.

## Why it matters
Stage 2 of the workflow ends when the customer communication aligns with the facts. When the
summary says 30 minutes and the timeline shows 70, one of them is wrong, and whichever readers
trust, the report loses credibility.

## Example
```markdown
The outage lasted 20 minutes.
...
- 14:02 **START** errors begin
- 14:49 **RESOLVED** error rate back to baseline
```

## Use instead
```markdown
The outage lasted 47 minutes.
```

## Options
None.
)md",
    Severity::warning,
    k_tags,
};

class ImpactDurationMismatch final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void check(Context& context) const override {
    const auto& document = context.document();
    const auto actual = timeline_duration(document);
    if (!actual) {
      return;
    }
    const auto stated = stated_duration(document);
    if (!stated) {
      return;
    }
    const auto& [duration, span] = *stated;
    const long long tolerance = std::max<long long>(5, actual->minutes / 10);
    const bool within = actual->minutes >= duration.minutes - tolerance && actual->minutes <= duration.max_minutes + tolerance;
    if (within) {
      return;
    }
    context.report(span, "the stated duration '" + quote(duration.text) + "' disagrees with the timeline, which runs " +
                             describe_minutes(actual->minutes) + " from '" + written(document, *actual->from) + "' to '" +
                             written(document, *actual->to) + "'");
  }

 private:
  struct Measured {
    long long minutes;
    const document::TimelineEntry* from;
    const document::TimelineEntry* to;
  };

  static std::optional<Measured> timeline_duration(const document::Document& document) {
    const auto& entries = document.timeline();
    // Only milestones marked explicitly: wording alone is too loose to measure with.
    auto first = [&](Milestone milestone) -> const document::TimelineEntry* {
      const auto it = std::find_if(entries.begin(), entries.end(), [&](const document::TimelineEntry& entry) {
        return entry.milestone == milestone && entry.milestone_explicit;
      });
      return it == entries.end() ? nullptr : &*it;
    };
    const auto* from = first(Milestone::start);
    const auto* to = first(Milestone::resolution);
    if (from == nullptr || to == nullptr) {
      return std::nullopt;
    }
    const bool in_utc = from->zone.has_value() && to->zone.has_value();
    const auto minutes = minutes_between(moment_of(*from, in_utc), moment_of(*to, in_utc));
    if (!minutes || *minutes <= 0) {
      return std::nullopt;
    }
    return Measured{*minutes, from, to};
  }

  [[nodiscard]] std::optional<std::pair<StatedDuration, ByteSpan>> stated_duration(const document::Document& document) const {
    static const re2::RE2 uncertain(
        R"((?i)\b(?:at most|at maximum|at max|at least|up to|unknown|bounded|more than|less than|over|under|nearly|almost)\b)");
    std::vector<const document::Section*> sections = document.sections_of(SectionKind::summary);
    const auto impact = document.sections_of(SectionKind::impact);
    sections.insert(sections.end(), impact.begin(), impact.end());
    const std::string_view prose = document.prose();
    for (const auto* block : blocks_of(document, sections)) {
      for (const ByteSpan sentence : sentences_in(prose, block->span)) {
        const std::string_view text = sentence.of(prose);
        if (!m_patterns.duration_subject().contains(prose, document.words_in(sentence)) || util::search(uncertain, text)) {
          continue;
        }
        if (auto duration = m_patterns.first_duration(text)) {
          return std::make_pair(*duration, document::span_of(prose, duration->text));
        }
      }
    }
    return std::nullopt;
  }

  const ImpactPatterns& m_patterns = ImpactPatterns::shared();
};

}  // namespace

engine::RegisteredRule impact_duration_mismatch() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<ImpactDurationMismatch>(); }};
}

}  // namespace pmlint::rules
