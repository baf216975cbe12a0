#pragma once

#include <string_view>

namespace pmlint::util {

// Matches a '/'-separated relative path against a glob: '*' and '?' within a path segment,
// '**' across segments, '[abc]' / '[!abc]' classes. A pattern without '/' matches the last
// segment at any depth (as in .gitignore); a trailing '/' matches a folder and all below it.
bool glob_match(std::string_view pattern, std::string_view path);

// True when `text` holds glob characters ('*', '?', '[').
bool has_glob_characters(std::string_view text);

}  // namespace pmlint::util
