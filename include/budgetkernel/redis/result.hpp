// budgetkernel/redis: Result<T>, a value or an Error, for calls that go over
// the network. It holds values the kernel's Result does not (a Budget that owns
// a client, a Reservation that refers to one) and moves them.
#pragma once

#include <utility>
#include <variant>

#include "error.hpp"

namespace budgetkernel::redis {

/// A value or an `Error`; never both, never neither, never throws. Reading
/// the side it does not hold is a precondition violation: test first.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    [[nodiscard]] T& operator*() & noexcept { return *std::get_if<0>(&v_); }
    [[nodiscard]] const T& operator*() const& noexcept { return *std::get_if<0>(&v_); }
    [[nodiscard]] T* operator->() noexcept { return std::get_if<0>(&v_); }
    [[nodiscard]] const T* operator->() const noexcept { return std::get_if<0>(&v_); }
    [[nodiscard]] const T& value() const& noexcept { return **this; }
    [[nodiscard]] const Error& error() const& noexcept { return *std::get_if<1>(&v_); }

private:
    std::variant<T, Error> v_;
};

/// The value of a call that answers nothing but success.
struct Done {
    friend bool operator==(Done, Done) noexcept = default;
};

}  // namespace budgetkernel::redis
