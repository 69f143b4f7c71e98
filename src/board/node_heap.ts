// Node only: whether this isolate's JS heap is near its limit (runtime/memguard.ts asks through
// Host.heapPressure). Used by the board's worker and by the CLI's host.
import { getHeapStatistics } from "node:v8";

/** Heap in use, memory outside it (ArrayBuffers) and `extraBytes` more against 60% of V8's limit. */
export function nodeHeapPressure(extraBytes: number): boolean {
  const s = getHeapStatistics();
  return s.used_heap_size + s.external_memory + extraBytes > s.heap_size_limit * 0.6;
}
