#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz target (tests/fuzz/corpus/).

Each seed is a small input in the format described at the top of
fuzz_budget.cpp, built here from named pieces so that a reader can see what it
exercises. The output is deterministic: running the script again rewrites the
same files (and removes files it no longer writes).

    python3 tests/fuzz/make_corpus.py [output-directory]
    python3 tests/fuzz/make_corpus.py --check [directory]   (exit 1 if it differs)
"""

import pathlib
import sys

MAX = 2**64 - 1

# Dimension sets (first byte).
ONE, THREE, EIGHT = 0, 1, 2

# Universe keys, in the order of fuzz_budget.cpp's Universe.
TOKENS, MILLIS, BYTES, CALLS, MEMORY, CUSTOM0, CUSTOM1, CUSTOM2, GPU, WIDGETS = range(10)
SETS = {
    ONE: [TOKENS],
    THREE: [CALLS, TOKENS, MILLIS],
    EIGHT: [GPU, CUSTOM2, TOKENS, MILLIS, BYTES, CALLS, MEMORY, CUSTOM0],
}

# Mode bits (second byte).
KEYED = 1
REVERSE = 2  # typed declaration: typed builder in reverse order
VIA_BUILDER = 2  # keyed declaration: first entry through Builder::limit(Dim, ...)
TYPED_CALLS = 4  # keyed builder uses KeyedBuilder::limit<D> for the set's dimensions


def value(n):
    """A value, in the shortest encoding that yields exactly n."""
    assert 0 <= n <= MAX
    if n == 0:
        return [0]
    if n == 1:
        return [1]
    if n == MAX:
        return [2]
    if n == MAX - 1:
        return [3]
    if n < 256:
        return [4, n]
    if MAX - n < 256:
        return [7, MAX - n]
    if n < 65536:
        return [5, n & 0xFF, n >> 8]
    return [6] + list(n.to_bytes(8, "little"))


# Warn thresholds.
NO_WARN = [0]
WARN_LIMIT_MINUS_1 = [2]
WARN_AT_LIMIT = [3]
WARN_LIMIT_PLUS_1 = [4]


def warn(n):
    return [1] + value(n)


# Amounts relative to the target's state.
TO_LIMIT = [0xF0]
PAST_LIMIT = [0xF1]
TO_WARN = [0xF2]
PAST_WARN = [0xF3]


def amount(n):
    return value(n)


def key(universe_index):
    return [universe_index]


def set_key(position):
    return [0x80 | position]


def typed_declaration(dim_set, dims, mode=0):
    """dims: one (limit, warn) pair per dimension of the set, in set order."""
    assert len(dims) == len(SETS[dim_set]) and mode & KEYED == 0
    out = [dim_set, mode]
    for limit, w in dims:
        out += value(limit) + w
    return out


def keyed_declaration(dim_set, entries, mode=0):
    """entries: (key bytes, limit, warn bytes) in declaration order."""
    assert len(entries) <= 16
    out = [dim_set, mode | KEYED, len(entries)]
    for k, limit, w in entries:
        out += k + value(limit) + w
    return out


# Operations.
def charge(index, amt):
    return [0, index] + amt


def charge_keyed(k, amt):
    return [2] + k + amt


def zero(index):
    return [3, 1, index]


def zero_keyed(k):
    return [3, 0] + k


RESET = [4]


def query(index):
    return [5, index]


def query_keyed(k):
    return [6] + k


def typed(index):
    return [1, index]


def keyed(k):
    return [0] + k


def checkpoint(*steps):
    """steps: (target, amount) pairs, 2 to 4 of them."""
    assert 2 <= len(steps) <= 4
    out = [7, len(steps) - 2]
    for target, amt in steps:
        out += target + amt
    return out


COPY = [8]


def lookup(k):
    return [9] + k


def would(target, amt):
    return [10] + target + amt


def attempt(target, amt):
    return [11] + target + amt


def keyed_list(admit, *entries):
    """entries: (key bytes, amount bytes); at most 5 of them."""
    assert len(entries) <= 5
    out = [12, 1 if admit else 0, len(entries)]
    for k, amt in entries:
        out += k + amt
    return out


def typed_pair(admit, last_amt, first_amt):
    """The set's last and first dimension in one typed call (sets of 2 or more)."""
    return [12, 2 | (1 if admit else 0)] + last_amt + first_amt


STATUS = [13]


def reserve(place, index, est):
    return [14, place, index << 1] + est


def reserve_pair(place, last_est, first_est):
    return [14, place, 1] + last_est + first_est


def settle(place, *actuals):
    out = [15, place, 0]
    for a in actuals:
        out += a
    return out


def release(place):
    return [15, place, 1]


def drop(place):
    return [15, place, 2]


def settle_twice(place, *actuals):
    out = [15, place, 3]
    for a in actuals:
        out += a
    return out


def ops(*parts):
    out = []
    for p in parts:
        out += p
    return out


def every_key_queried():
    return ops(*[query_keyed(key(k)) for k in range(10)])


SEEDS = {}


def seed(name, *parts):
    assert name not in SEEDS, name
    SEEDS[name] = bytes(ops(*parts))


# --- semantics on one dimension --------------------------------------------------
seed("empty")
seed("set-only", [EIGHT])
seed("one-inclusive-limit",
     typed_declaration(ONE, [(100, NO_WARN)]),
     charge(0, amount(10)), charge(0, amount(90)), query(0), charge(0, amount(1)), zero(0), query(0))
seed("one-warn-repeated",
     typed_declaration(ONE, [(100, warn(80))]),
     charge(0, amount(80)), charge(0, amount(1)), charge(0, amount(1)), zero(0), charge(0, TO_LIMIT),
     charge(0, amount(1)), charge(0, amount(1)))
seed("one-warn-zero",
     typed_declaration(ONE, [(5, warn(0))]), zero(0), charge(0, amount(1)), charge(0, amount(4)),
     charge(0, amount(1)))
seed("one-limit-one",
     typed_declaration(ONE, [(1, NO_WARN)]), zero(0), charge(0, amount(1)), charge(0, amount(0)),
     charge(0, amount(1)), RESET, charge(0, amount(1)))
seed("one-saturate-at-max",
     typed_declaration(ONE, [(MAX, warn(MAX - 1))]),
     charge(0, amount(MAX - 1)), charge(0, amount(1)), charge(0, amount(MAX)), charge(0, amount(MAX)),
     query(0), zero(0))
seed("one-overflow-refused",
     typed_declaration(ONE, [(MAX - 1, WARN_LIMIT_MINUS_1)]),
     charge(0, amount(MAX - 1)), charge(0, amount(1)), charge(0, amount(2)), charge(0, amount(MAX)),
     query(0), charge_keyed(key(TOKENS), amount(MAX)))
seed("one-exhausted-after-max",
     typed_declaration(ONE, [(MAX - 1, NO_WARN)]),
     charge(0, amount(MAX)), charge(0, amount(1)), zero(0), query(0), RESET, query(0))
seed("one-relative-amounts",
     typed_declaration(ONE, [(1000, warn(700))]),
     charge(0, TO_WARN), charge(0, PAST_WARN), charge(0, TO_LIMIT), charge(0, PAST_LIMIT), RESET,
     charge(0, PAST_WARN), charge(0, PAST_LIMIT))
seed("one-wide-values",
     typed_declaration(ONE, [(1 << 40, warn(0xBEEF))]),
     charge(0, amount(0x1234)), charge(0, amount(1 << 39)), charge(0, amount(MAX - 7)), query(0))

# --- typed declarations that fail ------------------------------------------------
seed("typed-zero-limit", typed_declaration(ONE, [(0, NO_WARN)]), charge(0, amount(1)))
seed("typed-zero-limit-before-warn", typed_declaration(ONE, [(0, WARN_LIMIT_PLUS_1)]))
seed("typed-warn-at-limit", typed_declaration(ONE, [(100, WARN_AT_LIMIT)]))
seed("typed-warn-above-limit", typed_declaration(ONE, [(100, WARN_LIMIT_PLUS_1)]))
seed("typed-warn-max-limit-max", typed_declaration(ONE, [(MAX, warn(MAX))]))
seed("typed-first-error-in-set-order",
     typed_declaration(THREE, [(5, NO_WARN), (10, WARN_AT_LIMIT), (0, NO_WARN)]))
seed("typed-reverse-first-error-in-set-order",
     typed_declaration(THREE, [(5, NO_WARN), (0, NO_WARN), (7, warn(9))], REVERSE))

# --- three dimensions -------------------------------------------------------------
seed("three-checkpoints",
     typed_declaration(THREE, [(5, warn(4)), (10000, warn(8000)), (30000, warn(27000))]),
     checkpoint((typed(1), amount(1200)), (typed(2), amount(2500)), (typed(0), amount(1))),
     checkpoint((typed(1), amount(7000)), (typed(2), amount(26000)), (typed(0), amount(4))),
     checkpoint((typed(1), PAST_LIMIT), (typed(2), PAST_LIMIT)),
     checkpoint((typed(2), amount(0)), (typed(1), amount(0)), (typed(0), PAST_LIMIT), (typed(0), amount(1))))
seed("three-worst-left-wins",
     typed_declaration(THREE, [(10, warn(1)), (10, warn(1)), (10, warn(1))], REVERSE),
     checkpoint((typed(2), amount(2)), (typed(0), amount(2))),
     checkpoint((typed(0), amount(9)), (typed(1), amount(20)), (typed(2), amount(20))))
seed("three-keyed-charges",
     typed_declaration(THREE, [(50, NO_WARN), (50, warn(25)), (50, warn(0))]),
     charge_keyed(key(TOKENS), amount(30)), charge_keyed(key(BYTES), amount(1)),
     charge_keyed(key(WIDGETS), amount(MAX)), charge_keyed(key(CUSTOM1), amount(0)),
     charge_keyed(set_key(2), TO_LIMIT), charge_keyed(key(MILLIS), amount(1)), zero_keyed(key(CALLS)),
     zero_keyed(key(MEMORY)), every_key_queried())
seed("three-checkpoint-with-errors",
     typed_declaration(THREE, [(MAX, NO_WARN), (MAX - 1, warn(1)), (2, NO_WARN)]),
     checkpoint((keyed(key(WIDGETS)), amount(1)), (typed(0), amount(MAX))),
     checkpoint((typed(0), amount(1)), (keyed(key(TOKENS)), amount(MAX)), (keyed(key(MILLIS)), amount(3)),
                (keyed(key(CUSTOM1)), amount(0))),
     checkpoint((typed(1), amount(MAX)), (typed(0), amount(MAX)), (typed(2), amount(2))))
seed("three-reset-and-copy",
     typed_declaration(THREE, [(3, warn(2)), (100, NO_WARN), (100, warn(99))]),
     charge(0, amount(3)), charge(1, amount(100)), charge(2, amount(100)), COPY, query(0), RESET, query(0),
     query(1), query(2), charge(0, amount(4)), COPY, RESET, COPY, charge(2, PAST_WARN), COPY)

# --- keyed declarations -------------------------------------------------------------
seed("keyed-one-ok",
     keyed_declaration(ONE, [(key(TOKENS), 10, warn(5))]), charge(0, amount(6)), charge_keyed(key(TOKENS), amount(5)))
seed("keyed-duplicate",
     keyed_declaration(ONE, [(key(TOKENS), 10, NO_WARN), (key(TOKENS), 0, NO_WARN)]))
seed("keyed-duplicate-before-unknown",
     keyed_declaration(THREE, [(key(WIDGETS), 1, NO_WARN), (key(CALLS), 1, NO_WARN), (key(CALLS), 1, NO_WARN)]))
seed("keyed-first-seen-twice",
     keyed_declaration(THREE, [(key(CALLS), 1, NO_WARN), (key(TOKENS), 1, NO_WARN), (key(TOKENS), 1, NO_WARN),
                               (key(CALLS), 1, NO_WARN)]))
seed("keyed-first-unknown",
     keyed_declaration(THREE, [(key(CUSTOM1), 1, NO_WARN), (key(CALLS), 1, NO_WARN), (key(WIDGETS), 1, NO_WARN),
                               (key(TOKENS), 1, NO_WARN), (key(MILLIS), 1, NO_WARN)]))
seed("keyed-missing",
     keyed_declaration(THREE, [(key(MILLIS), 1, NO_WARN), (key(CALLS), 1, NO_WARN)]))
seed("keyed-zero-before-missing-in-set-order",
     keyed_declaration(THREE, [(key(CALLS), 0, NO_WARN), (key(MILLIS), 5, WARN_AT_LIMIT)]))
seed("keyed-unknown-twice-is-unknown",
     keyed_declaration(ONE, [(key(WIDGETS), 10, NO_WARN), (key(TOKENS), 20, NO_WARN), (key(WIDGETS), 1, NO_WARN)]))
seed("keyed-empty", keyed_declaration(THREE, []))
seed("keyed-three-via-builder",
     keyed_declaration(THREE, [(key(MILLIS), 9, warn(3)), (key(TOKENS), MAX, NO_WARN), (key(CALLS), 2, NO_WARN)],
                       VIA_BUILDER),
     charge(0, amount(2)), charge(2, amount(4)), charge_keyed(key(TOKENS), amount(MAX)), every_key_queried())
seed("keyed-three-typed-calls",
     keyed_declaration(THREE, [(set_key(2), 9, warn(3)), (set_key(0), 1, NO_WARN), (set_key(1), 1, warn(0))],
                       TYPED_CALLS | VIA_BUILDER),
     charge(1, amount(1)), charge(0, amount(1)), charge(0, amount(1)), charge(2, TO_WARN))
seed("keyed-typed-calls-with-unknown",
     keyed_declaration(THREE, [(set_key(0), 9, NO_WARN), (key(WIDGETS), 1, NO_WARN), (set_key(0), 1, NO_WARN)],
                       TYPED_CALLS))

# --- eight dimensions, one of them user-defined -----------------------------------------
EIGHT_KEYED = [(set_key(p), lim, w) for p, lim, w in [
    (7, 100, warn(80)), (6, 2**20, NO_WARN), (5, 4, warn(3)), (4, 10**6, warn(8 * 10**5)),
    (3, 30000, warn(27000)), (2, 10000, warn(8000)), (1, MAX, warn(0)), (0, 1, NO_WARN)]]
seed("eight-keyed-all",
     keyed_declaration(EIGHT, EIGHT_KEYED, TYPED_CALLS),
     ops(*[charge(i, TO_WARN) for i in range(8)]), ops(*[charge(i, amount(1)) for i in range(8)]),
     every_key_queried(), ops(*[lookup(key(k)) for k in range(10)]),
     checkpoint((keyed(key(GPU)), amount(1)), (keyed(key(CUSTOM2)), amount(MAX)), (typed(2), TO_LIMIT),
                (keyed(key(CUSTOM1)), amount(1))),
     COPY, RESET, every_key_queried())
seed("eight-keyed-all-via-builder",
     keyed_declaration(EIGHT, list(reversed(EIGHT_KEYED)), VIA_BUILDER),
     charge_keyed(key(GPU), amount(1)), charge_keyed(key(GPU), amount(1)), zero_keyed(key(WIDGETS)),
     query_keyed(key(GPU)))
seed("eight-typed",
     typed_declaration(EIGHT, [(1, NO_WARN), (2, warn(1)), (MAX, WARN_LIMIT_MINUS_1), (MAX - 1, warn(0)),
                               (255, warn(254)), (65535, NO_WARN), (1 << 33, warn(1 << 32)), (7, NO_WARN)]),
     ops(*[charge(i, PAST_WARN) for i in range(8)]), ops(*[zero(i) for i in range(8)]),
     ops(*[query(i) for i in range(8)]), charge(2, amount(MAX)), charge(3, amount(MAX)), COPY, RESET,
     ops(*[lookup(key(k)) for k in range(10)]))
seed("eight-typed-reverse-warn-error",
     typed_declaration(EIGHT, [(1, NO_WARN), (2, warn(1)), (3, NO_WARN), (4, NO_WARN), (5, NO_WARN),
                               (6, WARN_LIMIT_MINUS_1), (7, warn(7)), (0, NO_WARN)], REVERSE))
seed("eight-keyed-one-missing",
     keyed_declaration(EIGHT, EIGHT_KEYED[:7]))
seed("eight-keyed-standard-key-outside-set",
     keyed_declaration(EIGHT, EIGHT_KEYED[:7] + [(key(CUSTOM1), 1, NO_WARN), (set_key(0), 1, NO_WARN)]))

# --- admission and reservations (SPEC 8 and 9) ------------------------------------------
seed("admission-one",
     typed_declaration(ONE, [(100, warn(80))]),
     would(typed(0), amount(81)), attempt(typed(0), amount(101)), attempt(typed(0), amount(80)),
     attempt(typed(0), amount(1)), attempt(typed(0), amount(1)), attempt(typed(0), amount(0)),
     would(keyed(key(TOKENS)), TO_LIMIT), attempt(keyed(key(TOKENS)), PAST_LIMIT), attempt(keyed(key(TOKENS)), TO_LIMIT),
     attempt(typed(0), amount(1)), attempt(typed(0), amount(0)), charge(0, amount(1)), attempt(typed(0), amount(0)),
     would(typed(0), amount(0)), would(keyed(key(WIDGETS)), amount(1)), attempt(keyed(key(BYTES)), amount(MAX)),
     STATUS, RESET, STATUS, attempt(typed(0), amount(MAX)))
seed("admission-at-max",
     typed_declaration(ONE, [(MAX, warn(MAX - 1))]),
     attempt(typed(0), amount(MAX - 1)), attempt(typed(0), amount(1)), attempt(typed(0), amount(MAX)),
     would(typed(0), amount(MAX)), would(keyed(key(TOKENS)), amount(1)), STATUS, charge(0, amount(MAX)), STATUS)
seed("admission-near-max-limit",
     typed_declaration(THREE, [(1, warn(0)), (MAX - 1, NO_WARN), (MAX, NO_WARN)]),
     attempt(typed(1), amount(MAX)), attempt(typed(1), amount(MAX - 1)), attempt(keyed(key(TOKENS)), amount(2)),
     would(typed(1), amount(MAX)), charge(1, amount(1)), attempt(typed(1), amount(0)), STATUS,
     attempt(typed(0), amount(MAX)), attempt(keyed(key(CALLS)), amount(1)), STATUS)
seed("admission-three-lists",
     typed_declaration(THREE, [(5, warn(4)), (100, warn(80)), (50, NO_WARN)]),
     keyed_list(True, (key(CALLS), amount(1)), (key(TOKENS), amount(100)), (key(MILLIS), PAST_LIMIT)),
     keyed_list(True, (key(CALLS), amount(1)), (key(TOKENS), amount(81)), (key(MILLIS), TO_LIMIT)),
     keyed_list(True, (key(TOKENS), amount(1)), (key(TOKENS), amount(1))),
     keyed_list(False, (key(MILLIS), amount(1)), (key(WIDGETS), amount(1))),
     keyed_list(True), keyed_list(False),
     keyed_list(True, (key(CALLS), amount(0)), (key(TOKENS), amount(0)), (key(MILLIS), amount(0)),
                (key(CALLS), amount(0)), (key(BYTES), amount(0))),
     keyed_list(False, (key(MILLIS), amount(MAX)), (key(TOKENS), amount(MAX)), (key(CALLS), amount(1))),
     keyed_list(True, (key(CALLS), amount(0))),
     STATUS, RESET,
     typed_pair(True, amount(50), amount(5)), typed_pair(True, amount(1), amount(0)), typed_pair(False, amount(1), amount(1)),
     typed_pair(False, amount(MAX), amount(MAX)), STATUS)
seed("reservations-one",
     typed_declaration(ONE, [(100, warn(80))]),
     reserve(0, 0, amount(90)), reserve(1, 0, amount(20)), settle(1, amount(0)), attempt(typed(0), amount(11)),
     settle(0, amount(30)), settle(0, amount(30)), release(0),
     reserve(2, 0, amount(50)), RESET, settle(2, amount(10)), release(2),
     reserve(3, 0, amount(10)), drop(3), reserve(0, 0, amount(40)), release(0), release(0),
     reserve(1, 0, amount(0)), settle_twice(1, amount(120)), reserve(2, 0, amount(0)),
     reserve(3, 0, amount(5)), reserve(3, 0, amount(6)), COPY, settle(3, amount(MAX)))
seed("reservations-at-max",
     typed_declaration(ONE, [(MAX, NO_WARN)]),
     reserve(0, 0, amount(MAX)), release(0), charge(0, amount(MAX - 20)), reserve(1, 0, amount(10)),
     settle(1, amount(MAX)), reserve(2, 0, amount(10)), charge(0, amount(MAX)), settle(2, amount(0)),
     reserve(3, 0, amount(1)), drop(3))
seed("reservations-three-pairs",
     typed_declaration(THREE, [(5, warn(4)), (100, warn(80)), (50, NO_WARN)]),
     reserve_pair(0, amount(20), amount(2)), reserve_pair(1, PAST_LIMIT, amount(1)), settle(1, amount(0), amount(0)),
     settle(0, amount(60), amount(1)), reserve_pair(2, amount(10), amount(1)), reserve(3, 1, amount(30)),
     COPY, drop(2), reserve(3, 2, amount(10)), settle_twice(3, amount(11)), reserve_pair(0, amount(1), amount(1)),
     RESET, settle(0, amount(5), amount(5)), reserve_pair(1, amount(0), amount(0)), STATUS)
seed("eight-admission-and-reservations",
     keyed_declaration(EIGHT, EIGHT_KEYED, TYPED_CALLS),
     reserve_pair(0, TO_WARN, amount(1)), keyed_list(True, (key(GPU), amount(0)), (key(CUSTOM0), PAST_WARN)),
     keyed_list(True, (set_key(3), amount(7)), (set_key(4), amount(8)), (set_key(5), amount(9)), (set_key(6), amount(1)),
                (set_key(7), amount(1))),
     typed_pair(True, amount(5), amount(0)), would(typed(6), amount(MAX)), attempt(typed(6), amount(MAX)),
     reserve(1, 5, amount(3)), settle(1, amount(5)), STATUS, settle(0, amount(90), amount(1)), STATUS)


def main():
    args = sys.argv[1:]
    check = bool(args) and args[0] == "--check"
    if check:
        args = args[1:]
    out = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parent / "corpus"
    files = {f"{number:02d}-{name}": data for number, (name, data) in enumerate(SEEDS.items())}

    if check:
        present = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} if out.is_dir() else {}
        if present != files:
            stale = sorted(set(present) ^ set(files) | {n for n in files if n in present and present[n] != files[n]})
            print(f"{out} is out of date ({', '.join(stale)}); run {pathlib.Path(__file__).name}")
            return 1
        print(f"{out}: {len(files)} seeds, up to date")
        return 0

    out.mkdir(parents=True, exist_ok=True)
    for file_name, data in files.items():
        (out / file_name).write_bytes(data)
    for stale in out.iterdir():
        if stale.is_file() and stale.name not in files:
            stale.unlink()
    print(f"wrote {len(files)} seeds to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
