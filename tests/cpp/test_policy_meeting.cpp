// Runs the shared meeting cases of tests/policy/meeting.yaml; tests/python/test_policy_meeting.py runs
// the same file, so C++ and Python must reach the same rulings.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>

#include "support.hpp"

namespace {

const std::string policy_file = std::string(SAMVERKAN_SOURCE_DIR) + "/tests/policy/meeting.yaml";

std::vector<std::string> strings(const YAML::Node& n) {
    std::vector<std::string> out;
    if (n) for (const auto& x : n) out.push_back(x.as<std::string>());
    return out;
}

samverkan::date day(const std::string& text) {
    const auto d = samverkan::parse_iso_date(text);
    if (!d) throw std::runtime_error("bad date in policy file: " + text);
    return *d;
}

samverkan::ruleset_ptr ruleset_for(const YAML::Node& c) {
    std::string text(samverkan::embedded_rulesets().back().text);
    for (const auto& change : c["change"]) {
        const auto from = change[0].as<std::string>();
        const auto at = text.find(from);
        if (at == std::string::npos) throw std::runtime_error("change not found: " + from);
        text.replace(at, from.size(), change[1].as<std::string>());
    }
    return samverkan::load_from_string(text, "policy.yaml");
}

samverkan::meeting_setup setup_for(const YAML::Node& defaults, const YAML::Node& c, const samverkan::ruleset& rs) {
    samverkan::meeting_setup s;
    s.day = day("2026-03-13");
    const auto& forum = rs.forum_by_id("politiskt_samrad");
    const auto present = c["present"];
    if (present.IsScalar()) {
        const bool everyone = present.as<std::string>() == "all";
        for (const auto& seat : forum.seats)
            if (everyone || seat.kind == samverkan::seat_kind::ordinary) s.present.push_back(seat.id);
    } else {
        s.present = strings(present);
    }
    const auto absent = strings(c["absent"]);
    std::erase_if(s.present, [&](const std::string& id) { return std::find(absent.begin(), absent.end(), id) != absent.end(); });
    s.remote = strings(c["remote"]);
    s.chair = (c["chair"] ? c["chair"] : defaults["chair"]).as<std::string>();
    s.vice_chair = (c["vice_chair"] ? c["vice_chair"] : defaults["vice_chair"]).as<std::string>();
    auto optional_day = [](const YAML::Node& n) { return n ? std::optional(day(n.as<std::string>())) : std::nullopt; };
    if (c["people_born_default"])
        for (const auto& id : s.present)
            s.people[id] = {id, optional_day(c["people_born_default"]), optional_day(c["people_member_since_default"])};
    for (const auto& kv : c["people"]) {
        const auto id = kv.first.as<std::string>();
        if (kv.second.IsMap())
            s.people[id] = {id, optional_day(kv.second["born"]), optional_day(kv.second["member_since"])};
        else
            s.people[id] = {id, optional_day(kv.second), std::nullopt};
    }
    return s;
}

void check(const samverkan::ruling& r, const YAML::Node& expect, const std::string& where) {
    SCOPED_TRACE(where);
    if (expect["outcome"]) {
        EXPECT_EQ(std::string(samverkan::to_string(r.result())), expect["outcome"].as<std::string>());
    }
    if (expect["quorate"]) {
        EXPECT_EQ(r.quorate(), expect["quorate"].as<bool>());
    }
    if (expect["served"]) {
        EXPECT_EQ(r.served(), expect["served"].as<std::size_t>());
    }
    if (expect["threshold"]) {
        EXPECT_EQ(r.threshold(), expect["threshold"].as<std::size_t>());
    }
    if (expect["presiding"]) {
        if (expect["presiding"].IsNull()) {
            EXPECT_FALSE(r.presiding().has_value());
        } else {
            EXPECT_EQ(r.presiding().value_or("(none)"), expect["presiding"].as<std::string>());
        }
    }
    if (expect["substitutions"]) {
        const auto subs = r.substitutions();
        std::map<std::string, std::string> want, got(subs.begin(), subs.end());
        for (const auto& kv : expect["substitutions"]) want[kv.first.as<std::string>()] = kv.second.as<std::string>();
        EXPECT_EQ(got, want);
    }
    for (const auto& id : strings(expect["serving_includes"]))
        EXPECT_NE(samverkan::test::count_of(r.serving(), id), 0) << id;
    for (const auto& id : strings(expect["serving_excludes"]))
        EXPECT_EQ(samverkan::test::count_of(r.serving(), id), 0) << id;
    if (expect["unknowns"]) {
        std::vector<std::string> got;
        for (const auto& u : r.unknowns()) got.push_back(u.rule);
        EXPECT_EQ(got, strings(expect["unknowns"]));
    }
    const auto rules = r.rules();
    for (const auto& id : strings(expect["rules_include"]))
        EXPECT_NE(std::find(rules.begin(), rules.end(), id), rules.end()) << id;
}

}  // namespace

TEST(PolicyMeeting, EveryCaseOfTheSharedFile) {
    const auto doc = YAML::LoadFile(policy_file);
    const auto defaults = doc["defaults"];
    ASSERT_GE(doc["cases"].size(), 20u);
    for (const auto& c : doc["cases"]) {
        const auto name = c["name"].as<std::string>();
        const auto rs = ruleset_for(c);
        samverkan::meeting m(rs, setup_for(defaults, c, *rs));
        int n = 0;
        for (const auto& it : c["items"]) {
            const auto where = name + " item " + std::to_string(++n);
            for (const auto& step : it["before"]) {
                if (step["arrive"]) m.arrive(step["arrive"].as<std::string>(), step["remote"] && step["remote"].as<bool>());
                if (step["leave"])
                    m.leave(step["leave"].as<std::string>(), step["reason"] && step["reason"].as<std::string>() == "disqualified"
                                                                 ? samverkan::leave_reason::disqualified
                                                                 : samverkan::leave_reason::left);
            }
            samverkan::agenda_item item{it["title"].as<std::string>(), strings(it["objections"]), strings(it["abstentions"]),
                                        strings(it["disqualified"]), it["referrals"] ? it["referrals"].as<int>() : 0,
                                        samverkan::no_consensus_choice::unspecified, ""};
            const auto expect = it["expect"];
            if (expect["error"]) {
                const auto before = m.rulings().size();
                try {
                    (void)m.consider(item);
                    ADD_FAILURE() << where << ": expected a refusal naming " << expect["error"].as<std::string>();
                } catch (const samverkan::rule_violation& e) {
                    EXPECT_EQ(e.rule(), expect["error"].as<std::string>()) << where << ": " << e.what();
                }
                EXPECT_EQ(m.rulings().size(), before) << where << ": a refused item changed the meeting";
                continue;
            }
            check(m.consider(item), expect, where);
        }
    }
}
