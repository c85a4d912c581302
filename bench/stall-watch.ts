// Tells a long in-process benchmark's three kinds of lost time apart: the process not running
// at all (stopped with SIGSTOP from outside, as a quiet measurement of something else does with
// every process under the work trees, or starved by a loaded machine), the event loop blocked by
// the app's own synchronous work, and a request that simply never answers. A timer ticks every
// second; a tick that comes late says the process did not get to it, and the CPU this process
// used in between says whether it was busy (blocked) or not running (stopped).

export type StallWatch = {
  /** Wall time since the start, less the stretches in which the process did not run. */
  runningMs(): number;
  /** Stretches in which the process did not run, and their sum. */
  stopped: { count: number; ms: number };
  /** Stretches in which the event loop was blocked by this process's own work, and their sum. */
  blocked: { count: number; ms: number };
  stop(): void;
};

export function stallWatch(
  opts: {
    tickMs?: number;
    /** A tick this much later than due is a stall. */
    lateMs?: number;
    /** Told of each stall as it ends. */
    onStall?: (kind: "stopped" | "blocked", ms: number) => void;
  } = {},
): StallWatch {
  const tickMs = opts.tickMs ?? 1_000;
  const lateMs = opts.lateMs ?? 3_000;
  const started = performance.now();
  let last = started;
  let lastCpu = process.cpuUsage();
  // Run by the timer, and by runningMs() itself: whichever timer fires first after a stop sees
  // the stop already counted.
  const check = () => {
    const now = performance.now();
    const late = now - last - tickMs;
    if (late <= lateMs) {
      if (now - last >= tickMs) {
        last = now;
        lastCpu = process.cpuUsage();
      }
      return;
    }
    // Busy for most of the gap: our own work held the loop. Otherwise the process was not
    // running (or hardly: on a machine this loaded, that is the same for the figure).
    const cpu = process.cpuUsage(lastCpu);
    const kind = (cpu.user + cpu.system) / 1000 > late / 2 ? "blocked" : "stopped";
    watch[kind].count++;
    watch[kind].ms += late;
    opts.onStall?.(kind, late);
    last = now;
    lastCpu = process.cpuUsage();
  };
  const watch: StallWatch = {
    runningMs: () => {
      check();
      return performance.now() - started - watch.stopped.ms;
    },
    stopped: { count: 0, ms: 0 },
    blocked: { count: 0, ms: 0 },
    stop: () => clearInterval(timer),
  };
  const timer = setInterval(check, tickMs);
  timer.unref();
  return watch;
}
