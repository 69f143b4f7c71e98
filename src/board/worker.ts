// Node.js only: the entry point of a board's worker thread (bundled as dist/board_worker.js).
// It builds the board from workerData (profile, file system, shared memory), then runs the
// port's main loop forever. Host requests (file access) arrive on a MessagePort and are taken
// synchronously with receiveMessageOnPort whenever the board checks its interrupt flag.

import { parentPort, workerData, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { nodeHeapPressure } from "./node_heap.ts";
import { SharedState, type BoardRequest, type BoardMessage } from "./shared.ts";
import { BoardRuntime } from "./runtime.ts";
import { Repl } from "./repl.ts";
import { Vfs, MemoryBackend, type VfsBackend } from "./vfs.ts";
import { FolderBackend } from "./vfs_folder.ts";
import { findProfile } from "./profiles.ts";
import { HostError } from "../runtime/host.ts";
import { parseDiagram } from "./diagram.ts";
import type { HwCommand } from "./circuit.ts";

export interface WorkerConfig {
  sab: SharedArrayBuffer;
  board: string;
  fs: { kind: "memory"; files?: Record<string, Uint8Array | string> } | { kind: "folder"; dir: string };
  flashSize?: number;
  clock: "wall" | "virtual";
  requests: MessagePort;
  /** The circuit: diagram.json (text or object), a board-time limit in ms, scripted commands. */
  hw?: { diagram?: string | object | null; limitMs?: number; commands?: HwCommand[] };
}

function post(m: BoardMessage): void {
  parentPort!.postMessage(m);
}

function seedFiles(vfs: Vfs, files: Record<string, Uint8Array | string>): void {
  const enc = new TextEncoder();
  for (const [path, data] of Object.entries(files)) {
    const p = vfs.resolve(path);
    const parts = p.split("/").filter((x) => x !== "");
    let dir = "";
    for (const d of parts.slice(0, -1)) {
      dir += "/" + d;
      if (vfs.stat(dir) === null) vfs.mkdir(dir);
    }
    vfs.writeFile(p, typeof data === "string" ? enc.encode(data) : data, false);
  }
}

function serviceRequest(vfs: Vfs, req: BoardRequest): unknown {
  switch (req.op) {
    case "readFile": {
      const d = vfs.readFile(req.path);
      if (d === null) throw new HostError(2, "ENOENT");
      return d;
    }
    case "writeFile":
      return vfs.writeFile(req.path, req.data, false);
    case "listFiles":
      return vfs.listdir(req.path).map((name) => {
        const st = vfs.stat((req.path.endsWith("/") ? req.path : req.path + "/") + name);
        return { name, isDir: st?.isDir ?? false, size: st?.size ?? 0 };
      });
    case "remove":
      return vfs.remove(req.path);
    case "mkdir":
      return vfs.mkdir(req.path);
  }
}

function main(cfg: WorkerConfig): void {
  const profile = findProfile(cfg.board);
  if (profile === null) throw new Error(`unknown board '${cfg.board}'`);
  const backend: VfsBackend = cfg.fs.kind === "folder" ? new FolderBackend(cfg.fs.dir) : new MemoryBackend();
  const vfs = new Vfs(backend, cfg.flashSize ?? profile.flashSize);
  if (cfg.fs.kind === "memory" && cfg.fs.files) seedFiles(vfs, cfg.fs.files);
  const sh = new SharedState(cfg.sab);
  const serviceRequests = () => {
    for (let m = receiveMessageOnPort(cfg.requests); m !== undefined; m = receiveMessageOnPort(cfg.requests)) {
      const req = m.message as BoardRequest;
      try {
        const value = (req as { op: string }).op === "hw" ? rt.hwRequest(req as any) : serviceRequest(vfs, req);
        post({ type: "reply", id: req.id, ok: true, value });
      } catch (e) {
        const msg = e instanceof HostError ? `[Errno ${e.errno}] ${e.message}` : String(e);
        post({ type: "reply", id: req.id, ok: false, error: msg });
      }
    }
  };
  const hw = cfg.hw === undefined ? undefined : { ...cfg.hw, diagram: cfg.hw.diagram ? parseDiagram(cfg.hw.diagram) : null };
  // MemoryError before the worker's heap limit (board/index.ts resourceLimits) ends the board.
  const rt = new BoardRuntime(sh, vfs, { profile, clock: cfg.clock, serviceRequests, hw, heapPressure: nodeHeapPressure }, post);
  rt.install();
  const repl = new Repl(rt, (state) => post({ type: "state", state }));
  repl.run();
}

try {
  main(workerData as WorkerConfig);
} catch (e) {
  post({ type: "fatal", error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
