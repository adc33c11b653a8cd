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
#include <samverkan/event_log.hpp>
#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/structure.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_policy_files {

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

const char* const matter_id = "m1";

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

/// The matter's state against the expectations of a step or of the case; `on` is the latest step's day.
void check_matter(const event_log& log, const YAML::Node& e, date on) {
    if (!e || !e.IsMap()) return;
    const matter& m = log.matter_at(matter_id);
    if (e["raised_rules"]) {
        EXPECT_EQ(log.events().front().rules, strings(e["raised_rules"]));
    }
    if (e["status"]) {
        EXPECT_EQ(std::string(to_string(m.state())), e["status"].as<std::string>());
    }
    if (e["referrals"]) {
        EXPECT_EQ(m.referrals(), e["referrals"].as<int>());
    }
    if (e["referral_reason"]) {
        EXPECT_EQ(m.referral_reason(), e["referral_reason"].as<std::string>());
    }
    if (e["preparers"]) {
        EXPECT_EQ(m.preparers(), strings(e["preparers"]));
    }
    if (e["adoption"])
        for (const auto& kv : e["adoption"]) {
            const auto body = kv.first.as<std::string>();
            const auto it = std::find_if(m.cases().begin(), m.cases().end(),
                                         [&](const adoption_case& c) { return c.body == body; });
            EXPECT_EQ(it == m.cases().end() ? std::string("(none)") : std::string(to_string(it->state)),
                      kv.second.as<std::string>())
                << body;
        }
    if (e["cases"]) {
        EXPECT_EQ(m.cases().size(), e["cases"].as<std::size_t>());
    }
    if (const auto a = e["adoption_status"]) {
        const auto s = log.adoption(matter_id, day(a["on"]));
        if (a["status"]) {
            EXPECT_EQ(std::string(to_string(s.status)), a["status"].as<std::string>());
        }
        if (a["in_force"]) {
            EXPECT_EQ(s.in_force, a["in_force"].as<bool>());
        }
        if (a["in_force_for"]) {
            EXPECT_EQ(sorted(s.in_force_for), sorted(strings(a["in_force_for"])));
        }
        if (a["overdue"]) {
            EXPECT_EQ(sorted(s.overdue), sorted(strings(a["overdue"])));
        }
        const std::pair<const char*, std::size_t> counts[] = {{"adopted", s.adopted},
                                                              {"declined", s.declined},
                                                              {"pending", s.pending},
                                                              {"not_applicable", s.not_applicable}};
        for (const auto& [key, got] : counts) {
            if (a[key]) {
                EXPECT_EQ(got, a[key].as<std::size_t>()) << "adoption_status." << key;
            }
        }
    }
    if (e["violations"]) {
        std::vector<std::string> got;
        for (const auto& v : log.violations()) got.push_back(v.rule);
        EXPECT_EQ(got, strings(e["violations"]));
    }
    if (e["next_steps_allowed"]) {
        std::vector<std::string> got;
        for (const auto& s : log.next_steps(matter_id, on))
            if (s.allowed) got.emplace_back(to_string(s.action));
        EXPECT_EQ(got, strings(e["next_steps_allowed"]));
    }
}

/// A forced step must break a rule: the log gains one violation, with the step's reason.
void check_forced(const event_log& log, std::size_t broken, const YAML::Node& st) {
    std::vector<std::string> got;
    const auto all = log.violations();
    for (std::size_t i = broken; i < all.size(); ++i) got.push_back(all[i].reason);
    EXPECT_EQ(got, std::vector<std::string>{st["force"].as<std::string>()}) << "a forced step that breaks no rule";
}

step_options forced(const YAML::Node& st) {
    if (!st["force"]) return {};
    return {true, st["force"].as<std::string>()};
}

/// A matter case: the matter raised, then each step in order on one event log (docs/policy-tests.md).
void run_matter(const YAML::Node& doc, const YAML::Node& c, const ruleset_ptr& rs) {
    const auto m = c["matter"];
    const auto expect = c["expect"];
    const auto defaults = doc["defaults"];
    date last = day(m["date"] ? m["date"] : defaults["date"]);
    const auto forum = m["forum"] ? m["forum"].as<std::string>() : rs->rotation.forum;
    const bool directional = m["directional"] && m["directional"].as<bool>();
    event_log log(rs);
    try {
        (void)log.raise(matter_id, m["title"] ? m["title"].as<std::string>() : "Ärende", forum,
                        m["raised_by"].as<std::string>(), last, forced(m), directional);
    } catch (...) {
        if (expect && expect["error"]) return expect_refusal(expect, std::current_exception());
        throw;
    }
    if (expect && expect["error"]) {
        ADD_FAILURE() << "expected the raising refused, naming " << expect["error"].as<std::string>();
        return;
    }
    if (m["force"]) check_forced(log, 0, m);
    std::string meeting_id;
    std::vector<std::string> meeting_ids;
    int n = 0;
    for (const auto& st : m["steps"]) {
        SCOPED_TRACE("step " + std::to_string(++n));
        const YAML::Node e = st["expect"] ? st["expect"] : YAML::Node(YAML::NodeType::Map);
        const bool refusal = static_cast<bool>(e["error"]);
        const auto opts = forced(st);
        auto events_before = log.events();
        auto matter_before = log.matter_at(matter_id);
        const std::size_t broken = log.violations().size();
        std::optional<ruling> r;
        date on = st["date"] ? day(st["date"]) : last;
        try {
            if (st["meeting"]) {
                YAML::Node setup = st["meeting"].IsMap() ? YAML::Clone(st["meeting"]) : YAML::Node(YAML::NodeType::Map);
                if (!setup["forum"]) setup["forum"] = log.matter_at(matter_id).forum();
                if (!setup["date"]) setup["date"] = to_iso_string(last);
                const auto s = setup_for(setup, defaults, *rs);
                on = s.day;
                const std::string base = s.forum + "-" + to_iso_string(s.day);
                meeting_id = base;
                for (int k = 2; std::count(meeting_ids.begin(), meeting_ids.end(), meeting_id) > 0; ++k)
                    meeting_id = base + "-" + std::to_string(k);
                meeting_ids.push_back(meeting_id);
                const YAML::Node con = st["consider"] ? st["consider"] : YAML::Node(YAML::NodeType::Map);
                (void)log.open_meeting(meeting_id, s);
                for (const auto& b : con["before"]) {
                    try {  // a change of attendance is never what a case expects to be refused
                        if (b["arrive"])
                            log.arrive(meeting_id, b["arrive"].as<std::string>(),
                                       b["remote"] && b["remote"].as<bool>());
                        if (b["leave"])
                            log.leave(meeting_id, b["leave"].as<std::string>(),
                                      b["reason"] && b["reason"].as<std::string>() == "disqualified"
                                          ? leave_reason::disqualified
                                          : leave_reason::left);
                    } catch (...) {
                        ADD_FAILURE() << "a refused arrival or departure: " << refusal_name(std::current_exception());
                        return;
                    }
                }
                events_before = log.events();  // the meeting itself is the log's; the matter's step comes now
                matter_before = log.matter_at(matter_id);
                auto item = item_of(con);
                item.title.clear();  // the matter's own title
                // Unless the step says otherwise, the meeting takes the matter's own flag (CNS-5).
                r = log.consider(meeting_id, matter_id, item,
                                 con["directional"] ? std::optional<bool>(con["directional"].as<bool>()) : std::nullopt,
                                 opts);
            } else if (st["prepare"]) {
                (void)log.prepare(matter_id, st["prepare"].as<std::string>(), on, opts);
            } else if (st["place_on_agenda"]) {
                (void)log.place_on_agenda(matter_id, on, opts);
            } else if (st["set_deadline"]) {
                const auto body = st["body"] && !st["body"].IsNull() ? st["body"].as<std::string>() : std::string();
                (void)log.set_deadline(matter_id, body, day(st["set_deadline"]), on, opts);
            } else if (st["adopt"] || st["decline"] || st["not_applicable"]) {
                const char* key = st["adopt"] ? "adopt" : st["decline"] ? "decline" : "not_applicable";
                const auto state = st["decline"]          ? adoption_state::declined
                                   : st["not_applicable"] ? adoption_state::not_applicable
                                   : st["with_changes"] && st["with_changes"].as<bool>()
                                       ? adoption_state::adopted_with_changes
                                       : adoption_state::adopted;
                (void)log.record_adoption(matter_id, st[key].as<std::string>(), state, on,
                                          st["reference"] ? st["reference"].as<std::string>() : "", opts);
            } else if (st["notice"]) {
                const auto& mt = log.meeting_at(meeting_id);
                (void)log.issue_notice(meeting_id, mt.meeting_forum().id, mt.setup().day,
                                       st["notice"].as<std::string>(), on, opts);
            } else if (st["sign"]) {
                (void)log.sign_minutes(meeting_id, st["sign"].as<std::string>(), on, opts);
            } else if (st["publish"]) {
                (void)log.publish_minutes(meeting_id, on, opts);
            } else {
                ADD_FAILURE() << "a step of no action the C++ runner knows";
                return;
            }
        } catch (...) {
            if (!refusal) {
                ADD_FAILURE() << "unexpected refusal: " << refusal_name(std::current_exception());
                return;
            }
            expect_refusal(e, std::current_exception());
            EXPECT_TRUE(log.events() == events_before) << "a refused step changed the log";
            EXPECT_TRUE(log.matter_at(matter_id) == matter_before) << "a refused step changed the matter";
            continue;
        }
        last = on;
        if (st["force"]) check_forced(log, broken, st);
        if (refusal) {
            ADD_FAILURE() << "expected a refusal naming " << e["error"].as<std::string>();
            continue;
        }
        if (r) {
            check_ruling(*r, e);
        } else {
            const auto& rules = log.events().back().rules;
            for (const auto& id : strings(e["rules_include"]))
                EXPECT_NE(std::count(rules.begin(), rules.end(), id), 0) << id;
            if (e["rules"]) {
                EXPECT_EQ(rules, strings(e["rules"]));
            }
        }
        check_matter(log, e, last);
    }
    check_matter(log, expect, last);
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
                else if (c["matter"])
                    run_matter(doc, c, rs);
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

}  // namespace unity_test_policy_files
