// gc: https://docs.micropython.org/en/latest/library/gc.html
//
// JavaScript collects garbage by itself; this module reports a MicroPython-like heap: a fixed
// size (the unix port's 2 MB heap, minus its block table) of which "allocated" is the growth of
// the host's JS heap since start-up (host.memUsed), clamped into the heap. The numbers move the
// way programs expect (allocating makes mem_free() smaller) without being exact.

import { builtin, None } from "../runtime/object.ts";
import { host } from "../runtime/host.ts";
import { toIndex } from "../runtime/ops.ts";
import { runDeadCallbacks } from "./weakref.ts";

/** The unix port's GC heap as gc_info reports it (2 MB less the allocation table). */
const DEFAULT_HEAP = 2072832;
/** What MicroPython's heap holds right after start-up (used bytes at the first prompt). */
const BASE_USED = 1280;

let baseline = -1;
let enabled = true;
let threshold = -1;

export function heapTotal(): number {
  const n = host.heapSize;
  return typeof n === "number" && n > 0 ? n : DEFAULT_HEAP;
}

/** Bytes of JS heap in use now, per the host (0 when it cannot tell). */
function jsUsed(): number {
  const f = host.memUsed;
  return f === undefined ? 0 : f();
}

/** Allocated bytes of the (pretend) heap: never below BASE_USED, never above the heap. */
export function heapUsed(): number {
  const now = jsUsed();
  if (baseline < 0) baseline = now;
  const used = BASE_USED + (now - baseline);
  const total = heapTotal();
  if (used < BASE_USED) return BASE_USED;
  return used > total - 64 ? total - 64 : Math.floor(used);
}

/** Call once early (module load) so growth is measured from start-up. */
export function markHeapBaseline(): void {
  if (baseline < 0) baseline = jsUsed();
}

/** Run by collect(): finalisers of objects modules keep track of (e.g. VfsFat files left open). */
export const collectHooks: (() => void)[] = [];

/** collect(): the unix port returns how many GC blocks (32 bytes) the collection freed. */
function gc_collect(): number {
  const before = jsUsed();
  host.collect?.();
  runDeadCallbacks();
  for (const f of collectHooks) f();
  const freed = before - jsUsed();
  return freed > 0 ? Math.floor(freed / 32) : 0;
}

function gc_mem_free(): number {
  return heapTotal() - heapUsed();
}

function gc_threshold(n?: any) {
  if (n === undefined) return threshold;
  const v = toIndex(n);
  threshold = v < 0 ? -1 : v - (v % 32); // whole GC blocks (32 bytes on 64-bit)
  return None;
}

export function makeModule(): Record<string, any> {
  markHeapBaseline();
  return {
    collect: builtin("collect", gc_collect),
    disable: builtin("disable", () => {
      enabled = false;
      return None;
    }),
    enable: builtin("enable", () => {
      enabled = true;
      return None;
    }),
    isenabled: builtin("isenabled", () => enabled),
    mem_free: builtin("mem_free", gc_mem_free),
    mem_alloc: builtin("mem_alloc", heapUsed),
    threshold: builtin("threshold", gc_threshold),
  };
}
