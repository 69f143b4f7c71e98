import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { makeModule as makeErrno, errnoName } from "./errno.ts";
import { setItem } from "../runtime/ops.ts";
import { callMethod } from "../runtime/attr.ts";

describe("errno", () => {
  const errno = makeErrno();
  it("has MicroPython's constants and names", () => {
    expect(errno.ENOENT).toBe(2);
    expect(errno.EIO).toBe(5);
    expect(errno.ETIMEDOUT).toBe(110);
    expect(errno.errorcode.$t.get(13).v).toBe("EACCES");
    expect(errnoName(17)).toBe("EEXIST");
    expect(errnoName(9999)).toBe(undefined);
  });
  it("errorcode is read-only", () => {
    const ec = errno.errorcode;
    expect(() => setItem(ec, 1, "x")).toThrow();
    expect(() => callMethod(ec, "popitem", [], null)).toThrow();
    expect(() => callMethod(ec, "clear", [], null)).toThrow();
    expect(ec.$t.size).toBe(22);
  });
});
