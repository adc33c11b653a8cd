// Looking up forums, bodies and parties by id: through the index of a frozen ruleset, or by scanning a ruleset
// built or edited in code; both find the same item.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include <samverkan/load.hpp>
#include <samverkan/ruleset.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_ruleset {

namespace {

const samverkan::ruleset_ptr& rules_2026() { return samverkan::embedded_versions().back(); }

}  // namespace

TEST(Ruleset, FrozenRulesetFindsEveryIdWhereAScanDoes) {
    const auto& rs = *rules_2026();
    for (const auto& f : rs.forums) EXPECT_EQ(rs.find_forum(f.id), &f) << f.id;
    for (const auto& b : rs.bodies) EXPECT_EQ(rs.find_body(b.id), &b) << b.id;
    for (const auto& p : rs.parties) EXPECT_EQ(rs.find_party(p.id), &p) << p.id;
    EXPECT_EQ(&rs.forum_by_id("lgs"), rs.find_forum("lgs"));
    EXPECT_EQ(&rs.body_by_id("su"), rs.find_body("su"));
}

TEST(Ruleset, FrozenRulesetFindsNoUnknownId) {
    const auto& rs = *rules_2026();
    EXPECT_EQ(rs.find_forum("su"), nullptr);  // a body, not a forum
    EXPECT_EQ(rs.find_body("lgs"), nullptr);
    EXPECT_EQ(rs.find_party(""), nullptr);
    try {
        (void)rs.forum_by_id("lgss");
        FAIL() << "found an unknown forum";
    } catch (const samverkan::unknown_id& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'lgs'"), std::string::npos) << e.what();
    }
}

TEST(Ruleset, ACopyOfAFrozenRulesetMayBeEdited) {
    samverkan::ruleset copy = *rules_2026();
    copy.forums[0].id = "samradet";
    auto body = copy.bodies[0];
    body.id = "ny_kommun";
    copy.bodies.push_back(body);
    EXPECT_EQ(copy.find_forum("samradet"), &copy.forums[0]);
    EXPECT_EQ(copy.find_forum("politiskt_samrad"), nullptr);
    EXPECT_EQ(copy.find_body("ny_kommun"), &copy.bodies.back());

    const auto frozen = samverkan::freeze(std::move(copy));
    EXPECT_EQ(frozen->find_forum("samradet"), &frozen->forums[0]);
    EXPECT_EQ(frozen->find_forum("politiskt_samrad"), nullptr);
    EXPECT_EQ(frozen->find_body("ny_kommun"), &frozen->bodies.back());
}

TEST(Ruleset, TheFirstOfEqualIdsIsFoundFrozenOrNot) {
    samverkan::ruleset rs = *rules_2026();
    auto twin = rs.bodies[3];
    twin.name = "Tvilling";
    rs.bodies.push_back(twin);
    EXPECT_EQ(rs.find_body(twin.id), &rs.bodies[3]);
    const auto frozen = samverkan::freeze(std::move(rs));
    EXPECT_EQ(frozen->find_body(twin.id), &frozen->bodies[3]);
}

}  // namespace unity_test_ruleset
