// The structure graph: samverkan.Structure and what its queries return.
#include <optional>
#include <string>

#include <pybind11/stl.h>

#include <samverkan/structure.hpp>
#include <samverkan/structure_dot.hpp>

#include "enum_arg.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

void register_structure(py::module_& m) {
    py::class_<problem>(m, "Problem", "A finding of a check: the rule it breaks, what is wrong and where.")
        .def_property_readonly("rule",
                               [](const problem& p) -> py::object {
                                   return p.rule.empty() ? py::object(py::none()) : py::object(py::str(p.rule));
                               })
        .def_readonly("message", &problem::message)
        .def_property_readonly("line",
                               [](const problem& p) -> py::object {
                                   return p.mark.line > 0 ? py::object(py::int_(p.mark.line)) : py::object(py::none());
                               })
        .def_property_readonly("column",
                               [](const problem& p) -> py::object {
                                   return p.mark.column > 0 ? py::object(py::int_(p.mark.column))
                                                            : py::object(py::none());
                               })
        .def_property_readonly("key", [](const problem& p) { return p.mark.key; })
        .def("__repr__", [](const problem& p) { return "<Problem " + p.rule + ": " + p.message + ">"; });

    py::class_<structure_edge>(m, "Edge", "One edge of the structure graph.")
        .def_readonly("source", &structure_edge::from)
        .def_readonly("target", &structure_edge::to)
        .def_property_readonly("type", [](const structure_edge& e) { return std::string(to_string(e.type)); })
        .def_readonly("rule", &structure_edge::rule)
        .def("__repr__", [](const structure_edge& e) {
            return "<Edge " + e.from + " " + std::string(to_string(e.type)) + " " + e.to + " (" + e.rule + ")>";
        });

    py::class_<structure, std::shared_ptr<structure>>(
        m, "Structure",
        "Forums and bodies as a graph: who prepares for, reports to, appoints, supports, adopts for and is anchored in "
        "whom.")
        .def(
            "forums",
            [](const structure& s, std::optional<std::string> at) {
                return s.forums(at ? std::optional<level>(enum_arg<level>(*at, "level")) : std::nullopt);
            },
            py::arg("level") = py::none(),
            "Forum ids in ruleset order; level: 'political', 'strategic', 'operational' or 'support'.")
        .def("preparers_of", &structure::preparers_of, py::arg("forum_id"),
             "Who prepares the forum's matters (STR-1, STR-2).")
        .def("adopters_of", &structure::adopters_of, py::arg("forum_id"),
             "The bodies that must adopt the forum's directional positions (CNS-5).")
        .def("anchoring", &structure::anchoring, py::arg("forum_id"),
             "The bodies whose members carry information both ways between the forum and their home organisation "
             "(STR-9); from the seats.")
        .def(
            "appointer_of",
            [](const structure& s, const std::string& forum_id, const std::string& role) -> std::optional<py::tuple> {
                const auto a = s.appointer_of(forum_id, enum_arg<office_role>(role, "role"));
                if (!a) return std::nullopt;
                return py::make_tuple(a->by, a->rule);
            },
            py::arg("forum_id"), py::arg("role"),
            "(who appoints, rule) for the holder of a forum's office, 'chair' or 'vice_chair' (CMP-5); None where "
            "the ruleset does not say.")
        .def("action_plan_decider", &structure::action_plan_decider,
             "The forum that decides the handlingsplan and follows it up yearly (STR-3); None when there is none.")
        .def("path", &structure::path, py::arg("from_id"), py::arg("to_id"),
             "The ids along which a question travels from one forum or body to another; [] when none.")
        .def("reaches", &structure::reaches, py::arg("from_id"), py::arg("to_id"))
        .def("edges", &structure::edges, "Every edge, with its type and rule id.")
        .def("validate", &structure::validate, "The structure rules broken (STR-1, STR-4, STR-7); [] when valid.")
        .def(
            "to_dot", [](const structure& s) { return to_dot(s); }, "The graph in Graphviz DOT.")
        .def("__repr__", [](const structure& s) {
            return "<Structure of " + s.rules().id + ": " + std::to_string(s.rules().forums.size()) + " forums, " +
                   std::to_string(s.rules().bodies.size()) + " bodies>";
        });
}

}  // namespace samverkan::python
