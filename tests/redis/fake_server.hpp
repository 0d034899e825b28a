// Test fixture: a loopback "server" that misbehaves on purpose — never
// answers, hangs up after reading a command, or answers with canned replies
// of the wrong shape. Each command read is answered with the next script
// entry: a RESP reply to send, `silence` (read on, never answer) or `hang_up`.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

namespace bkredis_test {

class FakeServer {
public:
    static inline const std::string silence = "<silence>";
    static inline const std::string hang_up = "<hang up>";

    explicit FakeServer(std::vector<std::string> script) : script_(std::move(script)) {
        listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && ::listen(listen_fd_, 8) == 0 &&
            ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
            port_ = ntohs(a.sin_port);
        }
        thread_ = std::thread([this] { serve(); });
    }
    ~FakeServer() {
        stop_ = true;
        thread_.join();
        ::close(listen_fd_);
    }
    FakeServer(const FakeServer&) = delete;
    FakeServer& operator=(const FakeServer&) = delete;

    [[nodiscard]] int port() const noexcept { return port_; }
    /// Commands read so far (each as its arguments).
    [[nodiscard]] std::size_t commands_read() const noexcept { return commands_; }

private:
    bool wait_readable(int fd) {
        while (!stop_) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                return true;
            }
        }
        return false;
    }

    // Reads one RESP command (an array of bulk strings); false at EOF or stop.
    bool read_command(int fd, std::string& buf) {
        for (;;) {
            if (complete(buf)) {
                return true;
            }
            if (!wait_readable(fd)) {
                return false;
            }
            char chunk[4096];
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n <= 0) {
                return false;
            }
            buf.append(chunk, static_cast<std::size_t>(n));
        }
    }

    // True (and the command removed from `buf`) when `buf` starts with a whole command.
    static bool complete(std::string& buf) {
        std::size_t pos = 0;
        const auto line = [&](long& value) {
            const auto end = buf.find("\r\n", pos);
            if (end == std::string::npos) {
                return false;
            }
            value = std::stol(buf.substr(pos + 1, end - pos - 1));
            pos = end + 2;
            return true;
        };
        long n = 0;
        if (buf.empty() || buf[0] != '*' || !line(n)) {
            return false;
        }
        for (long i = 0; i < n; ++i) {
            long len = 0;
            if (pos >= buf.size() || !line(len) || buf.size() < pos + static_cast<std::size_t>(len) + 2) {
                return false;
            }
            pos += static_cast<std::size_t>(len) + 2;
        }
        buf.erase(0, pos);
        return true;
    }

    void serve() {
        std::size_t next = 0;
        while (!stop_) {
            if (!wait_readable(listen_fd_)) {
                return;
            }
            const int fd = ::accept(listen_fd_, nullptr, nullptr);
            if (fd < 0) {
                continue;
            }
            std::string buf;
            bool open = true;
            while (open && read_command(fd, buf)) {
                ++commands_;
                const std::string& step = next < script_.size() ? script_[next] : silence;
                ++next;
                if (step == hang_up) {
                    open = false;
                } else if (step != silence) {
                    static_cast<void>(::write(fd, step.data(), step.size()));
                }
            }
            ::close(fd);
        }
    }

    std::vector<std::string> script_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<std::size_t> commands_{0};
    std::thread thread_;
};

}  // namespace bkredis_test
