import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf } from "../runtime/object.ts";
import { callType } from "../runtime/call.ts";
import { callMethod } from "../runtime/attr.ts";
import { mkByteArray } from "../runtime/types/bytes.ts";
import { makeModule } from "./framebuf.ts";
import { pyErrorType } from "../testing.ts";

const fbm = makeModule();

describe("framebuf", () => {
  it("draws into the buffer it wraps", () => {
    const buf = mkByteArray(new Uint8Array(8));
    const fb = callType(fbm.FrameBuffer, [buf, 8, 8, fbm.MONO_VLSB], null);
    callMethod(fb, "pixel", [0, 7, 1], null);
    callMethod(fb, "hline", [0, 0, 8, 1], null);
    expect(Array.from(buf.$b)).toEqual([0x81, 1, 1, 1, 1, 1, 1, 1]);
    expect(callMethod(fb, "pixel", [0, 7], null)).toBe(1);
    expect(callMethod(fb, "pixel", [1, 7], null)).toBe(0);
  });
  it("renders text with the built-in font", () => {
    const buf = mkByteArray(new Uint8Array(8));
    const fb = callType(fbm.FrameBuffer, [buf, 8, 8, fbm.MONO_VLSB], null);
    callMethod(fb, "text", ["!", 0, 0], null);
    expect(Array.from(buf.$b)).toEqual([0, 0, 0, 0x4f, 0x4f, 0, 0, 0]);
  });
  it("validates its arguments", () => {
    const buf = mkByteArray(new Uint8Array(8));
    expect(pyErrorType(() => callType(fbm.FrameBuffer, [buf, 8, 8, 99], null))).toBe("ValueError");
    expect(pyErrorType(() => callType(fbm.FrameBuffer, [buf, 8, 9, fbm.MONO_VLSB], null))).toBe("ValueError");
    expect(pyErrorType(() => callType(fbm.FrameBuffer, [buf, 0, 8, fbm.MONO_VLSB], null))).toBe("ValueError");
  });
});
