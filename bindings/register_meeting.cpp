// Meetings: samverkan._core.Meeting, Ruling, Step and Unknown. The Python class samverkan.Meeting holds a Meeting.
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <pybind11/stl.h>

#include <samverkan/meeting.hpp>
#include <samverkan/ruling.hpp>

#include "date_caster.hpp"
#include "enum_arg.hpp"
#include "handles.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

using person_tuple = std::tuple<std::string, std::optional<date>, std::optional<date>>;

py::object optional_str(const std::optional<std::string>& s) {
    return s ? py::object(py::str(*s)) : py::object(py::none());
}

py::dict facts_dict(const ruling_step& s) {
    py::dict d;
    for (const auto& f : s.facts) d[py::str(f.name)] = py::cast(f.value);
    return d;
}

py::dict substitutions_dict(const ruling& r) {
    py::dict d;
    for (const auto& [ordinary, substitute] : r.substitutions()) d[py::str(ordinary)] = substitute;
    return d;
}

py::dict unknown_dict(const unknown& u) {
    py::dict d;
    d["rule"] = u.rule;
    d["decides"] = u.decides;
    d["missing"] = u.missing;
    d["seats"] = u.seats;
    d["candidates"] = u.candidates;
    return d;
}

/// Every field of a ruling and every step, JSON-serialisable (dates as ISO text).
py::dict to_dict(const ruling& r) {
    py::dict d;
    d["ruleset"] = r.ruleset_id();
    d["forum"] = r.forum_id();
    d["date"] = to_iso_string(r.day());
    d["title"] = r.title();
    d["chair"] = optional_str(r.chair());
    d["vice_chair"] = optional_str(r.vice_chair());
    d["quorate"] = r.quorate();
    d["served"] = r.served();
    d["ordinary_seats"] = r.ordinary_seats();
    d["threshold"] = r.threshold();
    d["serving"] = r.serving();
    d["substitutions"] = substitutions_dict(r);
    d["presiding"] = optional_str(r.presiding());
    d["outcome"] = std::string(to_string(r.result()));
    d["objections"] = r.objections();
    d["abstentions"] = r.abstentions();
    d["reason"] = r.reason();
    d["referrals"] = r.referrals();
    d["remote_counts"] = r.remote_counts();
    py::list steps;
    for (const auto& s : r.steps()) {
        py::dict sd;
        sd["rule"] = s.rule;
        sd["kind"] = s.kind;
        sd["facts"] = facts_dict(s);
        steps.append(sd);
    }
    d["steps"] = steps;
    py::list unknowns;
    for (const auto& u : r.unknowns()) unknowns.append(unknown_dict(u));
    d["unknowns"] = unknowns;
    return d;
}

py::dict setup_dict(const meeting_setup& s) {
    py::dict d;
    d["forum"] = s.forum;
    d["date"] = py::cast(s.day);
    d["present"] = s.present;
    d["remote"] = s.remote;
    d["chair"] = optional_str(s.chair);
    d["vice_chair"] = optional_str(s.vice_chair);
    py::dict people;
    for (const auto& [id, who] : s.people) {
        py::dict p;
        p["name"] = who.name;
        p["born"] = py::cast(who.born);
        p["member_since"] = py::cast(who.member_since);
        people[py::str(id)] = p;
    }
    d["people"] = people;
    return d;
}

}  // namespace

void register_meeting(py::module_& m) {
    py::class_<ruling_step>(m, "Step",
                            "One rule applied in a ruling: the rule id, the kind of step and its named facts.")
        .def_readonly("rule", &ruling_step::rule)
        .def_readonly("kind", &ruling_step::kind, "Which of the rule's wordings the step uses.")
        .def_property_readonly("facts", &facts_dict, "The facts the step used, by name.")
        .def("__repr__", [](const ruling_step& s) { return "<Step " + s.rule + " " + s.kind + ">"; });

    py::class_<unknown>(m, "Unknown", "Data a ruling lacked, and what it would decide.")
        .def_readonly("rule", &unknown::rule)
        .def_readonly("decides", &unknown::decides)
        .def_readonly("missing", &unknown::missing, "The data fields missing, e.g. ['born'].")
        .def_readonly("seats", &unknown::seats, "The seats lacking them.")
        .def_readonly("candidates", &unknown::candidates, "Who may turn out to be chosen.")
        .def("__repr__", [](const unknown& u) { return "<Unknown " + u.rule + ": " + u.decides + ">"; });

    py::class_<ruling>(m, "Ruling", "The decision on one agenda item, with the steps that explain it.")
        .def_property_readonly("title", &ruling::title)
        .def_property_readonly("forum", &ruling::forum_id)
        .def_property_readonly("date", &ruling::day)
        .def_property_readonly("ruleset", &ruling::ruleset_id, "The id of the ruleset (its version) that decided it.")
        .def_property_readonly(
            "chair", [](const ruling& r) { return r.chair(); },
            "The chair's seat in force (given, or from the rotation).")
        .def_property_readonly("vice_chair", [](const ruling& r) { return r.vice_chair(); })
        .def_property_readonly("quorate", &ruling::quorate)
        .def_property_readonly("served", &ruling::served, "Ordinary seats filled by serving members.")
        .def_property_readonly("ordinary_seats", &ruling::ordinary_seats)
        .def_property_readonly("threshold", &ruling::threshold, "The QRM-3 figure: ordinary seats that must be served.")
        .def_property_readonly("serving", &ruling::serving, "Seat ids of the serving members, in seat order.")
        .def_property_readonly("substitutions", &substitutions_dict, "Ordinary seat id -> the substitute serving it.")
        .def_property_readonly("presiding", &ruling::presiding, "The seat presiding, or None (see unknowns).")
        .def_property_readonly("outcome", [](const ruling& r) { return std::string(to_string(r.result())); })
        .def_property_readonly("objections", &ruling::objections)
        .def_property_readonly("abstentions", &ruling::abstentions)
        .def_property_readonly("reason", &ruling::reason)
        .def_property_readonly("referrals", &ruling::referrals, "The matter's referral count after this item.")
        .def_property_readonly("remote_counts", &ruling::remote_counts, "Whether remote participation counted (QRM-7).")
        .def_property_readonly("rules", &ruling::rules, "The rule ids applied, in order.")
        .def_property_readonly("steps", &ruling::steps, "The rules applied, each with its facts, in order.")
        .def_property_readonly("unknowns", &ruling::unknowns, "What the ruling could not decide for want of data.")
        .def("to_dict", &to_dict, "Every field and every step as plain data (JSON-serialisable).")
        .def(
            "explain",
            [](const ruling& r, const std::string& lang) { return r.explain(enum_arg<language>(lang, "lang")); },
            py::arg("lang") = "sv", "The steps as text, in Swedish (lang='sv', the default) or English (lang='en').")
        .def("__repr__", [](const ruling& r) {
            return "<Ruling '" + r.title() + "': " + std::string(to_string(r.result())) + ", " +
                   std::to_string(r.served()) + " of " + std::to_string(r.ordinary_seats()) + " served>";
        });

    py::class_<meeting>(m, "Meeting", "A meeting of a forum on a date; decide items one by one with consider().")
        .def(py::init([](const ruleset_handle& rs, const std::string& forum_id, date day,
                         std::vector<std::string> present, std::optional<std::string> chair,
                         std::optional<std::string> vice_chair, const std::map<std::string, person_tuple>& people,
                         std::vector<std::string> remote) {
                 meeting_setup setup;
                 setup.forum = forum_id;
                 setup.day = day;
                 setup.present = std::move(present);
                 setup.remote = std::move(remote);
                 setup.chair = std::move(chair);
                 setup.vice_chair = std::move(vice_chair);
                 for (const auto& [seat_id, who] : people)
                     setup.people.emplace(seat_id, person{std::get<0>(who), std::get<1>(who), std::get<2>(who)});
                 return meeting(rs.compiled(forum_id), std::move(setup));
             }),
             py::arg("ruleset"), py::arg("forum"), py::arg("date"), py::arg("present"), py::arg("chair"),
             py::arg("vice_chair"), py::arg("people"), py::arg("remote"))
        .def(
            "consider",
            [](meeting& mt, std::string title, std::vector<std::string> objections,
               std::vector<std::string> abstentions, std::vector<std::string> disqualified, int referrals,
               const std::string& action, std::string reason) {
                return mt.consider({std::move(title), std::move(objections), std::move(abstentions),
                                    std::move(disqualified), referrals, enum_arg<no_consensus_choice>(action, "action"),
                                    std::move(reason)});
            },
            py::arg("title"), py::arg("objections"), py::arg("abstentions"), py::arg("disqualified"),
            py::arg("referrals"), py::arg("action"), py::arg("reason"))
        .def("arrive", &meeting::arrive, py::arg("seat_id"), py::arg("remote"))
        .def(
            "leave",
            [](meeting& mt, const std::string& seat_id, const std::string& reason) {
                mt.leave(seat_id, enum_arg<leave_reason>(reason, "reason"));
            },
            py::arg("seat_id"), py::arg("reason"))
        .def(
            "setup", [](const meeting& mt) { return setup_dict(mt.setup()); }, "The setup exactly as given.")
        .def_property_readonly(
            "rulings", [](const meeting& mt) { return mt.rulings(); }, "Copies of the rulings so far, in order.");
}

}  // namespace samverkan::python
