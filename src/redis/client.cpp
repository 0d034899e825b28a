// The hiredis side of budgetkernel-redis: connections, timeouts, cluster
// redirects and the ledger script's loading. See docs/DESIGN.md, "Redis".
#include <budgetkernel/redis/client.hpp>
#include <budgetkernel/redis/encoding.hpp>

#include <hiredis/hiredis.h>
#include <pthread.h>
#include <sys/time.h>

#include <csignal>

#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <utility>

namespace budgetkernel::redis {

namespace {

struct ContextDeleter {
    void operator()(redisContext* c) const noexcept { redisFree(c); }
};
using Context = std::unique_ptr<redisContext, ContextDeleter>;

struct ReplyDeleter {
    void operator()(redisReply* r) const noexcept { freeReplyObject(r); }
};
using RawReply = std::unique_ptr<redisReply, ReplyDeleter>;

timeval to_timeval(std::chrono::milliseconds ms) noexcept {
    const auto count = ms.count() < 1 ? 1 : ms.count();
    return timeval{static_cast<time_t>(count / 1000), static_cast<suseconds_t>((count % 1000) * 1000)};
}

Reply convert(const redisReply& r) {
    Reply out;
    switch (r.type) {
        case REDIS_REPLY_STRING:
            out.type = Reply::Type::String;
            out.str.assign(r.str, r.len);
            break;
        case REDIS_REPLY_STATUS:
            out.type = Reply::Type::Status;
            out.str.assign(r.str, r.len);
            break;
        case REDIS_REPLY_ERROR:
            out.type = Reply::Type::Error;
            out.str.assign(r.str, r.len);
            break;
        case REDIS_REPLY_INTEGER:
            out.type = Reply::Type::Integer;
            out.integer = r.integer;
            break;
        case REDIS_REPLY_ARRAY:
            out.type = Reply::Type::Array;
            out.elements.reserve(r.elements);
            for (std::size_t i = 0; i < r.elements; ++i) {
                out.elements.push_back(r.element[i] != nullptr ? convert(*r.element[i]) : Reply{});
            }
            break;
        default:
            out.type = Reply::Type::Nil;
            break;
    }
    return out;
}

// Blocks SIGPIPE in this thread while writing, and swallows one that the
// write raised, leaving the program's signal disposition alone (a library
// must not change it).
class PipeGuard {
public:
    PipeGuard() noexcept {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        sigpending(&pending);
        was_pending_ = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    }
    ~PipeGuard() {
        sigset_t pending;
        sigemptyset(&pending);
        sigpending(&pending);
        if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) {
            const timespec zero{0, 0};
            while (sigtimedwait(&pipe_, nullptr, &zero) == -1 && errno == EINTR) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    PipeGuard(const PipeGuard&) = delete;
    PipeGuard& operator=(const PipeGuard&) = delete;

private:
    sigset_t pipe_{};
    sigset_t old_{};
    bool was_pending_ = false;
};

bool starts_with(std::string_view s, std::string_view p) noexcept { return s.substr(0, p.size()) == p; }

// "MOVED 3999 127.0.0.1:6381" / "ASK 3999 127.0.0.1:6381"
std::optional<std::pair<std::string, int>> redirect_target(std::string_view err, std::string_view fallback_host) {
    const auto sp = err.rfind(' ');
    const auto colon = err.rfind(':');
    if (sp == std::string_view::npos || colon == std::string_view::npos || colon < sp) {
        return std::nullopt;
    }
    std::string host{err.substr(sp + 1, colon - sp - 1)};
    int port = 0;
    const auto ps = err.substr(colon + 1);
    const auto [p, ec] = std::from_chars(ps.data(), ps.data() + ps.size(), port);
    if (ec != std::errc{} || p != ps.data() + ps.size() || port <= 0 || port > 65535) {
        return std::nullopt;
    }
    if (host.empty()) {
        host = fallback_host;
    }
    return std::pair{host, port};
}

std::optional<int> redirect_slot(std::string_view err) {
    const auto a = err.find(' ');
    const auto b = err.find(' ', a + 1);
    if (a == std::string_view::npos || b == std::string_view::npos) {
        return std::nullopt;
    }
    int slot = -1;
    const auto s = err.substr(a + 1, b - a - 1);
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), slot);
    if (ec != std::errc{} || p != s.data() + s.size() || slot < 0 || slot >= 16384) {
        return std::nullopt;
    }
    return slot;
}

}  // namespace

std::string_view ledger_script_source() noexcept;

struct Client::Impl {
    Options options;
    std::map<std::string, Context> nodes;   // "host:port" -> open connection
    std::map<int, std::string> slot_owner;  // learned from MOVED
    std::string sha;                        // of the ledger script, once loaded anywhere
    std::uint64_t round_trips = 0;

    static std::string endpoint(const std::string& host, int port) { return host + ":" + std::to_string(port); }

    std::string node_for(int slot) const {
        if (slot >= 0) {
            if (const auto it = slot_owner.find(slot); it != slot_owner.end()) {
                return it->second;
            }
        }
        return endpoint(options.host, options.port);
    }

    Result<redisContext*> connect(const std::string& node) {
        if (const auto it = nodes.find(node); it != nodes.end()) {
            return it->second.get();
        }
        const auto colon = node.rfind(':');
        const std::string host = node.substr(0, colon);
        int port = 0;
        std::from_chars(node.data() + colon + 1, node.data() + node.size(), port);
        Context c{redisConnectWithTimeout(host.c_str(), port, to_timeval(options.connect_timeout))};
        if (!c) {
            return Error{Error::Kind::ConnectionFailed, "cannot allocate a connection to " + node};
        }
        if (c->err != 0) {
            const bool timed_out =
                c->err == REDIS_ERR_IO && (std::strstr(c->errstr, "timed out") != nullptr ||
                                           std::strstr(c->errstr, "Resource temporarily") != nullptr);
            return Error{
                Error::Kind::ConnectionFailed,
                "cannot connect to " + node + ": " + c->errstr +
                    (timed_out ? " (connect timeout " + std::to_string(options.connect_timeout.count()) + " ms)" : "")};
        }
        if (redisSetTimeout(c.get(), to_timeval(options.command_timeout)) != REDIS_OK) {
            return Error{Error::Kind::ConnectionFailed, "cannot set the timeout on " + node};
        }
        redisContext* raw = c.get();
        nodes.emplace(node, std::move(c));
        return raw;
    }

    // Classifies a failed write or read on `c`, then drops the connection.
    Error fault(const std::string& node, redisContext* c, int saved_errno, bool sent, Access access) {
        const bool timed_out = c->err == REDIS_ERR_IO && (saved_errno == EAGAIN || saved_errno == EWOULDBLOCK ||
                                                          std::strstr(c->errstr, "Resource temporarily") != nullptr);
        std::string what =
            timed_out ? "no answer from " + node + " within " + std::to_string(options.command_timeout.count()) + " ms"
                      : "connection to " + node + " lost (" + c->errstr + ")";
        nodes.erase(node);
        if (sent && access == Access::Change) {
            return Error{Error::Kind::OutcomeUnknown,
                         what + " after the command was sent; it may or may not have run, and is not repeated"};
        }
        if (!sent) {
            what += " before the command was sent; it did not run";
        }
        return Error{timed_out ? Error::Kind::Timeout : Error::Kind::ConnectionLost, what};
    }

    // Sends `cmds` in one round trip to `node`, reads one reply per command.
    Result<std::vector<Reply>> round_trip(const std::string& node, std::span<const std::vector<std::string_view>> cmds,
                                          Access access) {
        auto conn = connect(node);
        if (!conn) {
            return conn.error();
        }
        redisContext* c = *conn;
        std::vector<const char*> argv;
        std::vector<std::size_t> lens;
        for (const auto& cmd : cmds) {
            argv.clear();
            lens.clear();
            for (const auto a : cmd) {
                argv.push_back(a.data());
                lens.push_back(a.size());
            }
            if (redisAppendCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lens.data()) != REDIS_OK) {
                nodes.erase(node);
                return Error{Error::Kind::ConnectionLost, "cannot format a command; it was not sent"};
            }
        }
        ++round_trips;
        int done = 0;
        {
            const PipeGuard guard;  // a dead peer is an error value, not a SIGPIPE
            while (done == 0) {
                errno = 0;
                if (redisBufferWrite(c, &done) != REDIS_OK) {
                    // Only a complete command runs; an incomplete one is
                    // dropped with the connection.
                    return fault(node, c, errno, false, access);
                }
            }
        }
        std::vector<Reply> replies;
        replies.reserve(cmds.size());
        for (std::size_t i = 0; i < cmds.size(); ++i) {
            void* raw = nullptr;
            errno = 0;
            if (redisGetReply(c, &raw) != REDIS_OK || raw == nullptr) {
                return fault(node, c, errno, true, access);
            }
            const RawReply r{static_cast<redisReply*>(raw)};
            replies.push_back(convert(*r));
        }
        return replies;
    }

    Result<Reply> single(const std::string& node, std::span<const std::string_view> args, Access access, bool asking) {
        std::vector<std::vector<std::string_view>> cmds;
        if (asking) {
            cmds.push_back({"ASKING"});
        }
        cmds.emplace_back(args.begin(), args.end());
        auto r = round_trip(node, cmds, access);
        if (!r) {
            return r.error();
        }
        return std::move(r->back());
    }

    // One command with redirects followed. With `reload`, a NOSCRIPT answer
    // (given before anything runs) loads the script on the node that gave it
    // — after an ASK that is not the slot's owner — and sends the call again.
    Result<Reply> routed(std::span<const std::string_view> args, int slot, Access access, bool reload = false) {
        std::string node = node_for(slot);
        bool asking = false;
        bool reloaded = false;
        for (int hop = 0;; ++hop) {
            auto r = single(node, args, access, asking);
            if (!r || r->type != Reply::Type::Error) {
                return r;
            }
            const std::string_view err = r->str;
            if (reload && !reloaded && starts_with(err, "NOSCRIPT")) {
                reloaded = true;
                const std::string_view load[] = {"SCRIPT", "LOAD", ledger_script_source()};
                auto l = single(node, load, Access::Read, false);
                if (!l) {
                    return l.error();
                }
                if (l->type != Reply::Type::String || l->str != sha) {
                    return Error{Error::Kind::BadReply, "SCRIPT LOAD on " + node + " did not answer the script's SHA1"};
                }
                continue;  // same node, same ASKING: the call did not run
            }
            const bool moved = starts_with(err, "MOVED ");
            const bool ask = starts_with(err, "ASK ");
            const bool again = starts_with(err, "TRYAGAIN");
            if (!moved && !ask && !again) {
                return r;
            }
            if (hop >= options.max_redirects) {
                return Error{Error::Kind::TooManyRedirects,
                             "still redirected after " + std::to_string(hop) + " hops: " + std::string(err)};
            }
            // A redirected command did not run, so sending it again is safe.
            if (again) {  // a multi-key call during a migration: wait a little
                std::this_thread::sleep_for(std::chrono::milliseconds{10} * (1 << hop));
                continue;
            }
            const auto target = redirect_target(err, options.host);
            if (!target) {
                return Error{Error::Kind::BadReply, "malformed redirect: " + std::string(err)};
            }
            node = endpoint(target->first, target->second);
            asking = ask;
            if (moved) {
                if (const auto s = redirect_slot(err)) {
                    slot_owner[*s] = node;
                }
            }
        }
    }

    Result<bool> load_script(int slot) {
        const std::string_view src = ledger_script_source();
        const std::string_view args[] = {"SCRIPT", "LOAD", src};
        auto r = routed(args, slot, Access::Read);
        if (!r) {
            return r.error();
        }
        if (r->type == Reply::Type::Error) {
            return Error{Error::Kind::ServerError, "SCRIPT LOAD: " + r->str};
        }
        if (r->type != Reply::Type::String || r->str.size() != 40) {
            return Error{Error::Kind::BadReply, "SCRIPT LOAD did not answer a SHA1 digest"};
        }
        sha = r->str;
        return true;
    }
};

Client::Client(Options options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }
Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

const Options& Client::options() const noexcept { return impl_->options; }
std::uint64_t Client::round_trips() const noexcept { return impl_->round_trips; }
void Client::disconnect() noexcept { impl_->nodes.clear(); }

Result<Reply> Client::command(std::span<const std::string_view> args, int slot, Access access) {
    return impl_->routed(args, slot, access);
}

Result<Reply> Client::eval_ledger(std::span<const std::string_view> keys, std::span<const std::string_view> args,
                                  int slot, Access access) {
    if (impl_->sha.empty()) {
        if (auto loaded = impl_->load_script(slot); !loaded) {
            return loaded.error();
        }
    }
    const std::string nkeys = std::to_string(keys.size());
    std::vector<std::string_view> argv{"EVALSHA", impl_->sha, nkeys};
    argv.insert(argv.end(), keys.begin(), keys.end());
    argv.insert(argv.end(), args.begin(), args.end());
    return impl_->routed(argv, slot, access, true);
}

Result<std::vector<Reply>> Client::eval_ledger_pipelined(std::span<const std::vector<std::string>> calls, int slot) {
    if (impl_->sha.empty()) {
        if (auto loaded = impl_->load_script(slot); !loaded) {
            return loaded.error();
        }
    }
    std::vector<std::vector<std::string_view>> cmds;
    cmds.reserve(calls.size());
    for (const auto& call : calls) {
        std::vector<std::string_view> argv{"EVALSHA", impl_->sha};
        argv.insert(argv.end(), call.begin(), call.end());
        cmds.push_back(std::move(argv));
    }
    auto r = impl_->round_trip(impl_->node_for(slot), cmds, Access::Change);
    if (r) {
        for (const auto& reply : *r) {
            if (reply.type == Reply::Type::Error && starts_with(reply.str, "MOVED ")) {
                if (const auto s = redirect_slot(reply.str)) {
                    if (const auto t = redirect_target(reply.str, impl_->options.host)) {
                        impl_->slot_owner[*s] = Impl::endpoint(t->first, t->second);
                    }
                }
            }
            if (reply.type == Reply::Type::Error && starts_with(reply.str, "NOSCRIPT")) {
                impl_->sha.clear();  // the next call loads it again
            }
        }
    }
    return r;
}

Result<std::vector<Reply>> Client::pipeline(std::span<const std::vector<std::string>> commands, int slot,
                                            Access access) {
    std::vector<std::vector<std::string_view>> cmds;
    cmds.reserve(commands.size());
    for (const auto& c : commands) {
        cmds.emplace_back(c.begin(), c.end());
    }
    return impl_->round_trip(impl_->node_for(slot), cmds, access);
}

namespace {

// CRC16-CCITT (XModem), as Redis Cluster hashes keys.
std::uint16_t crc16(std::string_view s) noexcept {
    std::uint16_t crc = 0;
    for (const char ch : s) {
        crc = static_cast<std::uint16_t>(crc ^ (static_cast<std::uint16_t>(static_cast<unsigned char>(ch)) << 8U));
        for (int i = 0; i < 8; ++i) {
            crc = (crc & 0x8000U) != 0 ? static_cast<std::uint16_t>((crc << 1U) ^ 0x1021U)
                                       : static_cast<std::uint16_t>(crc << 1U);
        }
    }
    return crc;
}

}  // namespace

int key_slot(std::string_view key) noexcept {
    const auto open = key.find('{');
    if (open != std::string_view::npos) {
        const auto close = key.find('}', open + 1);
        if (close != std::string_view::npos && close > open + 1) {
            key = key.substr(open + 1, close - open - 1);
        }
    }
    return crc16(key) % 16384;
}

std::string_view ledger_script() noexcept { return ledger_script_source(); }

}  // namespace budgetkernel::redis

namespace budgetkernel::redis::detail {

std::string new_reservation_id() {
    // One generator per thread, seeded once from the system's entropy.
    thread_local std::mt19937_64 gen{[] {
        std::random_device rd;
        return (std::uint64_t{rd()} << 32U) ^ rd();
    }()};
    return hex16(gen()) + hex16(gen());
}

}  // namespace budgetkernel::redis::detail
