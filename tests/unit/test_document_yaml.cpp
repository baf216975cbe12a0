#include <doctest/doctest.h>

#include <string>

#include "document/line_index.hpp"
#include "document/yaml_front_matter.hpp"

namespace pmlint::document {

namespace {

// Front matter `body` between fences, read both ways.
struct Readings {
  std::string source;
  std::optional<YamlFrontMatter> flat;
  YamlFrontMatter full;
};

Readings read_both(const std::string& body) {
  Readings readings;
  readings.source = "---\n" + body + "---\n# Title\n";
  const LineIndex lines(readings.source);
  const ByteSpan span{4, static_cast<std::uint32_t>(4 + body.size())};
  readings.flat = read_flat_yaml_entries(readings.source, span, lines);
  readings.full = read_yaml_entries(readings.source, span, lines);
  return readings;
}

void check_same(const YamlFrontMatter& flat, const YamlFrontMatter& full) {
  REQUIRE(flat.entries.size() == full.entries.size());
  for (std::size_t i = 0; i < flat.entries.size(); ++i) {
    CAPTURE(full.entries[i].name);
    CHECK(flat.entries[i].name == full.entries[i].name);
    CHECK(flat.entries[i].value == full.entries[i].value);
    CHECK(flat.entries[i].values == full.entries[i].values);
    CHECK(flat.entries[i].key == full.entries[i].key);
    CHECK(flat.entries[i].value_span == full.entries[i].value_span);
  }
  CHECK(flat.problem.has_value() == full.problem.has_value());
}

}  // namespace

TEST_CASE("front matter: the flat reader gives what yaml-cpp gives") {
  for (const char* body : {
           "title: \"Incident: search elevated error rate\"\nseverity: SEV2\nauthors:\n  - Priya Natarajan\n  - Omar Haddad\n"
           "status: draft\naudience: customer-facing\n",
           "title: 'Single: quoted'\nowner:   Sam Jones   \n",
           "authors:\n- Ana\n- Bo\ndate: 2023-06-29\n",
           "# a comment line\ntags:\n    - db\n    - \"eu west\"\n\nseverity: 2\n",
           "summary: It failed, then it recovered.\nincident_id: INC-1234\n",
       }) {
    CAPTURE(body);
    const auto readings = read_both(body);
    REQUIRE(readings.flat.has_value());  // these are the shapes the fast reader exists for
    check_same(*readings.flat, readings.full);
  }
}

TEST_CASE("front matter: the flat reader leaves other YAML to yaml-cpp") {
  for (const char* body : {
           "owner:\n",                          // a null
           "owner: ~\n",                        // a null
           "owner: null\n",                     // a null
           "team:\n  name: sre\n",              // nesting
           "tags: [a, b]\n",                    // flow sequence
           "title: \"escaped \\\" quote\"\n",   // escapes
           "title: a # comment\n",              // a comment after a value
           "title: first line\n  continued\n",  // a multi-line scalar
           "title: a\ntitle: b\n",              // a duplicate key
           "anchor: &a x\nref: *a\n",           // anchors
           "title:\tx\n",                       // a tab
           "authors:\n  - a\n   - b\n",         // items at two indentations
           "authors:\n  - name: A\n",           // a list of mappings
           "key with spaces: x\n",
           "NULL: 2024\n",                      // a null key (found by fuzz_front_matter)
           "title: Inc{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{ident\n",  // refused as too deep
           "",
       }) {
    CAPTURE(body);
    const auto readings = read_both(body);
    CHECK_FALSE(readings.flat.has_value());
  }
}

}  // namespace pmlint::document
