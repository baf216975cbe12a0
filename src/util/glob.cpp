#include "util/glob.hpp"

#include <string>

namespace pmlint::util {

namespace {

bool match_class(std::string_view pattern, std::size_t& p, char c) {
  // pattern[p] == '['
  std::size_t i = p + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (pattern[i] != ']' || first)) {
    first = false;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      matched = matched || (c >= pattern[i] && c <= pattern[i + 2]);
      i += 3;
    } else {
      matched = matched || c == pattern[i];
      ++i;
    }
  }
  p = i < pattern.size() ? i + 1 : i;
  return matched != negate;
}

bool match(std::string_view pattern, std::string_view path) {
  std::size_t p = 0;
  std::size_t s = 0;
  std::size_t star_p = std::string_view::npos;
  std::size_t star_s = 0;
  while (s < path.size()) {
    if (p + 1 < pattern.size() && pattern[p] == '*' && pattern[p + 1] == '*') {
      // '**/' matches zero or more whole segments; a trailing '**' matches everything.
      std::size_t rest = p + 2;
      if (rest < pattern.size() && pattern[rest] == '/') {
        ++rest;
      }
      if (rest >= pattern.size()) {
        return true;
      }
      for (std::size_t k = s; k <= path.size(); ++k) {
        if ((k == s || path[k - 1] == '/') && match(pattern.substr(rest), path.substr(k))) {
          return true;
        }
      }
      return false;
    }
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_s = s;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '[' && path[s] != '/') {
      std::size_t next = p;
      if (match_class(pattern, next, path[s])) {
        p = next;
        ++s;
        continue;
      }
    } else if (p < pattern.size() && (pattern[p] == '?' ? path[s] != '/' : pattern[p] == path[s])) {
      ++p;
      ++s;
      continue;
    }
    // Backtrack to the last '*', which may not cross a '/'.
    if (star_p != std::string_view::npos && path[star_s] != '/') {
      p = star_p + 1;
      s = ++star_s;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.substr(0, 2) == "./") {
    pattern.remove_prefix(2);
  }
  const bool folder = !pattern.empty() && pattern.back() == '/';
  if (folder) {
    pattern.remove_suffix(1);
  }
  const bool anchored = !pattern.empty() && pattern.front() == '/';
  if (anchored) {
    pattern.remove_prefix(1);
  }
  if (pattern.empty()) {
    return false;
  }
  const std::string body(pattern);
  // Without a '/', the pattern names an entry at any depth; with one, a path from the base.
  const std::string prefix = (!anchored && body.find('/') == std::string::npos) ? "**/" : "";
  if (!folder && match(prefix + body, path)) {
    return true;
  }
  return match(prefix + body + "/**", path);  // everything inside a matching folder
}

bool has_glob_characters(std::string_view text) {
  return text.find_first_of("*?[") != std::string_view::npos;
}

}  // namespace pmlint::util
