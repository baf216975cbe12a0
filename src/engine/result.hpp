#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"

namespace pmlint::engine {

// A span as output shows it: 1-based lines and columns (Unicode code points), end exclusive,
// plus the byte offset and length.
struct Location {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t end_line = 1;
  std::uint32_t end_column = 1;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

struct LocatedEdit {
  Location location;
  std::string replacement;
};

struct LocatedFix {
  std::string description;
  std::vector<LocatedEdit> edits;
};

// A diagnostic ready for output: everything a reporter needs, without the document.
struct Finding {
  std::string_view rule_id;
  Severity severity = Severity::warning;
  std::string message;
  Location location;
  std::string fingerprint;  // stable when lines above move: rule, section and flagged text
  std::optional<LocatedFix> fix;
};

// A file that could not be linted: missing, unreadable, binary, not UTF-8.
struct FileError {
  std::string message;
  std::uint32_t line = 0;  // 0 when the problem has no line
  std::uint32_t column = 0;
};

struct FileResult {
  std::string path;  // as displayed
  std::vector<Finding> findings;
  std::optional<FileError> error;
  std::size_t suppressed = 0;
};

}  // namespace pmlint::engine
