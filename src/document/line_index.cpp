#include "document/line_index.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace pmlint::document {

LineIndex::LineIndex(std::string_view text) : m_text(text), m_ascii(util::is_ascii(text)) {
  m_starts.push_back(0);
  if (text.find('\r') == std::string_view::npos) {
    // The common case: line feeds only, found with memchr.
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
      m_starts.push_back(static_cast<std::uint32_t>(i + 1));
    }
  } else {
    for (std::uint32_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
        m_starts.push_back(i + 1);
      }
    }
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    m_bom = 3;
  }
}

std::uint32_t LineIndex::line_of(std::uint32_t offset) const {
  const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  return static_cast<std::uint32_t>(it - m_starts.begin());
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
  if (line == 0) {
    return 0;
  }
  if (line > m_starts.size()) {
    return static_cast<std::uint32_t>(m_text.size());
  }
  return m_starts[line - 1];
}

ByteSpan LineIndex::line_span(std::uint32_t line) const {
  const std::uint32_t begin = line_start(line);
  std::uint32_t end = line < m_starts.size() ? m_starts[line] : static_cast<std::uint32_t>(m_text.size());
  while (end > begin && (m_text[end - 1] == '\n' || m_text[end - 1] == '\r')) {
    --end;
  }
  return {begin, end};
}

std::uint32_t LineIndex::offset_of(int line, int byte_column) const {
  if (line < 1) {
    return 0;
  }
  const ByteSpan span = line_span(static_cast<std::uint32_t>(line));
  const std::uint32_t column = byte_column < 1 ? 0 : static_cast<std::uint32_t>(byte_column - 1);
  // cmark counts columns of the line after its own tab handling; clamp to the line's end.
  return std::min(span.begin + column, std::max(span.end, span.begin));
}

Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(m_text.size()));
  const std::uint32_t line = line_of(offset);
  std::uint32_t start = m_starts[line - 1];
  if (line == 1 && offset >= m_bom) {
    start = m_bom;
  }
  if (m_ascii) {
    return {line, offset - start + 1};
  }
  const auto column = util::count_code_points(m_text.substr(start, offset - start));
  return {line, static_cast<std::uint32_t>(column) + 1};
}

}  // namespace pmlint::document
