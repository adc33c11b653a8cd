// Runs the shipped policy files, tests/policy/**/*.policy.yaml (format:
// docs/policy-tests.md), through the C++ library. Python runs the same files
// (samverkan.policytest, `samverkan test`), so the two languages are held to
// one corpus. Golden rulings are compared on the Python side.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <samverkan/changes.hpp>
#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/structure.hpp>

namespace {

namespace fs = std::filesystem;
using namespace samverkan;

const fs::path policy_dir = fs::path(SAMVERKAN_SOURCE_DIR) / "tests" / "policy";

std::vector<fs::path> policy_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(policy_dir)) {
        const auto name = e.path().filename().string();
        if (e.is_regular_file() && name.size() > 12 && name.ends_with(".policy.yaml")) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> strings(const YAML::Node& n) {
    std::vector<std::string> out;
    if (!n || n.IsNull()) return out;
    if (n.IsScalar()) return {n.Scalar()};
    for (const auto& x : n) out.push_back(x.as<std::string>());
    return out;
}

date day(const YAML::Node& n) {
    const auto d = parse_iso_date(n.as<std::string>());
    if (!d) throw std::runtime_error("bad date in a policy file: " + n.as<std::string>());
    return *d;
}

std::string yaml_text(const YAML::Node& n) {
    YAML::Emitter out;
    out << n;
    return out.c_str();
}

std::vector<change> changes_of(const YAML::Node& n) {
    std::vector<change> out;
    for (const auto& kv : n) {
        change c;
        c.path = kv.first.as<std::string>();
        if (!kv.second.IsNull()) c.value = yaml_text(kv.second);
        out.push_back(std::move(c));
    }
    return out;
}

ruleset_ptr base_ruleset(const std::string& name, const fs::path& file) {
    for (const auto& v : embedded_versions())
        if (v->id == name) return v;
    return load(file.parent_path() / name);
}

/// The changes as given: a mapping, or a change file's path relative to the
/// policy file.
change_set change_set_of(const YAML::Node& n, const fs::path& file) {
    if (n.IsScalar()) return load_changes(file.parent_path() / n.Scalar());
    change_set set;
    set.changes = changes_of(n);
    return set;
}

/// The case's ruleset: its own `ruleset` (without the file's changes) or the
/// file's, with the case's `changes` (replacing the file's) or the file's.
ruleset_ptr ruleset_for(const YAML::Node& doc, const YAML::Node& c, const fs::path& file) {
    const bool own = static_cast<bool>(c["ruleset"]);
    auto rs = base_ruleset((own ? c["ruleset"] : doc["ruleset"]).as<std::string>(), file);
    const YAML::Node changes = c["changes"] ? c["changes"] : own ? YAML::Node() : doc["changes"];
    if (changes && !changes.IsNull() && (changes.IsScalar() || changes.size() > 0))
        rs = with_changes(*rs, change_set_of(changes, file));
    return rs;
}

/// The value a case's `key` takes: the case's own, else the file's default.
YAML::Node setting(const YAML::Node& m, const YAML::Node& defaults, const char* key) {
    if (m[key]) return m[key];
    if (defaults && defaults[key]) return defaults[key];
    return YAML::Node(YAML::NodeType::Undefined);
}

meeting_setup setup_for(const YAML::Node& m, const YAML::Node& defaults, const ruleset& rs) {
    meeting_setup s;
    if (const auto f = setting(m, defaults, "forum")) s.forum = f.as<std::string>();
    s.day = day(setting(m, defaults, "date"));
    const auto present = m["present"];
    if (present.IsScalar()) {
        const bool everyone = present.as<std::string>() == "all";
        for (const auto& seat : rs.forum_by_id(s.forum).seats)
            if (everyone || seat.kind == seat_kind::ordinary) s.present.push_back(seat.id);
    } else {
        s.present = strings(present);
    }
    const auto absent = strings(m["absent"]);
    std::erase_if(s.present, [&](const std::string& id) { return std::count(absent.begin(), absent.end(), id) > 0; });
    s.remote = strings(m["remote"]);
    for (const char* office : {"chair", "vice_chair"}) {
        const auto n = setting(m, defaults, office);
        auto& slot = std::string(office) == "chair" ? s.chair : s.vice_chair;
        if (n && !n.IsNull()) slot = n.as<std::string>();
    }
    auto optional_day = [](const YAML::Node& n) { return n && !n.IsNull() ? std::optional(day(n)) : std::nullopt; };
    if (m["people_born_default"] || m["people_member_since_default"])
        for (const auto& id : s.present)
            s.people[id] = {id, optional_day(m["people_born_default"]), optional_day(m["people_member_since_default"])};
    for (const auto& kv : m["people"]) {
        const auto id = kv.first.as<std::string>();
        if (kv.second.IsMap())
            s.people[id] = {kv.second["name"] ? kv.second["name"].as<std::string>() : id,
                            optional_day(kv.second["born"]), optional_day(kv.second["member_since"])};
        else
            s.people[id] = {id, optional_day(kv.second), std::nullopt};
    }
    return s;
}

agenda_item item_of(const YAML::Node& it) {
    agenda_item item{it["title"] ? it["title"].as<std::string>() : "Ärende",
                     strings(it["objections"]),
                     strings(it["abstentions"]),
                     strings(it["disqualified"]),
                     it["referrals"] ? it["referrals"].as<int>() : 0,
                     no_consensus_choice::unspecified,
                     it["reason"] ? it["reason"].as<std::string>() : ""};
    if (it["action"]) {
        const auto a = it["action"].as<std::string>();
        item.choice = a == "remove" ? no_consensus_choice::remove : no_consensus_choice::refer_back;
    }
    return item;
}

void check_ruling(const ruling& r, const YAML::Node& expect) {
    if (expect["outcome"]) {
        EXPECT_EQ(std::string(to_string(r.result())), expect["outcome"].as<std::string>());
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
        if (expect["presiding"].IsNull())
            EXPECT_FALSE(r.presiding().has_value()) << *r.presiding();
        else
            EXPECT_EQ(r.presiding().value_or("(none)"), expect["presiding"].as<std::string>());
    }
    if (expect["substitutions"]) {
        const auto subs = r.substitutions();
        std::map<std::string, std::string> want;
        const std::map<std::string, std::string> got(subs.begin(), subs.end());
        for (const auto& kv : expect["substitutions"]) want[kv.first.as<std::string>()] = kv.second.as<std::string>();
        EXPECT_EQ(got, want);
    }
    const auto serving = r.serving();
    for (const auto& id : strings(expect["serving_includes"]))
        EXPECT_NE(std::count(serving.begin(), serving.end(), id), 0) << id;
    for (const auto& id : strings(expect["serving_excludes"]))
        EXPECT_EQ(std::count(serving.begin(), serving.end(), id), 0) << id;
    if (expect["unknowns"]) {
        std::vector<std::string> got;
        for (const auto& u : r.unknowns()) got.push_back(u.rule);
        EXPECT_EQ(got, strings(expect["unknowns"]));
    }
    const auto rules = r.rules();
    for (const auto& id : strings(expect["rules_include"]))
        EXPECT_NE(std::count(rules.begin(), rules.end(), id), 0) << id;
    if (expect["rules"]) {
        EXPECT_EQ(rules, strings(expect["rules"]));
    }
}

/// The name a refusal goes by in `expect.error`: its rule id, or its class.
std::string refusal_name(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const rule_violation& v) {
        return v.rule();
    } catch (const no_ruleset_in_force&) {
        return "NoRulesetInForce";
    } catch (const unknown_id&) {
        return "UnknownId";
    } catch (const invalid_argument&) {
        return "ArgumentError";
    } catch (const ruleset_error& r) {
        return r.where().rule.empty() ? "RulesetError" : r.where().rule;
    } catch (const std::exception& other) {
        return std::string("(unexpected) ") + other.what();
    }
}

void expect_refusal(const YAML::Node& expect, const std::exception_ptr& e) {
    const auto want = expect["error"].as<std::string>();
    EXPECT_EQ(refusal_name(e), want);
}

void run_meeting(const YAML::Node& doc, const YAML::Node& c, const ruleset_ptr& rs) {
    const auto m = c["meeting"];
    std::optional<meeting> mt;
    try {
        mt.emplace(rs, setup_for(m, doc["defaults"], *rs));
    } catch (...) {
        if (c["expect"] && c["expect"]["error"]) return expect_refusal(c["expect"], std::current_exception());
        throw;
    }
    std::vector<std::pair<YAML::Node, YAML::Node>> items;  // (item, expect)
    if (m["items"])
        for (const auto& it : m["items"]) items.emplace_back(it, it["expect"]);
    else
        items.emplace_back(m, c["expect"]);
    int n = 0;
    for (const auto& [it, expect] : items) {
        SCOPED_TRACE("item " + std::to_string(++n));
        for (const auto& step : it["before"]) {
            if (step["arrive"])
                mt->arrive(step["arrive"].as<std::string>(), step["remote"] && step["remote"].as<bool>());
            if (step["leave"])
                mt->leave(step["leave"].as<std::string>(),
                          step["reason"] && step["reason"].as<std::string>() == "disqualified"
                              ? leave_reason::disqualified
                              : leave_reason::left);
        }
        if (expect && expect["error"]) {
            const auto before = mt->rulings().size();
            try {
                (void)mt->consider(item_of(it));
                ADD_FAILURE() << "expected a refusal naming " << expect["error"].as<std::string>();
            } catch (...) {
                expect_refusal(expect, std::current_exception());
            }
            EXPECT_EQ(mt->rulings().size(), before) << "a refused item changed the meeting";
            continue;
        }
        check_ruling(mt->consider(item_of(it)), expect ? expect : YAML::Node(YAML::NodeType::Map));
    }
}

std::string side_name(side s) { return std::string(to_string(s)); }

void check_term(const term& t, const YAML::Node& expect) {
    if (expect["start"]) {
        EXPECT_EQ(to_iso_string(t.start), expect["start"].as<std::string>());
    }
    if (expect["end"]) {
        EXPECT_EQ(to_iso_string(t.end), expect["end"].as<std::string>());
    }
    if (expect["chair"]) {
        EXPECT_EQ(t.chair, expect["chair"].as<std::string>());
    }
    if (expect["vice_chair"]) {
        EXPECT_EQ(t.vice_chair, expect["vice_chair"].as<std::string>());
    }
    if (expect["chair_side"]) {
        EXPECT_EQ(side_name(t.chair_side), expect["chair_side"].as<std::string>());
    }
    if (expect["vice_side"]) {
        EXPECT_EQ(side_name(t.vice_side), expect["vice_side"].as<std::string>());
    }
    if (expect["lgs_chair_side"]) {
        if (expect["lgs_chair_side"].IsNull())
            EXPECT_FALSE(t.lgs_chair_side.has_value());
        else
            EXPECT_EQ(t.lgs_chair_side ? side_name(*t.lgs_chair_side) : "(none)",
                      expect["lgs_chair_side"].as<std::string>());
    }
    const auto rules = t.why.rule_ids();
    for (const auto& id : strings(expect["rules_include"]))
        EXPECT_NE(std::count(rules.begin(), rules.end(), id), 0) << id;
}

void run_rotation(const YAML::Node& c, const ruleset_ptr& rs) {
    const auto r = c["rotation"];
    const auto expect = c["expect"];
    try {
        if (r["on"]) {
            check_term(term_on(*rs, day(r["on"])), expect);
            if (expect.IsMap() && expect["error"]) {
                ADD_FAILURE() << "expected a refusal";
            }
            return;
        }
        const auto count = r["terms"].as<std::size_t>();
        const auto terms = r["from"] ? rotation_schedule(*rs, count, day(r["from"])) : rotation_schedule(*rs, count);
        if (expect.IsMap() && expect["error"]) {
            ADD_FAILURE() << "expected a refusal";
            return;
        }
        ASSERT_EQ(terms.size(), expect.size());
        for (std::size_t i = 0; i < terms.size(); ++i) {
            SCOPED_TRACE("term " + std::to_string(i));
            check_term(terms[i], expect[i]);
        }
    } catch (...) {
        if (expect.IsMap() && expect["error"]) return expect_refusal(expect, std::current_exception());
        throw;
    }
}

std::set<std::string> findings(const ruleset_ptr& rs) {
    std::set<std::string> out;
    for (const auto& p : structure(rs).validate())
        if (!p.rule.empty()) out.insert(p.rule);
    return out;
}

void run_validation(const YAML::Node& doc, const YAML::Node& c, const fs::path& file) {
    const auto v = c["validation"];
    std::set<std::string> got;
    const auto want_list = strings(c["expect"]["rules"]);
    const std::set<std::string> want(want_list.begin(), want_list.end());
    if (v["changes"]) {
        // The case's ruleset, then these changes.
        const auto base = ruleset_for(doc, c, file);
        try {
            got = findings(with_changes(*base, changes_of(v["changes"])));
        } catch (const change_error& e) {
            for (const auto& r : e.rules()) got.insert(r);
        }
    } else if (v["yaml"]) {
        try {
            got = findings(load(file.parent_path() / v["yaml"].as<std::string>()));
        } catch (const ruleset_error& e) {
            if (!e.where().rule.empty()) got.insert(e.where().rule);
        }
    } else if (v["schedule"]) {
        const auto rs = ruleset_for(doc, c, file);
        if (v["schedule"].IsScalar()) return;  // a schedule read from CSV is checked on the Python side
        std::vector<schedule_row> rows;
        for (const auto& row : v["schedule"]) {
            schedule_row r{day(row["start"]), day(row["end"]), row["chair"].as<std::string>(),
                           row["vice_chair"].as<std::string>(), std::nullopt};
            if (row["lgs_chair_side"] && !row["lgs_chair_side"].IsNull())
                r.lgs_chair_side = enum_from_string<side>(row["lgs_chair_side"].as<std::string>());
            rows.push_back(std::move(r));
        }
        try {
            for (const auto& f : validate_rotation(*rs, rows)) got.insert(f.rule);
        } catch (const rule_violation& e) {
            got.insert(e.rule());
        }
    } else {
        got = findings(ruleset_for(doc, c, file));
    }
    EXPECT_EQ(got, want);
}

TEST(PolicyFiles, EveryCaseOfTheShippedSuite) {
    const auto files = policy_files();
    ASSERT_FALSE(files.empty());
    std::size_t cases = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const auto doc = YAML::LoadFile(file.string());
        for (const auto& c : doc["cases"]) {
            const auto name = c["name"].as<std::string>();
            SCOPED_TRACE(name);
            if (c["xfail"]) continue;  // a known disagreement, reported by the Python runner
            if (c["matter"]) continue;
            ++cases;
            try {
                if (c["validation"]) {
                    run_validation(doc, c, file);
                    continue;
                }
                const auto rs = ruleset_for(doc, c, file);
                if (c["meeting"])
                    run_meeting(doc, c, rs);
                else if (c["rotation"])
                    run_rotation(c, rs);
                else
                    ADD_FAILURE() << "a case of no kind the C++ runner knows";
            } catch (const std::exception& e) {
                ADD_FAILURE() << "unexpected error: " << e.what();
            }
        }
    }
    EXPECT_GE(cases, 40u);
}

}  // namespace
