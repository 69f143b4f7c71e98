// Runs an example project on a virtual clock up to a board time and collects its output and
// hardware events (shared by the example tests).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createBoard, type HwCommand, type HwEvent } from "../../src/board/index.ts";
import { workerPath, root } from "../board/helpers.ts";

export interface ExampleRun {
  output: string;
  events: HwEvent[];
  /** "GP15=1@500"-style lines of the pin trace. */
  pins: string[];
  query(part: string, what?: string): Promise<any>;
  stop(): Promise<void>;
}

export async function runExample(name: string, untilMs: number, stimuli: HwCommand[] = [], board = "pico"): Promise<ExampleRun> {
  const dir = join(root, "examples", name);
  const files: Record<string, Uint8Array> = {};
  let diagram: string | undefined;
  for (const f of readdirSync(dir)) {
    if (f === "diagram.json") diagram = readFileSync(join(dir, f), "utf8");
    else files["/" + f] = new Uint8Array(readFileSync(join(dir, f)));
  }
  const b = createBoard({ board, files, diagram, clock: "virtual", until: untilMs, stimuli, workerUrl: await workerPath() });
  await Promise.race([b.untilLimit(), new Promise((_, rej) => setTimeout(() => rej(new Error("limit not reached: " + b.takeOutput())), 20000))]);
  await new Promise((r) => setTimeout(r, 50));
  const events = b.events.slice();
  return {
    output: b.takeOutput(),
    events,
    pins: events.filter((e) => e.type === "pin").map((e) => `${e.pin}=${e.value}@${e.t}`),
    query: (part, what) => b.query(part, what),
    stop: () => b.stop(),
  };
}
