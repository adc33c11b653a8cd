// Meetings: samverkan._core.Meeting, Ruling, Step and Unknown. The Python class samverkan.Meeting holds a Meeting.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <pybind11/stl.h>

#include <samverkan/date.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/ruling.hpp>

#include "date_caster.hpp"
#include "enum_arg.hpp"
#include "handles.hpp"
#include "log_handle.hpp"
#include "meeting_handle.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

/// A list of seat ids; None is none, and a lone string is refused (it is not a list of ids).
std::vector<std::string> ids_arg(const py::object& value, const char* what) {
    std::vector<std::string> out;
    if (value.is_none()) return out;
    if (py::isinstance<py::str>(value))
        throw py::type_error(std::string(what) + ": expected a list of seat ids, got the string '" +
                             value.cast<std::string>() + "'");
    for (const auto& item : value) {
        if (!py::isinstance<py::str>(item))
            throw py::type_error(std::string(what) + ": seat ids are text, got " +
                                 std::string(py::str(py::type::handle_of(item).attr("__name__"))));
        out.push_back(item.cast<std::string>());
    }
    return out;
}

agenda_item item_arg(std::string title, const py::object& objections, const py::object& abstentions,
                     const py::object& disqualified, int referrals, const std::optional<std::string>& action,
                     const std::optional<std::string>& reason) {
    return {std::move(title),
            ids_arg(objections, "objections"),
            ids_arg(abstentions, "abstentions"),
            ids_arg(disqualified, "disqualified"),
            referrals,
            action ? enum_arg<no_consensus_choice>(*action, "action") : no_consensus_choice::unspecified,
            reason.value_or("")};
}

constexpr const char* meeting_doc = R"(A meeting of a forum on a date; decide its items one by one with consider().

``date`` is a datetime.date or "YYYY-MM-DD"; ``present`` and ``remote`` are lists of seat ids; ``chair`` and
``vice_chair`` are seat ids (when not given, the rotation's term in force decides, ROT-3a); ``people`` maps a
seat id to {"name": ..., "born": ..., "member_since": ...} (or to a name).

>>> import samverkan
>>> rs = samverkan.load_default("2026-03-13")
>>> everyone = [s.id for s in rs.seats("politiskt_samrad") if s.kind == "ordinary"]
>>> m = samverkan.Meeting(rs, date="2026-03-13", present=everyone,
...                       chair="goteborg/ord1", vice_chair="regionhalsan/ord")
>>> r = m.consider("Gemensam riktlinje")
>>> r.outcome, r.presiding
('position', 'goteborg/ord1')
)";

/// The meeting's day: a datetime.date or "YYYY-MM-DD".
date meeting_date(const py::object& value) {
    if (value.is_none()) throw py::type_error("Meeting needs date= (a datetime.date or 'YYYY-MM-DD')");
    if (py::isinstance<py::str>(value)) {
        if (auto d = parse_iso_date(value.cast<std::string>())) return *d;
        throw invalid_argument("date: '" + value.cast<std::string>() + "' is not a date in the form YYYY-MM-DD");
    }
    py::detail::make_caster<date> caster;
    if (caster.load(value, false)) return py::detail::cast_op<date>(caster);
    throw py::type_error("date: expected a datetime.date or 'YYYY-MM-DD', got " +
                         std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

/// people['<id>'].<field>, for messages.
std::string where(const std::string& id, const char* field = nullptr) {
    return "people['" + id + "']" + (field ? std::string(".") + field : std::string());
}

/// A date given as datetime.date or "YYYY-MM-DD"; None is none.
std::optional<date> date_arg(const py::handle& value, const std::string& id, const char* field) {
    if (value.is_none()) return std::nullopt;
    if (py::isinstance<py::str>(value)) {
        if (auto d = parse_iso_date(value.cast<std::string>())) return d;
        throw invalid_argument(where(id, field) + ": '" + value.cast<std::string>() +
                               "' is not a date in the form YYYY-MM-DD");
    }
    py::detail::make_caster<date> caster;
    if (caster.load(value, false)) return py::detail::cast_op<date>(caster);
    throw invalid_argument(where(id, field) + ": expected a datetime.date or 'YYYY-MM-DD', got " +
                           std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

/// people={seat: {"name": …, "born": …, "member_since": …}} or {seat: "name"}: converted here, in one pass.
std::map<std::string, person, std::less<>> people_arg(const py::handle& people) {
    std::map<std::string, person, std::less<>> out;
    if (people.is_none()) return out;
    if (!py::isinstance<py::dict>(people)) throw invalid_argument("people: expected a dict of seat id -> person");
    for (const auto& [key, value] : py::reinterpret_borrow<py::dict>(people)) {
        if (!py::isinstance<py::str>(key)) throw invalid_argument("people: seat ids are text");
        auto id = key.cast<std::string>();
        person who;
        if (py::isinstance<py::str>(value)) {
            who.name = value.cast<std::string>();
        } else if (py::isinstance<py::dict>(value)) {
            // The field names as Python strings made once, so each look-up reuses their cached hash. Never
            // released: a static py::object would be released after the interpreter has finalized.
            static const py::str& name_key = *new py::str("name");
            static const py::str& born_key = *new py::str("born");
            static const py::str& since_key = *new py::str("member_since");
            const auto fields = py::reinterpret_borrow<py::dict>(value);
            std::size_t known = 0;
            auto field = [&](const py::str& field_key) -> py::handle {
                PyObject* v = PyDict_GetItemWithError(fields.ptr(), field_key.ptr());
                if (v == nullptr && PyErr_Occurred()) throw py::error_already_set();
                known += v != nullptr;
                return v;
            };
            if (const auto v = field(name_key)) who.name = py::str(v).cast<std::string>();
            if (const auto v = field(born_key)) who.born = date_arg(v, id, "born");
            if (const auto v = field(since_key)) who.member_since = date_arg(v, id, "member_since");
            if (known != fields.size()) {
                for (const auto& [given, _] : fields) {
                    const auto name = py::str(given).cast<std::string>();
                    if (name != "name" && name != "born" && name != "member_since")
                        throw invalid_argument(where(id) + ": unknown key '" + name +
                                               "'; use name, born, member_since");
                }
            }
        } else {
            throw invalid_argument(where(id) + ": expected a dict with name, born, member_since, or a name");
        }
        out.emplace(std::move(id), std::move(who));
    }
    return out;
}

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
    d["rules"] = r.rules();
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

    py::class_<meeting_handle>(m, "Meeting", meeting_doc)
        .def(py::init([](const std::shared_ptr<ruleset_handle>& rs, const std::string& forum_id, const py::object& day,
                         const py::object& present, std::optional<std::string> chair,
                         std::optional<std::string> vice_chair, const py::object& people, const py::object& remote,
                         const std::optional<std::string>& id) {
                 if (id && id->empty()) throw invalid_argument("id: a meeting's id is not empty");
                 meeting_setup setup;
                 setup.forum = forum_id;
                 setup.day = meeting_date(day);
                 setup.present = ids_arg(present, "present");
                 setup.remote = ids_arg(remote, "remote");
                 setup.chair = std::move(chair);
                 setup.vice_chair = std::move(vice_chair);
                 setup.people = people_arg(people);
                 return meeting_handle{meeting(rs->compiled(forum_id), std::move(setup)), rs, id.value_or(""), {}, {}};
             }),
             py::arg("ruleset"), py::arg("forum") = "politiskt_samrad", py::arg("date") = py::none(),
             py::arg("present") = py::none(), py::arg("chair") = py::none(), py::arg("vice_chair") = py::none(),
             py::arg("people") = py::none(), py::arg("remote") = py::none(), py::arg("id") = py::none())
        .def_property_readonly("ruleset", [](const meeting_handle& h) { return h.rules; })
        .def_property_readonly("forum", [](const meeting_handle& h) { return h.view().setup().forum; })
        .def_property_readonly("date", [](const meeting_handle& h) { return h.view().setup().day; })
        .def(
            "consider",
            [](meeting_handle& h, std::string title, const py::object& objections, const py::object& abstentions,
               const py::object& disqualified, int referrals, const std::optional<std::string>& action,
               const std::optional<std::string>& reason, bool force, const std::optional<std::string>& force_reason) {
                auto item =
                    item_arg(std::move(title), objections, abstentions, disqualified, referrals, action, reason);
                if (h.log) return h.log->core.consider_item(h.id, item, forced(force, force_reason));
                auto r = h.core.consider(item);
                h.steps.emplace_back(std::move(item));
                return r;
            },
            py::arg("title"), py::arg("objections") = py::none(), py::arg("abstentions") = py::none(),
            py::arg("disqualified") = py::none(), py::arg("referrals") = 0, py::arg("action") = py::none(),
            py::arg("reason") = py::none(), py::kw_only(), py::arg("force") = false,
            py::arg("force_reason") = py::none(),
            "Decides one agenda item. ``action`` is what the meeting chooses without consensus (\"refer_back\" or "
            "\"remove\"; default: the ruleset's on_no_consensus); ``reason`` is what renewed preparation must "
            "address. ``force=True`` with ``force_reason`` records the item although the meeting's minutes are "
            "signed (MIN-2), as a deviation. Raises NotPermitted (RGT-1, RGT-4), RuleViolation (CNS-2, CNS-3, "
            "MIN-2) or ArgumentError (a seat named twice); a refused call changes nothing.")
        .def(
            "arrive",
            [](meeting_handle& h, const std::string& seat_id, bool remote, bool force,
               const std::optional<std::string>& force_reason) {
                if (h.log) return h.log->core.arrive(h.id, seat_id, remote, forced(force, force_reason));
                h.core.arrive(seat_id, remote);
                h.steps.emplace_back(arrival{seat_id, remote});
            },
            py::arg("seat_id"), py::arg("remote") = false, py::kw_only(), py::arg("force") = false,
            py::arg("force_reason") = py::none(),
            "A member arrives between items, on site or remotely (QRM-7); an ordinary member takes the seat back at "
            "the next item (QRM-5). ``force=True`` with ``force_reason`` records it although the minutes are "
            "signed (MIN-2), as a deviation.")
        .def(
            "leave",
            [](meeting_handle& h, const std::string& seat_id, const std::string& reason, bool force,
               const std::optional<std::string>& force_reason) {
                const auto why = enum_arg<leave_reason>(reason, "reason");
                if (h.log) return h.log->core.leave(h.id, seat_id, why, forced(force, force_reason));
                h.core.leave(seat_id, why);
                h.steps.emplace_back(departure{seat_id, why});
            },
            py::arg("seat_id"), py::arg("reason") = "left", py::kw_only(), py::arg("force") = false,
            py::arg("force_reason") = py::none(),
            "A member leaves between items; reason \"left\" (does not serve again today, QRM-5) or "
            "\"disqualified\". ``force=True`` with ``force_reason`` records it although the minutes are signed "
            "(MIN-2), as a deviation.")
        .def(
            "setup", [](const meeting_handle& h) { return setup_dict(h.view().setup()); },
            "The setup exactly as given: ``Meeting(ruleset, **m.setup())`` gives the same rulings. Derived values, "
            "such as the chair taken from the rotation, are in the rulings (``Ruling.chair``).")
        .def_property_readonly(
            "rulings", [](const meeting_handle& h) { return h.view().rulings(); }, "The rulings so far, in order.")
        .def_property_readonly(
            "id",
            [](const meeting_handle& h) { return h.id.empty() ? py::object(py::none()) : py::object(py::str(h.id)); },
            "Its id in the event log that holds it; None for a meeting that stands alone and was given none.")
        .def_property_readonly(
            "log", [](const meeting_handle& h) { return h.log; },
            "The EventLog that holds it since it considered a matter, or None.")
        .def(
            "consider_matter",
            [](meeting_handle& h, const std::shared_ptr<event_log_handle>& log, const std::string& matter_id,
               const py::object& objections, const py::object& abstentions, const py::object& disqualified,
               const std::optional<std::string>& action, const std::optional<std::string>& reason,
               std::optional<bool> directional, bool force, const std::optional<std::string>& force_reason) {
                const auto item = item_arg("", objections, abstentions, disqualified, 0, action, reason);
                const step_options opts = forced(force, force_reason);
                return h.in_log(log, [&](event_log& l, const std::string& meeting_id) {
                    return l.consider(meeting_id, matter_id, item, directional, opts);
                });
            },
            py::arg("log"), py::arg("matter_id"), py::arg("objections") = py::none(),
            py::arg("abstentions") = py::none(), py::arg("disqualified") = py::none(), py::arg("action") = py::none(),
            py::arg("reason") = py::none(), py::arg("directional") = py::none(), py::arg("force") = false,
            py::arg("force_reason") = py::none(),
            "Considers a matter of ``log``: the meeting is opened there first (with its attendance and items so far) "
            "unless the log already holds it; the log's meeting engine decides and the matter takes the outcome. "
            "samverkan.Meeting.consider(matter) calls this.")
        .def("__repr__", [](const meeting_handle& h) {
            return "<Meeting of " + h.view().setup().forum + " on " + to_iso_string(h.view().setup().day) + " under " +
                   h.rules->rules->id + ": " + std::to_string(h.view().rulings().size()) + " item(s)>";
        });
}

}  // namespace samverkan::python
