// What a Python EventLog holds: the C++ event log and the Python Ruleset it keeps its steps under.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

#include <samverkan/event_log.hpp>

#include "handles.hpp"

namespace samverkan::python {

/// How a step from Python is taken: `force` with the reason it needs when the step breaks a rule.
inline step_options forced(bool force, const std::optional<std::string>& reason) {
    return {force, reason.value_or("")};
}

/// Forced steps (avvikelser, PLN-4) as a list of dicts: index, kind, subject, rule, reason.
inline pybind11::list violation_dicts(const std::vector<violation>& violations) {
    pybind11::list out;
    for (const auto& v : violations) {
        pybind11::dict d;
        d["index"] = v.index;
        d["kind"] = std::string(to_string(v.kind));
        d["subject"] = v.subject;
        d["rule"] = v.rule;
        d["reason"] = v.reason;
        out.append(d);
    }
    return out;
}

struct event_log_handle {
    event_log core;
    std::shared_ptr<ruleset_handle> rules;
};

}  // namespace samverkan::python
