#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "util/edit_distance.hpp"
#include "util/glob.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace pmlint::util {

TEST_CASE("util::find_invalid_utf8") {
  CHECK_FALSE(find_invalid_utf8("plain ASCII"));
  CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE2\x9C\x85 \xF0\x9F\x94\xA5"));
  CHECK(find_invalid_utf8("ab\xFF") == 2U);
  SUBCASE("overlong encoding of '/'") { CHECK(find_invalid_utf8("x\xC0\xAF") == 1U); }
  SUBCASE("UTF-16 surrogate") { CHECK(find_invalid_utf8("\xED\xA0\x80") == 0U); }
  SUBCASE("truncated sequence at the end") { CHECK(find_invalid_utf8("ok\xE2\x9C") == 2U); }
}

TEST_CASE("util::count_code_points") {
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("\xE6\x97\xA5\xE6\x9C\xAC") == 2);        // 日本
  CHECK(count_code_points("\xF0\x9F\x94\xA5x") == 2);               // emoji + x
}

TEST_CASE("util::normalize_label") {
  CHECK(normalize_label("## Timeline") == "timeline");
  CHECK(normalize_label("Timeline (times in BST)") == "timeline");
  CHECK(normalize_label("What didn't go so well?") == "what didn t go so well");
  CHECK(normalize_label("3. Lessons Learnt") == "lessons learnt");
  CHECK(normalize_label("  ROOT   CAUSE(S): ") == "root cause");
  CHECK(normalize_label("\xF0\x9F\x94\xA5 Impact") == "impact");
  CHECK(normalize_label("R\xC3\xA9sum\xC3\xA9") == "resume");
  CHECK(normalize_label("5 whys") == "whys");
}

TEST_CASE("util::escape_control keeps text and neutralises terminal escapes") {
  CHECK(escape_control("plain") == "plain");
  CHECK(escape_control("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(escape_control("line\nbreak") == "line\\x0abreak");
}

TEST_CASE("util::edit_distance and did_you_mean") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  const std::vector<std::string> ids = {"timeline-missing", "timeline-timezone", "impact-missing"};
  CHECK(did_you_mean("timeline-mising", ids) == " (did you mean 'timeline-missing'?)");
  CHECK(did_you_mean("something-else-entirely", ids).empty());
}

TEST_CASE("util::glob_match") {
  CHECK(glob_match("*.md", "a.md"));
  CHECK(glob_match("*.md", "docs/deep/a.md"));
  CHECK_FALSE(glob_match("*.md", "a.txt"));
  CHECK(glob_match("drafts/", "drafts/x.md"));
  CHECK(glob_match("drafts", "sub/drafts/x.md"));
  CHECK(glob_match("docs/**/*.md", "docs/a.md"));
  CHECK(glob_match("docs/**/*.md", "docs/x/y/a.md"));
  CHECK_FALSE(glob_match("docs/*.md", "docs/x/a.md"));
  CHECK(glob_match("/top.md", "top.md"));
  CHECK_FALSE(glob_match("/top.md", "sub/top.md"));
  CHECK(glob_match("2024-0[1-3]-*.md", "2024-02-10.md"));
  CHECK_FALSE(glob_match("2024-0[1-3]-*.md", "2024-05-10.md"));
  CHECK(has_glob_characters("a/*.md"));
  CHECK_FALSE(has_glob_characters("a/b.md"));
}

}  // namespace pmlint::util
