// The `main` of a fuzz target built without libFuzzer
// (BUDGETKERNEL_FUZZ_STANDALONE): replays the files named on the command
// line, and every regular file of the directories named there, in name
// order, through the target's LLVMFuzzerTestOneInput. A directory it cannot
// read, a file it cannot open, or no input at all fails the run (exit 2).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace bkfuzz {

/// Replays the inputs named in `argv`; `target` names the fuzz target in
/// the messages. When `current` is given, it points at the name of the input
/// being replayed while it runs (for the target's failure report), and is
/// null otherwise.
inline int replay(int argc, char** argv, const char* target, const char** current = nullptr) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const char* arg : std::span<char*>(argv, static_cast<std::size_t>(argc)).subspan(1)) {
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            for (fs::directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
                if (it->is_regular_file(ec)) {
                    files.push_back(it->path());
                }
            }
        } else {
            files.emplace_back(arg);
        }
        if (ec) {
            std::fprintf(stderr, "%s: cannot read %s: %s\n", target, arg, ec.message().c_str());
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "usage: %s FILE-OR-DIRECTORY...  (no inputs found)\n", argc > 0 ? argv[0] : target);
        return 2;
    }
    for (const fs::path& path : files) {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "%s: cannot open %s\n", target, path.c_str());
            return 2;
        }
        const std::vector<char> bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
        std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
        const std::string name = path.string();
        if (current != nullptr) {
            *current = name.c_str();
        }
        LLVMFuzzerTestOneInput(data.data(), data.size());
        if (current != nullptr) {
            *current = nullptr;
        }
    }
    std::printf("%s: replayed %zu inputs, no mismatch\n", target, files.size());
    return 0;
}

}  // namespace bkfuzz
