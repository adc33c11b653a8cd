// The error hierarchy: every failure the library reports is one of these.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace samverkan {

/// Base of every error the library throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where in a ruleset file a fault lies; members are empty or zero where unknown.
struct ruleset_location {
    explicit ruleset_location(std::string path_ = {}, int line_ = 0, int column_ = 0, std::string key_ = {},
                              std::string rule_ = {})
        : path(std::move(path_)), line(line_), column(column_), key(std::move(key_)), rule(std::move(rule_)) {}

    std::string path;  ///< file name, or "<name> (embedded)" for an embedded ruleset
    int line = 0;      ///< 1-based
    int column = 0;    ///< 1-based
    std::string key;   ///< dotted key path, e.g. "forums[0].seats[3].body"
    std::string rule;  ///< rule id the fault breaks, e.g. "STR-1"
};

/// A ruleset that cannot be loaded: malformed, inconsistent or breaking a structure rule.
class ruleset_error : public error {
public:
    ruleset_error(std::string message, ruleset_location where)
        : error(format(message, where)), message_(std::move(message)), where_(std::move(where)) {}

    /// The message without the location prefix.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    [[nodiscard]] const ruleset_location& where() const noexcept { return where_; }

private:
    static std::string format(const std::string& message, const ruleset_location& w) {
        std::string out = w.path.empty() ? std::string("<ruleset>") : w.path;
        if (w.line > 0) out += ":" + std::to_string(w.line) + ":" + std::to_string(w.column);
        out += ": ";
        if (!w.key.empty()) out += "'" + w.key + "': ";
        out += message;
        if (!w.rule.empty()) out += " [" + w.rule + "]";
        return out;
    }

    std::string message_;
    ruleset_location where_;
};

/// An action or a query the rules forbid; names the rule id.
class rule_violation : public error {
public:
    rule_violation(std::string rule, const std::string& message)
        : error(message + " [" + rule + "]"), rule_(std::move(rule)) {}

    [[nodiscard]] const std::string& rule() const noexcept { return rule_; }

private:
    std::string rule_;
};

/// A rights rule (RGT-*) refused the action.
class not_permitted : public rule_violation {
public:
    using rule_violation::rule_violation;
};

/// An argument the caller gave is malformed: an unknown name, a duplicate id, an out-of-range count or
/// date. The message names the argument and what would be accepted.
class invalid_argument : public error {
public:
    using error::error;
};

/// An event log that cannot be replayed: names the first offending event by its index in the log and, where
/// one applies, the rule the event breaks.
class log_error : public error {
public:
    log_error(std::size_t index, std::string rule, const std::string& message)
        : error("event " + std::to_string(index) + ": " + message), index_(index), rule_(std::move(rule)) {}

    [[nodiscard]] std::size_t index() const noexcept { return index_; }
    /// The rule the event breaks; empty when the event is malformed rather than against a rule.
    [[nodiscard]] const std::string& rule() const noexcept { return rule_; }

private:
    std::size_t index_;
    std::string rule_;
};

/// No ruleset is in force on the date asked for, or a meeting's day lies outside its ruleset's
/// validity (§ 0: no silent fallback).
class no_ruleset_in_force : public error {
public:
    using error::error;
};

/// An id (forum, body, seat, ruleset) that the ruleset does not know.
class unknown_id : public error {
public:
    unknown_id(const std::string& what, std::string id, const std::string& hint = {})
        : error("unknown " + what + " '" + id + "'" + hint), id_(std::move(id)) {}

    [[nodiscard]] const std::string& id() const noexcept { return id_; }

private:
    std::string id_;
};

}  // namespace samverkan
