"""Per-second CPU of a few processes and of the whole machine, from /proc (docs/performance.md,
"The frame built while the cadet waits"): used to split a burst's CPU between the server, its
MariaDB and the load generator, which share the machine's two cores.

  python3 docs/tools/proc_cpu.py SERVER_PID MARIADB_PID GENERATOR_PID > cpu.log

Each line: UTC time, then per process the CPU of the last second in percent of one core
(/proc/<pid>/stat utime + stime, in clock ticks of 1/100 s), then machine%= (all cores: 200
is two cores busy).
"""
import sys, time, datetime

pids = sys.argv[1:]


def ticks(pid):
    try:
        stat = open(f"/proc/{pid}/stat").read()
        fields = stat[stat.rindex(')') + 2:].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0  # the process has ended


def machine():
    values = list(map(int, open("/proc/stat").readline().split()[1:]))
    return sum(values), values[3] + values[4]  # total, idle + iowait


cores = len([l for l in open("/proc/stat") if l.startswith("cpu") and l[3].isdigit()])
last = [ticks(p) for p in pids]
last_total, last_idle = machine()
while True:
    time.sleep(1)
    now = [ticks(p) for p in pids]
    total, idle = machine()
    busy = 100.0 * cores * (1 - (idle - last_idle) / max(1, total - last_total))
    print(datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M:%S"),
          " ".join(str(n - l) for n, l in zip(now, last)), "machine%%=%.0f" % busy, flush=True)
    last, last_total, last_idle = now, total, idle
