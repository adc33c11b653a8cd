// Meetings: samverkan._core.Meeting and Ruling. The Python class samverkan.Meeting holds one of these.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include <samverkan/meeting.hpp>

#include "date_caster.hpp"
#include "enum_arg.hpp"
#include "handles.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

using person_tuple = std::tuple<std::string, std::optional<date>, std::optional<date>>;

}  // namespace

void register_meeting(py::module_& m) {
    py::class_<ruling>(m, "Ruling", "The decision on one agenda item, with the record that explains it.")
        .def_readonly("title", &ruling::title)
        .def_readonly("quorate", &ruling::quorate)
        .def_readonly("served", &ruling::served_ordinary, "Ordinary seats filled by serving members.")
        .def_readonly("ordinary_seats", &ruling::ordinary_seats)
        .def_readonly("threshold", &ruling::threshold, "The QRM-3 figure: ordinary seats that must be served.")
        .def_readonly("serving", &ruling::serving, "Seat ids of the serving members, sorted.")
        .def_property_readonly("substitutions",
                               [](const ruling& r) {
                                   py::dict d;
                                   for (const auto& [ordinary, substitute] : r.substitutions) d[py::str(ordinary)] = substitute;
                                   return d;
                               },
                               "Ordinary seat id -> the substitute serving it.")
        .def_readonly("presiding", &ruling::presiding)
        .def_property_readonly("outcome", [](const ruling& r) { return std::string(to_string(r.result)); })
        .def_readonly("objections", &ruling::objections)
        .def_readonly("abstentions", &ruling::abstentions)
        .def_readonly("reason", &ruling::reason)
        .def_readonly("referrals", &ruling::referrals, "The matter's referral count after this item.")
        .def_property_readonly("rules", &ruling::rules, "The rule ids applied, in order.")
        .def_property_readonly("steps",
                               [](const ruling& r) {
                                   py::list out;
                                   for (const auto& s : r.why.steps) out.append(py::make_tuple(s.rule, s.text));
                                   return out;
                               },
                               "(rule id, text) for each step, in order.")
        .def("explain", [](const ruling& r) { return r.why.render(); },
             "Every rule applied with the figure it used, its statute and its source text.")
        .def("__repr__", [](const ruling& r) {
            return "<Ruling '" + r.title + "': " + std::string(to_string(r.result)) + ", " + std::to_string(r.served_ordinary) +
                   " of " + std::to_string(r.ordinary_seats) + " served>";
        });

    py::class_<meeting>(m, "Meeting", "A meeting of a forum on a date; decide items one by one with consider().")
        .def(py::init([](const ruleset_handle& rs, const std::string& forum_id, date day, const std::vector<std::string>& present,
                         const std::optional<std::string>& chair, const std::optional<std::string>& vice_chair,
                         const std::map<std::string, person_tuple>& people, const std::vector<std::string>& remote) {
                 meeting_setup setup;
                 setup.forum = forum_id;
                 setup.day = day;
                 setup.present = present;
                 setup.remote = remote;
                 setup.chair = chair;
                 setup.vice_chair = vice_chair;
                 for (const auto& [seat_id, who] : people)
                     setup.people.emplace(seat_id, person{std::get<0>(who), std::get<1>(who), std::get<2>(who)});
                 return meeting(rs.rules, std::move(setup));
             }),
             py::arg("ruleset"), py::arg("forum"), py::arg("date"), py::arg("present"), py::arg("chair"),
             py::arg("vice_chair"), py::arg("people"), py::arg("remote"))
        .def(
            "consider",
            [](meeting& mt, const std::string& title, const std::vector<std::string>& objections,
               const std::vector<std::string>& abstentions, const std::vector<std::string>& disqualified, int referrals,
               const std::string& action, const std::string& reason) {
                return mt.consider({title, objections, abstentions, disqualified, referrals,
                                    enum_arg<no_consensus_choice>(action, "action"), reason});
            },
            py::arg("title"), py::arg("objections"), py::arg("abstentions"), py::arg("disqualified"), py::arg("referrals"),
            py::arg("action"), py::arg("reason"))
        .def("arrive", &meeting::arrive, py::arg("seat_id"))
        .def(
            "leave",
            [](meeting& mt, const std::string& seat_id, const std::string& reason) {
                mt.leave(seat_id, enum_arg<leave_reason>(reason, "reason"));
            },
            py::arg("seat_id"), py::arg("reason"))
        .def_property_readonly(
            "rulings", [](const meeting& mt) { return mt.rulings(); }, "Copies of the rulings so far, in order.");
}

}  // namespace samverkan::python
