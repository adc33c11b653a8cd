// Rendering a ruling's steps as text in Swedish or English, from the rule catalogue (rules.hpp).
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include <fmt/args.h>
#include <fmt/format.h>

#include <samverkan/errors.hpp>
#include <samverkan/rules.hpp>
#include <samverkan/ruling.hpp>

#include "render.hpp"

namespace samverkan {
namespace {

std::string_view pick(language lang, std::string_view en, std::string_view sv) {
    return lang == language::sv && !sv.empty() ? sv : en;
}

/// A term's wording, or `fallback` when the catalogue has none for the key.
std::string term_text(language lang, const std::string& key, std::string fallback) {
    if (const term_wording* t = find_term(key)) return std::string(pick(lang, t->en, t->sv));
    return fallback;
}

/// How one fact reads: "name=value" terms first, then bare-value terms, then the value as it is.
std::string render_value(language lang, const fact& f) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                const std::string raw = v ? "true" : "false";
                return term_text(lang, f.name + "=" + raw, term_text(lang, raw, raw));
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return term_text(lang, f.name + "=" + v, v);
            } else {
                if (v.empty()) return term_text(lang, "none", "none");
                std::string out;
                for (const auto& id : v) out += (out.empty() ? "" : ", ") + id;
                return out;
            }
        },
        f.value);
}

}  // namespace

std::string detail::render_step(language lang, const ruling_step& s) {
    const step_wording* w = find_step_wording(s.rule, s.kind);
    if (w == nullptr) throw error("the rule catalogue has no wording for step " + s.rule + " '" + s.kind + "'");
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const auto& f : s.facts) args.push_back(fmt::arg(f.name.c_str(), render_value(lang, f)));
    try {
        return fmt::vformat(pick(lang, w->en, w->sv), args);
    } catch (const fmt::format_error& e) {
        throw error("the wording of step " + s.rule + " '" + s.kind + "' names a fact the step lacks: " + e.what());
    }
}

std::string detail::wording(language lang, const std::string& key) {
    const term_wording* t = find_term(key);
    if (t == nullptr) throw error("the catalogue has no text '" + key + "'");
    return std::string(pick(lang, t->en, t->sv));
}

std::string ruling::explain(language lang) const {
    std::string out;
    const std::string source_word = term_text(lang, "source", "source");
    for (const auto& s : steps()) {
        out += s.rule + "  " + detail::render_step(lang, s);
        if (const rule_info* r = find_rule(s.rule)) {
            if (!r->law.empty()) out += " — " + std::string(r->law);
            out += "\n      [" + std::string(pick(lang, r->title, r->title_sv)) + "; " + source_word + ": " +
                   std::string(r->source) + "]";
            if (!r->quote.empty()) out += "\n      «" + std::string(r->quote) + "»";
        }
        out += "\n";
    }
    return out;
}

}  // namespace samverkan
