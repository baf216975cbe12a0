#include "engine/options.hpp"
#include "engine/packs.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/phrase_matcher.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 3> k_tags = {"action-items", "detection", "stage-5-action-items"};

constexpr std::array<engine::OptionSpec, 1> k_options = {{
    {"metric_words", engine::OptionSpec::Kind::string_list, "[]",
     "More words that name a metric or signal (your SLI names, for instance)."},
}};

constexpr RuleInfo k_info{
    "monitoring-without-metric",
    "\"Add monitoring / alerting / a dashboard\" without a named metric, SLI, query or threshold",
    R"md(## What it checks
Action items that promise monitoring ("add monitoring", "improve alerting", "add an alert", "add
a dashboard", "add observability") without saying what to watch: no metric or signal word
(latency, error rate, 5xx, CPU, disk usage, queue depth, certificate expiry, ...), no threshold
or number ("> 1%", "p99 > 2s", "90%"), no condition ("when the queue is full") and no query or
identifier in code (`` `checkout_5xx_ratio` ``) anywhere in the same item.

## Why it matters
The workflow warns against vague "add monitoring" without metric names. An alert nobody can
define is never built, or is built on the wrong signal and pages for noise; naming the metric and
threshold makes the item checkable and the alert actionable.

## Example
```markdown
- Add monitoring for the hub
```

## Use instead
```markdown
- Alert when hub p99 response time > 2s for 5 minutes
- Add alerting on config load failures (`config_load_errors_total` > 0)
```

## Options
- `metric_words` (list, default `[]`): more words that name a metric or signal.
)md",
    Severity::warning,
    k_tags,
    k_options,
};

class MonitoringWithoutMetric final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& options) override {
    m_triggers = util::PhraseMatcher(engine::pack_strings("actions", "monitoring_triggers"));
    m_metrics = util::PhraseMatcher(with_extra(engine::pack_strings("actions", "metric_words"), options.strings("metric_words")));
  }

  void check(Context& context) const override {
    const auto& document = context.document();
    const std::string_view prose = document.prose();
    const std::string_view source = document.source();
    for (const auto& item : document.action_items()) {
      const auto trigger = m_triggers.first(prose, document.words_in(item.text_span));
      if (!trigger) {
        continue;
      }
      // The whole item counts: sub-bullets and columns may name the metric.
      const std::string_view whole = item.span.of(prose);
      const bool named = m_metrics.contains(prose, document.words_in(item.span)) ||
                         whole.find_first_of("0123456789<>") != std::string_view::npos ||
                         item.span.of(source).find('`') != std::string_view::npos;
      if (!named) {
        const std::string_view phrase = prose.substr(trigger->begin, trigger->end - trigger->begin);
        context.report(document::span_of(prose, phrase),
                       "'" + quote(phrase) + "' in " + action_name(item) +
                           " does not say what to watch; name the metric, SLI, query or threshold");
      }
    }
  }

 private:
  util::PhraseMatcher m_triggers;
  util::PhraseMatcher m_metrics;
};

}  // namespace

engine::RegisteredRule monitoring_without_metric() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<MonitoringWithoutMetric>(); }};
}

}  // namespace pmlint::rules
