// CPU time of processes and of the machine's cores, read from /proc (Linux), so that a benchmark
// can say what limited it: which process used how much of a core during a round, and how busy
// each core was with everything else on the machine.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux as built). */
const TICKS = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim();
  const n = Number(out);
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // gone
  }
}

/** User and system CPU seconds of one process (all its threads); 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  const f = statFields(pid);
  // After the name: state, ppid, …; utime and stime are the 14th and 15th fields of the line.
  return f ? (Number(f[11]) + Number(f[12])) / TICKS : 0;
}

/** The processes whose parent is `pid` (nginx's workers under its master). */
export function childPids(pid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === pid) pids.push(Number(entry));
  }
  return pids;
}

/** Busy and total seconds of each core since boot (/proc/stat; iowait counts as idle). */
export function coreSeconds(): { busy: number; total: number }[] {
  const cores: { busy: number; total: number }[] = [];
  for (const line of readFileSync("/proc/stat", "utf8").split("\n")) {
    const m = /^cpu(\d+) (.*)$/.exec(line);
    if (!m) continue;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = m[2]!
      .trim()
      .split(/\s+/)
      .map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    cores[Number(m[1])] = { busy: busy / TICKS, total: (busy + idle! + iowait!) / TICKS };
  }
  return cores;
}

/**
 * Measures named groups of processes over an interval: `start()` then `stop()` gives each
 * group's CPU in % of one core, each core's busy %, and `other`, the CPU the machine spent
 * outside the groups (other programs), all over the same wall time. The groups are asked for
 * their processes at `start()`; a process that is gone at `stop()` counts for nothing.
 */
export function cpuMeter(groups: () => Record<string, number[]>) {
  type Reading = { perPid: Record<string, Map<number, number>>; cores: CoreTimes; at: number };
  type CoreTimes = ReturnType<typeof coreSeconds>;
  let pids: Record<string, number[]> = {};
  const read = (): Reading => {
    const perPid: Record<string, Map<number, number>> = {};
    for (const [name, list] of Object.entries(pids))
      perPid[name] = new Map(list.map((pid) => [pid, processCpuSeconds(pid)]));
    return { perPid, cores: coreSeconds(), at: performance.now() };
  };
  let before: Reading | undefined;
  return {
    start() {
      pids = groups();
      before = read();
    },
    stop(): CpuReport {
      if (!before) throw new Error("cpuMeter: stop() before start()");
      const after = read();
      const wall = (after.at - before.at) / 1000;
      const groupsPercent: Record<string, number> = {};
      let ours = 0;
      for (const [name, readings] of Object.entries(after.perPid)) {
        let used = 0;
        for (const [pid, s] of readings) {
          const was = before.perPid[name]?.get(pid) ?? s;
          if (s > 0) used += Math.max(0, s - was);
        }
        ours += used;
        groupsPercent[name] = (used / wall) * 100;
      }
      const cores = after.cores.map((c, i) => {
        const b = before!.cores[i]!;
        return ((c.busy - b.busy) / Math.max(1e-9, c.total - b.total)) * 100;
      });
      const machineBusy = cores.reduce((sum, p) => sum + p, 0);
      return {
        groups: groupsPercent,
        cores,
        other: Math.max(0, machineBusy - (ours / wall) * 100),
      };
    },
  };
}

export type CpuReport = {
  /** Each group's CPU in % of one core. */
  groups: Record<string, number>;
  /** Each core's busy share in %. */
  cores: number[];
  /** What the machine's cores spent on anything outside the groups, in % of one core. */
  other: number;
};

/** "a 98 %, b 97 %, nginx 12 %, … | cores 100/99 %, other 20 %" */
export function formatCpu(report: CpuReport): string {
  const groups = Object.entries(report.groups)
    .map(([name, p]) => `${name} ${p.toFixed(0)} %`)
    .join(", ");
  return `${groups} | cores ${report.cores.map((p) => p.toFixed(0)).join("/")} % busy, other programs ${report.other.toFixed(0)} %`;
}
