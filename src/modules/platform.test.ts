import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { call } from "../runtime/call.ts";
import { repr } from "../runtime/ops.ts";
import { makeModule } from "./platform.ts";

const p = makeModule();

describe("platform", () => {
  it("gives the unix port's shapes", () => {
    expect(call(p.platform, [], { terse: true })).toMatch(/^Linux-\d+\.\d+\.\d+-javascript--with-$/);
    expect(typeof p.python_compiler()).toBe("string");
    expect(repr(call(p.libc_ver, [], null))).toBe("('', '')");
  });
});
