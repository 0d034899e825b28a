// budgetkernel: Result<T, E>, the expected-like return of build() and of
// charges that can be refused.
#pragma once

#include <new>
#include <type_traits>

namespace budgetkernel {

class Verdict;
class ChargeError;

namespace detail {

// The union and flag of a Result. For trivially copyable T (every value but a
// budget with a non-trivial storage) the copy is the implicit, trivial one,
// which also lets a copy-assignment switch the active member in constant
// expressions. Otherwise (a budget on AtomicStorage, whose copy reads each
// counter) the copy constructs the held member with T's own copy.
template <class T, class E, bool = std::is_trivially_copyable_v<T>>
struct ResultStorage {
    constexpr explicit ResultStorage(const T& value) noexcept : value_(value), has_value_(true) {}
    constexpr explicit ResultStorage(const E& error) noexcept : error_(error), has_value_(false) {}

    union {
        T value_;
        E error_;
    };
    bool has_value_;
};

template <class T, class E>
struct ResultStorage<T, E, false> {
    constexpr explicit ResultStorage(const T& value) noexcept : value_(value), has_value_(true) {}
    constexpr explicit ResultStorage(const E& error) noexcept : error_(error), has_value_(false) {}
    ResultStorage(const ResultStorage& other) noexcept : has_value_(other.has_value_) { copy_from(other); }
    ResultStorage& operator=(const ResultStorage& other) noexcept {
        if (this != &other) {
            has_value_ = other.has_value_;
            copy_from(other);
        }
        return *this;
    }
    // A move copies: T's copy is the one it has (an atomic budget's move is
    // its snapshot copy too).
    ResultStorage(ResultStorage&& other) noexcept : has_value_(other.has_value_) { copy_from(other); }
    ResultStorage& operator=(ResultStorage&& other) noexcept {
        if (this != &other) {
            has_value_ = other.has_value_;
            copy_from(other);
        }
        return *this;
    }
    // T and E are trivially destructible (checked by Result): nothing to end.
    ~ResultStorage() = default;

    // A new object over the old one, trivially destructible, so no destructor
    // call is owed. Placement new rather than std::construct_at: <memory>
    // brings <time.h> with it, and a value that is not trivially copyable
    // (an atomic budget) is never copied in a constant expression anyway.
    void copy_from(const ResultStorage& other) noexcept {
        if (other.has_value_) {
            ::new (static_cast<void*>(&value_)) T(other.value_);
        } else {
            ::new (static_cast<void*>(&error_)) E(other.error_);
        }
    }

    union {
        T value_;
        E error_;
    };
    bool has_value_;
};

}  // namespace detail

/// Either a value of `T` or an error of `E`; never empty, never throws.
///
/// Reading the side that is not held (`*r`, `r->`, `value()` without a value;
/// `error()` with one) is a precondition violation. In a constant expression
/// it fails to compile. Test first with `has_value()` or `if (r)`, or use
/// `value_or`.
///
/// @code
/// auto built = Llm::builder().limit<Tokens>(100).build();
/// if (!built) { std::puts(built.error().message().c_str()); return 1; }
/// Llm budget = *built;
/// @endcode
template <class T, class E>
class [[nodiscard]] Result : private detail::ResultStorage<T, E> {
    using Storage = detail::ResultStorage<T, E>;
    using Storage::error_;
    using Storage::has_value_;
    using Storage::value_;

    // What the storage needs: an error copied as plain bytes, a value with a
    // copy that cannot throw, and nothing to destroy in either.
    static_assert(std::is_trivially_copyable_v<E>, "budgetkernel: a Result's error type must be trivially copyable");
    static_assert(std::is_nothrow_copy_constructible_v<T> && std::is_trivially_destructible_v<T>,
                  "budgetkernel: a Result's value type must be nothrow copyable and trivially destructible");
    static_assert(!std::is_same_v<T, E>, "budgetkernel: Result needs distinct value and error types");
    // The result of a charge has its own 16-byte layout, declared in
    // charge_result.hpp; reaching this primary template for it means that
    // header was not included where the result was first used.
    static_assert(!(std::is_same_v<T, Verdict> && std::is_same_v<E, ChargeError>),
                  "budgetkernel: include <budgetkernel/charge_result.hpp> before using Result<Verdict, ChargeError>");

public:
    using value_type = T;
    using error_type = E;

    constexpr Result(const T& value) noexcept  // NOLINT(google-explicit-constructor): return a value directly
        : Storage(value) {}
    constexpr Result(const E& error) noexcept  // NOLINT(google-explicit-constructor): return an error directly
        : Storage(error) {}

    [[nodiscard]] constexpr bool has_value() const noexcept { return has_value_; }
    constexpr explicit operator bool() const noexcept { return has_value_; }

    /// The value. Precondition: `has_value()`.
    [[nodiscard]] constexpr const T& value() const noexcept { return value_; }
    [[nodiscard]] constexpr T& value() noexcept { return value_; }
    [[nodiscard]] constexpr const T& operator*() const noexcept { return value_; }
    [[nodiscard]] constexpr T& operator*() noexcept { return value_; }
    [[nodiscard]] constexpr const T* operator->() const noexcept { return &value_; }
    [[nodiscard]] constexpr T* operator->() noexcept { return &value_; }

    /// The value, or `fallback` when this holds an error.
    [[nodiscard]] constexpr T value_or(const T& fallback) const noexcept { return has_value_ ? value_ : fallback; }

    /// The error. Precondition: `!has_value()`.
    [[nodiscard]] constexpr const E& error() const noexcept { return error_; }

    friend constexpr bool operator==(const Result& a, const Result& b) noexcept {
        if (a.has_value_ != b.has_value_) {
            return false;
        }
        return a.has_value_ ? a.value_ == b.value_ : a.error_ == b.error_;
    }
};

}  // namespace budgetkernel
