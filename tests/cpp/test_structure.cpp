// The structure graph (§ 2): forums by level, who prepares for whom, how questions travel up, the
// adopters of the samråd's positions, the structure rules validate() keeps, and the DOT export.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/load.hpp>
#include <samverkan/structure.hpp>
#include <samverkan/structure_dot.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_structure {

using samverkan::level;
using samverkan::relation_type;
using strings = std::vector<std::string>;

namespace {

const samverkan::ruleset_ptr& version(std::string_view id) {
    for (const auto& rs : samverkan::embedded_versions())
        if (rs->id == id) return rs;
    throw std::runtime_error("no embedded ruleset " + std::string(id));
}

const samverkan::ruleset_ptr& v2016() { return version("goteborg-2016"); }
const samverkan::ruleset_ptr& v2026() { return version("goteborg-2026"); }

strings sorted(strings items) {
    std::sort(items.begin(), items.end());
    return items;
}

/// The 13 bodies that hold seats in the samråd: 8 VGR bodies and 5 municipalities (CMP-1, CMP-2).
const strings& represented_bodies() {
    static const strings bodies =
        sorted({"dn_goteborg", "dn_vastra", "regionhalsan", "narhalsan", "tandvard", "habilitering_halsa",
                "sjukhusen_i_vaster", "su", "goteborg", "molndal", "harryda", "partille", "ockero"});
    return bodies;
}

/// A mutable copy of the embedded 2026 ruleset, to break in code.
samverkan::ruleset copy_2026() { return *v2026(); }

samverkan::structure structure_of(samverkan::ruleset rs) {
    return samverkan::structure(std::make_shared<const samverkan::ruleset>(std::move(rs)));
}

samverkan::relation relation(relation_type type, std::string from, std::string to, std::string rule) {
    return {type, std::move(from), std::move(to), std::move(rule), {}};
}

std::string rules_of(const std::vector<samverkan::problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += "[" + p.rule + "] " + p.message + "\n";
    return out;
}

}  // namespace

// ---- the embedded structures ----------------------------------------------------------------------

TEST(Structure, ForumsByLevel2026) {
    const samverkan::structure s(v2026());
    EXPECT_EQ(s.forums(level::political), (strings{"politiskt_samrad", "politiskt_presidium"}));
    EXPECT_EQ(s.forums(level::strategic), (strings{"lgs", "lgs_beredning"}));
    EXPECT_EQ(s.forums(level::operational),
              (strings{"tema_barn_unga", "tema_psykiatri", "tema_rehab_hab", "tema_aldre", "nosam"}));
    EXPECT_EQ(s.forums(level::support), (strings{"samverkanskontoret", "arbetsgrupper"}));
    EXPECT_EQ(s.forums().size(), 11u);
}

TEST(Structure, ForumsByLevel2016) {
    const samverkan::structure s(v2016());
    EXPECT_EQ(s.forums(level::political), (strings{"politiskt_samrad", "politiskt_presidium"}));
    EXPECT_EQ(s.forums(level::strategic), (strings{"lgs", "lgs_beredning"}));
    EXPECT_EQ(s.forums(level::operational),
              (strings{"tema_aldre", "tema_mitt_i_livet", "tema_barn_unga", "tema_psykiatri"}));
    const auto all = s.forums();
    EXPECT_EQ(std::count(all.begin(), all.end(), "nosam"), 0);
    EXPECT_EQ(std::count(all.begin(), all.end(), "tema_rehab_hab"), 0);
}

TEST(Structure, STR1_PreparersOfSamrad) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        EXPECT_EQ(sorted(s.preparers_of("politiskt_samrad")), (strings{"lgs", "lgs_beredning", "politiskt_presidium"}))
            << rs->id;
    }
}

TEST(Structure, STR2_StyrgruppPreparesForLgs) {
    EXPECT_EQ(samverkan::structure(v2026()).preparers_of("lgs"), (strings{"lgs_beredning"}));
    // STR-2 comes from the 2026 plan (000); the 2016 agreement names no preparer of LGS.
    EXPECT_TRUE(samverkan::structure(v2016()).preparers_of("lgs").empty());
}

TEST(Structure, STR3_LgsDecidesTheHandlingsplanIn2026AndThe2016AgreementNamesNone) {
    EXPECT_EQ(samverkan::structure(v2026()).action_plan_decider(), std::optional<std::string>("lgs"));
    ASSERT_TRUE(v2026()->action_plan);
    EXPECT_GT(v2026()->action_plan->mark.line, 0);
    EXPECT_EQ(samverkan::structure(v2016()).action_plan_decider(), std::nullopt);
}

TEST(Structure, CNS5_ThirteenAdoptersOfTheSamrad) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        const auto adopters = s.adopters_of("politiskt_samrad");
        EXPECT_EQ(adopters.size(), 13u) << rs->id;
        EXPECT_EQ(sorted(adopters), represented_bodies()) << rs->id;
        EXPECT_TRUE(s.adopters_of("lgs").empty()) << rs->id;
    }
}

TEST(Structure, STR4_STR8_EveryOperationalForumReachesTheSamradThroughLgs) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        const auto operational = s.forums(level::operational);
        ASSERT_FALSE(operational.empty()) << rs->id;
        for (const auto& tema : operational) {
            EXPECT_EQ(s.path(tema, "politiskt_samrad"), (strings{tema, "lgs", "politiskt_samrad"})) << rs->id;
            EXPECT_TRUE(s.reaches(tema, "lgs")) << rs->id << " " << tema;
        }
    }
}

TEST(Structure, STR8_LgsRaisesQuestionsWithTheSamrad) {
    for (const auto& rs : samverkan::embedded_versions())
        EXPECT_EQ(samverkan::structure(rs).path("lgs", "politiskt_samrad"), (strings{"lgs", "politiskt_samrad"}))
            << rs->id;
}

TEST(Structure, CMP1_BodyReachesTheSamradThroughItsSeats) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        EXPECT_EQ(s.path("su", "politiskt_samrad"), (strings{"su", "politiskt_samrad"})) << rs->id;
        EXPECT_EQ(s.path("ockero", "politiskt_samrad"), (strings{"ockero", "politiskt_samrad"})) << rs->id;
    }
}

TEST(Structure, STR7_SamradReportsBackToEachRepresentedBody) {
    const samverkan::structure s(v2026());
    for (const auto& body : represented_bodies())
        EXPECT_EQ(s.path("politiskt_samrad", body), (strings{"politiskt_samrad", body}));
}

TEST(Structure, PathToItselfIsOneElement) {
    const samverkan::structure s(v2026());
    EXPECT_EQ(s.path("lgs", "lgs"), (strings{"lgs"}));
    EXPECT_EQ(s.path("su", "su"), (strings{"su"}));
    EXPECT_TRUE(s.reaches("nosam", "nosam"));
}

TEST(Structure, NoPathIsEmpty) {
    const samverkan::structure s(v2026());
    // Questions travel up, not down.
    EXPECT_TRUE(s.path("politiskt_samrad", "tema_aldre").empty());
    EXPECT_FALSE(s.reaches("lgs", "nosam"));
    // STR-6: supporting is not escalating.
    EXPECT_TRUE(s.path("samverkanskontoret", "politiskt_samrad").empty());
    EXPECT_FALSE(s.reaches("samverkanskontoret", "lgs"));
    // STR-5: arbetsgrupper report to LGS, which set them up.
    EXPECT_EQ(s.path("arbetsgrupper", "politiskt_samrad"), (strings{"arbetsgrupper", "lgs", "politiskt_samrad"}));
}

TEST(Structure, UnknownIdThrowsWithTheNearestId) {
    const samverkan::structure s(v2026());
    try {
        (void)s.path("tema_aldr", "politiskt_samrad");
        FAIL() << "no error for an unknown id";
    } catch (const samverkan::unknown_id& e) {
        EXPECT_EQ(e.id(), "tema_aldr");
        EXPECT_NE(std::string(e.what()).find("did you mean 'tema_aldre'"), std::string::npos) << e.what();
    }
    try {
        (void)s.preparers_of("politiskt_samrd");
        FAIL() << "no error for an unknown forum";
    } catch (const samverkan::unknown_id& e) {
        EXPECT_EQ(std::string(e.what()), "unknown forum 'politiskt_samrd' (did you mean 'politiskt_samrad'?)");
    }
    try {
        (void)s.adopters_of("lgs_bereding");
        FAIL() << "no error for an unknown forum";
    } catch (const samverkan::unknown_id& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'lgs_beredning'"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)s.reaches("lgs", "nowhere_at_all"), samverkan::unknown_id);
    EXPECT_THROW((void)s.path("", "lgs"), samverkan::unknown_id);
}

TEST(Structure, ABodyIsNotAForum) {
    const samverkan::structure s(v2026());
    EXPECT_THROW((void)s.preparers_of("su"), samverkan::unknown_id);
    EXPECT_THROW((void)s.adopters_of("goteborg"), samverkan::unknown_id);
}

TEST(Structure, FarMissGivesNoSuggestion) {
    const samverkan::structure s(v2026());
    try {
        (void)s.path("xyzzy_plugh_quux", "lgs");
        FAIL();
    } catch (const samverkan::unknown_id& e) {
        EXPECT_EQ(std::string(e.what()).find("did you mean"), std::string::npos) << e.what();
    }
}

TEST(Structure, EmbeddedStructuresAreValid) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const auto problems = samverkan::structure(rs).validate();
        EXPECT_TRUE(problems.empty()) << rs->id << ":\n" << rules_of(problems);
    }
}

TEST(Structure, CMP1_CMP2_RepresentedInEdgesComeFromTheSeats) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        ASSERT_EQ(rs->forum_by_id("politiskt_samrad").seats.size(), 27u);
        std::map<std::string, std::string> rule_by_body;
        for (const auto& e : s.edges()) {
            if (e.type != relation_type::represented_in) continue;
            EXPECT_EQ(e.to, "politiskt_samrad") << rs->id << " " << e.from;
            EXPECT_TRUE(rule_by_body.emplace(e.from, e.rule).second) << "two represented_in edges from " << e.from;
        }
        ASSERT_EQ(rule_by_body.size(), 13u) << rs->id;
        int vgr = 0;
        int municipal = 0;
        for (const auto& [body_id, rule] : rule_by_body) {
            const auto& b = rs->body_by_id(body_id);
            if (b.party == "vgr") {
                ++vgr;
                EXPECT_EQ(rule, "CMP-1") << body_id;
            } else {
                ++municipal;
                EXPECT_EQ(rule, "CMP-2") << body_id;
            }
        }
        EXPECT_EQ(vgr, 8) << rs->id;
        EXPECT_EQ(municipal, 5) << rs->id;
    }
}

TEST(Structure, STR9_TheSamradIsAnchoredInEveryBodyHoldingSeatsThere) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        const auto anchoring = s.anchoring("politiskt_samrad");
        // In seat order: the eight VGR bodies, then the five municipalities.
        EXPECT_EQ(anchoring.front(), "dn_goteborg") << rs->id;
        EXPECT_EQ(anchoring.back(), "ockero") << rs->id;
        EXPECT_EQ(sorted(anchoring), represented_bodies()) << rs->id;
        // Members are modelled only as seats: LGS and the theme groups list none.
        EXPECT_TRUE(s.anchoring("lgs").empty()) << rs->id;
        EXPECT_TRUE(s.anchoring("tema_aldre").empty()) << rs->id;
        // Each anchors_in edge mirrors a represented_in edge (CMP-1, CMP-2) and names STR-9.
        std::map<std::pair<std::string, std::string>, int> mirrored;
        for (const auto& e : s.edges()) {
            if (e.type == relation_type::represented_in) ++mirrored[{e.to, e.from}];
            if (e.type == relation_type::anchors_in) {
                EXPECT_EQ(e.rule, "STR-9");
                --mirrored[{e.from, e.to}];
            }
        }
        for (const auto& [edge, count] : mirrored) EXPECT_EQ(count, 0) << edge.first << " " << edge.second;
    }
    EXPECT_THROW((void)samverkan::structure(v2026()).anchoring("su"), samverkan::unknown_id);  // a body, not a forum
}

TEST(Structure, STR9_AnchoringIsNotAWayUp) {
    EXPECT_FALSE(samverkan::escalates(relation_type::anchors_in));
    // Without STR-7 the samråd has no way down to a body: anchors_in does not carry questions.
    auto rs = copy_2026();
    std::erase_if(rs.relations, [](const samverkan::relation& r) { return r.rule == "STR-7"; });
    const auto s = structure_of(std::move(rs));
    EXPECT_FALSE(s.reaches("politiskt_samrad", "su"));
    EXPECT_EQ(s.anchoring("politiskt_samrad").size(), 13u);
}

TEST(Structure, EdgesCarryTheRuleOfTheirRelation) {
    const samverkan::structure s(v2026());
    const auto edges = s.edges();
    auto has = [&](const char* from, const char* to, relation_type type, const char* rule) {
        return std::any_of(edges.begin(), edges.end(), [&](const samverkan::structure_edge& e) {
            return e.from == from && e.to == to && e.type == type && e.rule == rule;
        });
    };
    EXPECT_TRUE(has("lgs_beredning", "lgs", relation_type::prepares_for, "STR-2"));
    EXPECT_TRUE(has("nosam", "lgs", relation_type::reports_to, "STR-4"));
    EXPECT_TRUE(has("lgs", "arbetsgrupper", relation_type::appoints, "STR-5"));
    EXPECT_TRUE(has("samverkanskontoret", "nosam", relation_type::supports, "STR-6"));
    EXPECT_TRUE(has("politiskt_samrad", "su", relation_type::reports_to, "STR-7"));
    EXPECT_TRUE(has("lgs", "politiskt_samrad", relation_type::reports_to, "STR-8"));
    EXPECT_TRUE(has("ockero", "politiskt_samrad", relation_type::adopts, "CNS-5"));
    EXPECT_TRUE(has("politiskt_samrad", "su", relation_type::anchors_in, "STR-9"));
    // Every written relation is an edge, plus one represented_in and one anchors_in edge per represented body.
    EXPECT_EQ(edges.size(), v2026()->relations.size() + 2 * 13u);
}

TEST(Structure, CMP5_TheSamradElectsItsOwnChairAndViceChairOnly) {
    using samverkan::office_role;
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        for (const auto role : {office_role::chair, office_role::vice_chair}) {
            const auto samrad = s.appointer_of("politiskt_samrad", role);
            ASSERT_TRUE(samrad) << rs->id;
            EXPECT_EQ(samrad->by, "politiskt_samrad") << rs->id;
            EXPECT_EQ(samrad->rule, "CMP-5") << rs->id;
            // Who elects LGS's chair and vice chair the sources do not say (ROT-4 only coordinates the side).
            EXPECT_FALSE(s.appointer_of("lgs", role)) << rs->id;
        }
    }
    EXPECT_THROW((void)samverkan::structure(v2026()).appointer_of("lgz", office_role::chair), samverkan::unknown_id);
}

TEST(Structure, CMP5_ROT5_OnlyThe2016PresidiumIsWhollyAppointedByTheSamrad) {
    auto appoints_presidium = [](const samverkan::ruleset_ptr& rs) {
        const auto edges = samverkan::structure(rs).edges();
        return std::any_of(edges.begin(), edges.end(), [](const samverkan::structure_edge& e) {
            return e.from == "politiskt_samrad" && e.to == "politiskt_presidium" && e.type == relation_type::appoints;
        });
    };
    // 2016: the presidium is the samråd's chair and vice chair, whom the samråd elects.
    EXPECT_EQ(v2016()->forum_by_id("politiskt_presidium").offices.size(), 2u);
    EXPECT_TRUE(appoints_presidium(v2016()));
    // 2026: the politiskt presidium is the presidia of the samråd and of LGS; the samråd elects only its own two.
    const auto& offices = v2026()->forum_by_id("politiskt_presidium").offices;
    ASSERT_EQ(offices.size(), 4u);
    EXPECT_FALSE(appoints_presidium(v2026()));
    for (const auto& o : offices) EXPECT_EQ(o.appointed_by.empty(), o.forum == "lgs") << o.forum;
}

TEST(StructureDot, ListsEveryForumAndLabelsEdgesWithTheirRule) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const samverkan::structure s(rs);
        const auto dot = samverkan::to_dot(s);
        EXPECT_EQ(dot.rfind("digraph", 0), 0u) << rs->id;
        for (const auto& f : rs->forums) EXPECT_NE(dot.find("id=\"" + f.id + "\""), std::string::npos) << f.id;
        for (const auto& b : rs->bodies) EXPECT_NE(dot.find("id=\"" + b.id + "\""), std::string::npos) << b.id;
        EXPECT_NE(dot.find("prepares_for STR-1"), std::string::npos);
        EXPECT_NE(dot.find("reports_to STR-4"), std::string::npos);
        EXPECT_NE(dot.find("represented_in CMP-1"), std::string::npos);
        EXPECT_NE(dot.find("represented_in CMP-2"), std::string::npos);
        EXPECT_NE(dot.find("adopts CNS-5"), std::string::npos);
        EXPECT_NE(dot.find("\"anchors_in STR-9\", style=dashed, constraint=false"), std::string::npos);
        std::size_t arrows = 0;
        for (auto at = dot.find("->"); at != std::string::npos; at = dot.find("->", at + 2)) ++arrows;
        EXPECT_EQ(arrows, s.edges().size()) << rs->id;
        EXPECT_EQ(dot.back(), '\n');
    }
}

// ---- structures broken in code ---------------------------------------------------------------------

TEST(Structure, STR1_PreparationCycleIsRefused) {
    auto rs = copy_2026();
    rs.relations.push_back(relation(relation_type::prepares_for, "politiskt_samrad", "tema_aldre", "STR-1"));
    rs.relations.push_back(relation(relation_type::prepares_for, "tema_aldre", "lgs", "STR-2"));
    const auto problems = structure_of(std::move(rs)).validate();
    ASSERT_EQ(problems.size(), 1u) << rules_of(problems);
    EXPECT_EQ(problems[0].rule, "STR-1");
    EXPECT_NE(problems[0].message.find("preparation cycle: politiskt_samrad -> tema_aldre -> lgs -> politiskt_samrad"),
              std::string::npos)
        << problems[0].message;
}

TEST(Structure, STR1_SelfPreparationIsACycle) {
    auto rs = copy_2026();
    rs.relations.push_back(relation(relation_type::prepares_for, "lgs", "lgs", "STR-2"));
    const auto problems = structure_of(std::move(rs)).validate();
    ASSERT_EQ(problems.size(), 1u) << rules_of(problems);
    EXPECT_EQ(problems[0].rule, "STR-1");
    EXPECT_NE(problems[0].message.find("preparation cycle: lgs -> lgs"), std::string::npos) << problems[0].message;
}

TEST(Structure, STR1_OnlyPreparationMustBeAcyclic) {
    // STR-7 (the samråd reports back to each body) and CMP-1 (the body sits in the samråd) close a loop
    // of escalation edges; that is not a preparation cycle.
    const samverkan::structure s(v2026());
    EXPECT_TRUE(s.reaches("politiskt_samrad", "su"));
    EXPECT_TRUE(s.reaches("su", "politiskt_samrad"));
    EXPECT_TRUE(s.validate().empty());
}

TEST(Structure, STR4_OperationalForumCutOffFromLgs) {
    auto rs = copy_2026();
    std::erase_if(rs.relations, [](const samverkan::relation& r) {
        return r.from == "tema_psykiatri" && r.type == relation_type::reports_to;
    });
    const auto problems = structure_of(std::move(rs)).validate();
    ASSERT_EQ(problems.size(), 1u) << rules_of(problems);
    EXPECT_EQ(problems[0].rule, "STR-4");
    EXPECT_NE(problems[0].message.find("operational forum 'tema_psykiatri' does not reach 'lgs'"), std::string::npos)
        << problems[0].message;
}

TEST(Structure, STR4_EachForumCutOffFromLgsOnceInForumOrder) {
    auto rs = copy_2026();
    std::erase_if(rs.relations, [](const samverkan::relation& r) {
        return (r.from == "nosam" || r.from == "tema_barn_unga") && r.type == relation_type::reports_to;
    });
    rs.relations.push_back(relation(relation_type::reports_to, "tema_barn_unga", "nosam", "STR-4"));
    const auto problems = structure_of(std::move(rs)).validate();
    ASSERT_EQ(problems.size(), 2u) << rules_of(problems);
    EXPECT_NE(problems[0].message.find("'tema_barn_unga' does not reach"), std::string::npos) << problems[0].message;
    EXPECT_NE(problems[1].message.find("'nosam' does not reach"), std::string::npos) << problems[1].message;
}

TEST(Structure, STR4_OperationalForumReachingLgsIndirectlyIsEnough) {
    auto rs = copy_2026();
    std::erase_if(rs.relations, [](const samverkan::relation& r) {
        return r.from == "nosam" && r.type == relation_type::reports_to;
    });
    rs.relations.push_back(relation(relation_type::reports_to, "nosam", "tema_aldre", "STR-4"));
    const auto s = structure_of(std::move(rs));
    EXPECT_TRUE(s.validate().empty()) << rules_of(s.validate());
    EXPECT_EQ(s.path("nosam", "politiskt_samrad"), (strings{"nosam", "tema_aldre", "lgs", "politiskt_samrad"}));
}

TEST(Structure, STR7_RepresentedBodyWhoseForumCannotReachTheSamrad) {
    auto rs = copy_2026();
    auto b = rs.body_by_id("su");
    b.id = "ny_styrelse";
    b.name = "Ny styrelse";
    b.mark = {0, 0, "bodies[13]"};
    rs.bodies.push_back(b);
    samverkan::forum isolated;
    isolated.id = "fristaende_grupp";
    isolated.name = "Fristående grupp";
    isolated.level = level::support;
    samverkan::seat seat;
    seat.id = "ny_styrelse/ord";
    seat.kind = samverkan::seat_kind::ordinary;
    seat.body = b.id;
    seat.party = b.party;
    seat.side = b.side;
    isolated.seats.push_back(seat);
    seat.id = "ny_styrelse/ord2";  // a second seat of the body: still one problem
    seat.index = 1;
    isolated.seats.push_back(seat);
    rs.forums.push_back(isolated);
    const auto problems = structure_of(std::move(rs)).validate();
    ASSERT_EQ(problems.size(), 1u) << rules_of(problems);
    EXPECT_EQ(problems[0].rule, "STR-7");
    EXPECT_EQ(problems[0].mark.key, "bodies[13]");  // where the body was written
    EXPECT_NE(problems[0].message.find("represented body 'ny_styrelse' does not reach 'politiskt_samrad'"),
              std::string::npos)
        << problems[0].message;
}

TEST(Structure, STR4_STR7_RolesNamingUnknownForums) {
    auto rs = copy_2026();
    rs.roles.lgs = "lgs_x";
    rs.roles.samrad = "samradet";
    const auto problems = structure_of(std::move(rs)).validate();
    ASSERT_EQ(problems.size(), 2u) << rules_of(problems);
    EXPECT_EQ(problems[0].rule, "STR-4");
    EXPECT_EQ(problems[0].mark.key, "roles.lgs");
    EXPECT_NE(problems[0].message.find("roles.lgs must name a forum; 'lgs_x' is not one"), std::string::npos);
    EXPECT_EQ(problems[1].rule, "STR-7");
    EXPECT_EQ(problems[1].mark.key, "roles.samrad");
    EXPECT_NE(problems[1].message.find("roles.samrad must name a forum; 'samradet' is not one"), std::string::npos);
}

TEST(Structure, STR4_RolesNamingABodyAreRefused) {
    auto rs = copy_2026();
    rs.roles.lgs = "su";
    const auto problems = structure_of(std::move(rs)).validate();
    EXPECT_EQ(problems[0].rule, "STR-4");
}

TEST(Structure, RelationNamingUnknownIdThrowsOnConstruction) {
    auto rs = copy_2026();
    rs.relations.push_back(relation(relation_type::reports_to, "nosam", "lgss", "STR-4"));
    try {
        (void)structure_of(std::move(rs));
        FAIL() << "built a structure with an edge to an unknown id";
    } catch (const samverkan::unknown_id& e) {
        EXPECT_EQ(e.id(), "lgss");
        EXPECT_NE(std::string(e.what()).find("did you mean 'lgs'"), std::string::npos) << e.what();
    }
}

TEST(Structure, SharesTheRulesetItWasBuiltFrom) {
    const samverkan::structure s(v2026());
    EXPECT_EQ(&s.rules(), v2026().get());
}

}  // namespace unity_test_structure
