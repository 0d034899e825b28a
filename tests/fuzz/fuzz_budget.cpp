// Fuzz target: random declarations and operation sequences, run against every
// storage/overflow policy pair and against a plain reference model of SPEC
// sections 2, 8 and 9 (charges, admission, several dimensions at once,
// status, crossing flags, reservations). Any disagreement — a verdict, its
// crossing flags, an error kind or dimension, a spent, remaining, limit or
// warn value — aborts.
//
// One source, two programs:
//  - built with `-fsanitize=fuzzer` it is a libFuzzer target
//    (LLVMFuzzerTestOneInput only; scripts/fuzz.sh runs it);
//  - built with BUDGETKERNEL_FUZZ_STANDALONE it gets a main() that replays
//    the files named on its command line, or every file of a directory named
//    there (the `fuzz` suite of `meson test` replays tests/fuzz/corpus).
//
// Input format. Every byte string is valid: a read past the end yields 0.
//
//   set      byte % 3: 0 Dims<Tokens>; 1 Dims<Calls, Tokens, Millis>;
//            2 Dims<GpuSeconds, Custom2, Tokens, Millis, Bytes, Calls, Memory, Custom0>
//   mode     bit 0 clear: typed declaration — for each dimension in set order a
//                limit and a warn; built by the typed builder (bit 1: declared
//                in reverse set order) and also by the keyed builder;
//            bit 0 set: keyed declaration — byte % 17 entries (key, limit,
//                warn), built by the keyed builder only; bit 1: the first entry
//                goes through Builder::limit(Dim, ...), the typed builder's
//                hand-over to the keyed one;
//            bit 2: the keyed builder declares the set's own dimensions with
//                KeyedBuilder::limit<D> instead of limit(Dim, ...).
//   then operations until the input ends (at most max_operations):
//            byte % 16: 0, 1 typed charge (index, amount); 2 keyed charge (key,
//            amount); 3 zero charge (target); 4 reset; 5 typed query (index);
//            6 keyed query (key); 7 checkpoint: 2 + byte % 3 charges (target,
//            amount each) reduced with Verdict::worst; 8 copy the budget;
//            9 name lookup (key); 10 would_charge (target, amount);
//            11 try_charge (target, amount); 12 several dimensions in one
//            call: a mode byte (bit 0: try_charge, else charge; bit 1 with a
//            set of 2 or more: the typed pair <last, first> of the set, then
//            an amount for each; else a keyed list of byte % 6 entries (key,
//            amount)); 13 status; 14 reserve: a place (byte % 4; what it held
//            is dropped first), a mode byte (bit 0 with a set of 2 or more:
//            the typed pair <last, first>, an estimate each; else dimension
//            index (mode >> 1) % set size, one estimate); 15 finish the
//            reservation in a place (byte % 4; nothing if it never held one):
//            mode byte % 4: 0 settle (an actual amount per dimension),
//            1 release, 2 drop (the destructor), 3 settle twice.
//
//   value    byte % 8: 0 → 0, 1 → 1, 2 → 2^64-1, 3 → 2^64-2, 4 → next byte,
//            5 → next 2 bytes (little endian), 6 → next 8 bytes, 7 → 2^64-1 - next byte
//   warn     byte % 5: 0 none, 1 value, 2 limit-1, 3 limit, 4 limit+1 (mod 2^64)
//   key      byte: bit 7 set → the set's dimension (byte & 0x7f) % set size;
//            else universe key byte % 10 (the universe lists two dimensions
//            that no set has: Custom1 and the user-defined Widgets)
//   index    byte % set size
//   target   byte: bit 0 set → typed, then an index; else keyed, then a key
//   amount   byte < 0xF0: a value with that selector; else relative to the
//            target's spent in the reference model (1 for an unknown key):
//            byte % 4: 0 up to the limit, 1 one past it, 2 up to the warn
//            threshold (the limit if none), 3 one past that
//
// tests/fuzz/make_corpus.py writes inputs in this format.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <budgetkernel/budgetkernel.hpp>

#if defined(BUDGETKERNEL_FUZZ_STANDALONE)
#include "replay.hpp"
#endif

namespace bk = budgetkernel;
namespace mp = boost::mp11;

namespace {

// ---- failing -----------------------------------------------------------------

const char* current_input = nullptr;  // the file being replayed (standalone only)

[[noreturn]] void mismatch(const char* what, int line) {
    std::fprintf(stderr, "budgetkernel fuzz: mismatch at %s:%d: %s\n", __FILE__, line, what);
    if (current_input != nullptr) {
        std::fprintf(stderr, "budgetkernel fuzz: input %s\n", current_input);
    }
    std::abort();
}

#define FUZZ_CHECK(cond) ((cond) ? static_cast<void>(0) : mismatch(#cond, __LINE__))

// ---- dimensions ----------------------------------------------------------------

struct GpuSeconds {
    static constexpr std::string_view name = "gpu_seconds";
};
struct Widgets {  // in no set
    static constexpr std::string_view name = "widgets";
};

using Universe = mp::mp_list<bk::Tokens, bk::Millis, bk::Bytes, bk::Calls, bk::Memory, bk::Custom0, bk::Custom1,
                             bk::Custom2, GpuSeconds, Widgets>;
constexpr std::size_t universe_size = mp::mp_size<Universe>::value;

// Written out rather than read from the types, so that a wrong name is caught.
constexpr std::array<std::string_view, universe_size> universe_names{
    "tokens", "millis", "bytes", "calls", "memory", "custom0", "custom1", "custom2", "gpu_seconds", "widgets"};

template <class L>
struct keys_of;
template <class... D>
struct keys_of<mp::mp_list<D...>> {
    static constexpr std::array<bk::Dim, sizeof...(D)> value{bk::dim<D>...};
};
constexpr const std::array<bk::Dim, universe_size>& universe_keys = keys_of<Universe>::value;

using SetOne = bk::Dims<bk::Tokens>;
using SetThree = bk::Dims<bk::Calls, bk::Tokens, bk::Millis>;
using SetEight =
    bk::Dims<GpuSeconds, bk::Custom2, bk::Tokens, bk::Millis, bk::Bytes, bk::Calls, bk::Memory, bk::Custom0>;

// ---- the reference model: SPEC section 2, as plainly as possible ---------------

namespace model {

constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t capacity = 8;
constexpr int none = -1;

enum class Kind { Continue, Warn, Exhausted };

struct Verdict {
    Kind kind = Kind::Continue;
    int dim = none;              // universe index; none for Continue
    bool crossed_warn = false;   // this charge moved the total over the warn threshold
    bool crossed_limit = false;  // ... over the limit
};

int severity(Kind kind) {
    if (kind == Kind::Exhausted) {
        return 2;
    }
    if (kind == Kind::Warn) {
        return 1;
    }
    return 0;
}

// Exhausted > Warn > Continue; on equal severity the left one.
Verdict worst(Verdict a, Verdict b) {
    if (severity(b.kind) > severity(a.kind)) {
        return b;
    }
    return a;
}

enum class BuildError { None, DuplicateDimension, UnknownDimension, MissingLimit, ZeroLimit, WarnNotBelowLimit };
enum class ChargeError { None, UnknownDimension, Overflow, WouldExhaust, DuplicateDimension, NotHeld, Stale };

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    if (b > max - a) {
        return max;
    }
    return a + b;
}

bool checked_add(std::uint64_t a, std::uint64_t b, std::uint64_t& sum) {
    if (b > max - a) {
        return false;
    }
    sum = a + b;
    return true;
}

struct Entry {
    int key = none;  // universe index
    std::uint64_t limit = 0;
    bool has_warn = false;
    std::uint64_t warn = 0;
};

struct Charge {
    ChargeError error = ChargeError::None;
    int error_dim = none;
    Verdict verdict;
};

// Folds one charge of a checkpoint into its result: the worst of the
// verdicts, and the first error.
void fold(Charge& out, const Charge& c) {
    if (c.error == ChargeError::None) {
        out.verdict = worst(out.verdict, c.verdict);
    } else if (out.error == ChargeError::None) {
        out.error = c.error;
        out.error_dim = c.error_dim;
    }
}

// A reservation as the model sees it: the slots and estimates it holds, in
// argument order, and the reset generation it was made in.
struct Held {
    bool present = false;  // a handle exists (admitted or refused)
    bool active = false;   // admitted and not yet settled or released
    std::size_t count = 0;
    std::array<std::size_t, 2> slots{};
    std::array<std::uint64_t, 2> estimates{};
    std::uint64_t generation = 0;
};

constexpr std::size_t max_held = 4;

struct Budget {
    std::size_t size = 0;
    std::array<int, capacity> dims{};  // universe index of each dimension of the set
    std::array<std::uint64_t, capacity> limit{};
    std::array<bool, capacity> has_warn{};
    std::array<std::uint64_t, capacity> warn{};
    std::array<std::uint64_t, capacity> spent{};
    bool checked = false;          // Checked overflow policy instead of Saturate
    std::uint64_t generation = 0;  // resets so far
    std::array<Held, max_held> held{};

    int index_of(int key) const {
        for (std::size_t i = 0; i < size; ++i) {
            if (dims[i] == key) {
                return static_cast<int>(i);
            }
        }
        return none;
    }

    Verdict verdict(std::size_t i) const { return judge(i, spent[i], spent[i]); }

    // The verdict on `after`, with the crossing flags of a change from `before`.
    Verdict judge(std::size_t i, std::uint64_t before, std::uint64_t after) const {
        Verdict v;
        if (after > limit[i]) {
            v = {Kind::Exhausted, dims[i]};
        } else if (has_warn[i] && after > warn[i]) {
            v = {Kind::Warn, dims[i]};
        }
        v.crossed_warn = has_warn[i] && before <= warn[i] && after > warn[i];
        v.crossed_limit = before <= limit[i] && after > limit[i];
        return v;
    }

    // The total after adding `amount` to slot i; false when Checked refuses it.
    bool sum(std::size_t i, std::uint64_t amount, std::uint64_t& out) const {
        if (checked) {
            return checked_add(spent[i], amount, out);
        }
        out = saturating_add(spent[i], amount);
        return true;
    }

    // What charge() would return, changing nothing.
    Charge would_charge(int key, std::uint64_t amount) const {
        Budget copy = *this;
        return copy.charge(key, amount);
    }

    // Why adding `amount` to slot i would be refused by an admission, if it would.
    ChargeError refusal(std::size_t i, std::uint64_t amount) const {
        std::uint64_t after = 0;
        if (!sum(i, amount, after)) {
            return ChargeError::Overflow;
        }
        return after > limit[i] ? ChargeError::WouldExhaust : ChargeError::None;
    }

    Charge try_charge(int key, std::uint64_t amount) {
        const int i = index_of(key);
        if (i == none) {
            return {ChargeError::UnknownDimension, key, {}};
        }
        const auto slot = static_cast<std::size_t>(i);
        const ChargeError refused = refusal(slot, amount);
        if (refused != ChargeError::None) {
            return {refused, key, {}};
        }
        return charge(key, amount);
    }

    // A keyed list's own errors: the first key outside the set or named twice.
    Charge check_list(const std::vector<std::pair<int, std::uint64_t>>& list) const {
        std::array<bool, capacity> seen{};
        for (const auto& [key, amount] : list) {
            const int i = index_of(key);
            if (i == none) {
                return {ChargeError::UnknownDimension, key, {}};
            }
            if (seen[static_cast<std::size_t>(i)]) {
                return {ChargeError::DuplicateDimension, key, {}};
            }
            seen[static_cast<std::size_t>(i)] = true;
        }
        return {};
    }

    // The checkpoint over a list: each charged in order, worst of the
    // verdicts; under Checked the first refusal is the result.
    Charge charge_list(const std::vector<std::pair<int, std::uint64_t>>& list) {
        Charge out = check_list(list);
        if (out.error != ChargeError::None) {
            return out;
        }
        for (const auto& [key, amount] : list) {
            fold(out, charge(key, amount));
        }
        return out;
    }

    // All or nothing over a list.
    Charge try_list(const std::vector<std::pair<int, std::uint64_t>>& list) {
        Charge out = check_list(list);
        if (out.error != ChargeError::None) {
            return out;
        }
        for (const auto& [key, amount] : list) {
            const ChargeError refused = refusal(static_cast<std::size_t>(index_of(key)), amount);
            if (refused != ChargeError::None) {
                return {refused, key, {}};
            }
        }
        for (const auto& [key, amount] : list) {
            out.verdict = worst(out.verdict, charge(key, amount).verdict);
        }
        return out;
    }

    // Worst over the set, in set order.
    Verdict status() const {
        Verdict v;
        for (std::size_t i = 0; i < size; ++i) {
            v = worst(v, verdict(i));
        }
        return v;
    }

    // A refund: never below 0; under Saturate never from 2^64-1.
    Verdict refund(std::size_t i, std::uint64_t amount) {
        const std::uint64_t before = spent[i];
        if (checked || spent[i] != max) {
            spent[i] = amount > spent[i] ? 0 : spent[i] - amount;
        }
        return judge(i, before, spent[i]);
    }

    // reserve into held[h]: all or nothing over (slot, estimate) pairs.
    Charge reserve(std::size_t h, const std::vector<std::pair<int, std::uint64_t>>& list) {
        const Charge c = try_list(list);
        Held& r = held[h];
        r = Held{};
        r.present = true;
        r.active = c.error == ChargeError::None;
        r.count = list.size();
        for (std::size_t k = 0; k < list.size(); ++k) {
            r.slots[k] = static_cast<std::size_t>(index_of(list[k].first));
            r.estimates[k] = list[k].second;
        }
        r.generation = generation;
        return c;
    }

    Charge settle(std::size_t h, const std::array<std::uint64_t, 2>& actuals) {
        Held& r = held[h];
        const int first = dims[r.slots[0]];
        if (!r.active) {
            return {ChargeError::NotHeld, first, {}};
        }
        r.active = false;
        if (r.generation != generation) {
            return {ChargeError::Stale, first, {}};
        }
        Charge out;
        for (std::size_t k = 0; k < r.count; ++k) {
            const std::size_t i = r.slots[k];
            if (actuals[k] <= r.estimates[k]) {
                out.verdict = worst(out.verdict, refund(i, r.estimates[k] - actuals[k]));
                continue;
            }
            fold(out, charge(dims[i], actuals[k] - r.estimates[k]));
        }
        return out;
    }

    void release(std::size_t h) {
        Held& r = held[h];
        if (r.active && r.generation == generation) {
            for (std::size_t k = 0; k < r.count; ++k) {
                static_cast<void>(refund(r.slots[k], r.estimates[k]));
            }
        }
        r.active = false;
    }

    Charge charge(int key, std::uint64_t amount) {
        const int i = index_of(key);
        if (i == none) {
            return {ChargeError::UnknownDimension, key, {}};
        }
        const auto slot = static_cast<std::size_t>(i);
        const std::uint64_t before = spent[slot];
        std::uint64_t after = 0;
        if (!sum(slot, amount, after)) {
            return {ChargeError::Overflow, key, {}};
        }
        spent[slot] = after;
        return {ChargeError::None, none, judge(slot, before, after)};
    }

    std::uint64_t remaining(std::size_t i) const {
        if (spent[i] >= limit[i]) {
            return 0;
        }
        return limit[i] - spent[i];
    }

    void reset() {
        for (std::size_t i = 0; i < size; ++i) {
            spent[i] = 0;
        }
        ++generation;
    }
};

struct Built {
    BuildError error = BuildError::None;
    int error_dim = none;
    Budget budget;
};

// Validation in the documented order: the first dimension seen twice, then the
// first key outside the set, then per dimension in set order MissingLimit,
// ZeroLimit, WarnNotBelowLimit. A repeat keeps the first declaration.
Built build(std::size_t size, const std::array<int, capacity>& dims, const std::vector<Entry>& entries) {
    Built out;
    out.budget.size = size;
    out.budget.dims = dims;
    std::array<bool, capacity> declared{};
    int duplicate = none;
    int unknown = none;
    for (const Entry& e : entries) {
        const int i = out.budget.index_of(e.key);
        if (i == none) {
            if (unknown == none) {
                unknown = e.key;
            }
            continue;
        }
        const auto slot = static_cast<std::size_t>(i);
        if (declared[slot]) {
            if (duplicate == none) {
                duplicate = e.key;
            }
            continue;
        }
        declared[slot] = true;
        out.budget.limit[slot] = e.limit;
        out.budget.has_warn[slot] = e.has_warn;
        out.budget.warn[slot] = e.warn;
    }
    if (duplicate != none) {
        return {BuildError::DuplicateDimension, duplicate, {}};
    }
    if (unknown != none) {
        return {BuildError::UnknownDimension, unknown, {}};
    }
    for (std::size_t i = 0; i < size; ++i) {
        if (!declared[i]) {
            return {BuildError::MissingLimit, dims[i], {}};
        }
        if (out.budget.limit[i] == 0) {
            return {BuildError::ZeroLimit, dims[i], {}};
        }
        if (out.budget.has_warn[i] && out.budget.warn[i] >= out.budget.limit[i]) {
            return {BuildError::WarnNotBelowLimit, dims[i], {}};
        }
    }
    return out;
}

}  // namespace model

// ---- comparing the library with the model --------------------------------------

int universe_index(bk::Dim key) {
    for (std::size_t i = 0; i < universe_size; ++i) {
        if (universe_keys[i] == key) {
            FUZZ_CHECK(key.name() == universe_names[i]);
            return static_cast<int>(i);
        }
    }
    mismatch("a key that names no dimension of the universe", __LINE__);
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// "budgetkernel: dimension '<name>' <rule>"
void check_message(std::string_view message, int dim) {
    constexpr std::string_view prefix = "budgetkernel: dimension '";
    FUZZ_CHECK(starts_with(message, prefix));
    const std::string_view rest = message.substr(prefix.size());
    const std::string_view name = universe_names[static_cast<std::size_t>(dim)];
    FUZZ_CHECK(starts_with(rest, name) && starts_with(rest.substr(name.size()), "' "));
}

void check_verdict(const bk::Verdict& v, const model::Verdict& m) {
    switch (m.kind) {
        case model::Kind::Continue:
            FUZZ_CHECK(v.kind() == bk::Verdict::Kind::Continue);
            FUZZ_CHECK(bk::to_string(v.kind()) == "continue");
            FUZZ_CHECK(!v.dimension().has_value());
            FUZZ_CHECK(v == bk::Verdict::proceed());
            break;
        case model::Kind::Warn:
            FUZZ_CHECK(v.kind() == bk::Verdict::Kind::Warn);
            FUZZ_CHECK(bk::to_string(v.kind()) == "warn");
            break;
        case model::Kind::Exhausted:
            FUZZ_CHECK(v.kind() == bk::Verdict::Kind::Exhausted);
            FUZZ_CHECK(bk::to_string(v.kind()) == "exhausted");
            break;
    }
    FUZZ_CHECK(v.is_continuing() == (m.kind != model::Kind::Exhausted));
    FUZZ_CHECK(v.is_warning() == (m.kind == model::Kind::Warn));
    FUZZ_CHECK(v.is_exhausted() == (m.kind == model::Kind::Exhausted));
    FUZZ_CHECK(v.crossed_warn() == m.crossed_warn);
    FUZZ_CHECK(v.crossed_limit() == m.crossed_limit);
    FUZZ_CHECK(v.crossed() == (m.crossed_warn || m.crossed_limit));
    if (m.kind != model::Kind::Continue) {
        FUZZ_CHECK(v.dimension().has_value());
        FUZZ_CHECK(universe_index(*v.dimension()) == m.dim);
    }
}

std::string_view name_of(model::ChargeError e) {
    switch (e) {
        case model::ChargeError::UnknownDimension:
            return "UnknownDimension";
        case model::ChargeError::Overflow:
            return "Overflow";
        case model::ChargeError::WouldExhaust:
            return "WouldExhaust";
        case model::ChargeError::DuplicateDimension:
            return "DuplicateDimension";
        case model::ChargeError::NotHeld:
            return "NotHeld";
        case model::ChargeError::Stale:
            return "Stale";
        case model::ChargeError::None:
            break;
    }
    return "None";
}

// Saturate: charge<D> returns a plain Verdict and cannot fail.
void check_charge(const bk::Verdict& v, const model::Charge& m) {
    FUZZ_CHECK(m.error == model::ChargeError::None);
    check_verdict(v, m.verdict);
}

void check_charge(const bk::Result<bk::Verdict, bk::ChargeError>& r, const model::Charge& m) {
    FUZZ_CHECK(static_cast<bool>(r) == r.has_value());
    FUZZ_CHECK(r.has_value() == (m.error == model::ChargeError::None));
    if (r.has_value()) {
        check_verdict(*r, m.verdict);
        return;
    }
    const bk::ChargeError e = r.error();
    FUZZ_CHECK(bk::to_string(e.kind()) == name_of(m.error));
    FUZZ_CHECK(universe_index(e.dimension()) == m.error_dim);
    check_message(e.message().view(), m.error_dim);
}

std::optional<bk::Verdict> verdict_of(const bk::Verdict& v) { return v; }
std::optional<bk::Verdict> verdict_of(const bk::Result<bk::Verdict, bk::ChargeError>& r) {
    if (r.has_value()) {
        return *r;
    }
    return std::nullopt;
}

std::string_view name_of(model::BuildError e) {
    switch (e) {
        case model::BuildError::DuplicateDimension:
            return "DuplicateDimension";
        case model::BuildError::UnknownDimension:
            return "UnknownDimension";
        case model::BuildError::MissingLimit:
            return "MissingLimit";
        case model::BuildError::ZeroLimit:
            return "ZeroLimit";
        case model::BuildError::WarnNotBelowLimit:
            return "WarnNotBelowLimit";
        case model::BuildError::None:
            break;
    }
    return "None";
}

template <class B>
void check_build(const bk::Result<B, bk::BuilderError>& r, const model::Built& m) {
    FUZZ_CHECK(r.has_value() == (m.error == model::BuildError::None));
    if (r.has_value()) {
        return;
    }
    const bk::BuilderError& e = r.error();
    FUZZ_CHECK(bk::to_string(e.kind()) == name_of(m.error));
    FUZZ_CHECK(universe_index(e.dimension()) == m.error_dim);
    check_message(e.message().view(), m.error_dim);
}

// ---- reading the input -----------------------------------------------------------

class Input {
public:
    explicit Input(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    [[nodiscard]] bool done() const { return pos_ >= bytes_.size(); }

    std::uint8_t byte() {
        if (pos_ >= bytes_.size()) {
            return 0;
        }
        return bytes_[pos_++];
    }

    std::uint64_t little_endian(int n) {
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) {
            v |= std::uint64_t{byte()} << (8 * i);
        }
        return v;
    }

    std::uint64_t value_from(std::uint8_t selector) {
        switch (selector % 8) {
            case 0:
                return 0;
            case 1:
                return 1;
            case 2:
                return model::max;
            case 3:
                return model::max - 1;
            case 4:
                return byte();
            case 5:
                return little_endian(2);
            case 6:
                return little_endian(8);
            default:
                return model::max - byte();
        }
    }

    std::uint64_t value() { return value_from(byte()); }

    void warn(model::Entry& e) {
        switch (byte() % 5) {
            case 0:
                e.has_warn = false;
                e.warn = 0;
                return;
            case 1:
                e.warn = value();
                break;
            case 2:
                e.warn = e.limit - 1;
                break;
            case 3:
                e.warn = e.limit;
                break;
            default:
                e.warn = e.limit + 1;
                break;
        }
        e.has_warn = true;
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
};

// ---- running one input against every policy pair --------------------------------

constexpr std::size_t max_operations = 256;
constexpr std::size_t max_checkpoint = 4;

template <class Set, class F>
void with_dimension(std::size_t index, F&& f) {
    mp::mp_with_index<Set::size>(index, [&](auto i) { f(mp::mp_at_c<typename Set::list, decltype(i)::value>{}); });
}

// The reservations a subject can hold: one dimension of the set, or (for sets
// of two or more) the last and the first dimension together, in that order.
struct NoPair {};

template <class B, class L>
struct held_types;
template <class B, class... D>
struct held_types<B, mp::mp_list<D...>> {
    using list = mp::mp_list<D...>;
    using pair =
        std::conditional_t<(sizeof...(D) >= 2), bk::Reservation<B, mp::mp_back<list>, mp::mp_front<list>>, NoPair>;
    using type = std::variant<std::monostate, bk::Reservation<B, D>..., pair>;
};

template <class Set, class Storage, class Overflow>
struct Subject {
    using budget_type = bk::Budget<Set, Storage, Overflow>;
    using held_type = typename held_types<budget_type, typename Set::list>::type;
    using pair_type = typename held_types<budget_type, typename Set::list>::pair;
    static constexpr bool checked = bk::refuses_overflow_v<Overflow>;
    std::optional<budget_type> budget;
    std::optional<budget_type> initial;  // as built, to compare with after reset()
    // After `budget`, so that they are destroyed (and release) before it.
    std::array<held_type, model::max_held> held{};
};

template <class Set>
using Subjects =
    std::tuple<Subject<Set, bk::UnsafeStorage, bk::Saturate>, Subject<Set, bk::SafeStorage, bk::Saturate>,
               Subject<Set, bk::UnsafeStorage, bk::Checked>, Subject<Set, bk::SafeStorage, bk::Checked>,
               Subject<Set, bk::AtomicStorage, bk::Saturate>, Subject<Set, bk::AtomicStorage, bk::Checked>>;

struct Target {
    bool typed = false;
    std::size_t index = 0;  // typed: position in the set
    int key = 0;            // universe index (for typed targets, of the set's dimension)
};

struct Step {
    Target target;
    std::uint64_t amount = 0;
};

template <class B, class Builder>
bk::Result<B, bk::BuilderError> build_typed(const Builder& b, const std::vector<model::Entry>& /*by slot*/,
                                            mp::mp_list<> /*declared*/) {
    return b.build();
}

template <class B, class Builder, class D, class... Rest>
bk::Result<B, bk::BuilderError> build_typed(const Builder& b, const std::vector<model::Entry>& by_slot,
                                            mp::mp_list<D, Rest...> /*to declare*/) {
    const model::Entry& e = by_slot[B::dims::template index_of<D>];
    if (e.has_warn) {
        return build_typed<B>(b.template limit_with_warn<D>(e.limit, e.warn), by_slot, mp::mp_list<Rest...>{});
    }
    return build_typed<B>(b.template limit<D>(e.limit), by_slot, mp::mp_list<Rest...>{});
}

template <class Set>
class Harness {
public:
    explicit Harness(Input& in) : in_(in) {
        mp::mp_for_each<mp::mp_iota_c<Set::size>>([&](auto i) {
            using D = mp::mp_at_c<typename Set::list, decltype(i)::value>;
            set_dims_[i] = static_cast<int>(mp::mp_find<Universe, D>::value);
        });
        saturating_.size = size;
        saturating_.dims = set_dims_;
    }

    void run() {
        if (!declare()) {
            return;
        }
        for (std::size_t n = 0; n < max_operations && !in_.done(); ++n) {
            operate();
            check_state();
        }
        for (std::size_t k = 0; k < universe_size; ++k) {
            keyed_query(static_cast<int>(k));
        }
    }

private:
    static constexpr std::size_t size = Set::size;

    // -- decoding ------------------------------------------------------------------

    int read_key() {
        const std::uint8_t k = in_.byte();
        if ((k & 0x80U) != 0) {
            return set_dims_[(k & 0x7FU) % size];
        }
        return static_cast<int>(k % universe_size);
    }

    std::size_t read_index() { return in_.byte() % size; }

    Target read_target() {
        Target t;
        t.typed = (in_.byte() & 1U) != 0;
        if (t.typed) {
            t.index = read_index();
            t.key = set_dims_[t.index];
        } else {
            t.key = read_key();
        }
        return t;
    }

    std::uint64_t read_amount(int target_key) {
        const std::uint8_t selector = in_.byte();
        if (selector < 0xF0) {
            return in_.value_from(selector);
        }
        const model::Budget& m = saturating_;
        const int i = m.index_of(target_key);
        if (i == model::none) {
            return 1;
        }
        const auto slot = static_cast<std::size_t>(i);
        std::uint64_t goal = m.limit[slot];
        if (selector % 4 >= 2 && m.has_warn[slot]) {
            goal = m.warn[slot];
        }
        const std::uint64_t reach = goal > m.spent[slot] ? goal - m.spent[slot] : 0;
        return selector % 2 == 0 ? reach : reach + 1;
    }

    model::Entry read_entry(int entry_key) {
        model::Entry e;
        e.key = entry_key;
        e.limit = in_.value();
        in_.warn(e);
        return e;
    }

    // -- declaring and building ------------------------------------------------------

    bool declare() {
        const std::uint8_t mode = in_.byte();
        std::vector<model::Entry> entries;
        const bool keyed = (mode & 1U) != 0;
        if (keyed) {
            const std::size_t count = in_.byte() % 17U;
            for (std::size_t i = 0; i < count; ++i) {
                entries.push_back(read_entry(read_key()));
            }
        } else {
            for (std::size_t i = 0; i < size; ++i) {
                entries.push_back(read_entry(set_dims_[i]));
            }
        }

        const model::Built built = model::build(size, set_dims_, entries);
        const bool bit1 = (mode & 2U) != 0;
        const bool typed_calls = (mode & 4U) != 0;
        if (!keyed) {
            const bool reverse = bit1;
            std::apply([&](auto&... s) { (build_subject_typed(s, entries, reverse, built), ...); }, typed_built_);
        }
        const bool via_builder = keyed && bit1;
        std::apply([&](auto&... s) { (build_subject_keyed(s, entries, via_builder, typed_calls, built), ...); },
                   keyed_built_);
        if (built.error != model::BuildError::None) {
            return false;
        }
        saturating_ = built.budget;
        checked_ = built.budget;
        checked_.checked = true;
        check_state();
        return true;
    }

    template <class S>
    static void build_subject_typed(S& s, const std::vector<model::Entry>& by_slot, bool reverse,
                                    const model::Built& built) {
        using B = typename S::budget_type;
        const auto r = reverse ? build_typed<B>(B::builder(), by_slot, mp::mp_reverse<typename Set::list>{})
                               : build_typed<B>(B::builder(), by_slot, typename Set::list{});
        check_build(r, built);
        if (r.has_value()) {
            s.budget.emplace(*r);
            s.initial.emplace(*r);
        }
    }

    template <class S>
    void build_subject_keyed(S& s, const std::vector<model::Entry>& entries, bool via_builder, bool typed_calls,
                             const model::Built& built) {
        using B = typename S::budget_type;
        bk::KeyedBuilder<B> b = B::keyed_builder();
        std::size_t first = 0;
        if (via_builder && !entries.empty()) {
            const model::Entry& e = entries.front();
            const bk::Dim k = universe_keys[static_cast<std::size_t>(e.key)];
            b = e.has_warn ? B::builder().limit_with_warn(k, e.limit, e.warn) : B::builder().limit(k, e.limit);
            first = 1;
        }
        for (std::size_t i = first; i < entries.size(); ++i) {
            const model::Entry& e = entries[i];
            const int slot = saturating_.index_of(e.key);
            if (typed_calls && slot != model::none) {
                with_dimension<Set>(static_cast<std::size_t>(slot), [&](auto d) {
                    using D = decltype(d);
                    b = e.has_warn ? b.template limit_with_warn<D>(e.limit, e.warn) : b.template limit<D>(e.limit);
                });
            } else {
                const bk::Dim k = universe_keys[static_cast<std::size_t>(e.key)];
                b = e.has_warn ? b.limit_with_warn(k, e.limit, e.warn) : b.limit(k, e.limit);
            }
        }
        const auto r = b.build();
        check_build(r, built);
        if (r.has_value()) {
            s.budget.emplace(*r);
            s.initial.emplace(*r);
        }
    }

    template <class F>
    void for_each_subject(F&& f) {
        const auto each = [&](auto&... s) { (f(s), ...); };
        std::apply(each, typed_built_);
        std::apply(each, keyed_built_);
    }

    // The subjects that were built (all of them, or only the keyed ones for
    // a keyed declaration).
    template <class F>
    void for_each_built(F&& f) {
        for_each_subject([&](auto& s) {
            if (s.budget) {
                f(s);
            }
        });
    }

    // -- operations ------------------------------------------------------------------

    void operate() {
        const std::uint8_t op = in_.byte() % 16U;
        switch (op) {
            case 0:
            case 1: {
                Step step;
                step.target.typed = true;
                step.target.index = read_index();
                step.target.key = set_dims_[step.target.index];
                step.amount = read_amount(step.target.key);
                charges(std::span<const Step>(&step, 1));
                break;
            }
            case 2: {
                Step step;
                step.target.key = read_key();
                step.amount = read_amount(step.target.key);
                charges(std::span<const Step>(&step, 1));
                break;
            }
            case 3: {
                Step step;
                step.target = read_target();
                charges(std::span<const Step>(&step, 1));
                break;
            }
            case 4:
                reset();
                break;
            case 5:
                typed_query(read_index());
                break;
            case 6:
                keyed_query(read_key());
                break;
            case 7: {
                std::array<Step, max_checkpoint> steps{};
                const std::size_t count = 2 + in_.byte() % 3U;
                for (std::size_t i = 0; i < count; ++i) {
                    steps[i].target = read_target();
                    steps[i].amount = read_amount(steps[i].target.key);
                }
                charges(std::span<const Step>(steps.data(), count));
                break;
            }
            case 8:
                copy();
                break;
            case 9:
                lookup(read_key());
                break;
            case 10:
            case 11: {
                Step step;
                step.target = read_target();
                step.amount = read_amount(step.target.key);
                admission(step, op == 10);
                break;
            }
            case 12:
                several();
                break;
            case 13:
                status();
                break;
            case 14:
                reserve();
                break;
            default:
                finish();
                break;
        }
    }

    // would_charge (ask) or try_charge, typed or keyed.
    void admission(const Step& step, bool ask) {
        const model::Charge sat = ask ? saturating_.would_charge(step.target.key, step.amount)
                                      : saturating_.try_charge(step.target.key, step.amount);
        const model::Charge chk = ask ? checked_.would_charge(step.target.key, step.amount)
                                      : checked_.try_charge(step.target.key, step.amount);
        const bk::Dim key = universe_keys[static_cast<std::size_t>(step.target.key)];
        for_each_built([&](auto& s) {
            auto& b = *s.budget;
            const auto before = b;
            const model::Charge& expected = s.checked ? chk : sat;
            if (step.target.typed) {
                with_dimension<Set>(step.target.index, [&](auto d) {
                    using D = decltype(d);
                    if (ask) {
                        check_charge(std::as_const(b).template would_charge<D>(step.amount), expected);
                    } else {
                        check_charge(b.template try_charge<D>(step.amount), expected);
                    }
                });
            } else if (ask) {
                check_charge(std::as_const(b).would_charge(key, step.amount), expected);
            } else {
                check_charge(b.try_charge(key, step.amount), expected);
            }
            if (ask || expected.error != model::ChargeError::None) {
                FUZZ_CHECK(b == before);  // asking, or a refusal, changes nothing
            }
        });
    }

    // The keyed checkpoint (or, with `admit`, the keyed admission) over a
    // std::array holding `keyed` (at most 5 entries, as several() draws
    // them).
    template <class B>
    static auto list_as_array(B& b, const std::vector<bk::KeyedAmount>& keyed, bool admit) {
        const auto with = [&]<std::size_t... I>(std::index_sequence<I...> /*entries*/) {
            const std::array<bk::KeyedAmount, sizeof...(I)> entries{keyed.at(I)...};
            return admit ? b.try_charge(entries) : b.charge(entries);
        };
        switch (keyed.size()) {
            case 0:
                return with(std::make_index_sequence<0>{});
            case 1:
                return with(std::make_index_sequence<1>{});
            case 2:
                return with(std::make_index_sequence<2>{});
            case 3:
                return with(std::make_index_sequence<3>{});
            case 4:
                return with(std::make_index_sequence<4>{});
            default:
                return with(std::make_index_sequence<5>{});
        }
    }

    // Several dimensions in one call: a keyed list charged or admitted
    // (through a span, or a std::array), or the typed pair (last, first dimension
    // of the set) charged or admitted.
    void several() {
        const std::uint8_t mode = in_.byte();
        const bool admit = (mode & 1U) != 0;
        const bool typed = (mode & 2U) != 0 && size >= 2;
        std::vector<std::pair<int, std::uint64_t>> list;
        if (typed) {
            for (const std::size_t i : {size - 1, std::size_t{0}}) {
                list.emplace_back(set_dims_[i], read_amount(set_dims_[i]));
            }
        } else {
            const std::size_t count = in_.byte() % 6U;
            for (std::size_t k = 0; k < count; ++k) {
                const int key = read_key();
                list.emplace_back(key, read_amount(key));
            }
        }
        const model::Charge sat = admit ? saturating_.try_list(list) : saturating_.charge_list(list);
        const model::Charge chk = admit ? checked_.try_list(list) : checked_.charge_list(list);
        std::vector<bk::KeyedAmount> keyed;
        for (const auto& [key, amount] : list) {
            keyed.push_back({universe_keys[static_cast<std::size_t>(key)], amount});
        }
        for_each_built([&](auto& s) {
            auto& b = *s.budget;
            const auto before = b;
            const model::Charge& expected = s.checked ? chk : sat;
            if constexpr (size >= 2) {
                using Last = mp::mp_back<typename Set::list>;
                using First = mp::mp_front<typename Set::list>;
                if (typed) {
                    if (admit) {
                        check_charge(b.template try_charge<Last, First>(list[0].second, list[1].second), expected);
                    } else {
                        check_charge(b.template charge<Last, First>(list[0].second, list[1].second), expected);
                    }
                }
            }
            if (!typed) {
                if ((mode & 4U) != 0) {
                    check_charge(list_as_array(b, keyed, admit), expected);  // the form laid out entry by entry
                } else if (admit) {
                    check_charge(b.try_charge(std::span<const bk::KeyedAmount>(keyed)), expected);
                } else {
                    check_charge(b.charge(std::span<const bk::KeyedAmount>(keyed)), expected);
                }
            }
            const bool list_error = expected.error == model::ChargeError::UnknownDimension ||
                                    expected.error == model::ChargeError::DuplicateDimension;
            if (list_error || (admit && expected.error != model::ChargeError::None)) {
                FUZZ_CHECK(b == before);  // all or nothing; a bad list charges nothing
            }
        });
    }

    void status() {
        const model::Verdict sat = saturating_.status();
        const model::Verdict chk = checked_.status();
        for_each_built([&](auto& s) {
            const auto before = *s.budget;
            check_verdict(std::as_const(*s.budget).status(), s.checked ? chk : sat);
            FUZZ_CHECK(*s.budget == before);
        });
    }

    // A reservation into one of max_held places (the one there first is
    // dropped, which releases it): one dimension, or the typed pair.
    void reserve() {
        const std::size_t h = in_.byte() % model::max_held;
        const std::uint8_t mode = in_.byte();
        const bool pair = (mode & 1U) != 0 && size >= 2;
        const std::size_t index = (mode >> 1U) % size;
        std::vector<std::pair<int, std::uint64_t>> list;
        if (pair) {
            for (const std::size_t i : {size - 1, std::size_t{0}}) {
                list.emplace_back(set_dims_[i], read_amount(set_dims_[i]));
            }
        } else {
            list.emplace_back(set_dims_[index], read_amount(set_dims_[index]));
        }
        saturating_.release(h);
        checked_.release(h);
        const model::Charge sat = saturating_.reserve(h, list);
        const model::Charge chk = checked_.reserve(h, list);
        for_each_built([&](auto& s) {
            using S = std::remove_reference_t<decltype(s)>;
            auto& b = *s.budget;
            s.held[h] = std::monostate{};
            const model::Charge& expected = s.checked ? chk : sat;
            if constexpr (!std::is_same_v<typename S::pair_type, NoPair>) {
                if (pair) {
                    using Last = mp::mp_back<typename Set::list>;
                    using First = mp::mp_front<typename Set::list>;
                    auto& r = s.held[h].template emplace<typename S::pair_type>(
                        b.template reserve<Last, First>(list[0].second, list[1].second));
                    check_reservation(r, expected);
                    FUZZ_CHECK(r.template estimate<Last>() == list[0].second);
                    FUZZ_CHECK(r.template estimate<First>() == list[1].second);
                    return;
                }
            }
            with_dimension<Set>(index, [&](auto d) {
                using D = decltype(d);
                auto& r = s.held[h].template emplace<bk::Reservation<typename S::budget_type, D>>(
                    b.template reserve<D>(list[0].second));
                check_reservation(r, expected);
                FUZZ_CHECK(r.template estimate<D>() == list[0].second);
            });
        });
    }

    template <class R>
    static void check_reservation(const R& r, const model::Charge& expected) {
        FUZZ_CHECK(static_cast<bool>(r) == (expected.error == model::ChargeError::None));
        FUZZ_CHECK(r.held() == static_cast<bool>(r));
        if (r) {
            check_charge(bk::Result<bk::Verdict, bk::ChargeError>{r.verdict()}, expected);
        } else {
            check_charge(bk::Result<bk::Verdict, bk::ChargeError>{r.error()}, expected);
        }
    }

    // Settles, releases or drops the reservation in one place, or settles it
    // twice; nothing when the place is empty.
    void finish() {
        const std::size_t h = in_.byte() % model::max_held;
        const std::uint8_t mode = in_.byte() % 4U;
        const model::Held& held = saturating_.held[h];
        if (!held.present) {
            return;
        }
        std::array<std::uint64_t, 2> actuals{};
        if (mode == 0 || mode == 3) {
            for (std::size_t k = 0; k < held.count; ++k) {
                actuals[k] = read_amount(set_dims_[held.slots[k]]);
            }
        }
        model::Charge sat;
        model::Charge chk;
        model::Charge sat_again;
        model::Charge chk_again;
        if (mode == 0 || mode == 3) {
            sat = saturating_.settle(h, actuals);
            chk = checked_.settle(h, actuals);
            sat_again = saturating_.settle(h, actuals);
            chk_again = checked_.settle(h, actuals);
        } else {
            saturating_.release(h);
            checked_.release(h);
        }
        if (mode == 2) {
            saturating_.held[h] = model::Held{};
            checked_.held[h] = model::Held{};
        }
        for_each_built([&](auto& s) {
            std::visit(
                [&](auto& r) {
                    using R = std::remove_reference_t<decltype(r)>;
                    if constexpr (std::is_same_v<R, std::monostate> || std::is_same_v<R, NoPair>) {
                        mismatch("a reservation the model holds is missing", __LINE__);
                    } else {
                        settle_or_release(r, mode, actuals, s.checked ? chk : sat, s.checked ? chk_again : sat_again);
                    }
                },
                s.held[h]);
            if (mode == 2) {
                s.held[h] = std::monostate{};  // the destructor releases
            }
        });
    }

    template <class B, class... D>
    static void settle_or_release(bk::Reservation<B, D...>& r, std::uint8_t mode,
                                  const std::array<std::uint64_t, 2>& actuals, const model::Charge& expected,
                                  const model::Charge& again) {
        if (mode == 1) {
            r.release();
            FUZZ_CHECK(!r.held());
            return;
        }
        if (mode == 2) {
            return;
        }
        std::size_t k = 0;
        const std::array<std::uint64_t, sizeof...(D)> a{(static_cast<void>(sizeof(D)), actuals[k++])...};
        const auto settled = std::apply([&](auto... x) { return r.settle(x...); }, a);
        check_charge(settled, expected);
        FUZZ_CHECK(!r.held());
        if (mode == 3) {
            check_charge(std::apply([&](auto... x) { return r.settle(x...); }, a), again);
            r.release();  // a no-op now
        }
    }

    // One charge, or a checkpoint of several reduced with Verdict::worst.
    void charges(std::span<const Step> steps) {
        std::array<model::Charge, max_checkpoint> sat{};
        std::array<model::Charge, max_checkpoint> chk{};
        model::Verdict sat_worst;
        model::Verdict chk_worst;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            sat[i] = saturating_.charge(steps[i].target.key, steps[i].amount);
            chk[i] = checked_.charge(steps[i].target.key, steps[i].amount);
            if (sat[i].error == model::ChargeError::None) {
                sat_worst = model::worst(sat_worst, sat[i].verdict);
            }
            if (chk[i].error == model::ChargeError::None) {
                chk_worst = model::worst(chk_worst, chk[i].verdict);
            }
        }
        for_each_subject([&](auto& s) {
            if (!s.budget) {
                return;
            }
            const auto& expected = s.checked ? chk : sat;
            std::array<std::optional<bk::Verdict>, max_checkpoint> verdicts{};
            bk::Verdict worst;
            for (std::size_t i = 0; i < steps.size(); ++i) {
                verdicts[i] = charge(*s.budget, steps[i], expected[i]);
                if (verdicts[i]) {
                    worst = bk::Verdict::worst(worst, *verdicts[i]);
                }
            }
            check_verdict(worst, s.checked ? chk_worst : sat_worst);
            const auto all = [&](std::size_t n) {
                for (std::size_t i = 0; i < n; ++i) {
                    if (!verdicts[i]) {
                        return false;
                    }
                }
                return true;
            };
            if (steps.size() == 3 && all(3)) {
                FUZZ_CHECK(bk::Verdict::worst(*verdicts[0], *verdicts[1], *verdicts[2]) == worst);
            }
            if (steps.size() == 4 && all(4)) {
                FUZZ_CHECK(bk::Verdict::worst(*verdicts[0], *verdicts[1], *verdicts[2], *verdicts[3]) == worst);
            }
        });
    }

    template <class B>
    static std::optional<bk::Verdict> charge(B& budget, const Step& step, const model::Charge& expected) {
        std::optional<bk::Verdict> verdict;
        if (step.target.typed) {
            with_dimension<Set>(step.target.index, [&](auto d) {
                using D = decltype(d);
                const auto r = budget.template charge<D>(step.amount);
                check_charge(r, expected);
                verdict = verdict_of(r);
            });
        } else {
            const auto r = budget.charge(universe_keys[static_cast<std::size_t>(step.target.key)], step.amount);
            check_charge(r, expected);
            verdict = verdict_of(r);
        }
        return verdict;
    }

    void reset() {
        saturating_.reset();
        checked_.reset();
        for_each_subject([&](auto& s) {
            if (s.budget) {
                s.budget->reset();
                FUZZ_CHECK(*s.budget == *s.initial);
            }
        });
    }

    void copy() {
        for_each_subject([&](auto& s) {
            if (s.budget) {
                const auto copied = *s.budget;
                FUZZ_CHECK(copied == *s.budget);
                FUZZ_CHECK(copied.ledger() == s.budget->ledger());
                FUZZ_CHECK(copied.configuration() == s.budget->configuration());
                *s.budget = copied;
            }
        });
    }

    void typed_query(std::size_t i) {
        for_each_subject([&](auto& s) {
            if (!s.budget) {
                return;
            }
            const model::Budget& m = s.checked ? checked_ : saturating_;
            with_dimension<Set>(i, [&](auto d) {
                using D = decltype(d);
                const auto& b = *s.budget;
                FUZZ_CHECK(b.template spent<D>() == m.spent[i]);
                FUZZ_CHECK(b.template remaining<D>() == m.remaining(i));
                FUZZ_CHECK(b.template limit<D>() == m.limit[i]);
                const std::optional<std::uint64_t> warn = b.template warn_threshold<D>();
                FUZZ_CHECK(warn.has_value() == m.has_warn[i]);
                FUZZ_CHECK(!warn || *warn == m.warn[i]);
            });
        });
    }

    void keyed_query(int key) {
        const bk::Dim k = universe_keys[static_cast<std::size_t>(key)];
        for_each_subject([&](auto& s) {
            if (!s.budget) {
                return;
            }
            const model::Budget& m = s.checked ? checked_ : saturating_;
            const int i = m.index_of(key);
            const auto& b = *s.budget;
            const std::optional<std::uint64_t> spent = b.spent(k);
            const std::optional<std::uint64_t> remaining = b.remaining(k);
            const std::optional<std::uint64_t> limit = b.limit(k);
            if (i == model::none) {
                FUZZ_CHECK(!spent && !remaining && !limit);
                return;
            }
            const auto slot = static_cast<std::size_t>(i);
            FUZZ_CHECK(spent && *spent == m.spent[slot]);
            FUZZ_CHECK(remaining && *remaining == m.remaining(slot));
            FUZZ_CHECK(limit && *limit == m.limit[slot]);
        });
    }

    void lookup(int key) {
        const auto k = static_cast<std::size_t>(key);
        const bool member = saturating_.index_of(key) != model::none;
        FUZZ_CHECK(universe_keys[k].name() == universe_names[k]);
        FUZZ_CHECK(Set::has(universe_keys[k]) == member);
        const std::optional<bk::Dim> found = Set::find(universe_names[k]);
        FUZZ_CHECK(found.has_value() == member);
        FUZZ_CHECK(!found || *found == universe_keys[k]);
        const std::optional<bk::Dim> standard = bk::standard_dims::find(universe_names[k]);
        FUZZ_CHECK(standard.has_value() == (universe_names[k] != "gpu_seconds" && universe_names[k] != "widgets"));
        FUZZ_CHECK(!standard || *standard == universe_keys[k]);
        for_each_subject([&](auto& s) {
            using B = typename std::remove_reference_t<decltype(s)>::budget_type;
            const std::optional<bk::Dim> via_budget = B::find_dim(universe_names[k]);
            FUZZ_CHECK(via_budget == found);
        });
    }

    // Every dimension's spent, remaining, limit and warn, typed.
    void check_state() {
        for (std::size_t i = 0; i < size; ++i) {
            typed_query(i);
        }
    }

    Input& in_;
    std::array<int, model::capacity> set_dims_{};
    model::Budget saturating_;
    model::Budget checked_;
    Subjects<Set> typed_built_;
    Subjects<Set> keyed_built_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in(std::span<const std::uint8_t>(data, size));
    switch (in.byte() % 3) {
        case 0:
            Harness<SetOne>(in).run();
            break;
        case 1:
            Harness<SetThree>(in).run();
            break;
        default:
            Harness<SetEight>(in).run();
            break;
    }
    return 0;
}

#if defined(BUDGETKERNEL_FUZZ_STANDALONE)

int main(int argc, char** argv) { return bkfuzz::replay(argc, argv, "budgetkernel fuzz", &current_input); }

#endif
