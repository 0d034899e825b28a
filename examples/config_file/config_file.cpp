// config_file: limits read at run time from a text file, through the
// runtime-keyed builder, then charged by runtime key.
//
// Usage: config_file <limits-file> [<charges> ...]
//
// The limits file has one dimension per line, `<name> <limit> [<warn>]`,
// fields separated by spaces or tabs; blank lines are skipped and `#` starts
// a comment that runs to the end of the line. The budget counts tokens,
// millis and calls, and the file must give each of them exactly once.
//
// Each <charges> argument is one step, `<name>=<amount>[,<name>=<amount>...]`,
// charged in the order given; the step's verdict is the worst of its charges.
// Without arguments a fixed plan of five steps runs. The program stops at the
// first exhausted step.
//
// Any problem is one line on stderr, `<file>:<line>: <what is wrong>` (or
// `<file>: ...` when no single line is at fault), and a non-zero exit status.
// Input is read into a fixed buffer with std::fgetc and numbers are parsed
// with std::from_chars, so no input can make the program throw or crash.

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <system_error>

#include <budgetkernel/budgetkernel.hpp>

#include "report.hpp"

namespace bk = budgetkernel;

namespace {

using AgentBudget = bk::Budget<bk::Dims<bk::Tokens, bk::Millis, bk::Calls>>;
using AgentSet = AgentBudget::dims;

constexpr std::string_view program = "config_file";
constexpr std::string_view line_format = "expected '<name> <limit> [<warn>]'";

// The plan charged when no <charges> arguments are given.
constexpr std::array<const char*, 5> default_plan{
    "tokens=4500,millis=12000,calls=1", "tokens=5200,millis=15000,calls=1", "tokens=6100,millis=14000,calls=1",
    "tokens=3900,millis=16000,calls=1", "tokens=2600,millis=9000,calls=1",
};

// ---- messages ---------------------------------------------------------------

// A number's decimal digits, kept in a fixed buffer.
class Decimal {
public:
    explicit Decimal(std::uint64_t value) noexcept {
        const auto result = std::to_chars(digits_.data(), digits_.data() + digits_.size(), value);
        size_ = static_cast<std::size_t>(result.ptr - digits_.data());
    }
    [[nodiscard]] std::string_view view() const noexcept { return {digits_.data(), size_}; }

private:
    std::array<char, 24> digits_{};
    std::size_t size_ = 0;
};

// Writes `<where>:<line>: <parts...>` (or `<where>: ...` for line 0) to stderr.
void report(std::string_view where, std::size_t line, std::initializer_list<std::string_view> parts) noexcept {
    std::fprintf(stderr, "%.*s:", examples::width(where), where.data());
    if (line != 0) {
        const Decimal number(line);
        std::fprintf(stderr, "%.*s:", examples::width(number.view()), number.view().data());
    }
    std::fputc(' ', stderr);
    for (const std::string_view part : parts) {
        std::fwrite(part.data(), 1, part.size(), stderr);
    }
    std::fputc('\n', stderr);
}

// Room for every name of the set, ", " between them, and a terminator.
constexpr std::size_t known_names_capacity = AgentSet::size * (bk::max_dimension_name_length + 2) + 1;

// "tokens, millis, calls": the names this budget accepts, for messages.
[[nodiscard]] std::string_view known_names() noexcept {
    static constexpr auto text = [] {
        std::array<char, known_names_capacity> names{};
        std::size_t size = 0;
        for (const bk::Dim key : AgentSet::keys) {
            if (size != 0) {
                names.at(size++) = ',';
                names.at(size++) = ' ';
            }
            for (const char c : key.name()) {
                names.at(size++) = c;
            }
        }
        return names;
    }();
    return text.data();
}

// ---- numbers ----------------------------------------------------------------

enum class NumberError { none, negative, not_a_number, too_large, trailing_characters };

// The whole of `text` as an unsigned 64-bit decimal number.
[[nodiscard]] NumberError parse_number(std::string_view text, std::uint64_t& value) noexcept {
    const char* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error == std::errc::result_out_of_range) {
        return NumberError::too_large;
    }
    if (error != std::errc{}) {
        const bool minus_digit = text.size() >= 2 && text[0] == '-' && text[1] >= '0' && text[1] <= '9';
        return minus_digit ? NumberError::negative : NumberError::not_a_number;
    }
    return stop == end ? NumberError::none : NumberError::trailing_characters;
}

// What is wrong with a number, to follow its quoted text in a message.
[[nodiscard]] constexpr std::string_view describe(NumberError error) noexcept {
    switch (error) {
        case NumberError::negative:
            return " is negative";
        case NumberError::not_a_number:
            return " is not a number";
        case NumberError::too_large:
            return " is larger than 18446744073709551615";
        case NumberError::trailing_characters:
            return " has characters after the number";
        case NumberError::none:
            break;
    }
    return " is a number";
}

// ---- reading the limits file ------------------------------------------------

struct CloseFile {
    void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, CloseFile>;

// Longest part of a line before its comment; comments may be any length.
constexpr std::size_t max_line_content = 255;

enum class LineStatus { line, end_of_file, too_long, read_error };

// Reads one line, keeping the part before any '#' in `buffer`.
[[nodiscard]] LineStatus read_line(std::FILE* file, std::span<char, max_line_content> buffer,
                                   std::size_t& length) noexcept {
    length = 0;
    int c = std::fgetc(file);
    if (c == EOF) {
        return std::ferror(file) != 0 ? LineStatus::read_error : LineStatus::end_of_file;
    }
    bool in_comment = false;
    for (; c != EOF && c != '\n'; c = std::fgetc(file)) {
        in_comment = in_comment || c == '#';
        if (in_comment) {
            continue;
        }
        if (length == buffer.size()) {
            return LineStatus::too_long;
        }
        buffer[length++] = static_cast<char>(c);
    }
    return std::ferror(file) != 0 ? LineStatus::read_error : LineStatus::line;
}

[[nodiscard]] constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t' || c == '\r'; }
[[nodiscard]] constexpr bool is_visible(char c) noexcept { return c > ' ' && c < '\x7f'; }

// Up to three whitespace-separated fields; `count` may exceed three.
struct Fields {
    std::array<std::string_view, 3> text{};
    std::size_t count = 0;
};

[[nodiscard]] Fields split(std::string_view line) noexcept {
    Fields fields;
    std::size_t i = 0;
    while (i < line.size()) {
        if (is_blank(line[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < line.size() && !is_blank(line[i])) {
            ++i;
        }
        if (fields.count < fields.text.size()) {
            fields.text.at(fields.count) = line.substr(start, i - start);
        }
        ++fields.count;
    }
    return fields;
}

// Where each dimension was declared, to point build() errors at a line.
struct DeclarationLines {
    std::array<std::size_t, AgentSet::size> first{};  // 0: not declared
    std::size_t duplicate = 0;                        // line of the first repeat
    std::size_t duplicate_first = 0;                  // ... and of what it repeats

    void note(bk::Dim key, std::size_t line) noexcept {
        const auto slot = bk::Slot<AgentSet>::find(key);
        if (!slot) {
            return;
        }
        std::size_t& seen = first.at(slot->index());
        if (seen == 0) {
            seen = line;
        } else if (duplicate == 0) {
            duplicate = line;
            duplicate_first = seen;
        }
    }

    [[nodiscard]] std::size_t of(bk::Dim key) const noexcept {
        const auto slot = bk::Slot<AgentSet>::find(key);
        return slot ? first.at(slot->index()) : 0;
    }
};

// Reads the limits in `path` and builds the budget; reports the first
// problem and returns empty on any failure.
[[nodiscard]] std::optional<AgentBudget> load_budget(const char* path) noexcept {
    const std::string_view where(path);
    const File file(std::fopen(path, "r"));
    if (!file) {
        report(where, 0, {"cannot open the file for reading"});
        return std::nullopt;
    }

    auto builder = AgentBudget::keyed_builder();
    DeclarationLines lines;
    std::array<char, max_line_content> storage{};
    std::size_t line_number = 0;
    for (;;) {
        std::size_t length = 0;
        const LineStatus status = read_line(file.get(), storage, length);
        if (status == LineStatus::end_of_file) {
            break;
        }
        ++line_number;
        if (status == LineStatus::read_error) {
            report(where, 0, {"cannot read the file"});
            return std::nullopt;
        }
        if (status == LineStatus::too_long) {
            report(where, line_number, {"line is longer than 255 characters (not counting a comment)"});
            return std::nullopt;
        }
        const std::string_view line(storage.data(), length);
        for (const char c : line) {
            if (!is_blank(c) && !is_visible(c)) {
                const Decimal code(static_cast<unsigned char>(c));
                report(where, line_number, {"unexpected byte (code ", code.view(), ") outside a comment"});
                return std::nullopt;
            }
        }

        const Fields fields = split(line);
        if (fields.count == 0) {
            continue;
        }
        if (fields.count == 1) {
            report(where, line_number, {"missing limit: ", line_format});
            return std::nullopt;
        }
        if (fields.count > 3) {
            report(where, line_number, {"too many fields: ", line_format});
            return std::nullopt;
        }
        const std::string_view name = fields.text[0];
        const std::optional<bk::Dim> key = AgentBudget::find_dim(name);
        if (!key) {
            report(where, line_number, {"unknown dimension '", name, "' (this budget counts ", known_names(), ")"});
            return std::nullopt;
        }
        std::uint64_t limit = 0;
        if (const NumberError e = parse_number(fields.text[1], limit); e != NumberError::none) {
            report(where, line_number, {"limit '", fields.text[1], "'", describe(e)});
            return std::nullopt;
        }
        if (fields.count == 3) {
            std::uint64_t warn = 0;
            if (const NumberError e = parse_number(fields.text[2], warn); e != NumberError::none) {
                report(where, line_number, {"warn threshold '", fields.text[2], "'", describe(e)});
                return std::nullopt;
            }
            builder = builder.limit_with_warn(*key, limit, warn);
        } else {
            builder = builder.limit(*key, limit);
        }
        lines.note(*key, line_number);
    }

    // Duplicates, zero limits, thresholds not below their limit and missing
    // dimensions are the builder's to find, in its documented order.
    const auto built = builder.build();
    if (!built) {
        const bk::BuilderError& error = built.error();
        const bk::ErrorMessage message = error.message();  // owns the text that view() points into
        switch (error.kind()) {
            case bk::BuilderError::Kind::DuplicateDimension: {
                const Decimal first(lines.duplicate_first);
                report(where, lines.duplicate, {message.view(), " (first on line ", first.view(), ")"});
                break;
            }
            case bk::BuilderError::Kind::ZeroLimit:
            case bk::BuilderError::Kind::WarnNotBelowLimit:
                report(where, lines.of(error.dimension()), {message.view()});
                break;
            case bk::BuilderError::Kind::MissingLimit:
            case bk::BuilderError::Kind::UnknownDimension:
                report(where, 0, {message.view()});
                break;
        }
        return std::nullopt;
    }
    return *built;
}

// ---- charging ---------------------------------------------------------------

// Walks the `<name>=<amount>` items of one step. With a budget, charges each
// and returns the worst verdict; without, only checks the syntax. Reports
// the first problem and returns empty.
[[nodiscard]] std::optional<bk::Verdict> run_step(std::string_view step, AgentBudget* budget) noexcept {
    bk::Verdict verdict;
    std::string_view rest = step;
    for (;;) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos) {
            report(program, 0, {"charge '", step, "': expected <name>=<amount>[,<name>=<amount>...]"});
            return std::nullopt;
        }
        const std::string_view name = item.substr(0, equals);
        const std::optional<bk::Dim> key = AgentBudget::find_dim(name);
        if (!key) {
            report(program, 0,
                   {"charge '", step, "': unknown dimension '", name, "' (this budget counts ", known_names(), ")"});
            return std::nullopt;
        }
        const std::string_view amount_text = item.substr(equals + 1);
        std::uint64_t amount = 0;
        if (const NumberError e = parse_number(amount_text, amount); e != NumberError::none) {
            report(program, 0, {"charge '", step, "': amount '", amount_text, "'", describe(e)});
            return std::nullopt;
        }
        if (budget != nullptr) {
            const AgentBudget::keyed_charge_result charged = budget->charge(*key, amount);
            if (!charged) {
                report(program, 0, {charged.error().message().view()});
                return std::nullopt;
            }
            verdict = bk::Verdict::worst(verdict, *charged);
        }
        if (comma == std::string_view::npos) {
            return verdict;
        }
        rest = rest.substr(comma + 1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::span<char*> args(argv, static_cast<std::size_t>(argc));
    if (args.size() < 2) {
        examples::print_error(program, "usage: config_file <limits-file> [<name>=<amount>[,<name>=<amount>...] ...]");
        return 2;
    }
    std::optional<AgentBudget> budget = load_budget(args[1]);
    if (!budget) {
        return 1;
    }

    const std::span<const char* const> steps =
        args.size() > 2 ? std::span<const char* const>(args.subspan(2)) : std::span<const char* const>(default_plan);
    for (const char* step : steps) {
        if (!run_step(step, nullptr)) {
            return 1;  // every step is checked before anything is charged
        }
    }

    std::size_t number = 0;
    for (const char* step : steps) {
        ++number;
        const std::optional<bk::Verdict> verdict = run_step(step, &*budget);
        if (!verdict) {
            return 1;
        }
        std::array<char, 32> name{};
        std::snprintf(name.data(), name.size(), "step-%zu", number);
        examples::print_step(name.data(), *verdict);
        if (verdict->is_exhausted()) {
            break;
        }
    }
    return 0;
}
