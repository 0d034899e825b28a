// budgetkernel/redis: Budget<Set, Overflow>, a budget whose spent counters
// live in Redis, shared by every process that names the same budget, with
// the kernel's answers (SPEC sections 2, 8, 9) computed atomically on the
// server.
#pragma once

#include <array>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/set.hpp>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../amount.hpp"
#include "../configuration.hpp"
#include "../dim.hpp"
#include "../dims.hpp"
#include "../keyed_amount.hpp"
#include "../overflow.hpp"
#include "../slot.hpp"
#include "../verdict.hpp"
#include "client.hpp"
#include "encoding.hpp"
#include "reservation.hpp"
#include "result.hpp"

namespace budgetkernel::redis {

/// One (key, amount) pair of a keyed multi-dimension call (the kernel's).
using KeyedAmount = budgetkernel::KeyedAmount;

/// A budget over the dimensions of `Set` whose ledger lives in Redis in one
/// hash, `<prefix>{<name>}` (a field per dimension, plus the reset
/// generation and open reservations; one key, so one cluster slot). Every process that makes a Budget with the same
/// client deployment, name and prefix shares one ledger; all of them must use the same Configuration (limits are sent
/// with each admission, so the answers are those of the caller's configuration).
///
/// Each operation is one atomic script call (or one read) on the server and
/// answers exactly what the in-process `bk::Budget<Set, S, Overflow>` would
/// over the whole unsigned 64-bit range; faults come back as `Error` values.
///
/// @tparam Set      `Dims<D...>`, as for the kernel's Budget.
/// @tparam Overflow `Saturate` (totals stop at 2^64-1) or `Checked` (a
///                  charge that would pass 2^64-1 is refused: Overflow).
///
/// @code
/// bk::redis::Client client{{.host = "127.0.0.1", .port = 6379}};
/// auto b = bk::redis::Budget<bk::Dims<bk::Calls>>::make(client, config, "tenant-42");
/// auto v = b->try_charge<bk::Calls>(1);  // WouldExhaust once the quota is used
/// @endcode
template <class Set, OverflowPolicy Overflow = Saturate>
class Budget {
    static_assert(is_dims_v<Set>, "budgetkernel: a redis::Budget's first parameter must be bk::Dims<...>");

public:
    using dims = Set;
    using overflow_policy = Overflow;
    using configuration_type = Configuration<Set>;

    /// A handle on the ledger called `name` (with an optional key `prefix`),
    /// judged against `config`. Sends nothing. InvalidName for an empty
    /// name, a name or prefix with '{' or '}', or one over 256 characters.
    /// `client` must outlive the budget.
    static Result<Budget> make(Client& client, const configuration_type& config, std::string_view name,
                               std::string_view prefix = {}) {
        const auto bad = [](std::string_view s) {
            return s.size() > 256 || s.find_first_of("{}") != std::string_view::npos;
        };
        if (name.empty() || bad(name) || bad(prefix)) {
            return Error{Error::Kind::InvalidName,
                         "a budget name must be 1 to 256 characters and neither it nor the prefix (at most 256) "
                         "may contain '{' or '}'"};
        }
        return Budget{client, config, name, prefix};
    }

    [[nodiscard]] const configuration_type& configuration() const noexcept { return config_; }
    /// The budget's Redis key, e.g. `app:{tenant-42}`.
    [[nodiscard]] const std::string& key() const noexcept { return key_; }
    /// The cluster slot every key of this budget is in.
    [[nodiscard]] int slot() const noexcept { return slot_; }

    /// Adds `amount` to `D`'s total (kept even when it exhausts, saturating
    /// or Checked) and returns the verdict, as `bk::Budget::charge<D>`.
    template <class D>
    Result<Verdict> charge(Amount amount) {
        return charge_slot(Slot<Set>::template of<D>(), amount.value());
    }
    /// Keyed `charge`: UnknownDimension (nothing sent) for a key outside the set.
    Result<Verdict> charge(Dim key, Amount amount) {
        if (const auto s = Slot<Set>::find(key)) {
            return charge_slot(*s, amount.value());
        }
        return unknown(key);
    }

    /// The verdict `charge<D>(amount)` would return now; changes nothing.
    template <class D>
    Result<Verdict> would_charge(Amount amount) {
        return would_charge_slot(Slot<Set>::template of<D>(), amount.value());
    }
    /// Keyed `would_charge`.
    Result<Verdict> would_charge(Dim key, Amount amount) {
        if (const auto s = Slot<Set>::find(key)) {
            return would_charge_slot(*s, amount.value());
        }
        return unknown(key);
    }

    /// Charges only if no total would pass its limit (or overflow under
    /// Checked), all or nothing over the dimensions given, in argument order.
    /// Refused: WouldExhaust or Overflow naming the first such dimension,
    /// and nothing changes. Admitted: the worst verdict in argument order.
    template <class... D, std::convertible_to<Amount>... A>
        requires(sizeof...(D) >= 1 && sizeof...(D) == sizeof...(A))
    Result<Verdict> try_charge(A... amounts) {
        static_assert(boost::mp11::mp_is_set<boost::mp11::mp_list<D...>>::value,
                      "budgetkernel: a multi-dimension call names a dimension twice");
        const std::array<Step, sizeof...(D)> steps{Step{Slot<Set>::template of<D>(), Amount{amounts}.value()}...};
        return try_steps(steps, nullptr).verdict;
    }
    /// Keyed all-or-nothing `try_charge`: UnknownDimension or
    /// DuplicateDimension (the first offending pair in order; nothing sent).
    Result<Verdict> try_charge(std::span<const KeyedAmount> pairs) {
        auto steps = keyed_steps(pairs);
        if (!steps) {
            return steps.error();
        }
        if (steps->empty()) {
            return Verdict{};  // nothing to admit, as in the kernel
        }
        return try_steps(*steps, nullptr).verdict;
    }
    /// Keyed single-dimension `try_charge`.
    Result<Verdict> try_charge(Dim key, Amount amount) {
        const std::array one{KeyedAmount{key, amount}};
        return try_charge(one);
    }

    /// A `try_charge` that holds the amounts in a Reservation, to be settled
    /// with the actual amounts or released. The hold is recorded on the
    /// server, so settling twice never refunds twice, even across a lost reply.
    template <class... D, std::convertible_to<Amount>... A>
        requires(sizeof...(D) >= 1 && sizeof...(D) == sizeof...(A))
    Reservation<Budget, sizeof...(D)> reserve(A... estimates) {
        static_assert(boost::mp11::mp_is_set<boost::mp11::mp_list<D...>>::value,
                      "budgetkernel: a multi-dimension call names a dimension twice");
        const std::array<Slot<Set>, sizeof...(D)> slots{Slot<Set>::template of<D>()...};
        const std::array<Step, sizeof...(D)> steps{Step{Slot<Set>::template of<D>(), Amount{estimates}.value()}...};
        std::string id = detail::new_reservation_id();
        auto outcome = try_steps(steps, &id);
        return Reservation<Budget, sizeof...(D)>{*this, slots, std::move(id), std::move(outcome.generation),
                                                 std::move(outcome.verdict)};
    }

    template <class D>
    Result<std::uint64_t> spent() {
        auto all = totals();
        if (!all) {
            return all.error();
        }
        return detail_at(*all, Slot<Set>::template of<D>());
    }
    /// Keyed `spent`: UnknownDimension for a key outside the set.
    Result<std::uint64_t> spent(Dim key) {
        const auto s = Slot<Set>::find(key);
        if (!s) {
            return unknown(key);
        }
        auto all = totals();
        if (!all) {
            return all.error();
        }
        return detail_at(*all, *s);
    }

    /// `limit - spent`, or 0 once spent reaches the limit.
    template <class D>
    Result<std::uint64_t> remaining() {
        return remaining_in(Slot<Set>::template of<D>());
    }
    Result<std::uint64_t> remaining(Dim key) {
        if (const auto s = Slot<Set>::find(key)) {
            return remaining_in(*s);
        }
        return unknown(key);
    }

    /// The worst verdict of the current totals, in set order (what a zero
    /// charge on every dimension would say); changes nothing.
    Result<Verdict> status() {
        auto all = totals();
        if (!all) {
            return all.error();
        }
        Verdict v;
        for (const Slot<Set> s : Slot<Set>::all()) {
            v = Verdict::worst(v, config_.judge(s, detail_at(*all, s)));
        }
        return v;
    }

    /// Every total back to 0 and every open reservation dropped (settling one
    /// later answers Stale); limits are the caller's and stay.
    Result<Done> reset() {
        const std::array<std::string_view, 1> args{"reset"};
        auto r = client_->eval_ledger(key_views(), args, slot_, Access::Change);
        if (!r) {
            return r.error();
        }
        if (r->type == Reply::Type::Error) {
            return Error{Error::Kind::ServerError, r->str};
        }
        if (r->type != Reply::Type::String) {
            return bad_reply("reset");
        }
        return Done{};
    }

    /// `charge<D>` of each amount, in order, pipelined in one round trip
    /// (for throughput; each charge is still atomic on its own).
    template <class D>
    Result<std::vector<Result<Verdict>>> charge_pipelined(std::span<const std::uint64_t> amounts) {
        const Slot<Set> s = Slot<Set>::template of<D>();
        std::vector<std::vector<std::string>> calls;
        calls.reserve(amounts.size());
        for (const std::uint64_t a : amounts) {
            calls.push_back({"1", key_, "charge", checked_flag(), "1", std::string{s.key().name()}, detail::hex16(a)});
        }
        auto replies = client_->eval_ledger_pipelined(calls, slot_);
        if (!replies) {
            return replies.error();
        }
        std::vector<Result<Verdict>> out;
        out.reserve(replies->size());
        for (const Reply& r : *replies) {
            out.push_back(charge_verdict(r, s));
        }
        return out;
    }

private:
    template <class B, std::size_t N>
    friend class Reservation;

    struct Step {
        Slot<Set> slot;
        std::uint64_t amount;
    };
    struct TryOutcome {
        Result<Verdict> verdict;
        std::string generation;
    };

    Budget(Client& client, const configuration_type& config, std::string_view name, std::string_view prefix)
        : client_(&client),
          config_(config),
          key_(std::string{prefix} + "{" + std::string{name} + "}"),
          slot_(key_slot(key_)) {}

    [[nodiscard]] std::array<std::string_view, 1> key_views() const noexcept { return {key_}; }
    [[nodiscard]] static std::string checked_flag() { return refuses_overflow_v<Overflow> ? "1" : "0"; }

    static Error unknown(Dim key) {
        return Error{Error::Kind::UnknownDimension, "not in this budget's set; nothing was sent", key};
    }
    static Error bad_reply(std::string_view op) {
        return Error{Error::Kind::BadReply, "the " + std::string{op} + " reply does not have the ledger's shape"};
    }

    // A 1-based index of at most two digits from a ledger reply; 0 if not.
    static std::size_t parse_index(std::string_view s) noexcept {
        std::size_t i = 0;
        if (s.empty() || s.size() > 2) {
            return 0;
        }
        for (const char c : s) {
            if (c < '0' || c > '9') {
                return 0;
            }
            i = i * 10 + static_cast<std::size_t>(c - '0');
        }
        return i;
    }

    static std::uint64_t detail_at(const std::array<std::uint64_t, Set::size>& a, Slot<Set> s) noexcept {
        return budgetkernel::detail::at(a, s);
    }

    // The verdict of a move from `before` to `after`; with crossing flags
    // where the configuration can tell them.
    [[nodiscard]] Verdict judge(Slot<Set> s, std::uint64_t before, std::uint64_t after) const noexcept {
        if constexpr (requires { config_.judge(s, before, after); }) {
            return config_.judge(s, before, after);
        } else {
            static_cast<void>(before);
            return config_.judge(s, after);
        }
    }

    Result<std::array<std::uint64_t, Set::size>> totals() {
        std::vector<std::string_view> args{"HMGET", key_};
        for (const Slot<Set> s : Slot<Set>::all()) {
            args.push_back(s.key().name());
        }
        auto r = client_->command(args, slot_, Access::Read);
        if (!r) {
            return r.error();
        }
        if (r->type == Reply::Type::Error) {
            return Error{Error::Kind::ServerError, r->str};
        }
        if (r->type != Reply::Type::Array || r->elements.size() != Set::size) {
            return bad_reply("HMGET");
        }
        std::array<std::uint64_t, Set::size> out{};
        for (std::size_t i = 0; i < Set::size; ++i) {
            const Reply& e = r->elements[i];
            if (e.type == Reply::Type::Nil) {
                continue;
            }
            const auto v = e.type == Reply::Type::String ? detail::parse_hex16(e.str) : std::nullopt;
            if (!v) {
                return bad_reply("HMGET");
            }
            out[i] = *v;
        }
        return out;
    }

    Result<std::uint64_t> remaining_in(Slot<Set> s) {
        auto all = totals();
        if (!all) {
            return all.error();
        }
        return config_.remaining(s, detail_at(*all, s));
    }

    Result<Verdict> would_charge_slot(Slot<Set> s, std::uint64_t amount) {
        auto all = totals();
        if (!all) {
            return all.error();
        }
        const std::uint64_t before = detail_at(*all, s);
        const auto sum = Overflow::add(before, amount);
        if constexpr (refuses_overflow_v<Overflow>) {
            if (!sum) {
                return Error{Error::Kind::Overflow, "would overflow 2^64-1", s.key()};
            }
            return judge(s, before, *sum);
        } else {
            return judge(s, before, sum);
        }
    }

    // Reads the (before, after) pair at `i` of a ledger reply.
    static std::optional<std::pair<std::uint64_t, std::uint64_t>> pair_at(const Reply& r, std::size_t i) {
        if (r.elements.size() < i + 2 || r.elements[i].type != Reply::Type::String ||
            r.elements[i + 1].type != Reply::Type::String) {
            return std::nullopt;
        }
        const auto b = detail::parse_hex16(r.elements[i].str);
        const auto a = detail::parse_hex16(r.elements[i + 1].str);
        if (!b || !a) {
            return std::nullopt;
        }
        return std::pair{*b, *a};
    }

    Result<Verdict> charge_verdict(const Reply& r, Slot<Set> s) const {
        if (r.type == Reply::Type::Error) {
            return Error{Error::Kind::ServerError, r.str};
        }
        if (r.type != Reply::Type::Array || r.elements.size() != 3 || r.elements[2].type != Reply::Type::String) {
            return bad_reply("charge");
        }
        const auto p = pair_at(r, 0);
        if (!p) {
            return bad_reply("charge");
        }
        if (r.elements[2].str == "1") {
            return Error{Error::Kind::Overflow, "would overflow 2^64-1; the charge is refused", s.key()};
        }
        return judge(s, p->first, p->second);
    }

    Result<Verdict> charge_slot(Slot<Set> s, std::uint64_t amount) {
        const std::string field{s.key().name()};
        const std::string hex = detail::hex16(amount);
        const std::string flag = checked_flag();
        const std::array<std::string_view, 5> args{"charge", flag, "1", field, hex};
        auto r = client_->eval_ledger(key_views(), args, slot_, Access::Change);
        if (!r) {
            return r.error();
        }
        return charge_verdict(*r, s);
    }

    Result<std::vector<Step>> keyed_steps(std::span<const KeyedAmount> pairs) const {
        std::vector<Step> steps;
        steps.reserve(pairs.size());
        for (const KeyedAmount& p : pairs) {
            const auto s = Slot<Set>::find(p.key);
            if (!s) {
                return unknown(p.key);
            }
            for (const Step& earlier : steps) {
                if (earlier.slot == *s) {
                    return Error{Error::Kind::DuplicateDimension, "named twice in one call; nothing was sent", p.key};
                }
            }
            steps.push_back(Step{*s, p.amount.value()});
        }
        return steps;
    }

    // try / reserve (when `hold_id` is given): all or nothing.
    TryOutcome try_steps(std::span<const Step> steps, const std::string* hold_id) {
        std::vector<std::string> owned{hold_id != nullptr ? "reserve" : "try", checked_flag(),
                                       std::to_string(steps.size())};
        for (const Step& st : steps) {
            owned.emplace_back(st.slot.key().name());
            owned.push_back(detail::hex16(st.amount));
            owned.push_back(detail::hex16(config_.limit(st.slot)));
        }
        if (hold_id != nullptr) {
            owned.push_back(*hold_id);
        }
        const std::vector<std::string_view> args(owned.begin(), owned.end());
        auto r = client_->eval_ledger(key_views(), args, slot_, Access::Change);
        if (!r) {
            return {r.error(), {}};
        }
        if (r->type == Reply::Type::Error) {
            return {Error{Error::Kind::ServerError, r->str}, {}};
        }
        const auto& e = r->elements;
        if (r->type != Reply::Type::Array || e.size() < 3 || e[0].type != Reply::Type::String ||
            e[1].type != Reply::Type::String || e[2].type != Reply::Type::String) {
            return {bad_reply("try_charge"), {}};
        }
        std::string gen = e[2].str;
        if (e[0].str != "ok") {
            const std::size_t i = parse_index(e[1].str);
            if (i < 1 || i > steps.size() || (e[0].str != "exhaust" && e[0].str != "overflow")) {
                return {bad_reply("try_charge"), std::move(gen)};
            }
            const Dim key = steps[i - 1].slot.key();
            if (e[0].str == "overflow") {
                return {Error{Error::Kind::Overflow, "would overflow 2^64-1; nothing was charged", key},
                        std::move(gen)};
            }
            return {Error{Error::Kind::WouldExhaust, "would pass its limit; nothing was charged", key}, std::move(gen)};
        }
        if (e.size() != 3 + 2 * steps.size()) {
            return {bad_reply("try_charge"), std::move(gen)};
        }
        Verdict v;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const auto p = pair_at(*r, 3 + 2 * i);
            if (!p) {
                return {bad_reply("try_charge"), std::move(gen)};
            }
            v = Verdict::worst(v, judge(steps[i].slot, p->first, p->second));
        }
        return {v, std::move(gen)};
    }

    // Settle (or release, with every actual 0) a reservation.
    Result<Verdict> settle_steps(const std::string& id, const std::string& generation, std::span<const Step> steps) {
        std::vector<std::string> owned{"settle", checked_flag(), id, generation, std::to_string(steps.size())};
        for (const Step& st : steps) {
            owned.emplace_back(st.slot.key().name());
            owned.push_back(detail::hex16(st.amount));
        }
        const std::vector<std::string_view> args(owned.begin(), owned.end());
        auto r = client_->eval_ledger(key_views(), args, slot_, Access::Change);
        if (!r) {
            return r.error();
        }
        if (r->type == Reply::Type::Error) {
            return Error{Error::Kind::ServerError, r->str};
        }
        const auto& e = r->elements;
        if (r->type != Reply::Type::Array || e.size() < 2 || e[0].type != Reply::Type::String ||
            e[1].type != Reply::Type::String) {
            return bad_reply("settle");
        }
        const Dim first = steps.front().slot.key();
        if (e[0].str == "stale") {
            return Error{Error::Kind::Stale, "the reservation was made before the last reset; nothing changed", first};
        }
        if (e[0].str == "notheld") {
            return Error{Error::Kind::NotHeld, "the reservation is already settled or released; nothing changed",
                         first};
        }
        if ((e[0].str != "ok" && e[0].str != "overflow") || e.size() != 2 + 2 * steps.size()) {
            return bad_reply("settle");
        }
        Verdict v;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const auto p = pair_at(*r, 2 + 2 * i);
            if (!p) {
                return bad_reply("settle");
            }
            v = Verdict::worst(v, judge(steps[i].slot, p->first, p->second));
        }
        if (e[0].str == "overflow") {
            const std::size_t i = parse_index(e[1].str);
            if (i < 1 || i > steps.size()) {
                return bad_reply("settle");
            }
            return Error{Error::Kind::Overflow,
                         "the extra would overflow 2^64-1; its estimate stays recorded, the other dimensions settled",
                         steps[i - 1].slot.key()};
        }
        return v;
    }

    Client* client_;
    configuration_type config_;
    std::string key_;
    int slot_ = 0;
};

}  // namespace budgetkernel::redis
