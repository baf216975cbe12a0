// Snapshots of every output format for examples/, and the problem matcher over text output.
// Set PMLINT_UPDATE_GOLDEN=1 to rewrite the snapshots after an intended change.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "app/commands.hpp"
#include "support/helpers.hpp"

namespace pmlint::test {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::stringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

// The parts of an output that depend on where and which version it ran.
std::string stable(std::string output) {
  const std::string root = "\"uri\":\"file://";
  const auto at = output.find(root);
  if (at != std::string::npos) {
    const auto end = output.find('"', at + root.size());
    output.replace(at, end - at, "\"uri\":\"file:///SRCROOT/");
  }
  const std::string version = PMLINT_VERSION;
  for (std::size_t pos = 0; (pos = output.find("\"" + version + "\"", pos)) != std::string::npos;) {
    output.replace(pos, version.size() + 2, "\"VERSION\"");
  }
  return output;
}

void check_golden(const std::string& format, const std::string& extension) {
  const auto run = run_pmlint({"examples", "--format", format, "--no-color", "-j", "2"}, "", source_dir());
  REQUIRE_MESSAGE(run.exit_code == 1, run.err);
  const std::string actual = stable(run.out);
  const fs::path golden = source_dir() / "tests" / "golden" / ("examples." + extension);
  if (std::getenv("PMLINT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
  }
  REQUIRE_MESSAGE(fs::exists(golden), "missing snapshot " << golden.string());
  CHECK_MESSAGE(actual == read_file(golden), "output differs from " << golden.string()
                                                                     << " (PMLINT_UPDATE_GOLDEN=1 rewrites it)");
}

}  // namespace

TEST_CASE("golden: text output of examples/") { check_golden("text", "txt"); }
TEST_CASE("golden: JSON output of examples/") { check_golden("json", "json"); }
TEST_CASE("golden: SARIF output of examples/") {
  check_golden("sarif", "sarif");
  const auto sarif = nlohmann::json::parse(read_file(source_dir() / "tests" / "golden" / "examples.sarif"));
  const auto& run = sarif["runs"][0];
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["runs"].size() == 1);
  CHECK(run["columnKind"] == "unicodeCodePoints");
  for (const auto& result : run["results"]) {
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1);
    CHECK(run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
    CHECK(!result["partialFingerprints"].empty());
  }
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    CHECK(rule.contains("shortDescription"));
    CHECK(rule.contains("fullDescription"));
    CHECK(rule["help"].contains("markdown"));
    CHECK(rule.contains("defaultConfiguration"));
  }
}
TEST_CASE("golden: GitHub annotations of examples/") { check_golden("github", "github"); }

TEST_CASE("output: GitHub workflow commands escape what the runner would read as syntax") {
  const TempDir dir;
  dir.write("a,b:c%.md", "# T\n");
  const auto run = run_pmlint({"a,b:c%.md", "--format", "github", "--select", "impact-missing"}, "", dir.path());
  CHECK(run.out.find("::error file=a%2Cb%3Ac%25.md,line=1,endLine=1,col=1,endColumn=4,title=impact-missing::") == 0);
}

TEST_CASE("output: the problem matcher's pattern matches every text line pmlint prints") {
  const auto matcher = nlohmann::json::parse(read_file(source_dir() / ".github" / "pmlint-matcher.json"));
  const auto& pattern = matcher["problemMatcher"][0]["pattern"][0];
  const std::regex regexp(pattern["regexp"].get<std::string>());
  const std::string golden = read_file(source_dir() / "tests" / "golden" / "examples.txt");
  const auto fixtures = run_pmlint({"tests/fixtures", "--no-color", "--exit-zero"}, "", source_dir()).out;
  std::size_t lines = 0;
  for (const std::string* output : {&golden, &fixtures}) {
    std::istringstream stream(*output);
    std::string line;
    while (std::getline(stream, line)) {
      std::smatch match;
      INFO(line);
      REQUIRE(std::regex_match(line, match, regexp));
      CHECK(std::stoi(match[pattern["line"].get<int>()].str()) >= 1);
      const std::string severity = match[pattern["severity"].get<int>()].str();
      CHECK((severity == "error" || severity == "warning" || severity == "info"));
      CHECK(!match[pattern["code"].get<int>()].str().empty());
      ++lines;
    }
  }
  CHECK(lines > 100);
}

TEST_CASE("init: the untouched skeleton reports no missing section, only content to fill in") {
  for (const std::string audience : {"internal", "customer-facing"}) {
    for (int severity = 1; severity <= 4; ++severity) {
      const std::string text = app::skeleton(severity, audience, 20000);
      const auto result = lint(text);
      INFO("SEV" << severity << " " << audience);
      REQUIRE(!result.error);
      for (const auto& finding : result.findings) {
        INFO(finding.rule_id << ": " << finding.message);
        CHECK(finding.message.rfind("no ", 0) != 0);  // "no Impact section", "no severity declared", ...
        CHECK(std::string(finding.rule_id) != "front-matter-invalid");
        CHECK(std::string(finding.rule_id) != "severity-depth");
      }
      const auto ids = rule_ids(result);
      CHECK(std::find(ids.begin(), ids.end(), "root-cause-missing") != ids.end());  // empty: to fill in
    }
  }
}

TEST_CASE("init: writes a file only when asked, and never over one") {
  const TempDir dir;
  CHECK(run_pmlint({"init", "pm.md", "--severity", "SEV2"}, "", dir.path()).exit_code == 0);
  CHECK(read_file(dir.path() / "pm.md").find("severity: SEV2") != std::string::npos);
  const auto again = run_pmlint({"init", "pm.md"}, "", dir.path());
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("already exists") != std::string::npos);
  CHECK(run_pmlint({"init", "--severity", "SEV9"}, "", dir.path()).exit_code == 2);
}

}  // namespace pmlint::test
