#!/usr/bin/env python3
"""Runs the fleet_quota example against a Redis server of its own and checks
what it prints: every accepted request is counted once in the shared totals,
and the totals stay within the quota.

Starts redis-server on a free loopback port with a temporary directory and no
persistence, and stops it whatever happens.

usage: run_fleet_quota.py REDIS_SERVER FLEET_QUOTA [WORKERS]
"""
import re
import socket
import subprocess
import sys
import tempfile
import time

LINE = re.compile(r'^worker (\d+) request (\d+): used (\d+) tokens: (continue|warn)$')
REFUSED = re.compile(r"^worker \d+ request \d+: refused \(budgetkernel-redis: WouldExhaust on '(calls|tokens)'")
TOTAL = re.compile(r'^tenant-acme: (\d+) of 40 calls, (\d+) of 20000 tokens \(within quota\)$')


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def answers_ping(port):
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=0.5) as s:
            s.sendall(b'PING\r\n')
            return s.recv(16).startswith(b'+PONG')
    except OSError:
        return False


def check(output):
    """The problems found in the example's output (empty when it is right)."""
    problems, calls, tokens = [], 0, 0
    lines = output.splitlines()
    if not lines or not TOTAL.match(lines[-1]):
        return [f'last line is not a within-quota total: {lines[-1] if lines else "(no output)"}']
    for line in lines[:-1]:
        m = LINE.match(line)
        if m:
            calls += 1
            tokens += int(m.group(3))
        elif not REFUSED.match(line):
            problems.append(f'unexpected line: {line}')
    total = TOTAL.match(lines[-1])
    if (int(total.group(1)), int(total.group(2))) != (calls, tokens):
        problems.append(f'totals {total.group(1)} calls / {total.group(2)} tokens, '
                        f'but the accepted requests add up to {calls} / {tokens}')
    if not any(REFUSED.match(line) for line in lines):
        problems.append('no worker was ever refused: the quota was not reached')
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    server_bin, example = sys.argv[1], sys.argv[2]
    workers = sys.argv[3] if len(sys.argv) > 3 else '4'
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(5):  # another program may take the port between the probe and the bind
            port = free_port()
            server = subprocess.Popen([server_bin, '--port', str(port), '--bind', '127.0.0.1', '--save', '',
                                       '--appendonly', 'no', '--dir', tmp],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline and server.poll() is None and not answers_ping(port):
                    time.sleep(0.05)
                if server.poll() is not None:
                    continue
                if not answers_ping(port):
                    print('redis-server did not answer within 10 s')
                    return 1
                run = subprocess.run([example, str(port), workers], capture_output=True, text=True, timeout=120)
                print(run.stdout, end='')
                if run.returncode != 0 or run.stderr:
                    print(f'fleet_quota exited {run.returncode}; stderr: {run.stderr}')
                    return 1
                problems = check(run.stdout)
                for p in problems:
                    print(f'FAIL: {p}')
                return 1 if problems else 0
            finally:
                if server.poll() is None:
                    server.terminate()
                    try:
                        server.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        server.kill()
                        server.wait()
    print('could not start redis-server on a free port')
    return 1


if __name__ == '__main__':
    sys.exit(main())
