// Graphviz DOT export of the structure graph (kept out of the umbrella header).
#pragma once

#include <ostream>
#include <sstream>
#include <string>

#include <boost/graph/graphviz.hpp>

#include <samverkan/structure.hpp>

namespace samverkan {

/// Writes the structure as a DOT digraph: forums as boxes ranked by level, bodies as ellipses,
/// edges labelled with their type and rule id. The anchors_in edges (STR-9) mirror represented_in back
/// down to the bodies: dashed, and left out of the ranking so the layout still runs upward.
inline void write_dot(std::ostream& out, const structure& s) {
    const auto& rs = s.rules();
    // Build a plain adjacency list for boost::write_graphviz; the structure's own graph stays private.
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, std::size_t>;
    std::vector<std::string> ids;
    for (const auto& f : rs.forums) ids.push_back(f.id);
    for (const auto& b : rs.bodies) ids.push_back(b.id);
    auto index_of = [&](const std::string& id) {
        return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
    };
    const auto edges = s.edges();
    graph g(ids.size());
    for (std::size_t i = 0; i < edges.size(); ++i)
        boost::add_edge(index_of(edges[i].from), index_of(edges[i].to), i, g);

    auto quote = [](const std::string& text) {
        std::string q = "\"";
        for (char c : text) {
            if (c == '"' || c == '\\') q += '\\';
            q += c;
        }
        return q + "\"";
    };
    auto vertex_writer = [&](std::ostream& os, std::size_t v) {
        if (v < rs.forums.size()) {
            const auto& f = rs.forums[v];
            os << "[shape=box, label=" << quote(f.name + "\n(" + std::string(to_string(f.level)) + ")")
               << ", id=" << quote(f.id) << "]";
        } else {
            const auto& b = rs.bodies[v - rs.forums.size()];
            os << "[shape=ellipse, label=" << quote(b.name) << ", id=" << quote(b.id) << "]";
        }
    };
    auto edge_writer = [&](std::ostream& os, const auto& edge) {
        const auto& e = edges[g[edge]];
        os << "[label=" << quote(std::string(to_string(e.type)) + " " + e.rule);
        if (e.type == relation_type::anchors_in) os << ", style=dashed, constraint=false";
        os << "]";
    };
    auto graph_writer = [](std::ostream& os) { os << "rankdir=BT;\n"; };
    boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer);
}

/// The structure as a DOT document.
[[nodiscard]] inline std::string to_dot(const structure& s) {
    std::ostringstream out;
    write_dot(out, s);
    return out.str();
}

}  // namespace samverkan
