// What a Python EventLog holds: the C++ event log and the Python Ruleset it keeps its steps under.
#pragma once

#include <memory>

#include <samverkan/event_log.hpp>

#include "handles.hpp"

namespace samverkan::python {

struct event_log_handle {
    event_log core;
    std::shared_ptr<ruleset_handle> rules;
};

}  // namespace samverkan::python
