// Shared by the board tests: builds the worker from the current sources once per test run (so
// tests never use a stale dist/), and starts boards that have reached their first prompt.
import { build } from "esbuild";
import { expect } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createBoard, type Board, type BoardOptions } from "../../src/board/index.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
let built: Promise<string> | null = null;

export function workerPath(): Promise<string> {
  built ??= (async () => {
    const out = join(mkdtempSync(join(tmpdir(), "upy-board-")), "board_worker.js");
    await build({
      entryPoints: [join(root, "src/board/worker.ts")],
      outfile: out, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning",
    });
    return out;
  })();
  return built;
}

export const BANNER = "MicroPython v1.27.0 on 2026-11-29; Raspberry Pi Pico with RP2040\r\n" +
  'Type "help()" for more information.\r\n';

/** A board whose power-on output (up to the first prompt) has been read. */
export async function startBoard(opts: BoardOptions = {}, prompt = ">>> "): Promise<Board> {
  const b = createBoard({ ...opts, workerUrl: await workerPath() });
  await b.expect(prompt);
  return b;
}

/** Sends bytes and returns exactly what the board answers up to (and including) `until`. */
export async function send(b: Board, bytes: string, until: string | RegExp, timeoutMs = 10000): Promise<string> {
  b.write(latin1(bytes));
  return b.expect(until, timeoutMs);
}

/**
 * Sends bytes and returns everything the board answers once at least as many bytes as
 * `expected` arrived and the link went quiet, so a transcript check also sees extra bytes.
 */
export async function exchange(b: Board, bytes: string, expected: string, timeoutMs = 10000): Promise<string> {
  b.write(latin1(bytes));
  let got = await b.expect(new RegExp(`^[^]{${expected.length},}$`), timeoutMs);
  for (;;) {
    await sleep(40);
    const more = b.takeOutput();
    if (more === "") return got;
    got += more;
  }
}

/** One line of a transcript: these bytes sent give exactly those bytes back. */
export async function step(b: Board, bytes: string, expected: string, timeoutMs = 10000): Promise<void> {
  expect(await exchange(b, bytes, expected, timeoutMs)).toBe(expected);
}

/** From the friendly prompt into the raw REPL. */
export async function enterRaw(b: Board): Promise<void> {
  await step(b, "\r\x01", "\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>");
}

/** A JS string of byte values (as the transcripts are written) → bytes. */
export function latin1(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export { root };
