// The ruleset file's schema as one table: every key, its type, whether it is required, its range or names, the
// rule it belongs to and what it means. The loader's checks, the paths of a change, a diff's sections, the
// bindings' parameter views and docs/ruleset-schema.md all read this table.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <samverkan/body.hpp>
#include <samverkan/date.hpp>
#include <samverkan/forum.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/relation.hpp>
#include <samverkan/ruleset.hpp>
#include <samverkan/seat.hpp>

namespace samverkan {

/// What a key holds.
enum class field_type : std::uint8_t {
    id,          ///< lower-case letters, digits, '_', '-', '/'
    text,        ///< any non-empty scalar
    iso_date,    ///< YYYY-MM-DD
    integer,     ///< a whole number in [lo, hi]
    boolean,     ///< true or false
    choice,      ///< one of `choices`
    quorum,      ///< a name of `choices` or a whole number in [lo, hi]: QRM-3's quorum, CNS-5's in_force_when
    id_list,     ///< an id or a list of ids; at least `lo` of them
    text_list,   ///< a list of text
    section,     ///< a mapping of further keys
    keyed_list,  ///< a list of mappings, each with a unique `id`: a path names an item by its id (`bodies.su`)
    list,        ///< a list of mappings without ids (relations, offices, assumptions)
};

/// A parameter's value, as the table's accessors read and write it.
using field_value = std::variant<bool, long long, std::string, date, std::vector<std::string>>;

/// One key of the ruleset file. `path` is dotted; `*` stands for an item of a keyed list (`forums.*.seats.*.kind`).
struct field_info {
    using getter = field_value (*)(const ruleset&);
    using setter = void (*)(ruleset&, const field_value&);

    std::string_view path;
    field_type type = field_type::text;
    bool required = false;
    std::string_view rule;      ///< the rule id the key belongs to, or ""
    std::string_view meaning;   ///< one line, English
    std::string_view presence;  ///< how an absent key is read, where that is not "required" or a parameter default
    long long lo = 0;           ///< integer, quorum: least value; id_list: least length
    long long hi = 0;
    std::span<const std::string_view> choices{};
    /// Parameters only (meeting.*, rotation.*): read and write the value in a ruleset.
    getter get = nullptr;
    setter set = nullptr;

    constexpr field_info(std::string_view path_, field_type type_, bool required_, std::string_view rule_,
                         std::string_view meaning_, std::string_view presence_ = {}, long long lo_ = 0,
                         long long hi_ = 0, std::span<const std::string_view> choices_ = {}, getter get_ = nullptr,
                         setter set_ = nullptr) noexcept
        : path(path_),
          type(type_),
          required(required_),
          rule(rule_),
          meaning(meaning_),
          presence(presence_),
          lo(lo_),
          hi(hi_),
          choices(choices_),
          get(get_),
          set(set_) {}

    [[nodiscard]] constexpr bool is_parameter() const noexcept { return get != nullptr; }
    /// The last segment of the path: the key as written in its mapping.
    [[nodiscard]] constexpr std::string_view key() const noexcept {
        const auto dot = path.rfind('.');
        return dot == std::string_view::npos ? path : path.substr(dot + 1);
    }
    /// The path of the mapping (or list item) the key is written in; "" at the top.
    [[nodiscard]] constexpr std::string_view parent() const noexcept {
        const auto dot = path.rfind('.');
        return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
    }
};

namespace detail::schema {

template <class E>
constexpr std::span<const std::string_view> names_of() noexcept {
    return std::span<const std::string_view>(detail::enum_names<E>::names);
}

template <class E>
E enum_value(const field_value& v) {
    return *enum_from_string<E>(std::get<std::string>(v));
}

inline constexpr std::array<std::string_view, 2> quorum_names{"more_than_half", "two_thirds"};
inline constexpr std::array<std::string_view, 2> in_force_names{"all_adopted", "for_adopting_bodies"};
inline constexpr std::array<std::string_view, 5> written_relation_types{"prepares_for", "reports_to", "appoints",
                                                                        "supports", "adopts"};

using F = field_info;
using T = field_type;

// Shorthands for the parameter accessors.
#define SAMVERKAN_PARAM(member_expr, to_value, from_value)                    \
    +[](const ruleset& r) -> field_value { return to_value(r.member_expr); }, \
        +[](ruleset& r, const field_value& v) { r.member_expr = from_value(v); }

inline field_value str(const std::string& s) { return s; }
inline field_value flag(bool b) { return b; }
inline field_value whole(int i) { return static_cast<long long>(i); }
inline field_value day(date d) { return d; }
inline field_value ids(const std::vector<std::string>& v) { return v; }
template <class E>
field_value named(E e) {
    return std::string(to_string(e));
}
inline std::string as_str(const field_value& v) { return std::get<std::string>(v); }
inline bool as_flag(const field_value& v) { return std::get<bool>(v); }
inline int as_int(const field_value& v) { return static_cast<int>(std::get<long long>(v)); }
inline date as_day(const field_value& v) { return std::get<date>(v); }
inline std::vector<std::string> as_ids(const field_value& v) { return std::get<std::vector<std::string>>(v); }

inline field_value in_force_value(const in_force_rule& q) {
    if (q.kind == in_force_kind::count) return static_cast<long long>(q.count);
    return std::string(to_string(q.kind));
}
inline void set_in_force(ruleset& r, const field_value& v) {
    if (const auto* n = std::get_if<long long>(&v)) {
        r.meeting.in_force.kind = in_force_kind::count;
        r.meeting.in_force.count = static_cast<std::size_t>(*n);
    } else {
        r.meeting.in_force.kind = *enum_from_string<in_force_kind>(std::get<std::string>(v));
        r.meeting.in_force.count = 0;
    }
}
inline field_value quorum_value(const quorum_rule& q) {
    if (q.kind == quorum_kind::count) return static_cast<long long>(q.count);
    return std::string(to_string(q.kind));
}
inline void set_quorum(ruleset& r, const field_value& v) {
    if (const auto* n = std::get_if<long long>(&v)) {
        r.meeting.quorum.kind = quorum_kind::count;
        r.meeting.quorum.count = static_cast<std::size_t>(*n);
    } else {
        r.meeting.quorum.kind = *enum_from_string<quorum_kind>(std::get<std::string>(v));
        r.meeting.quorum.count = 0;
    }
}

// clang-format off
inline const std::array fields{
    F{"samverkan_ruleset", T::integer, true, "", "schema version; must be `1`", "", 0, 1000000000},
    F{"id", T::id, true, "§ 0", "the ruleset's id, e.g. `goteborg-2026`"},
    F{"name", T::text, true, "", "its title"},
    F{"valid_from", T::iso_date, true, "§ 0", "first day in force (inclusive)"},
    F{"valid_to", T::iso_date, false, "§ 0", "last day in force (inclusive); must not be before `valid_from`",
      "optional; absent: in force until replaced"},
    F{"sources", T::keyed_list, true, "", "the documents the ruleset is built from", "required, at least one"},
    F{"sources.*.id", T::text, true, "", "short id used in citations, e.g. `\"003\"`"},
    F{"sources.*.file", T::text, true, "", "seed file name, e.g. `003_324ab1002b074ef9.txt`"},
    F{"sources.*.title", T::text, true, "", "the document's title"},
    F{"assumptions", T::list, false, "", "choices made where the sources are silent", "optional, default none"},
    F{"assumptions.key", T::text, true, "", "the key the choice concerns, e.g. `valid_from`"},
    F{"assumptions.rule", T::text, false, "", "the rule id the choice belongs to", "optional"},
    F{"assumptions.note", T::text, true, "", "what was chosen and why"},
    F{"roles", T::section, false, "", "which forums the structure checks measure against", "optional"},
    F{"roles.samrad", T::id, false, "STR-7", "the forum every represented body must reach", "`politiskt_samrad`"},
    F{"roles.lgs", T::id, false, "STR-4", "the forum every operational forum must reach", "`lgs`"},
    F{"parties", T::keyed_list, true, "§ 1", "the principals (huvudmän)"},
    F{"parties.*.id", T::id, true, "§ 1", "e.g. `vgr`, `goteborg`"},
    F{"parties.*.name", T::text, true, "", "e.g. `Västra Götalandsregionen`"},
    F{"parties.*.side", T::choice, true, "§ 1", "the side of the collaboration the party is on", "", 0, 0,
      names_of<side>()},
    F{"bodies", T::keyed_list, true, "§ 1", "the political bodies that hold seats"},
    F{"bodies.*.id", T::id, true, "§ 1", "e.g. `su`, `dn_goteborg`, `goteborg`"},
    F{"bodies.*.name", T::text, true, "", "the body's name"},
    F{"bodies.*.party", T::id, true, "§ 1", "the party it belongs to; a party listed under `parties`"},
    F{"bodies.*.kind", T::choice, true, "ROT-2", "a municipality, a purchaser body (beställare) or a provider board",
      "", 0, 0, names_of<body_kind>()},
    F{"forums", T::keyed_list, true, "§ 2", "the forums of the structure"},
    F{"forums.*.id", T::id, true, "§ 2", "e.g. `politiskt_samrad`, `lgs`, `tema_aldre`"},
    F{"forums.*.name", T::text, true, "", "the Swedish name"},
    F{"forums.*.level", T::choice, true, "STR-4", "the level the forum works at", "", 0, 0, names_of<level>()},
    F{"forums.*.aliases", T::text_list, false, "STR-1", "other names of the same body", "optional, default none"},
    F{"forums.*.description", T::text, false, "", "what the forum is", "optional"},
    F{"forums.*.source", T::text, false, "", "seed file and section", "optional"},
    F{"forums.*.seats", T::keyed_list, false, "CMP-1", "the forum's seats, in order", "optional, default none"},
    F{"forums.*.seats.*.id", T::id, true, "CMP-1", "unique within the forum, e.g. `goteborg/ord1`, `su/ers`"},
    F{"forums.*.seats.*.kind", T::choice, true, "CMP-1", "ordinarie ledamot or ersättare", "", 0, 0,
      names_of<seat_kind>()},
    F{"forums.*.seats.*.body", T::id, true, "CMP-1", "the body the seat represents; listed under `bodies`"},
    F{"forums.*.offices", T::list, false, "ROT-5", "for a presidium: the offices that make it up",
      "optional, default none"},
    F{"forums.*.offices.forum", T::id, true, "ROT-5", "the forum whose office it is"},
    F{"forums.*.offices.role", T::choice, true, "ROT-5", "which office", "", 0, 0, names_of<office_role>()},
    F{"forums.*.offices.appointed_by", T::id, false, "CMP-5", "the forum or body that elects the holder",
      "optional; left out where the sources do not say"},
    F{"forums.*.offices.rule", T::text, false, "", "the rule that says who appoints; a rule id of the catalogue",
      "required with `appointed_by`, refused without it"},
    F{"forums.*.theme", T::section, false, "THM-1", "for a theme group: who it is for", "optional"},
    F{"forums.*.theme.label", T::text, true, "THM-1", "the theme's Swedish name, e.g. `Mitt i Livet`"},
    F{"forums.*.theme.rule", T::text, false, "", "the rule id the criteria come from", "optional"},
    F{"forums.*.theme.min_age", T::integer, false, "THM-3", "youngest age covered, inclusive",
      "optional (no lower limit)", 0, 150},
    F{"forums.*.theme.max_age", T::integer, false, "THM-3", "oldest age covered, inclusive",
      "optional (no upper limit)", 0, 150},
    F{"forums.*.theme.needs", T::id_list, false, "THM-3", "any one of these needs qualifies",
      "optional (none: anyone)", 1},
    F{"forums.*.theme.description", T::text, false, "", "the source's wording", "optional"},
    F{"relations", T::list, true, "", "the edges of the structure graph", "required (`[]` allowed)"},
    F{"relations.rule", T::text, true, "", "the rule id that puts the edge there; a rule id of the catalogue"},
    F{"relations.type", T::choice, true, "", "what the edge means", "", 0, 0, written_relation_types},
    F{"relations.from", T::id_list, true, "", "forum or body ids", "", 1},
    F{"relations.to", T::id_list, true, "", "forum or body ids", "", 1},
    F{"meeting", T::section, true, "", "the meeting rules of the forum with seats",
      "required (`{}` allowed: every key has a default)"},
    F{"meeting.forum", T::id, false, "QRM-1", "the forum these rules govern; a forum of the ruleset", "", 0, 0, {},
      SAMVERKAN_PARAM(meeting.forum, str, as_str)},
    F{"meeting.substitution_scope", T::choice, false, "QRM-2",
      "whose substitute may serve for an absent or disqualified ordinary member", "", 0, 0,
      names_of<substitution_scope>(), SAMVERKAN_PARAM(meeting.substitution, named, enum_value<substitution_scope>)},
    F{"meeting.quorum", T::quorum, false, "QRM-3", "how many ordinary seats must be served for an item to be dealt with",
      "", 1, 10000, quorum_names, +[](const ruleset& r) { return quorum_value(r.meeting.quorum); }, &set_quorum},
    F{"meeting.quorum_both_sides_present", T::boolean, false, "QRM-3",
      "also require at least one serving member from each side", "", 0, 0, {},
      SAMVERKAN_PARAM(meeting.quorum.both_sides_present, flag, as_flag)},
    F{"meeting.presiding_fallback", T::choice, false, "QRM-6", "who presides when chair and vice chair are both absent",
      "", 0, 0, names_of<presiding_fallback>(), SAMVERKAN_PARAM(meeting.presiding, named, enum_value<presiding_fallback>)},
    F{"meeting.substitute_may_preside", T::boolean, false, "QRM-6", "whether a substitute may preside", "", 0, 0, {},
      SAMVERKAN_PARAM(meeting.substitute_may_preside, flag, as_flag)},
    F{"meeting.remote", T::section, false, "QRM-7", "remote participation", "both `true`"},
    F{"meeting.remote.allowed", T::boolean, false, "QRM-7", "remote participation counts as presence", "", 0, 0, {},
      SAMVERKAN_PARAM(meeting.remote.allowed, flag, as_flag)},
    F{"meeting.remote.chair_on_site", T::boolean, false, "QRM-7", "…only when the person presiding is on site", "", 0,
      0, {}, SAMVERKAN_PARAM(meeting.remote.chair_on_site, flag, as_flag)},
    F{"meeting.consensus", T::choice, false, "CNS-2", "what consensus means", "", 0, 0, names_of<consensus_rule>(),
      SAMVERKAN_PARAM(meeting.consensus, named, enum_value<consensus_rule>)},
    F{"meeting.max_referrals", T::integer, false, "CNS-3", "referrals (återremiss) after which only removal remains",
      "", 0, 100, {}, SAMVERKAN_PARAM(meeting.max_referrals, whole, as_int)},
    F{"meeting.on_no_consensus", T::choice, false, "CNS-3",
      "what happens without consensus when the meeting does not say", "", 0, 0, names_of<no_consensus_action>(),
      SAMVERKAN_PARAM(meeting.on_no_consensus, named, enum_value<no_consensus_action>)},
    F{"meeting.meetings_per_termin", T::integer, false, "MTG-1", "ordinary meetings per termin (half-year)", "", 1, 52,
      {}, SAMVERKAN_PARAM(meeting.meetings_per_termin, whole, as_int)},
    F{"meeting.notice_days", T::integer, false, "MTG-2",
      "days before the meeting the notice (kallelse) is issued at the latest; 0: no notice period", "", 0, 365, {},
      SAMVERKAN_PARAM(meeting.notice_days, whole, as_int)},
    F{"meeting.in_force_when", T::quorum, false, "CNS-5",
      "when a directional position takes effect: every body adopted, each adopting body, or a number of bodies", "",
      1, 1000, in_force_names, +[](const ruleset& r) { return in_force_value(r.meeting.in_force); }, &set_in_force},
    F{"rotation", T::section, true, "ROT-2", "the chair rotation", "required (must hold `pools`)"},
    F{"rotation.forum", T::id, false, "ROT-2", "the forum whose chair rotates; a forum of the ruleset", "", 0, 0, {},
      SAMVERKAN_PARAM(rotation.forum, str, as_str)},
    F{"rotation.term_years", T::integer, false, "ROT-1", "length of a term", "", 1, max_term_years, {},
      SAMVERKAN_PARAM(rotation.term_years, whole, as_int)},
    F{"rotation.anchor", T::iso_date, false, "ROT-6", "start of the first term", "", 0, 0, {},
      SAMVERKAN_PARAM(rotation.anchor, day, as_day)},
    F{"rotation.first_holder", T::id, false, "ROT-6", "the first chair; a body in one of the pools", "", 0, 0, {},
      SAMVERKAN_PARAM(rotation.first_holder, str, as_str)},
    F{"rotation.alternate_sides", T::boolean, false, "ROT-2", "the side of the chair alternates term by term", "", 0,
      0, {}, SAMVERKAN_PARAM(rotation.alternate_sides, flag, as_flag)},
    F{"rotation.pools", T::section, true, "ROT-2", "the eligible bodies per side, in order", "**required**"},
    F{"rotation.pools.municipal", T::id_list, true, "ROT-2", "eligible municipal bodies, in rotation order",
      "required, not empty", 1, 0, {}, SAMVERKAN_PARAM(rotation.municipal_pool, ids, as_ids)},
    F{"rotation.pools.region", T::id_list, true, "ROT-2", "eligible region bodies, in rotation order",
      "required, not empty", 1, 0, {}, SAMVERKAN_PARAM(rotation.region_pool, ids, as_ids)},
    F{"rotation.vice_from_other_side", T::boolean, false, "ROT-3", "the vice chair comes from the other side", "", 0,
      0, {}, SAMVERKAN_PARAM(rotation.vice_from_other_side, flag, as_flag)},
    F{"rotation.vice_succeeds", T::boolean, false, "ROT-3a",
      "the vice chair of one term becomes the chair of the next", "", 0, 0, {},
      SAMVERKAN_PARAM(rotation.vice_succeeds, flag, as_flag)},
    F{"rotation.lgs_coordination", T::choice, false, "ROT-4",
      "how the LGS chair's side follows the samråd chair's side", "", 0, 0, names_of<lgs_coordination>(),
      SAMVERKAN_PARAM(rotation.lgs, named, enum_value<lgs_coordination>)},
    F{"rotation.align_with_mandate", T::boolean, false, "ROT-6", "terms follow the electoral mandate period", "", 0,
      0, {}, SAMVERKAN_PARAM(rotation.align_with_mandate, flag, as_flag)},
    F{"rotation.mandate", T::section, false, "ROT-6", "the mandate period", "see below"},
    F{"rotation.mandate.first_election", T::integer, false, "ROT-6",
      "a general election year the mandate periods count from", "", min_election_year, max_election_year, {},
      SAMVERKAN_PARAM(rotation.first_election_year, whole, as_int)},
    F{"rotation.mandate.years", T::integer, false, "ROT-6", "length of a mandate period", "", 1, max_mandate_years, {},
      SAMVERKAN_PARAM(rotation.mandate_years, whole, as_int)},
    F{"plan", T::section, false, "PLN-1", "the samverkansplan: period, focus areas, equity groups, handlingsplan",
      "optional"},
    F{"plan.period", T::section, false, "PLN-1", "the plan's period", "optional"},
    F{"plan.period.from", T::iso_date, true, "PLN-1", "first day of the plan period"},
    F{"plan.period.to", T::iso_date, true, "PLN-1", "last day of the plan period; not before `from`"},
    F{"plan.focus_areas", T::keyed_list, false, "PLN-1", "the plan's focus areas", "optional, default none"},
    F{"plan.focus_areas.*.id", T::id, true, "PLN-1", "the focus area's id"},
    F{"plan.focus_areas.*.name", T::text, true, "PLN-1", "its name"},
    F{"plan.equity_groups", T::keyed_list, false, "PLN-3", "the groups to consider specially",
      "optional, default none"},
    F{"plan.equity_groups.*.id", T::id, true, "PLN-3", "the group's id"},
    F{"plan.equity_groups.*.name", T::text, true, "PLN-3", "its name"},
    F{"plan.action_plan", T::section, false, "STR-3", "the övergripande handlingsplan", "optional"},
    F{"plan.action_plan.decided_by", T::id, true, "STR-3",
      "the forum that decides the handlingsplan and follows it up yearly"},
};
// clang-format on

#undef SAMVERKAN_PARAM

}  // namespace detail::schema

/// Every key of the ruleset file, parents before their children, in the order the schema page lists them.
[[nodiscard]] inline std::span<const field_info> ruleset_fields() noexcept { return detail::schema::fields; }

/// The key at `pattern` (with `*` for keyed-list items), or nullptr.
[[nodiscard]] inline const field_info* find_field(std::string_view pattern) noexcept {
    for (const auto& f : ruleset_fields())
        if (f.path == pattern) return &f;
    return nullptr;
}

/// The keys written directly in the mapping at `parent` ("" for the top, "forums.*" for a forum), in order.
[[nodiscard]] inline std::vector<std::string_view> field_keys(std::string_view parent) {
    std::vector<std::string_view> out;
    for (const auto& f : ruleset_fields())
        if (f.parent() == parent && f.key() != "*") out.push_back(f.key());
    return out;
}

/// The item path of a list field: `forums` → `forums.*` (keyed) or `relations` (unkeyed items' keys sit
/// directly under the list's path).
[[nodiscard]] inline std::string item_path(const field_info& list) {
    return list.type == field_type::keyed_list ? std::string(list.path) + ".*" : std::string(list.path);
}

/// The value a parameter has when its key is left out (the defaults of parameters.hpp).
[[nodiscard]] inline field_value default_value(const field_info& f) {
    static const ruleset defaults{};
    return f.get(defaults);
}

/// A parameter's value as YAML writes it: `true`, `2`, `more_than_half`, `2015-01-01`, `[goteborg, molndal]`.
[[nodiscard]] inline std::string to_text(const field_value& v) {
    struct visitor {
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(long long n) const { return std::to_string(n); }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(date d) const { return to_iso_string(d); }
        std::string operator()(const std::vector<std::string>& v) const {
            std::string out = "[";
            for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
            return out + "]";
        }
    };
    return std::visit(visitor{}, v);
}

}  // namespace samverkan
