// Policy changes: the ruleset written out, changes by path, change files, differences and the timeline.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <samverkan/changes.hpp>
#include <samverkan/load.hpp>
#include <samverkan/quorum.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/schema.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_changes {

namespace {

using namespace samverkan;

date day(const char* text) { return *parse_iso_date(text); }

ruleset_ptr rs2026() { return load_default(day("2026-03-13")); }
ruleset_ptr rs2016() { return load_default(day("2020-03-13")); }

ruleset_ptr changed(const ruleset& base, std::vector<change> changes) { return with_changes(base, changes); }

std::string message_of(const ruleset& base, std::vector<change> changes) {
    try {
        (void)with_changes(base, changes);
    } catch (const change_error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(ToYaml, RoundTripsBothEmbeddedRulesets) {
    for (const auto& rs : embedded_versions()) {
        const auto text = to_yaml(*rs);
        const auto again = load_from_string(text, "round trip");
        EXPECT_EQ(to_yaml(*again), text) << rs->id;
        EXPECT_TRUE(diff(*rs, *again).empty()) << rs->id;
        EXPECT_EQ(again->relations.size(), rs->relations.size());
        EXPECT_EQ(again->forums.size(), rs->forums.size());
    }
}

TEST(ToYaml, WritesEveryParameterOfTheSchema) {
    const auto text = to_yaml(*rs2026());
    for (const auto& f : ruleset_fields())
        if (f.is_parameter()) {
            EXPECT_NE(text.find(std::string(f.key()) + ":"), std::string::npos) << f.path;
        }
}

TEST(WithChanges, SetsAParameterAndLeavesTheBaseUntouched) {
    const auto base = rs2026();
    const auto after = changed(*base, {{"meeting.quorum", "two_thirds"}, {"rotation.vice_succeeds", "false"}});
    EXPECT_EQ(after->meeting.quorum.kind, quorum_kind::two_thirds);
    EXPECT_FALSE(after->rotation.vice_succeeds);
    EXPECT_EQ(base->meeting.quorum.kind, quorum_kind::more_than_half);
    EXPECT_TRUE(base->rotation.vice_succeeds);
    EXPECT_EQ(quorum_threshold(after->meeting.quorum, 15), 10u);
    EXPECT_EQ(after->id, "goteborg-2026/changed");
    EXPECT_EQ(with_changes(*base, std::vector<change>{{"meeting.quorum", "9"}}, std::nullopt, "nio")->id,
              "goteborg-2026/nio");
}

TEST(WithChanges, NestedParameterPathsAndCounts) {
    const auto after = changed(
        *rs2026(), {{"meeting.remote.allowed", "false"}, {"meeting.quorum", "9"}, {"rotation.mandate.years", "5"}});
    EXPECT_FALSE(after->meeting.remote.allowed);
    EXPECT_EQ(after->meeting.quorum.kind, quorum_kind::count);
    EXPECT_EQ(after->meeting.quorum.count, 9u);
    EXPECT_EQ(after->rotation.mandate_years, 5);
}

TEST(WithChanges, UnknownPathSuggestsTheNearest) {
    const auto base = rs2026();
    try {
        (void)changed(*base, {{"meeting.quorom", "two_thirds"}});
        FAIL() << "an unknown path must be refused";
    } catch (const change_error& e) {
        EXPECT_EQ(e.path(), "meeting.quorom");
        EXPECT_NE(std::string(e.what()).find("'meeting.quorum'"), std::string::npos) << e.what();
    }
    EXPECT_NE(message_of(*base, {{"rotation.vice_succeds", "true"}}).find("'rotation.vice_succeeds'"),
              std::string::npos);
    EXPECT_NE(message_of(*base, {{"bodies.molndall.name", "x"}}).find("'bodies.molndal"), std::string::npos);
}

TEST(WithChanges, AWrongValueNamesTheKeyAndTheChange) {
    try {
        (void)changed(*rs2026(), {{"meeting.quorum", "half"}});
        FAIL();
    } catch (const change_error& e) {
        EXPECT_EQ(e.path(), "meeting.quorum");
        EXPECT_NE(std::string(e.what()).find("QRM-3"), std::string::npos) << e.what();
    }
    EXPECT_NE(message_of(*rs2026(), {{"rotation.term_years", "0"}}).find("between 1 and 20"), std::string::npos);
}

TEST(WithChanges, RemovesAndAddsListItemsById) {
    const auto base = rs2026();
    const auto n = base->forum_by_id("politiskt_samrad").seats.size();
    // Öckerö's ordinary seat and its substitute leave the samråd: the rotation must lose it too (CMP-5).
    const auto after = changed(*base, {{"forums.politiskt_samrad.seats.ockero/ord", std::nullopt},
                                       {"forums.politiskt_samrad.seats.ockero/ers", std::nullopt},
                                       {"rotation.pools.municipal-", "ockero"}});
    EXPECT_EQ(after->forum_by_id("politiskt_samrad").seats.size(), n - 2);
    EXPECT_EQ(std::count(after->rotation.municipal_pool.begin(), after->rotation.municipal_pool.end(), "ockero"), 0);

    const auto added =
        changed(*base, {{"bodies.kungalv", "{name: Kungälvs kommun, party: goteborg, kind: municipality}"}});
    ASSERT_NE(added->find_body("kungalv"), nullptr);
    EXPECT_EQ(added->find_body("kungalv")->name, "Kungälvs kommun");
}

TEST(WithChanges, ABrokenStructureNamesEveryRule) {
    // Without its seat, Öckerö is still in the rotation's pool (CMP-5) and no longer reaches the samråd (STR-7).
    try {
        (void)changed(*rs2026(), {{"forums.politiskt_samrad.seats.ockero/ord", std::nullopt}});
        FAIL() << "the change breaks the structure";
    } catch (const change_error& e) {
        EXPECT_FALSE(e.problems().empty());
        EXPECT_FALSE(e.rules().empty());
        for (const auto& rule : e.rules()) EXPECT_NE(std::string(e.what()).find("[" + rule + "]"), std::string::npos);
    }
}

TEST(WithChanges, ListOperationsOnRelations) {
    const auto base = rs2026();
    const auto before = base->relations.size();
    const auto after = changed(*base, {{"relations-", "{type: supports, from: samverkanskontoret}"}});
    EXPECT_LT(after->relations.size(), before);
    EXPECT_NE(message_of(*base, {{"relations-", "{type: supports, from: nobody}"}}).find("nothing in 'relations'"),
              std::string::npos);
    EXPECT_NE(message_of(*base, {{"relations.0", "x"}}).find("holds a value"), std::string::npos);
}

TEST(WithChanges, EffectiveDateMustLieWithinTheBase) {
    const auto base = rs2026();
    const auto later = with_changes(*base, std::vector<change>{{"meeting.quorum", "two_thirds"}}, day("2028-01-01"));
    EXPECT_EQ(later->valid_from, day("2028-01-01"));
    EXPECT_THROW((void)with_changes(*base, std::vector<change>{}, day("2020-01-01")), invalid_argument);
}

TEST(ChangeFiles, ReadsNameEffectiveAndChanges) {
    const auto set = changes_from_string(R"(samverkan_changes: 1
name: quorum-two-thirds
description: Two thirds of the ordinary seats.
rationale: Broader support for positions.
effective: 2028-01-01
changes:
  meeting.quorum: two_thirds
  rotation.pools.municipal-: ockero
)",
                                         "q.yaml");
    EXPECT_EQ(set.name, "quorum-two-thirds");
    ASSERT_TRUE(set.effective);
    EXPECT_EQ(*set.effective, day("2028-01-01"));
    ASSERT_EQ(set.changes.size(), 2u);
    EXPECT_EQ(set.changes[0].path, "meeting.quorum");
    EXPECT_EQ(set.changes[0].where, "q.yaml:7:3");
}

TEST(ChangeFiles, RefusesMalformedFilesWithLocation) {
    auto where = [](const char* text) {
        try {
            (void)changes_from_string(text, "bad.yaml");
        } catch (const ruleset_error& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    EXPECT_NE(
        where("samverkan_changes: 1\nname: x\nchange: {}\n").find("unknown key 'change' (did you mean 'changes'?)"),
        std::string::npos);
    EXPECT_NE(where("samverkan_changes: 2\nname: x\nchanges: {}\n").find("bad.yaml:1:"), std::string::npos);
    EXPECT_NE(where("samverkan_changes: 1\nname: x\neffective: 2028-02-30\nchanges: {}\n").find("calendar date"),
              std::string::npos);
    EXPECT_NE(where("samverkan_changes: 1\nname: x\nchanges: {a: &b 1, c: *b}\n").find("aliases"), std::string::npos);
}

TEST(Diff, TheEmbeddedRulesetsDifferWhereTheSourcesDo) {
    const auto d = diff(*rs2016(), *rs2026());
    auto has = [&](const std::string& section, const std::string& path_part) {
        return std::any_of(d.begin(), d.end(), [&](const difference& x) {
            return x.section == section && x.path.find(path_part) != std::string::npos;
        });
    };
    EXPECT_TRUE(has("version", "id"));
    EXPECT_TRUE(has("themes", "theme"));
    EXPECT_TRUE(has("plan", "plan.focus_areas"));
    EXPECT_TRUE(has("structure", "forums."));
    EXPECT_TRUE(has("relations", "relations"));
    for (const auto& x : d) {
        EXPECT_TRUE(x.before || x.after) << x.path;
        if (x.kind == "changed") {
            EXPECT_NE(*x.before, *x.after) << x.path;
        }
    }
}

TEST(Diff, AParameterChangeIsOneDifference) {
    const auto base = rs2026();
    const auto after = changed(*base, {{"meeting.quorum", "two_thirds"}});
    const auto d = diff(*base, *after);
    ASSERT_EQ(d.size(), 2u);  // the id and the quorum
    EXPECT_EQ(d[0].path, "id");
    EXPECT_EQ(d[1].path, "meeting.quorum");
    EXPECT_EQ(d[1].section, "parameters");
    EXPECT_EQ(d[1].rule, "QRM-3");
    EXPECT_EQ(*d[1].before, "more_than_half");
    EXPECT_EQ(*d[1].after, "two_thirds");
}

TEST(Diff, RemovedItemsAreReportedOnceAsAWhole) {
    const auto base = rs2026();
    const auto after = changed(*base, {{"forums.politiskt_samrad.seats.ockero/ers", std::nullopt}});
    const auto d = diff(*base, *after);
    const auto n = std::count_if(d.begin(), d.end(), [](const difference& x) { return x.section == "seats"; });
    EXPECT_EQ(n, 1);
    const auto it = std::find_if(d.begin(), d.end(), [](const difference& x) { return x.section == "seats"; });
    EXPECT_EQ(it->kind, "removed");
    EXPECT_EQ(it->path, "forums.politiskt_samrad.seats.ockero/ers");
}

TEST(Timeline, ADatedChangeTakesOverFromItsDay) {
    const auto set = changes_from_string(
        "samverkan_changes: 1\nname: tva-tredjedelar\neffective: 2028-01-01\nchanges: {meeting.quorum: two_thirds}\n");
    const auto t = timeline().with_changes(set);
    ASSERT_EQ(t.versions().size(), 3u);
    EXPECT_EQ(t.in_force(day("2027-12-31"))->id, "goteborg-2026");
    EXPECT_EQ(*t.in_force(day("2027-12-31"))->valid_to, day("2027-12-31"));
    EXPECT_EQ(t.in_force(day("2028-01-01"))->id, "goteborg-2026/tva-tredjedelar");
    EXPECT_EQ(t.in_force(day("2020-06-01"))->id, "goteborg-2016");
    EXPECT_THROW((void)t.in_force(day("2015-06-01")), no_ruleset_in_force);
    // The embedded versions themselves are untouched.
    EXPECT_FALSE(rs2026()->valid_to.has_value());
}

}  // namespace

}  // namespace unity_test_changes
