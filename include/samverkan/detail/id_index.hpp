// Look-ups by id in constant time: positions in a list of items that have an `id`.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace samverkan::detail {

/// Where each id sits in a list of items with an `id` member. The first of equal ids wins, as a scan finds
/// it. It refers to the items' strings: the list must outlive it and keep its ids.
class id_positions {
public:
    id_positions() = default;

    template <class T>
    explicit id_positions(const std::vector<T>& items) {
        at_.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) at_.emplace(items[i].id, i);
    }

    /// The position of the first item with this id, or nullopt.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const noexcept {
        const auto it = at_.find(id);
        if (it == at_.end()) return std::nullopt;
        return it->second;
    }

    /// The first item of `items` (the list it was built from) with this id, or nullptr.
    template <class T>
    [[nodiscard]] const T* find_in(const std::vector<T>& items, std::string_view id) const noexcept {
        const auto at = find(id);
        return at ? &items[*at] : nullptr;
    }

    [[nodiscard]] bool empty() const noexcept { return at_.empty(); }

private:
    std::unordered_map<std::string_view, std::size_t> at_;
};

/// The positions by id of a ruleset's parties, bodies and forums, built by freeze() (ruleset.hpp). It refers to
/// the strings of the ruleset that holds it, so a copy or a move of that ruleset (which may then be edited)
/// starts without it and looks up by scanning.
struct ruleset_index {
    ruleset_index() = default;
    ruleset_index(const ruleset_index&) noexcept {}
    ruleset_index(ruleset_index&&) noexcept {}
    ruleset_index& operator=(const ruleset_index&) noexcept {
        *this = ruleset_index();
        return *this;
    }
    ruleset_index& operator=(ruleset_index&&) noexcept {
        parties = {};
        bodies = {};
        forums = {};
        return *this;
    }
    ~ruleset_index() = default;

    id_positions parties, bodies, forums;
};

}  // namespace samverkan::detail
