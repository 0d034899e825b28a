// budgetkernel: Budget<Set, Storage, Overflow> — a configuration and a ledger,
// charged by dimension type or by runtime key.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "amount.hpp"
#include "builder.hpp"
#include "configuration.hpp"
#include "dim.hpp"
#include "dims.hpp"
#include "errors.hpp"
#include "ledger.hpp"
#include "overflow.hpp"
#include "report.hpp"
#include "result.hpp"
#include "slot.hpp"
#include "snapshot.hpp"
#include "snapshot_text.hpp"
#include "storage.hpp"
#include "verdict.hpp"

namespace budgetkernel {

/// Limits on the dimensions of `Set`, and what has been spent against them.
///
/// @tparam Set      `Dims<D...>`: the dimensions counted, in slot order.
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
template <class Set, StoragePolicy Storage = DefaultStorage, OverflowPolicy Overflow = Saturate>
class Budget {
    static_assert(is_dims_v<Set>, "budgetkernel: a Budget's first parameter must be bk::Dims<...>");

public:
    using dims = Set;
    using storage_policy = Storage;
    using overflow_policy = Overflow;
    using configuration_type = Configuration<Set>;
    using ledger_type = Ledger<Set, Storage>;

    /// What `charge<D>` returns: Verdict, or Result<Verdict, ChargeError> when
    /// the overflow policy can refuse a charge.
    using charge_result = std::conditional_t<refuses_overflow_v<Overflow>, Result<Verdict, ChargeError>, Verdict>;
    /// What `charge(Dim, amount)` returns.
    using keyed_charge_result = Result<Verdict, ChargeError>;

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

    /// Adds `amount` to `D`'s spent total (kept even when it exhausts) and
    /// returns the verdict on the new total. A zero amount polls the current
    /// state. `D` outside the set is a compile error.
    template <class D>
    constexpr charge_result charge(Amount amount) noexcept {
        return charge_slot(Slot<Set>::template of<D>(), amount.value(), dim<D>);
    }

    /// Runtime-keyed charge: like `charge<D>`, or UnknownDimension (nothing
    /// changes) when `key` is not in the set.
    constexpr keyed_charge_result charge(Dim key, Amount amount) noexcept {
        const auto [slot, known] = Slot<Set>::lookup(key);
        if (known) [[likely]] {
            return charge_slot(slot, amount.value(), key);
        }
        return ChargeError{ChargeError::Kind::UnknownDimension, key};
    }

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
    // `key` is `s.key()`, passed in because both callers already hold it
    // (the typed charge as a constant), which saves reading it back from the
    // set's table of keys.
    constexpr charge_result charge_slot(Slot<Set> s, std::uint64_t amount, Dim key) noexcept {
        const auto sum = Overflow::add(ledger_.spent(s), amount);
        if constexpr (refuses_overflow_v<Overflow>) {
            if (!sum) {
                return ChargeError{ChargeError::Kind::Overflow, key};
            }
            ledger_.record(s, *sum);
            return config_.judge(s, *sum, key);
        } else {
            ledger_.record(s, sum);
            return config_.judge(s, sum, key);
        }
    }

    [[nodiscard]] constexpr std::uint64_t remaining_in(Slot<Set> s) const noexcept {
        const std::uint64_t spent = ledger_.spent(s);
        const std::uint64_t limit = config_.limit(s);
        return spent >= limit ? 0 : limit - spent;
    }

    configuration_type config_;
    // Default-initialised on purpose: `ledger_{}` would value-initialise it,
    // zero-filling UnsafeStorage's slots before its constructor runs.
    ledger_type ledger_;  // NOLINT(cppcoreguidelines-pro-type-member-init): see above
};

}  // namespace budgetkernel
