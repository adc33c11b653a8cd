// The binding areas; each converts and forwards, none decides a rule.
#pragma once

#include <pybind11/pybind11.h>

namespace samverkan::python {

void register_batch(pybind11::module_& m);
void register_changes(pybind11::module_& m);
void register_errors(pybind11::module_& m);
void register_event_log(pybind11::module_& m);
void register_meeting(pybind11::module_& m);
void register_minutes(pybind11::module_& m);
void register_risk(pybind11::module_& m);
void register_rotation(pybind11::module_& m);
void register_rules(pybind11::module_& m);
void register_ruleset(pybind11::module_& m);
void register_structure(pybind11::module_& m);

}  // namespace samverkan::python
