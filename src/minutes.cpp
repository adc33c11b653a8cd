// Rendering minutes (minutes.hpp) as Markdown or HTML. Both read one outline of the minutes, built here from the
// catalogue's texts (rules.hpp), so the two forms say the same in the same order.
#include <samverkan/minutes.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/args.h>
#include <fmt/format.h>

#include <samverkan/errors.hpp>

#include "render.hpp"

namespace samverkan {
namespace {

/// One block of the outline: a heading (level 1–3), a paragraph or a list.
struct block {
    enum class type : std::uint8_t { heading, paragraph, list } kind = type::paragraph;
    int level = 0;
    std::vector<std::string> lines;
};

using named = std::vector<std::pair<std::string, std::string>>;

std::string text(language lang, const std::string& key, const named& args = {}) {
    std::string wording = detail::wording(lang, key);
    if (args.empty()) return wording;
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (const auto& [name, value] : args) store.push_back(fmt::arg(name.c_str(), value));
    try {
        return fmt::vformat(wording, store);
    } catch (const fmt::format_error& e) {
        throw error("the catalogue's text '" + key + "' names a value it is not given: " + e.what());
    }
}

std::string joined(const std::vector<std::string>& ids, language lang) {
    if (ids.empty()) return text(lang, "none");
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

/// A seat as the minutes name it: the seat id, with the person's name when the meeting gave one.
std::string who(const minutes& m, const std::string& seat_id) {
    const auto it = m.people.find(seat_id);
    return it == m.people.end() || it->second.name.empty() ? seat_id : it->second.name + " (" + seat_id + ")";
}

std::vector<block> outline(const minutes& m, language lang) {
    std::vector<block> out;
    auto heading = [&](int level, std::string line) {
        out.push_back({block::type::heading, level, {std::move(line)}});
    };
    auto paragraph = [&](std::string line) { out.push_back({block::type::paragraph, 0, {std::move(line)}}); };
    auto list = [&](std::vector<std::string> lines) {
        if (!lines.empty()) out.push_back({block::type::list, 0, std::move(lines)});
    };
    const std::string day = to_iso_string(m.day);

    // MIN-1: minnesanteckningar, never a protocol.
    heading(1, text(lang, "minutes.title") + " – " + m.forum_name + " " + day);
    list({text(lang, "minutes.meeting") + ": " + m.meeting_id, text(lang, "minutes.day") + ": " + day,
          text(lang, "minutes.ruleset") + ": " + m.ruleset_id,
          text(lang, "minutes.status") + ": " + text(lang, "status=" + std::string(to_string(m.record.status)))});

    heading(2, text(lang, "minutes.notice"));  // MTG-2, RGT-3
    if (m.notice) {
        const auto* recipients = std::get_if<std::vector<std::string>>(m.notice->find("recipients"));
        paragraph(text(lang, "minutes.notice_text",
                       {{"day", to_iso_string(m.notice->day)},
                        {"by", m.notice->by},
                        {"count", std::to_string(recipients ? recipients->size() : 0)}}));
    } else {
        paragraph(text(lang, "minutes.no_notice"));
    }

    heading(2, text(lang, "minutes.present"));
    std::vector<std::string> present;
    const forum* f = m.forum ? m.forum->source : nullptr;
    for (const auto& id : m.present) {
        std::string line = who(m, id);
        if (f)
            if (const seat* s = f->find_seat(id))
                line += ", " + text(lang, "seat_kind=" + std::string(to_string(s->kind)));
        if (std::find(m.remote.begin(), m.remote.end(), id) != m.remote.end())
            line += ", " + text(lang, "minutes.remote");
        present.push_back(std::move(line));
    }
    list(std::move(present));

    heading(2, text(lang, "minutes.changes"));  // QRM-4, QRM-5, QRM-7
    std::vector<std::string> changes;
    for (const auto& c : m.changes) {
        const std::string key =
            c.arrived ? (c.remote ? "minutes.arrived_remote" : "minutes.arrived")
                      : (c.reason == leave_reason::disqualified ? "minutes.left_disqualified" : "minutes.left");
        changes.push_back(text(lang, key, {{"seat", who(m, c.seat)}, {"item", std::to_string(c.before_item)}}));
    }
    if (changes.empty()) paragraph(text(lang, "minutes.no_changes"));
    list(std::move(changes));

    heading(2, text(lang, "minutes.presiding"));  // QRM-6
    std::vector<std::string> presiding;
    for (const auto& seat_id : m.presiding()) presiding.push_back(who(m, seat_id));
    paragraph(presiding.empty() ? text(lang, "minutes.nobody") : joined(presiding, lang));

    heading(2, text(lang, "minutes.serving_substitutes"));  // QRM-2
    std::vector<std::string> substitutes;
    for (const auto& it : m.items)
        for (const auto& [ordinary, substitute] : it.decision.substitutions())
            substitutes.push_back(text(
                lang, "minutes.serves_for",
                {{"item", std::to_string(it.number)}, {"substitute", who(m, substitute)}, {"ordinary", ordinary}}));
    if (substitutes.empty()) paragraph(text(lang, "minutes.no_changes"));
    list(std::move(substitutes));

    heading(2, text(lang, "minutes.items"));
    for (const auto& it : m.items) {
        const ruling& r = it.decision;
        heading(3, std::to_string(it.number) + ". " + r.title());
        std::vector<std::string> facts;
        if (!it.matter.empty()) facts.push_back(text(lang, "minutes.matter", {{"id", it.matter}}));
        facts.push_back(text(lang, "minutes.quorum",
                             {{"served", std::to_string(r.served())},
                              {"seats", std::to_string(r.ordinary_seats())},
                              {"threshold", std::to_string(r.threshold())}}));
        if (const auto p = r.presiding()) facts.push_back(text(lang, "minutes.presided", {{"seat", who(m, *p)}}));
        if (r.quorate()) facts.push_back(text(lang, "minutes.serving", {{"seats", joined(r.serving(), lang)}}));
        if (!r.objections().empty())
            facts.push_back(text(lang, "minutes.objections", {{"seats", joined(r.objections(), lang)}}));
        if (!r.abstentions().empty())
            facts.push_back(text(lang, "minutes.abstentions", {{"seats", joined(r.abstentions(), lang)}}));
        // CNS-1: a position is a ställningstagande; CNS-3: återremiss carries what to address.
        facts.push_back(
            text(lang, "minutes.outcome", {{"outcome", text(lang, "outcome=" + std::string(to_string(r.result())))}}));
        if (r.result() == outcome::referred_back)
            facts.push_back(
                text(lang, "minutes.reason", {{"reason", r.reason().empty() ? text(lang, "reason=") : r.reason()}}));
        list(std::move(facts));
        paragraph(text(lang, "minutes.explanation") + ":");
        std::vector<std::string> steps;
        for (const auto& s : r.steps()) steps.push_back(s.rule + " " + detail::render_step(lang, s));
        list(std::move(steps));
    }

    heading(2, text(lang, "minutes.deviations"));  // PLN-4
    std::vector<std::string> deviations;
    for (const auto& v : m.deviations)
        deviations.push_back(text(lang, "minutes.deviation",
                                  {{"index", std::to_string(v.index)},
                                   {"kind", std::string(to_string(v.kind))},
                                   {"subject", v.subject},
                                   {"rule", v.rule},
                                   {"reason", v.reason}}));
    if (deviations.empty()) paragraph(text(lang, "minutes.no_deviations"));
    list(std::move(deviations));

    heading(2, text(lang, "minutes.signing"));  // RGT-2, MIN-2
    if (m.record.signed_on)
        paragraph(text(lang, "minutes.signed",
                       {{"day", to_iso_string(*m.record.signed_on)}, {"seat", who(m, m.record.signed_by)}}));
    else
        paragraph(text(lang, "minutes.unsigned"));
    if (m.record.published_on)
        paragraph(text(lang, "minutes.published", {{"day", to_iso_string(*m.record.published_on)}}));
    return out;
}

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// Markdown: characters that would start markup inside a line are escaped, so a title reads as written (an
/// underscore inside a word, as in seat ids, starts no emphasis and stays as it is).
std::string escape_markdown(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool in_word = i > 0 && i + 1 < s.size() && s[i - 1] != ' ' && s[i + 1] != ' ';
        if (c == '\\' || c == '*' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || (c == '_' && !in_word))
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

}  // namespace

std::string to_markdown(const minutes& m, language lang) {
    std::string out;
    for (const auto& b : outline(m, lang)) {
        switch (b.kind) {
            case block::type::heading:
                out += std::string(static_cast<std::size_t>(b.level), '#') + " " + escape_markdown(b.lines.front()) +
                       "\n\n";
                break;
            case block::type::paragraph:
                out += escape_markdown(b.lines.front()) + "\n\n";
                break;
            case block::type::list:
                for (const auto& line : b.lines) out += "- " + escape_markdown(line) + "\n";
                out += "\n";
                break;
        }
    }
    out.pop_back();  // one newline at the end
    return out;
}

std::string to_html(const minutes& m, language lang) {
    std::string out = R"(<article class="minnesanteckningar" lang=")";
    out += to_string(lang);
    out += "\">\n";
    for (const auto& b : outline(m, lang)) {
        switch (b.kind) {
            case block::type::heading: {
                std::string tag = "h";  // not "h" + to_string(): GCC 12 -O3 warns falsely (-Wrestrict)
                tag += std::to_string(b.level);
                out += fmt::format("<{0}>{1}</{0}>\n", tag, escape_html(b.lines.front()));
                break;
            }
            case block::type::paragraph:
                out += "<p>" + escape_html(b.lines.front()) + "</p>\n";
                break;
            case block::type::list:
                out += "<ul>\n";
                for (const auto& line : b.lines) out += "<li>" + escape_html(line) + "</li>\n";
                out += "</ul>\n";
                break;
        }
    }
    out += "</article>\n";
    return out;
}

}  // namespace samverkan
