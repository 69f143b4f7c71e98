// Runs an example project on a virtual clock up to a board time and collects its output and
// hardware events (shared by the example tests).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { createBoard, type Board, type HwCommand, type HwEvent } from "../../src/board/index.ts";
import { workerPath, root } from "../board/helpers.ts";

/** This folder (Python test programs and their expected output). */
export const machineDir = join(root, "tests", "machine");

/** Serial output with the board's CRLF line ends as LF. */
export const lfLines = (s: string): string => s.replace(/\r\n/g, "\n");

/** Registers an afterEach that stops the boards a test started: `board = boards.add(await startBoard())`. */
export function boardsStoppedAfterEach(): { add(b: Board): Board } {
  const live: Board[] = [];
  afterEach(async () => {
    for (const b of live.splice(0)) await b.stop();
  });
  return { add: (b) => (live.push(b), b) };
}

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
