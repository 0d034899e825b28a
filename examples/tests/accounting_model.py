#!/usr/bin/env python3
"""A plain model of the accounting rules (docs/DESIGN.md, "Accounting
semantics"), written without the library, that recomputes what each example
must print and compares it with the expected-output files the example tests
use.

usage: accounting_model.py EXPECTED_DIR
"""
import os
import sys

MAX = 2**64 - 1
SEVERITY = {'continue': 0, 'warn': 1, 'exhausted': 2}


class Refused(Exception):
    pass


class Budget:
    def __init__(self, limits, checked=False):
        self.limits = dict(limits)  # name -> (limit, warn or None)
        self.checked = checked
        self.spent = dict.fromkeys(self.limits, 0)

    def charge(self, name, amount):
        total = self.spent[name] + amount
        if total > MAX:
            if self.checked:
                raise Refused(name)
            total = MAX
        self.spent[name] = total
        limit, warn = self.limits[name]
        if total > limit:
            return ('exhausted', name)
        if warn is not None and total > warn:
            return ('warn', name)
        return ('continue', None)

    def reset(self):
        self.spent = dict.fromkeys(self.limits, 0)


def worst(verdicts):
    result = verdicts[0]
    for v in verdicts[1:]:
        if SEVERITY[v[0]] > SEVERITY[result[0]]:
            result = v
    return result


def line(step, verdict):
    kind, name = verdict
    return f'{step}: {kind}' + (f' on {name}' if name else '')


def run_steps(budget, steps, out):
    """steps: (name, [(dim, amount), ...]). Returns True if one exhausted."""
    for step, charges in steps:
        verdict = worst([budget.charge(d, a) for d, a in charges])
        out.append(line(step, verdict))
        if verdict[0] == 'exhausted':
            return True
    return False


def llm_pipeline(step_count=None):
    budget = Budget([('tokens', (10000, 8000)), ('millis', (30000, 27000)), ('calls', (5, 4))])
    plan = [('plan', 1200, 2500), ('retrieve', 2400, 4800), ('draft', 3200, 8000),
            ('critique', 1400, 3200), ('revise', 900, 2400), ('extra-pass', 700, 1600)]
    plan = plan[:step_count] if step_count is not None else plan
    out = []
    steps = [(n, [('tokens', t), ('millis', m), ('calls', 1)]) for n, t, m in plan]
    if not run_steps(budget, steps, out):
        out += [f'remaining {d}: {max(0, lim - budget.spent[d])}' for d, (lim, _) in budget.limits.items()]
    return out


def llm_reservations():
    """Reserve the maximum (tokens and one call, all or nothing), settle the
    actual; a reservation that would pass a limit is refused and ends the loop."""
    budget = Budget([('tokens', (10000, 8000)), ('calls', (5, 4))])
    requests = [('plan', 2000, 1200), ('retrieve', 3000, 2400), ('draft', 4000, 3200),
                ('critique', 2000, 1400), ('revise', 2000, 900), ('summarize', 1500, 600)]
    out = []
    for step, most, used in requests:
        wanted = {'tokens': most, 'calls': 1}
        refused = next((d for d, a in wanted.items() if budget.spent[d] + a > budget.limits[d][0]), None)
        if refused:
            out.append(f"{step}: not sent (budgetkernel: dimension '{refused}' would pass its limit; "
                       "the charge is refused)")
            break
        before = budget.spent['tokens']
        verdicts = [budget.charge(d, a) for d, a in wanted.items()]
        warn = budget.limits['tokens'][1]
        if before <= warn < budget.spent['tokens'] and worst(verdicts)[1] == 'tokens':
            out.append('alert: tokens passed its warn threshold')
        budget.spent['tokens'] -= most - used
        settled = worst([budget.charge('tokens', 0), budget.charge('calls', 0)])
        out.append(f'{step}: reserved {most}, used {used}, ' + line('now', settled))
    out.append(f"spent tokens: {budget.spent['tokens']} of 10000")
    out.append(f"spent calls: {budget.spent['calls']} of 5")
    return out


def task_runner():
    budget = Budget([('calls', (4, 3)), ('millis', (12000, 9000)),
                     ('bytes', (2000000, 1600000)), ('custom0', (100, 80))])
    tasks = [('parse', 1500, 200000, 10), ('index', 3000, 650000, 25), ('rank', 4000, 500000, 35),
             ('summarize', 3200, 450000, 20), ('extra-cleanup', 1200, 120000, 8)]
    out = []
    run_steps(budget, [(n, [('calls', 1), ('millis', m), ('bytes', b), ('custom0', w)])
                       for n, m, b, w in tasks], out)
    return out


def http_quota():
    budget = Budget([('calls', (3, 2)), ('bytes', (10000, 8000))])
    out = []
    for number, (window, responses) in enumerate([('window-1', [1000, 2500, 3000]),
                                                   ('window-2', [4000, 4500, 2000])]):
        if number:
            budget.reset()
        steps = [(f'{window}/response-{i}', [('calls', 1), ('bytes', b)])
                 for i, b in enumerate(responses, 1)]
        if run_steps(budget, steps, out):
            break
    return out


def custom_budget():
    budget = Budget([('gpu_seconds', (7200, 6000)), ('calls', (8, 6))], checked=True)
    jobs = [('render-preview', 900), ('bake-lighting', 2400), ('sensor-glitch', MAX),
            ('denoise', 2800), ('final-render', 1500)]
    out = []
    for job, seconds in jobs:
        submission = budget.charge('calls', 1)
        try:
            gpu = budget.charge('gpu_seconds', seconds)
        except Refused as refused:
            name = refused.args[0]
            out.append(f'{job}: refused (Overflow on {name}; spent stays {budget.spent[name]})')
            continue
        verdict = worst([submission, gpu])
        out.append(line(job, verdict))
        if verdict[0] == 'exhausted':
            break
    return out


def config_file(limits, steps=None):
    """limits: the file's declarations; steps: 'name=amount,...' strings."""
    order = ['tokens', 'millis', 'calls']
    budget = Budget(sorted(limits.items(), key=lambda item: order.index(item[0])))
    steps = steps or ['tokens=4500,millis=12000,calls=1', 'tokens=5200,millis=15000,calls=1',
                      'tokens=6100,millis=14000,calls=1', 'tokens=3900,millis=16000,calls=1',
                      'tokens=2600,millis=9000,calls=1']
    parsed = [(f'step-{i}', [(d, int(a)) for d, a in (c.split('=') for c in s.split(','))])
              for i, s in enumerate(steps, 1)]
    out = []
    run_steps(budget, parsed, out)
    return out


LLM = {'tokens': (20000, 16000), 'millis': (60000, None), 'calls': (6, 5)}
NO_WARN = {'calls': (3, None), 'tokens': (50000, None), 'millis': (120000, None)}
EXTREMES = {'tokens': (MAX, MAX - 1), 'millis': (1, 0), 'calls': (MAX, None)}

CASES = {
    'llm_pipeline.out': llm_pipeline(),
    'llm_pipeline-4.out': llm_pipeline(4),
    'llm_pipeline-0.out': llm_pipeline(0),
    'llm_reservations.out': llm_reservations(),
    'task_runner.out': task_runner(),
    'http_quota.out': http_quota(),
    'custom_budget.out': custom_budget(),
    'config_file-llm.out': config_file(LLM),
    'config_file-llm-charges.out': config_file(LLM, ['calls=0', 'tokens=16001', 'calls=6,tokens=0',
                                                           'millis=60000,calls=1']),
    'config_file-no-warn.out': config_file(NO_WARN),
    'config_file-extremes.out': config_file(EXTREMES, [f'tokens={MAX},millis=0,calls={MAX}', 'tokens=1',
                                                       'millis=1,calls=1', 'millis=1']),
}


def main():
    expected_dir = sys.argv[1]
    failed = 0
    for name, lines in CASES.items():
        with open(os.path.join(expected_dir, name), encoding='utf-8') as f:
            recorded = f.read()
        computed = ''.join(f'{x}\n' for x in lines)
        if recorded != computed:
            failed += 1
            print(f'{name}: the model computes\n{computed}but the file says\n{recorded}')
        else:
            print(f'{name}: agrees with the model')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
