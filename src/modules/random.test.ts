import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf } from "../runtime/object.ts";
import { call } from "../runtime/call.ts";
import { mkList } from "../runtime/types/list.ts";
import { makeModule } from "./random.ts";
import { pyError } from "../testing.ts";

const r = makeModule();

// Reference values computed with MicroPython's Yasmarang C code (extmod/modrandom.c).
describe("random", () => {
  it("gives MicroPython's sequence for a seed", () => {
    r.seed(1);
    expect([1, 2, 3, 4, 5].map(() => r.getrandbits(32))).toEqual([2002244, 1862853106, 2677483614, 156226652, 3835757215]);
    r.seed(0);
    expect(r.getrandbits(16)).toBe(36076);
    r.seed(-5);
    expect(r.getrandbits(32)).toBe(2002452);
  });
  it("makes floats from two words", () => {
    r.seed(42);
    expect(r.random().$v).toBe(0.9105494794821407);
    expect(r.random().$v).toBe(0.5287931159787087);
  });
  it("draws below a limit without bias", () => {
    r.seed(7);
    expect([1, 2, 3, 4, 5].map(() => r.randrange(6))).toEqual([4, 5, 0, 4, 3]);
  });
  it("checks ranges", () => {
    expect(pyError(() => r.getrandbits(33))).toBe("ValueError: bits must be 32 or less");
    expect(pyError(() => r.getrandbits(-1))).toBe("ValueError: bits must be 32 or less");
    expect(r.getrandbits(0)).toBe(0);
    expect(pyError(() => r.randrange(0))).toBe("ValueError: ");
    expect(pyError(() => r.randrange(2, 1))).toBe("ValueError: ");
    expect(pyError(() => r.randrange(2, 1, 0))).toBe("ValueError: ");
    expect(pyError(() => r.randrange(2, 1, 1))).toBe("ValueError: ");
    expect(pyError(() => r.randint(2, 1))).toBe("ValueError: ");
    expect(pyError(() => r.choice(mkList([])))).toBe("IndexError: ");
  });
  it("stays in range", () => {
    for (let i = 0; i < 200; i++) {
      expect([1, 3, 5, 7]).toContain(r.randrange(1, 9, 2));
      expect([1, 2]).toContain(r.randrange(2, 1, -1));
      const v = r.randint(-2, 2);
      expect(v >= -2 && v <= 2).toBe(true);
      const u = call(r.uniform, [2, 6], null).$v;
      expect(u >= 2 && u <= 6).toBe(true);
      expect(["a", "b", "c"]).toContain(r.choice("abc"));
    }
  });
});
