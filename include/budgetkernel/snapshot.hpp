// budgetkernel: Snapshot<N>, a budget's spent counters as a plain value that
// records each dimension's name, SnapshotError, and restoring counters from
// a snapshot or from name/value pairs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "detail/decimal.hpp"
#include "dimension.hpp"
#include "ledger.hpp"
#include "slot.hpp"

namespace budgetkernel {

/// One dimension of a snapshot: its name and its spent total.
///
/// Plain bytes with no padding: `spent` in the machine's byte order, then the
/// name in `name`, padded with NUL bytes (a valid name is 1 to 48 characters,
/// so at least 8 NULs follow it). Restoring validates every byte it reads.
struct SnapshotEntry {
    /// Bytes reserved for a name; `max_dimension_name_length` of them are usable.
    static constexpr std::size_t name_capacity = 56;

    std::uint64_t spent = 0;
    std::array<char, name_capacity> name{};

    /// An entry for `dimension_name` (at most 48 characters are kept).
    [[nodiscard]] static constexpr SnapshotEntry make(std::string_view dimension_name, std::uint64_t spent) noexcept {
        SnapshotEntry e;
        e.spent = spent;
        for (std::size_t i = 0; i < dimension_name.size() && i < max_dimension_name_length; ++i) {
            e.name.at(i) = dimension_name[i];
        }
        return e;
    }

    /// The name, up to its first NUL. Empty when the bytes hold no valid
    /// dimension name (see `has_valid_name`).
    [[nodiscard]] constexpr std::string_view name_view() const noexcept {
        std::size_t n = 0;
        while (n < max_dimension_name_length && name.at(n) != '\0') {
            ++n;
        }
        const std::string_view text{name.data(), n};
        return has_valid_name() ? text : std::string_view{};
    }

    /// True when `name` holds 1 to 48 characters of `[A-Za-z0-9_.-]` followed
    /// only by NUL bytes.
    [[nodiscard]] constexpr bool has_valid_name() const noexcept {
        std::size_t n = 0;
        while (n < name_capacity && name.at(n) != '\0') {
            ++n;
        }
        if (!detail::is_valid_dimension_name(std::string_view{name.data(), n})) {
            return false;
        }
        for (std::size_t i = n; i < name_capacity; ++i) {
            if (name.at(i) != '\0') {
                return false;
            }
        }
        return true;
    }

    friend constexpr bool operator==(const SnapshotEntry&, const SnapshotEntry&) noexcept = default;
};

static_assert(sizeof(SnapshotEntry) == 64 && std::has_unique_object_representations_v<SnapshotEntry>,
              "budgetkernel: a snapshot entry is 64 bytes with no padding");

/// The spent counters of a budget with `N` dimensions, with their names, in
/// the order of the budget's set: what `Budget::snapshot()` returns and
/// `Budget::restore` reads back.
///
/// Trivially copyable and free of padding and pointers, so its bytes are its
/// meaning: it can be copied with `std::memcpy`, written to a file and read
/// back by the same program on the same machine (the totals are in the
/// machine's byte order). `count` is how many entries are in use: N for a
/// snapshot taken from a budget, possibly fewer for one parsed from text.
/// Nothing in it is trusted on restore: names, count and duplicates are all
/// checked. For a portable form, see snapshot_text.hpp.
///
/// @code
/// auto s = budget.snapshot();                      // Snapshot<3>
/// auto back = Llm::restore(budget.configuration(), s);
/// @endcode
template <std::size_t N>
struct Snapshot {
    static_assert(N >= 1 && N <= 64, "budgetkernel: a snapshot holds 1 to 64 dimensions");

    /// Entries in use, from the first; at most N.
    std::uint64_t count = 0;
    std::array<SnapshotEntry, N> entries{};

    /// Most entries this snapshot type holds.
    static constexpr std::size_t capacity = N;

    /// The entries in use.
    [[nodiscard]] constexpr std::span<const SnapshotEntry> used() const noexcept {
        return std::span<const SnapshotEntry>{entries}.first(count <= N ? static_cast<std::size_t>(count) : N);
    }

    /// The spent total recorded for `name`, or empty when no entry has it.
    [[nodiscard]] constexpr std::optional<std::uint64_t> spent(std::string_view name) const noexcept {
        for (const SnapshotEntry& e : used()) {
            if (e.has_valid_name() && e.name_view() == name) {
                return e.spent;
            }
        }
        return std::nullopt;
    }

    friend constexpr bool operator==(const Snapshot&, const Snapshot&) noexcept = default;
};

/// A name and a spent total, for restoring from pairs kept elsewhere (a
/// database row, a message): `Budget::restore(config, std::span<const NamedSpent>)`.
struct NamedSpent {
    std::string_view name;
    std::uint64_t spent = 0;
};

/// The message of a SnapshotError, in a fixed buffer (no heap). Like
/// ErrorMessage, `view()` and `c_str()` point into this object.
class SnapshotMessage {
public:
    static constexpr std::size_t capacity = 192;

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {text_.data(), size_}; }
    [[nodiscard]] constexpr const char* c_str() const noexcept { return text_.data(); }

    /// Appends `part`; the longest message the library builds fits (checked
    /// by the tests), so nothing is cut in practice.
    constexpr SnapshotMessage& operator<<(std::string_view part) noexcept {
        for (const char c : part) {
            if (size_ + 1 < capacity) {
                text_.at(size_) = c;
                ++size_;
            }
        }
        return *this;
    }

private:
    std::array<char, capacity> text_{};
    std::size_t size_ = 0;
};

/// Why a snapshot could not be restored, parsed or written. Carries the
/// dimension name concerned, when there is one, and a position.
class SnapshotError {
public:
    enum class Kind : std::uint8_t {
        // Restoring (also from parsed text):
        MissingDimension,    ///< a dimension of the budget has no entry; name(): that dimension
        UnknownDimension,    ///< an entry names no dimension of the budget; name(): the entry's
        DuplicateDimension,  ///< two entries or pairs name one dimension; name(): that name
        MalformedEntry,      ///< entry number position() holds no valid name, or count > capacity
        // The text form (position(): the byte offset where the problem starts):
        Empty,           ///< no pair at all
        TooLong,         ///< longer than any valid text for this many dimensions
        BadName,         ///< a name that is empty, longer than 48, or has a character outside [A-Za-z0-9_.-]
        ExpectedEquals,  ///< a name not followed by '='
        BadValue,        ///< a value that is not plain decimal digits (no sign, no leading zero)
        ValueTooLarge,   ///< a value above 2^64-1
        BadSeparator,    ///< pairs not separated by exactly one space, or space at either end
        TooManyPairs,    ///< more pairs than the snapshot holds; name(): the first extra one
        BufferTooSmall,  ///< writing: the buffer is too small; position(): the bytes needed
    };

    constexpr SnapshotError(Kind kind, std::string_view name, std::size_t position = 0) noexcept
        : kind_(kind), position_(position) {
        for (std::size_t i = 0; i < name.size() && i < max_dimension_name_length; ++i) {
            name_.at(i) = name[i];
            ++name_size_;
        }
    }

    [[nodiscard]] constexpr Kind kind() const noexcept { return kind_; }
    /// The dimension name concerned, or empty.
    [[nodiscard]] constexpr std::string_view name() const noexcept { return {name_.data(), name_size_}; }
    /// The byte offset in the text, the entry index, or the size needed (see Kind).
    [[nodiscard]] constexpr std::size_t position() const noexcept { return position_; }

    /// E.g. `budgetkernel: snapshot: dimension 'calls' is missing`.
    [[nodiscard]] constexpr SnapshotMessage message() const noexcept {
        SnapshotMessage m;
        const detail::Decimal at{position_};
        switch (kind_) {
            case Kind::MissingDimension:
                m << "budgetkernel: snapshot: dimension '" << name() << "' is missing";
                break;
            case Kind::UnknownDimension:
                m << "budgetkernel: snapshot: dimension '" << name() << "' is not in this budget's set";
                break;
            case Kind::DuplicateDimension:
                m << "budgetkernel: snapshot: dimension '" << name() << "' appears twice";
                break;
            case Kind::MalformedEntry:
                m << "budgetkernel: snapshot: entry " << at.view() << " holds no valid dimension name";
                break;
            case Kind::Empty:
                m << "budgetkernel: snapshot text: empty, expected name=value pairs";
                break;
            case Kind::TooLong:
                m << "budgetkernel: snapshot text: longer than any valid text for this budget";
                break;
            case Kind::BadName:
                m << "budgetkernel: snapshot text: byte " << at.view()
                  << ": a name must be 1-48 characters from [A-Za-z0-9_.-]";
                break;
            case Kind::ExpectedEquals:
                m << "budgetkernel: snapshot text: byte " << at.view() << ": expected '=' after '" << name() << "'";
                break;
            case Kind::BadValue:
                m << "budgetkernel: snapshot text: byte " << at.view() << ": the value of '" << name()
                  << "' must be decimal digits, no sign, no leading zero";
                break;
            case Kind::ValueTooLarge:
                m << "budgetkernel: snapshot text: byte " << at.view() << ": the value of '" << name()
                  << "' is above 2^64-1";
                break;
            case Kind::BadSeparator:
                m << "budgetkernel: snapshot text: byte " << at.view()
                  << ": expected one space between pairs and none at either end";
                break;
            case Kind::TooManyPairs:
                m << "budgetkernel: snapshot text: '" << name() << "' is one pair more than this budget has";
                break;
            case Kind::BufferTooSmall:
                m << "budgetkernel: snapshot text: the buffer is too small, " << at.view() << " bytes needed";
                break;
        }
        return m;
    }

    friend constexpr bool operator==(const SnapshotError&, const SnapshotError&) noexcept = default;

private:
    Kind kind_;
    std::uint8_t name_size_ = 0;
    std::array<char, max_dimension_name_length> name_{};
    std::size_t position_;
};

/// `"MissingDimension"`, ... — the enumerator's own name.
[[nodiscard]] constexpr std::string_view to_string(SnapshotError::Kind kind) noexcept {
    using K = SnapshotError::Kind;
    constexpr std::array<std::string_view, 13> names{
        "MissingDimension", "UnknownDimension", "DuplicateDimension", "MalformedEntry", "Empty",
        "TooLong",          "BadName",          "ExpectedEquals",     "BadValue",       "ValueTooLarge",
        "BadSeparator",     "TooManyPairs",     "BufferTooSmall"};
    static_assert(static_cast<std::size_t>(K::BufferTooSmall) + 1 == names.size());
    const auto i = static_cast<std::size_t>(kind);
    return i < names.size() ? names.at(i) : std::string_view{"?"};
}

namespace detail {

/// The snapshot of `ledger`: every dimension of `Set`, in set order.
template <class Set, class Storage>
[[nodiscard]] constexpr Snapshot<Set::size> take_snapshot(const Ledger<Set, Storage>& ledger) noexcept {
    Snapshot<Set::size> s;
    s.count = Set::size;
    for (const Slot<Set> slot : Slot<Set>::all()) {
        at(s.entries, slot) = SnapshotEntry::make(slot.key().name(), ledger.spent(slot));
    }
    return s;
}

/// The one mechanism below every restore: reads `count` (name, spent) pairs
/// through `pair(i)`, checks them against `Set` (each name valid, in the set,
/// not repeated; every dimension present), and only then stores every total
/// through the ledger. On error the ledger is untouched.
template <class Set, class Storage, class PairAt>
[[nodiscard]] constexpr std::optional<SnapshotError> restore_pairs(Ledger<Set, Storage>& ledger, std::size_t count,
                                                                   PairAt pair) noexcept {
    std::array<std::uint64_t, Set::size> totals{};
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::optional<NamedSpent> p = pair(i);
        if (!p) {
            return SnapshotError{SnapshotError::Kind::MalformedEntry, {}, i};
        }
        const std::optional<Dim> key = Set::find(p->name);
        if (!key) {
            // A name outside the set; one that is not even a valid name is
            // reported without its text, which may be anything.
            return SnapshotError{SnapshotError::Kind::UnknownDimension,
                                 is_valid_dimension_name(p->name) ? p->name : std::string_view{}, i};
        }
        const Slot<Set> slot = *Slot<Set>::find(*key);
        const std::uint64_t bit = std::uint64_t{1} << slot.index();
        if ((seen & bit) != 0) {
            return SnapshotError{SnapshotError::Kind::DuplicateDimension, p->name, i};
        }
        seen |= bit;
        at(totals, slot) = p->spent;
    }
    for (const Slot<Set> slot : Slot<Set>::all()) {
        if ((seen & (std::uint64_t{1} << slot.index())) == 0) {
            return SnapshotError{SnapshotError::Kind::MissingDimension, slot.key().name(), slot.index()};
        }
    }
    for (const Slot<Set> slot : Slot<Set>::all()) {
        ledger.record(slot, at(totals, slot));
    }
    return std::nullopt;
}

template <class Set, class Storage, std::size_t M>
[[nodiscard]] constexpr std::optional<SnapshotError> restore_snapshot(Ledger<Set, Storage>& ledger,
                                                                      const Snapshot<M>& s) noexcept {
    if (s.count > M) {
        return SnapshotError{SnapshotError::Kind::MalformedEntry, {}, M};
    }
    return restore_pairs(ledger, static_cast<std::size_t>(s.count),
                         [&s](std::size_t i) noexcept -> std::optional<NamedSpent> {
                             const SnapshotEntry& e = s.entries.at(i);
                             if (!e.has_valid_name()) {
                                 return std::nullopt;
                             }
                             return NamedSpent{e.name_view(), e.spent};
                         });
}

template <class Set, class Storage>
[[nodiscard]] constexpr std::optional<SnapshotError> restore_named(Ledger<Set, Storage>& ledger,
                                                                   std::span<const NamedSpent> pairs) noexcept {
    return restore_pairs(ledger, pairs.size(),
                         [pairs](std::size_t i) noexcept -> std::optional<NamedSpent> { return pairs[i]; });
}

}  // namespace detail

}  // namespace budgetkernel
