// budgetkernel/redis: Client, one program's connections to a Redis server or
// cluster — timeouts, MOVED/ASK redirects, loading the ledger script, and
// telling "not sent" from "sent, no reply". The only part that does I/O.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace budgetkernel::redis {

/// Where and how to connect.
struct Options {
    std::string host = "127.0.0.1";  ///< a server, or any node of a cluster
    int port = 6379;
    std::chrono::milliseconds connect_timeout{1000};  ///< bound on one connection attempt
    std::chrono::milliseconds command_timeout{1000};  ///< bound on sending one command and on waiting for its reply
    int max_redirects = 5;  ///< MOVED/ASK/TRYAGAIN answers followed per call before TooManyRedirects
};

/// A reply, copied out of the wire format.
struct Reply {
    enum class Type : std::uint8_t { String, Status, Integer, Nil, Array, Error };
    Type type = Type::Nil;
    std::int64_t integer = 0;
    std::string str;  ///< String, Status and Error text
    std::vector<Reply> elements;
};

/// Whether a command changes data: decides what a lost reply means
/// (OutcomeUnknown for a change, Timeout/ConnectionLost for a read).
enum class Access : std::uint8_t { Read, Change };

/// Connections to one Redis deployment (a single server or a cluster), made
/// lazily and remade after any fault. Not thread-safe: one per thread.
///
/// Each call makes a bounded number of round trips (1 + redirects + one
/// script reload), each bounded by `command_timeout`; it never throws and
/// never retries a command that may have run.
class Client {
public:
    explicit Client(Options options);
    ~Client();
    Client(Client&&) noexcept;
    Client& operator=(Client&&) noexcept;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    [[nodiscard]] const Options& options() const noexcept;

    /// Runs one command on the node that serves `slot` (any node when
    /// `slot` < 0), following MOVED/ASK. An error reply comes back as a Reply
    /// of type Error, not as an Error.
    Result<Reply> command(std::span<const std::string_view> args, int slot, Access access);

    /// EVALSHA of the ledger script (loaded once per server, reloaded after
    /// NOSCRIPT, which guarantees it did not run) on the node of `slot`.
    Result<Reply> eval_ledger(std::span<const std::string_view> keys, std::span<const std::string_view> args, int slot,
                              Access access);

    /// Sends several ledger calls in one round trip (pipelined) to the node
    /// of `slot`, and reads every reply. A redirect or NOSCRIPT answer comes
    /// back as that entry's Reply of type Error (the entry did not run); a
    /// fault while reading fails the whole batch with OutcomeUnknown.
    Result<std::vector<Reply>> eval_ledger_pipelined(std::span<const std::vector<std::string>> calls, int slot);

    /// Sends several commands in one round trip (pipelined) to the node of
    /// `slot` and reads every reply; redirects are not followed (an entry
    /// answered MOVED/ASK did not run). For benchmarks and bulk reads.
    Result<std::vector<Reply>> pipeline(std::span<const std::vector<std::string>> commands, int slot, Access access);

    /// Round trips made so far (a pipelined batch counts one), for benchmarks.
    [[nodiscard]] std::uint64_t round_trips() const noexcept;

    /// Drops every connection (the next call reconnects).
    void disconnect() noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The Redis Cluster slot of `key` (CRC16 of its hash tag, mod 16384).
[[nodiscard]] int key_slot(std::string_view key) noexcept;

namespace detail {
/// A fresh reservation id: 128 random bits in hex.
[[nodiscard]] std::string new_reservation_id();
}  // namespace detail

/// The ledger script's Lua source (for inspection and tests).
[[nodiscard]] std::string_view ledger_script() noexcept;

}  // namespace budgetkernel::redis
