#include "util/text.hpp"

#include "util/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace pmlint::util {

std::string_view trim_left(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size() && is_space(text[begin])) {
    ++begin;
  }
  return text.substr(begin);
}

std::string_view trim_right(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) {
    --end;
  }
  return text.substr(0, end);
}

std::string_view trim(std::string_view text) { return trim_right(trim_left(text)); }

std::string to_lower_ascii(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower_ascii);
  return lowered;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
}

bool iends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

// Case-folds and strips accents; falls back to ASCII lowering if utf8proc rejects the text.
std::string casefold(std::string_view text) {
  utf8proc_uint8_t* raw = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
      &raw, options);
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (length < 0) {
    return to_lower_ascii(text);
  }
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(length));
}

bool is_letter_or_digit(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
      return true;
    default:
      return false;
  }
}

// Removes "( ... )" and "[ ... ]" groups, however nested.
std::string drop_parentheticals(std::string_view text) {
  std::string kept;
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      kept.push_back(c);
    }
  }
  return kept;
}

// The common case, plain ASCII: no Unicode tables needed.
std::string normalize_ascii_label(std::string_view text) {
  std::string words;
  words.reserve(text.size());
  bool pending_space = false;
  int depth = 0;
  for (const char c : text) {
    if (c == '(' || c == '[') {
      ++depth;
      pending_space = true;
      continue;
    }
    if ((c == ')' || c == ']') && depth > 0) {
      --depth;
      continue;
    }
    if (depth > 0) {
      continue;
    }
    if (is_ascii_alpha(c) || is_ascii_digit(c)) {
      if (pending_space && !words.empty()) {
        words.push_back(' ');
      }
      pending_space = false;
      words.push_back(lower_ascii(c));
    } else {
      pending_space = true;
    }
  }
  return words;
}

std::string strip_leading_numbers(std::string words) {
  std::string_view view = words;
  while (!view.empty() && is_ascii_digit(view.front())) {
    const auto space = view.find(' ');
    const auto token = view.substr(0, space);
    if (space == std::string_view::npos ||
        !std::all_of(token.begin(), token.end(), [](char c) { return is_ascii_digit(c); })) {
      break;
    }
    view.remove_prefix(space + 1);
  }
  if (view.size() == words.size()) {
    return words;  // nothing stripped, nearly always: no copy
  }
  return std::string(view);
}

}  // namespace

std::string normalize_label(std::string_view text) {
  if (is_ascii(text)) {
    return strip_leading_numbers(normalize_ascii_label(text));
  }
  const std::string folded = casefold(drop_parentheticals(text));
  std::string words;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t offset = 0;
  const auto size = static_cast<utf8proc_ssize_t>(folded.size());
  bool pending_space = false;
  while (offset < size) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t consumed = utf8proc_iterate(bytes + offset, size - offset, &code_point);
    if (consumed <= 0) {
      break;
    }
    if (is_letter_or_digit(code_point)) {
      if (pending_space && !words.empty()) {
        words.push_back(' ');
      }
      pending_space = false;
      words.append(folded, static_cast<std::size_t>(offset), static_cast<std::size_t>(consumed));
    } else {
      pending_space = true;
    }
    offset += consumed;
  }
  // Leading section numbers ("3 timeline", "2 1 impact") are layout, not part of the name.
  return strip_leading_numbers(std::move(words));
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (true) {
    const auto end = text.find(separator, begin);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(begin));
      return parts;
    }
    parts.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      joined.append(separator);
    }
    joined.append(parts[i]);
  }
  return joined;
}

std::string escape_control(std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (byte < 0x20 || byte == 0x7f) {
      escaped += "\\x";
      escaped.push_back(k_hex[byte >> 4]);
      escaped.push_back(k_hex[byte & 0xF]);
    } else if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) {
      // C1 controls (U+0080..U+009F): CSI and friends act on some terminals too.
      escaped += "\\u00";
      escaped.push_back(k_hex[next >> 4]);
      escaped.push_back(k_hex[next & 0xF]);
      ++i;
    } else {
      escaped.push_back(text[i]);
    }
  }
  return escaped;
}

}  // namespace pmlint::util
