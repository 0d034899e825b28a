// budgetkernel: the text form of a snapshot — one line of `name=value` pairs,
// written into a caller's buffer and parsed from a std::string_view.
//
// Grammar (ASCII; nothing else is accepted):
//
//     text  = pair *( " " pair ) [ LF ]
//     pair  = name "=" value
//     name  = 1*48( ALPHA / DIGIT / "_" / "." / "-" )
//     value = "0" / ( %x31-39 *19DIGIT )       ; at most 18446744073709551615
//
// So: pairs are separated by exactly one space, with no space at either end;
// one final line feed is allowed (a line read with its terminator) and
// nothing after it; no sign, no leading zero, no other whitespace, no NUL.
// The writer produces exactly this, in set order, without the line feed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "detail/decimal.hpp"
#include "dimension.hpp"
#include "result.hpp"
#include "snapshot.hpp"

namespace budgetkernel {

/// Longest text of a snapshot of N dimensions: N pairs of a 48-character
/// name, '=' and 20 digits, N-1 spaces, and a final line feed.
template <std::size_t N>
inline constexpr std::size_t max_snapshot_text_size = N*(max_dimension_name_length + 1 + detail::max_decimal_digits) +
                                                      (N - 1) + 1;

/// Writes `s` as `name=value name=value ...` into `buffer`, followed by a NUL
/// byte (not part of the text), and returns the text as a view into
/// `buffer`. A buffer too small for the text and its NUL is an error
/// (BufferTooSmall, with the size needed as position()); nothing is cut.
/// A buffer of `max_snapshot_text_size<N>` bytes always suffices. A
/// snapshot whose entries are malformed is refused (MalformedEntry).
///
/// @code
/// std::array<char, bk::max_snapshot_text_size<3>> buf{};
/// auto text = bk::write_snapshot_text(budget.snapshot(), buf);  // "tokens=12 millis=40 calls=1"
/// @endcode
template <std::size_t N>
[[nodiscard]] constexpr Result<std::string_view, SnapshotError> write_snapshot_text(const Snapshot<N>& s,
                                                                                    std::span<char> buffer) noexcept {
    if (s.count > N || s.count == 0) {
        return SnapshotError{SnapshotError::Kind::MalformedEntry, {}, static_cast<std::size_t>(s.count)};
    }
    std::size_t needed = 0;
    for (const SnapshotEntry& e : s.used()) {
        if (!e.has_valid_name()) {
            return SnapshotError{SnapshotError::Kind::MalformedEntry, {}, needed};
        }
        needed += (needed == 0 ? 0 : 1) + e.name_view().size() + 1 + detail::Decimal{e.spent}.view().size();
    }
    if (buffer.size() < needed + 1) {
        return SnapshotError{SnapshotError::Kind::BufferTooSmall, {}, needed + 1};
    }
    std::size_t at = 0;
    const auto put = [&buffer, &at](std::string_view part) noexcept {
        for (const char c : part) {
            buffer[at] = c;
            ++at;
        }
    };
    for (const SnapshotEntry& e : s.used()) {
        if (at != 0) {
            put(" ");
        }
        put(e.name_view());
        put("=");
        put(detail::Decimal{e.spent}.view());
    }
    buffer[at] = '\0';
    return std::string_view{buffer.data(), at};
}

namespace detail {

// A pair of the text, or the error at its position.
struct ParsedPair {
    std::string_view name;
    std::uint64_t value = 0;
    std::size_t start = 0;  // where the name starts
    std::size_t end = 0;    // one past the value
};

[[nodiscard]] constexpr bool is_other_whitespace(char c) noexcept {
    return c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// The value at `i`: digits only, no leading zero, at most 2^64-1; it must be
// followed by a space or the end of `text`.
[[nodiscard]] constexpr Result<ParsedPair, SnapshotError> parse_value(std::string_view text, ParsedPair pair,
                                                                      std::size_t i) noexcept {
    using K = SnapshotError::Kind;
    const std::size_t start = i;
    std::uint64_t value = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        const auto digit = static_cast<std::uint64_t>(text[i] - '0');
        if (i > start && value == 0) {
            return SnapshotError{K::BadValue, pair.name, start};  // a leading zero
        }
        if (value > (~std::uint64_t{0} - digit) / 10) {
            return SnapshotError{K::ValueTooLarge, pair.name, start};
        }
        value = value * 10 + digit;
    }
    if (i == start) {
        return SnapshotError{K::BadValue, pair.name, start};
    }
    if (i < text.size() && text[i] != ' ') {
        const bool space = is_other_whitespace(text[i]);
        return SnapshotError{space ? K::BadSeparator : K::BadValue, space ? std::string_view{} : pair.name, i};
    }
    pair.value = value;
    pair.end = i;
    return pair;
}

// The pair that starts at `i`: a name, '=', a value.
[[nodiscard]] constexpr Result<ParsedPair, SnapshotError> parse_pair(std::string_view text, std::size_t i) noexcept {
    using K = SnapshotError::Kind;
    const std::size_t start = i;
    while (i < text.size() && is_name_char(text[i])) {
        ++i;
    }
    const std::string_view name = text.substr(start, i - start);
    if (name.empty()) {
        const bool space = start < text.size() && text[start] == ' ';
        return SnapshotError{space ? K::BadSeparator : K::BadName, {}, start};
    }
    if (name.size() > max_dimension_name_length) {
        return SnapshotError{K::BadName, {}, start + max_dimension_name_length};
    }
    if (i >= text.size() || text[i] != '=') {
        return SnapshotError{K::ExpectedEquals, name, i};
    }
    return parse_value(text, ParsedPair{name, 0, start, 0}, i + 1);
}

template <std::size_t N>
[[nodiscard]] constexpr Result<Snapshot<N>, SnapshotError> parse_snapshot_text(std::string_view text) noexcept {
    using K = SnapshotError::Kind;
    if (text.size() > max_snapshot_text_size<N>) {
        return SnapshotError{K::TooLong, {}, max_snapshot_text_size<N>};
    }
    if (!text.empty() && text.back() == '\n') {
        text.remove_suffix(1);
    }
    if (text.empty()) {
        return SnapshotError{K::Empty, {}, 0};
    }
    Snapshot<N> s;
    std::size_t i = 0;
    while (true) {
        const auto pair = parse_pair(text, i);
        if (!pair) {
            return pair.error();
        }
        for (const SnapshotEntry& e : s.used()) {
            if (e.name_view() == pair->name) {
                return SnapshotError{K::DuplicateDimension, pair->name, pair->start};
            }
        }
        if (s.count == N) {
            return SnapshotError{K::TooManyPairs, pair->name, pair->start};
        }
        s.entries.at(static_cast<std::size_t>(s.count)) = SnapshotEntry::make(pair->name, pair->value);
        ++s.count;
        i = pair->end;
        if (i == text.size()) {
            return s;
        }
        ++i;  // the one space
        if (i == text.size()) {
            return SnapshotError{K::BadSeparator, {}, i - 1};  // a space at the end
        }
    }
}

template <class T>
struct snapshot_capacity {
    static constexpr std::size_t value = T::dims::size;  // a Budget type
};
template <std::size_t N>
struct snapshot_capacity<Snapshot<N>> {
    static constexpr std::size_t value = N;
};

}  // namespace detail

/// Parses the text form into a snapshot of `T`'s capacity (`T` is a Budget
/// type or a `Snapshot<N>`). Every malformed input is an error naming what is
/// wrong and where (see the grammar at the top of this header and
/// SnapshotError::Kind); no input crashes, allocates or gives a wrong total.
/// Which dimensions the names must be is checked when restoring.
///
/// @code
/// auto parsed = bk::parse_snapshot_text<Llm>("tokens=12 millis=40 calls=1");
/// if (parsed) { auto restored = Llm::restore(config, *parsed); }
/// @endcode
template <class T>
[[nodiscard]] constexpr Result<Snapshot<detail::snapshot_capacity<T>::value>, SnapshotError> parse_snapshot_text(
    std::string_view text) noexcept {
    return detail::parse_snapshot_text<detail::snapshot_capacity<T>::value>(text);
}

}  // namespace budgetkernel
