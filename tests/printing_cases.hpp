// What ostream.hpp and fmt.hpp must print, shared by both tests so the two
// headers are held to one text.
#pragma once

#include <string_view>

#include "support.hpp"

namespace bktest::printing {

/// tokens 85 of 100 (warn 80), millis 51 of 50, calls 0 of 3 (warn 0).
template <class B>
B sample() {
    B b = make_llm<B>();
    (void)b.template charge<bk::Tokens>(85U);
    (void)b.template charge<bk::Millis>(51U);
    return b;
}

inline constexpr std::string_view budget_text =
    "tokens 85/100 (warn 80, 15 left): warn on tokens; millis 51/50 (0 left): exhausted on millis; "
    "calls 0/3 (warn 0, 3 left): continue";
inline constexpr std::string_view snapshot_text = "tokens=85 millis=51 calls=0";

}  // namespace bktest::printing
