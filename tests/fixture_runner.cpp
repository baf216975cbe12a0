// Runs every fixture under tests/fixtures/<rule-id>/ against the expectations written inside it:
//
//   - 14:02 Pager fired <!-- expect: timeline-timezone -->          (this line)
//   <!-- expect-next-line: blame-language col=29 -->                  (the next line)
//   <!-- expect-file: impact-missing -->                               (the document anchor)
//   <!-- expect: timeline-timezone line=+2 msg="13:02 UTC" -->        (two lines below)
//
// Findings are compared exactly: too few and too many both fail. A fixture runs only its
// folder's rule, plus any listed in a `<!-- also-run: rule-id ... -->` comment, with a sibling
// <name>.pmlint.yaml if present; fixtures in _all/ run every rule.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/config.hpp"
#include "engine/linter.hpp"
#include "engine/registry.hpp"
#include "support/helpers.hpp"
#include "util/text.hpp"

namespace pmlint::test {

namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::string rule;
  std::uint32_t line = 0;
  std::optional<std::uint32_t> column;
  std::optional<std::string> message;   // a substring of the message
  std::optional<std::string> severity;
  std::uint32_t written_on = 0;         // where the comment is, for error messages
};

std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && (util::is_space(c) || c == ',')) {
      if (!current.empty()) {
        tokens.push_back(current);
        current.clear();
      }
      continue;
    }
    current.push_back(c);
  }
  if (!current.empty()) {
    tokens.push_back(current);
  }
  return tokens;
}

std::vector<Expectation> read_expectations(const std::string& text, std::uint32_t anchor_line) {
  std::vector<Expectation> expectations;
  std::istringstream stream(text);
  std::string line_text;
  std::uint32_t line = 0;
  while (std::getline(stream, line_text)) {
    ++line;
    std::size_t from = 0;
    while (true) {
      const std::size_t open = line_text.find("<!--", from);
      if (open == std::string::npos) {
        break;
      }
      const std::size_t close = line_text.find("-->", open);
      if (close == std::string::npos) {
        break;
      }
      from = close + 3;
      const std::string_view body = util::trim(std::string_view(line_text).substr(open + 4, close - open - 4));
      std::uint32_t target = 0;
      std::string_view rest;
      if (util::istarts_with(body, "expect-next-line:")) {
        target = line + 1;
        rest = body.substr(17);
      } else if (util::istarts_with(body, "expect-file:")) {
        target = anchor_line;
        rest = body.substr(12);
      } else if (util::istarts_with(body, "expect:")) {
        target = line;
        rest = body.substr(7);
      } else {
        continue;
      }
      for (const std::string& token : tokens_of(rest)) {
        const auto equals = token.find('=');
        if (equals == std::string::npos) {
          expectations.push_back({token, target, {}, {}, {}, line});
          continue;
        }
        REQUIRE_MESSAGE(!expectations.empty(), "option before a rule id on line " << line);
        Expectation& last = expectations.back();
        const std::string key = token.substr(0, equals);
        const std::string value = token.substr(equals + 1);
        if (key == "col") {
          last.column = static_cast<std::uint32_t>(std::stoul(value));
        } else if (key == "line") {
          last.line = (value[0] == '+' || value[0] == '-') ? static_cast<std::uint32_t>(static_cast<int>(last.line) + std::stoi(value))
                                                           : static_cast<std::uint32_t>(std::stoul(value));
        } else if (key == "msg") {
          last.message = value;
        } else if (key == "severity") {
          last.severity = value;
        } else {
          FAIL("unknown expectation option '" << key << "' on line " << line);
        }
      }
    }
  }
  return expectations;
}

std::string describe(const engine::Finding& finding) {
  std::ostringstream text;
  text << finding.location.line << ':' << finding.location.column << ' ' << finding.rule_id << ' '
       << engine::to_string(finding.severity) << " \"" << finding.message << '"';
  return text.str();
}

std::string describe(const Expectation& expectation) {
  std::ostringstream text;
  text << expectation.line;
  if (expectation.column) {
    text << ':' << *expectation.column;
  }
  text << ' ' << expectation.rule;
  if (expectation.message) {
    text << " msg~\"" << *expectation.message << '"';
  }
  text << " (comment on line " << expectation.written_on << ')';
  return text.str();
}

bool matches(const Expectation& expectation, const engine::Finding& finding) {
  return expectation.rule == finding.rule_id && expectation.line == finding.location.line &&
         (!expectation.column || *expectation.column == finding.location.column) &&
         (!expectation.message || finding.message.find(*expectation.message) != std::string::npos) &&
         (!expectation.severity || *expectation.severity == engine::to_string(finding.severity));
}

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::stringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

void run_fixture(const fs::path& fixture, const std::string& rule) {
  const std::string text = read_file(fixture);
  engine::ConfigOverrides overrides;
  if (rule != "_all") {
    overrides.select = {rule};
    const auto also = text.find("<!-- also-run:");
    if (also != std::string::npos) {
      const auto close = text.find("-->", also);
      for (auto& id : tokens_of(std::string_view(text).substr(also + 14, close - also - 14))) {
        overrides.select.push_back(id);
      }
    }
  }
  fs::path sibling = fixture;
  sibling.replace_extension(".pmlint.yaml");
  const auto config = engine::Config::load(fs::exists(sibling) ? std::optional<fs::path>(sibling) : std::nullopt, overrides);
  const auto document = document::Document::parse(fixture.filename().string(), text, config->vocabulary());
  const std::uint32_t anchor_line = document.title() ? document.lines().position(document.title()->begin).line : 1;
  const engine::FileResult result = engine::lint_document(document, *config);
  REQUIRE_MESSAGE(!result.error, fixture.string() << ": " << (result.error ? result.error->message : ""));

  std::vector<Expectation> expected = read_expectations(text, anchor_line);
  std::vector<engine::Finding> unexpected;
  for (const auto& finding : result.findings) {
    const auto match = std::find_if(expected.begin(), expected.end(),
                                    [&](const Expectation& expectation) { return matches(expectation, finding); });
    if (match == expected.end()) {
      unexpected.push_back(finding);
    } else {
      expected.erase(match);
    }
  }
  std::ostringstream report;
  for (const auto& missing : expected) {
    report << "\n  expected but not reported: " << describe(missing);
  }
  for (const auto& extra : unexpected) {
    report << "\n  reported but not expected: " << describe(extra);
  }
  CHECK_MESSAGE(report.str().empty(), fixture.string() << ":" << report.str());
}

fs::path fixtures_dir() { return source_dir() / "tests" / "fixtures"; }

}  // namespace

TEST_CASE("fixtures: every rule's fixtures produce exactly the findings written in them") {
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(fixtures_dir())) {
    if (entry.is_directory()) {
      folders.push_back(entry.path());
    }
  }
  std::sort(folders.begin(), folders.end());
  REQUIRE(!folders.empty());
  std::size_t count = 0;
  for (const auto& folder : folders) {
    const std::string rule = folder.filename().string();
    REQUIRE_MESSAGE((rule == "_all" || engine::find_rule(rule) != nullptr), "fixture folder for unknown rule " << rule);
    std::vector<fs::path> fixtures;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() == ".md") {
        fixtures.push_back(entry.path());
      }
    }
    std::sort(fixtures.begin(), fixtures.end());
    for (const auto& fixture : fixtures) {
      const std::string name = rule + "/" + fixture.filename().string();
      SUBCASE(name.c_str()) { run_fixture(fixture, rule); }
      ++count;
    }
  }
  CHECK(count > 0);
}

TEST_CASE("fixtures: every rule has a failing, a passing and a false-positive fixture") {
  for (const auto& rule : engine::registered_rules()) {
    const fs::path folder = fixtures_dir() / std::string(rule.info->id);
    INFO("rule " << rule.info->id);
    REQUIRE(fs::is_directory(folder));
    bool fails = false;
    bool passes = false;
    bool guards = false;
    for (const auto& entry : fs::directory_iterator(folder)) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".md") {
        continue;
      }
      const bool expects = read_file(entry.path()).find("<!-- expect") != std::string::npos;
      fails = fails || (name.rfind("fail", 0) == 0 && expects);
      passes = passes || (name.rfind("pass", 0) == 0 && !expects);
      guards = guards || name.rfind("fp-", 0) == 0;
    }
    CHECK_MESSAGE(fails, "no fail*.md fixture with an expectation");
    CHECK_MESSAGE(passes, "no pass*.md fixture without expectations");
    CHECK_MESSAGE(guards, "no fp-*.md false-positive fixture");
  }
}

TEST_CASE("fixtures: the expectation reader understands every form") {
  const std::string text =
      "# Title\n"
      "line two <!-- expect: a-rule col=3 -->\n"
      "<!-- expect-next-line: b-rule msg=\"two words\" severity=error -->\n"
      "target\n"
      "<!-- expect-file: c-rule -->\n"
      "<!-- expect: d-rule line=+2, e-rule -->\n";
  const auto expectations = read_expectations(text, 1);
  REQUIRE(expectations.size() == 5);
  CHECK(expectations[0].rule == "a-rule");
  CHECK(expectations[0].line == 2);
  CHECK(expectations[0].column == 3U);
  CHECK(expectations[1].line == 4);
  CHECK(expectations[1].message == "two words");
  CHECK(expectations[1].severity == "error");
  CHECK(expectations[2].line == 1);
  CHECK(expectations[3].line == 8);
  CHECK(expectations[4].rule == "e-rule");
  CHECK(expectations[4].line == 6);
}

}  // namespace pmlint::test
