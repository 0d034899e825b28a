// Test fixture: a real redis-server on a free loopback port with its own
// temporary directory, stopped (and its directory removed) by the destructor.
// The server is told to die with the test process (PR_SET_PDEATHSIG), so a
// crashed test leaves no server behind either.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <budgetkernel/redis/client.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace bkredis_test {

namespace bkr = budgetkernel::redis;

/// A loopback port nobody listens on right now (bind to 0, read, release).
inline int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
        port = ntohs(a.sin_port);
    }
    ::close(fd);
    return port;
}

/// Starts `argv` with its output appended to `log`; the child dies with the
/// test process. Its pid, or -1.
inline pid_t spawn(const std::vector<std::string>& argv, const std::string& log) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<char*> args;
        for (const auto& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

/// Runs `argv` to completion with output to `log`; its exit status, or -1.
inline int run_and_wait(const std::vector<std::string>& argv, const std::string& log) {
    const pid_t pid = spawn(argv, log);
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid) {
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct ServerConfig {
    bool aof = false;      ///< appendonly yes, appendfsync always
    bool cluster = false;  ///< cluster-enabled yes
};

/// One redis-server process owned by the test.
class Server {
public:
    explicit Server(ServerConfig config = {}) : config_(config) {
        char tmpl[] = "/tmp/bk-redis-test-XXXXXX";
        if (::mkdtemp(tmpl) != nullptr) {
            dir_ = tmpl;
        }
        for (int attempt = 0; attempt < 5 && !running(); ++attempt) {
            port_ = free_port();  // another process may take it first: retry
            start();
        }
    }
    ~Server() {
        stop();
        if (!dir_.empty()) {
            std::error_code ec;
            std::filesystem::remove_all(dir_, ec);
        }
    }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    [[nodiscard]] bool running() const noexcept { return pid_ > 0; }
    [[nodiscard]] int port() const noexcept { return port_; }
    [[nodiscard]] pid_t pid() const noexcept { return pid_; }
    [[nodiscard]] const std::string& dir() const noexcept { return dir_; }
    [[nodiscard]] bkr::Options options(std::chrono::milliseconds timeout = std::chrono::milliseconds{2000}) const {
        bkr::Options o;
        o.host = "127.0.0.1";
        o.port = port_;
        o.connect_timeout = timeout;
        o.command_timeout = timeout;
        return o;
    }

    /// SIGKILL, as a crash would: no shutdown save, no goodbye.
    void kill() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
    }
    /// Starts again on the same port and directory (AOF, if on, is replayed).
    bool restart() {
        for (int attempt = 0; attempt < 20 && !running(); ++attempt) {
            start();
            if (!running()) {
                std::this_thread::sleep_for(std::chrono::milliseconds{100});
            }
        }
        return running();
    }
    /// SIGTERM, then SIGKILL if it is still there after 5 s.
    void stop() {
        if (pid_ <= 0) {
            return;
        }
        ::kill(pid_, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds{50});
        }
        kill();
    }

private:
    void start() {
        if (dir_.empty() || port_ == 0) {
            return;
        }
        std::vector<std::string> argv{"redis-server",
                                      "--port",
                                      std::to_string(port_),
                                      "--bind",
                                      "127.0.0.1",
                                      "--dir",
                                      dir_,
                                      "--save",
                                      "",
                                      "--daemonize",
                                      "no",
                                      "--appendonly",
                                      config_.aof ? "yes" : "no",
                                      "--appendfsync",
                                      "always"};
        if (config_.cluster) {
            argv.insert(argv.end(), {"--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                                     "--cluster-node-timeout", "5000"});
        }
        const std::string log = dir_ + "/server.log";
        const pid_t pid = spawn(argv, log);
        if (pid < 0) {
            return;
        }
        // Up when it answers PING; gone (e.g. the port was taken) when it exits.
        bkr::Options o = options(std::chrono::milliseconds{200});
        for (int i = 0; i < 100; ++i) {
            if (::waitpid(pid, nullptr, WNOHANG) == pid) {
                return;
            }
            bkr::Client probe{o};
            const std::string_view ping[] = {"PING"};
            if (auto r = probe.command(ping, -1, bkr::Access::Read); r && r->str == "PONG") {
                pid_ = pid;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds{50});
        }
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }

    ServerConfig config_;
    std::string dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

/// Runs one command on `client`, for test set-up and inspection.
inline bkr::Result<bkr::Reply> run(bkr::Client& client, std::vector<std::string_view> args, int slot = -1) {
    return client.command(args, slot, bkr::Access::Change);
}

/// One plain server for the whole test program: started on first use,
/// stopped (and its directory removed) when the program exits.
inline Server& shared_server() {
    static Server s;
    return s;
}

}  // namespace bkredis_test
