#!/usr/bin/env python3
"""Runs a program and compares its exit status, stdout and stderr exactly.

usage: check_output.py [--stdout FILE] [--stderr LINE] [--status N] -- PROGRAM [ARG...]

Without --stdout the program must print nothing on stdout; without --stderr,
nothing on stderr; without --status it must exit 0. A mismatch prints a diff
and exits 1.
"""
import argparse
import difflib
import subprocess
import sys


def compare(what, expected, actual):
    if expected == actual:
        return True
    print(f'{what} differs (--- expected, +++ actual):')
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        'expected', 'actual'))
    if not actual.endswith('\n') or not expected.endswith('\n'):
        print(f'\n(expected {expected!r}, actual {actual!r})')
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--stdout', help='file holding the exact expected stdout')
    parser.add_argument('--stderr', help='the one line expected on stderr')
    parser.add_argument('--status', type=int, default=0, help='expected exit status')
    parser.add_argument('command', nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ['--'] else args.command
    if not command:
        parser.error('no program to run')

    expected_out = ''
    if args.stdout:
        with open(args.stdout, encoding='utf-8') as f:
            expected_out = f.read()
    expected_err = args.stderr + '\n' if args.stderr is not None else ''

    run = subprocess.run(command, capture_output=True, timeout=60, check=False)
    out = run.stdout.decode('utf-8', errors='backslashreplace')
    err = run.stderr.decode('utf-8', errors='backslashreplace')

    ok = compare('stdout', expected_out, out)
    ok = compare('stderr', expected_err, err) and ok
    if run.returncode != args.status:
        print(f'exit status {run.returncode}, expected {args.status}')
        ok = False
    if ok:
        print(f'ok: {" ".join(command)}')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
