// The structure of the collaboration as a graph: forums and bodies, and who prepares, reports to,
// appoints, supports, adopts for and is anchored in whom (STR-1 … STR-9, CNS-5).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/transform.hpp>

#include <samverkan/errors.hpp>
#include <samverkan/forum.hpp>
#include <samverkan/problem.hpp>
#include <samverkan/relation.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan {

namespace detail {

struct vertex_info {
    std::string id;
    bool is_forum = false;
};

struct edge_info {
    relation_type type = relation_type::prepares_for;
    std::string rule;
    source_mark mark;
};

using structure_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, vertex_info, edge_info>;
using structure_vertex = boost::graph_traits<structure_graph>::vertex_descriptor;
using structure_edge = boost::graph_traits<structure_graph>::edge_descriptor;

/// Keeps the edges for which `keep(type)` holds.
template <class Keep>
struct edge_type_filter {
    const structure_graph* graph = nullptr;
    Keep keep{};
    bool operator()(structure_edge e) const { return keep((*graph)[e].type); }
};

/// Depth-first search state for finding a preparation cycle.
struct cycle_state {
    std::vector<structure_vertex> pred;
    std::optional<structure_edge> back;
};

struct cycle_visitor : boost::default_dfs_visitor {
    cycle_state* state;
    explicit cycle_visitor(cycle_state* s) : state(s) {}
    template <class Graph>
    void tree_edge(structure_edge e, const Graph& g) const {
        state->pred[boost::target(e, g)] = boost::source(e, g);
    }
    template <class Graph>
    void back_edge(const structure_edge& e, const Graph&) const {
        if (!state->back) state->back = e;
    }
};

struct is_escalation {
    bool operator()(relation_type t) const { return escalates(t); }
};
struct is_preparation {
    bool operator()(relation_type t) const { return t == relation_type::prepares_for; }
};

}  // namespace detail

/// Who appoints the holder of an office, and the rule that says so.
struct office_appointment {
    std::string by;  ///< forum or body id
    std::string rule;
};

/// One edge of the structure, as seen from outside.
struct structure_edge {
    std::string from;
    std::string to;
    relation_type type;
    std::string rule;
};

/// The structure graph of one ruleset. Built once, then only queried; safe to share between threads.
class structure {
public:
    /// Builds the graph; throws unknown_id when a relation names an id that is neither forum nor body
    /// (a loaded ruleset has been checked already, so this only happens to rulesets built in code).
    explicit structure(ruleset_ptr rules) : rules_(std::move(rules)) {
        for (const auto& f : rules_->forums) add_vertex(f.id, true);
        for (const auto& b : rules_->bodies) add_vertex(b.id, false);
        for (const auto& f : rules_->forums) {
            std::unordered_set<std::string_view> represented;
            for (const auto& s : f.seats) {
                if (!represented.insert(s.body).second) continue;
                // CMP-1 (VGR bodies), CMP-2 (municipalities): a body holding seats is represented in the forum.
                add_edge(
                    {relation_type::represented_in, s.body, f.id, s.side == side::region ? "CMP-1" : "CMP-2", s.mark});
                // STR-9: its members carry information both ways, so the forum is anchored in the body.
                add_edge({relation_type::anchors_in, f.id, s.body, "STR-9", s.mark});
            }
        }
        for (const auto& r : rules_->relations) add_edge(r);
    }

    [[nodiscard]] const ruleset& rules() const noexcept { return *rules_; }

    /// Forum ids in ruleset order, optionally only those of one level.
    [[nodiscard]] std::vector<std::string> forums(std::optional<level> at = std::nullopt) const {
        return rules_->forums | ranges::views::filter([at](const forum& f) { return !at || f.level == *at; }) |
               ranges::views::transform(&forum::id) | ranges::to<std::vector>();
    }

    /// Who prepares (bereder) the matters of a forum (STR-1, STR-2).
    [[nodiscard]] std::vector<std::string> preparers_of(std::string_view forum_id) const {
        return sources_into(require_forum(forum_id), relation_type::prepares_for);
    }

    /// The bodies that must adopt (fastställa) the forum's directional positions (CNS-5).
    [[nodiscard]] std::vector<std::string> adopters_of(std::string_view forum_id) const {
        return sources_into(require_forum(forum_id), relation_type::adopts);
    }

    /// STR-9 (förankring; CNS-6 for the samråd): the bodies whose members carry information both ways
    /// between the forum and their home organisation, in seat order. Derived from the seats, so a forum
    /// whose members the ruleset does not list as seats (LGS, the theme groups) has none.
    [[nodiscard]] std::vector<std::string> anchoring(std::string_view forum_id) const {
        std::vector<std::string> out;
        for (auto [it, end] = boost::out_edges(require_forum(forum_id), graph_); it != end; ++it)
            if (graph_[*it].type == relation_type::anchors_in) out.push_back(graph_[boost::target(*it, graph_)].id);
        return out;
    }

    /// Who appoints the holder of a forum's office (chair or vice chair), as the offices of the ruleset's
    /// presidia say: the samråd elects its own chair and vice chair (CMP-5). None where the ruleset does not
    /// say; in 2026 that is the chair and vice chair of LGS, who sit in the politiskt presidium (ROT-5).
    [[nodiscard]] std::optional<office_appointment> appointer_of(std::string_view forum_id, office_role role) const {
        (void)require_forum(forum_id);
        for (const auto& f : rules_->forums)
            for (const auto& o : f.offices)
                if (o.forum == forum_id && o.role == role && !o.appointed_by.empty())
                    return office_appointment{o.appointed_by, o.rule};
        return std::nullopt;
    }

    /// STR-3: the forum that decides the övergripande handlingsplan and follows it up yearly (LGS in 2026);
    /// none when the ruleset has no handlingsplan (the 2016 agreement names none).
    [[nodiscard]] std::optional<std::string> action_plan_decider() const {
        if (!rules_->action_plan) return std::nullopt;
        return rules_->action_plan->decided_by;
    }

    /// The shortest way a question travels from one forum or body to another, along preparation,
    /// reporting and representation edges (STR-4, STR-8, STR-1); empty when there is none.
    [[nodiscard]] std::vector<std::string> path(std::string_view from_id, std::string_view to_id) const {
        const auto from = require_vertex(from_id);
        const auto to = require_vertex(to_id);
        const auto pred = predecessors_from(from);
        if (from != to && pred[to] == to) return {};
        std::vector<std::string> out;
        for (auto v = to;; v = pred[v]) {
            out.push_back(graph_[v].id);
            if (v == from) break;
        }
        std::reverse(out.begin(), out.end());
        return out;
    }

    /// Whether a question raised in `from_id` can reach `to_id`.
    [[nodiscard]] bool reaches(std::string_view from_id, std::string_view to_id) const {
        return !path(from_id, to_id).empty();
    }

    /// Every edge: relations as written, and the represented_in and anchors_in edges derived from the seats.
    [[nodiscard]] std::vector<structure_edge> edges() const {
        std::vector<structure_edge> out;
        for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
            const auto& e = graph_[*it];
            out.push_back(
                {graph_[boost::source(*it, graph_)].id, graph_[boost::target(*it, graph_)].id, e.type, e.rule});
        }
        return out;
    }

    /// The structure rules a valid graph keeps (§ 2): preparation is acyclic (STR-1, STR-2); every
    /// operational forum reaches LGS (STR-4); every represented body reaches the samråd (STR-7).
    /// Every forum has a level by construction (the loader requires it, naming STR-4).
    [[nodiscard]] std::vector<problem> validate() const {
        std::vector<problem> out;
        if (auto cycle = preparation_cycle()) out.push_back(std::move(*cycle));
        const auto& roles = rules_->roles;
        // The roles must name forums: a body cannot be the LGS or the samråd.
        const bool lgs = rules_->find_forum(roles.lgs) != nullptr;
        const bool samrad = rules_->find_forum(roles.samrad) != nullptr;
        if (!lgs)
            out.push_back(
                {"STR-4", "roles.lgs must name a forum; '" + roles.lgs + "' is not one", {0, 0, "roles.lgs"}});
        if (!samrad)
            out.push_back(
                {"STR-7", "roles.samrad must name a forum; '" + roles.samrad + "' is not one", {0, 0, "roles.samrad"}});
        if (lgs) {
            const auto reach_lgs = reaching(require_vertex(roles.lgs));
            for (const auto& f : rules_->forums)
                if (f.level == level::operational && !reach_lgs[require_vertex(f.id)])
                    out.push_back({"STR-4",
                                   "operational forum '" + f.id + "' does not reach '" + roles.lgs +
                                       "': add a reports_to relation from it towards LGS",
                                   f.mark});
        }
        if (samrad) {
            const auto reach_samrad = reaching(require_vertex(roles.samrad));
            std::vector<bool> reported(boost::num_vertices(graph_));
            for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
                if (graph_[*it].type != relation_type::represented_in) continue;
                const auto from = boost::source(*it, graph_);
                if (reach_samrad[from] || reported[from]) continue;
                reported[from] = true;
                const auto& body_id = graph_[from].id;
                const body* b = rules_->find_body(body_id);
                out.push_back({"STR-7",
                               "represented body '" + body_id + "' does not reach '" + roles.samrad +
                                   "': the forum it sits in has no way up to the samråd",
                               b != nullptr ? b->mark : graph_[*it].mark});
            }
        }
        return out;
    }

private:
    /// `id` is a forum's or body's id in the ruleset, which outlives the index that refers to it.
    void add_vertex(const std::string& id, bool is_forum) {
        index_.emplace(id, boost::add_vertex(detail::vertex_info{id, is_forum}, graph_));
    }

    void add_edge(const relation& r) {
        const auto from = require_vertex(r.from);
        const auto to = require_vertex(r.to);
        boost::add_edge(from, to, detail::edge_info{r.type, r.rule, r.mark}, graph_);
    }

    [[nodiscard]] std::optional<detail::structure_vertex> find_vertex(std::string_view id) const {
        const auto it = index_.find(id);
        if (it == index_.end()) return std::nullopt;
        return it->second;
    }

    [[nodiscard]] detail::structure_vertex require_vertex(std::string_view id) const {
        if (auto v = find_vertex(id)) return *v;
        // In alphabetical order, so that of equally near ids the same one is named every time.
        auto known = index_ | ranges::views::transform([](const auto& kv) { return kv.first; }) |
                     ranges::to<std::vector<std::string_view>>();
        std::sort(known.begin(), known.end());
        throw unknown_id("forum or body", std::string(id), detail::did_you_mean(id, known));
    }

    [[nodiscard]] detail::structure_vertex require_forum(std::string_view id) const {
        if (const auto v = find_vertex(id); v && graph_[*v].is_forum) return *v;
        (void)rules_->forum_by_id(id);  // not a forum: names the nearest forum when misspelt
        return require_vertex(id);
    }

    [[nodiscard]] std::vector<std::string> sources_into(detail::structure_vertex v, relation_type type) const {
        std::vector<std::string> out;
        for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it)
            if (graph_[*it].type == type) out.push_back(graph_[boost::source(*it, graph_)].id);
        return out;
    }

    /// Breadth-first predecessors along escalation edges; an unreached vertex is its own predecessor.
    [[nodiscard]] std::vector<detail::structure_vertex> predecessors_from(detail::structure_vertex from) const {
        using filter = detail::edge_type_filter<detail::is_escalation>;
        const boost::filtered_graph<detail::structure_graph, filter> up(graph_, filter{&graph_, {}});
        std::vector<detail::structure_vertex> pred(boost::num_vertices(graph_));
        for (std::size_t i = 0; i < pred.size(); ++i) pred[i] = i;
        boost::breadth_first_search(
            up, from,
            boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(pred.data(), boost::on_tree_edge()))));
        return pred;
    }

    /// Per vertex: whether a question raised there reaches `to` along escalation edges (as reaches() says). One
    /// breadth-first search from `to` against the edges.
    [[nodiscard]] std::vector<bool> reaching(detail::structure_vertex to) const {
        using filter = detail::edge_type_filter<detail::is_escalation>;
        const boost::filtered_graph<detail::structure_graph, filter> up(graph_, filter{&graph_, {}});
        const auto down = boost::make_reverse_graph(up);
        std::vector<boost::default_color_type> color(boost::num_vertices(graph_), boost::white_color);
        boost::breadth_first_search(down, to,
                                    boost::color_map(boost::make_iterator_property_map(
                                        color.begin(), boost::get(boost::vertex_index, graph_))));
        std::vector<bool> out(color.size());
        for (std::size_t v = 0; v < color.size(); ++v) out[v] = color[v] != boost::white_color;
        return out;
    }

    /// STR-1, STR-2: the first preparation cycle found, spelled out.
    [[nodiscard]] std::optional<problem> preparation_cycle() const {
        using filter = detail::edge_type_filter<detail::is_preparation>;
        const boost::filtered_graph<detail::structure_graph, filter> prep(graph_, filter{&graph_, {}});
        detail::cycle_state st{std::vector<detail::structure_vertex>(boost::num_vertices(graph_)), std::nullopt};
        boost::depth_first_search(prep, boost::visitor(detail::cycle_visitor{&st}));
        if (!st.back) return std::nullopt;
        const auto head = boost::target(*st.back, graph_);
        std::vector<std::string> cycle{graph_[head].id};
        for (auto v = boost::source(*st.back, graph_); v != head; v = st.pred[v]) cycle.push_back(graph_[v].id);
        cycle.push_back(graph_[head].id);
        std::reverse(cycle.begin() + 1, cycle.end() - 1);
        std::string text;
        for (const auto& id : cycle) text += (text.empty() ? "" : " -> ") + id;
        // Point at the edge of the cycle written last in the file: most often the one just added.
        source_mark mark = graph_[*st.back].mark;
        for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
            for (auto [it, end] = boost::out_edges(index_.find(cycle[i])->second, graph_); it != end; ++it) {
                const auto& e = graph_[*it];
                if (e.type == relation_type::prepares_for && graph_[boost::target(*it, graph_)].id == cycle[i + 1] &&
                    e.mark.line > mark.line)
                    mark = e.mark;
            }
        }
        return problem{"STR-1", "preparation cycle: " + text + " (preparation must flow one way towards the samråd)",
                       mark};
    }

    ruleset_ptr rules_;
    detail::structure_graph graph_;
    std::unordered_map<std::string_view, detail::structure_vertex> index_;  ///< by id, into the ruleset's strings
};

}  // namespace samverkan
