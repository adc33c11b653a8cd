// Synthetic rulesets of a chosen size, as YAML text (docs/ruleset-schema.md) that passes every check of the
// loader: for measuring how loading, the structure graph, its queries and the rotation grow with size.
//
// The shape follows goteborg-2026.yaml, scaled up:
//   political   samrad (every body holds an ordinary and a substitute seat; CMP-1, CMP-2, QRM-2) and presidium
//               (the samråd's offices, appointed by the samråd: CMP-5, ROT-5)
//   strategic   lgs, and s0, s1, … which prepare for LGS (STR-2); LGS prepares for and reports to the samråd
//               (STR-1, STR-8), and decides the handlingsplan (STR-3)
//   operational o0, o1, … each reporting to one strategic forum, so every one reaches LGS (STR-4)
//   support     u0, u1, … supporting LGS (STR-6)
//   bodies      m0, m2, … municipalities, each its own party; r1, r3, … boards of the region, every tenth a
//               purchaser and the others providers. Each sits in the samråd, so reaches it (STR-7), the samråd
//               reports back to each (STR-7) and each adopts its positions (CNS-5).
//   rotation    every municipality and provider in the pools (ROT-2, ROT-3a); terms of one year from
//               0001-01-01 (the first date samverkan takes), so that 9,999 terms end by max_date (ROT-1, ROT-6).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::bench {

/// How large a synthetic ruleset is.
struct synthetic_size {
    std::size_t forums = 6;  ///< 6 or more: the samråd, its presidium, LGS, and forums of every level
    std::size_t bodies = 2;  ///< 2 or more; each holds two seats in the samråd
};

/// `n` forums and seats together (n ≥ 10): n / 4 bodies holding n / 2 seats, and the rest forums.
[[nodiscard]] inline synthetic_size forums_and_seats(std::size_t n) {
    const std::size_t bodies = n / 4 < 2 ? 2 : n / 4;
    const std::size_t forums = n < 2 * bodies + 6 ? 6 : n - 2 * bodies;
    return {forums, bodies};
}

/// The ids of a synthetic ruleset, by role.
struct synthetic_ids {
    std::vector<std::string> bodies;  ///< all of them, in the order written
    std::vector<std::string> municipalities, providers, purchasers;
    std::vector<std::string> strategic, operational, support;  ///< besides LGS
};

/// "o12": a letter and a number.
[[nodiscard]] inline std::string numbered(char letter, std::size_t i) {
    std::string id(1, letter);
    id += std::to_string(i);
    return id;
}

[[nodiscard]] inline synthetic_ids synthetic_ids_of(synthetic_size size) {
    synthetic_ids ids;
    const std::size_t bodies = size.bodies < 2 ? 2 : size.bodies;
    for (std::size_t i = 0; i < bodies; ++i) {
        ids.bodies.push_back(numbered(i % 2 == 0 ? 'm' : 'r', i));
        auto& kind = i % 2 == 0 ? ids.municipalities : (i / 2) % 10 == 9 ? ids.purchasers : ids.providers;
        kind.push_back(ids.bodies.back());
    }
    const std::size_t rest = (size.forums < 6 ? 6 : size.forums) - 3;  // besides samrad, presidium and lgs
    const std::size_t strategic = rest / 10 < 1 ? 1 : rest / 10;
    const std::size_t support = strategic;
    for (std::size_t i = 0; i < strategic; ++i) ids.strategic.push_back(numbered('s', i));
    for (std::size_t i = 0; i < support; ++i) ids.support.push_back(numbered('u', i));
    for (std::size_t i = 0; i < rest - strategic - support; ++i) ids.operational.push_back(numbered('o', i));
    return ids;
}

namespace detail {

/// "[a, b, c]", wrapped so that no line grows past about 100 characters.
inline void append_list(std::string& out, const std::vector<std::string>& ids, std::string_view indent) {
    out += '[';
    std::size_t line = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            out += ',';
            if (line > 90) {
                out += '\n';
                out += indent;
                line = 0;
            } else {
                out += ' ';
            }
        }
        out += ids[i];
        line += ids[i].size() + 2;
    }
    out += ']';
}

}  // namespace detail

/// The YAML text of a valid ruleset of the given size (see the top of this file for its shape).
[[nodiscard]] inline std::string synthetic_ruleset(synthetic_size size) {
    const auto ids = synthetic_ids_of(size);
    const auto& bodies = ids.bodies;
    std::string y;
    y.reserve(80 * (size.forums + 3 * bodies.size()));
    y += "samverkan_ruleset: 1\nid: synthetic\nname: Synthetic ruleset\nvalid_from: 2026-01-01\n";
    y += "sources:\n  - {id: \"000\", file: synthetic.txt, title: Synthetic}\n";
    y += "roles: {samrad: samrad, lgs: lgs}\n";

    y += "parties:\n  - {id: vgr, name: Region, side: region}\n";
    for (const auto& m : ids.municipalities) y += "  - {id: " + m + ", name: " + m + ", side: municipal}\n";

    y += "bodies:\n";
    for (const auto& b : ids.municipalities)
        y += "  - {id: " + b + ", name: " + b + ", party: " + b + ", kind: municipality}\n";
    for (const auto& b : ids.providers) y += "  - {id: " + b + ", name: " + b + ", party: vgr, kind: provider}\n";
    for (const auto& b : ids.purchasers) y += "  - {id: " + b + ", name: " + b + ", party: vgr, kind: purchaser}\n";

    y += "forums:\n  - id: samrad\n    name: Samråd\n    level: political\n    seats:\n";
    for (const auto& b : bodies) {
        y += "      - {id: " + b + "/o, kind: ordinary, body: " + b + "}\n";
        y += "      - {id: " + b + "/s, kind: substitute, body: " + b + "}\n";
    }
    y += "  - id: presidium\n    name: Presidium\n    level: political\n    offices:\n"
         "      - {forum: samrad, role: chair, appointed_by: samrad, rule: CMP-5}\n"
         "      - {forum: samrad, role: vice_chair, appointed_by: samrad, rule: CMP-5}\n"
         "      - {forum: lgs, role: chair}\n";
    y += "  - {id: lgs, name: LGS, level: strategic}\n";
    for (const auto& f : ids.strategic) y += "  - {id: " + f + ", name: " + f + ", level: strategic}\n";
    for (const auto& f : ids.operational) y += "  - {id: " + f + ", name: " + f + ", level: operational}\n";
    for (const auto& f : ids.support) y += "  - {id: " + f + ", name: " + f + ", level: support}\n";

    y += "relations:\n";
    y += "  - {rule: STR-1, type: prepares_for, from: [lgs, presidium], to: samrad}\n";
    y += "  - {rule: STR-2, type: prepares_for, to: lgs,\n     from: ";
    detail::append_list(y, ids.strategic, "       ");
    y += "}\n";
    // STR-4: operational forum i reports to strategic forum i mod S.
    std::vector<std::vector<std::string>> reporting(ids.strategic.size());
    for (std::size_t i = 0; i < ids.operational.size(); ++i)
        reporting[i % ids.strategic.size()].push_back(ids.operational[i]);
    for (std::size_t s = 0; s < ids.strategic.size(); ++s) {
        if (reporting[s].empty()) continue;
        y += "  - {rule: STR-4, type: reports_to, to: " + ids.strategic[s] + ",\n     from: ";
        detail::append_list(y, reporting[s], "       ");
        y += "}\n";
    }
    y += "  - {rule: STR-6, type: supports, to: lgs,\n     from: ";
    detail::append_list(y, ids.support, "       ");
    y += "}\n";
    y += "  - {rule: STR-8, type: reports_to, from: lgs, to: samrad}\n";
    y += "  - {rule: STR-7, type: reports_to, from: samrad,\n     to: ";
    detail::append_list(y, bodies, "       ");
    y += "}\n";
    y += "  - {rule: CNS-5, type: adopts, to: samrad,\n     from: ";
    detail::append_list(y, bodies, "       ");
    y += "}\n";

    y += "meeting: {forum: samrad}\n";
    y += "rotation:\n  forum: samrad\n  term_years: 1\n  anchor: 0001-01-01\n  first_holder: " +
         ids.municipalities.front() + "\n  pools:\n    municipal: ";
    detail::append_list(y, ids.municipalities, "      ");
    y += "\n    region: ";
    detail::append_list(y, ids.providers, "      ");
    y += "\nplan:\n  action_plan: {decided_by: lgs}\n";
    return y;
}

}  // namespace samverkan::bench
