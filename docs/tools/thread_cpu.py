"""Per-second CPU of one JVM's threads, grouped by what they do (docs/performance.md, "The
options and the heap"): the JIT's compiler threads, the garbage collector, the
carrier threads of the virtual threads that serve requests, Tomcat's poller, and the rest by
name. It showed that a quarter of the server's CPU in a burst of quiz starts was garbage
collection and another quarter the JIT compiling code run for the first time.

  python3 docs/tools/thread_cpu.py SERVER_PID > threads.log

Each line: UTC time, then group=ticks for the last second (clock ticks of 1/100 s: 100 is
one core busy for the whole second), groups that used no CPU left out.
"""
import collections
import datetime
import os
import re
import sys
import time

pid = sys.argv[1]
GROUPS = [(r'C2 Compiler', 'jit-c2'), (r'C1 Compiler', 'jit-c1'), (r'^G1|GC Thread|^GC ', 'gc'),
          (r'VM Thread', 'vm'), (r'ForkJoinPool', 'carriers'), (r'http-nio', 'tomcat-nio'),
          (r'MariaDb|mariadb', 'jdbc')]


def group(name):
    for pattern, label in GROUPS:
        if re.search(pattern, name):
            return label
    return 'other:' + name


def snapshot():
    ticks = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{task}/stat").read()
        except OSError:
            continue  # the thread has ended
        name = stat[stat.index('(') + 1:stat.rindex(')')]
        fields = stat[stat.rindex(')') + 2:].split()
        ticks[(task, group(name))] = int(fields[11]) + int(fields[12])
    return ticks


last = snapshot()
while True:
    time.sleep(1)
    now = snapshot()
    used = collections.Counter()
    for key, value in now.items():
        used[key[1]] += value - last.get(key, 0)
    print(datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M:%S"),
          " ".join(f"{k}={v}" for k, v in sorted(used.items()) if v), flush=True)
    last = now
