// The event log as JSON (event_log.hpp), written and read with nlohmann::json, which stays a private build
// dependency: users of the headers never include it. The form is documented in docs/matters.md.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <samverkan/event_log.hpp>

namespace samverkan {
namespace {

// Keys keep the order they are written in, so that a log read and written again is the same text.
using json = nlohmann::ordered_json;

constexpr std::string_view version_key = "samverkan_event_log";
constexpr std::size_t max_depth = 16;  // the form nests 5 deep; anything deeper is not a log

json value_json(const fact_value& v) {
    struct visitor {
        json operator()(std::int64_t n) const { return n; }
        json operator()(bool b) const { return b; }
        json operator()(const std::string& s) const { return s; }
        json operator()(const std::vector<std::string>& ids) const { return ids; }
    };
    return std::visit(visitor{}, v);
}

json facts_json(const std::vector<fact>& facts) {
    json out = json::object();
    for (const auto& f : facts) {
        if (out.contains(f.name)) throw invalid_argument("the fact '" + f.name + "' is given twice in one step");
        out[f.name] = value_json(f.value);
    }
    return out;
}

json event_json(const event& e, std::size_t seq) {
    json out = json::object();
    out["seq"] = seq;
    out["kind"] = std::string(to_string(e.kind));
    out["subject"] = e.subject;
    out["by"] = e.by;
    out["day"] = to_iso_string(e.day);
    out["rules"] = e.rules;
    out["facts"] = facts_json(e.facts);
    if (!e.steps.empty()) {
        json steps = json::array();
        for (const auto& s : e.steps)
            steps.push_back(json{{"rule", s.rule}, {"kind", s.kind}, {"facts", facts_json(s.facts)}});
        out["steps"] = std::move(steps);
    }
    if (e.forced) {
        out["forced"] = true;
        out["breaks"] = e.breaks;
        out["reason"] = e.reason;
    }
    return out;
}

// ---- reading: every fault names the key and what was expected ----------------------------------------

void require_keys(const json& j, std::initializer_list<std::string_view> required,
                  std::initializer_list<std::string_view> optional, const std::string& where) {
    if (!j.is_object()) throw invalid_argument(where + " must be a JSON object");
    for (const auto& key : required)
        if (!j.contains(std::string(key))) throw invalid_argument(where + " lacks the key '" + std::string(key) + "'");
    for (const auto& [key, value] : j.items()) {
        const bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                           std::find(optional.begin(), optional.end(), key) != optional.end();
        if (!known) throw invalid_argument(fmt::format("{} has an unknown key '{}'", where, key));
    }
}

const std::string& string_at(const json& j, const char* key, const std::string& where) {
    const auto& v = j.at(key);
    if (!v.is_string()) throw invalid_argument(where + "'s '" + key + "' must be a string");
    return v.get_ref<const std::string&>();
}

std::vector<std::string> strings_of(const json& v, const std::string& what) {
    if (!v.is_array()) throw invalid_argument(what + " must be a list of strings");
    std::vector<std::string> out;
    out.reserve(v.size());
    for (const auto& x : v) {
        if (!x.is_string()) throw invalid_argument(what + " must be a list of strings");
        out.push_back(x.get<std::string>());
    }
    return out;
}

fact_value value_of(const json& v, const std::string& what) {
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number_unsigned()) {
        if (v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            throw invalid_argument(what + " is too large");
        return static_cast<std::int64_t>(v.get<std::uint64_t>());
    }
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) return strings_of(v, what);
    throw invalid_argument(what + " must be a whole number, true or false, a string or a list of strings");
}

std::vector<fact> facts_of(const json& j, const std::string& where) {
    if (!j.is_object()) throw invalid_argument(where + "'s facts must be a JSON object");
    std::vector<fact> out;
    out.reserve(j.size());
    for (const auto& [name, value] : j.items()) out.push_back({name, value_of(value, "the fact '" + name + "'")});
    return out;
}

event event_of(const json& j, std::size_t index) {
    const std::string where = "the event";
    require_keys(j, {"seq", "kind", "subject", "by", "day", "rules", "facts"}, {"steps", "forced", "breaks", "reason"},
                 where);
    const auto& seq = j.at("seq");
    if (!seq.is_number_unsigned() || seq.get<std::uint64_t>() != index)
        throw invalid_argument("the event's seq is " + seq.dump() + " at position " + std::to_string(index) +
                               ": the log is out of order");
    event e;
    const auto& kind = string_at(j, "kind", where);
    const auto k = enum_from_string<event_kind>(kind);
    if (!k)
        throw invalid_argument("'" + kind + "' is not a kind of event; one of " + detail::enum_choices<event_kind>());
    e.kind = *k;
    e.subject = string_at(j, "subject", where);
    e.by = string_at(j, "by", where);
    const auto& day = string_at(j, "day", where);
    const auto d = parse_iso_date(day);
    if (!d) throw invalid_argument("the event's day '" + day + "' is not a date YYYY-MM-DD");
    e.day = *d;
    e.rules = strings_of(j.at("rules"), "the event's rules");
    e.facts = facts_of(j.at("facts"), where);
    if (j.contains("steps")) {
        const auto& steps = j.at("steps");
        if (!steps.is_array() || steps.empty()) throw invalid_argument("the event's steps must be a non-empty list");
        for (const auto& s : steps) {
            require_keys(s, {"rule", "kind", "facts"}, {}, "a ruling step");
            e.steps.push_back({string_at(s, "rule", "a ruling step"), string_at(s, "kind", "a ruling step"),
                               facts_of(s.at("facts"), "a ruling step")});
        }
    }
    if (j.contains("forced")) {
        if (!j.at("forced").is_boolean() || !j.at("forced").get<bool>() || !j.contains("breaks") ||
            !j.contains("reason"))
            throw invalid_argument(R"(a forced event has "forced": true, "breaks" and "reason")");
        e.forced = true;
        e.breaks = string_at(j, "breaks", where);
        e.reason = string_at(j, "reason", where);
    } else if (j.contains("breaks") || j.contains("reason")) {
        throw invalid_argument(R"(only a forced event has "breaks" and "reason")");
    }
    return e;
}

/// How deeply the text nests arrays and objects, counted outside strings, before it is parsed.
std::size_t nesting(std::string_view text) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

std::string to_json(const event_log& log) {
    json out = json::object();
    out[std::string(version_key)] = event_log_schema;
    out["ruleset"] = log.rules().id;
    json events = json::array();
    const auto& all = log.events();
    for (std::size_t i = 0; i < all.size(); ++i) events.push_back(event_json(all[i], i));
    out["events"] = std::move(events);
    std::string text;
    try {
        text = out.dump(1) + "\n";
    } catch (const json::exception& e) {
        throw invalid_argument(std::string("the event log cannot be written as JSON: ") + e.what());
    }
    if (text.size() > max_log_bytes)
        throw invalid_argument("the event log's JSON would be " + std::to_string(text.size()) +
                               " bytes, larger than the " + std::to_string(max_log_bytes) +
                               " (max_log_bytes) it could be read back from");
    return text;
}

event_log event_log_from_json(ruleset_ptr rules, std::string_view text) {
    if (!rules) throw invalid_argument("an event log needs a ruleset");
    if (text.size() > max_log_bytes)
        throw invalid_argument("an event log of " + std::to_string(text.size()) + " bytes is larger than " +
                               std::to_string(max_log_bytes) + " (max_log_bytes)");
    if (nesting(text) > max_depth)
        throw invalid_argument("the event log nests deeper than " + std::to_string(max_depth) + " levels");
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) throw invalid_argument("the event log is not JSON");
    if (!j.is_object() || !j.contains(std::string(version_key)))
        throw invalid_argument("the text is no samverkan event log: it lacks the key '" + std::string(version_key) +
                               "'");
    const auto& version = j.at(std::string(version_key));
    if (!version.is_number_integer())
        throw invalid_argument("the event log's schema version must be a whole number, not " + version.dump());
    if (version.get<std::int64_t>() > event_log_schema)
        throw invalid_argument("the event log has schema version " + version.dump() + ", newer than version " +
                               std::to_string(event_log_schema) +
                               " that this library reads; read it with a newer samverkan");
    if (version.get<std::int64_t>() != event_log_schema)
        throw invalid_argument("the event log has schema version " + version.dump() + "; this library reads version " +
                               std::to_string(event_log_schema));
    require_keys(j, {version_key, "ruleset", "events"}, {}, "the event log");
    const auto& id = string_at(j, "ruleset", "the event log");
    if (id != rules->id)
        throw invalid_argument("the event log was kept under ruleset '" + id + "', not '" + rules->id + "'");
    const auto& events = j.at("events");
    if (!events.is_array()) throw invalid_argument("the event log's events must be a list");
    if (events.size() > max_log_events)
        throw invalid_argument("an event log of " + std::to_string(events.size()) + " events is longer than " +
                               std::to_string(max_log_events) + " (max_log_events)");
    std::vector<event> read;
    read.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        try {
            read.push_back(event_of(events[i], i));
        } catch (const error& e) {
            throw log_error(i, {}, e.what());
        }
    }
    return event_log::replay(std::move(rules), read);
}

}  // namespace samverkan
