// The library's errors as Python exception classes that also derive from the matching built-ins,
// so callers can catch either samverkan.RulesetError or ValueError.
#include <exception>
#include <string_view>

#include <pybind11/stl.h>

#include <samverkan/changes.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/load.hpp>

#include "register.hpp"

namespace py = pybind11;

namespace samverkan::python {
namespace {

py::object make_class(py::module_& m, const char* name, const py::tuple& bases, const py::dict& attributes,
                      const char* doc) {
    attributes["__module__"] = "samverkan";
    attributes["__doc__"] = doc;
    // KeyError quotes its message in str(); every class here prints the message as written.
    attributes["__str__"] = py::module_::import("builtins").attr("Exception").attr("__str__");
    py::object cls = py::module_::import("builtins").attr("type")(name, bases, attributes);
    m.attr(name) = cls;
    return cls;
}

py::object none() { return py::none(); }

/// Text for Python from bytes that should be UTF-8 but may not be (a cut character in a parser's message, a
/// file name in another encoding): invalid bytes become \x escapes instead of a UnicodeDecodeError.
py::str text(std::string_view s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "backslashreplace");
    if (o == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}

[[noreturn]] void raise(const char* name, const char* message, const py::dict& attributes) {
    const py::object cls = py::module_::import("samverkan._core").attr(name);
    py::object instance = cls(text(message));
    for (const auto& item : attributes) instance.attr(item.first) = item.second;
    PyErr_SetObject(cls.ptr(), instance.ptr());
    throw py::error_already_set();
}

py::object or_none(int value, bool known) { return known ? py::cast(value) : none(); }
py::object or_none(const std::string& value, bool known) { return known ? py::object(text(value)) : none(); }

}  // namespace

void register_errors(py::module_& m) {
    const py::module_ builtins = py::module_::import("builtins");
    const py::object base = make_class(m, "Error", py::make_tuple(builtins.attr("Exception")), py::dict(),
                                       "Base of every error samverkan raises.");
    py::dict ruleset_attrs;
    for (const char* a : {"path", "line", "column", "key", "rule"}) ruleset_attrs[a] = none();
    make_class(m, "RulesetError", py::make_tuple(base, builtins.attr("ValueError")), ruleset_attrs,
               "A ruleset that cannot be loaded. Attributes: path, line, column, key, rule (None where unknown).");
    py::dict rule_attrs;
    rule_attrs["rule"] = none();
    const py::object violation =
        make_class(m, "RuleViolation", py::make_tuple(base, builtins.attr("ValueError")), rule_attrs,
                   "An action or query the rules forbid; .rule names the rule id.");
    make_class(m, "NotPermitted", py::make_tuple(violation, builtins.attr("PermissionError")), py::dict(),
               "A rights rule (RGT-*) refused the action; .rule names it.");
    py::dict id_attrs;
    id_attrs["id"] = none();
    make_class(m, "UnknownId", py::make_tuple(base, builtins.attr("KeyError")), id_attrs,
               "An id (forum, body, seat) the ruleset does not know; .id is the id asked for.");
    py::dict change_attrs;
    change_attrs["path"] = none();
    change_attrs["rules"] = py::list();
    change_attrs["problems"] = py::list();
    make_class(m, "ChangeError", py::make_tuple(base, builtins.attr("ValueError")), change_attrs,
               "A change to a ruleset that cannot be applied: .path (the change at fault, or None), .rules (every rule "
               "id the result breaks) and .problems (their messages).");
    py::dict log_attrs;
    log_attrs["index"] = none();
    log_attrs["rule"] = none();
    make_class(m, "LogError", py::make_tuple(base, builtins.attr("ValueError")), log_attrs,
               "An event log that cannot be replayed: .index is its first offending event, .rule the rule that event "
               "breaks (None when the event is malformed rather than against a rule).");
    make_class(m, "NoRulesetInForce", py::make_tuple(base, builtins.attr("LookupError")), py::dict(),
               "No embedded ruleset is in force on the date asked for, or a meeting's day lies outside its ruleset's "
               "validity.");
    make_class(m, "ArgumentError", py::make_tuple(base, builtins.attr("ValueError")), py::dict(),
               "An argument the caller gave is malformed: an unknown name, a duplicate id, an out-of-range count or "
               "date.");

    // NOLINTNEXTLINE(performance-unnecessary-value-param): pybind11 takes a void(*)(std::exception_ptr)
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ruleset_error& e) {
            const auto& w = e.where();
            py::dict a;
            a["path"] = or_none(w.path, !w.path.empty());
            a["line"] = or_none(w.line, w.line > 0);
            a["column"] = or_none(w.column, w.column > 0);
            a["key"] = or_none(w.key, !w.key.empty());
            a["rule"] = or_none(w.rule, !w.rule.empty());
            raise("RulesetError", e.what(), a);
        } catch (const change_error& e) {
            py::dict a;
            a["path"] = or_none(e.path(), !e.path().empty());
            py::list rules;
            for (const auto& r : e.rules()) rules.append(text(r));
            a["rules"] = rules;
            py::list problems;
            for (const auto& pr : e.problems())
                problems.append(text(pr.message + (pr.rule.empty() ? "" : " [" + pr.rule + "]")));
            a["problems"] = problems;
            raise("ChangeError", e.what(), a);
        } catch (const not_permitted& e) {
            py::dict a;
            a["rule"] = e.rule();
            raise("NotPermitted", e.what(), a);
        } catch (const rule_violation& e) {
            py::dict a;
            a["rule"] = e.rule();
            raise("RuleViolation", e.what(), a);
        } catch (const unknown_id& e) {
            py::dict a;
            a["id"] = text(e.id());
            raise("UnknownId", e.what(), a);
        } catch (const log_error& e) {
            py::dict a;
            a["index"] = e.index();
            a["rule"] = or_none(e.rule(), !e.rule().empty());
            raise("LogError", e.what(), a);
        } catch (const no_ruleset_in_force& e) {
            raise("NoRulesetInForce", e.what(), py::dict());
        } catch (const invalid_argument& e) {
            raise("ArgumentError", e.what(), py::dict());
        } catch (const error& e) {
            raise("Error", e.what(), py::dict());
        }
    });
}

}  // namespace samverkan::python
