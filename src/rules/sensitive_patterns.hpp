#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// What sensitive-data looks for, and the scan that spares most documents the search.
namespace pmlint::rules::sensitive {

// The detectors whose matches need more than a pattern to judge (the rule's code does), after the
// pack's patterns in the rule's pattern set.
enum Builtin : std::size_t { email, ipv4, ipv6, phone, card };
inline constexpr std::array<std::string_view, 5> k_builtin_patterns = {
    R"((?:^|[^\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}))",
    R"((?:^|[^\w.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?:[^\w]|$))",
    R"((?:^|[^\w:])((?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})(?:[0-9a-fA-F]{0,4}))(?:[^\w:]|$))",
    R"((?:^|[^\w+:/-])((?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|\+\d{1,3}(?:[ .-]\d{2,4}){3,5})(?:[^\w-]|$))",
    R"((?:^|[^\w.:/#=-])(\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}|\d{13,19})(?:[^\w.-]|$))",
};

// The patterns of rules/sensitive.yaml, in order, with what each finds.
struct PackPattern {
  std::string kind;  // "AWS access key id"
  std::string pattern;
};
std::vector<PackPattern> pack_patterns();

// False only when no match of any pack pattern or built-in pattern can lie in `text`; true when
// one may. It passes over most bytes with one table read and looks closer only where a match
// must have something distinctive: a token's literal prefix ("AKIA", "ghp_", "xoxb-", "eyJ",
// "-----BEGIN"), a credential word before ":" or "=", an "@" between address characters, a run
// of digits shaped like an address, a phone or a card number, hex groups between colons. The
// patterns' one pass (RE2's DFA, about 1.6 ns a byte) then runs only on the documents it lets
// through: none of 10,000 generated postmortems, 48 of the 121 real ones (16 of which hold a
// match). A test and a fuzz target hold it to the patterns: whatever they match, it lets through.
// Patterns the user adds are not covered: with any, the rule does not ask it.
bool may_match(std::string_view text);

}  // namespace pmlint::rules::sensitive
