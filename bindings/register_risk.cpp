// Attendance risk: samverkan._core.quorum_probability and AttendanceRisk. The attendance arguments (one
// number, a dict by seat id or a sequence in seat order; known absences) become one probability per seat
// here, in one pass, and risk.hpp decides the rest.
#include <array>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pybind11/stl.h>
#include <range/v3/view/transform.hpp>

#include <samverkan/detail/nearest.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/kernel.hpp>
#include <samverkan/risk.hpp>

#include "handles.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

/// A forum's attendance risk, with the compiled forum its figures are measured against.
struct risk_result {
    attendance_risk risk;
    compiled_forum_ptr forum;
};

constexpr const char* quorum_probability_doc =
    "P(an item of the forum is quorate) and P(served == k), each seat present independently with the given "
    "probability (QRM-2, QRM-3); samverkan.quorum_probability documents the arguments.";

std::string type_name(const py::handle& value) {
    return std::string(py::str(py::type::handle_of(value).attr("__name__")));
}

/// The value of a Python number (not a bool, not text); nullopt for anything else.
std::optional<double> number(const py::handle& value) {
    PyObject* o = value.ptr();
    if (PyFloat_Check(o)) return PyFloat_AS_DOUBLE(o);
    if (PyBool_Check(o) || PyUnicode_Check(o) || PyBytes_Check(o)) return std::nullopt;
    if (PyLong_Check(o)) {
        const double d = PyLong_AsDouble(o);
        if (d == -1.0 && PyErr_Occurred()) {  // too large for a double: out of range all the same
            PyErr_Clear();
            return std::numeric_limits<double>::infinity();
        }
        return d;
    }
    if (!PyNumber_Check(o)) return std::nullopt;
    const double d = PyFloat_AsDouble(o);  // NumPy scalars and other numbers with __float__
    if (d == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        return std::nullopt;
    }
    return d;
}

/// The shortest text of a probability, for messages.
std::string text_of(double value) { return detail::number_text(value); }

/// A probability in [0, 1] named `what` in messages.
double probability(const py::handle& value, const std::string& what) {
    const auto p = number(value);
    if (!p) throw py::type_error(what + ": expected a probability (a number between 0 and 1), got " + type_name(value));
    if (!(*p >= 0.0 && *p <= 1.0))
        throw invalid_argument(what + " is " + text_of(*p) + "; a probability lies between 0 and 1");
    return *p;
}

/// The index of a seat named in an argument; RGT-4 (as a meeting refuses it) for an id that holds no seat.
std::uint16_t seat_index(const compiled_forum& cf, const py::handle& key, const char* argument, const char* action) {
    if (!PyUnicode_Check(key.ptr()))
        throw py::type_error(std::string(argument) + ": seat ids are text, got " + type_name(key));
    const auto id = key.cast<std::string>();
    if (const auto i = cf.find(id)) return *i;
    // RGT-4: a person who holds no seat cannot take part at all.
    throw not_permitted("RGT-4", "'" + id + "' holds no seat in " + cf.source->id + " and cannot " + action +
                                     detail::did_you_mean(id, cf.source->seats | ranges::views::transform(&seat::id)));
}

/// known_absent: seat ids, each once; None is none, and a lone string is refused (it is not a list of ids).
seat_mask known_absent_arg(const compiled_forum& cf, const py::handle& value) {
    seat_mask out;
    if (value.is_none() ||
        ((PyTuple_Check(value.ptr()) || PyList_Check(value.ptr())) && PySequence_Size(value.ptr()) == 0))
        return out;
    if (PyUnicode_Check(value.ptr()))
        throw py::type_error("known_absent: expected a list of seat ids, got the string '" + value.cast<std::string>() +
                             "'");
    if (!py::isinstance<py::iterable>(value))
        throw py::type_error("known_absent: expected a list of seat ids, got " + type_name(value));
    for (const auto& item : value) {
        const auto i = seat_index(cf, item, "known_absent", "send apologies");
        if (out.test(i)) throw invalid_argument("seat '" + cf.at(i).id + "' is given twice in known_absent");
        out.set(i);
    }
    return out;
}

/// "'a', 'b', 'c' and 4 more", for messages.
std::string some_ids(const compiled_forum& cf, const std::vector<std::uint16_t>& seats) {
    std::string out;
    const std::size_t shown = std::min<std::size_t>(seats.size(), 3);
    for (std::size_t k = 0; k < shown; ++k) out += (k ? ", '" : "'") + cf.at(seats[k]).id + "'";
    if (seats.size() > shown) out += " and " + std::to_string(seats.size() - shown) + " more";
    return out;
}

/// One probability per seat from the arguments of quorum_probability, checked before any work.
std::vector<double> attendance_arg(const compiled_forum& cf, const py::handle& attendance,
                                   const py::handle& substitute_attendance, const py::handle& known_absent) {
    const seat_mask absent = known_absent_arg(cf, known_absent);
    std::optional<double> substitutes;
    if (!substitute_attendance.is_none()) substitutes = probability(substitute_attendance, "substitute_attendance");
    std::vector<double> p(cf.seats);

    // Which form attendance takes; a Mapping other than dict is read as a dict.
    enum class form { number, mapping, sequence } how = form::sequence;
    py::handle given = attendance;
    py::object as_dict;
    PyObject* o = attendance.ptr();
    const bool scalar = (PyFloat_Check(o) || PyLong_Check(o)) && !PyBool_Check(o);
    const bool text = PyUnicode_Check(o) || PyBytes_Check(o);  // no number: refused just below
    if (PyDict_Check(o)) {
        how = form::mapping;
    } else if (!scalar && !text && !PyList_Check(o) && !PyTuple_Check(o) &&
               py::isinstance(attendance, py::module_::import("collections.abc").attr("Mapping"))) {
        how = form::mapping;
        as_dict = py::dict(py::reinterpret_borrow<py::object>(attendance));
        given = as_dict;
    } else if (scalar || text || !PySequence_Check(o)) {
        how = form::number;  // NumPy scalars and other numbers too; anything else is refused as a TypeError
    }
    if (how == form::number && !number(given))
        throw py::type_error(
            "attendance: expected a probability, a dict of seat id -> probability or a sequence of one probability "
            "per seat, got " +
            type_name(given));

    if (how == form::number) {
        // One rate for every seat; substitute_attendance for the substitutes (ersättare) if given.
        const double all = probability(given, "attendance");
        for (std::size_t i = 0; i < cf.seats; ++i) p[i] = substitutes && cf.substitute.test(i) ? *substitutes : all;
    } else if (how == form::mapping) {
        seat_mask named;
        for (const auto& [key, value] : py::reinterpret_borrow<py::dict>(given)) {
            const auto i = seat_index(cf, key, "attendance", "attend");
            p[i] = probability(value, "attendance['" + cf.at(i).id + "']");
            named.set(i);
        }
        std::vector<std::uint16_t> missing;
        for (std::size_t i = 0; i < cf.seats; ++i) {
            if (named.test(i) || absent.test(i)) continue;
            if (substitutes && cf.substitute.test(i))
                p[i] = *substitutes;
            else
                missing.push_back(static_cast<std::uint16_t>(i));
        }
        if (!missing.empty())
            throw invalid_argument(
                "attendance gives no probability for " + some_ids(cf, missing) +
                "; a dict names every seat not in known_absent" +
                (substitutes ? std::string() : std::string(" (substitute_attendance= covers the substitutes)")));
    } else {
        const Py_ssize_t n = PySequence_Size(given.ptr());
        if (n < 0) throw py::error_already_set();
        if (static_cast<std::size_t>(n) != cf.seats)
            throw invalid_argument("attendance has " + std::to_string(n) + (n == 1 ? " entry; " : " entries; ") +
                                   cf.source->id + " has " + std::to_string(cf.seats) +
                                   " seats, one entry each in the order of ruleset.seats()");
        if (substitutes)
            throw invalid_argument(
                "substitute_attendance applies when attendance is one number or a dict; a sequence already gives "
                "every seat");
        const auto items = py::reinterpret_steal<py::object>(PySequence_Fast(given.ptr(), "attendance"));
        if (!items) throw py::error_already_set();
        if (static_cast<std::size_t>(PySequence_Fast_GET_SIZE(items.ptr())) != cf.seats)
            throw invalid_argument("attendance changed its length while it was read");
        PyObject** values = PySequence_Fast_ITEMS(items.ptr());
        for (std::size_t i = 0; i < cf.seats; ++i) {
            if (PyFloat_Check(values[i])) {  // the common case, without building a name for messages
                p[i] = PyFloat_AS_DOUBLE(values[i]);
                if (p[i] >= 0.0 && p[i] <= 1.0) continue;
            }
            p[i] = probability(values[i], "attendance[" + std::to_string(i) + "] (seat '" + cf.at(i).id + "')");
        }
    }
    absent.for_each([&](std::size_t i) { p[i] = 0.0; });  // anmält förhinder
    return p;
}

std::string repr(const risk_result& r) {
    std::array<char, 96> figures{};
    std::snprintf(figures.data(), figures.size(), "P(quorate) = %.4f, %.2f of %zu ordinary seats served on average",
                  r.risk.quorate, r.risk.expected_served(), r.forum->ordinary_count);
    return "<AttendanceRisk " + r.forum->source->id + ": " + figures.data() + ">";
}

py::list distribution_list(const risk_result& r) {
    const auto& d = r.risk.distribution;
    py::list out(d.size());
    for (std::size_t k = 0; k < d.size(); ++k) PyList_SET_ITEM(out.ptr(), k, PyFloat_FromDouble(d[k]));
    return out;
}

}  // namespace

void register_risk(py::module_& m) {
    py::class_<risk_result>(m, "AttendanceRisk",
                            "How likely an item is quorate (QRM-3) and how many ordinary seats are served (QRM-2).")
        .def_property_readonly(
            "quorate", [](const risk_result& r) { return r.risk.quorate; },
            "P(the item is quorate): the quorum figure reached and, if the ruleset asks, both sides serving.")
        .def_property_readonly("distribution", &distribution_list,
                               "P(served == k) for k = 0 … ordinary_seats: a list of ordinary_seats + 1 probabilities.")
        .def_property_readonly(
            "expected_served", [](const risk_result& r) { return r.risk.expected_served(); },
            "The expected number of ordinary seats served.")
        .def_property_readonly(
            "threshold", [](const risk_result& r) { return r.forum->threshold; },
            "The QRM-3 figure: ordinary seats that must be served.")
        .def_property_readonly("ordinary_seats", [](const risk_result& r) { return r.forum->ordinary_count; })
        .def_property_readonly("forum", [](const risk_result& r) { return r.forum->source->id; })
        .def("__repr__", &repr);

    m.def(
        "quorum_probability",
        [](const std::shared_ptr<ruleset_handle>& rs, const py::str& forum_id, const py::handle& attendance,
           const py::handle& substitute_attendance, const py::handle& known_absent) {
            Py_ssize_t size = 0;
            const char* text = PyUnicode_AsUTF8AndSize(forum_id.ptr(), &size);
            if (text == nullptr) throw py::error_already_set();
            compiled_forum_ptr cf = rs->compiled(std::string_view(text, static_cast<std::size_t>(size)));
            const auto p = attendance_arg(*cf, attendance, substitute_attendance, known_absent);
            return risk_result{quorum_probability(*cf, p), std::move(cf)};
        },
        py::arg("ruleset"), py::arg("forum") = "politiskt_samrad", py::arg("attendance") = 0.9,
        py::arg("substitute_attendance") = py::none(), py::arg("known_absent") = py::tuple(), quorum_probability_doc);
    m.def(
        "attendance_per_seat",
        [](const std::shared_ptr<ruleset_handle>& rs, const std::string& forum_id, const py::handle& attendance,
           const py::handle& substitute_attendance, const py::handle& known_absent) {
            return attendance_arg(*rs->compiled(forum_id), attendance, substitute_attendance, known_absent);
        },
        py::arg("ruleset"), py::arg("forum"), py::arg("attendance"), py::arg("substitute_attendance") = py::none(),
        py::arg("known_absent") = py::tuple(),
        "One probability per seat, in seat order, read as quorum_probability reads its attendance arguments.");
}

}  // namespace samverkan::python
