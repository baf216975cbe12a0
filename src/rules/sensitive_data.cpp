#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "engine/options.hpp"
#include "engine/packs.hpp"
#include "rules/common.hpp"
#include "rules/rules.hpp"
#include "rules/text_scan.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr std::array<std::string_view, 3> k_tags = {"privacy", "security", "stage-1-scope"};

constexpr std::array<engine::OptionSpec, 2> k_options = {{
    {"allow", engine::OptionSpec::Kind::string_list, "[]",
     "Exact strings never to report (a team's public support address, a documentation IP)."},
    {"extra_patterns", engine::OptionSpec::Kind::string_list, "[]",
     "More RE2 patterns to report as sensitive (e.g. an internal token format)."},
}};

constexpr RuleInfo k_info{
    "sensitive-data",
    "E-mail addresses, IP addresses, phone numbers, credentials or card numbers in the document",
    R"md(## What it checks
Personal and secret data anywhere in the file, code blocks and front matter included:
personal e-mail addresses, IPv4 and IPv6 addresses, phone numbers, credential-like strings (cloud
access keys, GitHub/GitLab/Slack tokens, private key headers, JSON web tokens, `password: ...`
assignments) and card numbers that pass the Luhn check. It leaves alone documentation and
loopback addresses (`192.0.2.x`, `127.0.0.1`, `1.2.3.4`), example domains, role addresses
(`help@`, `support@`, `security@`), placeholders (`${TOKEN}`, `<redacted>`, `****`), version
numbers, and long numbers inside URLs and identifiers.

Findings never print what they found: the message shows the first four characters and "…".
The severity is error in a customer-facing document, warning otherwise.

## Why it matters
Stage 1 of the workflow sets the document's sensitivity: postmortems are shared widely and often
published, and the logs and chat excerpts pasted into them carry internal addresses, people's
e-mail addresses and, now and then, a live credential.

## Example
```markdown
Get http://10.12.5.36:10254/healthz: dial tcp 10.12.5.36:10254: connection refused
Reported by jane.doe@corp.example.co
```

## Use instead
```markdown
Get http://<pod-ip>:10254/healthz: dial tcp <pod-ip>:10254: connection refused
Reported by a platform engineer
```

## Options
- `allow` (list of strings, default `[]`): exact strings never to report.
- `extra_patterns` (list of RE2 patterns, default `[]`): more patterns to report.
)md",
    Severity::warning,
    k_tags,
    k_options,
};

struct Detector {
  std::string kind;
  util::LazyRegex pattern;  // compiled only for files the one-pass check says it may match
};

// The built-in detectors whose matches need more than a pattern to judge.
constexpr std::string_view k_email =
    R"((?:^|[^\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}))";
constexpr std::string_view k_ipv4 = R"((?:^|[^\w.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?:[^\w]|$))";
constexpr std::string_view k_ipv6 =
    R"((?:^|[^\w:])((?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})(?:[0-9a-fA-F]{0,4}))(?:[^\w:]|$))";
constexpr std::string_view k_phone =
    R"((?:^|[^\w+:/-])((?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|\+\d{1,3}(?:[ .-]\d{2,4}){3,5})(?:[^\w-]|$))";
constexpr std::string_view k_card = R"((?:^|[^\w.:/#=-])(\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}|\d{13,19})(?:[^\w.-]|$))";
constexpr std::array<std::string_view, 5> k_builtin_patterns = {k_email, k_ipv4, k_ipv6, k_phone, k_card};

enum Builtin : std::size_t { email, ipv4, ipv6, phone, card };  // indexes into k_builtin_patterns

// Each built-in pattern, compiled on first use and shared by every configuration.
const re2::RE2& builtin_pattern(Builtin index) {
  static const std::array<util::LazyRegex, 5> patterns = {
      util::LazyRegex(std::string(k_email)), util::LazyRegex(std::string(k_ipv4)), util::LazyRegex(std::string(k_ipv6)),
      util::LazyRegex(std::string(k_phone)), util::LazyRegex(std::string(k_card))};
  return patterns[index].get();
}

bool luhn_valid(std::string_view digits) {
  int sum = 0;
  bool double_it = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int digit = *it - '0';
    if (double_it) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

// Issuer prefixes of the major card networks: Visa, Mastercard, Amex, Discover, JCB, Diners.
bool card_prefix(std::string_view digits) {
  const auto starts = [&](std::string_view prefix) { return digits.substr(0, prefix.size()) == prefix; };
  if (starts("4")) {
    return digits.size() == 13 || digits.size() == 16 || digits.size() == 19;
  }
  const int two = std::stoi(std::string(digits.substr(0, 2)));
  const int four = std::stoi(std::string(digits.substr(0, 4)));
  return ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) ? digits.size() == 16
         : (two == 34 || two == 37)                                   ? digits.size() == 15
         : (starts("6011") || starts("65"))                           ? digits.size() == 16
         : (four >= 3528 && four <= 3589)                             ? digits.size() == 16
         : (two == 36 || two == 38)                                   ? digits.size() == 14
                                                                      : false;
}

// The white-space-delimited token around [begin, end): is the match part of a URL or identifier?
std::string_view token_around(std::string_view text, std::size_t begin, std::size_t end) {
  const auto is_delimiter = [](char c) {
    return util::is_space(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == '"' || c == '\'' || c == '`' ||
           c == '[' || c == ']' || c == '|';
  };
  while (begin > 0 && !is_delimiter(text[begin - 1])) {
    --begin;
  }
  while (end < text.size() && !is_delimiter(text[end])) {
    ++end;
  }
  return text.substr(begin, end - begin);
}

bool in_url(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view token = token_around(text, begin, end);
  return token.find("://") != std::string_view::npos || util::istarts_with(token, "www.");
}

std::string mask(std::string_view secret) {
  std::size_t bytes = 0;
  int code_points = 0;
  while (bytes < secret.size() && code_points < 4) {
    ++bytes;
    while (bytes < secret.size() && (static_cast<unsigned char>(secret[bytes]) & 0xC0) == 0x80) {
      ++bytes;
    }
    ++code_points;
  }
  return std::string(secret.substr(0, bytes)) + "…";
}

class SensitiveData final : public engine::Rule {
 public:
  [[nodiscard]] const RuleInfo& info() const override { return k_info; }

  void configure(const engine::RuleOptions& options) override {
    // One pass over the text tells which patterns can match at all; most files need none.
    m_any = std::make_unique<re2::RE2::Set>(re2::RE2::DefaultOptions, re2::RE2::UNANCHORED);
    const engine::PackData& pack = engine::pack("sensitive");
    for (const auto& entry : pack.at("patterns")) {
      add(entry.at("kind").get<std::string>(), entry.at("pattern").get<std::string>());
    }
    for (const auto& extra : options.strings("extra_patterns")) {
      add("sensitive value", extra);
    }
    for (const auto& placeholder : engine::pack_strings("sensitive", "placeholders")) {
      m_placeholders.emplace_back(placeholder);
    }
    m_email_allow = engine::pack_strings("sensitive", "email_allow");
    m_allow = options.strings("allow");
    for (const std::string_view pattern : k_builtin_patterns) {
      m_any->Add(re2::StringPiece(pattern.data(), pattern.size()), nullptr);
    }
    if (!m_any->Compile()) {
      throw std::runtime_error("sensitive-data patterns do not compile together");
    }
  }

  void check(Context& context) const override {
    const std::string_view text = context.source();
    const std::optional<Severity> severity =
        context.customer_facing() ? std::optional<Severity>(Severity::error) : std::nullopt;
    const std::string where = context.customer_facing() ? " in a customer-facing document" : "";
    auto report = [&](std::string_view kind, std::string_view found, std::string_view advice) {
      if (std::find(m_allow.begin(), m_allow.end(), found) != m_allow.end()) {
        return;
      }
      const auto span = document::span_of(text, found);
      context.report(span, std::string(kind) + " '" + mask(found) + "'" + where + "; " + std::string(advice),
                     std::nullopt, severity);
    };
    std::vector<int> matched;
    if (!m_any->Match(re2::StringPiece(text.data(), text.size()), &matched)) {
      return;
    }
    const auto may_match = [&](std::size_t index) {
      return std::find(matched.begin(), matched.end(), static_cast<int>(index)) != matched.end();
    };
    // The built-in patterns follow the pack's in the set.
    const auto each_builtin_match = [&](Builtin which, const auto& on_match) {
      if (may_match(m_detectors.size() + which)) {
        util::for_each_match(builtin_pattern(which), text, on_match);
      }
    };
    for (std::size_t d = 0; d < m_detectors.size(); ++d) {
      if (!may_match(d)) {
        continue;
      }
      const auto& detector = m_detectors[d];
      util::for_each_match(detector.pattern.get(), text, [&](const util::Match& match) {
        const std::string_view value = match.group(1).data() != nullptr ? match.group(1) : match.whole;
        if (!is_placeholder(value)) {
          report(detector.kind, match.whole, "remove it and rotate it if it was ever live");
        }
        return true;
      });
    }
    each_builtin_match(email, [&](const util::Match& match) {
      const std::string_view email = match.group(1);
      if (!allowed_email(email)) {
        report("e-mail address", email, "name a role or team instead of a person's address");
      }
      return true;
    });
    each_builtin_match(ipv4, [&](const util::Match& match) {
      const std::string_view address = match.group(1);
      if (reportable_ipv4(text, address)) {
        report("IP address", address, "replace it with a placeholder such as <node-ip>");
      }
      return true;
    });
    each_builtin_match(ipv6, [&](const util::Match& match) {
      const std::string_view address = match.group(1);
      if (address.find("::") != std::string_view::npos || std::count(address.begin(), address.end(), ':') == 7) {
        if (!util::istarts_with(address, "2001:db8") && address != "::1" && address != "::") {
          report("IP address", address, "replace it with a placeholder such as <node-ip>");
        }
      }
      return true;
    });
    each_builtin_match(phone, [&](const util::Match& match) {
      const std::string_view number = match.group(1);
      const auto begin = static_cast<std::size_t>(number.data() - text.data());
      if (!in_url(text, begin, begin + number.size())) {
        report("phone number", number, "remove it or use a team's public contact");
      }
      return true;
    });
    each_builtin_match(card, [&](const util::Match& match) {
      const std::string_view candidate = match.group(1);
      std::string digits;
      for (const char c : candidate) {
        if (util::is_ascii_digit(c)) {
          digits.push_back(c);
        }
      }
      const auto begin = static_cast<std::size_t>(candidate.data() - text.data());
      if (digits.size() >= 13 && digits.size() <= 19 && card_prefix(digits) && luhn_valid(digits) &&
          !in_url(text, begin, begin + candidate.size())) {
        report("card number", candidate, "remove it: card numbers must never appear in a postmortem");
      }
      return true;
    });
  }

 private:
  void add(const std::string& kind, const std::string& pattern) {
    std::string error;
    if (m_any->Add(pattern, &error) < 0) {
      throw std::runtime_error("pattern '" + pattern + "' does not compile: " + error);
    }
    m_detectors.push_back({kind, util::LazyRegex(pattern)});
  }

  [[nodiscard]] bool is_placeholder(std::string_view value) const {
    return std::any_of(m_placeholders.begin(), m_placeholders.end(),
                       [&](const util::LazyRegex& pattern) {
                         return re2::RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), pattern.get());
                       });
  }

  [[nodiscard]] bool allowed_email(std::string_view email) const {
    const auto at = email.find('@');
    const std::string local = util::to_lower_ascii(email.substr(0, at));
    const std::string domain = util::to_lower_ascii(email.substr(at + 1));
    static const std::array<std::string_view, 16> k_role_accounts = {
        "help", "support", "security", "info", "contact", "abuse", "noreply", "no-reply", "postmaster",
        "hello", "team", "privacy", "legal", "press", "git", "webmaster"};
    if (std::find(k_role_accounts.begin(), k_role_accounts.end(), local) != k_role_accounts.end() ||
        local.find("team") != std::string::npos || util::iends_with(domain, "googlegroups.com")) {
      return true;  // a role, team or mailing-list address, not a person's
    }
    return std::any_of(m_email_allow.begin(), m_email_allow.end(), [&](const std::string& allowed) {
      return domain == allowed || util::iends_with(domain, "." + allowed);
    });
  }

  static bool reportable_ipv4(std::string_view text, std::string_view address) {
    const auto begin = static_cast<std::size_t>(address.data() - text.data());
    const std::size_t end = begin + address.size();
    // Versions and longer dotted numbers ("v1.2.3.4", "1.2.3.4.5", "version 1.19.0.1") are not
    // addresses.
    if ((begin > 0 && (text[begin - 1] == '.' || text[begin - 1] == 'v' || text[begin - 1] == 'V')) ||
        (end + 1 < text.size() && text[end] == '.' && util::is_ascii_digit(text[end + 1]))) {
      return false;
    }
    const auto before = words_of(text.substr(begin > 24 ? begin - 24 : 0, begin > 24 ? 24 : begin));
    if (!before.empty()) {
      const std::string word = util::to_lower_ascii(before.back().text);
      if (word == "version" || word == "versions" || word == "release" || word == "ver" || word == "build") {
        return false;
      }
    }
    int octets[4] = {0, 0, 0, 0};
    int index = 0;
    for (const std::string_view part : util::split(address, '.')) {
      if (part.size() > 1 && part.front() == '0') {
        return false;  // "01.02.03.04" is a date or version, not an address
      }
      octets[index] = std::stoi(std::string(part));
      if (octets[index] > 255) {
        return false;
      }
      ++index;
    }
    const bool loopback_or_any = octets[0] == 127 || octets[0] == 0 || octets[0] >= 224;
    const bool netmask = octets[0] == 255;
    const bool documentation = (octets[0] == 192 && octets[1] == 0 && octets[2] == 2) ||
                               (octets[0] == 198 && octets[1] == 51 && octets[2] == 100) ||
                               (octets[0] == 203 && octets[1] == 0 && octets[2] == 113) ||
                               address == "1.2.3.4" || address == "1.1.1.1" || address == "8.8.8.8" ||
                               address == "8.8.4.4";
    return !loopback_or_any && !netmask && !documentation;
  }

  std::vector<Detector> m_detectors;
  std::vector<util::LazyRegex> m_placeholders;
  std::vector<std::string> m_email_allow;
  std::vector<std::string> m_allow;
  std::unique_ptr<re2::RE2::Set> m_any;  // every pattern above, for the one-pass check
};

}  // namespace

engine::RegisteredRule sensitive_data() {
  return {&k_info, []() -> std::unique_ptr<engine::Rule> { return std::make_unique<SensitiveData>(); }};
}

}  // namespace pmlint::rules
