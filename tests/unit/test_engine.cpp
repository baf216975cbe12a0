#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "engine/config.hpp"
#include "engine/linter.hpp"
#include "engine/registry.hpp"
#include "output/reporter.hpp"
#include "support/helpers.hpp"

namespace pmlint::engine {

using test::lint;
using test::rule_ids;
using test::TempDir;

namespace {

std::string config_error(const std::string& yaml, const std::string& name = ".pmlint.yaml") {
  const TempDir dir;
  const auto file = dir.write(name, yaml);
  try {
    Config::load(file, {});
  } catch (const ConfigError& error) {
    return std::to_string(error.line()) + ": " + error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("registry: ids are unique, sorted, kebab-case and documented in ruff's shape") {
  const auto ids = rule_ids();
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  for (const auto& rule : registered_rules()) {
    INFO(rule.info->id);
    CHECK(rule.info->id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos);
    for (const char* heading : {"## What it checks", "## Why it matters", "## Example", "## Use instead", "## Options"}) {
      CHECK_MESSAGE(rule.info->doc.find(heading) != std::string_view::npos, "missing " << heading);
    }
    CHECK(!rule.info->summary.empty());
    CHECK(rule.info->summary.back() != '.');
    CHECK(!rule.info->tags.empty());
    CHECK(rule.make()->info().id == rule.info->id);
  }
}

TEST_CASE("config: errors name the line and suggest what was meant") {
  CHECK(config_error("rules:\n  timeline-mising: error\n").find("did you mean 'timeline-missing'") != std::string::npos);
  CHECK(config_error("rulez: {}\n").find("did you mean 'rules'") != std::string::npos);
  CHECK(config_error("rules:\n  impact-missing: loud\n").find("2: rule 'impact-missing': severity") == 0);
  CHECK(config_error("rules: [\n").find("not valid YAML") != std::string::npos);
  CHECK(config_error("extends: strictest\n").find("did you mean 'strict'") != std::string::npos);
  CHECK(config_error("sections:\n  timelines: [Chronik]\n").find("did you mean 'timeline'") != std::string::npos);
  CHECK(config_error("rules:\n  impact-missing: {severity: info, colour: red}\n").find("has no option 'colour'") !=
        std::string::npos);
  CHECK(config_error("- just a list\n").find("must be a mapping") != std::string::npos);
}

TEST_CASE("config: a mapping or a list where one value belongs is an error at its place, not a crash") {
  // Found by fuzz_config: an explicit "? key" whose key is itself a mapping.
  CHECK(config_error("sections:\n  timeline: [Chronik]\n? severity-missing:\n").find("3: a top-level key must be a single value") == 0);
  CHECK(config_error("rules:\n  [impact-missing]: error\n").find("2: a rule id must be a single value") == 0);
  CHECK(config_error("sections:\n  {timeline: x}: [Chronik]\n").find("a section kind must be a single value") !=
        std::string::npos);
  CHECK(config_error("rules:\n  impact-missing: {severity: [error]}\n").find("rule 'impact-missing': severity must be") !=
        std::string::npos);
  CHECK(config_error("rules:\n  impact-missing: {[severity]: error}\n").find("an option name of rule") !=
        std::string::npos);
  CHECK(config_error("rules:\n  impact-missing: {enabled: maybe}\n").find("enabled must be true or false") !=
        std::string::npos);
  CHECK(config_error("rules:\n  impact-missing: {enabled: {a: b}}\n").find("enabled must be true or false") !=
        std::string::npos);
}

TEST_CASE("config: extends layers files and profiles, and catches cycles") {
  const TempDir dir;
  dir.write("base.yaml", "rules:\n  impact-missing: warning\n  severity-missing: off\n");
  const auto top = dir.write(".pmlint.yaml", "extends: base.yaml\nrules:\n  impact-missing: info\n");
  const auto config = Config::load(top, {});
  CHECK_FALSE(config->enabled("severity-missing"));
  const auto impact = std::find_if(config->rules().begin(), config->rules().end(),
                                   [](const ConfiguredRule& rule) { return rule.rule->info().id == "impact-missing"; });
  REQUIRE(impact != config->rules().end());
  CHECK(impact->severity == Severity::info);

  const auto self = dir.write("self.yaml", "extends: self.yaml\n");
  CHECK_THROWS_WITH_AS(Config::load(self, {}), doctest::Contains("cycle"), ConfigError);

  const auto minimal = dir.write("minimal.yaml", "extends: minimal\n");
  CHECK_FALSE(Config::load(minimal, {})->enabled("impact-missing"));
  const auto strict = dir.write("strict.yaml", "extends: strict\n");
  const auto strict_config = Config::load(strict, {});
  for (const auto& rule : strict_config->rules()) {
    CHECK(rule.severity != Severity::warning);
  }
}

TEST_CASE("config: extra section aliases and ignore globs") {
  const TempDir dir;
  const auto file = dir.write(".pmlint.yaml", "sections:\n  timeline: [Chronik]\nignore: [drafts/]\n");
  const auto config = Config::load(file, {});
  const auto document = document::Document::parse("x.md", "## Chronik\n\n- 10:00 UTC start\n", config->vocabulary());
  CHECK(document.has_section(document::SectionKind::timeline));
  CHECK(config->ignores(dir.path() / "drafts" / "a.md"));
  CHECK_FALSE(config->ignores(dir.path() / "final" / "a.md"));
}

TEST_CASE("config: the nearest .pmlint.yaml above a file applies to it") {
  const TempDir dir;
  dir.write(".pmlint.yaml", "rules:\n  severity-missing: off\n");
  dir.write("team/.pmlint.yaml", "rules:\n  severity-missing: error\n");
  ConfigResolver resolver(std::nullopt, {});
  CHECK_FALSE(resolver.for_file(dir.path() / "a.md")->enabled("severity-missing"));
  CHECK(resolver.for_file(dir.path() / "team" / "sub" / "b.md")->enabled("severity-missing"));
}

TEST_CASE("suppressions: disable/enable ranges, next line, file, and unused ones are reported") {
  SUBCASE("disable-file") {
    const auto result = lint("<!-- pmlint-disable-file severity-missing -->\n# T\n", {"severity-missing", "unused-suppression"});
    CHECK(result.findings.empty());
    CHECK(result.suppressed == 1);
  }
  SUBCASE("a suppression that silences nothing is reported") {
    const auto result = lint("---\nseverity: SEV2\n---\n<!-- pmlint-disable-next-line severity-missing -->\n# T\n",
                             {"severity-missing", "unused-suppression"});
    CHECK(rule_ids(result) == std::vector<std::string>{"unused-suppression"});
  }
  SUBCASE("an unknown rule id in a suppression is reported with a suggestion") {
    const auto result = lint("<!-- pmlint-disable severity-mising -->\n", {"unused-suppression"});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].message.find("did you mean 'severity-missing'") != std::string::npos);
  }
  SUBCASE("a range ends at pmlint-enable") {
    const auto result = lint("# T\n\n<!-- pmlint-disable severity-missing -->\n<!-- pmlint-enable severity-missing -->\n",
                             {"severity-missing", "unused-suppression"});
    CHECK(rule_ids(result) == std::vector<std::string>{"severity-missing", "unused-suppression"});
  }
}

TEST_CASE("lint: unreadable text is an error with a position, not a crash") {
  const auto invalid = lint("# ok\nab\xFF\n");
  REQUIRE(invalid.error);
  CHECK(invalid.error->line == 2);
  CHECK(invalid.error->column == 3);
  const auto binary = lint(std::string("PNG\0\x01", 5));
  REQUIRE(binary.error);
  CHECK(binary.error->message.find("binary") != std::string::npos);
}

TEST_CASE("lint: fingerprints stay when lines above move") {
  const auto before = lint("# T\n\n## Impact\n", {"timeline-missing"});
  const auto after = lint("# T\n\nA new paragraph.\n\n## Impact\n", {"timeline-missing"});
  REQUIRE(before.findings.size() == 1);
  REQUIRE(after.findings.size() == 1);
  CHECK(before.findings[0].fingerprint == after.findings[0].fingerprint);
}

TEST_CASE("output: text lines have the gcc shape; JSON keeps its contract") {
  engine::FileResult result;
  result.path = "pm/a.md";
  Finding finding;
  finding.rule_id = "impact-missing";
  finding.severity = Severity::error;
  finding.message = "no Impact section";
  finding.location = {3, 5, 3, 9, 20, 4};
  result.findings.push_back(finding);
  output::RunSummary summary;
  summary.files = 1;
  summary.files_with_findings = 1;
  summary.errors = 1;

  std::ostringstream out;
  std::ostringstream err;
  auto text = output::make_text_reporter(out, err, {});
  text->file(result);
  text->finish(summary);
  CHECK(out.str() == "pm/a.md:3:5: error: no Impact section [impact-missing]\n");
  CHECK(err.str() == "Found 1 error in 1 of 1 file\n");

  std::ostringstream json;
  auto reporter = output::make_json_reporter(json);
  reporter->file(result);
  reporter->finish(summary);
  const std::string expected_start =
      R"({"version":1,"diagnostics":[{"column":5,"end_column":9,"end_line":3,"fingerprint":"","fix":null,"length":4,"line":3,"message":"no Impact section","offset":20,"path":"pm/a.md","rule":"impact-missing","severity":"error"}],"errors":[],"summary":)";
  CHECK(json.str().rfind(expected_start, 0) == 0);
}

TEST_CASE("output: JSON strings are written byte for byte as nlohmann::json writes them") {
  // Every ASCII byte, quotes and backslashes, UTF-8 letters and punctuation; and a path that is
  // not UTF-8, which nlohmann::json writes with U+FFFD.
  std::string message = "'team\xE2\x80\x99s' \"quoted\" \xC3\xA9t\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80 ";
  for (int c = 1; c < 0x80; ++c) {
    message.push_back(static_cast<char>(c));
  }
  engine::FileResult result;
  result.path = "pm/\xFF\xFEodd \"name\".md";
  Finding finding;
  finding.rule_id = "impact-missing";
  finding.severity = Severity::error;
  finding.message = message;
  finding.fingerprint = "0123456789abcdef";
  result.findings.push_back(finding);
  std::ostringstream json;
  auto reporter = output::make_json_reporter(json);
  reporter->file(result);
  reporter->finish({});
  const auto written = [](const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  CHECK(json.str().find("\"message\":" + written(message) + ",") != std::string::npos);
  CHECK(json.str().find("\"path\":" + written(result.path) + ",") != std::string::npos);
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK(parsed["diagnostics"][0]["message"].get<std::string>() == message);
}

}  // namespace pmlint::engine
