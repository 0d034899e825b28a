"""Shared parts of the consumer tests: arguments, running tools, checking the
consumer program's output. The drivers import this from their own directory.

Every driver is called as
    DRIVER --source-root DIR --version V --default-storage S --meson MESON -- COMPILER...
where COMPILER... is the project's C++ compiler command (cmd_array()).
"""
import argparse
import difflib
import os
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.join(HERE, 'project')
SKIP = 77


class Failure(Exception):
    """A step of the test failed; the message says which and why."""


def parse_args(description, add_arguments=None):
    parser = argparse.ArgumentParser(description=description)
    if add_arguments:
        add_arguments(parser)
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--version', required=True)
    parser.add_argument('--default-storage', required=True, choices=['safe', 'unsafe'])
    parser.add_argument('--meson', required=True)
    parser.add_argument('compiler', nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.compiler[:1] == ['--']:
        args.compiler = args.compiler[1:]
    if not args.compiler:
        parser.error('the compiler command is missing after --')
    return args


def skip(message):
    print(f'SKIP: {message}')
    sys.exit(SKIP)


def tool_env(compiler):
    """The environment for nested builds: the project's compiler, no outside
    compiler or pkg-config settings that could change what is found."""
    env = dict(os.environ)
    for name in ('CC', 'CXX', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS', 'PKG_CONFIG_PATH', 'CMAKE_PREFIX_PATH'):
        env.pop(name, None)
    env['CXX'] = shlex.join(compiler)
    return env


def run(command, cwd=None, env=None):
    """Runs a command; raises Failure with its output if it fails.

    Give nested `meson setup` calls a private cwd: Meson's cmake module runs
    `cmake --system-information` in the current directory, and two of those
    sharing one directory (tests run in parallel) break each other."""
    shown = shlex.join(str(c) for c in command)
    print(f'$ {shown}', flush=True)
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                            errors='backslashreplace', timeout=240, check=False)
    if result.returncode != 0:
        raise Failure(f'`{shown}` exited with {result.returncode}\n'
                      f'--- stdout\n{result.stdout}--- stderr\n{result.stderr}')
    return result.stdout


def copy_project(destination, names):
    """Copies the consumer project's files `names` into `destination`."""
    os.makedirs(destination, exist_ok=True)
    for name in names:
        shutil.copy(os.path.join(PROJECT, name), destination)


def check_program(program, args):
    """Runs the built consumer and compares its output with expected.txt."""
    actual = run([program])
    with open(os.path.join(PROJECT, 'expected.txt'), encoding='utf-8') as f:
        expected = (f.read().replace('@VERSION@', args.version)
                    .replace('@DEFAULT_STORAGE@', args.default_storage))
    if actual != expected:
        diff = ''.join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            'expected', 'actual'))
        raise Failure(f'{program} printed something else:\n{diff}')
    print(f'ok: {program} printed the expected output', flush=True)


def main(body):
    """Runs `body()`, turning a Failure into exit status 1."""
    try:
        body()
    except Failure as failure:
        print(f'FAIL: {failure}')
        return 1
    return 0
