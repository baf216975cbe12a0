#include <doctest/doctest.h>

#include <string>

#include "document/line_index.hpp"

namespace pmlint::document {

TEST_CASE("document::LineIndex positions") {
  SUBCASE("ASCII, LF") {
    const LineIndex lines("ab\ncd\n");
    CHECK(lines.position(0).line == 1);
    CHECK(lines.position(4).line == 2);
    CHECK(lines.position(4).column == 2);
    CHECK(lines.line_count() == 3);
  }
  SUBCASE("CRLF and lone CR end lines") {
    const LineIndex lines("a\r\nb\rc");
    CHECK(lines.position(3).line == 2);
    CHECK(lines.position(5).line == 3);
    CHECK(lines.line_span(1).end == 1);  // without "\r\n"
  }
  SUBCASE("columns count code points, not bytes") {
    const std::string text = "\xE6\x97\xA5\xE6\x9C\xAC x \xF0\x9F\x94\xA5 y";  // 日本 x 🔥 y
    const LineIndex lines(text);
    CHECK(lines.position(static_cast<std::uint32_t>(text.find('x'))).column == 4);
    CHECK(lines.position(static_cast<std::uint32_t>(text.find('y'))).column == 8);
  }
  SUBCASE("a byte-order mark is not a column") {
    const std::string text = "\xEF\xBB\xBF# Title";
    const LineIndex lines(text);
    CHECK(lines.position(3).column == 1);
  }
  SUBCASE("cmark byte columns map to offsets") {
    const LineIndex lines("# a\n- item\n");
    CHECK(lines.offset_of(2, 3) == 6);
  }
}

}  // namespace pmlint::document
