import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { makeModule as makeGc } from "./gc.ts";

describe("gc", () => {
  const gc = makeGc();
  it("switches on and off", () => {
    expect(gc.isenabled()).toBe(true);
    gc.disable();
    expect(gc.isenabled()).toBe(false);
    gc.enable();
    expect(gc.isenabled()).toBe(true);
  });
  it("reports a heap that adds up", () => {
    const used = gc.mem_alloc();
    const free = gc.mem_free();
    expect(Number.isInteger(used) && Number.isInteger(free)).toBe(true);
    expect(Math.abs(used + free - 2072832)).toBeLessThan(1 << 20);
  });
  it("threshold rounds to blocks", () => {
    gc.threshold(1);
    expect(gc.threshold()).toBe(0);
    gc.threshold(-1);
    expect(gc.threshold()).toBe(-1);
  });
});
