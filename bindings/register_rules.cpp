// The rule catalogue: samverkan.rules(), samverkan.find_rule(id).
#include <string>

#include <samverkan/rules.hpp>

#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

void register_rules(py::module_& m) {
    py::class_<rule_info>(m, "Rule", "One rule of the specification with the source text it cites.")
        .def_property_readonly("id", [](const rule_info& r) { return std::string(r.id); })
        .def_property_readonly("title", [](const rule_info& r) { return std::string(r.title); })
        .def_property_readonly("statement", [](const rule_info& r) { return std::string(r.statement); })
        .def_property_readonly("source", [](const rule_info& r) { return std::string(r.source); })
        .def_property_readonly("quote", [](const rule_info& r) { return std::string(r.quote); })
        .def_property_readonly("law", [](const rule_info& r) { return std::string(r.law); })
        .def_property_readonly(
            "title_sv", [](const rule_info& r) { return std::string(r.title_sv); }, "The title in Swedish.")
        .def_property_readonly(
            "statement_sv", [](const rule_info& r) { return std::string(r.statement_sv); }, "The rule in Swedish.")
        .def("__repr__",
             [](const rule_info& r) { return "<Rule " + std::string(r.id) + ": " + std::string(r.title) + ">"; });

    m.def(
        "rules",
        [] {
            py::list out;
            for (const auto& r : rules()) out.append(py::cast(&r, py::return_value_policy::reference));
            return out;
        },
        "Every rule of the specification, in the order of its sections.");
    m.def(
        "find_rule",
        [](const std::string& id) -> py::object {
            const rule_info* r = find_rule(id);
            return r ? py::cast(r, py::return_value_policy::reference) : py::none();
        },
        py::arg("id"), "The rule with this id, or None.");
}

}  // namespace samverkan::python
