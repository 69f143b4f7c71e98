// A guard against running the JS heap out. V8 ends the whole process when its heap is full (no
// exception reaches the program), so the places where a Python program can grow without bound -
// new lists, appends, new dict/set keys, new instances - count, and every 65536th time the host
// is asked whether the heap is near its limit; then MemoryError is raised, as MicroPython's heap
// would. The count is cheap; the question (v8.getHeapStatistics in Node) is asked rarely.
import { host } from "./host.ts";
import { memoryError } from "./exceptions.ts";

/** The growth count (growthTick). */
let ticks = 0;

/** The longest list or tuple we build: V8 aborts (a fatal error, not an exception) past about
 *  2**27 elements, so longer sequences raise MemoryError first (MicroPython's heap runs out far
 *  sooner). */
export const MAX_ITEMS = 100_000_000;

/**
 * Raises MemoryError when `len` (an array being filled) has reached MAX_ITEMS, or when the host
 * reports heap pressure counting `extra` bytes more: what the next growth of a big array or
 * table may need at once (its new backing store is allocated while the old one still lives).
 */
export function growthCheck(len = 0, extra = len * 8): void {
  if (len >= MAX_ITEMS || (host.heapPressure !== undefined && host.heapPressure(extra))) throw memoryError();
}

/** Before a big buffer (64 KB or more) is allocated: bytes live outside the JS heap, and a
 *  program keeping many of them is not counted often enough by the item counts. */
export function bigAlloc(bytes: number): void {
  if (bytes >= 0x10000) growthCheck(0, bytes);
}

/** Counts one growth step (places that are not hot). */
export function growthTick(): void {
  if ((++ticks & 0xffff) === 0) growthCheck();
}
