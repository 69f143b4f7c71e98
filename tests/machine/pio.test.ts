// rp2 PIO on a virtual board: the assembler against MicroPython's encodings (pio_asm.py, whose
// expected output is MicroPython's rp2.py assembler's), state machines, FIFOs, IRQs and errors
// (pio_sm.py), and MicroPython's WS2812 example driving a NeoPixel ring through the PIO.
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startBoard } from "../board/helpers.ts";
import { boardsStoppedAfterEach, machineDir as here, lfLines as lines } from "./run_example.ts";
import type { Board } from "../../src/board/index.ts";

const boards = boardsStoppedAfterEach();
let board: Board | null = null;

async function runFile(name: string, opts: Record<string, unknown> = {}): Promise<string> {
  board = boards.add(await startBoard({ clock: "virtual", ...opts }));
  const r = await board.exec(readFileSync(join(here, name), "utf8"));
  expect(r.error).toBe("");
  return lines(r.stdout);
}

describe("rp2 PIO", () => {
  it("assembles programs to MicroPython's words", async () => {
    expect(await runFile("pio_asm.py")).toBe(readFileSync(join(here, "pio_asm.py.exp"), "utf8"));
  });

  it("runs state machines: FIFOs, exec, IRQs, instruction memory, errors", async () => {
    expect(await runFile("pio_sm.py")).toBe(readFileSync(join(here, "pio_sm.py.exp"), "utf8"));
  });

  it("drives a NeoPixel ring with MicroPython's pio_ws2812.py example", async () => {
    const diagram = {
      parts: [{ type: "wokwi-pi-pico", id: "pico" }, { type: "wokwi-led-ring", id: "ring1", attrs: { pixels: "8" } }],
      connections: [["ring1:DIN", "pico:GP22", "", []]],
    };
    await runFile("pio_ws2812.py", { diagram });
    const events = board!.events.filter((e) => e.type === "part" && e.part === "ring1" && e.prop === "pixels");
    // 4 * 8 colour steps, then 24 fading steps, one frame each.
    expect(events.length).toBe(56);
    // The example puts r << 16 | b: on the wire (GRB) its "r" lands in the green byte.
    expect(events[0].value).toEqual([[0, 0, 100], [0, 1, 10], [0, 3, 9], [0, 5, 7], [0, 7, 5], [0, 8, 3], [0, 10, 1], [0, 12, 0]]);
    expect(events[1].value).toEqual([[0, 0, 12], [0, 14, 86], [0, 3, 9], [0, 5, 7], [0, 7, 5], [0, 8, 3], [0, 10, 1], [0, 12, 0]]);
    expect(events[55].value).toEqual(new Array(8).fill([0, 0, 0]));
    // Frames 50 ms apart, each latched 50 µs after its last bit.
    expect(Math.round((events[1].t - events[0].t) * 10) / 10).toBe(50.1);
    const st = await board!.query("ring1", "state");
    expect(st.pixels).toEqual(events[55].value);
  });
});
