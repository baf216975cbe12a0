#include <doctest/doctest.h>

#include <map>

#include "document/markdown.hpp"
#include "support/helpers.hpp"

namespace pmlint::document {

using test::parse;

namespace {

std::vector<SectionKind> kinds(const Document& document) {
  std::vector<SectionKind> found;
  for (const auto& section : document.sections()) {
    found.push_back(section.kind);
  }
  return found;
}

std::string text(const Document& document, ByteSpan span) { return std::string(span.of(document.source())); }

}  // namespace

TEST_CASE("sections are recognised by alias at any level, and as bold labels") {
  const auto document = parse(
      "# Outage\n\n"
      "## **Timeline**\n\ntext\n\n"
      "### What didn't go so well?\n\ntext\n\n"
      "#### Root cause of the outage\n\ntext\n\n"
      "## Lessons learnt\n\n"
      "- **Impact**: users could not log in\n"
      "- **Key events**\n"
      "  - First detected: 2023-06-06 10:26\n"
      "- **Context/Resolution/Review actions**: see the linked report\n");
  const auto found = kinds(document);
  CHECK(std::count(found.begin(), found.end(), SectionKind::timeline) == 2);
  CHECK(std::count(found.begin(), found.end(), SectionKind::went_wrong) == 1);
  CHECK(std::count(found.begin(), found.end(), SectionKind::root_cause) == 1);
  CHECK(std::count(found.begin(), found.end(), SectionKind::lessons) == 1);
  CHECK(std::count(found.begin(), found.end(), SectionKind::impact) == 1);
  CHECK(std::count(found.begin(), found.end(), SectionKind::resolution) == 1);
  CHECK(std::count(found.begin(), found.end(), SectionKind::action_items) == 1);
  const auto* impact = document.first_section(SectionKind::impact);
  REQUIRE(impact);
  CHECK(impact->labelled);
  CHECK(text(document, impact->body).find("users could not log in") != std::string::npos);
}

TEST_CASE("a section ends at the next heading of the same or a higher level") {
  const auto document = parse("## Impact\n\nA\n\n### Detail\n\nB\n\n## Timeline\n\nC\n");
  const auto* impact = document.first_section(SectionKind::impact);
  REQUIRE(impact);
  const std::string body = text(document, impact->body);
  CHECK(body.find('B') != std::string::npos);
  CHECK(body.find('C') == std::string::npos);
}

TEST_CASE("a label section's content may continue after its bullet") {
  const auto document = parse("- **Key events**\n\n- First detected: 2023-06-06 10:26\n- Resolved 2023-06-06 11:21\n\n- **Impact**: none\n");
  REQUIRE(document.timeline().size() == 2);
  CHECK(document.timeline()[0].milestone == Milestone::detection);
  CHECK(document.timeline()[1].milestone == Milestone::resolution);
}

TEST_CASE("metadata comes from YAML and TOML front matter, Key: value lines, tables and labels") {
  SUBCASE("YAML") {
    const auto document = parse("---\nseverity: SEV2\nauthors: [Ana, Bo]\naudience: public\n---\n# T\n");
    REQUIRE(document.metadata_entry("owner"));
    CHECK(document.metadata_entry("owner")->values.size() == 2);
    CHECK(document.severity() == 2);
    CHECK(document.audience() == std::string("customer-facing"));
  }
  SUBCASE("TOML") {
    const auto document = parse("+++\ntitle = \"docs.rs outage\"\nauthors = [\"Pietro\"]\n[extra]\nteam = \"infra\"\n+++\n");
    REQUIRE(document.metadata_entry("owner"));
    CHECK(document.metadata_entry("owner")->value == "Pietro");
    CHECK(document.metadata_entry("extra team"));
  }
  SUBCASE("Key: value lines at the top") {
    const auto document = parse("# Prow outage\n\nCreated By: Benjamin <b@example.com>\nSeverity: Sev 1\n\n## Summary\n\nSeverity: SEV4 here is prose\n");
    CHECK(document.metadata_entry("owner"));
    CHECK(document.severity() == 1);
  }
  SUBCASE("Key: value lines keep the value's text and place, without bold markers or blanks") {
    const std::string text =
        "# T\n\n- **Owner**: @dana  \n**Date:** 2024-05-01\n__Status:__ \t\nSeverity :SEV3\n"
        "Docs: https://example.com/a:b\nThis line is far too long to be the key of anything at all: no\n";
    const auto document = parse(text);
    REQUIRE(document.metadata_entry("owner"));
    CHECK(document.metadata_entry("owner")->value == "@dana");
    CHECK(document.metadata_entry("owner")->value_span.of(text) == "@dana");
    REQUIRE(document.metadata_entry("date"));
    CHECK(document.metadata_entry("date")->value_span.of(text) == "2024-05-01");
    REQUIRE(document.metadata_entry("status"));
    CHECK(document.metadata_entry("status")->value.empty());
    CHECK(document.metadata_entry("status")->value_span.begin == text.find("Severity") - 1);  // at the line's end
    CHECK(document.severity() == 3);
  }
  SUBCASE("a two-column table at the top") {
    const auto document = parse("# T\n\n| Field | Value |\n|---|---|\n| Owner | @dana |\n| Severity | P2 |\n\n## Summary\n");
    CHECK(document.metadata_entry("owner")->value == "@dana");
    CHECK(document.severity() == 2);
  }
  SUBCASE("severity words in prose are not a declaration") {
    const auto document = parse("# A critical outage\n\nTwo teams were busy with other severity 1 work.\n\n## Impact\n\nminor issues\n");
    CHECK_FALSE(document.severity());
  }
  SUBCASE("a SEV token in the title declares it") {
    CHECK(parse("# [SEV2] Checkout errors\n").severity() == 2);
  }
}

TEST_CASE("front matter problems are recorded with their place") {
  SUBCASE("not YAML") {
    const auto document = parse("---\nseverity: [SEV2\n---\n# T\n");
    REQUIRE(document.problems().size() == 1);
    CHECK(document.problems()[0].message.find("not valid YAML") != std::string::npos);
    CHECK(document.lines().position(document.problems()[0].span.begin).line >= 2);
  }
  SUBCASE("never closed") {
    const auto document = parse("---\ntitle: x\n# T\n");
    REQUIRE(document.problems().size() == 1);
    CHECK(document.problems()[0].message.find("never closed") != std::string::npos);
  }
  SUBCASE("an alias bomb does not expand") {
    const auto document = parse("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n");
    CHECK(document.problems().empty());
  }
}

TEST_CASE("the prose view blanks code, comments, link targets and quotes, keeping offsets") {
  const std::string source =
      "Sam `forgot to` drain [the node](https://example.com/human-error) <!-- blame -->\n\n> quoted chat\nlazy line\n\n"
      "```\nlog line\n```\n";
  const auto document = parse(source);
  const std::string_view prose = document.prose();
  REQUIRE(prose.size() == source.size());
  CHECK(prose.find("forgot") == std::string_view::npos);
  CHECK(prose.find("human-error") == std::string_view::npos);
  CHECK(prose.find("blame") == std::string_view::npos);
  CHECK(prose.find("quoted") == std::string_view::npos);
  CHECK(prose.find("lazy") == std::string_view::npos);
  CHECK(prose.find("log line") == std::string_view::npos);
  CHECK(prose.find("the node") == source.find("the node"));
  REQUIRE(document.comments().size() == 1);
  CHECK(document.comments()[0].body == "blame");
}

TEST_CASE("timeline entries in every shape") {
  SUBCASE("a table with a zone in the preamble and date-only rows") {
    const auto document = parse(
        "## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n| :--- | --- |\n| 2021-12-10 | published |\n"
        "| 2021-12-10   15:40 | We became aware |\n| 16:10 | Alert fired |\n");
    REQUIRE(document.timeline().size() == 3);
    CHECK(document.timeline()[0].precision == Precision::day);
    CHECK(document.timeline()[1].zone_source == ZoneSource::declared);
    CHECK(document.timeline()[1].zone->utc);
    CHECK(document.timeline()[2].date == CivilDate{2021, 12, 10});
    CHECK(document.timeline()[2].date_carried);
    CHECK(document.timeline()[2].milestone == Milestone::detection);
  }
  SUBCASE("a heading per timestamp under day headings, with the zone in the heading") {
    const auto document = parse(
        "## Timeline (times in BST)\n\n## May 12\n\n### 5:00 PM\nIncident declared\n\n### 5:32 PM\nUptime check fails\n\n"
        "## May 13\n\n### 09:00\nResolved.\n\n## Action items\n\n- fix it\n");
    REQUIRE(document.timeline().size() == 3);
    CHECK(document.timeline()[0].time->hour == 17);
    CHECK(document.timeline()[0].zone->name == "BST");
    CHECK(document.timeline()[2].date->day == 13);
    CHECK(document.timeline()[2].milestone == Milestone::resolution);
  }
  SUBCASE("bullets that start with a time, a date line and a default date") {
    const auto document = parse(
        "## Timeline of events\n\nUnless otherwise noted all events happened on 2019-10-21, and all times are in UTC.\n\n"
        "- **2019-10-20 00:55: crate builds started failing**\n- 01:38: alerts fired\n- [???] someone noticed\n");
    REQUIRE(document.timeline().size() == 3);
    CHECK(document.timeline()[0].milestone == Milestone::start);
    CHECK(document.timeline()[1].date == CivilDate{2019, 10, 21});
    CHECK(document.timeline()[2].precision == Precision::unknown);
  }
  SUBCASE("label lines") {
    const auto document = parse("## Key events\n\n- First detected: 2023-06-06 10:26\n- Repaired: 2025-01-14 1600\n- Resolved 2023-06-06 11:21\n");
    REQUIRE(document.timeline().size() == 3);
    CHECK(document.timeline()[1].time->hour == 16);
    CHECK(document.timeline()[1].milestone == Milestone::mitigation);
  }
  SUBCASE("lines of a paragraph, and the day moving on") {
    const auto document = parse("## Timeline\n\n2019-01-22\n\n- 23:55 deploy\n- 07:00 next morning, pages\n");
    REQUIRE(document.timeline().size() == 2);
    CHECK(document.timeline()[1].date == CivilDate{2019, 1, 23});
    CHECK(document.timeline()[1].day_rollover);
  }
  SUBCASE("log lines in code blocks and quoted chat are not entries") {
    const auto document = parse("## Timeline\n\n```\n10:00 ERROR x\n```\n\n> liggitt [6:27 AM]\n> text\n\n- 10:05 real entry\n");
    REQUIRE(document.timeline().size() == 1);
  }
  SUBCASE("prose sentences when there is no timeline section") {
    const auto document = parse("# Rustup\n\nOn 2021-04-27 at 15:09 UTC we released 1.24.0. At 15:23 UTC we received a report.\n");
    REQUIRE(document.timeline().size() == 2);
    CHECK(document.timeline()[1].zone->utc);
  }
}

TEST_CASE("action items from tables, lists, groups and inline fields") {
  SUBCASE("a table with field columns") {
    const auto document = parse(
        "## Action items\n\n| Action | Owner | Due | Ticket | Type |\n|---|---|---|---|---|\n"
        "| Add a canary | @priya | 2023-11-08 | SRE-9359 | Mitigate |\n| Add monitoring | TBD |  |  |  |\n");
    REQUIRE(document.action_items().size() == 2);
    const auto& first = document.action_items()[0];
    CHECK(first.owner.value == "@priya");
    CHECK(first.due_date == CivilDate{2023, 11, 8});
    CHECK(first.ticket.value == "SRE-9359");
    CHECK(first.type_name == "recover");
    CHECK(document.action_items()[1].owner.value == "TBD");
  }
  SUBCASE("list items with inline fields") {
    const auto document = parse(
        "## Action Items\n\n- Add alerting on config load failures (owner: @dana, due 2024-06-01) [detect] OPS-12\n"
        "- [x] Update the runbook https://github.com/org/repo/issues/5\n- N/A\n");
    REQUIRE(document.action_items().size() == 2);
    CHECK(document.action_items()[0].owner.value == "@dana");
    CHECK(document.action_items()[0].due_date == CivilDate{2024, 6, 1});
    CHECK(document.action_items()[0].type_name == "detect");
    CHECK(document.action_items()[0].ticket.value == "OPS-12");
    CHECK(document.action_items()[1].done == true);
    CHECK(document.action_items()[1].ticket.value.find("issues/5") != std::string::npos);
  }
  SUBCASE("items grouped under sub-headings and group labels") {
    const auto document = parse(
        "## Action items\n\n### Process improvements\n\n1. Write a deploy checklist\n\n### Technical improvements\n\n"
        "- Add a circuit breaker\n- **Monitoring**\n  - Alert on p99 > 2s\n");
    REQUIRE(document.action_items().size() == 3);
    CHECK(document.action_items()[0].type_name == "process");
    CHECK(document.action_items()[1].group == "Technical improvements");
    CHECK(document.action_items()[2].group == "Monitoring");
    CHECK(document.action_items()[2].type_name == "detect");
  }
  SUBCASE("an e-mail address is not an owner handle") {
    const auto document = parse("## Action items\n\n- Ask someone@example.com about quotas\n");
    REQUIRE(document.action_items().size() == 1);
    CHECK_FALSE(document.action_items()[0].owner.present());
  }
  SUBCASE("the text after a label is the action") {
    const auto document = parse("- **Review actions**: Switch to a Docker Hub token (Done)\n");
    REQUIRE(document.action_items().size() == 1);
    CHECK(document.action_items()[0].text.find("Docker Hub") != std::string::npos);
  }
}

TEST_CASE("words_in gives exactly the prose words inside a range, for every range") {
  // Long enough that its words span many samples of words_in's index, with code, markup and
  // blank lines between the prose, so that some ranges hold no words at all.
  std::string markdown = "# Outage\n\n";
  for (int paragraph = 0; paragraph < 12; ++paragraph) {
    markdown += "The **deploy** at 14:0" + std::to_string(paragraph % 10) +
                " broke `checkout` for some users; on-call rolled it back.\n\n```\ncode is not prose\n```\n\n";
  }
  const auto document = parse(markdown);
  const auto& words = document.prose_words();
  REQUIRE(words.size() > 100);
  const auto size = static_cast<std::uint32_t>(document.source().size());
  std::size_t checked = 0;
  for (std::uint32_t begin = 0; begin <= size; begin += 3) {
    for (std::uint32_t end = begin; end <= size && end <= begin + 200; end += 7) {
      std::vector<util::TextWord> expected;
      for (const auto& word : words) {
        if (word.begin >= begin && word.end <= end) {
          expected.push_back(word);
        }
      }
      const auto found = document.words_in({begin, end});
      REQUIRE(found.size() == expected.size());
      for (std::size_t k = 0; k < expected.size(); ++k) {
        REQUIRE(found[k].begin == expected[k].begin);
      }
      ++checked;
    }
  }
  CHECK(checked > 10000);
}

// pmlint replaces cmark-gfm's inline pass with nothing (markdown.cpp): the tree must still hold
// every block, and no paragraph, heading or table cell may hold inline nodes. When this fails on a
// build of cmark-gfm that binds the call to its own copy, pmlint's results are unchanged, only
// slower.
TEST_CASE("the Markdown tree holds every block and no inline nodes") {
  const std::string text =
      "# Incident *report*\n\n"
      "Some **bold**, a [link](https://example.com), `code` and https://example.org ~~old~~.\n\n"
      "- [ ] follow up with *the team*\n"
      "- [x] done\n\n"
      "| When | What |\n|---|---|\n| 10:00 | **alert** fired |\n";
  const MarkdownTree tree("", text);
  std::map<NodeKind, int> seen;
  int nodes_with_children = 0;
  tree.walk([&](NodeRef node, bool entering) {
    if (entering) {
      const NodeKind kind = node.kind();
      ++seen[kind];
      if ((kind == NodeKind::paragraph || kind == NodeKind::heading || kind == NodeKind::table_cell) &&
          node.first_child().valid()) {
        ++nodes_with_children;
      }
    }
    return true;
  });
  CHECK(nodes_with_children == 0);
  CHECK(seen[NodeKind::other] == 0);  // no text, emphasis, link or code node
  CHECK(seen[NodeKind::heading] == 1);
  CHECK(seen[NodeKind::paragraph] == 3);  // the line of prose and the two items' texts
  CHECK(seen[NodeKind::item] == 2);
  CHECK(seen[NodeKind::table_row] == 2);
  CHECK(seen[NodeKind::table_cell] == 4);
}

}  // namespace pmlint::document
