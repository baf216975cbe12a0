#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/output_file.hpp"
#include "document/timestamp.hpp"
#include "engine/packs.hpp"

namespace pmlint::app {

namespace {

std::string iso(long long days) {
  const auto date = document::civil_from_days(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

}  // namespace

std::string skeleton(int severity, const std::string& audience, long long today) {
  const std::string date = iso(today);
  std::string text;
  text += "---\n";
  text += "title: \"\"\n";
  text += "date: " + date + "\n";
  text += "severity: SEV" + std::to_string(severity) + "\n";
  text += "audience: " + audience + "\n";
  text += "status: draft\n";
  text += "owner: \"\"\n";
  text += "follow-up: " + iso(today + 30) + "\n";
  text += "---\n\n";
  text += "# Incident title\n\n";
  text += "## Summary\n\n";
  text += audience == "customer-facing"
              ? "<!-- In plain language for customers: what happened, who was affected, for how long, and what\n"
                "     we are doing so that it does not happen again. No internal names or hostnames. -->\n\n"
              : "<!-- Two or three sentences: what happened, who was affected, for how long, what is being done. -->\n\n";
  text += "## Impact\n\n";
  text += "<!-- How many users, customers or requests were affected (a number or a share), for how long\n"
          "     (from 14:02 to 14:49 UTC, 47 minutes), and any data, SLA or money impact. -->\n\n";
  text += "## Timeline\n\n";
  text += "All times in UTC.\n\n";
  text += "| Time (UTC) | Event |\n";
  text += "| ---------- | ----- |\n\n";
  text += "<!-- One row per event, to the minute: | " + date +
          " 14:02 | **START** checkout 5xx rate rises above 2% |\n"
          "     Mark the milestones **START**, **DETECTED**, **MITIGATED** and **RESOLVED**. -->\n\n";
  text += "## Root Cause\n\n";
  text += "<!-- The systemic cause, with evidence: what in the system let this happen. Never a person. -->\n\n";
  text += "## Contributing Factors\n\n";
  text += "<!-- What made it worse or let it through: missing tests, alert gaps, process. One per bullet. -->\n\n";
  text += "## What went well\n\n";
  text += "<!-- Practices, tools and people's actions to keep. -->\n\n";
  text += "## What went wrong\n\n";
  text += "<!-- Gaps in detection and response to fix. -->\n\n";
  text += "## Where we got lucky\n\n";
  text += "<!-- What only worked out by chance. -->\n\n";
  text += "## Action Items\n\n";
  text += "| Action | Owner | Due | Ticket | Type |\n";
  text += "| ------ | ----- | --- | ------ | ---- |\n\n";
  text += "<!-- Specific and checkable, one per row: an owner, a due date (YYYY-MM-DD), a tracker reference,\n"
          "     and a type: prevent, detect, recover or process. Name the metric and threshold of any alert. -->\n\n";
  text += "## Follow-up\n\n";
  text += "- 30-day review of action items: " + iso(today + 30) + "\n";
  text += "- 60-day review: " + iso(today + 60) + "\n";
  return text;
}

int init(const InitOptions& options) {
  int severity = 0;
  if (options.severity.size() == 4 && (options.severity.rfind("SEV", 0) == 0 || options.severity.rfind("sev", 0) == 0) &&
      options.severity[3] >= '1' && options.severity[3] <= '4') {
    severity = options.severity[3] - '0';
  } else {
    std::cerr << "pmlint: --severity must be SEV1, SEV2, SEV3 or SEV4\n";
    return k_exit_error;
  }
  if (options.audience != "internal" && options.audience != "customer-facing") {
    std::cerr << "pmlint: --audience must be internal or customer-facing\n";
    return k_exit_error;
  }
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
  const std::string text = skeleton(severity, options.audience, today);
  if (!options.file) {
    std::cout << text;
    return k_exit_clean;
  }
  if (std::filesystem::exists(*options.file) && !options.force) {
    std::cerr << "pmlint: " << *options.file << " already exists (use --force to replace it)\n";
    return k_exit_error;
  }
  OutputFile file(*options.file);
  if (file.ok()) {
    file.stream() << text;
  }
  if (!file.ok() || !file.commit()) {
    std::cerr << "pmlint: " << *options.file << ": cannot write: " << file.error() << '\n';
    return k_exit_error;
  }
  std::cerr << "Wrote a SEV" << severity << " " << options.audience << " postmortem skeleton to " << *options.file
            << '\n';
  return k_exit_clean;
}

}  // namespace pmlint::app
