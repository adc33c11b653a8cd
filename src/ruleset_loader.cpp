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

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <samverkan/detail/id_index.hpp>
#include <samverkan/detail/nearest.hpp>
#include <samverkan/load.hpp>
#include <samverkan/rules.hpp>
#include <samverkan/ruleset_check.hpp>
#include <samverkan/structure.hpp>

namespace samverkan {
namespace {

constexpr int supported_schema = 1;

struct context {
    std::string origin;

    [[noreturn]] void fail(const YAML::Mark& mark, std::string key, std::string message, std::string rule = {}) const {
        const bool known = !mark.is_null() && mark.line >= 0;
        throw ruleset_error(std::move(message),
                            ruleset_location(origin, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0,
                                             std::move(key), std::move(rule)));
    }
};

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string indexed(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

/// Refuses, while streaming and before any tree is built, what would make the tree dangerous or
/// ambiguous: nesting deeper than max_ruleset_depth, aliases, duplicate keys and several documents.
class prescan final : public YAML::EventHandler {
public:
    explicit prescan(const context& ctx, std::string target = {}) : ctx_(ctx), target_(std::move(target)) {}

    /// Where the node at `target` (a key path such as "meeting.quorum") was written, if seen.
    [[nodiscard]] const std::optional<YAML::Mark>& found() const noexcept { return found_; }

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) ctx_.fail(mark, "", "a ruleset file holds one YAML document; found a second");
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, "~"); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        ctx_.fail(mark, path(), "aliases (*name) are not allowed in a ruleset; write the value out");
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
        node(mark, value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        node(mark, {});
        push(mark, false);
    }
    void OnSequenceEnd() override { frames_.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        node(mark, {});
        push(mark, true);
    }
    void OnMapEnd() override { frames_.pop_back(); }

    [[nodiscard]] int documents() const noexcept { return documents_; }

private:
    struct frame {
        bool is_map;
        bool at_key = true;
        std::size_t items = 0;
        std::string current;  // the key whose value is being read, or the index
        std::set<std::string, std::less<>> keys;
    };

    void push(const YAML::Mark& mark, bool is_map) {
        if (static_cast<int>(frames_.size()) >= max_ruleset_depth)
            ctx_.fail(mark, path(), "nested deeper than " + std::to_string(max_ruleset_depth) + " levels; refused");
        frames_.push_back(frame{is_map, true, 0, {}, {}});
    }

    // Called for every node before it opens a collection: tracks keys and position.
    void node(const YAML::Mark& mark, const std::string& scalar) {
        if (frames_.empty()) return;
        auto& f = frames_.back();
        if (!f.is_map) {
            f.current = "[" + std::to_string(f.items++) + "]";
        } else {
            if (f.at_key) {
                if (!f.keys.insert(scalar).second)
                    ctx_.fail(mark, join(path_above(), scalar), "duplicate key '" + scalar + "'");
                f.current = scalar;
            }
            f.at_key = !f.at_key;
        }
        // The value is seen after its key, so a value's mark wins over its key's.
        if (!target_.empty() && path() == target_) found_ = mark;
    }

    std::string path_above() const {
        std::string out;
        for (std::size_t i = 0; i + 1 < frames_.size(); ++i) append(out, frames_[i].current);
        return out;
    }
    std::string path() const {
        std::string out;
        for (const auto& f : frames_) append(out, f.current);
        return out;
    }
    static void append(std::string& out, const std::string& part) {
        if (part.empty()) return;
        if (part.front() == '[' || out.empty())
            out += part;
        else
            out += "." + part;
    }

    const context& ctx_;
    std::string target_;
    std::optional<YAML::Mark> found_;
    std::vector<frame> frames_;
    int documents_ = 0;
};

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
    if (s == "false") return false;
    ctx.fail(n.Mark(), key, "expected true or false, got '" + s + "'");
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
        map_reader r(ctx, item, path, {"id", "name", "side"});
        rs.parties.push_back({identifier(ctx, r.required("id"), r.key("id")),
                              text(ctx, r.required("name"), r.key("name")),
                              choice<side>(ctx, r.required("side"), r.key("side")), r.mark()});
    });
}

void read_bodies(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    const detail::id_positions parties(rs.parties);  // read already; the ruleset is indexed only when frozen
    for_each_item(ctx, n, key, [&](const YAML::Node& item, const std::string& path) {
        map_reader r(ctx, item, path, {"id", "name", "party", "kind"});
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
        map_reader r(ctx, item, path, {"id", "kind", "body"});
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
    map_reader r(ctx, n, key, {"label", "rule", "min_age", "max_age", "needs", "description"});
    theme_criteria t;
    t.label = text(ctx, r.required("label"), r.key("label"));
    if (r.has("rule")) t.rule = rule_id(ctx, r.optional("rule"), r.key("rule"));
    if (r.has("min_age")) t.min_age = static_cast<int>(integer(ctx, r.optional("min_age"), r.key("min_age"), 0, 150));
    if (r.has("max_age")) t.max_age = static_cast<int>(integer(ctx, r.optional("max_age"), r.key("max_age"), 0, 150));
    if (r.has("needs")) t.needs = id_list(ctx, r.optional("needs"), r.key("needs"));
    if (r.has("description")) t.description = text(ctx, r.optional("description"), r.key("description"));
    f.theme = std::move(t);
}

void read_forums(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    const detail::id_positions bodies(rs.bodies);  // read already; the ruleset is indexed only when frozen
    for_each_item(ctx, n, key, [&](const YAML::Node& item, const std::string& path) {
        map_reader r(ctx, item, path,
                     {"id", "name", "level", "aliases", "description", "source", "seats", "offices", "theme"});
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
            map_reader orr(ctx, o, p, {"forum", "role", "appointed_by", "rule"});
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
        map_reader r(ctx, item, path, {"rule", "type", "from", "to"});
        const auto rule = rule_id(ctx, r.required("rule"), r.key("rule"));
        const auto type = choice<relation_type>(ctx, r.required("type"), r.key("type"), rule);
        if (type == relation_type::represented_in || type == relation_type::anchors_in)
            ctx.fail(r.required("type").Mark(), r.key("type"),
                     std::string(to_string(type)) + " relations come from the forum's seats; list the seats instead",
                     rule);
        const auto from = id_list(ctx, r.required("from"), r.key("from"));
        const auto to = id_list(ctx, r.required("to"), r.key("to"));
        for (const auto& a : from)
            for (const auto& b : to) rs.relations.push_back({type, a, b, rule, r.mark()});
    });
}

void read_meeting(const context& ctx, const YAML::Node& n, const std::string& key, meeting_parameters& m) {
    map_reader r(
        ctx, n, key,
        {"forum", "substitution_scope", "quorum", "quorum_both_sides_present", "presiding_fallback",
         "substitute_may_preside", "remote", "consensus", "max_referrals", "on_no_consensus", "meetings_per_termin"});
    m.mark = r.mark();
    if (r.has("forum")) m.forum = identifier(ctx, r.optional("forum"), r.key("forum"));
    if (r.has("substitution_scope"))
        m.substitution =
            choice<substitution_scope>(ctx, r.optional("substitution_scope"), r.key("substitution_scope"), "QRM-2");
    if (r.has("quorum")) {
        // QRM-3: a named rule, or an explicit count of ordinary seats.
        const auto q = r.optional("quorum");
        const auto& s = scalar(ctx, q, r.key("quorum"), "more_than_half, two_thirds or a whole number");
        if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            m.quorum.kind = quorum_kind::count;
            m.quorum.count = static_cast<std::size_t>(integer(ctx, q, r.key("quorum"), 1, 10000));
        } else {
            const auto kind = enum_from_string<quorum_kind>(s);
            if (!kind || *kind == quorum_kind::count)
                ctx.fail(q.Mark(), r.key("quorum"),
                         "'" + s + "' is not more_than_half, two_thirds or a whole number of ordinary seats" +
                             detail::did_you_mean(s, std::array<std::string_view, 2>{"more_than_half", "two_thirds"}),
                         "QRM-3");
            m.quorum.kind = *kind;
        }
    }
    if (r.has("quorum_both_sides_present"))
        m.quorum.both_sides_present =
            boolean(ctx, r.optional("quorum_both_sides_present"), r.key("quorum_both_sides_present"));
    if (r.has("presiding_fallback"))
        m.presiding =
            choice<presiding_fallback>(ctx, r.optional("presiding_fallback"), r.key("presiding_fallback"), "QRM-6");
    if (r.has("substitute_may_preside"))
        m.substitute_may_preside = boolean(ctx, r.optional("substitute_may_preside"), r.key("substitute_may_preside"));
    if (r.has("remote")) {
        map_reader rr(ctx, r.optional("remote"), r.key("remote"), {"allowed", "chair_on_site"});
        if (rr.has("allowed")) m.remote.allowed = boolean(ctx, rr.optional("allowed"), rr.key("allowed"));
        if (rr.has("chair_on_site"))
            m.remote.chair_on_site = boolean(ctx, rr.optional("chair_on_site"), rr.key("chair_on_site"));
    }
    if (r.has("consensus"))
        m.consensus = choice<consensus_rule>(ctx, r.optional("consensus"), r.key("consensus"), "CNS-2");
    if (r.has("max_referrals"))
        m.max_referrals = static_cast<int>(integer(ctx, r.optional("max_referrals"), r.key("max_referrals"), 0, 100));
    if (r.has("on_no_consensus"))
        m.on_no_consensus =
            choice<no_consensus_action>(ctx, r.optional("on_no_consensus"), r.key("on_no_consensus"), "CNS-3");
    if (r.has("meetings_per_termin"))
        m.meetings_per_termin =
            static_cast<int>(integer(ctx, r.optional("meetings_per_termin"), r.key("meetings_per_termin"), 1, 52));
}

void read_rotation(const context& ctx, const YAML::Node& n, const std::string& key, rotation_parameters& rot) {
    map_reader r(ctx, n, key,
                 {"forum", "term_years", "anchor", "first_holder", "alternate_sides", "pools", "vice_from_other_side",
                  "vice_succeeds", "lgs_coordination", "align_with_mandate", "mandate"});
    rot.mark = r.mark();
    if (r.has("forum")) rot.forum = identifier(ctx, r.optional("forum"), r.key("forum"));
    if (r.has("term_years"))
        rot.term_years =
            static_cast<int>(integer(ctx, r.optional("term_years"), r.key("term_years"), 1, max_term_years));
    if (r.has("anchor")) rot.anchor = calendar_date(ctx, r.optional("anchor"), r.key("anchor"));
    if (r.has("first_holder")) rot.first_holder = identifier(ctx, r.optional("first_holder"), r.key("first_holder"));
    if (r.has("alternate_sides"))
        rot.alternate_sides = boolean(ctx, r.optional("alternate_sides"), r.key("alternate_sides"));
    map_reader pools(ctx, r.required("pools", "ROT-2"), r.key("pools"), {"municipal", "region"});
    // ROT-2: the chair rotates between both sides, so neither pool may be empty.
    auto pool = [&](const char* name) {
        const auto node = pools.required(name, "ROT-2");
        if (node.IsSequence() && node.size() == 0)
            ctx.fail(node.Mark(), pools.key(name),
                     std::string("the ") + name + " pool is empty; list at least one eligible body of that side",
                     "ROT-2");
        return id_list(ctx, node, pools.key(name));
    };
    rot.municipal_pool = pool("municipal");
    rot.region_pool = pool("region");
    if (r.has("vice_from_other_side"))
        rot.vice_from_other_side = boolean(ctx, r.optional("vice_from_other_side"), r.key("vice_from_other_side"));
    if (r.has("vice_succeeds")) rot.vice_succeeds = boolean(ctx, r.optional("vice_succeeds"), r.key("vice_succeeds"));
    if (r.has("lgs_coordination"))
        rot.lgs = choice<lgs_coordination>(ctx, r.optional("lgs_coordination"), r.key("lgs_coordination"), "ROT-4");
    if (r.has("align_with_mandate"))
        rot.align_with_mandate = boolean(ctx, r.optional("align_with_mandate"), r.key("align_with_mandate"));
    if (r.has("mandate")) {
        map_reader mr(ctx, r.optional("mandate"), r.key("mandate"), {"first_election", "years"});
        if (mr.has("first_election"))
            rot.first_election_year = static_cast<int>(integer(
                ctx, mr.optional("first_election"), mr.key("first_election"), min_election_year, max_election_year));
        if (mr.has("years"))
            rot.mandate_years =
                static_cast<int>(integer(ctx, mr.optional("years"), mr.key("years"), 1, max_mandate_years));
    }
}

void read_plan(const context& ctx, const YAML::Node& n, const std::string& key, ruleset& rs) {
    map_reader r(ctx, n, key, {"period", "focus_areas", "equity_groups", "action_plan"});
    if (r.has("period")) {
        map_reader pr(ctx, r.optional("period"), r.key("period"), {"from", "to"});
        const auto from = calendar_date(ctx, pr.required("from"), pr.key("from"));
        const auto to = calendar_date(ctx, pr.required("to"), pr.key("to"));
        if (to < from) ctx.fail(pr.required("to").Mark(), pr.key("to"), "the plan period ends before it starts");
        rs.plan_period = std::pair{from, to};
    }
    auto items = [&](const char* name, std::vector<plan_item>& out) {
        for_each_item(ctx, r.optional(name), r.key(name), [&](const YAML::Node& item, const std::string& path) {
            map_reader ir(ctx, item, path, {"id", "name"});
            out.push_back({identifier(ctx, ir.required("id"), ir.key("id")),
                           text(ctx, ir.required("name"), ir.key("name")), ir.mark()});
        });
    };
    items("focus_areas", rs.focus_areas);
    items("equity_groups", rs.equity_groups);
    if (r.has("action_plan")) {
        // STR-3: the forum that decides the handlingsplan and follows it up yearly.
        map_reader ar(ctx, r.optional("action_plan"), r.key("action_plan"), {"decided_by"});
        rs.action_plan =
            action_plan{identifier(ctx, ar.required("decided_by", "STR-3"), ar.key("decided_by")), ar.mark()};
    }
}

ruleset read_ruleset(const context& ctx, const YAML::Node& root) {
    if (!root.IsMap())
        ctx.fail(root.Mark(), "", "a ruleset file must be a YAML mapping with keys such as id, name, valid_from");
    map_reader r(ctx, root, "",
                 {"samverkan_ruleset", "id", "name", "valid_from", "valid_to", "sources", "assumptions", "roles",
                  "parties", "bodies", "forums", "relations", "meeting", "rotation", "plan"});
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
    for_each_item(ctx, r.required("sources"), "sources", [&](const YAML::Node& item, const std::string& path) {
        map_reader sr(ctx, item, path, {"id", "file", "title"});
        rs.sources.push_back({text(ctx, sr.required("id"), sr.key("id")),
                              text(ctx, sr.required("file"), sr.key("file")),
                              text(ctx, sr.required("title"), sr.key("title"))});
    });
    if (rs.sources.empty()) ctx.fail(r.required("sources").Mark(), "sources", "a ruleset cites at least one source");
    for_each_item(ctx, r.optional("assumptions"), "assumptions", [&](const YAML::Node& item, const std::string& path) {
        map_reader ar(ctx, item, path, {"key", "rule", "note"});
        rs.assumptions.push_back({text(ctx, ar.required("key"), ar.key("key")),
                                  ar.has("rule") ? rule_id(ctx, ar.optional("rule"), ar.key("rule")) : std::string(),
                                  text(ctx, ar.required("note"), ar.key("note"))});
    });
    if (r.has("roles")) {
        map_reader rr(ctx, r.optional("roles"), "roles", {"samrad", "lgs"});
        if (rr.has("samrad")) rs.roles.samrad = identifier(ctx, rr.optional("samrad"), rr.key("samrad"));
        if (rr.has("lgs")) rs.roles.lgs = identifier(ctx, rr.optional("lgs"), rr.key("lgs"));
    }
    read_parties(ctx, r.required("parties"), "parties", rs);
    read_bodies(ctx, r.required("bodies"), "bodies", rs);
    read_forums(ctx, r.required("forums"), "forums", rs);
    read_relations(ctx, r.required("relations"), "relations", rs);
    read_meeting(ctx, r.required("meeting"), "meeting", rs.meeting);
    read_rotation(ctx, r.required("rotation"), "rotation", rs.rotation);
    if (r.has("plan")) read_plan(ctx, r.optional("plan"), "plan", rs);
    return rs;
}

/// Consistency (ruleset_check.hpp) and the structure rules (structure.hpp); the first problem is thrown.
/// Each problem's key path is looked up in the text so the error points at the value at fault.
void check_or_throw(const context& ctx, const std::string& text, const ruleset_ptr& rs) {
    auto problems = check_consistency(*rs);
    if (problems.empty()) problems = structure(rs).validate();
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

ruleset_ptr load_from_string(std::string_view yaml, const std::string& origin) {
    const context ctx{origin};
    if (yaml.size() > max_ruleset_bytes)
        throw ruleset_error("larger than " + std::to_string(max_ruleset_bytes / (1024 * 1024)) + " MiB; refused",
                            ruleset_location(origin));
    const std::string input(yaml);
    YAML::Node root;
    try {
        std::istringstream scan_stream(input);
        YAML::Parser parser(scan_stream);
        prescan scan(ctx);
        while (parser.HandleNextDocument(scan)) {
        }
        if (scan.documents() == 0)
            throw ruleset_error(
                "the file is empty; a ruleset needs at least samverkan_ruleset, id, name and valid_from",
                ruleset_location(origin));
        root = YAML::Load(input);
    } catch (const YAML::Exception& e) {
        ctx.fail(e.mark, "", "not valid YAML: " + e.msg);
    }
    if (root.IsNull())
        throw ruleset_error("the file holds no ruleset (only comments or an empty document)", ruleset_location(origin));
    auto rs = freeze(read_ruleset(ctx, root));
    check_or_throw(ctx, input, rs);
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
        throw ruleset_error(std::to_string(size) + " bytes is larger than " +
                                std::to_string(max_ruleset_bytes / (1024 * 1024)) + " MiB; refused before reading",
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
    for (auto it = versions.rbegin(); it != versions.rend(); ++it)
        if ((*it)->in_force_on(on)) return *it;
    std::string known;
    for (const auto& v : versions)
        known += (known.empty() ? "" : ", ") + v->id + " from " + to_iso_string(v->valid_from) +
                 (v->valid_to ? " to " + to_iso_string(*v->valid_to) : std::string());
    throw no_ruleset_in_force("no embedded ruleset is in force on " + to_iso_string(on) + " (" + known + ")");
}

}  // namespace samverkan
