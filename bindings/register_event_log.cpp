// The event log: samverkan._core.EventLog. Every step is forwarded to samverkan::event_log, which checks it,
// records it and changes its matters and meetings; this file only converts arguments and results.
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <pybind11/stl.h>

#include <samverkan/date.hpp>
#include <samverkan/event_log.hpp>

#include "date_caster.hpp"
#include "enum_arg.hpp"
#include "log_handle.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

py::object optional_day(const std::optional<date>& d) { return d ? py::cast(*d) : py::object(py::none()); }

py::dict case_dict(const adoption_case& c) {
    py::dict d;
    d["body"] = c.body;
    d["state"] = std::string(to_string(c.state));
    d["decided"] = optional_day(c.decided);
    d["reference"] = c.reference;
    d["deadline"] = optional_day(c.deadline);
    return d;
}

py::dict matter_dict(const matter& m) {
    py::dict d;
    d["id"] = m.id();
    d["title"] = m.title();
    d["forum"] = m.forum();
    d["raised_by"] = m.raised_by();
    d["raised_on"] = py::cast(m.raised_on());
    d["state"] = std::string(to_string(m.state()));
    d["preparers"] = m.preparers();
    d["referrals"] = m.referrals();
    d["referral_reason"] = m.referral_reason();
    d["last_meeting"] = m.last_meeting().empty() ? py::object(py::none()) : py::object(py::str(m.last_meeting()));
    d["directional"] = m.directional();
    py::list cases;
    for (const auto& c : m.cases()) cases.append(case_dict(c));
    d["cases"] = cases;
    d["events"] = m.history();
    d["last_day"] = py::cast(m.last_day());
    d["considered_on"] = m.considered_on() == date{} ? py::object(py::none()) : py::cast(m.considered_on());
    return d;
}

py::dict summary_dict(const adoption_summary& s) {
    py::dict d;
    d["status"] = std::string(to_string(s.status));
    d["in_force"] = s.in_force;
    d["in_force_for"] = s.in_force_for;
    d["overdue"] = s.overdue;
    d["adopted"] = s.adopted;
    d["declined"] = s.declined;
    d["pending"] = s.pending;
    d["not_applicable"] = s.not_applicable;
    return d;
}

constexpr const char* log_doc = R"(The event log that matters and meetings are kept in (docs/matters.md).

Every step is checked by the C++ event log before it is recorded; a refused step changes nothing. Most code uses
samverkan.Matter and samverkan.Meeting, which keep their steps here; pass one EventLog as ``log=`` to keep several
matters in one history.
)";

}  // namespace

void register_event_log(py::module_& m) {
    m.attr("EVENT_LOG_SCHEMA") = event_log_schema;
    using handle = event_log_handle;
    py::class_<handle, std::shared_ptr<handle>>(m, "EventLog", log_doc)
        .def(py::init([](const std::shared_ptr<ruleset_handle>& rs) {
                 return std::make_shared<handle>(handle{event_log(rs->rules), rs});
             }),
             py::arg("ruleset"))
        .def_property_readonly("ruleset", [](const handle& h) { return h.rules; })
        .def(
            "raise_matter",
            [](handle& h, std::string id, std::string title, std::string forum, std::string raised_by, date day,
               bool force, const std::optional<std::string>& reason, bool directional) {
                h.core.raise(std::move(id), std::move(title), std::move(forum), std::move(raised_by), day,
                             forced(force, reason), directional);
            },
            py::arg("id"), py::arg("title"), py::arg("forum"), py::arg("raised_by"), py::arg("day"),
            py::arg("force") = false, py::arg("reason") = py::none(), py::arg("directional") = false,
            "STR-4, STR-8: a forum raises a matter; ``directional``: a position on it is meant as an "
            "inriktningsbeslut (CNS-5).")
        .def(
            "prepare",
            [](handle& h, const std::string& id, std::string by, date day, bool force,
               const std::optional<std::string>& reason) {
                h.core.prepare(id, std::move(by), day, forced(force, reason));
            },
            py::arg("id"), py::arg("by"), py::arg("day"), py::arg("force") = false, py::arg("reason") = py::none(),
            "STR-1, STR-2: a preparing forum prepares the matter.")
        .def(
            "place_on_agenda",
            [](handle& h, const std::string& id, date day, bool force, const std::optional<std::string>& reason) {
                h.core.place_on_agenda(id, day, forced(force, reason));
            },
            py::arg("id"), py::arg("day"), py::arg("force") = false, py::arg("reason") = py::none(),
            "MTG-3: a prepared matter is put on the agenda.")
        .def(
            "set_deadline",
            [](handle& h, const std::string& id, std::string body, date deadline, date day, bool force,
               const std::optional<std::string>& reason) {
                h.core.set_deadline(id, std::move(body), deadline, day, forced(force, reason));
            },
            py::arg("id"), py::arg("body"), py::arg("deadline"), py::arg("day"), py::arg("force") = false,
            py::arg("reason") = py::none(), "CNS-5: a deadline for one body's adoption, or every body's (body '').")
        .def(
            "record_adoption",
            [](handle& h, const std::string& id, std::string body, const std::string& state, date day,
               std::string reference, bool force, const std::optional<std::string>& reason) {
                h.core.record_adoption(id, std::move(body), enum_arg<adoption_state>(state, "state"), day,
                                       std::move(reference), forced(force, reason));
            },
            py::arg("id"), py::arg("body"), py::arg("state"), py::arg("day"), py::arg("reference") = "",
            py::arg("force") = false, py::arg("reason") = py::none(), "CNS-5: a body's decision on the position.")
        .def(
            "matter", [](const handle& h, const std::string& id) { return matter_dict(h.core.matter_at(id)); },
            py::arg("id"), "What its events have made of the matter, as a dict; UnknownId otherwise.")
        .def(
            "matter_ids",
            [](const handle& h) {
                std::vector<std::string> out;
                for (const auto& e : h.core.events())
                    if (e.kind == event_kind::raised) out.push_back(e.subject);
                return out;
            },
            "The matters' ids in the order they were raised.")
        .def(
            "meeting_ids",
            [](const handle& h) {
                std::vector<std::string> out;
                for (const auto& e : h.core.events())
                    if (e.kind == event_kind::meeting_opened) out.push_back(e.subject);
                return out;
            },
            "The meetings' ids in the order they opened.")
        .def(
            "rulings", [](const handle& h, const std::string& id) { return h.core.meeting_at(id).rulings(); },
            py::arg("meeting_id"), "The rulings of a meeting of the log, in order.")
        .def(
            "adoption",
            [](const handle& h, const std::string& id, date on) { return summary_dict(h.core.adoption(id, on)); },
            py::arg("id"), py::arg("on"), "CNS-5: the matter's adoption cases aggregated on a day, as a dict.")
        .def(
            "next_steps",
            [](const handle& h, const std::string& id, date on) {
                py::list out;
                for (const auto& s : h.core.next_steps(id, on)) {
                    py::dict d;
                    d["action"] = std::string(to_string(s.action));
                    d["allowed"] = s.allowed;
                    d["rule"] = s.rule;
                    d["note"] = s.note;
                    out.append(d);
                }
                return out;
            },
            py::arg("id"), py::arg("on"), "Each action on the matter, whether it is allowed on a day, and its rule.")
        .def(
            "violations", [](const handle& h) { return violation_dicts(h.core.violations()); },
            "The forced steps (avvikelser, PLN-4) in log order, as dicts.")
        .def(
            "to_json", [](const handle& h) { return to_json(h.core); }, "The log as JSON text (docs/matters.md).")
        .def_static(
            "from_json",
            [](const std::shared_ptr<ruleset_handle>& rs, std::string_view text) {
                return std::make_shared<handle>(handle{event_log_from_json(rs->rules, text), rs});
            },
            py::arg("ruleset"), py::arg("text"),
            "Reads a log that to_json wrote and replays it; LogError names the first event that fails.")
        .def("__len__", [](const handle& h) { return h.core.events().size(); })
        .def(
            "__eq__",
            [](const handle& a, const handle& b) {
                return a.rules->rules->id == b.rules->rules->id && a.core.events() == b.core.events() &&
                       a.core.matters() == b.core.matters();
            },
            py::is_operator())
        .def("__repr__", [](const handle& h) {
            return "<EventLog under " + h.rules->rules->id + ": " + std::to_string(h.core.events().size()) +
                   " event(s)>";
        });
}

}  // namespace samverkan::python
