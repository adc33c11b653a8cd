// Policy changes (changes.hpp): a ruleset written out as its file, changes applied to that file's tree by path,
// the result read and checked as a loaded file is; the differences between two rulesets' trees; the timeline.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <samverkan/changes.hpp>
#include <samverkan/detail/nearest.hpp>
#include <samverkan/load.hpp>
#include <samverkan/schema.hpp>

#include "yaml_input.hpp"

namespace samverkan {
namespace {

constexpr int supported_changes_schema = 1;

std::string emit(const YAML::Node& node) {
    YAML::Emitter out;
    out << node;
    return out.c_str();
}

void set_flow(YAML::Node node) {
    node.SetStyle(YAML::EmitterStyle::Flow);
    if (node.IsMap())
        for (auto kv : node) set_flow(kv.second);
    else if (node.IsSequence())
        for (auto item : node) set_flow(item);
}

/// A value on one line: `{id: su/ord, kind: ordinary, body: su}`, `[goteborg, molndal]`.
std::string flow(const YAML::Node& node) {
    YAML::Node copy = YAML::Clone(node);
    set_flow(copy);
    YAML::Emitter out;
    out << YAML::Flow << copy;
    return out.c_str();
}

/// A YAML value as JSON text (which YAML reads too): plain true/false/integers/null keep their type, every other
/// scalar is a string. Change values are kept in this form so that every language reads them back the same.
void json_of(const YAML::Node& node, std::string& out) {
    if (node.IsMap()) {
        out += '{';
        bool first = true;
        for (const auto& kv : node) {
            if (!first) out += ", ";
            first = false;
            json_of(YAML::Node(kv.first.Scalar()), out);
            out += ": ";
            json_of(kv.second, out);
        }
        out += '}';
        return;
    }
    if (node.IsSequence()) {
        out += '[';
        for (std::size_t i = 0; i < node.size(); ++i) {
            if (i) out += ", ";
            json_of(node[i], out);
        }
        out += ']';
        return;
    }
    if (!node.IsDefined() || node.IsNull()) {
        out += "null";
        return;
    }
    const auto& s = node.Scalar();
    const bool plain = node.Tag() != "!";
    const bool integer = !s.empty() && s.size() < 19 &&
                         std::all_of(
                             s.begin() + (s[0] == '-' ? 1 : 0), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                         s != "-";
    if (plain && (s == "true" || s == "false" || integer)) {
        out += s;
        return;
    }
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            static constexpr std::string_view hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

// ---- a ruleset written out -----------------------------------------------------------------------

void emit_value(YAML::Emitter& out, const field_value& v) {
    struct visitor {
        YAML::Emitter& out;
        void operator()(bool b) const { out << b; }
        void operator()(long long n) const { out << n; }
        void operator()(const std::string& s) const { out << s; }
        void operator()(date d) const { out << to_iso_string(d); }
        void operator()(const std::vector<std::string>& ids) const {
            out << YAML::Flow << YAML::BeginSeq;
            for (const auto& id : ids) out << id;
            out << YAML::EndSeq;
        }
    };
    std::visit(visitor{out}, v);
}

/// The parameters under `path` (meeting, rotation, and their nested mappings), every key written out.
void emit_parameters(YAML::Emitter& out, const ruleset& rs, std::string_view path) {
    out << YAML::BeginMap;
    for (const auto& f : ruleset_fields()) {
        if (f.parent() != path) continue;
        out << YAML::Key << std::string(f.key()) << YAML::Value;
        if (f.type == field_type::section)
            emit_parameters(out, rs, f.path);
        else
            emit_value(out, f.get(rs));
    }
    out << YAML::EndMap;
}

template <class T>
void emit_if(YAML::Emitter& out, const char* key, const T& value, bool present) {
    if (present) out << YAML::Key << key << YAML::Value << value;
}

void emit_ids(YAML::Emitter& out, const std::vector<std::string>& ids) {
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& id : ids) out << id;
    out << YAML::EndSeq;
}

void emit_items(YAML::Emitter& out, const char* key, const std::vector<plan_item>& items) {
    if (items.empty()) return;
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& i : items)
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << i.id << YAML::Key << "name" << YAML::Value
            << i.name << YAML::EndMap;
    out << YAML::EndSeq;
}

void emit_forum(YAML::Emitter& out, const forum& f) {
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << f.id << YAML::Key << "name" << YAML::Value << f.name;
    out << YAML::Key << "level" << YAML::Value << std::string(to_string(f.level));
    if (!f.aliases.empty()) {
        out << YAML::Key << "aliases" << YAML::Value;
        emit_ids(out, f.aliases);
    }
    emit_if(out, "description", f.description, !f.description.empty());
    emit_if(out, "source", f.source, !f.source.empty());
    if (!f.seats.empty()) {
        out << YAML::Key << "seats" << YAML::Value << YAML::BeginSeq;
        for (const auto& s : f.seats)
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << s.id << YAML::Key << "kind"
                << YAML::Value << std::string(to_string(s.kind)) << YAML::Key << "body" << YAML::Value << s.body
                << YAML::EndMap;
        out << YAML::EndSeq;
    }
    if (!f.offices.empty()) {
        out << YAML::Key << "offices" << YAML::Value << YAML::BeginSeq;
        for (const auto& o : f.offices) {
            out << YAML::Flow << YAML::BeginMap << YAML::Key << "forum" << YAML::Value << o.forum << YAML::Key << "role"
                << YAML::Value << std::string(to_string(o.role));
            emit_if(out, "appointed_by", o.appointed_by, !o.appointed_by.empty());
            emit_if(out, "rule", o.rule, !o.appointed_by.empty());
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (f.theme) {
        const auto& t = *f.theme;
        out << YAML::Key << "theme" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "label" << YAML::Value << t.label;
        emit_if(out, "rule", t.rule, !t.rule.empty());
        emit_if(out, "min_age", t.min_age.value_or(0), t.min_age.has_value());
        emit_if(out, "max_age", t.max_age.value_or(0), t.max_age.has_value());
        if (!t.needs.empty()) {
            out << YAML::Key << "needs" << YAML::Value;
            emit_ids(out, t.needs);
        }
        emit_if(out, "description", t.description, !t.description.empty());
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

// ---- paths ---------------------------------------------------------------------------------------

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> out;
    std::string part;
    for (const char c : path) {
        if (c == '.') {
            out.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    out.push_back(part);
    return out;
}

std::string pattern_join(std::string_view pattern, std::string_view key) {
    return pattern.empty() ? std::string(key) : std::string(pattern) + "." + std::string(key);
}

/// The item of a keyed list with this id, or an undefined node.
YAML::Node find_item(const YAML::Node& list, const std::string& id) {
    for (std::size_t i = 0; i < list.size(); ++i) {  // NOLINT(modernize-loop-convert): yaml-cpp's iterator
        const YAML::Node item = list[i];             // yields map pairs for a map; indexing is what is meant
        if (item.IsMap() && item["id"] && item["id"].IsScalar() && item["id"].Scalar() == id) return item;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

/// Every path a change can name in this tree (keys present, and every key of the schema under a mapping that
/// is present), for "did you mean".
void known_paths(const YAML::Node& node, const std::string& path, const std::string& pattern,
                 std::vector<std::string>& out) {
    const field_info* list = pattern.empty() ? nullptr : find_field(pattern);
    if (list && list->type == field_type::keyed_list) {
        if (!node.IsSequence()) return;
        for (const auto& item : node)
            if (item.IsMap() && item["id"] && item["id"].IsScalar()) {
                const auto item_path = path + "." + item["id"].Scalar();
                out.push_back(item_path);
                known_paths(item, item_path, pattern + ".*", out);
            }
        out.push_back(path + "+");
        out.push_back(path + "-");
        return;
    }
    if (list &&
        (list->type == field_type::list || list->type == field_type::id_list || list->type == field_type::text_list)) {
        out.push_back(path + "+");
        out.push_back(path + "-");
        return;
    }
    if (!pattern.empty() && (!list || list->type != field_type::section) && pattern.back() != '*') return;
    for (const auto& f : ruleset_fields()) {
        if (f.parent() != pattern || f.key() == "*") continue;
        const auto child = pattern_join(path, f.key());
        out.push_back(child);
        if (node.IsMap() && node[std::string(f.key())])
            known_paths(node[std::string(f.key())], child, std::string(f.path), out);
    }
}

std::string nearest_paths(const YAML::Node& root, const std::string& path) {
    std::vector<std::string> candidates;
    known_paths(root, "", "", candidates);
    std::vector<std::pair<std::size_t, std::string>> scored;
    scored.reserve(candidates.size());
    for (auto& c : candidates) scored.emplace_back(detail::edit_distance(path, c), std::move(c));
    std::sort(scored.begin(), scored.end());
    std::string out;
    const std::size_t limit = std::max<std::size_t>(3, path.size() / 3);
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) {
        if (scored[i].first > limit) break;
        out += (out.empty() ? "" : ", ") + ("'" + scored[i].second + "'");
    }
    return out.empty() ? std::string() : " (did you mean " + out + "?)";
}

YAML::Node parse_value(const change& c) {
    try {
        return detail::parse_guarded(*c.value, c.where.empty() ? "change '" + c.path + "'" : c.where, "give a value");
    } catch (const ruleset_error& e) {
        throw change_error("the value is not valid YAML: " + e.message(), c.path);
    }
}

/// A scalar id list written as one id reads as a list of one.
YAML::Node as_sequence(const YAML::Node& node) {
    if (node.IsSequence()) return node;
    YAML::Node seq(YAML::NodeType::Sequence);
    if (node.IsDefined() && !node.IsNull()) seq.push_back(node);
    return seq;
}

/// Whether `item` has every key of `probe` with an equal value (mappings), or equals it (scalars).
bool matches(const YAML::Node& item, const YAML::Node& probe) {
    if (probe.IsScalar()) {
        if (item.IsScalar()) return item.Scalar() == probe.Scalar();
        return item.IsMap() && item["id"] && item["id"].IsScalar() && item["id"].Scalar() == probe.Scalar();
    }
    if (!probe.IsMap() || !item.IsMap()) return false;
    for (const auto& kv : probe) {
        const auto key = kv.first.Scalar();
        if (!item[key]) return false;
        if (YAML::Dump(item[key]) != YAML::Dump(kv.second)) return false;
    }
    return true;
}

/// The item of a keyed list replaced by, or added as, `value` (a mapping; its id is the path's last segment).
void put_item(YAML::Node list, const std::string& id, const YAML::Node& value, const change& c,
              std::string_view list_path) {
    if (!value.IsMap())
        throw change_error("an item of '" + std::string(list_path) + "' is a mapping of its keys", c.path);
    YAML::Node fresh(YAML::NodeType::Map);
    fresh["id"] = id;
    for (const auto& kv : value) {
        const auto key = kv.first.Scalar();
        if (key == "id" && !(kv.second.IsScalar() && kv.second.Scalar() == id))
            throw change_error("the item's id is '" + id + "', not '" + YAML::Dump(kv.second) + "'", c.path);
        if (key != "id") fresh[key] = kv.second;
    }
    for (std::size_t k = 0; k < list.size(); ++k)  // NOLINT(modernize-loop-convert): list[k] = … writes the tree
        if (list[k].IsMap() && list[k]["id"] && list[k]["id"].IsScalar() && list[k]["id"].Scalar() == id) {
            list[k] = fresh;
            return;
        }
    list.push_back(fresh);
}

/// `<list>+` and `<list>-`: the list with the value's items appended, or without the items that match it.
YAML::Node list_op(const YAML::Node& current, char op, const YAML::Node& value, const field_info& list,
                   const YAML::Node& root, const change& c) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const auto& x : as_sequence(current)) out.push_back(x);
    if (op == '+') {
        for (const auto& v : as_sequence(value)) {
            if (list.type == field_type::keyed_list && v.IsMap() && v["id"] && v["id"].IsScalar() &&
                find_item(out, v["id"].Scalar()))
                throw change_error("'" + v["id"].Scalar() + "' is in the list already", c.path);
            out.push_back(v);
        }
        return out;
    }
    YAML::Node kept(YAML::NodeType::Sequence);
    std::size_t removed = 0;
    const YAML::Node probes = as_sequence(value);
    for (const auto& x : out) {
        bool hit = false;
        for (const auto& probe : probes) hit = hit || matches(x, probe);
        if (hit)
            ++removed;
        else
            kept.push_back(x);
    }
    if (removed == 0)
        throw change_error(
            "nothing in '" + std::string(list.path) + "' matches " + flow(value) + nearest_paths(root, c.path), c.path);
    return kept;
}

/// Applies one change to the tree of a ruleset file. Walking rebinds nodes with reset(): assigning one
/// yaml-cpp node to another would write into the tree.
// NOLINTNEXTLINE(performance-unnecessary-value-param): a yaml-cpp Node is a handle; the walk rebinds this copy
void apply(YAML::Node root, const change& c) {
    if (c.path.empty()) throw change_error("an empty path names nothing", c.path);
    auto parts = split_path(c.path);
    if (std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }))
        throw change_error("a path is keys joined by single dots" + nearest_paths(root, c.path), c.path);
    char op = 0;
    if (const char last = parts.back().back(); last == '+' || last == '-') {
        op = last;
        parts.back().pop_back();
        if (parts.back().empty()) throw change_error("'+' and '-' follow a list's path", c.path);
    }
    YAML::Node node;
    node.reset(root);  // a mapping, or a keyed list when `field` is one
    std::string pattern;
    const field_info* field = nullptr;
    YAML::Node parent;  // the mapping that holds `node` when it is a keyed list
    std::string parent_key;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& part = parts[i];
        const bool last = i + 1 == parts.size();
        if (field && field->type == field_type::keyed_list) {
            YAML::Node item = find_item(node, part);
            if (last && !op) {
                if (c.value) {
                    put_item(node, part, parse_value(c), c, field->path);
                    return;
                }
                if (!item)
                    throw change_error("there is no item '" + part + "' to remove" + nearest_paths(root, c.path),
                                       c.path);
                YAML::Node kept(YAML::NodeType::Sequence);
                for (const auto& x : node)
                    if (!(x.IsMap() && x["id"] && x["id"].IsScalar() && x["id"].Scalar() == part)) kept.push_back(x);
                parent[parent_key] = kept;
                return;
            }
            if (!item)
                throw change_error("there is no item '" + part + "' in '" + std::string(field->path) + "'" +
                                       nearest_paths(root, c.path),
                                   c.path);
            node.reset(item);
            pattern += ".*";
            field = nullptr;
            continue;
        }
        if (field && field->type != field_type::section)
            throw change_error("'" + std::string(field->path) + "' holds a value, not further keys" +
                                   (field->type == field_type::list
                                        ? "; add or remove its items with '" + std::string(field->path) + "+' or '-'"
                                        : std::string()) +
                                   nearest_paths(root, c.path),
                               c.path);
        const auto child_pattern = pattern_join(pattern, part);
        const field_info* child = part == "*" ? nullptr : find_field(child_pattern);
        if (!child) throw change_error("unknown path" + nearest_paths(root, c.path), c.path);
        if (last) {
            if (op) {
                if (child->type == field_type::section)
                    throw change_error("'" + child_pattern + "' is a mapping, not a list", c.path);
                if (!c.value) throw change_error(std::string("'") + op + "' needs a value", c.path);
                node[part] = list_op(node[part], op, parse_value(c), *child, root, c);
            } else if (!c.value) {
                if (!node[part]) throw change_error("the key is not set; nothing to remove", c.path);
                node.remove(part);
            } else {
                node[part] = parse_value(c);
            }
            return;
        }
        if (!node[part]) {
            if (child->type != field_type::section)
                throw change_error("there is no '" + child_pattern + "' to reach into" + nearest_paths(root, c.path),
                                   c.path);
            node[part] = YAML::Node(YAML::NodeType::Map);
        }
        parent.reset(node);
        parent_key = part;
        node.reset(node[part]);
        pattern = child_pattern;
        field = child;
    }
}

/// Turns a stage-1 key such as "forums[3].seats[2].kind" into a change path such as "forums.lgs.seats.x.kind".
std::string id_path(const YAML::Node& root, const std::string& key) {
    std::string out;
    YAML::Node node;
    node.reset(root);
    std::size_t i = 0;
    while (i < key.size()) {
        if (key[i] == '.') {
            ++i;
            continue;
        }
        if (key[i] == '[') {
            const auto close = key.find(']', i);
            if (close == std::string::npos) return key;
            const auto n = static_cast<std::size_t>(std::stoul(key.substr(i + 1, close - i - 1)));
            if (!node.IsSequence() || n >= node.size()) return key;
            node.reset(node[n]);
            if (node.IsMap() && node["id"] && node["id"].IsScalar())
                out += "." + node["id"].Scalar();
            else
                out += key.substr(i, close - i + 1);
            i = close + 1;
            continue;
        }
        auto end = key.find_first_of(".[", i);
        if (end == std::string::npos) end = key.size();
        const auto name = key.substr(i, end - i);
        out += (out.empty() ? "" : ".") + name;
        if (!node.IsMap() || !node[name]) {
            out += key.substr(end);
            return out;
        }
        node.reset(node[name]);
        i = end;
    }
    return out;
}

// ---- differences ---------------------------------------------------------------------------------

enum class entry_kind { leaf, item, member };

struct entry {
    std::string path;
    std::string pattern;
    entry_kind kind;
    std::string text;
    std::string rule;
};

void flatten(const YAML::Node& node, const std::string& path, const std::string& pattern, std::vector<entry>& out) {
    const field_info* f = pattern.empty() ? nullptr : find_field(pattern);
    if (f && f->type == field_type::keyed_list) {
        for (const auto& item : node) {
            if (!item.IsMap() || !item["id"]) continue;
            const auto item_path = path + "." + item["id"].Scalar();
            out.push_back({item_path, pattern + ".*", entry_kind::item, flow(item), std::string(f->rule)});
            flatten(item, item_path, pattern + ".*", out);
        }
        return;
    }
    if (f && f->type == field_type::list) {
        for (const auto& item : node) {
            const auto rule = item.IsMap() && item["rule"] ? item["rule"].Scalar() : std::string(f->rule);
            out.push_back({path, pattern, entry_kind::member, flow(item), rule});
        }
        return;
    }
    if (f && f->type != field_type::section) {
        out.push_back({path, pattern, entry_kind::leaf, flow(node), std::string(f->rule)});
        return;
    }
    for (const auto& child : ruleset_fields()) {
        if (child.parent() != pattern || child.key() == "*") continue;
        const std::string key(child.key());
        if (node.IsMap() && node[key]) flatten(node[key], pattern_join(path, key), std::string(child.path), out);
    }
}

std::string section_of(const std::string& pattern) {
    auto starts = [&](std::string_view p) { return pattern.rfind(p, 0) == 0; };
    if (starts("forums.*.seats")) return "seats";
    if (starts("forums.*.theme")) return "themes";
    if (starts("relations")) return "relations";
    if (starts("rotation.pools")) return "rotation pools";
    if (starts("meeting") || starts("rotation")) return "parameters";
    if (starts("parties") || starts("bodies") || starts("forums") || starts("roles")) return "structure";
    if (starts("plan")) return "plan";
    if (starts("sources") || starts("assumptions")) return "sources";
    return "version";
}

bool under(const std::string& path, const std::set<std::string>& items) {
    for (auto at = path.rfind('.'); at != std::string::npos; at = path.rfind('.', at - 1)) {
        if (items.count(path.substr(0, at))) return true;
        if (at == 0) break;
    }
    return false;
}

}  // namespace

// ---- change files --------------------------------------------------------------------------------

change_set changes_from_string(std::string_view yaml, const std::string& origin) {
    const std::string text(yaml);
    const YAML::Node root = detail::parse_guarded(text, origin, "a change file needs samverkan_changes, name, changes");
    const detail::context ctx{origin};
    if (!root.IsMap()) ctx.fail(root.Mark(), "", "a change file is a mapping with samverkan_changes, name and changes");
    static constexpr std::array<std::string_view, 7> allowed{"samverkan_changes", "name", "description", "rationale",
                                                             "effective",         "base", "changes"};
    for (const auto& kv : root) {
        const auto key = kv.first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            ctx.fail(kv.first.Mark(), key, "unknown key '" + key + "'" + detail::did_you_mean(key, allowed));
    }
    auto required = [&](const char* key) {
        const YAML::Node n = root[key];
        if (!n || n.IsNull()) ctx.fail(root.Mark(), key, std::string("missing required key '") + key + "'");
        return n;
    };
    auto text_of = [&](const YAML::Node& n, const char* key) {
        if (!n.IsScalar() || n.Scalar().empty()) ctx.fail(n.Mark(), key, "expected text");
        return n.Scalar();
    };
    const auto version = required("samverkan_changes");
    if (!version.IsScalar() || version.Scalar() != std::to_string(supported_changes_schema))
        ctx.fail(version.Mark(), "samverkan_changes",
                 "schema version '" + (version.IsScalar() ? version.Scalar() : std::string("?")) +
                     "' is not supported; this library reads version " + std::to_string(supported_changes_schema));
    change_set set;
    set.origin = origin;
    set.name = text_of(required("name"), "name");
    const bool id_like = std::all_of(set.name.begin(), set.name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (!id_like)
        ctx.fail(root["name"].Mark(), "name",
                 "'" + set.name + "' is not a name: use lower-case letters, digits, '_', '-'");
    if (root["description"] && !root["description"].IsNull())
        set.description = text_of(root["description"], "description");
    if (root["rationale"] && !root["rationale"].IsNull()) set.rationale = text_of(root["rationale"], "rationale");
    if (root["base"] && !root["base"].IsNull()) set.base = text_of(root["base"], "base");
    if (root["effective"] && !root["effective"].IsNull()) {
        const auto& s = text_of(root["effective"], "effective");
        set.effective = parse_iso_date(s);
        if (!set.effective)
            ctx.fail(root["effective"].Mark(), "effective",
                     "'" + s + "' is not a real calendar date (expected YYYY-MM-DD)");
    }
    const auto changes = required("changes");
    if (!changes.IsMap()) ctx.fail(changes.Mark(), "changes", "expected a mapping of path: value");
    if (changes.size() > max_changes)
        ctx.fail(changes.Mark(), "changes", "more than " + std::to_string(max_changes) + " changes; refused");
    for (const auto& kv : changes) {
        if (!kv.first.IsScalar()) ctx.fail(kv.first.Mark(), "changes", "a change's key is a path");
        change c;
        c.path = kv.first.Scalar();
        c.where =
            origin + ":" + std::to_string(kv.first.Mark().line + 1) + ":" + std::to_string(kv.first.Mark().column + 1);
        if (!kv.second.IsNull()) {
            std::string json;
            json_of(kv.second, json);
            c.value = std::move(json);
        }
        set.changes.push_back(std::move(c));
    }
    return set;
}

change_set load_changes(const std::filesystem::path& file) {
    const std::string origin = file.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw ruleset_error("no such file", ruleset_location(origin));
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > max_ruleset_bytes)
        throw ruleset_error("larger than " + std::to_string(max_ruleset_bytes >> 20U) + " MiB; refused",
                            ruleset_location(origin));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ruleset_error("cannot open the file for reading", ruleset_location(origin));
    return changes_from_string(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
                               origin);
}

// ---- a ruleset written out -------------------------------------------------------------------------

std::string to_yaml(const ruleset& rs) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "samverkan_ruleset" << YAML::Value << 1;
    out << YAML::Key << "id" << YAML::Value << rs.id;
    out << YAML::Key << "name" << YAML::Value << rs.name;
    out << YAML::Key << "valid_from" << YAML::Value << to_iso_string(rs.valid_from);
    if (rs.valid_to) out << YAML::Key << "valid_to" << YAML::Value << to_iso_string(*rs.valid_to);
    out << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : rs.sources)
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << s.id << YAML::Key << "file" << YAML::Value
            << s.file << YAML::Key << "title" << YAML::Value << s.title << YAML::EndMap;
    out << YAML::EndSeq;
    if (!rs.assumptions.empty()) {
        out << YAML::Key << "assumptions" << YAML::Value << YAML::BeginSeq;
        for (const auto& a : rs.assumptions) {
            out << YAML::BeginMap << YAML::Key << "key" << YAML::Value << a.key;
            emit_if(out, "rule", a.rule, !a.rule.empty());
            out << YAML::Key << "note" << YAML::Value << a.note << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::Key << "roles" << YAML::Value << YAML::BeginMap << YAML::Key << "samrad" << YAML::Value
        << rs.roles.samrad << YAML::Key << "lgs" << YAML::Value << rs.roles.lgs << YAML::EndMap;
    out << YAML::Key << "parties" << YAML::Value << YAML::BeginSeq;
    for (const auto& p : rs.parties)
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << p.id << YAML::Key << "name"
            << YAML::Value << p.name << YAML::Key << "side" << YAML::Value << std::string(to_string(p.side))
            << YAML::EndMap;
    out << YAML::EndSeq;
    out << YAML::Key << "bodies" << YAML::Value << YAML::BeginSeq;
    for (const auto& b : rs.bodies)
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << b.id << YAML::Key << "name"
            << YAML::Value << b.name << YAML::Key << "party" << YAML::Value << b.party << YAML::Key << "kind"
            << YAML::Value << std::string(to_string(b.kind)) << YAML::EndMap;
    out << YAML::EndSeq;
    out << YAML::Key << "forums" << YAML::Value << YAML::BeginSeq;
    for (const auto& f : rs.forums) emit_forum(out, f);
    out << YAML::EndSeq;
    out << YAML::Key << "relations" << YAML::Value << YAML::BeginSeq;
    for (const auto& r : rs.relations)
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "rule" << YAML::Value << r.rule << YAML::Key << "type"
            << YAML::Value << std::string(to_string(r.type)) << YAML::Key << "from" << YAML::Value << r.from
            << YAML::Key << "to" << YAML::Value << r.to << YAML::EndMap;
    out << YAML::EndSeq;
    out << YAML::Key << "meeting" << YAML::Value;
    emit_parameters(out, rs, "meeting");
    out << YAML::Key << "rotation" << YAML::Value;
    emit_parameters(out, rs, "rotation");
    if (rs.plan_period || !rs.focus_areas.empty() || !rs.equity_groups.empty() || rs.action_plan) {
        out << YAML::Key << "plan" << YAML::Value << YAML::BeginMap;
        if (rs.plan_period)
            out << YAML::Key << "period" << YAML::Value << YAML::BeginMap << YAML::Key << "from" << YAML::Value
                << to_iso_string(rs.plan_period->first) << YAML::Key << "to" << YAML::Value
                << to_iso_string(rs.plan_period->second) << YAML::EndMap;
        emit_items(out, "focus_areas", rs.focus_areas);
        emit_items(out, "equity_groups", rs.equity_groups);
        if (rs.action_plan)
            out << YAML::Key << "action_plan" << YAML::Value << YAML::BeginMap << YAML::Key << "decided_by"
                << YAML::Value << rs.action_plan->decided_by << YAML::EndMap;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

// ---- changes applied -------------------------------------------------------------------------------

ruleset_ptr with_changes(const ruleset& base, std::span<const change> changes, std::optional<date> effective,
                         std::string_view name) {
    if (changes.size() > max_changes)
        throw invalid_argument(std::to_string(changes.size()) + " changes are more than the " +
                               std::to_string(max_changes) + " one call applies; refused");
    if (effective && !base.in_force_on(*effective))
        throw invalid_argument("effective " + to_iso_string(*effective) + " lies outside " + base.id +
                               "'s validity (from " + to_iso_string(base.valid_from) +
                               (base.valid_to ? " to " + to_iso_string(*base.valid_to) : std::string()) + ") [§ 0]");
    const std::string origin = base.origin + " with changes";
    YAML::Node root = YAML::Load(to_yaml(base));
    bool sets_id = false;
    for (const auto& c : changes) {
        apply(root, c);
        sets_id = sets_id || c.path == "id";
    }
    if (!sets_id) root["id"] = base.id + "/" + (name.empty() ? std::string("changed") : std::string(name));
    if (effective) root["valid_from"] = to_iso_string(*effective);
    const std::string text = emit(root);
    ruleset_ptr result;
    try {
        result = detail::read_unchecked(text, origin);
    } catch (const ruleset_error& e) {
        const auto& w = e.where();
        const auto key = id_path(root, w.key);
        // The change whose path is the longest prefix of the faulty key is the one to blame.
        std::string blamed;
        for (const auto& c : changes) {
            auto p = c.path;
            if (!p.empty() && (p.back() == '+' || p.back() == '-')) p.pop_back();
            if ((key == p || key.rfind(p + ".", 0) == 0 || key.rfind(p + "[", 0) == 0) && p.size() > blamed.size())
                blamed = c.path;
        }
        throw change_error(
            e.message() + (key.empty() || key == blamed ? "" : " (at '" + key + "')") +
                (w.rule.empty() ? "" : " [" + w.rule + "]"),
            blamed, w.rule.empty() ? std::vector<problem>{} : std::vector<problem>{{w.rule, e.message(), {0, 0, key}}});
    }
    auto problems = detail::ruleset_problems(result);
    if (!problems.empty()) {
        for (auto& p : problems) p.mark.key = id_path(root, p.mark.key);
        const auto count = std::to_string(problems.size());
        throw change_error("the changes leave " + count + (problems.size() == 1 ? " problem:" : " problems:"), "",
                           std::move(problems));
    }
    return result;
}

ruleset_ptr with_changes(const ruleset& base, const change_set& set) {
    return with_changes(base, set.changes, set.effective, set.name);
}

// ---- differences -------------------------------------------------------------------------------------

std::vector<difference> diff(const ruleset& a, const ruleset& b) {
    std::vector<entry> left;
    std::vector<entry> right;
    flatten(YAML::Load(to_yaml(a)), "", "", left);
    flatten(YAML::Load(to_yaml(b)), "", "", right);
    std::map<std::string, const entry*> left_items;
    std::map<std::string, const entry*> right_items;
    for (const auto& e : left)
        if (e.kind == entry_kind::item) left_items[e.path] = &e;
    for (const auto& e : right)
        if (e.kind == entry_kind::item) right_items[e.path] = &e;
    std::set<std::string> gone;
    std::set<std::string> fresh;
    for (const auto& [p, e] : left_items)
        if (!right_items.count(p)) gone.insert(p);
    for (const auto& [p, e] : right_items)
        if (!left_items.count(p)) fresh.insert(p);

    std::vector<difference> out;
    auto add = [&](const entry& e, std::string kind, std::optional<std::string> before,
                   std::optional<std::string> after) {
        out.push_back({e.path, section_of(e.pattern), std::move(kind), std::move(before), std::move(after), e.rule});
    };
    std::map<std::string, const entry*> right_leaves;
    std::multiset<std::pair<std::string, std::string>> right_members;
    for (const auto& e : right) {
        if (e.kind == entry_kind::leaf) right_leaves[e.path] = &e;
        if (e.kind == entry_kind::member) right_members.insert({e.path, e.text});
    }
    std::map<std::string, bool> left_leaf_paths;
    std::multiset<std::pair<std::string, std::string>> left_members;
    for (const auto& e : left) {
        if (e.kind == entry_kind::member) left_members.insert({e.path, e.text});
        if (under(e.path, gone)) continue;
        if (e.kind == entry_kind::item) {
            if (gone.count(e.path)) add(e, "removed", e.text, std::nullopt);
        } else if (e.kind == entry_kind::leaf) {
            left_leaf_paths[e.path] = true;
            const auto it = right_leaves.find(e.path);
            if (it == right_leaves.end())
                add(e, "removed", e.text, std::nullopt);
            else if (it->second->text != e.text)
                add(e, "changed", e.text, it->second->text);
        } else if (const auto m = right_members.find({e.path, e.text}); m != right_members.end()) {
            right_members.erase(m);
        } else {
            add(e, "removed", e.text, std::nullopt);
        }
    }
    for (const auto& e : right) {
        if (under(e.path, fresh)) continue;
        if (e.kind == entry_kind::item) {
            if (fresh.count(e.path)) add(e, "added", std::nullopt, e.text);
        } else if (e.kind == entry_kind::leaf) {
            if (!left_leaf_paths.count(e.path) && !under(e.path, gone)) add(e, "added", std::nullopt, e.text);
        } else if (const auto m = left_members.find({e.path, e.text}); m != left_members.end()) {
            left_members.erase(m);
        } else {
            add(e, "added", std::nullopt, e.text);
        }
    }
    // In schema order, then by path: the order a reader of the file expects.
    auto rank = [](const difference& d) {
        const auto first = d.path.substr(0, d.path.find('.'));
        std::size_t i = 0;
        for (const auto& f : ruleset_fields()) {
            if (f.path == first) return i;
            ++i;
        }
        return i;
    };
    std::stable_sort(out.begin(), out.end(), [&](const difference& x, const difference& y) {
        const auto rx = rank(x);
        const auto ry = rank(y);
        return rx != ry ? rx < ry : x.path < y.path;
    });
    return out;
}

// ---- the timeline ----------------------------------------------------------------------------------

timeline::timeline() : versions_(embedded_versions()) {}

timeline::timeline(std::vector<ruleset_ptr> versions) : versions_(std::move(versions)) {
    std::stable_sort(versions_.begin(), versions_.end(),
                     [](const ruleset_ptr& a, const ruleset_ptr& b) { return a->valid_from < b->valid_from; });
}

timeline timeline::with_version(ruleset_ptr version) const {
    if (!version) throw invalid_argument("timeline: a version is a ruleset, not null");
    const date start = version->valid_from;
    const date day_before{std::chrono::sys_days{start} - std::chrono::days{1}};
    std::vector<ruleset_ptr> out;
    for (const auto& v : versions_) {
        if (v->valid_from >= start) {
            // A version starting the same day is replaced; a later one still takes over from its own start.
            if (v->valid_from > start) out.push_back(v);
            continue;
        }
        if (!v->valid_to || *v->valid_to >= start) {
            ruleset cut = *v;
            cut.valid_to = day_before;
            out.push_back(freeze(std::move(cut)));
        } else {
            out.push_back(v);
        }
    }
    out.push_back(std::move(version));
    return timeline(std::move(out));
}

timeline timeline::with_changes(const change_set& set) const {
    if (!set.effective) throw invalid_argument("timeline: the change set '" + set.name + "' has no effective date");
    ruleset_ptr base;
    if (!set.base.empty()) {
        for (const auto& v : versions_)
            if (v->id == set.base) base = v;
        if (!base) throw unknown_id("ruleset", set.base);
    } else {
        base = in_force(*set.effective);
    }
    return with_version(samverkan::with_changes(*base, set));
}

ruleset_ptr timeline::in_force(date day) const {
    const auto found =
        std::find_if(versions_.rbegin(), versions_.rend(), [&](const ruleset_ptr& v) { return v->in_force_on(day); });
    if (found != versions_.rend()) return *found;
    std::string known;
    for (const auto& v : versions_)
        known += (known.empty() ? "" : ", ") + v->id + " from " + to_iso_string(v->valid_from) +
                 (v->valid_to ? " to " + to_iso_string(*v->valid_to) : std::string());
    throw no_ruleset_in_force("no version is in force on " + to_iso_string(day) + " (" + known + ")");
}

}  // namespace samverkan
