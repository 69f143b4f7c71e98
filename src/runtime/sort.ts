// Sorting for list.sort and sorted(): a stable merge sort that compares with Python's `<`
// (ops.lt), so user __lt__ methods run and their exceptions propagate. The list is only
// written once the sort has succeeded.
//
// reverse=True keeps equal items in their original order, as CPython does: reverse, sort
// stably, reverse again.

import { None } from "./object.ts";
import { lt, isTrue } from "./ops.ts";
import { call } from "./call.ts";

/** Sorts the JS array `a` in place by Python's `<`, with optional key function and reverse flag. */
export function sortArray(a: any[], key: any, reverse: any): void {
  const rev = reverse === true || (reverse !== false && isTrue(reverse));
  if (a.length < 2) return;
  if (key === None || key === undefined) {
    if (sortPrimitives(a, rev)) return;
    const out = mergeSort(rev ? a.slice().reverse() : a.slice(), less);
    if (rev) out.reverse();
    for (let i = 0; i < out.length; i++) a[i] = out[i];
    return;
  }
  const n = a.length;
  const keys = new Array(n);
  for (let i = 0; i < n; i++) keys[i] = callKey(key, a[i]);
  const vals = rev ? a.slice().reverse() : a.slice();
  if (rev) keys.reverse();
  const idx = new Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const order = mergeSort(idx, (i: number, j: number) => less(keys[i], keys[j]));
  for (let i = 0; i < n; i++) a[i] = vals[order[i]];
  if (rev) a.reverse();
}

function callKey(key: any, x: any): any {
  return typeof key === "function" && key.$n >= 1 ? key(x) : call(key, [x], null);
}

function less(x: any, y: any): boolean {
  const r = lt(x, y);
  return r === true || (r !== false && isTrue(r));
}

/**
 * Fast path: all small ints, or all strings (their `<` is JS's, and equal items are
 * indistinguishable, so the native sort's order for ties does not matter). False otherwise.
 */
function sortPrimitives(a: any[], rev: boolean): boolean {
  const t = typeof a[0];
  if (t !== "number" && t !== "string") return false;
  for (let i = 1; i < a.length; i++) if (typeof a[i] !== t) return false;
  if (t === "number") a.sort(rev ? (x, y) => y - x : (x, y) => x - y);
  else a.sort(rev ? (x, y) => (x < y ? 1 : x > y ? -1 : 0) : (x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return true;
}

const RUN = 16;

/** Stable bottom-up merge sort of `items` (a fresh array it may reuse) by `lessFn`. */
function mergeSort(items: any[], lessFn: (x: any, y: any) => boolean): any[] {
  const n = items.length;
  for (let lo = 0; lo < n; lo += RUN) insertionSort(items, lo, Math.min(lo + RUN, n), lessFn);
  let src = items;
  let dst = new Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      merge(src, dst, lo, mid, hi, lessFn);
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function insertionSort(a: any[], lo: number, hi: number, lessFn: (x: any, y: any) => boolean): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && lessFn(x, a[j])) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function merge(src: any[], dst: any[], lo: number, mid: number, hi: number, lessFn: (x: any, y: any) => boolean): void {
  let i = lo;
  let j = mid;
  let k = lo;
  // Already in order: copy (common for nearly sorted input).
  if (mid < hi && mid > lo && !lessFn(src[mid], src[mid - 1])) {
    for (; k < hi; k++) dst[k] = src[k];
    return;
  }
  while (i < mid && j < hi) dst[k++] = lessFn(src[j], src[i]) ? src[j++] : src[i++];
  while (i < mid) dst[k++] = src[i++];
  while (j < hi) dst[k++] = src[j++];
}
