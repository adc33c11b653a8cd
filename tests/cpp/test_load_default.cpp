// The embedded Göteborg rulesets (§ 0) and load_default.
#include <gtest/gtest.h>

#include <samverkan/load.hpp>
#include <samverkan/quorum.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_load_default {

using namespace std::chrono;
using samverkan::seat_kind;

TEST(LoadDefault, PicksTheVersionInForce) {
    EXPECT_EQ(samverkan::load_default(year{2020} / June / 1)->id, "goteborg-2016");
    EXPECT_EQ(samverkan::load_default(year{2016} / January / 1)->id, "goteborg-2016");
    EXPECT_EQ(samverkan::load_default(year{2025} / December / 31)->id, "goteborg-2016");
    EXPECT_EQ(samverkan::load_default(year{2026} / January / 1)->id, "goteborg-2026");
    EXPECT_EQ(samverkan::load_default(year{2040} / June / 1)->id, "goteborg-2026");
}

TEST(LoadDefault, DateBeforeAnyVersionIsAnError) {
    EXPECT_THROW((void)samverkan::load_default(year{2015} / December / 31), samverkan::no_ruleset_in_force);
    try {
        (void)samverkan::load_default(year{1999} / May / 1);
        FAIL();
    } catch (const samverkan::no_ruleset_in_force& e) {
        EXPECT_NE(std::string(e.what()).find("1999-05-01"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("goteborg-2016"), std::string::npos);
    }
}

TEST(LoadDefault, BothVersionsAreEmbedded) {
    const auto& versions = samverkan::embedded_versions();
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0]->id, "goteborg-2016");
    EXPECT_EQ(versions[1]->id, "goteborg-2026");
    EXPECT_FALSE(versions[1]->valid_to.has_value());
    EXPECT_EQ(*versions[0]->valid_to, year{2025} / December / 31);
    EXPECT_EQ(versions[0]->origin, "goteborg-2016.yaml (embedded)");
}

TEST(Composition, CMP3_DefaultTotals) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const auto& samrad = rs->forum_by_id("politiskt_samrad");
        EXPECT_EQ(samrad.seats.size(), 27u) << rs->id;
        EXPECT_EQ(samrad.count(seat_kind::ordinary), 15u) << rs->id;
        EXPECT_EQ(samrad.count(seat_kind::substitute), 12u) << rs->id;
        EXPECT_EQ(samverkan::quorum_threshold(rs->meeting.quorum, samrad.count(seat_kind::ordinary)), 8u) << rs->id;
    }
}

}  // namespace unity_test_load_default
