#pragma once

// Reading YAML front matter into entries: yaml-cpp for any YAML, and a fast reader for the flat
// front matter nearly every postmortem has (scalars and lists of scalars), which gives the same
// entries without building a YAML tree. The fuzz target fuzz_front_matter holds them equal.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "document/line_index.hpp"

namespace pmlint::document {

struct YamlEntry {
  std::string name;
  std::string value;                // a scalar's text; a list's items joined with ", "
  std::vector<std::string> values;  // a list's items; empty for a scalar
  ByteSpan key;                     // the key as written ("owner")
  ByteSpan value_span;              // from the value's start to the end of its line
  bool operator==(const YamlEntry&) const = default;
};

struct YamlFrontMatter {
  std::vector<YamlEntry> entries;
  std::optional<LoadProblem> problem;  // not YAML, or not a mapping: nothing else is read
};

// The entries of front matter whose text is `body` of `source` (yaml-cpp).
YamlFrontMatter read_yaml_entries(std::string_view source, ByteSpan body, const LineIndex& lines);

// The same entries read without a YAML parser, or nullopt when the text uses YAML beyond flat
// `key: value` lines and `- item` lists (nesting, flow collections, escapes, anchors, comments
// after values, multi-line scalars, nulls), which only the full reader handles.
std::optional<YamlFrontMatter> read_flat_yaml_entries(std::string_view source, ByteSpan body, const LineIndex& lines);

}  // namespace pmlint::document
