// Policy changes: samverkan._core.ChangeSet, Difference, Timeline, Ruleset.with_changes / to_yaml, diff,
// load_changes, and the schema table.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <samverkan/changes.hpp>
#include <samverkan/schema.hpp>

#include "date_caster.hpp"
#include "handles.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

/// A Python value as JSON text (YAML reads it): dates as YYYY-MM-DD.
std::string value_text(const std::string& path, const py::handle& value) {
    // Looked up per call: a static py::object would be released after the interpreter has finalized.
    const py::object dumps = py::module_::import("json").attr("dumps");
    const py::cpp_function iso([](const py::object& v) -> py::object {
        if (py::hasattr(v, "isoformat")) return v.attr("isoformat")();
        throw py::type_error("not JSON");
    });
    try {
        return dumps(value, py::arg("ensure_ascii") = false, py::arg("default") = iso).cast<std::string>();
    } catch (const py::error_already_set&) {
        throw invalid_argument("change '" + path + "': the value " + py::repr(value).cast<std::string>() +
                               " is not text, a number, true/false, a date, a list or a mapping");
    }
}

std::vector<change> changes_of(const py::handle& changes) {
    if (!py::isinstance<py::dict>(changes) && !py::hasattr(changes, "items"))
        throw py::type_error("changes: a mapping of path to value, e.g. {'meeting.quorum': 'two_thirds'}");
    std::vector<change> out;
    for (const auto& item : changes.attr("items")()) {
        const auto pair = item.cast<py::tuple>();
        if (!py::isinstance<py::str>(pair[0]))
            throw invalid_argument("changes: each path is a string such as 'meeting.quorum', got " +
                                   py::repr(pair[0]).cast<std::string>());
        change c;
        c.path = pair[0].cast<std::string>();
        if (!pair[1].is_none()) c.value = value_text(c.path, pair[1]);
        out.push_back(std::move(c));
        if (out.size() > max_changes)
            throw invalid_argument("more than " + std::to_string(max_changes) + " changes; refused");
    }
    return out;
}

/// A ChangeSet given as such, or built from a mapping.
change_set set_of(const py::handle& changes) {
    if (py::isinstance<change_set>(changes)) return changes.cast<change_set>();
    change_set set;
    set.changes = changes_of(changes);
    return set;
}

/// A date given as datetime.date, datetime.datetime or "YYYY-MM-DD" (as everywhere in the Python API).
std::optional<date> date_arg(const py::object& value) {
    if (value.is_none()) return std::nullopt;
    const py::object to_date = py::module_::import("samverkan._dates").attr("to_date");
    return to_date(value).cast<date>();
}

py::object value_object(const std::optional<std::string>& text) {
    if (!text) return py::none();
    return py::module_::import("json").attr("loads")(*text);
}

py::dict field_dict(const field_info& f) {
    static constexpr std::array<const char*, 12> types{"id",        "text",    "date",       "integer",
                                                       "boolean",   "choice",  "quorum",     "id_list",
                                                       "text_list", "section", "keyed_list", "list"};
    py::dict d;
    d["path"] = std::string(f.path);
    d["type"] = types[static_cast<std::size_t>(f.type)];
    d["required"] = f.required;
    d["rule"] = std::string(f.rule);
    d["meaning"] = std::string(f.meaning);
    d["presence"] = std::string(f.presence);
    d["lo"] = f.lo;
    d["hi"] = f.hi;
    py::list choices;
    for (const auto& c : f.choices) choices.append(std::string(c));
    d["choices"] = choices;
    d["parameter"] = f.is_parameter();
    d["default"] = f.is_parameter() ? py::object(py::str(to_text(default_value(f)))) : py::object(py::none());
    return d;
}

}  // namespace

void register_changes(py::module_& m) {
    py::class_<change_set>(m, "ChangeSet", "A named set of changes to a ruleset, as a change file holds it.")
        .def(py::init([](const py::object& changes, const std::string& name, const std::string& description,
                         const std::string& rationale, const py::object& effective, const std::string& base) {
                 change_set set;
                 set.changes = changes_of(changes);
                 set.name = name;
                 set.description = description;
                 set.rationale = rationale;
                 set.effective = date_arg(effective);
                 set.base = base;
                 return set;
             }),
             py::arg("changes"), py::kw_only(), py::arg("name") = "changed", py::arg("description") = "",
             py::arg("rationale") = "", py::arg("effective") = py::none(), py::arg("base") = "")
        .def_readonly("name", &change_set::name)
        .def_readonly("description", &change_set::description)
        .def_readonly("rationale", &change_set::rationale)
        .def_readonly("effective", &change_set::effective)
        .def_property_readonly(
            "base", [](const change_set& s) { return s.base.empty() ? py::object(py::none()) : py::str(s.base); })
        .def_readonly("origin", &change_set::origin)
        .def_property_readonly(
            "changes",
            [](const change_set& s) {
                py::dict d;
                for (const auto& c : s.changes) d[py::str(c.path)] = value_object(c.value);
                return d;
            },
            "Path → value (None removes), in the order given.")
        .def("__len__", [](const change_set& s) { return s.changes.size(); })
        .def("__repr__", [](const change_set& s) {
            return "<ChangeSet " + s.name + ": " + std::to_string(s.changes.size()) + " changes" +
                   (s.effective ? ", effective " + to_iso_string(*s.effective) : std::string()) + ">";
        });

    m.def(
        "load_changes", [](const std::filesystem::path& path) { return load_changes(path); }, py::arg("path"),
        "Reads a change file (samverkan_changes: 1); RulesetError names file, line, column and key.");
    m.def(
        "load_changes_string",
        [](const std::string& text, const std::string& origin) { return changes_from_string(text, origin); },
        py::arg("text"), py::arg("origin") = "<string>", "As load_changes, from text.");

    py::class_<difference>(m, "Difference", "One difference between two rulesets.")
        .def_readonly("path", &difference::path)
        .def_readonly("section", &difference::section)
        .def_readonly("kind", &difference::kind)
        .def_readonly("before", &difference::before)
        .def_readonly("after", &difference::after)
        .def_readonly("rule", &difference::rule)
        .def("__repr__", [](const difference& d) { return "<Difference " + d.kind + " " + d.path + ">"; });

    m.def(
        "_diff",
        [](const ruleset_handle& a, const ruleset_handle& b) {
            py::gil_scoped_release release;
            return diff(*a.rules, *b.rules);
        },
        py::arg("a"), py::arg("b"));

    m.def("_ruleset_fields", [] {
        py::list out;
        for (const auto& f : ruleset_fields()) out.append(field_dict(f));
        return out;
    });

    auto rs = py::reinterpret_borrow<py::class_<ruleset_handle, std::shared_ptr<ruleset_handle>>>(m.attr("Ruleset"));
    rs.def(
          "with_changes",
          [](const ruleset_handle& h, const py::object& changes, const py::object& effective) {
              auto set = set_of(changes);
              if (!effective.is_none()) set.effective = date_arg(effective);
              return std::make_shared<ruleset_handle>(with_changes(*h.rules, set));
          },
          py::arg("changes"), py::arg("effective") = py::none(),
          "A new ruleset with the changes applied ({'meeting.quorum': 'two_thirds', ...} or a ChangeSet), checked "
          "as a loaded one; this one is untouched. Raises ChangeError.")
        .def(
            "to_yaml", [](const ruleset_handle& h) { return to_yaml(*h.rules); },
            "The ruleset as a ruleset file, every default written out; load_string reads it back equal.");

    py::class_<timeline>(m, "Timeline", "The versions of the rules over time: the embedded ones and dated changes.")
        .def(py::init([](const std::optional<std::vector<std::shared_ptr<ruleset_handle>>>& versions) {
                 if (!versions) return timeline();
                 std::vector<ruleset_ptr> rules;
                 for (const auto& v : *versions) {
                     if (!v) throw invalid_argument("Timeline: versions are rulesets, not None");
                     rules.push_back(v->rules);
                 }
                 return timeline(std::move(rules));
             }),
             py::arg("versions") = std::nullopt)
        .def(
            "with_changes",
            [](const timeline& t, const py::object& changes, const py::object& effective) {
                auto set = set_of(changes);
                if (!effective.is_none()) set.effective = date_arg(effective);
                return t.with_changes(set);
            },
            py::arg("changes"), py::arg("effective") = py::none(),
            "A timeline where the changes apply from their effective date to the version in force then.")
        .def(
            "with_version",
            [](const timeline& t, const ruleset_handle& version) { return t.with_version(version.rules); },
            py::arg("version"))
        .def(
            "load",
            [](const timeline& t, const py::object& on) {
                return std::make_shared<ruleset_handle>(t.in_force(*date_arg(on)));
            },
            py::arg("on"), "The version in force on the day; raises NoRulesetInForce.")
        .def_property_readonly("versions",
                               [](const timeline& t) {
                                   std::vector<std::shared_ptr<ruleset_handle>> out;
                                   for (const auto& v : t.versions())
                                       out.push_back(std::make_shared<ruleset_handle>(v));
                                   return out;
                               })
        .def("__len__", [](const timeline& t) { return t.versions().size(); })
        .def("__repr__", [](const timeline& t) {
            std::string out = "<Timeline";
            for (const auto& v : t.versions()) out += " " + v->id + "@" + to_iso_string(v->valid_from);
            return out + ">";
        });
}

}  // namespace samverkan::python
