// Reads a ruleset from YAML (schema: docs/ruleset-schema.md). Every fault becomes a ruleset_error that
// names the file, line, column, key and, where one applies, the rule; nothing is returned half-read.
#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <samverkan/detail/id_index.hpp>
#include <samverkan/detail/nearest.hpp>
#include <samverkan/load.hpp>
#include <samverkan/rules.hpp>
#include <samverkan/ruleset_check.hpp>
#include <samverkan/schema.hpp>
#include <samverkan/structure.hpp>

#include "yaml_input.hpp"

namespace samverkan {
namespace {

constexpr int supported_schema = 1;

using detail::context;
using detail::indexed;
using detail::join;
using detail::prescan;

/// Finds where a key path was written; used only when reporting a fault found after parsing.
std::optional<YAML::Mark> locate(const context& ctx, const std::string& text, const std::string& key) {
    if (key.empty()) return std::nullopt;
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        prescan scan(ctx, key);
        while (parser.HandleNextDocument(scan)) {
        }
        return scan.found();
    } catch (const std::exception&) {
        return std::nullopt;  // the text parsed once already; no location is better than none at all
    }
}

/// A YAML mapping with a fixed set of allowed keys.
class map_reader {
public:
    map_reader(const context& ctx, const YAML::Node& node, std::string path, std::vector<std::string_view> allowed)
        : ctx_(ctx), node_(node), path_(std::move(path)), allowed_(std::move(allowed)) {
        if (!node_.IsMap()) ctx_.fail(node_.Mark(), path_, "expected a mapping (key: value lines)");
        for (const auto& kv : node_) {
            const auto key = kv.first.Scalar();
            if (std::find(allowed_.begin(), allowed_.end(), key) == allowed_.end())
                ctx_.fail(kv.first.Mark(), join(path_, key),
                          "unknown key '" + key + "'" + detail::did_you_mean(key, allowed_));
        }
    }

    [[nodiscard]] bool has(std::string_view key) const { return find(key).IsDefined(); }

    [[nodiscard]] YAML::Node required(std::string_view key, std::string_view rule = {}) const {
        auto n = find(key);
        if (!n.IsDefined() || n.IsNull())
            ctx_.fail(node_.Mark(), join(path_, key), "missing required key '" + std::string(key) + "'",
                      std::string(rule));
        return n;
    }

    [[nodiscard]] YAML::Node optional(std::string_view key) const { return find(key); }

    [[nodiscard]] std::string key(std::string_view k) const { return join(path_, k); }
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] source_mark mark() const { return {node_.Mark().line + 1, node_.Mark().column + 1, path_}; }
    [[nodiscard]] const context& ctx() const noexcept { return ctx_; }

private:
    [[nodiscard]] YAML::Node find(std::string_view key) const {
        for (const auto& kv : node_)
            if (kv.first.Scalar() == key) return kv.second;
        return YAML::Node(YAML::NodeType::Undefined);
    }

    const context& ctx_;
    YAML::Node node_;
    std::string path_;
    std::vector<std::string_view> allowed_;
};

// ---- scalar conversions: each names the key and what was expected -----------------------------

const std::string& scalar(const context& ctx, const YAML::Node& n, const std::string& key, const char* expected) {
    if (!n.IsScalar()) ctx.fail(n.Mark(), key, std::string("expected ") + expected);
    return n.Scalar();
}

std::string text(const context& ctx, const YAML::Node& n, const std::string& key) {
    auto s = scalar(ctx, n, key, "text");
    if (s.empty()) ctx.fail(n.Mark(), key, "must not be empty");
    return s;
}

std::string identifier(const context& ctx, const YAML::Node& n, const std::string& key) {
    auto s = text(ctx, n, key);
    const bool ok = std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '/';
    });
    if (!ok) ctx.fail(n.Mark(), key, "'" + s + "' is not an id: use lower-case letters, digits, '_', '-' and '/'");
    return s;
}

long long integer(const context& ctx, const YAML::Node& n, const std::string& key, long long lo, long long hi) {
    const auto& s = scalar(ctx, n, key, "a whole number");
    // Decimal only: YAML 1.1 readers take "010" as octal and "0x2" as hex, which no one means here.
    long long value = 0;
    const auto* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, value, 10);
    if (s.empty() || ec != std::errc() || ptr != end)
        ctx.fail(n.Mark(), key, "expected a whole number, got '" + s + "'");
    if (value < lo || value > hi)
        ctx.fail(n.Mark(), key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + s);
    return value;
}

bool boolean(const context& ctx, const YAML::Node& n, const std::string& key) {
    const auto& s = scalar(ctx, n, key, "true or false");
    if (s == "true") return true;
    if (s != "false") ctx.fail(n.Mark(), key, "expected true or false, got '" + s + "'");
    return false;
}

date calendar_date(const context& ctx, const YAML::Node& n, const std::string& key) {
    const auto& s = scalar(ctx, n, key, "a date (YYYY-MM-DD)");
    if (auto d = parse_iso_date(s)) return *d;
    ctx.fail(n.Mark(), key, "'" + s + "' is not a real calendar date (expected YYYY-MM-DD)");
}

template <class E>
E choice(const context& ctx, const YAML::Node& n, const std::string& key, std::string_view rule = {}) {
    const auto& s = scalar(ctx, n, key, "a name");
    if (auto e = enum_from_string<E>(s)) return *e;
    ctx.fail(n.Mark(), key,
             "'" + s + "' is not one of " + detail::enum_choices<E>() +
                 detail::did_you_mean(s, detail::enum_names<E>::names),
             std::string(rule));
}

/// A rule id of the catalogue, e.g. "STR-1".
std::string rule_id(const context& ctx, const YAML::Node& n, const std::string& key) {
    auto id = text(ctx, n, key);
    if (find_rule(id) == nullptr)
        ctx.fail(n.Mark(), key,
                 "'" + id + "' is not a rule id of the specification" +
                     detail::did_you_mean(id, rules() | ranges::views::transform(&rule_info::id)));
    return id;
}

/// A scalar or a sequence of scalars, as a list of ids.
std::vector<std::string> id_list(const context& ctx, const YAML::Node& n, const std::string& key) {
    if (n.IsScalar()) return {identifier(ctx, n, key)};
    if (!n.IsSequence()) ctx.fail(n.Mark(), key, "expected an id or a list of ids");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n.size(); ++i) out.push_back(identifier(ctx, n[i], indexed(key, i)));
    if (out.empty()) ctx.fail(n.Mark(), key, "the list is empty");
    return out;
}

/// An id list in which no id is named twice.
std::vector<std::string> distinct_id_list(const context& ctx, const YAML::Node& n, const std::string& key) {
    auto out = id_list(ctx, n, key);
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (!seen.insert(out[i]).second) ctx.fail(n[i].Mark(), indexed(key, i), "'" + out[i] + "' is listed twice");
    return out;
}

/// `id`, refused when an earlier item of the same list has it already (`what`: "id" or "key").
std::string once(const context& ctx, std::set<std::string>& seen, std::string id, const YAML::Node& node,
                 const std::string& key, std::string_view what = "id") {
    if (!seen.insert(id).second)
        ctx.fail(node.Mark(), key,
                 "duplicate " + std::string(what) + " '" + id + "'; each item of the list has its own");
    return id;
}

/// Calls `each(node, path)` for every item of an optional sequence.
template <class F>
void for_each_item(const context& ctx, const YAML::Node& n, const std::string& key, F each) {
    if (!n.IsDefined() || n.IsNull()) return;
    if (!n.IsSequence()) ctx.fail(n.Mark(), key, "expected a list");
    for (std::size_t i = 0; i < n.size(); ++i) each(n[i], indexed(key, i));
}

// ---- sections ----------------------------------------------------------------------------------

void read_parties(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    for_each_item(ctx, n, key, [&](const YAML::Node& item, const std::string& path) {
        map_reader r(ctx, item, path, field_keys("parties.*"));
        rs.parties.push_back({identifier(ctx, r.required("id"), r.key("id")),
                              text(ctx, r.required("name"), r.key("name")),
                              choice<side>(ctx, r.required("side"), r.key("side")), r.mark()});
    });
}

void read_bodies(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    const detail::id_positions parties(rs.parties);  // read already; the ruleset is indexed only when frozen
    for_each_item(ctx, n, key, [&](const YAML::Node& item, const std::string& path) {
        map_reader r(ctx, item, path, field_keys("bodies.*"));
        body b;
        b.id = identifier(ctx, r.required("id"), r.key("id"));
        b.name = text(ctx, r.required("name"), r.key("name"));
        b.party = identifier(ctx, r.required("party"), r.key("party"));
        b.kind = choice<body_kind>(ctx, r.required("kind"), r.key("kind"));
        if (const party* p = parties.find_in(rs.parties, b.party))
            b.side = p->side;
        else
            ctx.fail(r.required("party").Mark(), r.key("party"),
                     "unknown party '" + b.party + "'" +
                         detail::did_you_mean(b.party, rs.parties | ranges::views::transform(&party::id)));
        b.mark = r.mark();
        rs.bodies.push_back(std::move(b));
    });
}

void read_seats(const context& ctx, const YAML::Node& n, const std::string& key, const ruleset& rs,
                const detail::id_positions& bodies, forum& f) {
    for_each_item(ctx, n, key, [&](const YAML::Node& item, const std::string& path) {
        map_reader r(ctx, item, path, field_keys("forums.*.seats.*"));
        seat s;
        s.id = identifier(ctx, r.required("id"), r.key("id"));
        s.kind = choice<seat_kind>(ctx, r.required("kind"), r.key("kind"));
        s.body = identifier(ctx, r.required("body"), r.key("body"));
        const body* b = bodies.find_in(rs.bodies, s.body);
        if (b == nullptr)
            ctx.fail(r.required("body").Mark(), r.key("body"),
                     "seat '" + s.id + "' names unknown body '" + s.body + "'" +
                         detail::did_you_mean(s.body, rs.bodies | ranges::views::transform(&body::id)),
                     "CMP-1");
        s.party = b->party;
        s.side = b->side;
        s.index = f.seats.size();
        s.mark = r.mark();
        f.seats.push_back(std::move(s));
    });
}

void read_theme(const context& ctx, const YAML::Node& n, const std::string& key, forum& f) {
    map_reader r(ctx, n, key, field_keys("forums.*.theme"));
    theme_criteria t;
    t.label = text(ctx, r.required("label"), r.key("label"));
    if (r.has("rule")) t.rule = rule_id(ctx, r.optional("rule"), r.key("rule"));
    if (r.has("min_age")) t.min_age = static_cast<int>(integer(ctx, r.optional("min_age"), r.key("min_age"), 0, 150));
    if (r.has("max_age")) t.max_age = static_cast<int>(integer(ctx, r.optional("max_age"), r.key("max_age"), 0, 150));
    if (r.has("needs")) t.needs = distinct_id_list(ctx, r.optional("needs"), r.key("needs"));
    if (r.has("description")) t.description = text(ctx, r.optional("description"), r.key("description"));
    f.theme = std::move(t);
}

void read_forums(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    const detail::id_positions bodies(rs.bodies);  // read already; the ruleset is indexed only when frozen
    for_each_item(ctx, n, key, [&](const YAML::Node& item, const std::string& path) {
        map_reader r(ctx, item, path, field_keys("forums.*"));
        forum f;
        f.id = identifier(ctx, r.required("id"), r.key("id"));
        f.name = text(ctx, r.required("name"), r.key("name"));
        // STR-4: the level decides which forums must reach LGS, so every forum states one.
        f.level = choice<level>(ctx, r.required("level", "STR-4"), r.key("level"), "STR-4");
        if (r.has("aliases")) {
            for_each_item(ctx, r.optional("aliases"), r.key("aliases"),
                          [&](const YAML::Node& a, const std::string& p) { f.aliases.push_back(text(ctx, a, p)); });
        }
        if (r.has("description")) f.description = text(ctx, r.optional("description"), r.key("description"));
        if (r.has("source")) f.source = text(ctx, r.optional("source"), r.key("source"));
        read_seats(ctx, r.optional("seats"), r.key("seats"), rs, bodies, f);
        for_each_item(ctx, r.optional("offices"), r.key("offices"), [&](const YAML::Node& o, const std::string& p) {
            map_reader orr(ctx, o, p, field_keys("forums.*.offices"));
            office of;
            of.forum = identifier(ctx, orr.required("forum"), orr.key("forum"));
            of.role = choice<office_role>(ctx, orr.required("role"), orr.key("role"), "ROT-5");
            // Who elects the holder, with the rule that says so (CMP-5 for the samråd's own offices).
            if (orr.has("appointed_by")) {
                of.appointed_by = identifier(ctx, orr.optional("appointed_by"), orr.key("appointed_by"));
                of.rule = rule_id(ctx, orr.required("rule"), orr.key("rule"));
            } else if (orr.has("rule")) {
                ctx.fail(orr.optional("rule").Mark(), orr.key("rule"),
                         "'rule' names the rule behind appointed_by; write appointed_by too, or leave both out");
            }
            f.offices.push_back(std::move(of));
        });
        if (r.has("theme")) read_theme(ctx, r.optional("theme"), r.key("theme"), f);
        f.mark = r.mark();
        rs.forums.push_back(std::move(f));
    });
}

void read_relations(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    for_each_item(ctx, n, key, [&](const YAML::Node& item, const std::string& path) {
        map_reader r(ctx, item, path, field_keys("relations"));
        const auto rule = rule_id(ctx, r.required("rule"), r.key("rule"));
        const auto type = choice<relation_type>(ctx, r.required("type"), r.key("type"), rule);
        if (type == relation_type::represented_in || type == relation_type::anchors_in)
            ctx.fail(r.required("type").Mark(), r.key("type"),
                     std::string(to_string(type)) + " relations come from the forum's seats; list the seats instead",
                     rule);
        const auto from = distinct_id_list(ctx, r.required("from"), r.key("from"));
        const auto to = distinct_id_list(ctx, r.required("to"), r.key("to"));
        for (const auto& a : from)
            for (const auto& b : to) {
                const auto same = [&](const relation& e) { return e.type == type && e.from == a && e.to == b; };
                if (std::any_of(rs.relations.begin(), rs.relations.end(), same))
                    ctx.fail(item.Mark(), path,
                             fmt::format("repeats the relation {} from '{}' to '{}'", to_string(type), a, b), rule);
                rs.relations.push_back({type, a, b, rule, r.mark()});
            }
    });
}

/// A key's value, converted and checked as the schema table says (type, range, names, rule).
field_value read_value(const context& ctx, const field_info& f, const YAML::Node& n, const std::string& key) {
    switch (f.type) {
        case field_type::id:
            return identifier(ctx, n, key);
        case field_type::text:
            return text(ctx, n, key);
        case field_type::iso_date:
            return calendar_date(ctx, n, key);
        case field_type::integer:
            return integer(ctx, n, key, f.lo, f.hi);
        case field_type::boolean:
            return boolean(ctx, n, key);
        case field_type::choice: {
            const auto& s = scalar(ctx, n, key, "a name");
            if (std::find(f.choices.begin(), f.choices.end(), s) != f.choices.end()) return s;
            std::string names;
            for (std::size_t i = 0; i < f.choices.size(); ++i)
                names += (i == 0 ? "" : i + 1 == f.choices.size() ? " or " : ", ") + std::string(f.choices[i]);
            ctx.fail(n.Mark(), key, "'" + s + "' is not one of " + names + detail::did_you_mean(s, f.choices),
                     std::string(f.rule));
        }
        case field_type::quorum: {
            // QRM-3: a named rule, or an explicit count of ordinary seats; CNS-5: a named rule, or a count of
            // adopting bodies.
            std::string names;
            for (const auto& c : f.choices) names += (names.empty() ? "" : ", ") + std::string(c);
            const auto& s = scalar(ctx, n, key, (names + " or a whole number").c_str());
            if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return integer(ctx, n, key, f.lo, f.hi);
            if (std::find(f.choices.begin(), f.choices.end(), s) == f.choices.end())
                ctx.fail(n.Mark(), key,
                         "'" + s + "' is not " + names + " or a whole number of " +
                             (f.rule == "QRM-3" ? "ordinary seats" : "adopting bodies") +
                             detail::did_you_mean(s, f.choices),
                         std::string(f.rule));
            return s;
        }
        case field_type::id_list: {
            if (f.lo > 0 && n.IsSequence() && n.size() == 0) {
                // ROT-2: the chair rotates between both sides, so neither pool may be empty.
                if (f.parent() == "rotation.pools")
                    ctx.fail(
                        n.Mark(), key,
                        "the " + std::string(f.key()) + " pool is empty; list at least one eligible body of that side",
                        std::string(f.rule));
            }
            return id_list(ctx, n, key);
        }
        default:
            break;
    }
    ctx.fail(n.Mark(), key, "not a parameter");
}

/// Reads a mapping of parameters (meeting, rotation and the mappings within them) through the schema table:
/// the allowed keys, the required ones, each value's checks, and where it goes in the ruleset.
void read_parameters(const context& ctx, const YAML::Node& n, const std::string& path, ruleset& rs) {
    map_reader r(ctx, n, path, field_keys(path));
    for (const auto& f : ruleset_fields()) {
        if (f.parent() != path) continue;
        const std::string k(f.key());
        if (f.type == field_type::section) {
            if (f.required)
                read_parameters(ctx, r.required(k, f.rule), std::string(f.path), rs);
            else if (r.has(k))
                read_parameters(ctx, r.optional(k), std::string(f.path), rs);
        } else if (r.has(k)) {
            try {
                f.set(rs, read_value(ctx, f, r.optional(k), r.key(k)));
            } catch (const ruleset_error& e) {
                // A parameter's value out of its type or range breaks the rule the parameter belongs to.
                if (!e.where().rule.empty() || f.rule.empty()) throw;
                auto where = e.where();
                where.rule = std::string(f.rule);
                throw ruleset_error(e.message(), std::move(where));
            }
        } else if (f.required) {
            (void)r.required(k, f.rule);
        }
    }
}

void read_plan(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    map_reader r(ctx, n, key, field_keys("plan"));
    if (r.has("period")) {
        map_reader pr(ctx, r.optional("period"), r.key("period"), field_keys("plan.period"));
        const auto from = calendar_date(ctx, pr.required("from"), pr.key("from"));
        const auto to = calendar_date(ctx, pr.required("to"), pr.key("to"));
        if (to < from) ctx.fail(pr.required("to").Mark(), pr.key("to"), "the plan period ends before it starts");
        rs.plan_period = std::pair{from, to};
    }
    auto items = [&](const char* name, std::vector<plan_item>& out) {
        std::set<std::string> seen;
        for_each_item(ctx, r.optional(name), r.key(name), [&](const YAML::Node& item, const std::string& path) {
            map_reader ir(ctx, item, path, field_keys("plan.focus_areas.*"));
            out.push_back(
                {once(ctx, seen, identifier(ctx, ir.required("id"), ir.key("id")), ir.required("id"), ir.key("id")),
                 text(ctx, ir.required("name"), ir.key("name")), ir.mark()});
        });
    };
    items("focus_areas", rs.focus_areas);
    items("equity_groups", rs.equity_groups);
    if (r.has("action_plan")) {
        // STR-3: the forum that decides the handlingsplan and follows it up yearly.
        map_reader ar(ctx, r.optional("action_plan"), r.key("action_plan"), field_keys("plan.action_plan"));
        rs.action_plan =
            action_plan{identifier(ctx, ar.required("decided_by", "STR-3"), ar.key("decided_by")), ar.mark()};
    }
}

ruleset read_ruleset(const context& ctx, const YAML::Node& root) {
    if (!root.IsMap())
        ctx.fail(root.Mark(), "", "a ruleset file must be a YAML mapping with keys such as id, name, valid_from");
    map_reader r(ctx, root, "", field_keys(""));
    const auto schema = integer(ctx, r.required("samverkan_ruleset"), "samverkan_ruleset", 0, 1000000000);
    if (schema != supported_schema)
        ctx.fail(r.required("samverkan_ruleset").Mark(), "samverkan_ruleset",
                 "schema version " + std::to_string(schema) + " is not supported; this library reads version " +
                     std::to_string(supported_schema));
    ruleset rs;
    rs.origin = ctx.origin;
    rs.id = identifier(ctx, r.required("id"), "id");
    rs.name = text(ctx, r.required("name"), "name");
    rs.valid_from = calendar_date(ctx, r.required("valid_from"), "valid_from");
    if (r.has("valid_to") && !r.optional("valid_to").IsNull()) {
        const auto node = r.optional("valid_to");
        rs.valid_to = calendar_date(ctx, node, "valid_to");
        if (*rs.valid_to < rs.valid_from)
            ctx.fail(
                node.Mark(), "valid_to",
                "valid_to " + to_iso_string(*rs.valid_to) + " is before valid_from " + to_iso_string(rs.valid_from));
    }
    std::set<std::string> source_ids;
    for_each_item(ctx, r.required("sources"), "sources", [&](const YAML::Node& item, const std::string& path) {
        map_reader sr(ctx, item, path, field_keys("sources.*"));
        rs.sources.push_back(
            {once(ctx, source_ids, text(ctx, sr.required("id"), sr.key("id")), sr.required("id"), sr.key("id")),
             text(ctx, sr.required("file"), sr.key("file")), text(ctx, sr.required("title"), sr.key("title"))});
    });
    if (rs.sources.empty()) ctx.fail(r.required("sources").Mark(), "sources", "a ruleset cites at least one source");
    std::set<std::string> assumption_keys;
    for_each_item(ctx, r.optional("assumptions"), "assumptions", [&](const YAML::Node& item, const std::string& path) {
        map_reader ar(ctx, item, path, field_keys("assumptions"));
        rs.assumptions.push_back({once(ctx, assumption_keys, text(ctx, ar.required("key"), ar.key("key")),
                                       ar.required("key"), ar.key("key"), "key"),
                                  ar.has("rule") ? rule_id(ctx, ar.optional("rule"), ar.key("rule")) : std::string(),
                                  text(ctx, ar.required("note"), ar.key("note"))});
    });
    if (r.has("roles")) {
        map_reader rr(ctx, r.optional("roles"), "roles", field_keys("roles"));
        if (rr.has("samrad")) rs.roles.samrad = identifier(ctx, rr.optional("samrad"), rr.key("samrad"));
        if (rr.has("lgs")) rs.roles.lgs = identifier(ctx, rr.optional("lgs"), rr.key("lgs"));
    }
    read_parties(ctx, r.required("parties"), "parties", rs);
    read_bodies(ctx, r.required("bodies"), "bodies", rs);
    read_forums(ctx, r.required("forums"), "forums", rs);
    read_relations(ctx, r.required("relations"), "relations", rs);
    const auto meeting = r.required("meeting");
    read_parameters(ctx, meeting, "meeting", rs);
    rs.meeting.mark = {meeting.Mark().line + 1, meeting.Mark().column + 1, "meeting"};
    const auto rotation = r.required("rotation");
    read_parameters(ctx, rotation, "rotation", rs);
    rs.rotation.mark = {rotation.Mark().line + 1, rotation.Mark().column + 1, "rotation"};
    if (r.has("plan")) read_plan(ctx, r.optional("plan"), "plan", rs);
    return rs;
}

/// Consistency (ruleset_check.hpp) and the structure rules (structure.hpp); the first problem is thrown.
/// Each problem's key path is looked up in the text so the error points at the value at fault.
void check_or_throw(const context& ctx, const std::string& text, const ruleset_ptr& rs) {
    const auto problems = detail::ruleset_problems(rs);
    if (problems.empty()) return;
    const auto& p = problems.front();
    std::string message = p.message;
    if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more)";
    int line = p.mark.line;
    int column = p.mark.column;
    if (const auto mark = locate(ctx, text, p.mark.key); mark && mark->line >= 0) {
        line = mark->line + 1;
        column = mark->column + 1;
    }
    throw ruleset_error(message, ruleset_location(ctx.origin, line, column, p.mark.key, p.rule));
}

}  // namespace

namespace detail {

namespace {

/// The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), if any. yaml-cpp passes such bytes through into names and messages.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF)
            n = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            n = 2;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 3;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return i;
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return i;
        }
        i += n + 1;
    }
    return std::nullopt;
}

}  // namespace

YAML::Node parse_guarded(const std::string& text, const std::string& origin, std::string_view what) {
    const context ctx{origin};
    if (text.size() > max_ruleset_bytes)
        throw ruleset_error("larger than " + std::to_string(max_ruleset_bytes >> 20U) + " MiB; refused",
                            ruleset_location(origin));
    if (const auto bad = first_invalid_utf8(text)) {
        const std::string_view before(text.data(), *bad);
        YAML::Mark at;
        at.pos = static_cast<int>(*bad);
        at.line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        const auto line_start = before.rfind('\n');
        at.column = static_cast<int>(line_start == std::string_view::npos ? *bad : *bad - line_start - 1);
        ctx.fail(at, "",
                 "not valid UTF-8 (byte " + std::to_string(static_cast<unsigned char>(text[*bad])) +
                     "); save the file as UTF-8");
    }
    try {
        std::istringstream scan_stream(text);
        YAML::Parser parser(scan_stream);
        prescan scan(ctx);
        while (parser.HandleNextDocument(scan)) {
        }
        if (scan.documents() == 0)
            throw ruleset_error("the file is empty; " + std::string(what), ruleset_location(origin));
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        ctx.fail(e.mark, "", "not valid YAML: " + e.msg);
    }
}

ruleset_ptr read_unchecked(const std::string& text, const std::string& origin) {
    const context ctx{origin};
    const YAML::Node root =
        parse_guarded(text, origin, "a ruleset needs at least samverkan_ruleset, id, name and valid_from");
    if (root.IsNull())
        throw ruleset_error("the file holds no ruleset (only comments or an empty document)", ruleset_location(origin));
    return freeze(read_ruleset(ctx, root));
}

std::vector<problem> ruleset_problems(const ruleset_ptr& rs) {
    auto problems = check_consistency(*rs);
    if (problems.empty()) problems = structure(rs).validate();
    return problems;
}

}  // namespace detail

ruleset_ptr load_from_string(std::string_view yaml, const std::string& origin) {
    if (yaml.size() > max_ruleset_bytes)
        throw ruleset_error("larger than " + std::to_string(max_ruleset_bytes >> 20U) + " MiB; refused",
                            ruleset_location(origin));
    const std::string input(yaml);
    auto rs = detail::read_unchecked(input, origin);
    check_or_throw(context{origin}, input, rs);
    return rs;
}

ruleset_ptr load(const std::filesystem::path& file) {
    const std::string origin = file.string();
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) throw ruleset_error("no such file", ruleset_location(origin));
    if (!std::filesystem::is_regular_file(status)) throw ruleset_error("not a regular file", ruleset_location(origin));
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw ruleset_error("cannot read the file's size: " + ec.message(), ruleset_location(origin));
    if (size > max_ruleset_bytes)
        throw ruleset_error(std::to_string(size) + " bytes is larger than " + std::to_string(max_ruleset_bytes >> 20U) +
                                " MiB; refused before reading",
                            ruleset_location(origin));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ruleset_error("cannot open the file for reading", ruleset_location(origin));
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return load_from_string(content, origin);
}

const std::vector<ruleset_ptr>& embedded_versions() {
    static const std::vector<ruleset_ptr> versions = [] {
        std::vector<ruleset_ptr> out;
        for (const auto& e : embedded_rulesets())
            out.push_back(load_from_string(e.text, std::string(e.name) + " (embedded)"));
        std::sort(out.begin(), out.end(),
                  [](const ruleset_ptr& a, const ruleset_ptr& b) { return a->valid_from < b->valid_from; });
        return out;
    }();
    return versions;
}

ruleset_ptr load_default(date on) {
    if (!on.ok()) throw no_ruleset_in_force("not a calendar date");
    const auto& versions = embedded_versions();
    const auto found =
        std::find_if(versions.rbegin(), versions.rend(), [&](const ruleset_ptr& v) { return v->in_force_on(on); });
    if (found != versions.rend()) return *found;
    std::string known;
    for (const auto& v : versions)
        known += (known.empty() ? "" : ", ") + v->id + " from " + to_iso_string(v->valid_from) +
                 (v->valid_to ? " to " + to_iso_string(*v->valid_to) : std::string());
    throw no_ruleset_in_force("no embedded ruleset is in force on " + to_iso_string(on) + " (" + known + ")");
}

}  // namespace samverkan
