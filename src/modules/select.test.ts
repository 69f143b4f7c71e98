import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf, None } from "../runtime/object.ts";
import { callMethod } from "../runtime/attr.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { PyList, mkList } from "../runtime/types/list.ts";
import { setHost, host } from "../runtime/host.ts";
import { makeModule, PollSet, POLLIN, POLLOUT, POLLNVAL } from "./select.ts";
import { stdout, stdin } from "./sys.ts";
import { pyError } from "../testing.ts";

setHost({ ...host, sleepMs: () => {} });
const sel = makeModule();


/** An object polled through `$ioctl`, as asyncio.ThreadSafeFlag is. */
function pollable(ready: () => number): any {
  return { $ioctl: (req: number, arg: number) => (req === 3 ? ready() & arg : -1) };
}

const pairs = (l: PyList) => l.$a.map((t: PyTuple) => t.$a);

describe("select", () => {
  it("has MicroPython's constants", () => {
    expect([sel.POLLIN, sel.POLLOUT, sel.POLLERR, sel.POLLHUP]).toEqual([1, 4, 8, 16]);
  });
  it("polls descriptors and the console", () => {
    const p = sel.poll();
    callMethod(p, "register", [1], null);
    callMethod(p, "register", [stdout, POLLOUT], null);
    callMethod(p, "register", [stdin, POLLIN], null);
    callMethod(p, "register", [7], null);
    expect(pairs(callMethod(p, "poll", [0], null))).toEqual([[1, POLLOUT], [stdout, POLLOUT], [7, POLLNVAL]]);
    callMethod(p, "unregister", [7], null);
    callMethod(p, "modify", [1, POLLIN], null);
    expect(pairs(callMethod(p, "poll", [0], null))).toEqual([[stdout, POLLOUT]]);
    expect(pyError(() => callMethod(p, "modify", [9, POLLIN], null))).toBe("OSError: 2");
    expect(pyError(() => callMethod(p, "register", [-1], null))).toBe("ValueError: ");
  });
  it("asks objects without a descriptor through ioctl, and waits for them", () => {
    let calls = 0;
    const x = pollable(() => (++calls >= 3 ? POLLIN : 0));
    const s = new PollSet();
    s.add(x, POLLIN, false);
    expect(s.waitReady(-1)).toBe(1);
    expect(calls).toBe(3);
    const y = pollable(() => 0);
    const s2 = new PollSet();
    s2.add(y, POLLIN, false);
    expect(s2.waitReady(0)).toBe(0);
  });
  it("ipoll yields one reused tuple and supports one-shot", () => {
    const p = sel.poll();
    const x = pollable(() => POLLIN);
    callMethod(p, "register", [x, POLLIN], null);
    const it = callMethod(p, "ipoll", [0, 1], null);
    const t = it.$next();
    expect(t.$a).toEqual([x, POLLIN]);
    expect(typeof it.$next()).toBe("symbol");
    // one-shot cleared the event mask: nothing is reported now
    expect(pairs(callMethod(p, "poll", [0], null))).toEqual([]);
  });
  it("select() sorts objects into readable, writable and exceptional", () => {
    const x = pollable(() => POLLIN);
    const r = sel.select(mkList([x, stdout]), mkList([stdout]), mkList([]), 0);
    expect(r.$a.map((l: PyList) => l.$a)).toEqual([[x], [stdout], []]);
    void None;
  });
});
