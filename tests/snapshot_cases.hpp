// The text-form cases of snapshots, run in static_assert (snapshot_static.cpp)
// and under doctest (snapshot_test.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "support.hpp"

namespace bktest::snapshots {

using SK = bk::SnapshotError::Kind;

/// Text handed to `Llm::restore(config, text)` (tokens, millis, calls) and
/// the error it must give, with the error's name and position.
struct BadText {
    std::string_view text;
    SK kind;
    std::string_view name;
    std::size_t position;
};

using namespace std::string_view_literals;

// Legend: text, expected kind, the name it reports, the byte (or size) it reports.
inline constexpr std::array bad_texts{
    BadText{"", SK::Empty, "", 0},                                                // nothing
    BadText{"\n", SK::Empty, "", 0},                                              // only the line feed
    BadText{"tokens=1", SK::MissingDimension, "millis", 1},                       // too few pairs
    BadText{"tokens=1 millis=2", SK::MissingDimension, "calls", 2},               // the last one missing
    BadText{"tokens=1 millis=2 calls=3 bytes=4", SK::TooManyPairs, "bytes", 26},  // one too many
    BadText{"tokens=1 tokens=2 calls=3", SK::DuplicateDimension, "tokens", 9},    // a duplicate
    BadText{"tokens=1 bytes=2 calls=3", SK::UnknownDimension, "bytes", 1},        // outside the set
    BadText{"Tokens=1 millis=2 calls=3", SK::UnknownDimension, "Tokens", 0},      // names are case-sensitive
    BadText{"tokens=01 millis=2 calls=3", SK::BadValue, "tokens", 7},             // leading zero
    BadText{"tokens=00 millis=2 calls=3", SK::BadValue, "tokens", 7},             // leading zero
    BadText{"tokens=-1 millis=2 calls=3", SK::BadValue, "tokens", 7},             // a sign
    BadText{"tokens=+1 millis=2 calls=3", SK::BadValue, "tokens", 7},             // a sign
    BadText{"tokens= millis=2 calls=3", SK::BadValue, "tokens", 7},               // no digits
    BadText{"tokens=1x millis=2 calls=3", SK::BadValue, "tokens", 8},             // junk after digits
    BadText{"tokens=1.5 millis=2 calls=3", SK::BadValue, "tokens", 8},            // not an integer
    BadText{"tokens=18446744073709551616 millis=2 calls=3", SK::ValueTooLarge, "tokens", 7},  // 2^64
    BadText{"tokens=99999999999999999999999 millis=2 calls=3", SK::ValueTooLarge, "tokens", 7},
    BadText{"tokens=1  millis=2 calls=3", SK::BadSeparator, "", 9},           // two spaces
    BadText{" tokens=1 millis=2 calls=3", SK::BadSeparator, "", 0},           // leading space
    BadText{"tokens=1 millis=2 calls=3 ", SK::BadSeparator, "", 25},          // trailing space
    BadText{"tokens=1\tmillis=2 calls=3", SK::BadSeparator, "", 8},           // a tab
    BadText{"tokens=1 millis=2 calls=3\n\n", SK::BadSeparator, "", 25},       // two line feeds
    BadText{"tokens=1 millis=2 calls=3\r\n", SK::BadSeparator, "", 25},       // CR LF
    BadText{"tokens=1,millis=2,calls=3", SK::BadValue, "tokens", 8},          // commas
    BadText{"tokens:1 millis=2 calls=3", SK::ExpectedEquals, "tokens", 6},    // no '='
    BadText{"tokens 1 millis=2 calls=3", SK::ExpectedEquals, "tokens", 6},    // no '='
    BadText{"tokens", SK::ExpectedEquals, "tokens", 6},                       // nothing after a name
    BadText{"=1 millis=2 calls=3", SK::BadName, "", 0},                       // an empty name
    BadText{"tok\0ens=1 millis=2 calls=3"sv, SK::ExpectedEquals, "tok", 3},   // a NUL byte
    BadText{"\0"sv, SK::BadName, "", 0},                                      // only a NUL
    BadText{"t\xc3\xb6kens=1 millis=2 calls=3", SK::ExpectedEquals, "t", 1},  // not ASCII
    BadText{"a_dimension_name_that_is_longer_than_forty_eight_=1 millis=2 calls=3", SK::BadName, "", 48},
};

/// A text longer than any valid one for three dimensions.
inline constexpr std::size_t too_long_size = bk::max_snapshot_text_size<3> + 1;

}  // namespace bktest::snapshots
