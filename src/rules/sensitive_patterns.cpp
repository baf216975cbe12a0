#include "rules/sensitive_patterns.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "engine/packs.hpp"
#include "util/text.hpp"

namespace pmlint::rules::sensitive {

std::vector<PackPattern> pack_patterns() {
  std::vector<PackPattern> patterns;
  for (const auto& entry : engine::pack("sensitive").at("patterns")) {
    patterns.push_back({entry.at("kind").get<std::string>(), entry.at("pattern").get<std::string>()});
  }
  return patterns;
}

namespace {

// Each condition below is necessary for a match of the pattern it names; together they cover
// every pattern of rules/sensitive.yaml and k_builtin_patterns. RE2's \d, \w and \s are ASCII;
// under (?i) only "s" and "k" have non-ASCII equivalents (U+017F, U+212A).

bool is_alnum(char c) { return util::is_ascii_alpha(c) || util::is_ascii_digit(c); }
bool is_word(char c) { return is_alnum(c) || c == '_'; }  // RE2's \w
bool is_hex(char c) { return util::is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The character at `k` of `text`, or '\0' past its end.
char at(std::string_view text, std::size_t k) { return k < text.size() ? text[k] : '\0'; }

std::size_t digits_from(std::string_view text, std::size_t k) {
  std::size_t end = k;
  while (end < text.size() && util::is_ascii_digit(text[end])) {
    ++end;
  }
  return end - k;
}

bool ends_with_at(std::string_view text, std::size_t end, std::string_view literal) {
  return end >= literal.size() && text.substr(end - literal.size(), literal.size()) == literal;
}

bool is_one_of(char c, std::string_view set) { return c != '\0' && set.find(c) != std::string_view::npos; }

// At the start of a run of digits: an IPv4 address ("\d{1,3}(\.\d{1,3}){3}"), a North American
// phone number ("\d{3}\)?[ .-]\d{3}[ .-]\d{4}"; with a "+" country code the '+' answers), or a
// card number (13 digits or more, single spaces or hyphens between groups). Each starts at a run
// of digits: the patterns want no word character before it.
bool digits_may_match(std::string_view text, std::size_t start, std::size_t run) {
  if (run <= 3 && at(text, start + run) == '.') {
    std::size_t k = start + run;
    int groups = 1;
    while (groups < 4 && at(text, k) == '.') {
      const std::size_t next = digits_from(text, k + 1);
      if (next == 0 || (next > 3 && groups < 3)) {
        break;
      }
      k += 1 + next;
      ++groups;
    }
    if (groups == 4) {
      return true;
    }
  }
  if (run == 3) {
    std::size_t k = start + 3;
    if (at(text, k) == ')') {
      ++k;
    }
    if (is_one_of(at(text, k), " .-") && digits_from(text, k + 1) == 3 && is_one_of(at(text, k + 4), " .-") &&
        digits_from(text, k + 5) >= 4) {
      return true;
    }
  }
  std::size_t digits = run;
  std::size_t k = start + run;
  while (digits < 13 && is_one_of(at(text, k), " -") && util::is_ascii_digit(at(text, k + 1))) {
    const std::size_t next = digits_from(text, k + 1);
    digits += next;
    k += 1 + next;
  }
  return digits >= 13;
}

// Before a ':' or '=' (and RE2's \s): "password", "secret", "api_key", "access-token",
// "private_key" and the rest of the credential pattern's words, compared as its (?i) compares
// them: ASCII case aside, "ſ" is an "s" and "K" a "k".
bool credential_may_end_at(std::string_view text, std::size_t separator) {
  std::size_t end = separator;
  while (end > 0 && is_one_of(text[end - 1], " \t\n\f\r")) {
    --end;
  }
  if (end == 0 || !is_one_of(util::lower_ascii(text[end - 1]), "dtyn")) {
    return false;  // every word ends so; most labels ("Impact:", "Owner:") stop here
  }
  static constexpr std::array<std::string_view, 16> k_words = {
      "password",   "passwd",      "pwd",          "secret",       "apikey",    "api_key",
      "api-key",    "accesstoken", "access_token", "access-token", "authtoken", "auth_token",
      "auth-token", "privatekey",  "private_key",  "private-key"};
  constexpr std::size_t k_longest = 12;
  std::array<char, k_longest> folded{};  // the last letters, last first
  std::size_t length = 0;
  while (end > 0 && length < k_longest) {
    if (ends_with_at(text, end, "\xC5\xBF")) {
      folded[length++] = 's';
      end -= 2;
    } else if (ends_with_at(text, end, "\xE2\x84\xAA")) {
      folded[length++] = 'k';
      end -= 3;
    } else {
      folded[length++] = util::lower_ascii(text[--end]);
    }
  }
  return std::any_of(k_words.begin(), k_words.end(), [&](std::string_view word) {
    return word.size() <= length && std::equal(word.rbegin(), word.rend(), folded.begin());
  });
}

// At a ':' that ends a group of 1 to 4 hex digits with no word character or colon before it:
// another such group, then a colon or a hex digit, as every IPv6 match begins ("fe80:0:",
// "2001:db8::"). Times ("14:32:05") pass; ISO 8601 ones ("T14:32:05Z") do not.
bool ipv6_may_start_at(std::string_view text, std::size_t colon) {
  std::size_t first = 0;
  while (first < 5 && first < colon && is_hex(text[colon - 1 - first])) {
    ++first;
  }
  if (first == 0 || first > 4 || (first < colon && (is_word(text[colon - 1 - first]) || text[colon - 1 - first] == ':'))) {
    return false;
  }
  std::size_t group = 0;
  while (group < 5 && is_hex(at(text, colon + 1 + group))) {
    ++group;
  }
  const std::size_t next = colon + 1 + group;
  return group >= 1 && group <= 4 && at(text, next) == ':' && (at(text, next + 1) == ':' || is_hex(at(text, next + 1)));
}

bool may_match_at(std::string_view text, std::size_t i) {
  // The byte before `i`, or '\0'; each case tests one byte before comparing more.
  const char before = i > 0 ? text[i - 1] : '\0';
  switch (text[i]) {
    case '@':  // e-mail: an address character on each side
      return (is_alnum(before) || is_one_of(before, "._%+-")) && is_alnum(at(text, i + 1));
    case ':':  // IPv6 addresses, credentials, Slack webhook URLs ("https://hooks.")
      return ipv6_may_start_at(text, i) || credential_may_end_at(text, i) ||
             (at(text, i + 1) == '/' && text.substr(i + 1, 8) == "//hooks.");
    case '=':
      return credential_may_end_at(text, i);
    case '+':  // a phone number with its country code
      return util::is_ascii_digit(at(text, i + 1));
    case '-':  // GitLab and Slack tokens
      return (before == 't' && ends_with_at(text, i, "glpat")) ||
             (is_one_of(before, "abposr") && ends_with_at(text, i - 1, "xox"));
    case 'B':  // private key blocks
      return before == '-' && ends_with_at(text, i, "-----") && text.substr(i, 5) == "BEGIN";
    case '_':  // GitHub tokens ("ghp_", "github_pat_"), Stripe keys ("sk_live_")
      return (is_one_of(before, "pousr") && ends_with_at(text, i - 1, "gh")) ||
             (before == 'b' && ends_with_at(text, i, "github")) || (before == 'e' && ends_with_at(text, i, "live"));
    case 'A': {  // AWS access key ids (four capitals ending in "A"), Google API keys ("AIza")
      static constexpr std::array<std::string_view, 8> k_aws = {"AKIA", "ASIA", "AGPA", "AIDA",
                                                                "AROA", "ANPA", "ANVA", "AIPA"};
      const std::string_view four = text.substr(i, 4);
      return at(text, i + 3) == 'A' ? std::find(k_aws.begin(), k_aws.end(), four) != k_aws.end() : four == "AIza";
    }
    case 'J':  // JSON web tokens
      return before == 'y' && ends_with_at(text, i, "ey");
    default:
      return false;
  }
}

// The bytes worth a closer look; every other byte (nine in ten) is passed over with one table read.
constexpr std::array<bool, 256> k_closer_look = [] {
  std::array<bool, 256> closer{};
  for (const char c : std::string_view("0123456789@:=+-_ABJ")) {
    closer[static_cast<unsigned char>(c)] = true;
  }
  return closer;
}();

}  // namespace

bool may_match(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!k_closer_look[static_cast<unsigned char>(text[i])]) {
      continue;
    }
    if (util::is_ascii_digit(text[i])) {
      const std::size_t run = digits_from(text, i);
      if (digits_may_match(text, i, run)) {
        return true;
      }
      i += run - 1;  // the next run starts after a non-digit
    } else if (may_match_at(text, i)) {
      return true;
    }
  }
  return false;
}

}  // namespace pmlint::rules::sensitive
