// The pmlint command as users run it: exit codes, messages, formats, discovery and config.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support/helpers.hpp"

namespace pmlint::test {

namespace {

const std::string k_complete =
    "---\nseverity: SEV3\n---\n# Checkout errors\n\n## Summary\n\nErrors after a deploy.\n\n## Impact\n\n"
    "120 requests failed over 12 minutes.\n\n## Timeline\n\nAll times in UTC.\n\n- 14:02 alert fired\n"
    "- 14:14 rolled back; resolved\n\n## Root cause\n\nA config change.\n\n## What went well\n\n- Fast rollback\n\n"
    "## What went wrong\n\n- No canary\n\n## Action items\n\n- Add a canary stage (owner: @dana, due 2030-01-01)\n";

}  // namespace

TEST_CASE("cli: the complete example postmortem passes every rule with exit 0") {
  const auto run = run_pmlint({"examples/good.md", "--severity-threshold", "info"}, "", source_dir());
  CHECK_MESSAGE(run.exit_code == 0, run.out << run.err);
  CHECK(run.out.empty());
  CHECK(run.err.find("No problems found in 1 file") != std::string::npos);
}

TEST_CASE("cli: findings at error level exit 1; warnings alone exit 0 unless the threshold says so") {
  const TempDir dir;
  dir.write("bad.md", "# Notes\n\nSomething happened.\n");
  const auto errors = run_pmlint({"bad.md", "--no-color"}, "", dir.path());
  CHECK(errors.exit_code == 1);
  CHECK(errors.out.find("bad.md:1:1: error: no Impact section [impact-missing]") != std::string::npos);

  dir.write("warn.md", "# Notes\n");
  const auto warnings = run_pmlint({"warn.md", "--select", "severity-missing"}, "", dir.path());
  CHECK(warnings.exit_code == 0);
  CHECK(warnings.out.find("[severity-missing]") != std::string::npos);
  CHECK(run_pmlint({"warn.md", "--select", "severity-missing", "--severity-threshold", "warning"}, "", dir.path())
            .exit_code == 1);
  CHECK(run_pmlint({"bad.md", "--exit-zero"}, "", dir.path()).exit_code == 0);
}

TEST_CASE("cli: --select and --ignore take one comma-separated value each time, and paths may follow") {
  const TempDir dir;
  dir.write("bad.md", "# Notes\n\nSomething happened.\n");
  const auto rules_in = [](const std::string& out) {
    std::set<std::string> rules;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      rules.insert(line.substr(line.rfind('[')));
    }
    return rules;
  };
  const auto selected = run_pmlint({"--select", "impact-missing,timeline-missing", "--select", "severity-missing", "bad.md"}, "",
                                   dir.path());
  CHECK_MESSAGE(selected.exit_code == 1, selected.err);
  CHECK(rules_in(selected.out) == std::set<std::string>{"[impact-missing]", "[severity-missing]", "[timeline-missing]"});
  const auto ignored = run_pmlint({"--ignore", "impact-missing", "--ignore", "severity-missing,timeline-missing", "bad.md"},
                                  "", dir.path());
  CHECK_MESSAGE(ignored.exit_code == 1, ignored.err);
  const auto rules = rules_in(ignored.out);
  CHECK(rules.size() > 3);
  CHECK(rules.count("[impact-missing]") == 0);
  CHECK(rules.count("[severity-missing]") == 0);
  CHECK(rules.count("[timeline-missing]") == 0);
}

TEST_CASE("cli: bad input gets a clear message naming the file, exit 2, and other files are still linted") {
  const TempDir dir;
  dir.write("ok.md", k_complete);
  dir.write("latin1.md", "# Caf\xE9\n");
  dir.write("binary.md", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  const auto run = run_pmlint({"missing.md", "latin1.md", "binary.md", "ok.md"}, "", dir.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("missing.md: error: no such file or folder") != std::string::npos);
  CHECK(run.err.find("latin1.md:1:6: error: invalid UTF-8 (byte 0xE9)") != std::string::npos);
  CHECK(run.err.find("binary.md:") != std::string::npos);
  CHECK(run.err.find("binary file") != std::string::npos);
  CHECK(run.err.find("3 files could not be read") != std::string::npos);
}

TEST_CASE("cli: broken front matter is a finding with its line") {
  const TempDir dir;
  dir.write("fm.md", "---\ntitle: [unclosed\nseverity: SEV2\n---\n# T\n");
  const auto run = run_pmlint({"fm.md", "--select", "front-matter-invalid"}, "", dir.path());
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("fm.md:3:") != std::string::npos);
  CHECK(run.out.find("not valid YAML") != std::string::npos);
}

TEST_CASE("cli: folders, globs, stdin, and the same output for any number of jobs") {
  const TempDir dir;
  for (int i = 0; i < 12; ++i) {
    dir.write("pms/" + std::to_string(100 + i) + ".md", "# Incident " + std::to_string(i) + "\n");
  }
  dir.write("pms/notes.txt", "not markdown\n");
  dir.write("pms/.hidden/x.md", "# hidden\n");
  const auto one = run_pmlint({"pms", "-j", "1", "--format", "json"}, "", dir.path());
  const auto four = run_pmlint({"pms", "-j", "4", "--format", "json"}, "", dir.path());
  CHECK(one.out == four.out);
  const auto json = nlohmann::json::parse(one.out);
  CHECK(json["summary"]["files"] == 12);
  CHECK(json["diagnostics"][0]["path"] == "pms/100.md");
  const auto globbed = run_pmlint({"pms/10[0-4].md", "--format", "json"}, "", dir.path());
  CHECK(nlohmann::json::parse(globbed.out)["summary"]["files"] == 5);

  const auto piped = run_pmlint({"-", "--stdin-filename", "from-stdin.md", "--select", "impact-missing"}, "# T\n", dir.path());
  CHECK(piped.out.find("from-stdin.md:1:1: error: no Impact section") != std::string::npos);
}

TEST_CASE("cli: JSON diagnostics carry the documented fields") {
  const TempDir dir;
  dir.write("a.md", "# \xE6\x97\xA5\xE6\x9C\xAC\n");
  const auto run = run_pmlint({"a.md", "--format", "json", "--select", "impact-missing"}, "", dir.path());
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["version"] == 1);
  const auto& diagnostic = json["diagnostics"][0];
  for (const char* key : {"path", "rule", "severity", "message", "line", "column", "end_line", "end_column", "offset", "length"}) {
    CHECK_MESSAGE(diagnostic.contains(key), key);
  }
  CHECK(diagnostic["end_column"] == 5);  // "# 日本": four code points, end exclusive
  CHECK(diagnostic["length"] == 8);      // bytes
}

TEST_CASE("cli: configuration errors exit 2 with file, line and a suggestion") {
  const TempDir dir;
  dir.write(".pmlint.yaml", "rules:\n  impact-mising: off\n");
  dir.write("a.md", "# T\n");
  const auto run = run_pmlint({"a.md"}, "", dir.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(".pmlint.yaml:2:") != std::string::npos);
  CHECK(run.err.find("did you mean 'impact-missing'") != std::string::npos);
  CHECK(run_pmlint({"a.md", "--select", "nope"}, "", dir.path()).exit_code == 2);
  CHECK(run_pmlint({"a.md", "--format", "xml"}, "", dir.path()).exit_code == 2);
  CHECK(run_pmlint({"a.md", "--config", "absent.yaml"}, "", dir.path()).exit_code == 2);
}

TEST_CASE("cli: rules, explain and inspect") {
  const auto rules = run_pmlint({"rules"});
  CHECK(rules.exit_code == 0);
  CHECK(rules.out.find("timeline-missing") != std::string::npos);
  const auto explained = run_pmlint({"explain", "impact-missing"});
  CHECK(explained.exit_code == 0);
  CHECK(explained.out.find("## Why it matters") != std::string::npos);
  const auto unknown = run_pmlint({"explain", "impact-mising"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean 'impact-missing'") != std::string::npos);

  const auto inspected = run_pmlint({"inspect", "-"}, k_complete);
  REQUIRE(inspected.exit_code == 0);
  const auto model = nlohmann::json::parse(inspected.out);
  CHECK(model["metadata"]["severity"] == "SEV3");
  CHECK(model["timeline"].size() == 2);
  CHECK(model["timeline"][0]["timestamp"] == "14:02Z");
  CHECK(model["timeline"][0]["milestone"] == "detection");
  CHECK(model["action_items"][0]["owner"] == "@dana");
  CHECK(model["sections"][1]["kind"] == "summary");
}

TEST_CASE("cli: --output-file writes the report whole, and only when asked") {
  const TempDir dir;
  dir.write("a.md", "# T\n");
  const auto run = run_pmlint({"a.md", "--format", "json", "-o", "report.json"}, "", dir.path());
  CHECK(run.out.empty());
  std::ifstream report(dir.path() / "report.json");
  REQUIRE(report.good());
  const auto json = nlohmann::json::parse(report);
  CHECK(json["summary"]["files"] == 1);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    ++entries;
  }
  CHECK(entries == 2);  // a.md and report.json: no temporary file left behind
}

}  // namespace pmlint::test

namespace pmlint::test {

TEST_CASE("cli: the README's rule table is the one `pmlint rules --format markdown` prints") {
  std::ifstream stream(source_dir() / "README.md");
  std::stringstream buffer;
  buffer << stream.rdbuf();
  const std::string readme = buffer.str();
  const auto begin = readme.find("<!-- rules:begin -->\n");
  const auto end = readme.find("<!-- rules:end -->");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string table = readme.substr(begin + 21, end - begin - 21);
  CHECK_MESSAGE(table == run_pmlint({"rules", "--format", "markdown"}).out,
                "README.md is out of date: paste the output of `pmlint rules --format markdown`");
}

}  // namespace pmlint::test

namespace pmlint::test {

TEST_CASE("cli: walking a folder honours .gitignore and does not follow symlinked folders") {
  const TempDir dir;
  dir.write("pms/.gitignore", "generated/\n*.draft.md\n!keep.draft.md\n");
  dir.write("pms/a.md", "# A\n");
  dir.write("pms/b.draft.md", "# B\n");
  dir.write("pms/keep.draft.md", "# K\n");
  dir.write("pms/generated/c.md", "# C\n");
  std::filesystem::create_directory_symlink(dir.path() / "pms", dir.path() / "pms" / "loop");
  const auto run = run_pmlint({"pms", "--format", "json", "--select", "impact-missing"}, "", dir.path());
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["summary"]["files"] == 2);
  CHECK(json["diagnostics"][0]["path"] == "pms/a.md");
  CHECK(json["diagnostics"][1]["path"] == "pms/keep.draft.md");
  // Named explicitly, an ignored file is linted.
  CHECK(run_pmlint({"pms/b.draft.md", "--select", "impact-missing"}, "", dir.path()).exit_code == 1);
}

}  // namespace pmlint::test
