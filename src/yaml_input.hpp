// Reading YAML input safely: the checks made while streaming, before any tree is built, shared by the
// ruleset loader and the change-file reader. Private to the compiled library.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <samverkan/errors.hpp>
#include <samverkan/load.hpp>
#include <samverkan/problem.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan::detail {

struct context {
    std::string origin;

    [[noreturn]] void fail(const YAML::Mark& mark, std::string key, std::string message, std::string rule = {}) const {
        const bool known = !mark.is_null() && mark.line >= 0;
        throw ruleset_error(std::move(message),
                            ruleset_location(origin, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0,
                                             std::move(key), std::move(rule)));
    }
};

inline std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

inline std::string indexed(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

/// Refuses, while streaming and before any tree is built, what would make the tree dangerous or
/// ambiguous: nesting deeper than max_ruleset_depth, aliases, duplicate keys and several documents.
class prescan final : public YAML::EventHandler {
public:
    explicit prescan(const context& ctx, std::string target = {}) : ctx_(ctx), target_(std::move(target)) {}

    /// Where the node at `target` (a key path such as "meeting.quorum") was written, if seen.
    [[nodiscard]] const std::optional<YAML::Mark>& found() const noexcept { return found_; }

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) ctx_.fail(mark, "", "a ruleset file holds one YAML document; found a second");
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, "~"); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        ctx_.fail(mark, path(), "aliases (*name) are not allowed in a ruleset; write the value out");
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
        node(mark, value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        node(mark, {});
        push(mark, false);
    }
    void OnSequenceEnd() override { frames_.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        node(mark, {});
        push(mark, true);
    }
    void OnMapEnd() override { frames_.pop_back(); }

    [[nodiscard]] int documents() const noexcept { return documents_; }

private:
    struct frame {
        bool is_map;
        bool at_key = true;
        std::size_t items = 0;
        std::string current;  // the key whose value is being read, or the index
        std::set<std::string, std::less<>> keys;
    };

    void push(const YAML::Mark& mark, bool is_map) {
        if (static_cast<int>(frames_.size()) >= max_ruleset_depth)
            ctx_.fail(mark, path(), "nested deeper than " + std::to_string(max_ruleset_depth) + " levels; refused");
        frames_.push_back(frame{is_map, true, 0, {}, {}});
    }

    // Called for every node before it opens a collection: tracks keys and position.
    void node(const YAML::Mark& mark, const std::string& scalar) {
        if (frames_.empty()) return;
        auto& f = frames_.back();
        if (!f.is_map) {
            f.current = "[" + std::to_string(f.items++) + "]";
        } else {
            if (f.at_key) {
                if (!f.keys.insert(scalar).second)
                    ctx_.fail(mark, join(path_above(), scalar), "duplicate key '" + scalar + "'");
                f.current = scalar;
            }
            f.at_key = !f.at_key;
        }
        // The value is seen after its key, so a value's mark wins over its key's.
        if (!target_.empty() && path() == target_) found_ = mark;
    }

    std::string path_above() const {
        std::string out;
        for (std::size_t i = 0; i + 1 < frames_.size(); ++i) append(out, frames_[i].current);
        return out;
    }
    std::string path() const {
        std::string out;
        for (const auto& f : frames_) append(out, f.current);
        return out;
    }
    static void append(std::string& out, const std::string& part) {
        if (part.empty()) return;
        if (part.front() == '[' || out.empty())
            out += part;
        else
            out += "." + part;
    }

    const context& ctx_;
    std::string target_;
    std::optional<YAML::Mark> found_;
    std::vector<frame> frames_;
    int documents_ = 0;
};

/// Scans `text` with the checks of prescan and parses it; every fault is a ruleset_error naming `origin`.
/// `what` names the kind of file in the message about an empty one.
[[nodiscard]] YAML::Node parse_guarded(const std::string& text, const std::string& origin, std::string_view what);

/// Reads a ruleset from YAML text without the consistency and structure checks (stage 1 only).
[[nodiscard]] ruleset_ptr read_unchecked(const std::string& text, const std::string& origin);

/// Every problem of the consistency checks, or, when there are none, of the structure rules.
[[nodiscard]] std::vector<problem> ruleset_problems(const ruleset_ptr& rs);

}  // namespace samverkan::detail
