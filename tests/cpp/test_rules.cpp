// The rule catalogue (rules.hpp): every rule id of the specification, each with its text and source.
#include <gtest/gtest.h>

#include <array>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include <samverkan/load.hpp>
#include <samverkan/rules.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_rules {

namespace {

/// Every rule id of the specification (domain.md), in its order.
constexpr std::array<std::string_view, 51> specification_ids{
    "STR-1", "STR-2", "STR-3", "STR-4", "STR-5", "STR-6", "STR-7", "STR-8", "STR-9",  "CMP-1", "CMP-2",
    "CMP-3", "CMP-4", "CMP-5", "QRM-1", "QRM-2", "QRM-3", "QRM-4", "QRM-5", "QRM-6",  "QRM-7", "CNS-1",
    "CNS-2", "CNS-3", "CNS-4", "CNS-5", "CNS-6", "ROT-1", "ROT-2", "ROT-3", "ROT-3a", "ROT-4", "ROT-5",
    "ROT-6", "MTG-1", "MTG-2", "MTG-3", "MIN-1", "MIN-2", "MIN-3", "THM-1", "THM-2",  "THM-3", "PLN-1",
    "PLN-2", "PLN-3", "PLN-4", "RGT-1", "RGT-2", "RGT-3", "RGT-4"};

/// A seed file name as the sources cite it, e.g. "003_324ab1002b074ef9.txt".
const std::regex seed_file(R"([0-9]{3}_[0-9a-f]{16}\.txt)");

}  // namespace

// The catalogue can be searched at compile time.
static_assert(samverkan::rules().size() == 51);
static_assert(samverkan::find_rule("XYZ-1") == nullptr);

TEST(Rules, EverySpecificationIdIsInTheCatalogue) {
    for (const auto id : specification_ids) {
        const auto* rule = samverkan::find_rule(id);
        ASSERT_NE(rule, nullptr) << id;
        EXPECT_EQ(rule->id, id);
    }
}

TEST(Rules, CatalogueHoldsExactlyTheSpecificationIdsInOrder) {
    const auto all = samverkan::rules();
    ASSERT_EQ(all.size(), specification_ids.size());
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].id, specification_ids[i]) << "position " << i;
}

TEST(Rules, IdsAreUnique) {
    std::set<std::string_view> seen;
    for (const auto& rule : samverkan::rules()) EXPECT_TRUE(seen.insert(rule.id).second) << rule.id;
}

TEST(Rules, EveryRuleHasTitleStatementAndSource) {
    for (const auto& rule : samverkan::rules()) {
        EXPECT_FALSE(rule.title.empty()) << rule.id;
        EXPECT_FALSE(rule.statement.empty()) << rule.id;
        EXPECT_FALSE(rule.source.empty()) << rule.id;
    }
}

TEST(Rules, EverySourceNamesASeedFileOrKommunallagen) {
    for (const auto& rule : samverkan::rules()) {
        const std::string source(rule.source);
        EXPECT_TRUE(std::regex_search(source, seed_file) || source.find("kommunallagen") != std::string::npos)
            << rule.id << ": " << source;
    }
}

TEST(Rules, EverySeedFileCitedIsASourceOfAnEmbeddedRuleset) {
    std::set<std::string> files;
    for (const auto& rs : samverkan::embedded_versions())
        for (const auto& doc : rs->sources) files.insert(doc.file);
    for (const auto& rule : samverkan::rules()) {
        const std::string source(rule.source);
        for (std::sregex_iterator it(source.begin(), source.end(), seed_file), end; it != end; ++it)
            EXPECT_EQ(files.count(it->str()), 1u) << rule.id << " cites " << it->str();
    }
}

TEST(Rules, QRM3_CitesKommunallagen) {
    const auto* rule = samverkan::find_rule("QRM-3");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->law, "kommunallagen 6 kap. 27 §");
    for (const auto& r : samverkan::rules()) {
        if (!r.law.empty()) {
            EXPECT_EQ(r.law.rfind("kommunallagen", 0), 0u) << r.id << ": " << r.law;
        }
    }
}

TEST(Rules, UnknownIdIsNull) {
    EXPECT_EQ(samverkan::find_rule("XYZ-1"), nullptr);
    EXPECT_EQ(samverkan::find_rule(""), nullptr);
    EXPECT_EQ(samverkan::find_rule("str-1"), nullptr);
    EXPECT_EQ(samverkan::find_rule("STR-10"), nullptr);
    EXPECT_EQ(samverkan::find_rule("ROT-3A"), nullptr);
}

TEST(Rules, EveryRelationOfTheEmbeddedRulesetsCitesACatalogueRule) {
    for (const auto& rs : samverkan::embedded_versions())
        for (const auto& r : rs->relations)
            EXPECT_NE(samverkan::find_rule(r.rule), nullptr) << rs->id << ": " << r.rule;
}

}  // namespace unity_test_rules
