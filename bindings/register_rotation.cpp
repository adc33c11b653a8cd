// The chair rotation: Term, RotationViolation, and the Ruleset methods the Python layer wraps.
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <pybind11/stl.h>

#include <samverkan/rotation.hpp>

#include "date_caster.hpp"
#include "handles.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

using row_tuple = std::tuple<date, date, std::string, std::string, std::optional<std::string>>;

std::optional<std::string> side_name(const std::optional<side>& s) {
    if (!s) return std::nullopt;
    return std::string(to_string(*s));
}

/// A Python int as a count: any int crosses; a negative one, or one beyond size_t, is an ArgumentError here,
/// and the core refuses the rest of what it cannot take (max_rotation_terms).
std::size_t count_arg(const py::int_& n, const char* what) {
    if (n < py::int_(0))
        throw invalid_argument(std::string(what) + ": must be 0 or more, not " + std::string(py::str(n)));
    const unsigned long long value = PyLong_AsUnsignedLongLong(n.ptr());
    if (PyErr_Occurred() != nullptr || value > std::numeric_limits<std::size_t>::max()) {
        PyErr_Clear();
        throw invalid_argument(std::string(what) + ": " + std::string(py::str(n)) + " is too large");
    }
    return static_cast<std::size_t>(value);
}

}  // namespace

void register_rotation(py::module_& m) {
    py::class_<term>(m, "Term", "One term of office of the chair and vice chair (ROT-1 … ROT-6).")
        .def_readonly("index", &term::index)
        .def_readonly("start", &term::start)
        .def_readonly("end", &term::end)
        .def_readonly("chair", &term::chair)
        .def_readonly("vice_chair", &term::vice_chair)
        .def_property_readonly("chair_side", [](const term& t) { return std::string(to_string(t.chair_side)); })
        .def_property_readonly("vice_side", [](const term& t) { return std::string(to_string(t.vice_side)); })
        .def_property_readonly("lgs_chair_side", [](const term& t) { return side_name(t.lgs_chair_side); })
        .def_property_readonly("rules", [](const term& t) { return t.why.rule_ids(); })
        .def(
            "explain", [](const term& t) { return t.why.render(); }, "Which rule placed which side and which holder.")
        .def("__repr__", [](const term& t) {
            return "<Term " + std::to_string(t.index) + " " + to_iso_string(t.start) + " – " + to_iso_string(t.end) +
                   ": chair " + t.chair + ", vice " + t.vice_chair + ">";
        });

    py::class_<rotation_violation>(m, "RotationViolation", "A finding of validate_rotation.")
        .def_readonly("rule", &rotation_violation::rule)
        .def_readonly("term_index", &rotation_violation::term_index)
        .def_property_readonly("severity", [](const rotation_violation& v) { return std::string(to_string(v.level)); })
        .def_readonly("message", &rotation_violation::message)
        .def("__repr__", [](const rotation_violation& v) {
            return "<RotationViolation " + v.rule + " " + std::string(to_string(v.level)) + ": " + v.message + ">";
        });

    m.attr("max_rotation_terms") = max_rotation_terms;
    m.def(
        "rotation_schedule",
        [](const ruleset_handle& h, const py::int_& terms, std::optional<date> from) {
            return rotation_schedule(*h.rules, count_arg(terms, "terms"), from);
        },
        py::arg("ruleset"), py::arg("terms"), py::arg("start"),
        "The proposed schedule: `terms` terms from the anchor, or from the term in force on `start`.");
    m.def(
        "term_on", [](const ruleset_handle& h, date day) { return term_on(*h.rules, day); }, py::arg("ruleset"),
        py::arg("day"), "The term in force on a date (RuleViolation ROT-6 before the first).");
    m.def(
        "next_chair_term",
        [](const ruleset_handle& h, const std::string& body_id, date from) {
            return next_chair_term(*h.rules, body_id, from);
        },
        py::arg("ruleset"), py::arg("body"), py::arg("after"),
        "The term in force on `after`, or the first later one, in which the body holds the chair.");
    m.def(
        "validate_rotation",
        [](const ruleset_handle& h, const std::vector<row_tuple>& rows) {
            std::vector<schedule_row> parsed;
            for (const auto& [start, end, chair, vice, lgs] : rows) {
                std::optional<side> lgs_side;
                if (lgs) {
                    lgs_side = enum_from_string<side>(*lgs);
                    if (!lgs_side)
                        throw rule_violation("ROT-4", "term " + std::to_string(parsed.size()) + ": lgs_chair_side '" +
                                                          *lgs + "' is not municipal or region");
                }
                parsed.push_back({start, end, chair, vice, lgs_side});
            }
            return validate_rotation(*h.rules, parsed);
        },
        py::arg("ruleset"), py::arg("rows"), "Every violation of ROT-1 … ROT-6 in a schedule, in row order.");
}

}  // namespace samverkan::python
