// Notices, minutes, the attendance register and the calendar check: Meeting.notice() and Meeting.minutes(), the
// Minutes class, validate_calendar(). Converts and forwards; the rules are decided in the core.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include <samverkan/calendar.hpp>
#include <samverkan/date.hpp>
#include <samverkan/event_log.hpp>
#include <samverkan/minutes.hpp>

#include "date_caster.hpp"
#include "enum_arg.hpp"
#include "handles.hpp"
#include "meeting_handle.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {

namespace {

/// The minutes of one meeting of a log: a view that reads the log anew on every call.
struct minutes_handle {
    std::shared_ptr<event_log_handle> log;
    std::string id;
};

date day_arg(const py::handle& value, const char* what) {
    if (py::isinstance<py::str>(value)) {
        if (auto d = parse_iso_date(value.cast<std::string>())) return *d;
        throw invalid_argument(std::string(what) + ": '" + value.cast<std::string>() +
                               "' is not a date in the form YYYY-MM-DD");
    }
    py::detail::make_caster<date> caster;
    if (caster.load(value, false)) return py::detail::cast_op<date>(caster);
    throw py::type_error(std::string(what) + ": expected a datetime.date or 'YYYY-MM-DD', got " +
                         std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

date day_or(const py::object& value, date fallback, const char* what) {
    return value.is_none() ? fallback : day_arg(value, what);
}

py::list attendance_rows(const minutes& m) {
    py::list rows;
    for (const auto& r : m.attendance()) {
        py::dict d;
        d["item"] = r.item;
        d["title"] = r.title;
        d["seat"] = r.seat;
        d["body"] = r.body;
        d["name"] = r.name;
        d["role"] = std::string(to_string(r.role));
        d["remote"] = r.remote;
        rows.append(d);
    }
    return rows;
}

/// The register as a pandas DataFrame (pandas is imported only here).
py::object attendance_frame(const minutes& m) {
    const py::object frame = py::module_::import("pandas").attr("DataFrame");
    const std::vector<std::string> columns{"item", "title", "seat", "body", "name", "role", "remote"};
    return frame(attendance_rows(m), py::arg("columns") = columns);
}

py::dict notice_dict(const event& e) {
    py::dict d;
    d["meeting"] = e.subject;
    d["forum"] = std::get<std::string>(*e.find("forum"));
    d["meeting_date"] = py::cast(*parse_iso_date(std::get<std::string>(*e.find("meeting_day"))));
    d["issued_by"] = e.by;
    d["issued_on"] = py::cast(e.day);
    d["recipients"] = std::get<std::vector<std::string>>(*e.find("recipients"));
    d["rules"] = e.rules;
    d["forced"] = e.forced;
    d["breaks"] = e.breaks;
    d["reason"] = e.reason;
    return d;
}

py::dict finding_dict(const calendar_finding& f) {
    py::dict d;
    d["rule"] = f.rule;
    d["issue"] = std::string(to_string(f.issue));
    d["date"] = py::cast(f.day);
    d["termin"] = f.term ? py::object(py::str(std::string(to_string(*f.term)))) : py::object(py::none());
    d["meetings"] = f.meetings;
    d["message"] = f.message;
    return d;
}

constexpr const char* force_doc =
    " ``force=True`` with a ``reason`` takes a step that breaks a rule anyway; the "
    "minutes list it as an avvikelse (PLN-4).";

}  // namespace

void register_minutes(py::module_& m) {
    py::class_<minutes_handle>(m, "Minutes",
                               "The minutes (minnesanteckningar, MIN-1) of a meeting, drawn from its event log: "
                               "draft, then signed by the person who presided (RGT-2), then published and final "
                               "(MIN-2).")
        .def_property_readonly(
            "status",
            [](const minutes_handle& h) { return std::string(to_string(h.log->core.minutes_of(h.id).status)); },
            "'draft', 'signed' or 'published'.")
        .def_property_readonly(
            "signed_by",
            [](const minutes_handle& h) {
                const auto s = h.log->core.minutes_of(h.id).signed_by;
                return s.empty() ? py::object(py::none()) : py::object(py::str(s));
            },
            "The seat that signed, or None.")
        .def_property_readonly(
            "presiding", [](const minutes_handle& h) { return make_minutes(h.log->core, h.id).presiding(); },
            "The seats that presided (QRM-6); one of them signs.")
        .def_property_readonly(
            "deviations",
            [](const minutes_handle& h) { return violation_dicts(make_minutes(h.log->core, h.id).deviations); },
            "The forced steps of this meeting, each with the rule it breaks (avvikelser, PLN-4).")
        .def(
            "sign",
            [](minutes_handle& h, const std::string& by, const py::object& on, bool force,
               const std::optional<std::string>& reason) {
                const date day = day_or(on, h.log->core.meeting_at(h.id).setup().day, "on");
                (void)h.log->core.sign_minutes(h.id, by, day, forced(force, reason));
            },
            py::arg("by"), py::arg("on") = py::none(), py::arg("force") = false, py::arg("reason") = py::none(),
            (std::string("Signs as seat ``by`` on ``on`` (default: the meeting's date). Only the person who presided "
                         "signs (NotPermitted, RGT-2); signed or published minutes are not signed again "
                         "(RuleViolation, MIN-2).") +
             force_doc)
                .c_str())
        .def(
            "publish",
            [](minutes_handle& h, const py::object& on, bool force, const std::optional<std::string>& reason) {
                const date day = day_or(on, h.log->core.meeting_at(h.id).setup().day, "on");
                (void)h.log->core.publish_minutes(h.id, day, forced(force, reason));
            },
            py::arg("on") = py::none(), py::arg("force") = false, py::arg("reason") = py::none(),
            (std::string("Publishes the signed minutes; from then on they, and the meeting, are final (MIN-2).") +
             force_doc)
                .c_str())
        .def(
            "to_markdown",
            [](const minutes_handle& h, const std::string& lang) {
                return to_markdown(make_minutes(h.log->core, h.id), enum_arg<language>(lang, "lang"));
            },
            py::arg("lang") = "sv", "The minutes as Markdown, in Swedish (the default) or English (lang='en').")
        .def(
            "to_html",
            [](const minutes_handle& h, const std::string& lang) {
                return to_html(make_minutes(h.log->core, h.id), enum_arg<language>(lang, "lang"));
            },
            py::arg("lang") = "sv", "The minutes as an HTML <article>, every text escaped.")
        .def(
            "attendance", [](const minutes_handle& h) { return attendance_rows(make_minutes(h.log->core, h.id)); },
            "The attendance register: one dict per item and seat present, with its role (ordinary, "
            "serving_substitute, non_serving_substitute, ordinary_not_serving) and whether remote.")
        .def(
            "attendance_frame",
            [](const minutes_handle& h) { return attendance_frame(make_minutes(h.log->core, h.id)); },
            "The attendance register as a pandas DataFrame (``.to_csv()`` for the arvode claims).")
        .def("_repr_markdown_", [](const minutes_handle& h) { return to_markdown(make_minutes(h.log->core, h.id)); })
        .def("__repr__", [](const minutes_handle& h) {
            const auto mt = make_minutes(h.log->core, h.id);
            return "<Minutes of " + mt.forum_id + " on " + to_iso_string(mt.day) + ": " +
                   std::string(to_string(mt.record.status)) + ", " + std::to_string(mt.items.size()) + " item(s)>";
        });

    auto meeting_class = py::reinterpret_borrow<py::class_<meeting_handle>>(m.attr("Meeting"));
    meeting_class
        .def(
            "notice",
            [](meeting_handle& h, const std::string& issued_by, const py::object& on, bool force,
               const std::optional<std::string>& reason) {
                auto& log = h.joined();
                const auto setup = h.view().setup();
                const auto period = std::chrono::days{h.rules->rules->meeting.notice_days};
                const date day = day_or(on, date{std::chrono::sys_days(setup.day) - period}, "on");
                return notice_dict(
                    log.core.issue_notice(h.id, setup.forum, setup.day, issued_by, day, forced(force, reason)));
            },
            py::arg("issued_by"), py::arg("on") = py::none(), py::arg("force") = false, py::arg("reason") = py::none(),
            (std::string("The notice (kallelse) of this meeting, issued by a process leader of a forum that supports "
                         "it (``samverkanskontoret/<name>``), on the chair's behalf (RGT-3, else NotPermitted), on "
                         "``on`` (default: the ruleset's notice_days before the meeting). Every ordinary member "
                         "and substitute is convened (MTG-2). Returns the notice as a dict.") +
             force_doc)
                .c_str())
        .def(
            "minutes",
            [](meeting_handle& h) {
                (void)h.joined();
                return minutes_handle{h.log, h.id};
            },
            "The meeting's minutes (minnesanteckningar), drawn from its steps so far.")
        .def(
            "attendance_frame", [](meeting_handle& h) { return attendance_frame(make_minutes(h.joined().core, h.id)); },
            "The attendance register as a pandas DataFrame: per item, every seat present and its role.");

    m.def(
        "validate_calendar",
        [](const std::shared_ptr<ruleset_handle>& rs, int year, const py::iterable& dates) {
            std::vector<date> days;
            for (const auto& d : dates) days.push_back(day_arg(d, "dates"));
            py::list out;
            for (const auto& f : validate_calendar(*rs->rules, year, days)) out.append(finding_dict(f));
            return out;
        },
        py::arg("ruleset"), py::arg("year"), py::arg("dates"),
        "MTG-1: the findings for a year's meeting dates (datetime.date or 'YYYY-MM-DD'): a termin (spring "
        "January–June, autumn July–December) with fewer than meetings_per_termin meetings, dates outside the year or "
        "the ruleset's validity, duplicates. An empty list means the calendar keeps MTG-1.");
}

}  // namespace samverkan::python
