// Bad ruleset files: every fault is a ruleset_error naming path, line, column, key and, where the
// loader names one, the rule (style.md habit 5: errors that help).
//
// Most cases edit the text of rulesets/goteborg-2026.yaml in memory so that each changes exactly one
// thing; the expected line and column are found in the edited text, not hard-coded.
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>

#include <samverkan/load.hpp>

#include "support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_ruleset_errors {

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

using samverkan::test::edited;
using samverkan::test::occurrences;
using samverkan::test::text_2026;

/// A 1-based line and column, as yaml-cpp counts them (bytes within the line).
struct position {
    int line = 0;
    int column = 0;
};

/// Where `needle` first occurs in `text`.
position position_of(std::string_view text, std::string_view needle) {
    const auto at = text.find(needle);
    if (at == std::string_view::npos) {
        ADD_FAILURE() << "'" << needle << "' is not in the text";
        return {};
    }
    const auto before = text.substr(0, at);
    const auto line_start = before.rfind('\n');
    const auto column = line_start == std::string_view::npos ? at : at - line_start - 1;
    return {static_cast<int>(occurrences(before, "\n")) + 1, static_cast<int>(column) + 1};
}

/// The ruleset_error that loading `text` throws, or nullopt when it loads.
std::optional<samverkan::ruleset_error> load_error(std::string_view text, const std::string& origin = "bad.yaml") {
    try {
        (void)samverkan::load_from_string(text, origin);
    } catch (const samverkan::ruleset_error& e) {
        return e;
    }
    return std::nullopt;
}

/// The error must say where it is, what the message is, and repeat both in what().
void expect_where(const samverkan::ruleset_error& e, const std::string& path, position at, std::string_view key,
                  std::string_view rule) {
    const auto& w = e.where();
    EXPECT_EQ(w.path, path);
    EXPECT_EQ(w.line, at.line) << e.what();
    EXPECT_EQ(w.column, at.column) << e.what();
    EXPECT_EQ(w.key, key) << e.what();
    EXPECT_EQ(w.rule, rule) << e.what();
    const std::string what = e.what();
    EXPECT_FALSE(e.message().empty());
    EXPECT_NE(what.find(e.message()), std::string::npos) << what;
    EXPECT_EQ(what.rfind(path, 0), 0u) << what;
}

}  // namespace

/// A fresh directory under the system's temporary directory, removed again at the end of the test. Outside the
/// anonymous namespace: the tests derived from it are not (GCC's -Wsubobject-linkage in a unity build).
class RulesetFile : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() /
               ("samverkan-" + std::string(test->name()) + "-" + std::to_string(random()) + std::to_string(random()));
        ASSERT_TRUE(fs::create_directory(dir_)) << dir_;
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    fs::path write(const std::string& name, std::string_view content) const {
        const auto file = dir_ / name;
        std::ofstream out(file, std::ios::binary);
        out << content;
        return file;
    }

    fs::path dir_;
};

// ---- not a ruleset at all --------------------------------------------------------------------------

TEST(RulesetErrors, EmptyFileIsRefused) {
    const auto e = load_error("");
    ASSERT_TRUE(e);
    expect_where(*e, "bad.yaml", {0, 0}, "", "");
    EXPECT_NE(e->message().find("empty"), std::string::npos) << e->what();
}

TEST(RulesetErrors, CommentsAndWhitespaceOnlyIsRefused) {
    const auto e = load_error("# nothing but a comment\n\n   \n# and another\n");
    ASSERT_TRUE(e);
    expect_where(*e, "bad.yaml", {0, 0}, "", "");
    EXPECT_NE(e->message().find("samverkan_ruleset"), std::string::npos) << e->what();
}

TEST(RulesetErrors, EmptyDocumentIsRefused) {
    const auto e = load_error("---\n# a document marker and nothing in it\n");
    ASSERT_TRUE(e);
    expect_where(*e, "bad.yaml", {0, 0}, "", "");
    EXPECT_NE(e->message().find("no ruleset"), std::string::npos) << e->what();
}

TEST(RulesetErrors, NotYamlIsRefused) {
    const auto e = load_error("key: [unclosed");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where().path, "bad.yaml");
    EXPECT_EQ(e->where().line, 1) << e->what();
    EXPECT_GE(e->where().column, 1) << e->what();
    EXPECT_EQ(e->where().key, "");
    EXPECT_EQ(e->where().rule, "");
    EXPECT_EQ(e->message().rfind("not valid YAML: ", 0), 0u) << e->what();
    EXPECT_GT(e->message().size(), std::string_view("not valid YAML: ").size()) << "names what yaml-cpp found";
}

/// The test name of a table row.
template <class Case>
std::string case_name(const ::testing::TestParamInfo<Case>& row) {
    return std::string(row.param.name);
}

struct top_level_case {
    std::string_view name;
    std::string_view text;
};

void PrintTo(const top_level_case& c, std::ostream* os) { *os << c.name; }

class TopLevel : public ::testing::TestWithParam<top_level_case> {};

TEST_P(TopLevel, MustBeAMapping) {
    const auto e = load_error(GetParam().text);
    ASSERT_TRUE(e);
    expect_where(*e, "bad.yaml", {1, 1}, "", "");
    EXPECT_NE(e->message().find("must be a YAML mapping"), std::string::npos) << e->what();
}

INSTANTIATE_TEST_SUITE_P(RulesetErrors, TopLevel,
                         ::testing::Values(top_level_case{"List", "- id: goteborg-2026\n- valid_from: 2026-01-01\n"},
                                           top_level_case{"FlowList", "[1, 2, 3]\n"},
                                           top_level_case{"Scalar", "goteborg-2026\n"}),
                         case_name<top_level_case>);

// ---- one edit of goteborg-2026.yaml each -------------------------------------------------------------

/// One edit of goteborg-2026.yaml and the error it must cause.
struct bad_edit {
    std::string_view name;
    std::string_view from;     ///< replaced once…
    std::string_view to;       ///< …by this
    std::string_view key;      ///< where().key
    std::string_view rule;     ///< where().rule
    std::string_view message;  ///< part of message()
    std::string_view at;       ///< first occurrence in the edited text: where().line and .column
};

void PrintTo(const bad_edit& c, std::ostream* os) { *os << c.name; }

class EditedRuleset : public ::testing::TestWithParam<bad_edit> {};

TEST_P(EditedRuleset, IsRefusedWhereTheFaultIs) {
    const auto& c = GetParam();
    const auto text = edited(c.from, c.to);
    const auto e = load_error(text);
    ASSERT_TRUE(e) << "loaded although " << c.name;
    expect_where(*e, "bad.yaml", position_of(text, c.at), c.key, c.rule);
    EXPECT_NE(e->message().find(c.message), std::string::npos) << "expected '" << c.message << "' in: " << e->what();
}

INSTANTIATE_TEST_SUITE_P(
    UnknownKey, EditedRuleset,
    ::testing::Values(
        bad_edit{"AtTopLevel", "valid_from: 2026-01-01", "valid_form: 2026-01-01", "valid_form", "",
                 "unknown key 'valid_form' (did you mean 'valid_from'?)", "valid_form:"},
        bad_edit{"InsideAForum", "    level: strategic\n    source: 000 § Samverkansstruktur\n    description: Förv",
                 "    levl: strategic\n    source: 000 § Samverkansstruktur\n    description: Förv", "forums[2].levl",
                 "", "unknown key 'levl' (did you mean 'level'?)", "levl:"},
        bad_edit{"InsideASeat", "{id: su/ord, kind: ordinary, body: su}", "{id: su/ord, kind: ordinary, bdy: su}",
                 "forums[0].seats[14].bdy", "", "unknown key 'bdy' (did you mean 'body'?)", "bdy:"},
        bad_edit{"InsideTheMeeting", "  consensus: no_objection", "  consensys: no_objection", "meeting.consensys", "",
                 "unknown key 'consensys' (did you mean 'consensus'?)", "consensys:"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    MissingKey, EditedRuleset,
    ::testing::Values(
        // A missing key is reported at the start of the mapping that lacks it.
        bad_edit{"Id", "id: goteborg-2026\n", "", "id", "", "missing required key 'id'", "samverkan_ruleset: 1"},
        bad_edit{"ValidFrom", "valid_from: 2026-01-01\n", "", "valid_from", "", "missing required key 'valid_from'",
                 "samverkan_ruleset: 1"},
        bad_edit{"STR4_ForumLevel", "    level: strategic\n    source: 000 § Samverkansstruktur\n    description: Förv",
                 "    source: 000 § Samverkansstruktur\n    description: Förv", "forums[2].level", "STR-4",
                 "missing required key 'level'", "id: lgs\n"},
        bad_edit{"ROT2_RotationPools",
                 "  pools:                             # ROT-2, ROT-3a: in the order of 003\n"
                 "    municipal: [goteborg, molndal, harryda, partille, ockero]\n"
                 "    region: [regionhalsan, narhalsan, tandvard, habilitering_halsa, sjukhusen_i_vaster, su]\n",
                 "", "rotation.pools", "ROT-2", "missing required key 'pools'",
                 "forum: politiskt_samrad\n  term_years"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    WrongType, EditedRuleset,
    ::testing::Values(
        bad_edit{"ValidFromIsAList", "valid_from: 2026-01-01", "valid_from: [1,2]", "valid_from", "",
                 "expected a date (YYYY-MM-DD)", "[1,2]"},
        bad_edit{"CNS3_MaxReferralsIsText", "max_referrals: 1 ", "max_referrals: many ", "meeting.max_referrals",
                 "CNS-3", "expected a whole number, got 'many'", "many"},
        bad_edit{"QRM6_SubstituteMayPresideIsNotABoolean", "substitute_may_preside: false",
                 "substitute_may_preside: maybe", "meeting.substitute_may_preside", "QRM-6",
                 "expected true or false, got 'maybe'", "maybe"},
        bad_edit{"QRM3_QuorumIsNotAKnownRule", "quorum: more_than_half", "quorum: half", "meeting.quorum", "QRM-3",
                 "'half' is not more_than_half, two_thirds or a whole number of ordinary seats", "half "},
        bad_edit{"QRM3_QuorumCountMustBeWrittenAsANumber", "quorum: more_than_half", "quorum: count", "meeting.quorum",
                 "QRM-3", "'count' is not more_than_half, two_thirds or a whole number", "count "},
        bad_edit{"STR4_LevelIsNotALevel",
                 "    level: strategic\n    source: 000 § Samverkansstruktur\n    description: Förv",
                 "    level: strategc\n    source: 000 § Samverkansstruktur\n    description: Förv", "forums[2].level",
                 "STR-4",
                 "'strategc' is not one of political, strategic, operational or support (did you mean 'strategic'?)",
                 "strategc"},
        bad_edit{"IdIsNotAnId", "id: goteborg-2026", "id: Göteborg 2026", "id", "", "'Göteborg 2026' is not an id",
                 "Göteborg 2026"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    DuplicateId, EditedRuleset,
    ::testing::Values(
        bad_edit{"TwoParties", "  - {id: ockero, name: Öckerö kommun, side: municipal}\n",
                 "  - {id: ockero, name: Öckerö kommun, side: municipal}\n"
                 "  - {id: ockero, name: Öckerö kommun igen, side: municipal}\n",
                 "parties[6]", "", "duplicate party id 'ockero'", "{id: ockero, name: Öckerö kommun igen"},
        bad_edit{"TwoBodies",
                 "  - {id: su, name: Styrelsen för Sahlgrenska Universitetssjukhuset, party: vgr, kind: provider}\n",
                 "  - {id: su, name: Styrelsen för Sahlgrenska Universitetssjukhuset, party: vgr, kind: provider}\n"
                 "  - {id: su, name: SU igen, party: vgr, kind: provider}\n",
                 "bodies[13]", "", "duplicate id 'su'", "{id: su, name: SU igen"},
        bad_edit{"ForumReusesABodyId", "    description: Tillsätts av LGS för särskilda uppdrag.\n",
                 "    description: Tillsätts av LGS för särskilda uppdrag.\n"
                 "  - id: su\n    name: Forum med en styrelses id\n    level: support\n",
                 "forums[11]", "", "duplicate id 'su'", "id: su\n    name: Forum"},
        bad_edit{"TwoSeatsInOneForum", "{id: su/ers, kind: substitute, body: su}",
                 "{id: su/ord, kind: substitute, body: su}", "forums[0].seats[15]", "",
                 "duplicate seat id 'su/ord' in forum 'politiskt_samrad'", "{id: su/ord, kind: substitute"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    Yaml, EditedRuleset,
    ::testing::Values(bad_edit{"DuplicateKeyInOneMapping", "  consensus: no_objection            # CNS-2\n",
                               "  consensus: no_objection            # CNS-2\n  consensus: unanimous_assent\n",
                               "meeting.consensus", "", "duplicate key 'consensus'", "consensus: unanimous_assent"},
                      bad_edit{"DuplicateKeyInAFlowMapping", "{id: su/ord, kind: ordinary, body: su}",
                               "{id: su/ord, kind: ordinary, body: su, kind: substitute}", "forums[0].seats[14].kind",
                               "", "duplicate key 'kind'", "kind: substitute}"},
                      bad_edit{"Alias", "{id: vgr, name: Västra Götalandsregionen, side: region}",
                               "{id: &v vgr, name: *v, side: region}", "parties[0].name", "",
                               "aliases (*name) are not allowed", "*v"},
                      bad_edit{"SecondDocument", "    - {id: konsperspektiv, name: Könsperspektiv}\n",
                               "    - {id: konsperspektiv, name: Könsperspektiv}\n---\nsamverkan_ruleset: 1\n", "", "",
                               "one YAML document; found a second", "---\n"},
                      bad_edit{"SchemaVersion2", "samverkan_ruleset: 1", "samverkan_ruleset: 2", "samverkan_ruleset",
                               "", "schema version 2 is not supported; this library reads version 1", "2\nid:"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    Reference, EditedRuleset,
    ::testing::Values(
        bad_edit{"CMP1_SeatNamesUnknownBody", "{id: narhalsan/ord, kind: ordinary, body: narhalsan}",
                 "{id: narhalsan/ord, kind: ordinary, body: narhalsen}", "forums[0].seats[6].body", "CMP-1",
                 "seat 'narhalsan/ord' names unknown body 'narhalsen' (did you mean 'narhalsan'?)", "narhalsen}"},
        bad_edit{"BodyNamesUnknownParty", "{id: ockero, name: Öckerö kommun, party: ockero, kind: municipality}",
                 "{id: ockero, name: Öckerö kommun, party: okero, kind: municipality}", "bodies[4].party", "",
                 "unknown party 'okero' (did you mean 'ockero'?)", "okero"},
        // A relation's fault is located at the relation (its from/to may list several ids).
        bad_edit{"STR2_RelationNamesUnknownForum", "{rule: STR-2, type: prepares_for, from: lgs_beredning, to: lgs}",
                 "{rule: STR-2, type: prepares_for, from: lgs_bereding, to: lgs}", "relations[1].from", "STR-2",
                 "relation names unknown forum or body 'lgs_bereding' (did you mean 'lgs_beredning'?)",
                 "lgs_bereding, to"},
        bad_edit{"RelationRuleNotInCatalogue", "{rule: STR-2, type: prepares_for", "{rule: STR-22, type: prepares_for",
                 "relations[1].rule", "", "'STR-22' is not a rule id of the specification (did you mean 'STR-2'?)",
                 "STR-22"},
        bad_edit{"CMP1_RepresentedInIsNotWritten", "{rule: STR-2, type: prepares_for, from: lgs_beredning, to: lgs}",
                 "{rule: CMP-1, type: represented_in, from: su, to: lgs}", "relations[1].type", "CMP-1",
                 "represented_in relations come from the forum's seats", "represented_in, from: su"},
        bad_edit{"STR9_AnchorsInIsNotWritten", "{rule: STR-2, type: prepares_for, from: lgs_beredning, to: lgs}",
                 "{rule: STR-9, type: anchors_in, from: lgs, to: su}", "relations[1].type", "STR-9",
                 "anchors_in relations come from the forum's seats", "anchors_in, from: lgs"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    Structure, EditedRuleset,
    ::testing::Values(
        // The cycle is reported at the edge of the cycle written last in the file: here the one added.
        bad_edit{"STR1_PreparationCycle", "  - {rule: STR-2, type: prepares_for, from: lgs_beredning, to: lgs}\n",
                 "  - {rule: STR-2, type: prepares_for, from: lgs_beredning, to: lgs}\n"
                 "  - {rule: STR-2, type: prepares_for, from: politiskt_samrad, to: lgs}\n",
                 "relations[2]", "STR-1", "preparation cycle: politiskt_samrad -> lgs -> politiskt_samrad",
                 "{rule: STR-2, type: prepares_for, from: politiskt_samrad"},
        bad_edit{"STR4_OperationalForumDoesNotReachLgs", "tema_aldre, nosam], to: lgs}", "tema_aldre], to: lgs}",
                 "forums[8]", "STR-4", "operational forum 'nosam' does not reach 'lgs'", "id: nosam"},
        bad_edit{"QRM2_SubstituteWithoutOrdinarySeat",
                 "      - {id: dn_goteborg/ord, kind: ordinary, body: dn_goteborg}\n", "", "forums[0].seats[0]",
                 "QRM-2", "substitute seat 'dn_goteborg/ers' of body 'dn_goteborg' has no ordinary seat of that body",
                 "{id: dn_goteborg/ers"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    Dates, EditedRuleset,
    ::testing::Values(bad_edit{"ValidToBeforeValidFrom", "valid_from: 2026-01-01\n",
                               "valid_from: 2026-01-01\nvalid_to: 2025-12-31\n", "valid_to", "",
                               "valid_to 2025-12-31 is before valid_from 2026-01-01", "2025-12-31"},
                      bad_edit{"February30", "valid_from: 2026-01-01", "valid_from: 2025-02-30", "valid_from", "",
                               "'2025-02-30' is not a real calendar date (expected YYYY-MM-DD)", "2025-02-30"},
                      bad_edit{"Month13", "valid_from: 2026-01-01", "valid_from: 2025-13-01", "valid_from", "",
                               "'2025-13-01' is not a real calendar date", "2025-13-01"},
                      bad_edit{"UnpaddedMonthAndDay", "valid_from: 2026-01-01", "valid_from: 2025-1-1", "valid_from",
                               "", "'2025-1-1' is not a real calendar date", "2025-1-1"},
                      bad_edit{"PlanPeriodEndsBeforeItStarts", "period: {from: 2026-01-01, to: 2029-12-31}",
                               "period: {from: 2026-01-01, to: 2025-12-31}", "plan.period.to", "",
                               "the plan period ends before it starts", "2025-12-31"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    Offices, EditedRuleset,
    ::testing::Values(
        bad_edit{"CMP5_AppointedByNeedsItsRule",
                 "{forum: politiskt_samrad, role: chair, appointed_by: politiskt_samrad, rule: CMP-5}",
                 "{forum: politiskt_samrad, role: chair, appointed_by: politiskt_samrad}", "forums[1].offices[0].rule",
                 "", "missing required key 'rule'", "{forum: politiskt_samrad, role: chair, appointed_by"},
        bad_edit{"RuleWithoutAppointedBy", "{forum: lgs, role: chair}", "{forum: lgs, role: chair, rule: CMP-5}",
                 "forums[1].offices[2].rule", "", "write appointed_by too", "CMP-5}        #"},
        bad_edit{"CMP5_AppointedByUnknownForum",
                 "{forum: politiskt_samrad, role: vice_chair, appointed_by: politiskt_samrad, rule: CMP-5}",
                 "{forum: politiskt_samrad, role: vice_chair, appointed_by: samradet, rule: CMP-5}",
                 "forums[1].offices[1].appointed_by", "CMP-5",
                 "office politiskt_samrad vice_chair is appointed by unknown forum or body 'samradet'", "samradet"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    Plan, EditedRuleset,
    ::testing::Values(bad_edit{"STR3_HandlingsplanDecidedByUnknownForum", "action_plan: {decided_by: lgs}",
                               "action_plan: {decided_by: lgz}", "plan.action_plan.decided_by", "STR-3",
                               "the handlingsplan is decided by unknown forum 'lgz' (did you mean 'lgs'?)", "lgz}"},
                      bad_edit{"STR3_HandlingsplanWithoutDecider", "action_plan: {decided_by: lgs}", "action_plan: {}",
                               "plan.action_plan.decided_by", "STR-3", "missing required key 'decided_by'", "{}"}),
    case_name<bad_edit>);

INSTANTIATE_TEST_SUITE_P(
    Rotation, EditedRuleset,
    ::testing::Values(
        // ROT-2: the chair rotates between both sides; an empty pool is refused where it is written.
        bad_edit{"ROT2_EmptyMunicipalPool", "municipal: [goteborg, molndal, harryda, partille, ockero]",
                 "municipal: []", "rotation.pools.municipal", "ROT-2", "the municipal pool is empty", "[]\n"},
        bad_edit{"ROT2_EmptyRegionPool",
                 "region: [regionhalsan, narhalsan, tandvard, habilitering_halsa, sjukhusen_i_vaster, su]",
                 "region: []", "rotation.pools.region", "ROT-2", "the region pool is empty", "[]\n"},
        bad_edit{"ROT6_FirstHolderInNoPool", "first_holder: goteborg", "first_holder: dn_vastra",
                 "rotation.first_holder", "ROT-6", "first_holder 'dn_vastra' is in neither rotation pool",
                 "dn_vastra             # ROT-6"}),
    case_name<bad_edit>);

// ---- faults the checks find after reading ----------------------------------------------------------

// Problems found by check_consistency() carry the location of the element they concern.
TEST(RulesetErrors, ROT2_RotationPoolNamesPurchaserBody) {
    const auto text = edited("region: [regionhalsan, narhalsan,", "region: [dn_goteborg, narhalsan,");
    const auto e = load_error(text);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where().path, "bad.yaml");
    EXPECT_EQ(e->where().key, "rotation.pools.region[0]");
    EXPECT_EQ(e->where().rule, "ROT-2");
    EXPECT_GT(e->where().line, 0);
    EXPECT_NE(e->message().find("purchaser body 'dn_goteborg' is not in the chair rotation"), std::string::npos)
        << e->what();
}

TEST(RulesetErrors, ROT2_RotationPoolNamesUnknownBody) {
    const auto text = edited("sjukhusen_i_vaster, su]", "sjukhusen_i_vaster, sx]");
    const auto e = load_error(text);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where().key, "rotation.pools.region[5]");
    EXPECT_EQ(e->where().rule, "ROT-2");
    EXPECT_GT(e->where().line, 0);
    EXPECT_NE(e->message().find("rotation pool names unknown body 'sx'"), std::string::npos) << e->what();
}

TEST(RulesetErrors, QRM3_QuorumCountAboveTheOrdinarySeats) {
    const auto text = edited("quorum: more_than_half", "quorum: 16");
    const auto e = load_error(text);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where().key, "meeting.quorum");
    EXPECT_EQ(e->where().rule, "QRM-3");
    EXPECT_GT(e->where().line, 0);
    EXPECT_NE(e->message().find("quorum count 16 exceeds the 15 ordinary seats of forum 'politiskt_samrad'"),
              std::string::npos)
        << e->what();
}

TEST(RulesetErrors, QRM3_QuorumCountEqualToTheOrdinarySeatsLoads) {
    const auto rs = samverkan::load_from_string(edited("quorum: more_than_half", "quorum: 15"), "ok.yaml");
    EXPECT_EQ(rs->meeting.quorum.kind, samverkan::quorum_kind::count);
    EXPECT_EQ(rs->meeting.quorum.count, 15u);
}

// The consistency checks know only the line of the element (the rotation or meeting mapping); the
// key names the faulty value exactly, but the line and column should point at the value, too.
TEST(RulesetErrors, ROT2_RotationPoolFaultIsLocatedAtThePoolEntry) {
    const auto text = edited("region: [regionhalsan, narhalsan,", "region: [dn_goteborg, narhalsan,");
    const auto e = load_error(text);
    ASSERT_TRUE(e);
    const auto entry = position_of(text, "dn_goteborg, narhalsan");
    EXPECT_EQ(e->where().column, entry.column);
}

TEST(RulesetErrors, QRM3_QuorumCountFaultIsLocatedAtTheQuorumKey) {
    const auto text = edited("quorum: more_than_half", "quorum: 16");
    const auto e = load_error(text);
    ASSERT_TRUE(e);
    auto value = position_of(text, "quorum: 16");
    value.column += static_cast<int>(std::string_view("quorum: ").size());
    EXPECT_EQ(e->where().column, value.column);
}

// YAML 1.2 reads "010" as ten; yaml-cpp's conversion reads it as octal eight. A quorum count must
// either mean what it says in decimal or be refused.
TEST(RulesetErrors, QRM3_QuorumCountWithLeadingZeroIsNotOctal) {
    const auto text = edited("quorum: more_than_half", "quorum: 010");
    const auto e = load_error(text);
    if (e) {
        EXPECT_EQ(e->where().key, "meeting.quorum") << e->what();
        return;
    }
    const auto rs = samverkan::load_from_string(text, "ok.yaml");
    EXPECT_EQ(rs->meeting.quorum.count, 10u);
}

// The roles name the forums that the structure rules measure against (STR-4, STR-7): a body is not one.
TEST(RulesetErrors, STR4_RoleLgsMustNameAForum) {
    const auto e = load_error(edited("  lgs: lgs\n", "  lgs: su\n"));
    EXPECT_EQ(e->where().key, "roles.lgs") << e->what();
    EXPECT_EQ(e->where().rule, "STR-4") << e->what();
}

TEST(RulesetErrors, STR7_RoleSamradMustNameAForum) {
    const auto e = load_error(edited("  samrad: politiskt_samrad\n", "  samrad: su\n"));
    EXPECT_EQ(e->where().key, "roles.samrad") << e->what();
    EXPECT_EQ(e->where().rule, "STR-7") << e->what();
}

TEST(RulesetErrors, STR4_RoleNamingUnknownForum) {
    const auto e = load_error(edited("  lgs: lgs\n", "  lgs: lgz\n"));
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where().key, "roles.lgs");
    EXPECT_EQ(e->where().rule, "STR-4");
    EXPECT_NE(e->message().find("roles.lgs must name a forum; 'lgz' is not one"), std::string::npos) << e->what();
}

// A date is YYYY-MM-DD: four digits of year, no sign (parse_iso_date's contract).
TEST(RulesetErrors, SignedYearIsNotADate) {
    for (const std::string_view year_text : {"-026-01-01", "+026-01-01"}) {
        const auto text = edited("valid_from: 2026-01-01", "valid_from: " + std::string(year_text));
        const auto e = load_error(text);
        expect_where(*e, "bad.yaml", position_of(text, year_text), "valid_from", "");
    }
}

TEST(RulesetErrors, MessageFormatNamesPathLineColumnKeyAndRule) {
    const auto text = edited("quorum: more_than_half", "quorum: half");
    const auto e = load_error(text);
    ASSERT_TRUE(e);
    const auto at = position_of(text, "half ");
    EXPECT_EQ(std::string(e->what()), "bad.yaml:" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                                          ": 'meeting.quorum': " + e->message() + " [QRM-3]");
}

TEST(RulesetErrors, OriginNamesTheTextInErrors) {
    const auto e = load_error("[]", "my-rules.yaml");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where().path, "my-rules.yaml");
    EXPECT_EQ(std::string(e->what()).rfind("my-rules.yaml:", 0), 0u) << e->what();
}

TEST(RulesetErrors, DepthIsCheckedInTextToo) {
    std::string nested;
    for (int i = 0; i <= samverkan::max_ruleset_depth; ++i) nested += "{a: ";
    nested += "1";
    for (int i = 0; i <= samverkan::max_ruleset_depth; ++i) nested += "}";
    const auto e = load_error(nested);
    ASSERT_TRUE(e);
    EXPECT_NE(e->message().find("nested deeper than 64 levels"), std::string::npos) << e->what();
    std::string key = "a";
    for (int i = 1; i < samverkan::max_ruleset_depth; ++i) key += ".a";
    EXPECT_EQ(e->where().key, key);
    EXPECT_EQ(e->where().line, 1);
    EXPECT_EQ(e->where().column, 4 * samverkan::max_ruleset_depth + 1);
}

TEST(RulesetErrors, TextLargerThanTheLimitIsRefused) {
    const std::string huge(samverkan::max_ruleset_bytes + 1, '#');
    const auto e = load_error(huge);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->where().path, "bad.yaml");
    EXPECT_NE(e->message().find("larger than 10 MiB"), std::string::npos) << e->what();
}

// Nothing is half-applied: a failed load leaves no trace in what load_default() returns.
TEST(RulesetErrors, FailedLoadLeavesTheEmbeddedRulesetsUnchanged) {
    const auto before = samverkan::load_default(year{2026} / June / 1);
    const auto embedded_text = text_2026();
    // Fails only in the last stage, after the whole file has been read.
    EXPECT_THROW((void)samverkan::load_from_string(edited("quorum: more_than_half", "quorum: 16")),
                 samverkan::ruleset_error);
    EXPECT_THROW((void)samverkan::load_from_string(edited("tema_aldre, nosam], to: lgs}", "tema_aldre], to: lgs}")),
                 samverkan::ruleset_error);
    const auto after = samverkan::load_default(year{2026} / June / 1);
    EXPECT_EQ(after.get(), before.get());
    EXPECT_EQ(after->id, "goteborg-2026");
    EXPECT_EQ(after->origin, "goteborg-2026.yaml (embedded)");
    EXPECT_EQ(after->meeting.quorum.kind, samverkan::quorum_kind::more_than_half);
    EXPECT_EQ(after->relations.size(), before->relations.size());
    EXPECT_EQ(samverkan::embedded_versions().size(), 2u);
}

// The text of the repository's file is the text compiled into the library.
TEST(RulesetErrors, UneditedTextLoads) {
    const auto rs = samverkan::load_from_string(text_2026(), "goteborg-2026.yaml");
    EXPECT_EQ(rs->id, "goteborg-2026");
    EXPECT_EQ(rs->origin, "goteborg-2026.yaml");
}

// ---- files -----------------------------------------------------------------------------------------

TEST_F(RulesetFile, NoSuchFile) {
    const auto missing = dir_ / "missing.yaml";
    try {
        (void)samverkan::load(missing);
        FAIL() << "loaded a file that does not exist";
    } catch (const samverkan::ruleset_error& e) {
        expect_where(e, missing.string(), {0, 0}, "", "");
        EXPECT_EQ(e.message(), "no such file");
    }
}

TEST_F(RulesetFile, DirectoryIsNotARuleset) {
    try {
        (void)samverkan::load(dir_);
        FAIL() << "loaded a directory";
    } catch (const samverkan::ruleset_error& e) {
        expect_where(e, dir_.string(), {0, 0}, "", "");
        EXPECT_EQ(e.message(), "not a regular file");
    }
}

TEST_F(RulesetFile, FileJustOverTheLimitIsRefused) {
    const auto file = write("huge.yaml", "");
    fs::resize_file(file, samverkan::max_ruleset_bytes + 1);
    try {
        (void)samverkan::load(file);
        FAIL() << "loaded a file larger than max_ruleset_bytes";
    } catch (const samverkan::ruleset_error& e) {
        expect_where(e, file.string(), {0, 0}, "", "");
        EXPECT_NE(e.message().find(std::to_string(samverkan::max_ruleset_bytes + 1) + " bytes"), std::string::npos)
            << e.what();
        EXPECT_NE(e.message().find("larger than 10 MiB"), std::string::npos) << e.what();
        EXPECT_NE(e.message().find("refused"), std::string::npos) << e.what();
    }
}

TEST_F(RulesetFile, FileAtTheLimitIsRead) {
    // Exactly max_ruleset_bytes is allowed: the file is read and fails only as YAML (comments only).
    const auto file = write("big.yaml", "");
    fs::resize_file(file, samverkan::max_ruleset_bytes);
    {
        std::fstream out(file, std::ios::binary | std::ios::in | std::ios::out);
        const std::string comment = "# padding\n";
        for (std::uintmax_t at = 0; at + comment.size() <= samverkan::max_ruleset_bytes; at += comment.size())
            out << comment;
    }
    ASSERT_EQ(fs::file_size(file), samverkan::max_ruleset_bytes);
    try {
        (void)samverkan::load(file);
        FAIL() << "loaded a file of comments";
    } catch (const samverkan::ruleset_error& e) {
        EXPECT_EQ(e.message().find("larger than"), std::string::npos) << e.what();
    }
}

TEST_F(RulesetFile, NestingDeeperThan64IsRefused) {
    const auto depth = static_cast<std::size_t>(samverkan::max_ruleset_depth) + 1;
    const auto file = write("deep.yaml", std::string(depth, '[') + std::string(depth, ']') + "\n");
    try {
        (void)samverkan::load(file);
        FAIL() << "loaded a file nested 65 levels deep";
    } catch (const samverkan::ruleset_error& e) {
        EXPECT_EQ(e.where().path, file.string());
        EXPECT_EQ(e.where().line, 1);
        EXPECT_EQ(e.where().column, samverkan::max_ruleset_depth + 1) << e.what();
        EXPECT_NE(e.message().find("nested deeper than 64 levels"), std::string::npos) << e.what();
    }
}

TEST_F(RulesetFile, Nesting64DeepPassesTheDepthCheck) {
    const auto depth = static_cast<std::size_t>(samverkan::max_ruleset_depth);
    const auto file = write("deep.yaml", std::string(depth, '[') + std::string(depth, ']') + "\n");
    try {
        (void)samverkan::load(file);
        FAIL() << "loaded a list as a ruleset";
    } catch (const samverkan::ruleset_error& e) {
        EXPECT_EQ(e.message().find("nested deeper"), std::string::npos) << e.what();
        EXPECT_NE(e.message().find("must be a YAML mapping"), std::string::npos) << e.what();
    }
}

TEST_F(RulesetFile, ValidFileLoadsWithItsPathAsOrigin) {
    const auto file = write("goteborg-2026-copy.yaml", text_2026());
    const auto rs = samverkan::load(file);
    ASSERT_TRUE(rs);
    EXPECT_EQ(rs->id, "goteborg-2026");
    EXPECT_EQ(rs->origin, file.string());
    EXPECT_EQ(rs->forums.size(), samverkan::embedded_versions().back()->forums.size());
}

TEST_F(RulesetFile, ErrorsInAFileNameThePath) {
    const auto text = edited("valid_from: 2026-01-01", "valid_from: 2025-02-30");
    const auto file = write("bad-date.yaml", text);
    try {
        (void)samverkan::load(file);
        FAIL();
    } catch (const samverkan::ruleset_error& e) {
        expect_where(e, file.string(), position_of(text, "2025-02-30"), "valid_from", "");
    }
}

// The library embeds exactly the ruleset files of the repository (§ 0).
TEST(Embedded, EmbeddedTextsAreTheRepositoryFiles) {
    for (const auto& e : samverkan::embedded_rulesets())
        EXPECT_EQ(e.text, read_text(fs::path(SAMVERKAN_SOURCE_DIR) / "rulesets" / std::string(e.name))) << e.name;
}

}  // namespace unity_test_ruleset_errors
