import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order files are handed to workers: Vitest's own (longest first, from the last run's
 * timings where it has them), then the browser journeys spread evenly among the unit files, so
 * that journeys run beside unit files from the start instead of after them. A journey waits for
 * one of the run's browser slots (journey.ts) before it starts its server and browser.
 */
export default class InterleaveJourneys extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const journeys = sorted.filter((f) => f.project.name === "e2e");
    const units = sorted.filter((f) => f.project.name !== "e2e");
    if (journeys.length === 0 || units.length === 0) return sorted;
    const order: TestSpecification[] = [];
    // Two journeys first (one per browser slot), then one journey after every `step` units.
    const step = Math.max(1, Math.floor(units.length / Math.max(1, journeys.length - 1)));
    order.push(...journeys.splice(0, 2));
    while (units.length > 0 || journeys.length > 0) {
      order.push(...units.splice(0, step));
      order.push(...journeys.splice(0, 1));
    }
    return order;
  }
}
