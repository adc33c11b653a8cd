// What the Python objects hold: the immutable ruleset, its structure graph built once, and its forums
// compiled for the meeting kernel on first use.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include <samverkan/kernel.hpp>
#include <samverkan/ruleset.hpp>
#include <samverkan/structure.hpp>

namespace samverkan::python {

struct ruleset_handle {
    explicit ruleset_handle(ruleset_ptr r) : rules(std::move(r)), graph(std::make_shared<structure>(rules)) {}

    /// The forum compiled for the kernel, once per handle (thread-safe).
    [[nodiscard]] compiled_forum_ptr compiled(std::string_view forum_id) const {
        const std::lock_guard lock(cache->mutex);
        const auto it = cache->forums.find(forum_id);
        if (it != cache->forums.end()) return it->second;
        auto cf = compile_forum(rules, forum_id);
        cache->forums.emplace(std::string(forum_id), cf);
        return cf;
    }

    ruleset_ptr rules;
    std::shared_ptr<structure> graph;
    std::shared_ptr<const std::string> text;  ///< the YAML it was loaded from, where load_string gave it

private:
    struct forum_cache {
        std::mutex mutex;
        std::map<std::string, compiled_forum_ptr, std::less<>> forums;
    };
    std::shared_ptr<forum_cache> cache = std::make_shared<forum_cache>();
};

}  // namespace samverkan::python
