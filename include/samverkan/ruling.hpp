// The ruling of one agenda item as data: the kernel's figures, the structured steps that explain them
// (rule id + named facts) and the unknowns a ruling could not decide. Text is rendered from the steps
// on demand, in Swedish or English, from the rule catalogue (rules.hpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/kernel.hpp>

namespace samverkan {

/// The languages explanations are rendered in; Swedish is the default wherever a person reads.
enum class language : std::uint8_t { sv, en };

/// The person holding a seat; the presiding fallback (QRM-6) reads birth date and tenure.
struct person {
    std::string name;
    std::optional<date> born;
    std::optional<date> member_since;  ///< for presiding_fallback: longest_serving_then_eldest
};

/// A fact's value: a count, a yes/no, an id or a date (text), or a list of ids.
using fact_value = std::variant<std::int64_t, bool, std::string, std::vector<std::string>>;

/// One named fact of a step, e.g. {"threshold", 8}.
struct fact {
    std::string name;
    fact_value value;
    friend bool operator==(const fact&, const fact&) = default;
};

/// One rule applied: the rule id, which of its wordings (`kind`), and the facts it used.
struct ruling_step {
    std::string rule;  ///< "QRM-3"
    std::string kind;  ///< "quorum": selects the wording in the catalogue
    std::vector<fact> facts;
    friend bool operator==(const ruling_step&, const ruling_step&) = default;

    /// The fact with this name, or nullptr.
    [[nodiscard]] const fact_value* find(std::string_view name) const noexcept {
        const auto it = std::find_if(facts.begin(), facts.end(), [&](const fact& f) { return f.name == name; });
        return it == facts.end() ? nullptr : &it->value;
    }
};

/// Data a ruling lacked: what is missing, for which seats, and what it would decide.
struct unknown {
    std::string rule;                     ///< "QRM-6"
    std::string decides;                  ///< "presiding"
    std::vector<std::string> missing;     ///< the data fields, e.g. {"born"}
    std::vector<std::string> seats;       ///< the seats lacking them
    std::vector<std::string> candidates;  ///< who may turn out to be chosen
    friend bool operator==(const unknown&, const unknown&) = default;
};

/// Where the chair and vice chair came from when the caller did not name them (ROT-3a).
struct rotation_source {
    std::string chair_body;
    std::string vice_chair_body;
    date start{};
    date end{};
};

/// Everything a meeting starts from, exactly as the caller gave it.
struct meeting_setup {
    std::string forum = "politiskt_samrad";
    date day{};
    std::vector<std::string> present;                   ///< seat ids present when the meeting opens
    std::vector<std::string> remote;                    ///< seat ids taking part remotely (QRM-7); implies present
    std::optional<std::string> chair;                   ///< none: the rotation's term in force decides (ROT-3a)
    std::optional<std::string> vice_chair;              ///< likewise
    std::map<std::string, person, std::less<>> people;  ///< by seat id
};

/// What a meeting fixes for all its items: the setup as given and the values derived from it. Shared by
/// its rulings.
struct meeting_context {
    compiled_forum_ptr forum;
    meeting_setup setup;
    std::optional<std::string> chair;         ///< the chair's seat in force (given, or from the rotation)
    std::optional<std::string> vice_chair;    ///< likewise
    std::optional<rotation_source> rotation;  ///< set when an office came from the rotation
    presiding_order order;
};

/// The decision on one agenda item, with what explains it. A value: copying it shares the context.
class ruling {
public:
    ruling(std::shared_ptr<const meeting_context> context, std::string title, std::string reason,
           const item_masks& input, const item_ruling& result)
        : context_(std::move(context)),
          title_(std::move(title)),
          reason_(std::move(reason)),
          input_(input),
          result_(result) {}

    [[nodiscard]] const std::string& title() const noexcept { return title_; }
    [[nodiscard]] const std::string& forum_id() const noexcept { return context_->forum->source->id; }
    [[nodiscard]] date day() const noexcept { return context_->setup.day; }
    [[nodiscard]] const std::string& ruleset_id() const noexcept { return context_->forum->rules->id; }
    [[nodiscard]] const std::optional<std::string>& chair() const noexcept { return context_->chair; }
    [[nodiscard]] const std::optional<std::string>& vice_chair() const noexcept { return context_->vice_chair; }

    [[nodiscard]] bool quorate() const noexcept { return result_.quorate; }
    [[nodiscard]] std::size_t served() const noexcept { return result_.served; }  ///< ordinary seats served
    [[nodiscard]] std::size_t ordinary_seats() const noexcept { return result_.ordinary_seats; }
    [[nodiscard]] std::size_t threshold() const noexcept { return result_.threshold; }  ///< QRM-3
    [[nodiscard]] samverkan::outcome result() const noexcept { return result_.result; }
    [[nodiscard]] int referrals() const noexcept { return result_.referrals; }           ///< after this item
    [[nodiscard]] bool remote_counts() const noexcept { return result_.remote_counts; }  ///< QRM-7
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }  ///< as the meeting gave it (CNS-3)

    /// The seat presiding; none when the item is not dealt with or the fallback lacks data (see unknowns()).
    [[nodiscard]] std::optional<std::string> presiding() const {
        if (result_.presiding == no_seat) return std::nullopt;
        return id(result_.presiding);
    }
    /// Seat ids of the serving members, in seat order.
    [[nodiscard]] std::vector<std::string> serving() const { return ids(result_.serving); }
    [[nodiscard]] std::vector<std::string> objections() const { return ids(input_.objections & cf().all); }
    [[nodiscard]] std::vector<std::string> abstentions() const { return ids(input_.abstentions & cf().all); }
    /// (ordinary seat, substitute serving it), in seat order (QRM-2).
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> substitutions() const {
        std::vector<std::pair<std::string, std::string>> out;
        cf().ordinary.for_each([&](std::size_t o) {
            const auto s = result_.assignment[o];
            if (s != no_seat && s != o) out.emplace_back(id(o), id(s));
        });
        return out;
    }

    /// The kernel's figures and its input.
    [[nodiscard]] const item_ruling& data() const noexcept { return result_; }
    [[nodiscard]] const item_masks& input() const noexcept { return input_; }
    [[nodiscard]] const meeting_context& context() const noexcept { return *context_; }

    /// What the ruling could not decide for want of data (QRM-6).
    [[nodiscard]] std::vector<unknown> unknowns() const {
        if (result_.basis != presiding_basis::unknown) return {};
        return {{"QRM-6", "presiding", missing_fields(), ids(result_.lacking), ids(result_.candidates)}};
    }

    /// The rules applied, step by step, with the facts each used.
    [[nodiscard]] std::vector<ruling_step> steps() const;

    /// The distinct rule ids of the steps, in the order first applied.
    [[nodiscard]] std::vector<std::string> rules() const {
        std::vector<std::string> out;
        for (const auto& s : steps())
            if (std::find(out.begin(), out.end(), s.rule) == out.end()) out.push_back(s.rule);
        return out;
    }

    /// The steps as text: each with its statute, the rule's title and source, and the quoted source text.
    /// Defined in the compiled library.
    [[nodiscard]] std::string explain(language lang = language::sv) const;

private:
    [[nodiscard]] const compiled_forum& cf() const noexcept { return *context_->forum; }
    [[nodiscard]] const std::string& id(std::size_t i) const noexcept { return cf().at(i).id; }
    [[nodiscard]] std::vector<std::string> ids(const seat_mask& m) const {
        std::vector<std::string> out;
        m.for_each([&](std::size_t i) { out.push_back(id(i)); });
        return out;
    }
    /// The fields the fallback needs that some seat in `lacking` does not have, in the fallback's order.
    [[nodiscard]] std::vector<std::string> missing_fields() const {
        bool since = false, born = false;
        const bool by_tenure = cf().params.presiding == presiding_fallback::longest_serving_then_eldest;
        result_.lacking.for_each([&](std::size_t i) {
            const auto it = context_->setup.people.find(id(i));
            const person* p = it == context_->setup.people.end() ? nullptr : &it->second;
            since = since || (by_tenure && (p == nullptr || !p->member_since));
            born = born || p == nullptr || !p->born;
        });
        std::vector<std::string> out;
        if (since) out.emplace_back("member_since");
        if (born) out.emplace_back("born");
        return out;
    }

    std::shared_ptr<const meeting_context> context_;
    std::string title_;
    std::string reason_;
    item_masks input_;
    item_ruling result_;
};

inline std::vector<ruling_step> ruling::steps() const {
    const auto& p = cf().params;
    const auto& r = result_;
    std::vector<ruling_step> out;
    auto add = [&](const char* rule, const char* kind, std::vector<fact> facts = {}) {
        out.push_back({rule, kind, std::move(facts)});
    };
    const seat_mask can_serve = (input_.present & cf().all).minus(input_.left).minus(input_.disqualified);
    const seat_mask remote = can_serve & input_.remote;
    if (r.any_remote) {  // QRM-7
        const char* kind = r.remote_counts    ? "remote_counts"
                           : p.remote.allowed ? "remote_nobody_on_site"
                                              : "remote_not_allowed";
        add("QRM-7", kind, {{"seats", ids(remote)}});
    }
    if ((input_.disqualified & cf().all).any())
        add("QRM-4", "disqualified", {{"seats", ids(input_.disqualified & cf().all)}});
    if ((input_.left & cf().all).any()) add("QRM-5", "left", {{"seats", ids(input_.left & cf().all)}});

    // QRM-2: who serves.
    const auto subs = substitutions();
    add("QRM-2", "own_seats",
        {{"own", static_cast<std::int64_t>(r.served - subs.size())},
         {"ordinary_seats", std::int64_t{r.ordinary_seats}}});
    for (const auto& [ordinary, substitute] : subs)
        add("QRM-2", "substitute",
            {{"substitute", substitute}, {"ordinary", ordinary}, {"scope", std::string(to_string(p.substitution))}});
    seat_mask vacant;
    cf().ordinary.for_each([&](std::size_t o) {
        if (r.assignment[o] == no_seat) vacant.set(o);
    });
    if (vacant.any()) add("QRM-2", "vacant", {{"seats", ids(vacant)}});

    // QRM-3: quorum.
    if (p.quorum.both_sides_present)
        add("QRM-3", "both_sides", {{"municipal", r.municipal_serves}, {"region", r.region_serves}});
    add("QRM-3", "quorum",
        {{"served", std::int64_t{r.served}},
         {"ordinary_seats", std::int64_t{r.ordinary_seats}},
         {"quorum", std::string(to_string(p.quorum.kind))},
         {"threshold", std::int64_t{r.threshold}},
         {"quorate", r.quorate}});
    if (!r.quorate) {
        add("CNS-4", "not_quorate");
        return out;
    }

    // QRM-6: who presides (ROT-3a when the offices came from the rotation).
    if (const auto& rot = context_->rotation)
        add("ROT-3a", "rotation",
            {{"chair", rot->chair_body},
             {"vice_chair", rot->vice_chair_body},
             {"start", to_iso_string(rot->start)},
             {"end", to_iso_string(rot->end)}});
    const auto& chair = context_->chair;
    const auto& vice = context_->vice_chair;
    if (r.basis == presiding_basis::chair) {
        add("QRM-6", "chair_presides", {{"seat", *chair}});
    } else {
        add("QRM-6", chair ? "chair_cannot" : "no_chair",
            chair ? std::vector<fact>{{"seat", *chair}} : std::vector<fact>{});
        if (r.basis == presiding_basis::vice_chair) {
            add("QRM-6", "vice_chair_presides", {{"seat", *vice}});
        } else {
            add("QRM-6", vice ? "vice_chair_cannot" : "no_vice_chair",
                vice ? std::vector<fact>{{"seat", *vice}} : std::vector<fact>{});
            const bool by_tenure = p.presiding == presiding_fallback::longest_serving_then_eldest;
            if (r.basis == presiding_basis::fallback) {
                const auto& who = id(r.presiding);
                const auto it = context_->setup.people.find(who);
                const person none;
                const person& pp = it == context_->setup.people.end() ? none : it->second;
                std::vector<fact> facts{{"seat", who}, {"name", pp.name}};
                if (by_tenure && pp.member_since) facts.push_back({"member_since", to_iso_string(*pp.member_since)});
                if (pp.born) facts.push_back({"born", to_iso_string(*pp.born)});
                add("QRM-6", by_tenure ? "longest_serving_presides" : "eldest_presides", std::move(facts));
            } else if (r.basis == presiding_basis::unknown) {
                add("QRM-6", "unknown",
                    {{"missing", missing_fields()}, {"seats", ids(r.lacking)}, {"candidates", ids(r.candidates)}});
            } else {
                add("QRM-6", "nobody");
                return out;
            }
        }
    }

    // RGT-1: attending substitutes speak but take no part.
    const seat_mask attending = can_serve.minus(r.serving);
    if (attending.any()) add("RGT-1", "attending", {{"seats", ids(attending)}});

    // CNS-2: consensus; CNS-1 or CNS-3.
    add("CNS-2", "consensus",
        {{"serving", static_cast<std::int64_t>(r.serving.count())},
         {"objections", objections()},
         {"abstentions", abstentions()},
         {"consensus", std::string(to_string(p.consensus))},
         {"reached", r.result == outcome::position}});
    if (r.result == outcome::position) {
        add("CNS-1", "position");
    } else if (r.result == outcome::referred_back) {
        add("CNS-3", "referred_back",
            {{"referral", std::int64_t{r.referrals}},
             {"max_referrals", std::int64_t{p.max_referrals}},
             {"reason", reason_}});
    } else if (r.exhausted) {
        add("CNS-3", "removed_exhausted",
            {{"referrals", std::int64_t{input_.referrals}}, {"max_referrals", std::int64_t{p.max_referrals}}});
    } else {
        add("CNS-3", "removed_by_choice",
            {{"by", std::string(input_.choice != no_consensus_choice::unspecified ? "meeting" : "ruleset")},
             {"reason", reason_}});
    }
    return out;
}

namespace detail {
template <>
struct enum_names<language> {
    static constexpr std::array<std::string_view, 2> names{"sv", "en"};
};
}  // namespace detail

}  // namespace samverkan
