#!/usr/bin/env python3
"""Runs one must-not-compile case.

The source holds both sides: compiled with -DBKTEST_FAIL it must fail, and
the compiler's output must match the source's expectations; compiled without
it (its twin) it must succeed, which proves the failure comes from the
misuse and not from a broken file.

Expectations, as comments at the top of the source:
  // first-error: TEXT   the first line containing "error" contains TEXT
  // expect: REGEX       somewhere in the output (one per line, all must match)
  // max-errors: N       at most N lines contain "error:" (one mistake, one error)
  // max-lines: N        the whole output is at most N lines

Usage: check.py SOURCE -- COMPILER [ARGS...]
"""
import re
import subprocess
import sys


def expectations(path):
    first, patterns, limits = [], [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*//\s*(first-error|expect|max-errors|max-lines):\s*(.+?)\s*$", line)
            if not m:
                continue
            if m.group(1) == "first-error":
                first.append(m.group(2))
            elif m.group(1) == "expect":
                patterns.append(m.group(2))
            else:
                limits[m.group(1)] = int(m.group(2))
    return first, patterns, limits


def compile_once(cmd, source, fail):
    args = cmd + ["-std=c++20", "-fsyntax-only", "-fdiagnostics-color=never"]
    if fail:
        args.append("-DBKTEST_FAIL")
    proc = subprocess.run(args + [source], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def main():
    if len(sys.argv) < 4 or "--" not in sys.argv:
        print(__doc__)
        return 2
    sep = sys.argv.index("--")
    source, cmd = sys.argv[1], sys.argv[sep + 1:]
    first, patterns, limits = expectations(source)
    if not first and not patterns:
        print(f"{source}: no expectations written; a compile-fail case must say what it expects")
        return 1

    ok = True
    code, out = compile_once(cmd, source, fail=True)
    if code == 0:
        print(f"FAIL: {source} compiled with -DBKTEST_FAIL; it must not")
        ok = False
    else:
        error_lines = [l for l in out.splitlines() if re.search(r"\berror\b", l)]
        head = error_lines[0] if error_lines else "(no error line)"
        for text in first:
            if text not in head:
                print(f"FAIL: first error line lacks {text!r}\n  it is: {head}")
                ok = False
        for pattern in patterns:
            if not re.search(pattern, out):
                print(f"FAIL: output lacks /{pattern}/")
                ok = False
        errors = len([l for l in out.splitlines() if "error:" in l])
        if "max-errors" in limits and errors > limits["max-errors"]:
            print(f"FAIL: {errors} errors, at most {limits['max-errors']} expected")
            ok = False
        lines = len(out.splitlines())
        if "max-lines" in limits and lines > limits["max-lines"]:
            print(f"FAIL: {lines} lines of output, at most {limits['max-lines']} expected")
            ok = False
    if not ok:
        print("---- compiler output ----")
        print(out)

    code, out = compile_once(cmd, source, fail=False)
    if code != 0:
        print(f"FAIL: the twin (without -DBKTEST_FAIL) does not compile:\n{out}")
        ok = False

    print(("ok: " if ok else "failed: ") + source)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
