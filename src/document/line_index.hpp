#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "document/span.hpp"

namespace pmlint::document {

// 1-based line and column; the column counts Unicode code points, a tab counts as one.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Byte offset <-> line/column, built once per document (ruff's LineIndex): "\n", "\r\n" and a
// lone "\r" all end a line. A byte-order mark at the very start is not counted as a column.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  [[nodiscard]] Position position(std::uint32_t offset) const;
  [[nodiscard]] std::uint32_t line_count() const { return static_cast<std::uint32_t>(m_starts.size()); }
  // The 1-based line that holds `offset`.
  [[nodiscard]] std::uint32_t line_of(std::uint32_t offset) const;
  // Offset of the first byte of 1-based `line` (clamped to the text).
  [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const;
  // The bytes of 1-based `line` without its line ending.
  [[nodiscard]] ByteSpan line_span(std::uint32_t line) const;
  // Offset of a 1-based line and 1-based byte column, as cmark-gfm reports them.
  [[nodiscard]] std::uint32_t offset_of(int line, int byte_column) const;

 private:
  std::string_view m_text;
  std::vector<std::uint32_t> m_starts;
  bool m_ascii = true;
  std::uint32_t m_bom = 0;
};

}  // namespace pmlint::document
