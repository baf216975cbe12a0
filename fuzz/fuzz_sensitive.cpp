// libFuzzer target: sensitive-data's scan against the patterns it stands for. Whatever one of
// them matches, the scan must let through, or the rule would miss it.

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/sensitive_patterns.hpp"

namespace {

// The rule's pattern set without configuration: the pack's patterns, then the built-in ones.
const re2::RE2::Set& patterns() {
  static const re2::RE2::Set* const set = [] {
    auto* compiled = new re2::RE2::Set(re2::RE2::DefaultOptions, re2::RE2::UNANCHORED);
    for (const auto& entry : pmlint::rules::sensitive::pack_patterns()) {
      compiled->Add(entry.pattern, nullptr);
    }
    for (const std::string_view pattern : pmlint::rules::sensitive::k_builtin_patterns) {
      compiled->Add(re2::StringPiece(pattern.data(), pattern.size()), nullptr);
    }
    if (!compiled->Compile()) {
      __builtin_trap();
    }
    return compiled;
  }();
  return *set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (patterns().Match(re2::StringPiece(text.data(), text.size()), nullptr) &&
      !pmlint::rules::sensitive::may_match(text)) {
    __builtin_trap();
  }
  return 0;
}
