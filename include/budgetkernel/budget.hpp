// budgetkernel: Budget<Set, Storage, Overflow> — a configuration and a ledger,
// charged by dimension type or by runtime key.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "amount.hpp"
#include "builder.hpp"
#include "charge_result.hpp"
#include "configuration.hpp"
#include "detail/diagnostics.hpp"
#include "dim.hpp"
#include "dims.hpp"
#include "errors.hpp"
#include "keyed_amount.hpp"
#include "ledger.hpp"
#include "overflow.hpp"
#include "report.hpp"
#include "reservation.hpp"
#include "result.hpp"
#include "slot.hpp"
#include "snapshot.hpp"
#include "snapshot_text.hpp"
#include "storage.hpp"
#include "transition.hpp"
#include "verdict.hpp"

namespace budgetkernel {

/// Limits on the dimensions of `Set`, and what has been spent against them.
///
/// Three ways to spend: `charge` records the amount whatever it does to the
/// total (then reports); `try_charge` records it only when the total stays
/// within the limit (ask first); `reserve` holds an estimate until the actual
/// amount is known. `would_charge` and `status` ask without changing
/// anything. Each comes typed (`<D...>`, checked at compile time) and
/// runtime-keyed (`Dim`, checked at run time).
///
/// @tparam DimsList `Dims<D...>`: the dimensions counted, in slot order
///                  (also `Budget::dims`).
/// @tparam Storage  a StoragePolicy: UnsafeStorage (uninitialised counters
///                  behind presence bits, O(1) reset) or SafeStorage (zeroed
///                  counters). Observable behaviour is identical.
/// @tparam Overflow an OverflowPolicy: Saturate (spent stops at 2^64-1;
///                  `charge<D>` returns a Verdict) or Checked (an overflowing
///                  charge is refused; `charge<D>` returns a Result).
///
/// Every operation is constexpr, noexcept, allocation-free and O(Set::size)
/// or better. Budgets come from `builder()` / `keyed_builder()` or from a
/// validated Configuration.
///
/// @code
/// using Llm = bk::Budget<bk::Dims<bk::Tokens, bk::Calls>>;
/// constexpr auto built = Llm::builder().limit_with_warn<bk::Tokens>(1000, 800).limit<bk::Calls>(5).build();
/// static_assert(built.has_value());
/// Llm budget = *built;
/// bk::Verdict v = budget.charge<bk::Tokens>(120);  // Continue
/// @endcode
template <class DimsList, StoragePolicy Storage = DefaultStorage, OverflowPolicy Overflow = Saturate>
class Budget {
    static_assert(is_dims_v<DimsList>, "budgetkernel: a Budget's first parameter must be bk::Dims<...>");

    // The members are declared over a valid set even when DimsList is not
    // one, so that the assertion above is the only error of that mistake.
    using Set = std::conditional_t<is_dims_v<DimsList>, DimsList, Dims<Tokens>>;

public:
    using dims = Set;
    using storage_policy = Storage;
    using overflow_policy = Overflow;
    using configuration_type = Configuration<Set>;
    using ledger_type = Ledger<Set, Storage>;

    /// What `charge<D...>` and `would_charge<D>` return: Verdict, or
    /// Result<Verdict, ChargeError> when the overflow policy can refuse.
    using charge_result = std::conditional_t<refuses_overflow_v<Overflow>, Result<Verdict, ChargeError>, Verdict>;
    /// What every keyed charge, every `try_charge` and `settle` return (16
    /// bytes, returned in registers; see charge_result.hpp).
    using keyed_charge_result = Result<Verdict, ChargeError>;
    /// What `reserve<D...>` returns.
    template <class... D>
    using reservation = Reservation<Budget, D...>;

    /// A budget with `config`'s limits and nothing spent.
    constexpr explicit Budget(const configuration_type& config) noexcept : config_(config) {}

    /// The typed builder (compile-time checked declarations).
    [[nodiscard]] static constexpr Builder<Budget> builder() noexcept { return {}; }
    /// The runtime-keyed builder (declarations checked by build()).
    [[nodiscard]] static constexpr KeyedBuilder<Budget> keyed_builder() noexcept { return {}; }

    /// The key of this budget's dimension called `name`, if there is one.
    [[nodiscard]] static constexpr std::optional<Dim> find_dim(std::string_view name) noexcept {
        return Set::find(name);
    }

    // ---- charge: record, then report --------------------------------------

    /// Adds `amount` to `D`'s spent total (kept even when it exhausts) and
    /// returns the verdict on the new total. A zero amount polls the current
    /// state. `D` outside the set is a compile error.
    ///
    /// With several dimensions, `charge<Tokens, Millis, Calls>(a, b, c)` is a
    /// checkpoint: each amount is charged in argument order and the result is
    /// `worst` of the verdicts (under `Checked`, every charge that fits is
    /// recorded and the first refusal is the result). A dimension named twice
    /// is a compile error.
    template <class... D>
        requires(sizeof...(D) >= 1)
    [[nodiscard, gnu::always_inline]] constexpr charge_result charge(detail::amount_for<D>... amount) noexcept {
        if constexpr (sizeof...(D) == 1) {
            return charge_slot(Slot<Set>::template of<D...>(), amount.value()..., detail::key_of<D...>);
        } else {
            detail::require_distinct_in_charge<Set, D...>();
            Checkpoint checkpoint;
            (checkpoint.add(charge_slot(Slot<Set>::template of<D>(), amount.value(), detail::key_of<D>)), ...);
            return checkpoint.template result<charge_result>();
        }
    }

    /// Runtime-keyed charge: like `charge<D>`, or UnknownDimension (nothing
    /// changes) when `key` is not in the set.
    // The keyed doors (charge, would_charge, try_charge) are always inlined,
    // as is everything a charge runs (see charge_slot): the search for the
    // key is a chain of comparisons, each leading to code for its own slot
    // (`keyed` below), and laid into the caller it costs a few compares more
    // than a typed charge. Left to their own choice, g++ 12 at -O2 kept the
    // whole chain out of line in a plain benchmark loop, where three keyed
    // charges then cost 3.6x-6x three typed ones (the budget escapes into
    // the call, so its counters no longer stay in registers); clang++ 14 did
    // the same in the library's own benchmark loop (2.3x).
    // docs/PERFORMANCE.md has the measurements.
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result charge(Dim key, Amount amount) noexcept {
        return keyed<KeyedOp::charge>(*this, key, amount.value());
    }

    /// Runtime-keyed checkpoint: every entry charged in order, `worst` of the
    /// verdicts. The list is checked first: a key outside the set
    /// (UnknownDimension) or named twice (DuplicateDimension) is reported
    /// for the first such entry, and then nothing is charged.
    // On sets of up to 4 dimensions a list no longer than the set goes
    // through the form of the std::array overload below, chosen by its
    // length; other lists are checked and charged by the loops here.
    [[nodiscard]] constexpr keyed_charge_result charge(std::span<const KeyedAmount> entries) noexcept {
        if constexpr (spans_by_length) {
            if (entries.size() <= Set::size) {
                return list_of_length<KeyedOp::charge>(entries, std::make_index_sequence<Set::size + 1>{});
            }
        }
        if (const auto refused = check_list(entries, [](Slot<Set>, const KeyedAmount&) noexcept {})) {
            return *refused;
        }
        Checkpoint checkpoint;
        for (const KeyedAmount& e : entries) {
            // Every key is in the set (checked above). The search leads each
            // entry to code for its own slot, as a keyed charge does, rather
            // than to one charge through an index found first: a counter's
            // address computed from the key measured slower (docs/PERFORMANCE.md).
            checkpoint.add(Slot<Set>::visit(
                e.key, [&](Slot<Set> s) noexcept -> charge_result { return charge_slot(s, e.amount.value(), e.key); },
                []() noexcept -> charge_result { return Verdict{}; }));  // not reached
        }
        return checkpoint.template result<keyed_charge_result>();
    }

    /// The keyed checkpoint over a `std::array`, a list whose length is known
    /// at compile time: the same check, the same charges and the same result
    /// as the form above, laid out entry by entry instead of in loops over a
    /// run-time length. An array longer than the set (it must hold an
    /// unknown or a repeated key) and sets of more than 8 dimensions take
    /// the form above.
    template <std::size_t N>
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result charge(
        const std::array<KeyedAmount, N>& entries) noexcept {
        if constexpr (N > Set::size || !Slot<Set>::searched_by_chain) {
            return charge(std::span<const KeyedAmount>(entries));
        } else {
            return charge_fixed<N>(entries);
        }
    }

    // ---- ask: nothing changes ---------------------------------------------

    /// The verdict `charge<D>(amount)` would return now (under `Checked`,
    /// Overflow when it would be refused), with the crossing flags it would
    /// carry. Nothing changes.
    template <class D>
    [[nodiscard, gnu::always_inline]] constexpr charge_result would_charge(Amount amount) const noexcept {
        return would_charge_slot(Slot<Set>::template of<D>(), amount.value(), detail::key_of<D>);
    }

    /// Runtime-keyed `would_charge`; UnknownDimension for a key outside the set.
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result would_charge(Dim key,
                                                                                 Amount amount) const noexcept {
        return keyed<KeyedOp::ask>(*this, key, amount.value());
    }

    /// The verdict of the whole budget now: what a zero charge on every
    /// dimension, in set order, reduced with `worst`, would say. No crossing.
    [[nodiscard]] constexpr Verdict status() const noexcept {
        Verdict v;
        for (const Slot<Set> s : Slot<Set>::all()) {
            v = Verdict::worst(v, config_.judge(s, ledger_.spent(s)));
        }
        return v;
    }

    // ---- try_charge: record only what fits --------------------------------

    /// Charges only when the new total (by the overflow policy) stays within
    /// `D`'s limit. Admitted: recorded, Continue or Warn. Refused: nothing
    /// changes; WouldExhaust (or Overflow under `Checked` when the sum would
    /// pass 2^64-1). A zero amount is admitted exactly when `D` is not
    /// already exhausted.
    ///
    /// With several dimensions, all or nothing: every amount is recorded
    /// (result: `worst` of the verdicts in argument order) or none is (the
    /// error names the first dimension, in argument order, that would not
    /// fit). A dimension named twice is a compile error.
    template <class... D>
        requires(sizeof...(D) >= 1)
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result try_charge(
        detail::amount_for<D>... amount) noexcept {
        if constexpr (sizeof...(D) == 1) {
            return admit_slot(Slot<Set>::template of<D...>(), amount.value()..., detail::key_of<D...>);
        } else {
            detail::require_distinct_in_charge<Set, D...>();
            return admit_typed<D...>(amount...).result;
        }
    }

    /// Runtime-keyed `try_charge`; UnknownDimension (nothing changes) for a
    /// key outside the set.
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result try_charge(Dim key, Amount amount) noexcept {
        return keyed<KeyedOp::admit>(*this, key, amount.value());
    }

    /// Runtime-keyed all-or-nothing admission over a list of entries. The
    /// list is checked first, as for the keyed checkpoint (UnknownDimension,
    /// DuplicateDimension: nothing changes).
    // On sets of up to 4 dimensions a list no longer than the set goes
    // through the form of the std::array overload below, chosen by its
    // length; other lists are planned and admitted by the loops here.
    [[nodiscard]] constexpr keyed_charge_result try_charge(std::span<const KeyedAmount> entries) noexcept {
        if constexpr (spans_by_length) {
            if (entries.size() <= Set::size) {
                return list_of_length<KeyedOp::admit>(entries, std::make_index_sequence<Set::size + 1>{});
            }
        }
        Plan plan;
        if (const auto refused = plan_of(entries, plan)) {
            return *refused;
        }
        return admit_in_window(plan.slots, plan.amounts, plan.keys, plan.count).result;
    }

    /// The keyed admission over a `std::array`: the same check, the same
    /// admission and the same result as the form above, with the list
    /// checked entry by entry and admitted as `try_charge<D...>` admits. An
    /// array longer than the set and sets of more than 8 dimensions take the
    /// form above.
    template <std::size_t N>
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result try_charge(
        const std::array<KeyedAmount, N>& entries) noexcept {
        if constexpr (N > Set::size || !Slot<Set>::searched_by_chain) {
            return try_charge(std::span<const KeyedAmount>(entries));
        } else {
            return admit_fixed<N>(entries);
        }
    }

    // ---- reserve: hold an estimate, settle the actual ---------------------

    /// Admits `estimate` of each `D` as `try_charge<D...>` would and returns
    /// a Reservation holding it (refused: a Reservation that holds nothing
    /// and carries the error). See reservation.hpp for settling.
    template <class... D>
        requires(sizeof...(D) >= 1)
    [[nodiscard]] constexpr reservation<D...> reserve(detail::amount_for<D>... estimate) noexcept {
        detail::require_distinct_in_charge<Set, D...>();
        const Admission admitted = admit_typed<D...>(estimate...);
        return reservation<D...>{
            admitted.result ? this : nullptr, {estimate.value()...}, admitted.generation, admitted.result};
    }

    // ---- read -------------------------------------------------------------

    template <class D>
    [[nodiscard]] constexpr std::uint64_t spent() const noexcept {
        return ledger_.spent(Slot<Set>::template of<D>());
    }

    /// `limit - spent`, or 0 once spent reaches the limit.
    template <class D>
    [[nodiscard]] constexpr std::uint64_t remaining() const noexcept {
        return remaining_in(Slot<Set>::template of<D>());
    }

    template <class D>
    [[nodiscard]] constexpr std::uint64_t limit() const noexcept {
        return config_.limit(Slot<Set>::template of<D>());
    }

    /// `D`'s warn threshold, or empty when it has none.
    template <class D>
    [[nodiscard]] constexpr std::optional<std::uint64_t> warn_threshold() const noexcept {
        return config_.warn(Slot<Set>::template of<D>());
    }

    /// Spent on `key`, or empty when `key` is not in the set.
    [[nodiscard]] constexpr std::optional<std::uint64_t> spent(Dim key) const noexcept {
        if (const std::optional<Slot<Set>> s = Slot<Set>::find(key)) {
            return ledger_.spent(*s);
        }
        return std::nullopt;
    }

    /// Remaining on `key`, or empty when `key` is not in the set.
    [[nodiscard]] constexpr std::optional<std::uint64_t> remaining(Dim key) const noexcept {
        if (const std::optional<Slot<Set>> s = Slot<Set>::find(key)) {
            return remaining_in(*s);
        }
        return std::nullopt;
    }

    /// Limit of `key`, or empty when `key` is not in the set.
    [[nodiscard]] constexpr std::optional<std::uint64_t> limit(Dim key) const noexcept {
        if (const std::optional<Slot<Set>> s = Slot<Set>::find(key)) {
            return config_.limit(*s);
        }
        return std::nullopt;
    }

    /// Every spent counter back to 0; limits and thresholds unchanged.
    /// Reservations made before it settle as Stale.
    constexpr void reset() noexcept { ledger_.reset(); }

    [[nodiscard]] constexpr const configuration_type& configuration() const noexcept { return config_; }
    [[nodiscard]] constexpr const ledger_type& ledger() const noexcept { return ledger_; }

    friend constexpr bool operator==(const Budget&, const Budget&) noexcept = default;

    // ---- Snapshots, restoring, reports and overriding a configuration
    // (snapshot.hpp, snapshot_text.hpp, report.hpp and builder.hpp hold the
    // logic; these members only open the doors) -------------------------------

    /// What `snapshot()` returns.
    using snapshot_type = Snapshot<Set::size>;

    /// The spent counters with their dimension names, in set order.
    [[nodiscard]] constexpr snapshot_type snapshot() const noexcept { return detail::take_snapshot(ledger_); }

    /// A budget with `config`'s limits and the totals of `s`, matched by name
    /// (in any order). Refused, naming the dimension: a dimension of the set
    /// missing from `s` (MissingDimension), an entry naming none of the set
    /// (UnknownDimension), a name twice (DuplicateDimension), an entry that
    /// holds no valid name (MalformedEntry). Limits may differ from those in
    /// force when `s` was taken.
    template <std::size_t M>
    [[nodiscard]] static constexpr Result<Budget, SnapshotError> restore(const configuration_type& config,
                                                                         const Snapshot<M>& s) noexcept {
        Budget b{config};
        if (const std::optional<SnapshotError> e = detail::restore_snapshot(b.ledger_, s)) {
            return *e;
        }
        return b;
    }

    /// `restore` from name/value pairs, with the same checks.
    [[nodiscard]] static constexpr Result<Budget, SnapshotError> restore(const configuration_type& config,
                                                                         std::span<const NamedSpent> pairs) noexcept {
        Budget b{config};
        if (const std::optional<SnapshotError> e = detail::restore_named(b.ledger_, pairs)) {
            return *e;
        }
        return b;
    }

    /// `restore` from the text form (snapshot_text.hpp): a parse error or
    /// any error of restoring a snapshot.
    [[nodiscard]] static constexpr Result<Budget, SnapshotError> restore(const configuration_type& config,
                                                                         std::string_view text) noexcept {
        const auto parsed = parse_snapshot_text<snapshot_type>(text);
        if (!parsed) {
            return parsed.error();
        }
        return restore(config, *parsed);
    }

    /// The runtime-keyed builder starting from `base`: each call overrides
    /// one dimension (per-tenant limits over defaults). See KeyedBuilder.
    [[nodiscard]] static constexpr KeyedBuilder<Budget> keyed_builder(const configuration_type& base) noexcept {
        return KeyedBuilder<Budget>{base};
    }

    /// Name, spent, limit, warn threshold, remaining and verdict of every
    /// dimension, in set order.
    [[nodiscard]] constexpr Report<Set::size> report() const noexcept { return make_report(config_, ledger_); }

private:
    template <class B, class... D>
    friend class Reservation;
    template <class... B>
    friend class Chain;

    static constexpr std::uint64_t saturated = std::numeric_limits<std::uint64_t>::max();

    [[nodiscard]] static constexpr keyed_charge_result unknown(Dim key) noexcept {
        return ChargeError{ChargeError::Kind::UnknownDimension, key};
    }

    // What a keyed door does on the slot of its key.
    enum class KeyedOp { charge, ask, admit };

    // The search under the keyed doors: `Op` on the slot of `key`, or
    // UnknownDimension. For sets of up to 8 dimensions (Slot::searched_by_chain)
    // a chain of comparisons, each leading to `Op` on its own constant slot,
    // so that once inlined every branch reaches its counter at a fixed
    // offset, as a typed charge does; larger sets search with Slot::lookup.
    // Written without closures: in a function holding many keyed charges
    // g++ 12 kept closures capturing the amount and the key in memory, a
    // store per capture on every charge (docs/PERFORMANCE.md). `Self` is
    // Budget or const Budget.
    template <KeyedOp Op, std::size_t I = 0, class Self>
    [[nodiscard, gnu::always_inline]] static constexpr keyed_charge_result keyed(Self& self, Dim key,
                                                                                 std::uint64_t amount) noexcept {
        if constexpr (!Slot<Set>::searched_by_chain) {
            if (const typename Slot<Set>::Lookup l = Slot<Set>::lookup(key); l.known) {
                return on_slot<Op>(self, l.slot, amount, key);
            }
            return unknown(key);
        } else if constexpr (I == Set::size) {
            return unknown(key);
        } else {
            if (key == std::get<I>(Set::keys)) {
                return on_slot<Op>(self, Slot<Set>::template nth<I>(), amount, key);
            }
            return keyed<Op, I + 1>(self, key, amount);
        }
    }

    // Whether the keyed lists through a span (checkpoint and admission) take
    // the fixed-size path of their length when the list is no longer than
    // the set, instead of the loops. Limited to small sets: each length is
    // one more copy of the search and the charges in the span form's body
    // (for three dimensions, six entries' worth).
    static constexpr bool spans_by_length = Slot<Set>::searched_by_chain && Set::size <= 4;

    // A list no longer than the set, through the fixed-size path of its
    // length: the lengths Set::size - I for I = 0, 1, ..., the whole set
    // (the usual list) first, one comparison of the length each. `Op` is
    // KeyedOp::charge or KeyedOp::admit.
    template <KeyedOp Op, std::size_t... I>
    [[nodiscard]] constexpr keyed_charge_result list_of_length(std::span<const KeyedAmount> entries,
                                                               std::index_sequence<I...> /*lengths*/) noexcept {
        keyed_charge_result r = Verdict{};  // replaced: the caller has checked that one length matches
        static_cast<void>(((entries.size() == Set::size - I &&
                            ((r = fixed_list<Op, Set::size - I>(entries.template first<Set::size - I>())), true)) ||
                           ...));
        return r;
    }

    // The fixed-size form of `Op` over a list of N entries.
    template <KeyedOp Op, std::size_t N, class List>
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result fixed_list(const List& entries) noexcept {
        if constexpr (Op == KeyedOp::charge) {
            return charge_fixed<N>(entries);
        } else {
            return admit_fixed<N>(entries);
        }
    }

    // The bit of `key`'s slot (1 << index), or 0 when `key` is not in the
    // set, searched by the chain of Slot::visit as a keyed charge searches.
    [[nodiscard, gnu::always_inline]] static constexpr std::uint64_t bit_of(Dim key) noexcept {
        return Slot<Set>::visit(
            key, [](Slot<Set> s) noexcept { return std::uint64_t{1} << s.index(); },
            []() noexcept { return std::uint64_t{0}; });
    }

    // The check of a list whose length is known while compiling: each key
    // searched by one comparison chain, a bit per slot, one branch for an
    // unknown or a repeated key. `found(i, bit, entry)` for each entry
    // before the first bad one, whose error is the answer; Continue when
    // none is bad.
    template <class List, class Found>
    [[nodiscard, gnu::always_inline]] static constexpr keyed_charge_result check_fixed(const List& entries,
                                                                                       Found found) noexcept {
        std::uint64_t seen = 0;
        std::size_t i = 0;
        for (const KeyedAmount& e : entries) {
            const std::uint64_t bit = bit_of(e.key);
            if (bit == 0 || (seen & bit) != 0) [[unlikely]] {
                return ChargeError{
                    bit == 0 ? ChargeError::Kind::UnknownDimension : ChargeError::Kind::DuplicateDimension, e.key};
            }
            seen |= bit;
            found(i++, bit, e);
        }
        return Verdict{};
    }

    // The keyed lists over N entries, N known while compiling. On a storage
    // nobody else writes, each entry is searched once and charged or
    // admitted at once (list_at_once); an entry that ends the list early
    // then puts back every total the list changed. On a shared storage other
    // threads could see those changes, so there the list is checked first
    // (check_fixed), then the checkpoint searches each entry again and
    // charges it, and the admission admits the slots the check recorded as
    // try_charge<D...> does.
    template <std::size_t N, class List>
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result charge_fixed(const List& entries) noexcept {
        if constexpr (!ledger_type::shared) {
            return list_at_once<KeyedOp::charge>(entries, std::make_index_sequence<N>{});
        } else {
            if (const keyed_charge_result checked =
                    check_fixed(entries, [](std::size_t, std::uint64_t, const KeyedAmount&) noexcept {});
                !checked) [[unlikely]] {
                return checked;
            }
            return charge_each(entries, std::make_index_sequence<N>{});
        }
    }

    template <std::size_t N, class List>
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result admit_fixed(const List& entries) noexcept {
        if constexpr (!ledger_type::shared) {
            return list_at_once<KeyedOp::admit>(entries, std::make_index_sequence<N>{});
        } else {
            std::array<Slot<Set>, N> slots = filled_slots<N>(std::make_index_sequence<N>{});
            std::array<std::uint64_t, N> amounts{};
            std::array<Dim, N> keys = filled_keys<N>(std::make_index_sequence<N>{});
            if (const keyed_charge_result checked =
                    check_fixed(entries,
                                [&](std::size_t i, std::uint64_t bit, const KeyedAmount& e) noexcept {
                                    slots.at(i) = Slot<Set>::all().at(static_cast<std::size_t>(std::countr_zero(bit)));
                                    amounts.at(i) = e.amount.value();
                                    keys.at(i) = e.key;
                                });
                !checked) [[unlikely]] {
                return checked;
            }
            return admit_in_window<N>(slots, amounts, keys, N).result;
        }
    }

    struct ListStep;  // below, after the Checkpoint it holds

    // The entries of a list taken in order by take_entry (`Op`: charge or
    // admit). A list that stops early (an unknown or repeated key; for an
    // admission also an amount that does not fit) puts back every total it
    // changed, and answers as if it had been checked first: the error that
    // check_fixed finds in the whole list, else the admission's refusal.
    template <KeyedOp Op, class List, std::size_t... I>
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result list_at_once(
        const List& entries, std::index_sequence<I...> /*entries*/) noexcept {
        ListStep c;
        if (!(take_entry<Op>(entries[I], c) && ...)) [[unlikely]] {
            put_back(c, std::make_index_sequence<Set::size>{});
            const keyed_charge_result checked =
                check_fixed(entries, [](std::size_t, std::uint64_t, const KeyedAmount&) noexcept {});
            return checked ? keyed_charge_result{c.refused} : checked;
        }
        return c.checkpoint.template result<keyed_charge_result>();
    }

    // One entry of list_at_once: its key searched by a comparison chain, as
    // a keyed charge searches, and charged or admitted on the slot found.
    // False, changing nothing, for a key outside the set, a key an earlier
    // entry named, or an admission refused (kept in `c.refused`).
    template <KeyedOp Op, std::size_t I = 0>
    [[nodiscard, gnu::always_inline]] constexpr bool take_entry(const KeyedAmount& e, ListStep& c) noexcept {
        if constexpr (I == Set::size) {
            return false;
        } else {
            if (e.key == std::get<I>(Set::keys)) {
                constexpr std::uint64_t bit = std::uint64_t{1} << I;
                if ((c.seen & bit) != 0) [[unlikely]] {
                    return false;
                }
                return take_slot<Op, I>(e.amount.value(), e.key, c);
            }
            return take_entry<Op, I + 1>(e, c);
        }
    }

    // `Op` on slot I for list_at_once and admit_typed: the total changed
    // and its earlier value kept, or false (nothing changed) for a refused
    // admission, whose error goes to `c.refused`.
    template <KeyedOp Op, std::size_t I>
    [[nodiscard, gnu::always_inline]] constexpr bool take_slot(std::uint64_t amount, Dim key, ListStep& c) noexcept {
        constexpr Slot<Set> s = Slot<Set>::template nth<I>();
        if constexpr (Op == KeyedOp::charge) {
            const Transition t = ledger_.update(s, AddStep{amount});
            c.checkpoint.add(charged(s, t, key));
            std::get<I>(c.before) = t.before;
        } else {
            const Transition t = admit_step(s, amount);
            const keyed_charge_result r = admitted(s, t, amount, key);
            if (!r) [[unlikely]] {
                c.refused = r.error();
                return false;
            }
            c.checkpoint.add(of_known_key(r));
            std::get<I>(c.before) = t.before;
        }
        c.seen |= std::uint64_t{1} << I;
        return true;
    }

    // Every total that list_at_once changed, back to what it was.
    template <std::size_t... S>
    constexpr void put_back(const ListStep& c, std::index_sequence<S...> /*slots*/) noexcept {
        ((((c.seen >> S) & 1U) != 0 ? ledger_.record(Slot<Set>::template nth<S>(), std::get<S>(c.before))
                                    : static_cast<void>(0)),
         ...);
    }

    // Placeholders for admit_fixed's arrays (Slot and Dim have no default),
    // every element written by the check before it is read.
    template <std::size_t N, std::size_t... I>
    [[nodiscard]] static constexpr std::array<Slot<Set>, N> filled_slots(
        std::index_sequence<I...> /*elements*/) noexcept {
        return {(static_cast<void>(I), Slot<Set>::template nth<0>())...};
    }
    template <std::size_t N, std::size_t... I>
    [[nodiscard]] static constexpr std::array<Dim, N> filled_keys(std::index_sequence<I...> /*elements*/) noexcept {
        return {(static_cast<void>(I), std::get<0>(Set::keys))...};
    }

    // The charges of a checked fixed-size list, in order, each searched as
    // a keyed charge searches, folded as a checkpoint.
    template <class List, std::size_t... I>
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result charge_each(
        [[maybe_unused]] const List& entries, std::index_sequence<I...> /*entries*/) noexcept {
        Checkpoint checkpoint;
        (checkpoint.add(of_known_key(keyed<KeyedOp::charge>(*this, entries[I].key, entries[I].amount.value()))), ...);
        return checkpoint.template result<keyed_charge_result>();
    }

    // A keyed charge's result as charge_result, for a key the caller has
    // found in the set: it cannot be UnknownDimension, so under a saturating
    // policy it is a verdict.
    [[nodiscard, gnu::always_inline]] static constexpr charge_result of_known_key(
        const keyed_charge_result& r) noexcept {
        if constexpr (refuses_overflow_v<Overflow>) {
            return r;
        } else {
            return *r;
        }
    }

    template <KeyedOp Op, class Self>
    [[nodiscard, gnu::always_inline]] static constexpr keyed_charge_result on_slot(Self& self, Slot<Set> s,
                                                                                   std::uint64_t amount,
                                                                                   Dim key) noexcept {
        if constexpr (Op == KeyedOp::charge) {
            return self.charge_slot(s, amount, key);
        } else if constexpr (Op == KeyedOp::ask) {
            return self.would_charge_slot(s, amount, key);
        } else {
            return self.admit_slot(s, amount, key);
        }
    }

    // The checked form of a keyed list: slots, amounts and keys of its first
    // `count` entries (at most one per dimension, so Set::size at most).
    struct Plan {
        std::array<Slot<Set>, Set::size> slots = Slot<Set>::all();
        std::array<std::uint64_t, Set::size> amounts{};
        std::array<Dim, Set::size> keys = Set::keys;
        std::size_t count = 0;
    };

    // Checks a keyed list: the error of the first entry whose key is outside
    // the set (UnknownDimension) or named by an earlier entry
    // (DuplicateDimension), or empty when every entry may be charged; until
    // then, `on_entry(slot, entry)` for each entry checked. Stops at the
    // error: at most Set::size + 1 entries are read whatever the list's
    // length.
    template <class OnEntry>
    [[nodiscard]] static constexpr std::optional<ChargeError> check_list(std::span<const KeyedAmount> entries,
                                                                         OnEntry on_entry) noexcept {
        std::uint64_t seen = 0;
        for (const KeyedAmount& e : entries) {
            // Searched by a comparison chain (Slot::visit), as a keyed charge
            // searches: each branch knows its slot.
            const std::optional<ChargeError::Kind> refused = Slot<Set>::visit(
                e.key,
                [&](Slot<Set> s) noexcept -> std::optional<ChargeError::Kind> {
                    const std::uint64_t bit = std::uint64_t{1} << s.index();
                    if ((seen & bit) != 0) {
                        return ChargeError::Kind::DuplicateDimension;
                    }
                    seen |= bit;
                    on_entry(s, e);
                    return std::nullopt;
                },
                []() noexcept -> std::optional<ChargeError::Kind> { return ChargeError::Kind::UnknownDimension; });
            if (refused) {
                return ChargeError{*refused, e.key};
            }
        }
        return std::nullopt;
    }

    // Fills `plan` from `entries`, or gives the error of `check_list`.
    [[nodiscard]] static constexpr std::optional<ChargeError> plan_of(std::span<const KeyedAmount> entries,
                                                                      Plan& plan) noexcept {
        return check_list(entries, [&plan](Slot<Set> slot, const KeyedAmount& e) noexcept {
            plan.slots.at(plan.count) = slot;
            plan.amounts.at(plan.count) = e.amount.value();
            plan.keys.at(plan.count) = e.key;
            ++plan.count;
        });
    }

    // The one mechanism under every door: the storage's read-modify-write
    // with a step that proposes the new total. `key` is `s.key()`, passed in
    // because every caller already holds it (typed ones as a constant),
    // which saves reading it back from the set's table of keys.
    // Judged here rather than through the admissions' judging step
    // (`admitted`): with g++ 12 that form measured slower in the Exhausted
    // state of the eight-budget loop (1.19x -> 1.54x the hand-written charge)
    // and in the keyed checkpoint (1.60x -> 1.71x).
    //
    // Always inlined, with what it runs (the step, the storage's update,
    // Configuration::judge, Verdict::worst; not the rare work of a crossing):
    // g++ caps how far one function may grow by inlining (--param
    // large-function-growth once it passes large-function-insns), and a
    // function holding many charges reaches the cap. A keyed charge lays one
    // copy of this code into each branch of its search, so the eight-budget
    // loop, 24 keyed charges in one function, reached it first: g++ left this
    // function out of line in most branches, 4.3x-4.5x the typed checkpoint.
    // Forced, a charge is inlined whatever else its caller holds.
    [[gnu::always_inline]] constexpr charge_result charge_slot(Slot<Set> s, std::uint64_t amount, Dim key) noexcept {
        return charged(s, ledger_.update(s, AddStep{amount}), key);
    }

    // The result of a charge that made transition `t` on `s`.
    [[nodiscard, gnu::always_inline]] constexpr charge_result charged(Slot<Set> s, const Transition& t,
                                                                      Dim key) const noexcept {
        if constexpr (refuses_overflow_v<Overflow>) {
            if (!t.committed) {
                return ChargeError{ChargeError::Kind::Overflow, key};
            }
        }
        return config_.judge(s, t.before, t.after, key);
    }

    [[nodiscard, gnu::always_inline]] constexpr charge_result would_charge_slot(Slot<Set> s, std::uint64_t amount,
                                                                                Dim key) const noexcept {
        const std::uint64_t before = ledger_.spent(s);
        if constexpr (refuses_overflow_v<Overflow>) {
            const std::optional<std::uint64_t> sum = Overflow::add(before, amount);
            if (!sum) {
                return ChargeError{ChargeError::Kind::Overflow, key};
            }
            return config_.judge(s, before, *sum, key);
        } else {
            return config_.judge(s, before, Overflow::add(before, amount), key);
        }
    }

    // The new total of `before` + `amount` by the overflow policy, and
    // whether the policy accepts it.
    [[nodiscard, gnu::always_inline]] static constexpr Proposal add(std::uint64_t before,
                                                                    std::uint64_t amount) noexcept {
        if constexpr (refuses_overflow_v<Overflow>) {
            const std::optional<std::uint64_t> sum = Overflow::add(before, amount);
            return {sum.value_or(before), sum.has_value()};
        } else {
            return {Overflow::add(before, amount), true};
        }
    }

    // Records `amount` on `s` only when the new total (by the overflow
    // policy) stays within the limit.
    [[gnu::always_inline]] constexpr Transition admit_step(Slot<Set> s, std::uint64_t amount) noexcept {
        const std::uint64_t limit = config_.limit(s);
        return ledger_.update(s, AdmitStep{amount, limit});
    }

    // The steps of charge_slot and admit_step, as named function objects so
    // that they can be marked always inlined (a lambda cannot, in a spelling
    // that g++ and clang++ both accept with noexcept).
    struct AddStep {
        std::uint64_t amount;
        [[nodiscard, gnu::always_inline]] constexpr Proposal operator()(std::uint64_t before) const noexcept {
            return add(before, amount);
        }
    };

    struct AdmitStep {
        std::uint64_t amount;
        std::uint64_t limit;
        [[nodiscard, gnu::always_inline]] constexpr Proposal operator()(std::uint64_t before) const noexcept {
            const Proposal sum = add(before, amount);
            return Proposal{sum.value, sum.commit && sum.value <= limit};
        }
    };

    // The result of an admission step: its verdict, or why it was refused.
    [[nodiscard, gnu::always_inline]] constexpr keyed_charge_result admitted(Slot<Set> s, const Transition& t,
                                                                             std::uint64_t amount,
                                                                             Dim key) const noexcept {
        if (t.committed) {
            return config_.judge(s, t.before, t.after, key);
        }
        return ChargeError{add(t.before, amount).commit ? ChargeError::Kind::WouldExhaust : ChargeError::Kind::Overflow,
                           key};
    }

    [[gnu::always_inline]] constexpr keyed_charge_result admit_slot(Slot<Set> s, std::uint64_t amount,
                                                                    Dim key) noexcept {
        return admitted(s, admit_step(s, amount), amount, key);
    }

    // An all-or-nothing admission (admit_all) and the reset generation it
    // landed in: the generation is read in the window that holds the
    // admissions and any undo, so a reset cannot fall between them (see
    // atomic_storage.hpp). A reservation keeps the generation.
    struct Admission {
        keyed_charge_result result;
        std::uint32_t generation = 0;
    };

    template <std::size_t N>
    [[nodiscard, gnu::always_inline]] constexpr Admission admit_in_window(const std::array<Slot<Set>, N>& slots,
                                                                          const std::array<std::uint64_t, N>& amounts,
                                                                          const std::array<Dim, N>& keys,
                                                                          std::size_t count) noexcept {
        const std::uint32_t generation = ledger_.enter_window();
        const keyed_charge_result r = admit_all<N>(slots, amounts, keys, count);
        ledger_.leave_window();
        return {r, generation};
    }

    // The all-or-nothing admission of try_charge<D...> and reserve<D...>.
    // On a storage nobody else writes, each dimension admitted on its own
    // slot in argument order and, at the first refusal, every total put back
    // (take_slot, put_back); on a shared storage, admit_all in a window.
    template <class... D>
    [[nodiscard, gnu::always_inline]] constexpr Admission admit_typed(detail::amount_for<D>... amount) noexcept {
        if constexpr (!ledger_type::shared) {
            ListStep c;
            const std::uint32_t generation = ledger_.generation();  // nobody else resets it meanwhile
            if (!(take_slot<KeyedOp::admit, Slot<Set>::template of<D>().index()>(amount.value(), detail::key_of<D>,
                                                                                 c) &&
                  ...)) [[unlikely]] {
                put_back(c, std::make_index_sequence<Set::size>{});
                return {c.refused, generation};
            }
            return {c.checkpoint.template result<keyed_charge_result>(), generation};
        } else {
            return admit_in_window<sizeof...(D)>({Slot<Set>::template of<D>()...}, {amount.value()...},
                                                 {detail::key_of<D>...}, sizeof...(D));
        }
    }

    // All or nothing: admits the entries in order; at the first refusal,
    // undoes what the earlier ones recorded and reports that refusal. On a
    // shared storage, an entry that cannot be refused (admits_every) is
    // admitted after all the others, so that it is never undone: such a hold
    // may saturate, and a saturated total that other threads also write
    // cannot tell its own hold from their charges. The verdict is still
    // `worst` in argument order.
    template <std::size_t N>
    constexpr keyed_charge_result admit_all(const std::array<Slot<Set>, N>& slots,
                                            const std::array<std::uint64_t, N>& amounts, const std::array<Dim, N>& keys,
                                            std::size_t count) noexcept {
        std::array<Transition, N> done{};
        Verdict worst;
        for (std::size_t i = 0; i < count; ++i) {
            if (admits_every(slots.at(i))) {
                continue;
            }
            done.at(i) = admit_step(slots.at(i), amounts.at(i));
            const keyed_charge_result r = admitted(slots.at(i), done.at(i), amounts.at(i), keys.at(i));
            if (!r) {
                for (std::size_t j = i; j-- > 0;) {
                    if (!admits_every(slots.at(j))) {  // not an entry left for last
                        undo(slots.at(j), done.at(j), amounts.at(j));
                    }
                }
                return r;
            }
            worst = Verdict::worst(worst, *r);
        }
        if constexpr (defers_unrefusable) {
            // The entries left for last, then `worst` again in argument order.
            worst = Verdict{};
            for (std::size_t i = 0; i < count; ++i) {
                if (!done.at(i).committed) {
                    done.at(i) = admit_step(slots.at(i), amounts.at(i));
                }
                worst = Verdict::worst(worst, *admitted(slots.at(i), done.at(i), amounts.at(i), keys.at(i)));
            }
        }
        return worst;
    }

    // Whether admissions that cannot be refused are made after the others:
    // on a shared storage under a saturating policy. A storage nobody else
    // writes restores the exact earlier total on undo, so there the order
    // stays as written and costs nothing.
    static constexpr bool defers_unrefusable = ledger_type::shared && !refuses_overflow_v<Overflow>;

    // True when an admission on `s` is made after the others: deferred, and
    // none can be refused (a limit of 2^64-1, which every saturating total
    // is within).
    [[nodiscard]] constexpr bool admits_every(Slot<Set> s) const noexcept {
        if constexpr (defers_unrefusable) {
            return config_.limit(s) == saturated;
        } else {
            return false;
        }
    }

    // admits_every for Chain::try_charge, which holds D at each budget.
    template <class D>
    [[nodiscard]] constexpr bool admits_every() const noexcept {
        return admits_every(Slot<Set>::template of<D>());
    }

    // Takes back `amount` from a total: never below 0. Under a saturating
    // policy, never from 2^64-1 either: that total may have saturated and no
    // longer knows what it holds. A refusing policy is taken to accept only
    // exact sums (as Checked does), so there 2^64-1 is an exact total and
    // gives back like any other. A cap other than 2^64-1 is not recognised
    // (docs/DESIGN.md, "Overflow").
    [[nodiscard]] static constexpr Proposal take_back(std::uint64_t now, std::uint64_t amount) noexcept {
        if constexpr (!refuses_overflow_v<Overflow>) {
            if (now == saturated) {
                return {now, false};
            }
        }
        return {now - (amount < now ? amount : now), true};
    }

    // Undoes an admission that transition `t` made: the exact earlier total
    // when the counter still holds what the admission left (always, for a
    // storage nobody else writes meanwhile), else `amount` taken back.
    constexpr void undo(Slot<Set> s, const Transition& t, std::uint64_t amount) noexcept {
        static_cast<void>(ledger_.update(s, [t, amount](std::uint64_t now) noexcept {
            return now == t.after ? Proposal{t.before, true} : take_back(now, amount);
        }));
    }

    // Chain::try_charge: admits `amount` of D and fills in what undoing it
    // needs (the transition and the reset generation it landed in).
    template <class D>
    constexpr keyed_charge_result hold(std::uint64_t amount, Transition& t, std::uint32_t& generation) noexcept {
        constexpr Slot<Set> s = Slot<Set>::template of<D>();
        generation = ledger_.enter_window();
        t = admit_step(s, amount);
        const keyed_charge_result r = admitted(s, t, amount, dim<D>);
        ledger_.leave_window();
        return r;
    }

    // Takes back a committed `hold` as admit_all takes back its holds
    // (exactly, when nothing else changed the total since), unless the
    // budget was reset in between.
    template <class D>
    constexpr void unhold(std::uint32_t generation, const Transition& t, std::uint64_t amount) noexcept {
        if (!ledger_.enter_window(generation)) {
            return;
        }
        undo(Slot<Set>::template of<D>(), t, amount);
        ledger_.leave_window();
    }

    // Returns `amount` to `s`; the verdict on the total after it.
    constexpr Verdict refund_slot(Slot<Set> s, std::uint64_t amount, Dim key) noexcept {
        const Transition t = ledger_.update(s, [amount](std::uint64_t now) noexcept { return take_back(now, amount); });
        return config_.judge(s, t.before, t.after, key);
    }

    // Reservation::settle: per dimension, the difference between actual and
    // estimate returned or charged; nothing after a reset (Stale).
    template <class... D>
    constexpr keyed_charge_result settle_held(
        std::uint32_t generation,
        // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): estimates, then actuals, as settle() takes them
        const std::array<std::uint64_t, sizeof...(D)>& estimates,
        const std::array<std::uint64_t, sizeof...(D)>& actuals) noexcept {
        constexpr std::array<Slot<Set>, sizeof...(D)> slots{Slot<Set>::template of<D>()...};
        constexpr std::array<Dim, sizeof...(D)> keys{detail::key_of<D>...};
        // The window keeps a reset from clearing the totals between the
        // generation check and the updates below.
        if (!ledger_.enter_window(generation)) {
            return ChargeError{ChargeError::Kind::Stale, keys.front()};
        }
        Checkpoint checkpoint;
        for (std::size_t i = 0; i < sizeof...(D); ++i) {
            const std::uint64_t estimate = estimates.at(i);
            const std::uint64_t actual = actuals.at(i);
            if (actual <= estimate) {
                checkpoint.add(refund_slot(slots.at(i), estimate - actual, keys.at(i)));
            } else {
                checkpoint.add(charge_slot(slots.at(i), actual - estimate, keys.at(i)));
            }
        }
        ledger_.leave_window();
        return checkpoint.template result<keyed_charge_result>();
    }

    // Reservation::release: every estimate returned, unless reset since;
    // what settling for actual amounts of 0 does.
    template <class... D>
    constexpr void release_held(std::uint32_t generation,
                                const std::array<std::uint64_t, sizeof...(D)>& estimates) noexcept {
        static_cast<void>(settle_held<D...>(generation, estimates, {}));
    }

    // A checkpoint's reduction: `worst` of the verdicts in the order they
    // are added; under a refusing overflow policy, the first refusal instead.
    class Checkpoint {
    public:
        [[gnu::always_inline]] constexpr void add(const charge_result& r) noexcept {
            if constexpr (refuses_overflow_v<Overflow>) {
                if (r) {
                    worst_ = worst_.worst(*r);
                } else if (!refused_) {
                    refused_ = r.error();
                }
            } else {
                worst_ = worst_.worst(r);
            }
        }

        template <class R>
        [[nodiscard, gnu::always_inline]] constexpr R result() const noexcept {
            if constexpr (std::is_same_v<R, keyed_charge_result>) {
                if (refused_) {
                    return *refused_;
                }
            }
            return worst_;
        }

    private:
        Verdict worst_;
        std::optional<ChargeError> refused_;
    };

    // What list_at_once and admit_typed keep: a bit for each slot changed,
    // each such slot's total before, the reduction of the verdicts, and the
    // refusal that stopped an admission.
    struct ListStep {
        std::uint64_t seen = 0;
        std::array<std::uint64_t, Set::size> before{};
        Checkpoint checkpoint;
        ChargeError refused{ChargeError::Kind::WouldExhaust, std::get<0>(Set::keys)};  // set before it is read
    };

    [[nodiscard]] constexpr std::uint64_t remaining_in(Slot<Set> s) const noexcept {
        return config_.remaining(s, ledger_.spent(s));
    }

    configuration_type config_;
    // Default-initialised on purpose: `ledger_{}` would value-initialise it,
    // zero-filling UnsafeStorage's slots before its constructor runs.
    ledger_type ledger_;  // NOLINT(cppcoreguidelines-pro-type-member-init): see above
};

}  // namespace budgetkernel
