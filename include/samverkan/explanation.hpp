// Why a ruling is what it is: the record of rules applied, each with the figure it used, rendered
// with the statute and source text the rule catalogue cites.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/rules.hpp>

namespace samverkan {

/// One rule applied, with the figures it used, e.g. {"QRM-3", "8 of 15 ordinary seats served …"}.
struct step {
    std::string rule;
    std::string text;
};

/// The steps of a decision in the order they were taken. Recording is cheap (ids and short texts);
/// the sources are looked up only when the explanation is rendered.
struct explanation {
    std::vector<step> steps;

    void add(std::string rule, std::string text) { steps.push_back({std::move(rule), std::move(text)}); }

    /// The distinct rule ids, in the order first applied.
    [[nodiscard]] std::vector<std::string> rule_ids() const {
        std::vector<std::string> out;
        for (const auto& s : steps)
            if (std::find(out.begin(), out.end(), s.rule) == out.end()) out.push_back(s.rule);
        return out;
    }

    /// One paragraph per step: "QRM-3  <text> — kommunallagen 6 kap. 27 §", then the rule's title and
    /// source (seed file and section) and, where the catalogue has one, the Swedish source text quoted.
    [[nodiscard]] std::string render() const {
        std::string out;
        for (const auto& s : steps) {
            out += s.rule + "  " + s.text;
            if (const rule_info* r = find_rule(s.rule)) {
                if (!r->law.empty()) out += " — " + std::string(r->law);
                out += "\n      [" + std::string(r->title) + "; source: " + std::string(r->source) + "]";
                if (!r->quote.empty()) out += "\n      «" + std::string(r->quote) + "»";
            }
            out += "\n";
        }
        return out;
    }
};

}  // namespace samverkan
