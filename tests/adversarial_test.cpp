// Hostile and unusual input: every case ends with a clear message or findings, the right exit
// code, other files still linted, and time and memory that grow at most linearly.

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/helpers.hpp"

namespace pmlint::test {

namespace fs = std::filesystem;

namespace {

// A realistic postmortem of about 2 KB, in the layouts real ones use.
std::string postmortem(int n) {
  const std::string id = std::to_string(n);
  return "## Incident " + id + "\n\n### Summary\n\nThe checkout API returned errors for 47 minutes after a config deploy " + id +
         ".\n\n### Impact\n\n1,240 requests (4.2%) failed from 14:02 to 14:49 UTC. Some users retried.\n\n"
         "### Timeline\n\nAll times in UTC.\n\n| Time | Event |\n|---|---|\n| 2024-05-14 14:02 | **START** errors rise |\n"
         "| 2024-05-14 14:06 | alert fired |\n| 2024-05-14 14:38 | rolled back |\n| 2024-05-14 14:49 | resolved |\n\n"
         "### Root cause\n\nThe pool size was set to 20 by a shared config key. Sam forgot to check it.\n\n"
         "```\n2024-05-14T14:02:00Z ERROR pool exhausted 10.0.0.1\n```\n\n> chat: I forgot to check\n\n"
         "### Action items\n\n- Add monitoring (owner: @dana, due 2024-06-01) OPS-1\n- Be more careful\n\n";
}

std::string repeat_until(std::size_t bytes, const std::function<std::string(int)>& piece) {
  std::string text = "---\nseverity: SEV2\n---\n# Big document\n\n";
  for (int i = 0; text.size() < bytes; ++i) {
    text += piece(i);
  }
  return text;
}

// Lints a file of each size; checks both finish and that time and memory grow no faster than the
// input (with slack for fixed costs and noise).
void check_linear(const std::string& name, const std::function<std::string(std::size_t)>& make, std::size_t small,
                  std::size_t large, double max_seconds) {
  const TempDir dir;
  dir.write("small.md", make(small));
  dir.write("large.md", make(large));
  const auto first = run_pmlint({"small.md", "--format", "json", "-o", "/dev/null", "-q"}, "", dir.path());
  const auto second = run_pmlint({"large.md", "--format", "json", "-o", "/dev/null", "-q"}, "", dir.path());
  INFO(name << ": " << first.seconds << " s / " << first.max_rss_kb << " KB, then " << second.seconds << " s / "
            << second.max_rss_kb << " KB");
  MESSAGE(name << ": " << small << " B in " << first.seconds << " s, " << first.max_rss_kb << " KB; " << large
               << " B in " << second.seconds << " s, " << second.max_rss_kb << " KB");
  CHECK(first.exit_code <= 1);
  CHECK(second.exit_code <= 1);
  const double ratio = static_cast<double>(large) / static_cast<double>(small);
  CHECK(second.seconds < max_seconds);
  CHECK(second.seconds <= first.seconds * ratio * 2 + 0.5);
  CHECK(static_cast<double>(second.max_rss_kb) <= static_cast<double>(first.max_rss_kb) * ratio * 1.5 + 20000);
}

}  // namespace

TEST_CASE("hostile: binary files, NUL bytes, invalid and overlong UTF-8 are reported, others still linted") {
  const TempDir dir;
  dir.write("good.md", "# Fine\n");
  dir.write("nul.md", std::string("# Title\n\0hidden", 15));
  dir.write("image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  dir.write("latin1.md", "# Caf\xE9\n");
  dir.write("overlong.md", "# ok\nslash \xC0\xAF here\n");
  dir.write("surrogate.md", "# \xED\xA0\x80\n");
  const auto run = run_pmlint({".", "--format", "json", "--select", "impact-missing"}, "", dir.path());
  CHECK(run.exit_code == 2);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["summary"]["files"] == 6);
  CHECK(json["summary"]["failed_files"] == 5);
  CHECK(json["diagnostics"].size() == 1);  // good.md still linted
  std::map<std::string, nlohmann::json> errors;
  for (const auto& error : json["errors"]) {
    errors[error["path"]] = error;
  }
  CHECK(errors["nul.md"]["message"].get<std::string>().find("binary") != std::string::npos);
  CHECK(errors["nul.md"]["line"] == 2);
  CHECK(errors["latin1.md"]["line"] == 1);
  CHECK(errors["latin1.md"]["column"] == 6);
  CHECK(errors["overlong.md"]["line"] == 2);
  CHECK(errors["overlong.md"]["column"] == 7);
  CHECK(errors["surrogate.md"]["message"].get<std::string>().find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("hostile: a BOM, CRLF and lone CR line ends keep lines and columns right") {
  const TempDir dir;
  dir.write("bom.md", "\xEF\xBB\xBF# Title\r\n\r\nSam forgot to drain it.\r\n");
  dir.write("cr.md", "# Title\r\rSam forgot to drain it.\r");
  for (const std::string file : {"bom.md", "cr.md"}) {
    const auto run = run_pmlint({file, "--select", "blame-language,impact-missing"}, "", dir.path());
    CHECK(run.out.find(file + ":1:1: error: no Impact section") != std::string::npos);
    CHECK(run.out.find(file + ":3:1: warning: 'Sam forgot to'") != std::string::npos);
  }
}

TEST_CASE("hostile: empty files, front matter alone, unterminated front matter and an alias bomb") {
  const TempDir dir;
  dir.write("empty.md", "");
  dir.write("only-front-matter.md", "---\nseverity: SEV2\nowner: \"@dana\"\n---\n");
  dir.write("unterminated.md", "---\nseverity: SEV2\n# Title\n");
  std::string bomb = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    const std::string previous = "*a" + std::to_string(i - 1);
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + previous + ", " + previous + ", " + previous +
            ", " + previous + ", " + previous + ", " + previous + ", " + previous + ", " + previous + ", " + previous +
            ", " + previous + "]\n";
  }
  bomb += "authors: *a11\n---\n# Bomb\n";
  dir.write("bomb.md", bomb);
  std::string deep = "---\nkey: " + std::string(100000, '[') + "\n---\n";
  dir.write("deep-yaml.md", deep);
  const auto run = run_pmlint({".", "--format", "json"}, "", dir.path());
  CHECK(run.exit_code == 1);
  CHECK(run.seconds < 10);
  CHECK(run.max_rss_kb < 200000);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["summary"]["files"] == 5);
  CHECK(json["summary"]["failed_files"] == 0);
  std::string messages;
  for (const auto& diagnostic : json["diagnostics"]) {
    messages += diagnostic["path"].get<std::string>() + " " + diagnostic["message"].get<std::string>() + "\n";
  }
  CHECK(messages.find("unterminated.md front matter opened with '---' on line 1 is never closed") != std::string::npos);
  CHECK(messages.find("deep-yaml.md front matter nests deeper than") != std::string::npos);
  CHECK(messages.find("empty.md no Impact section") != std::string::npos);
}

TEST_CASE("hostile: 100,000-deep nested lists and block quotes") {
  const TempDir dir;
  std::string lists;
  for (int i = 0; i < 100000; ++i) {
    lists += "- ";
  }
  dir.write("lists.md", lists + "Sam forgot to drain it\n");
  dir.write("quotes.md", std::string(100000, '>') + " Sam forgot to drain it\n");
  std::string indented;
  for (int i = 0; i < 3000; ++i) {
    indented += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item " + std::to_string(i) + "\n";
  }
  dir.write("indented.md", indented);
  const auto run = run_pmlint({".", "--format", "json", "-o", "/dev/null"}, "", dir.path());
  CHECK(run.exit_code == 1);
  CHECK(run.seconds < 20);
  CHECK(run.max_rss_kb < 500000);
}

TEST_CASE("hostile: a 100 MB document, a 10 MB line, a million-row table, a 100,000-entry timeline") {
  check_linear("document", [](std::size_t bytes) { return repeat_until(bytes, postmortem); }, 10'000'000, 100'000'000, 300);
  check_linear("line", [](std::size_t bytes) { return "# Line\n\n" + std::string(bytes, 'w') + "\n"; }, 1'000'000,
               10'000'000, 60);
  check_linear(
      "table",
      [](std::size_t rows) {
        std::string text = "## Timeline\n\n| Time | Event |\n|---|---|\n";
        for (std::size_t i = 0; i < rows; ++i) {
          text += "| 2024-01-01 10:" + std::to_string(10 + i % 50) + " UTC | event " + std::to_string(i) + " |\n";
        }
        return text;
      },
      100'000, 1'000'000, 300);
  check_linear(
      "timeline",
      [](std::size_t entries) {
        std::string text = "## Timeline\n\nAll times in UTC.\n\n";
        for (std::size_t i = 0; i < entries; ++i) {
          text += "- " + std::to_string(10 + i % 14) + ":" + std::to_string(10 + i % 50) + " event " + std::to_string(i) + "\n";
        }
        return text;
      },
      10'000, 100'000, 120);
}

TEST_CASE("hostile: folders named like files, symlink loops, FIFOs and unreadable files") {
  const TempDir dir;
  dir.write("x.md/inside.md", "# Inside\n");
  fs::create_directory_symlink(dir.path(), dir.path() / "x.md" / "loop");
  REQUIRE(mkfifo((dir.path() / "pipe.md").c_str(), 0644) == 0);
  const auto locked = dir.write("locked.md", "# Locked\n");
  fs::permissions(locked, fs::perms::none);
  const auto run = run_pmlint({"x.md", "pipe.md", "locked.md", "--format", "json", "--select", "impact-missing"}, "",
                              dir.path());
  CHECK(run.seconds < 10);  // a FIFO is not read: it would block forever
  const auto json = nlohmann::json::parse(run.out);
  std::string paths;
  for (const auto& diagnostic : json["diagnostics"]) {
    paths += diagnostic["path"].get<std::string>() + " ";
  }
  CHECK(paths.find("x.md/inside.md") != std::string::npos);
  std::map<std::string, std::string> errors;
  for (const auto& error : json["errors"]) {
    errors[error["path"]] = error["message"];
  }
  CHECK(errors["pipe.md"].find("not a regular file") != std::string::npos);
  if (geteuid() != 0) {
    CHECK(errors["locked.md"].find("cannot read") != std::string::npos);
    CHECK(run.exit_code == 2);
  } else {
    MESSAGE("running as root, which reads files whatever their permissions: the unreadable case is not exercised");
  }
}

TEST_CASE("hostile: configurations that are not YAML or extend themselves") {
  const TempDir dir;
  dir.write("a/.pmlint.yaml", "rules: [unclosed\n");
  dir.write("a/pm.md", "# T\n");
  dir.write("b/.pmlint.yaml", "extends: .pmlint.yaml\n");
  dir.write("b/pm.md", "# T\n");
  dir.write("c/.pmlint.yaml", std::string("\x89PNG\0\0", 6));
  dir.write("c/pm.md", "# T\n");
  for (const std::string folder : {"a", "b", "c"}) {
    const auto run = run_pmlint({folder}, "", dir.path());
    INFO(folder << ": " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(folder + "/.pmlint.yaml") != std::string::npos);
  }
  CHECK(run_pmlint({"b"}, "", dir.path()).err.find("cycle") != std::string::npos);
}

TEST_CASE("hostile: output escapes control characters and never prints what sensitive-data found") {
  const TempDir dir;
  dir.write("evil.md", "# T\n\n- 14:02 \x1b[31mred\x1b]0;title\x07 errors start\n\nkey AKIAIOSFODNN7EXAMPLE and ops@corp-mail.co\n");
  for (const std::string format : {"text", "json", "sarif", "github"}) {
    const auto run = run_pmlint({"evil.md", "--format", format, "--select", "sensitive-data,timeline-timezone"}, "", dir.path());
    INFO(format);
    CHECK(run.out.find("IOSFODNN7EXAMPLE") == std::string::npos);
    CHECK(run.out.find("ops@corp") == std::string::npos);
    CHECK(run.out.find("AKIA…") != std::string::npos);
    CHECK(run.out.find('\x1b') == std::string::npos);
    CHECK(run.out.find('\x07') == std::string::npos);
  }
}

TEST_CASE("hostile: a failed run leaves no half-written report") {
  const TempDir dir;
  dir.write("pm.md", "# T\n");
  dir.write("report.json", "previous report\n");
  // An unknown rule makes the run fail before the report is complete: the old one stays whole.
  const auto run = run_pmlint({"pm.md", "--format", "json", "-o", "report.json", "--select", "no-such-rule"}, "", dir.path());
  CHECK(run.exit_code == 2);
  std::ifstream stream(dir.path() / "report.json");
  std::stringstream buffer;
  buffer << stream.rdbuf();
  CHECK(buffer.str() == "previous report\n");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) {
    ++entries;
  }
  CHECK(entries == 2);
}

}  // namespace pmlint::test

namespace pmlint::test {

TEST_CASE("hostile: --output-file to a device writes in place and never replaces it") {
  const TempDir dir;
  dir.write("pm.md", "# T\n");
  const auto run = run_pmlint({"pm.md", "--format", "json", "-o", "/dev/null"}, "", dir.path());
  CHECK(run.exit_code == 1);
  struct stat status {};
  REQUIRE(stat("/dev/null", &status) == 0);
  CHECK(S_ISCHR(status.st_mode));
  CHECK(!fs::exists("/dev/.null.XXXXXX"));
  std::size_t strays = 0;
  for (const auto& entry : fs::directory_iterator("/dev")) {
    strays += entry.path().filename().string().rfind(".null.", 0) == 0 ? 1 : 0;
  }
  CHECK(strays == 0);
}

}  // namespace pmlint::test
