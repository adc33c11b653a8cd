// Rulesets and their parts: samverkan._core.Ruleset, Forum, Seat, Body, Party, load, load_default.
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <samverkan/changes.hpp>
#include <samverkan/detail/nearest.hpp>
#include <samverkan/load.hpp>
#include <samverkan/quorum.hpp>
#include <samverkan/ruleset_check.hpp>
#include <samverkan/schema.hpp>

#include "date_caster.hpp"
#include "enum_arg.hpp"
#include "handles.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

template <class E>
std::string name(E value) {
    return std::string(to_string(value));
}

py::object parameter_object(const field_value& v) {
    return std::visit([](const auto& x) { return py::cast(x); }, v);
}

/// The parameters under `path` (meeting, rotation) as nested dicts, read through the schema table.
py::dict parameters_dict(const ruleset& rs, std::string_view path) {
    py::dict d;
    for (const auto& f : ruleset_fields()) {
        if (f.parent() != path) continue;
        d[py::str(std::string(f.key()))] =
            f.type == field_type::section ? py::object(parameters_dict(rs, f.path)) : parameter_object(f.get(rs));
    }
    return d;
}

/// The YAML a ruleset came from: kept for load_string, the embedded file's text, or the file read again.
std::optional<std::string> source_text(const ruleset_handle& h) {
    if (h.text) return *h.text;
    for (const auto& e : embedded_rulesets())
        if (h.rules->origin == std::string(e.name) + " (embedded)") return std::string(e.text);
    std::ifstream file(h.rules->origin, std::ios::binary);
    if (!file) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

py::object theme_dict(const std::optional<theme_criteria>& t) {
    if (!t) return py::none();
    py::dict d;
    d["label"] = t->label;
    d["rule"] = t->rule;
    d["min_age"] = t->min_age ? py::object(py::int_(*t->min_age)) : py::object(py::none());
    d["max_age"] = t->max_age ? py::object(py::int_(*t->max_age)) : py::object(py::none());
    d["needs"] = t->needs;
    d["description"] = t->description;
    return d;
}

py::list plan_items(const std::vector<plan_item>& items) {
    py::list out;
    for (const auto& i : items) out.append(py::dict(py::arg("id") = i.id, py::arg("name") = i.name));
    return out;
}

}  // namespace

void register_ruleset(py::module_& m) {
    py::class_<party>(m, "Party", "A principal (huvudman): the region or a municipality.")
        .def_readonly("id", &party::id)
        .def_readonly("name", &party::name)
        .def_property_readonly("side", [](const party& p) { return name(p.side); })
        .def("__repr__", [](const party& p) { return "<Party " + p.id + " (" + name(p.side) + ")>"; });

    py::class_<body>(m, "Body", "A political body holding seats: a municipality, a purchaser or a provider board.")
        .def_readonly("id", &body::id)
        .def_readonly("name", &body::name)
        .def_readonly("party", &body::party)
        .def_property_readonly("kind", [](const body& b) { return name(b.kind); })
        .def_property_readonly("side", [](const body& b) { return name(b.side); })
        .def("__repr__",
             [](const body& b) { return "<Body " + b.id + " (" + name(b.kind) + ", " + name(b.side) + ")>"; });

    py::class_<seat>(m, "Seat", "A seat of a forum: ordinary (ordinarie) or substitute (ersättare).")
        .def_readonly("id", &seat::id)
        .def_property_readonly("kind", [](const seat& s) { return name(s.kind); })
        .def_readonly("body", &seat::body)
        .def_readonly("party", &seat::party)
        .def_property_readonly("side", [](const seat& s) { return name(s.side); })
        .def_readonly("index", &seat::index)
        .def("__repr__", [](const seat& s) {
            return "<Seat " + std::to_string(s.index) + " " + s.id + " (" + name(s.kind) + ", " + s.body + ")>";
        });

    py::class_<forum>(m, "Forum", "A forum of the collaboration.")
        .def_readonly("id", &forum::id)
        .def_readonly("name", &forum::name)
        .def_property_readonly("level", [](const forum& f) { return name(f.level); })
        .def_readonly("aliases", &forum::aliases)
        .def_readonly("description", &forum::description)
        .def_readonly("source", &forum::source)
        .def_readonly("seats", &forum::seats)
        .def_property_readonly("offices",
                               [](const forum& f) {
                                   py::list out;
                                   for (const auto& o : f.offices) out.append(py::make_tuple(o.forum, name(o.role)));
                                   return out;
                               })
        .def_property_readonly("theme", [](const forum& f) { return theme_dict(f.theme); })
        .def(
            "count", [](const forum& f, const std::string& kind) { return f.count(enum_arg<seat_kind>(kind, "kind")); },
            py::arg("kind"), "How many seats of this kind ('ordinary' or 'substitute').")
        .def("__repr__", [](const forum& f) { return "<Forum " + f.id + " (" + name(f.level) + ")>"; });

    py::class_<ruleset_handle, std::shared_ptr<ruleset_handle>>(
        m, "Ruleset", "One version of the governance rules, valid from a date.")
        .def_property_readonly("id", [](const ruleset_handle& h) { return h.rules->id; })
        .def_property_readonly("name", [](const ruleset_handle& h) { return h.rules->name; })
        .def_property_readonly("valid_from", [](const ruleset_handle& h) { return h.rules->valid_from; })
        .def_property_readonly("valid_to", [](const ruleset_handle& h) { return h.rules->valid_to; })
        .def_property_readonly("origin", [](const ruleset_handle& h) { return h.rules->origin; })
        .def_property_readonly("structure", [](const ruleset_handle& h) { return h.graph; })
        .def_property_readonly("parties", [](const ruleset_handle& h) { return h.rules->parties; })
        .def_property_readonly("bodies", [](const ruleset_handle& h) { return h.rules->bodies; })
        .def_property_readonly("forums", [](const ruleset_handle& h) { return h.rules->forums; })
        .def(
            "forum", [](const ruleset_handle& h, const std::string& id) { return h.rules->forum_by_id(id); },
            py::arg("forum_id"))
        .def(
            "body", [](const ruleset_handle& h, const std::string& id) { return h.rules->body_by_id(id); },
            py::arg("body_id"))
        .def(
            "seats",
            [](const ruleset_handle& h, const std::optional<std::string>& id) {
                return h.rules->forum_by_id(id.value_or(h.rules->meeting.forum)).seats;
            },
            py::arg("forum_id") = py::none(),
            "The forum's seats (default: the forum the meeting rules govern), indexed 0…n-1 in the ruleset's order.")
        .def(
            "quorum_threshold",
            [](const ruleset_handle& h) {
                return quorum_threshold(h.rules->meeting.quorum,
                                        h.rules->forum_by_id(h.rules->meeting.forum).count(seat_kind::ordinary));
            },
            "QRM-3: the least number of ordinary seats of the meeting forum that must be served.")
        .def(
            "in_force_on", [](const ruleset_handle& h, date d) { return h.rules->in_force_on(d); }, py::arg("day"))
        .def_property_readonly("meeting", [](const ruleset_handle& h) { return parameters_dict(*h.rules, "meeting"); })
        .def_property_readonly("rotation_parameters",
                               [](const ruleset_handle& h) { return parameters_dict(*h.rules, "rotation"); })
        .def_property_readonly(
            "sources",
            [](const ruleset_handle& h) {
                py::list out;
                for (const auto& s : h.rules->sources)
                    out.append(py::dict(py::arg("id") = s.id, py::arg("file") = s.file, py::arg("title") = s.title));
                return out;
            })
        .def_property_readonly(
            "assumptions",
            [](const ruleset_handle& h) {
                py::list out;
                for (const auto& a : h.rules->assumptions)
                    out.append(py::dict(py::arg("key") = a.key, py::arg("rule") = a.rule, py::arg("note") = a.note));
                return out;
            })
        .def_property_readonly("plan_period", [](const ruleset_handle& h) { return h.rules->plan_period; })
        .def_property_readonly("focus_areas", [](const ruleset_handle& h) { return plan_items(h.rules->focus_areas); })
        .def_property_readonly("equity_groups",
                               [](const ruleset_handle& h) { return plan_items(h.rules->equity_groups); })
        .def_property_readonly("source_text", &source_text,
                               "The YAML text the ruleset was read from (embedded, a file or load_string), or None.")
        .def("__repr__", [](const ruleset_handle& h) {
            return "<Ruleset " + h.rules->id + " valid from " + to_iso_string(h.rules->valid_from) +
                   (h.rules->valid_to ? " to " + to_iso_string(*h.rules->valid_to) : std::string()) + ">";
        });

    m.def(
        "load", [](const std::filesystem::path& p) { return std::make_shared<ruleset_handle>(load(p)); },
        py::arg("path"),
        "Reads and checks a ruleset file; raises RulesetError naming file, line, column, key and rule.");
    m.def(
        "load_string",
        [](const std::string& text, const std::string& origin) {
            auto h = std::make_shared<ruleset_handle>(load_from_string(text, origin));
            h->text = std::make_shared<const std::string>(text);
            return h;
        },
        py::arg("text"), py::arg("origin") = "<string>", "As load(), from YAML text.");
    m.def(
        "load_default", [](date on) { return std::make_shared<ruleset_handle>(load_default(on)); }, py::arg("on"),
        "The embedded ruleset in force on a date; raises NoRulesetInForce when there is none.");
    m.def(
        "embedded_versions",
        [] {
            std::vector<std::shared_ptr<ruleset_handle>> out;
            for (const auto& r : embedded_versions()) out.push_back(std::make_shared<ruleset_handle>(r));
            return out;
        },
        "Every embedded ruleset, ordered by valid_from.");
}

}  // namespace samverkan::python
