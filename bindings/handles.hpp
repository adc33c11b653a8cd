// What the Python objects hold: the immutable ruleset and its structure graph, built once.
#pragma once

#include <memory>
#include <utility>

#include <samverkan/ruleset.hpp>
#include <samverkan/structure.hpp>

namespace samverkan::python {

struct ruleset_handle {
    explicit ruleset_handle(ruleset_ptr r) : rules(std::move(r)), graph(std::make_shared<structure>(rules)) {}

    ruleset_ptr rules;
    std::shared_ptr<structure> graph;
};

}  // namespace samverkan::python
