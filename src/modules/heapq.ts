// heapq: https://docs.micropython.org/en/latest/library/heapq.html
//
// MicroPython's set (extmod/modheapq.c): heappush, heappop, heapify on exact lists, ordering
// items with `<` only. The sift loops follow CPython's heapq.py (as MicroPython's do), so the
// heap's layout after each operation matches both.

import { builtin, None } from "../runtime/object.ts";
import { typeError, newExc, IndexError } from "../runtime/exceptions.ts";
import { PyList, listType } from "../runtime/types/list.ts";
import { lt, isTrue } from "../runtime/ops.ts";

function heapOf(x: any): any[] {
  if (!(x instanceof PyList) || x.$cls !== listType) throw typeError("heap must be a list");
  return x.$a;
}

/** a < b as a JS boolean (fast for small ints and strings). */
function less(a: any, b: any): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  return isTrue(lt(a, b));
}

/** Moves the item at pos up towards start while it is smaller than its parent. */
function siftDown(h: any[], start: number, pos: number): void {
  const item = h[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = h[parentPos];
    if (!less(item, parent)) break;
    h[pos] = parent;
    pos = parentPos;
  }
  h[pos] = item;
}

/** Moves the smaller child up until a leaf is reached, then settles the item with siftDown. */
function siftUp(h: any[], pos: number): void {
  const start = pos;
  const end = h.length;
  const item = h[pos];
  for (let child = 2 * pos + 1; child < end; child = 2 * pos + 1) {
    // the right child when it is <= the left one
    if (child + 1 < end && !less(h[child], h[child + 1])) child++;
    h[pos] = h[child];
    pos = child;
  }
  h[pos] = item;
  siftDown(h, start, pos);
}

function heapq_heappush(heap: any, item: any) {
  const h = heapOf(heap);
  h.push(item);
  siftDown(h, 0, h.length - 1);
  return None;
}

function heapq_heappop(heap: any) {
  const h = heapOf(heap);
  if (h.length === 0) throw newExc(IndexError, "empty heap");
  const item = h[0];
  const last = h.pop();
  if (h.length > 0) {
    h[0] = last;
    siftUp(h, 0);
  }
  return item;
}

function heapq_heapify(heap: any) {
  const h = heapOf(heap);
  for (let i = h.length >> 1; i > 0; ) siftUp(h, --i);
  return None;
}

export function makeModule(): Record<string, any> {
  return {
    heappush: builtin("heappush", heapq_heappush),
    heappop: builtin("heappop", heapq_heappop),
    heapify: builtin("heapify", heapq_heapify),
  };
}
