// samverkan._core: the compiled core of the samverkan Python package.
#include "register.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "The compiled core of samverkan: rulesets, the structure graph and the rule catalogue.";
    samverkan::python::register_errors(m);
    samverkan::python::register_rules(m);
    samverkan::python::register_structure(m);
    samverkan::python::register_ruleset(m);
    samverkan::python::register_changes(m);
    samverkan::python::register_rotation(m);
    samverkan::python::register_event_log(m);
    samverkan::python::register_meeting(m);
    samverkan::python::register_minutes(m);
    samverkan::python::register_batch(m);
    samverkan::python::register_risk(m);
}
