// One entry of the rule catalogue (rules.hpp).
#pragma once

#include <string_view>

namespace samverkan {

/// One rule of the specification, with the text it cites.
struct rule_info {
    std::string_view id;         ///< "QRM-3"
    std::string_view title;      ///< short English title
    std::string_view statement;  ///< the rule in English, as the specification states it
    std::string_view source;     ///< seed file and section, e.g. "003_324ab1002b074ef9.txt § Mandat och arbetsformer"
    std::string_view quote;      ///< the Swedish source text, verbatim, where one exists
    std::string_view law;        ///< the statute it borrows from, e.g. "kommunallagen 6 kap. 27 §", or empty
    std::string_view title_sv;   ///< short Swedish title
    std::string_view statement_sv;  ///< the rule in Swedish
};

}  // namespace samverkan

namespace samverkan {

/// The wording of one kind of step of a ruling, in both languages; `{name}` stands for the step's fact.
struct step_wording {
    std::string_view rule;  ///< "QRM-3"
    std::string_view kind;  ///< "quorum"
    std::string_view en;
    std::string_view sv;
};

/// How a fact's value reads in each language, keyed "name=value" (e.g. "quorate=true") or a bare value
/// ("true", "none") used for every fact.
struct term_wording {
    std::string_view key;
    std::string_view en;
    std::string_view sv;
};

}  // namespace samverkan
