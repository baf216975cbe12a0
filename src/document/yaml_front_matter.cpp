#include "document/yaml_front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "util/text.hpp"
#include "util/yaml_guard.hpp"

namespace pmlint::document {

namespace {

constexpr std::size_t k_max_yaml_nesting = 64;

std::string scalar_text(const YAML::Node& node) {
  try {
    return node.as<std::string>();
  } catch (const YAML::Exception&) {
    return {};
  }
}

bool is_null_word(std::string_view word) { return word == "null" || word == "Null" || word == "NULL"; }

// The text of a scalar written on one line (`raw` runs from its first character to the line's
// end), or nullopt when reading it needs a YAML parser.
std::optional<std::string> flat_scalar(std::string_view raw) {
  const std::string_view value = util::trim_right(raw);
  if (value.empty()) {
    return std::nullopt;
  }
  const char quote = value.front();
  if (quote == '"' || quote == '\'') {
    // Quoted, without escapes, closing at the end of the line.
    const std::string_view inner = value.substr(1, value.size() >= 2 ? value.size() - 2 : 0);
    if (value.size() < 2 || value.back() != quote || inner.find(quote) != std::string_view::npos ||
        (quote == '"' && inner.find('\\') != std::string_view::npos)) {
      return std::nullopt;
    }
    return std::string(inner);
  }
  // Plain: no indicator first, no comment or mapping inside, not a null.
  if (std::string_view("-?:,[]{}#&*!|>%@`").find(quote) != std::string_view::npos ||
      value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos ||
      value.back() == ':' || value == "~" || is_null_word(value)) {
    return std::nullopt;
  }
  return std::string(value);
}

bool is_key_char(char c) { return util::is_ascii_alpha(c) || util::is_ascii_digit(c) || c == '_' || c == '-'; }

// Bytes that make the fast reader step aside: tabs, carriage returns and other controls, the
// BOM and the line breaks YAML knows beyond '\n' (NEL, LS, PS).
bool needs_full_reader(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n') || byte == 0x7F) {
      return true;
    }
  }
  return text.find("\xC2\x85") != std::string_view::npos || text.find("\xE2\x80\xA8") != std::string_view::npos ||
         text.find("\xE2\x80\xA9") != std::string_view::npos || text.find("\xEF\xBB\xBF") != std::string_view::npos;
}

}  // namespace

YamlFrontMatter read_yaml_entries(std::string_view source, ByteSpan body_span, const LineIndex& lines) {
  YamlFrontMatter result;
  const std::string_view body = body_span.of(source);
  const std::uint32_t first_line = lines.line_of(body_span.begin);
  auto span_at = [&](const YAML::Mark& mark) -> ByteSpan {
    if (mark.is_null()) {
      return lines.line_span(1);
    }
    const auto line = first_line + static_cast<std::uint32_t>(mark.line);
    const ByteSpan line_span = lines.line_span(line);
    const std::uint32_t begin = std::min(line_span.begin + static_cast<std::uint32_t>(mark.column), line_span.end);
    return {begin, line_span.end};
  };
  if (const auto deep = util::excessive_yaml_nesting(body, k_max_yaml_nesting)) {
    const std::uint32_t offset = body_span.begin + static_cast<std::uint32_t>(*deep);
    result.problem = LoadProblem{"front matter nests deeper than " + std::to_string(k_max_yaml_nesting) + " levels",
                                 {offset, offset + 1}};
    return result;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(body));
  } catch (const YAML::Exception& error) {
    result.problem = LoadProblem{"front matter is not valid YAML: " + error.msg, span_at(error.mark)};
    return result;
  }
  if (!root || root.IsNull()) {
    return result;
  }
  if (!root.IsMap()) {
    result.problem = LoadProblem{"front matter must be a mapping of keys to values", span_at(root.Mark())};
    return result;
  }
  for (const auto& pair : root) {
    const std::string name = scalar_text(pair.first);
    const YAML::Node& value = pair.second;
    const ByteSpan key_span = span_at(pair.first.Mark());
    const ByteSpan key{key_span.begin, std::min<std::uint32_t>(key_span.end, key_span.begin + static_cast<std::uint32_t>(name.size()))};
    if (value.IsScalar() || value.IsNull()) {
      const ByteSpan value_span = value.IsNull() ? ByteSpan{key.end, key.end} : span_at(value.Mark());
      result.entries.push_back({name, scalar_text(value), {}, key, value_span});
    } else if (value.IsSequence()) {
      std::vector<std::string> values;
      for (const auto& item : value) {
        if (item.IsScalar()) {
          values.push_back(scalar_text(item));
        } else if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
          values.push_back(scalar_text(item["name"]));  // authors: [{name: ..., email: ...}]
        }
      }
      result.entries.push_back({name, util::join(values, ", "), values, key, span_at(value.Mark())});
    } else if (value.IsMap()) {
      for (const auto& child : value) {
        if (child.second.IsScalar()) {
          result.entries.push_back({name + "." + scalar_text(child.first), scalar_text(child.second), {},
                                    span_at(child.first.Mark()), span_at(child.second.Mark())});
        }
      }
    }
  }
  return result;
}

std::optional<YamlFrontMatter> read_flat_yaml_entries(std::string_view source, ByteSpan body, const LineIndex& lines) {
  // Text the full reader refuses as too deeply nested is refused there, with its message.
  if (body.empty() || needs_full_reader(body.of(source)) || util::excessive_yaml_nesting(body.of(source), k_max_yaml_nesting)) {
    return std::nullopt;
  }
  YamlFrontMatter result;
  YamlEntry* open_list = nullptr;  // a key with no value on its line, whose items follow
  std::size_t item_indent = std::string_view::npos;
  const std::uint32_t first = lines.line_of(body.begin);
  const std::uint32_t last = lines.line_of(body.end - 1);
  for (std::uint32_t line = first; line <= last; ++line) {
    const ByteSpan span = lines.line_span(line);
    const std::string_view text = span.of(source);
    const std::size_t indent = text.find_first_not_of(' ');
    if (indent == std::string_view::npos || text[indent] == '#') {
      continue;  // blank or a comment line
    }
    if (text[indent] == '-') {
      // "- item" of the list the previous key opened, every item at one indentation.
      if (open_list == nullptr || text.substr(indent, 2) != "- " || (item_indent != std::string_view::npos && indent != item_indent)) {
        return std::nullopt;
      }
      const std::size_t start = text.find_first_not_of(' ', indent + 1);
      const auto item = start == std::string_view::npos ? std::nullopt : flat_scalar(text.substr(start));
      if (!item) {
        return std::nullopt;
      }
      if (item_indent == std::string_view::npos) {
        open_list->value_span = {span.begin + static_cast<std::uint32_t>(indent), span.end};
      }
      item_indent = indent;
      open_list->values.push_back(*item);
      continue;
    }
    if (indent != 0 || (open_list != nullptr && open_list->values.empty())) {
      return std::nullopt;  // a nested mapping, a multi-line scalar, or a key with nothing
    }
    if (open_list != nullptr) {
      open_list->value = util::join(open_list->values, ", ");
      open_list = nullptr;
    }
    std::size_t colon = 0;
    while (colon < text.size() && is_key_char(text[colon])) {
      ++colon;
    }
    if (colon == 0 || colon >= text.size() || text[colon] != ':' || (colon + 1 < text.size() && text[colon + 1] != ' ')) {
      return std::nullopt;
    }
    const std::string_view key = text.substr(0, colon);
    if (is_null_word(key)) {
      return std::nullopt;  // a null key
    }
    YamlEntry entry;
    entry.name = std::string(key);
    entry.key = {span.begin, span.begin + static_cast<std::uint32_t>(colon)};
    const bool duplicate = std::any_of(result.entries.begin(), result.entries.end(),
                                       [&](const YamlEntry& other) { return other.name == entry.name; });
    if (duplicate) {
      return std::nullopt;
    }
    const std::size_t start = text.find_first_not_of(' ', colon + 1);
    if (start == std::string_view::npos) {
      result.entries.push_back(std::move(entry));
      open_list = &result.entries.back();
      item_indent = std::string_view::npos;
      continue;
    }
    const auto value = flat_scalar(text.substr(start));
    if (!value) {
      return std::nullopt;
    }
    entry.value = *value;
    entry.value_span = {span.begin + static_cast<std::uint32_t>(start), span.end};
    result.entries.push_back(std::move(entry));
  }
  if (open_list != nullptr) {
    if (open_list->values.empty()) {
      return std::nullopt;
    }
    open_list->value = util::join(open_list->values, ", ");
  }
  if (result.entries.empty()) {
    return std::nullopt;
  }
  return result;
}

}  // namespace pmlint::document
