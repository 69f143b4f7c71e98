// `upy board`: a virtual board on a serial transport.
//   upy board [--board pico|pico_w|esp32|pyboard] [--fs DIR] [--serial stdio|pty|tcp:PORT|rfc2217:PORT]
//             [--flash-size BYTES] [--clock wall|virtual] [PROJECT_DIR]
// PROJECT_DIR (e.g. examples/blink): its files are copied onto a fresh in-memory file system,
// so the board runs its main.py without changing the folder. --fs DIR keeps the board's files
// in DIR instead (created if missing; every write atomic).
import * as fs from "node:fs";
import * as nodePath from "node:path";
import * as net from "node:net";
import { createBoard, profiles, type Board, type BoardOptions } from "../board/index.ts";
import { parseDiagram, profileForDiagram, formatTrace, traceKind } from "../board/diagram.ts";
import type { Transport } from "./transports/types.ts";
import { StdioTransport } from "./transports/stdio.ts";
import { TcpTransport } from "./transports/tcp.ts";
import { PtyTransport } from "./transports/pty.ts";

const usage = `usage: upy board [--board ${Object.keys(profiles).join("|")}] [--fs DIR] [--serial stdio|pty|tcp:PORT|rfc2217:PORT]
                 [--flash-size BYTES] [--clock wall|virtual] [--diagram diagram.json]
                 [--trace gpio,pwm,parts,all] [--until BOARD_MS] [--uart N=tcp:[HOST:]PORT] [PROJECT_DIR]
`;

interface Args {
  opts: BoardOptions;
  serial: string;
  project: string | null;
  /** --diagram FILE (default: diagram.json in the project folder). */
  diagram: string | null;
  /** --trace gpio,pwm,parts,all: hardware events printed on stderr. */
  trace: Set<string>;
  /** --uart N=tcp:[HOST:]PORT: board UARTs served as raw TCP byte streams. */
  uarts: { id: number; host: string; port: number }[];
}

function parseSize(s: string): number {
  const m = /^(\d+)([kKmM]?)$/.exec(s);
  if (m === null) throw new Error(`bad size '${s}'`);
  return Number(m[1]) * (m[2] === "" ? 1 : /k/i.test(m[2]) ? 1024 : 1024 * 1024);
}

/** `N=tcp:PORT` or `N=tcp:HOST:PORT` (PORT 0: any free port). */
function parseUart(s: string): { id: number; host: string; port: number } {
  const m = /^(\d+)=tcp:(?:([^:]+):)?(\d+)$/.exec(s);
  if (m === null) throw new Error(`bad --uart '${s}' (N=tcp:PORT or N=tcp:HOST:PORT)`);
  return { id: Number(m[1]), host: m[2] ?? "127.0.0.1", port: Number(m[3]) };
}

/**
 * Serves board UART `id` as a raw TCP byte stream (one client at a time): what the client sends
 * reaches the board's RX at the UART's baud rate, what the board sends on TX goes to the client.
 */
async function serveUart(board: Board, u: { id: number; host: string; port: number }): Promise<net.Server> {
  const uart = board.uart(u.id);
  let client: net.Socket | null = null;
  uart.onData((data) => client?.write(data));
  const server = net.createServer((sock) => {
    if (client !== null) {
      sock.end();
      return;
    }
    client = sock;
    sock.on("data", (d) => void uart.write(new Uint8Array(d)).catch(() => sock.destroy()));
    sock.on("close", () => (client = null));
    sock.on("error", () => sock.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(u.port, u.host, () => resolve());
  });
  return server;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { opts: {}, serial: "stdio", project: null, diagram: null, trace: new Set(), uarts: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === "--board") a.opts.board = value();
    else if (flag === "--fs") a.opts.fs = { dir: nodePath.resolve(value()) };
    else if (flag === "--serial") a.serial = value();
    else if (flag === "--flash-size") a.opts.flashSize = parseSize(value());
    else if (flag === "--clock") a.opts.clock = value() === "virtual" ? "virtual" : "wall";
    else if (flag === "--diagram") a.diagram = value();
    else if (flag === "--trace") for (const k of value().split(",")) a.trace.add(k.trim());
    else if (flag === "--until") a.opts.until = Number(value());
    else if (flag === "--uart") a.uarts.push(parseUart(value()));
    else if (flag === "-h" || flag === "--help") throw new Error("");
    else if (!flag.startsWith("-") && a.project === null) a.project = flag;
    else throw new Error(`unknown option '${arg}'`);
  }
  return a;
}

/** The files of a project folder, by board path (hidden files and folders skipped). */
function projectFiles(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (host: string, board: string) => {
    for (const e of fs.readdirSync(host, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const h = nodePath.join(host, e.name);
      if (e.isDirectory()) walk(h, board + e.name + "/");
      else if (e.isFile()) files[board + e.name] = new Uint8Array(fs.readFileSync(h));
    }
  };
  walk(dir, "/");
  return files;
}

function makeTransport(spec: string): Transport {
  if (spec === "stdio") return new StdioTransport();
  if (spec === "pty") return new PtyTransport();
  const m = /^(tcp|rfc2217):(?:([^:]+):)?(\d+)$/.exec(spec);
  if (m !== null) return new TcpTransport(Number(m[3]), m[2] ?? "127.0.0.1", m[1] === "rfc2217");
  throw new Error(`unknown serial transport '${spec}' (stdio, pty, tcp:PORT or rfc2217:PORT)`);
}

export async function boardMain(argv: string[]): Promise<number> {
  let args: Args;
  let transport: Transport;
  try {
    args = parseArgs(argv);
    transport = makeTransport(args.serial);
    if (args.opts.board !== undefined && profiles[args.opts.board] === undefined) throw new Error(`unknown board '${args.opts.board}'`);
    if (args.project !== null) {
      if (!fs.statSync(args.project, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`no such project folder '${args.project}'`);
      if (args.opts.fs === undefined) args.opts.files = projectFiles(args.project);
      const beside = nodePath.join(args.project, "diagram.json");
      if (args.diagram === null && fs.existsSync(beside)) args.diagram = beside;
    }
    if (args.diagram !== null) {
      const text = fs.readFileSync(args.diagram, "utf8");
      const d = parseDiagram(text);
      args.opts.diagram = text;
      args.opts.board ??= profileForDiagram(d) ?? undefined;
    }
  } catch (e) {
    const msg = (e as Error).message;
    process.stderr.write((msg === "" ? "" : `upy board: ${msg}\n`) + usage);
    return msg === "" ? 0 : 2;
  }
  const board = createBoard(args.opts);
  if (args.trace.size > 0) {
    const all = args.trace.has("all");
    board.onEvent((e) => {
      if (all || args.trace.has(traceKind(e.type))) process.stderr.write(formatTrace(e));
    });
  }
  try {
    await transport.start(board);
  } catch (e) {
    process.stderr.write(`upy board: ${(e as Error).message}\n`);
    await board.stop();
    return 1;
  }
  if (transport instanceof TcpTransport) {
    const scheme = transport.rfc2217 ? "rfc2217" : "socket";
    process.stderr.write(`board ${board.profile.id} on ${scheme}://localhost:${transport.port}\n`);
  }
  if (transport instanceof PtyTransport) process.stderr.write(`board ${board.profile.id} on ${transport.path}\n`);
  const servers: net.Server[] = [];
  for (const u of args.uarts) {
    try {
      const s = await serveUart(board, u);
      servers.push(s);
      process.stderr.write(`uart${u.id} on socket://localhost:${(s.address() as net.AddressInfo).port}\n`);
    } catch (e) {
      process.stderr.write(`upy board: uart${u.id}: ${(e as Error).message}\n`);
    }
  }
  const stop = () => transport.close();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // --until: once the virtual clock gets there the session is over (a scripted run ends).
  const limit = args.opts.until !== undefined ? board.untilLimit() : new Promise<void>(() => {});
  await Promise.race([transport.done, board.exited, limit]);
  for (const s of servers) s.close();
  transport.close();
  await board.stop();
  return 0;
}
