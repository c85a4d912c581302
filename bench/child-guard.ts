// Benchmark: the child guard (src/kernel/child-guard.ts) on its corpus and on a long text.
//
// Recall and false alarms: every sentence of the corpus (child-guard-corpus.ts) checked on its
// own; a sentence counts as flagged when the guard warns on it or refuses it. Speed: a text of
// 5,000 characters made of the corpus's sentences (about one in five names a child), checked
// 2,000 times in this process after 200 warm-up runs, each timed from call to result. The
// wall-clock p95 is the figure; the CPU-time p95 and the machine's load are printed beside it,
// since on a shared machine the wall clock also counts time the process waited for a core.
import { loadavg } from "node:os";
import { checkFreeText } from "../src/kernel/child-guard";
import { CHILD_GUARD_CORPUS, corpusScores } from "../src/kernel/child-guard-corpus";
import { bench, log, percentile } from "./lib";

const LENGTH = 5000;
const RUNS = 2000;
const WARMUP = 200;

/** The corpus's sentences in a fixed shuffled order, joined until the text is long enough. */
export function longText(length = LENGTH): string {
  let text = "";
  for (let i = 0; text.length < length; i++) {
    text += `${CHILD_GUARD_CORPUS[(i * 37) % CHILD_GUARD_CORPUS.length]!.text} `;
  }
  return text.slice(0, length);
}

export async function childGuardBenchmark() {
  const flags = (text: string) => {
    const found = checkFreeText(text);
    return found.warn.length + found.refuse.length > 0;
  };
  const scores = corpusScores(flags);
  const positives = CHILD_GUARD_CORPUS.filter((s) => s.identifiesChild).length;
  log(
    `child-guard: corpus of ${CHILD_GUARD_CORPUS.length} sentences (${positives} identify a child); missed ${scores.missed.length}, false alarms ${scores.alarms.length}`,
  );
  bench("child-guard-recall", scores.recall.toFixed(3), "ratio", ">=", "0.9");
  bench("child-guard-false-alarms", scores.falseAlarms.toFixed(3), "ratio", "<=", "0.05");

  const text = longText();
  for (let i = 0; i < WARMUP; i++) checkFreeText(text);
  const wall: number[] = [];
  const cpu: number[] = [];
  let places = 0;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    places = checkFreeText(text).warn.length;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  log(`child-guard: ${text.length} characters, ${places} places warned about per run`);
  bench(
    "child-guard-p95",
    percentile(wall, 95).toFixed(2),
    "ms",
    "<=",
    "2",
    `${LENGTH} characters, ${RUNS} runs; median ${percentile(wall, 50).toFixed(2)} ms, CPU time p95 ${percentile(cpu, 95).toFixed(2)} ms, load average ${loadavg()[0]!.toFixed(1)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await childGuardBenchmark();
