// machine: https://docs.micropython.org/en/latest/library/machine.html
//
// On a board (a HAL installed) the whole module: Pin, Signal, ADC, PWM, I2C, SoftI2C, SPI,
// SoftSPI, UART, Timer, RTC, WDT and the functions. Without one (the unix `upy`), what
// MicroPython's unix port has: mem8/mem16/mem32, PinBase, Signal, time_pulse_us, idle.

import { PyObject, defineBuiltinType, addMethods, builtin, None } from "../../runtime/object.ts";
import { typeError, valueError, newExc, SystemExit } from "../../runtime/exceptions.ts";
import { getBuffer } from "../../runtime/buffer.ts";
import { mkBytes } from "../../runtime/types/bytes.ts";
import { registerBuiltinModule } from "../../runtime/import.ts";
import { type Kw } from "../../runtime/call.ts";
import { getHal, setHal, HARD_RESET, DEEPSLEEP_RESET, type Hal } from "./hal.ts";
import { pinBaseType, signalType, timePulseUs, makePin, setSignalPinMaker, type PinApi } from "./pin.ts";
import { makeAdc, makePwm } from "./adc_pwm.ts";
import { makeI2c, makeSpi, makeUart } from "./buses.ts";
import { makeTimer, makeRtc, makeWdt, rtcEpochMs } from "./timer.ts";
import { rtcClock } from "../time.ts";
import { portConsts } from "./ports.ts";
import { int, isNone, irqState, disableIrq, enableIrq } from "./common.ts";
import { makeModule as neopixelModule } from "../neopixel.ts";
import { makeModule as dhtModule } from "../dht.ts";
import { makeModule as onewireModule, makeLowLevelModule as onewireLowModule } from "../onewire.ts";
import { makeModule as ds18x20Module } from "../ds18x20.ts";
import { makeModule as rp2Module } from "../rp2.ts";
import { makeModule as esp32Module } from "../esp32.ts";
import { makeModule as pybModule } from "../pyb.ts";

// ---------------------------------------------------------------- mem8 / mem16 / mem32

class PyMem extends PyObject {
  $width = 1;
}
const memType = defineBuiltinType("mem", PyMem.prototype);
/** Memory nobody else uses: a sparse map of words (reads of unset addresses give 0). */
const memory = new Map<number, number>();

function memAddr(self: PyMem, index: any): number {
  if (typeof index !== "number" && typeof index !== "bigint" && typeof index !== "boolean") throw typeError(`can't convert ${typeof index === "string" ? "str" : "object"} to int`);
  const a = Number(index) >>> 0;
  if (a % self.$width !== 0) throw valueError(`address ${a.toString(16).padStart(8, "0")} is not aligned to ${self.$width} bytes`);
  return a;
}

addMethods(memType, {
  __getitem__: builtin("__getitem__", (self: PyMem, index: any) => {
    if (typeof index === "object") throw typeError("");
    const a = memAddr(self, index);
    let v = 0;
    for (let i = self.$width - 1; i >= 0; i--) v = v * 256 + (memory.get(a + i) ?? 0);
    return v;
  }),
  __setitem__: builtin("__setitem__", (self: PyMem, index: any, value: any) => {
    if (typeof index === "object") throw typeError("");
    const a = memAddr(self, index);
    let v = int(value);
    for (let i = 0; i < self.$width; i++) {
      memory.set(a + i, v & 0xff);
      v = Math.floor(v / 256);
    }
    return None;
  }),
  __delitem__: builtin("__delitem__", () => {
    throw typeError("'mem' object doesn't support item deletion");
  }),
  __repr__: builtin("__repr__", (self: PyMem) => `<${self.$width * 8}-bit memory>`),
});

function mem(width: number): PyMem {
  const m = new PyMem();
  m.$width = width;
  return m;
}

// ---------------------------------------------------------------- the module

export function makeModule(): Record<string, any> {
  const hal = getHal();
  const m: Record<string, any> = {
    __name__: "machine",
    mem8: mem(1),
    mem16: mem(2),
    mem32: mem(4),
    PinBase: pinBaseType,
    Signal: signalType,
    time_pulse_us: builtin("time_pulse_us", timePulseUs),
    idle: builtin("idle", () => None),
  };
  if (hal === null) {
    setSignalPinMaker(null);
    return m;
  }
  return Object.assign(m, boardMembers(hal));
}

function boardMembers(hal: Hal): Record<string, any> {
  // A fresh machine module (power-on or soft reset): interrupts enabled, nothing held.
  irqState.disabled = false;
  irqState.held.length = 0;
  const pins: PinApi = makePin(hal);
  setSignalPinMaker((args: any[], kw: Kw) => pins.type.$new!(pins.type, args, kw));
  const { i2c, softI2c } = makeI2c(hal, pins);
  const { spi, softSpi } = makeSpi(hal, pins);
  const c = portConsts(hal.port);
  const m: Record<string, any> = {
    Pin: pins.type,
    ADC: makeAdc(hal, pins),
    PWM: makePwm(hal, pins),
    I2C: i2c,
    SoftI2C: softI2c,
    SPI: spi,
    SoftSPI: softSpi,
    UART: makeUart(hal, pins),
    Timer: makeTimer(hal),
    RTC: makeRtc(hal),
    WDT: makeWdt(hal),
    reset: builtin("reset", () => hal.reset(HARD_RESET)),
    soft_reset: builtin("soft_reset", () => {
      throw newExc(SystemExit);
    }),
    reset_cause: builtin("reset_cause", () => hal.resetCause()),
    freq: builtin("freq", (hz?: any) => {
      if (hz === undefined) return hal.cpuFreq;
      const f = int(hz);
      if (hal.port === "esp32" && ![20, 40, 80, 160, 240].includes(f / 1e6))
        throw valueError("frequency must be 20MHz, 40MHz, 80Mhz, 160MHz or 240MHz");
      if (hal.port === "rp2" && (f < 10_000_000 || f > 300_000_000)) throw valueError("cannot change frequency");
      hal.cpuFreq = f;
      return None;
    }),
    unique_id: builtin("unique_id", () => mkBytes(hal.uniqueId())),
    idle: builtin("idle", () => (hal.waitUntil(() => false, 1000), None)),
    lightsleep: builtin("lightsleep", (ms?: any) => (hal.sleepMs(isNone(ms) ? 0 : int(ms)), None)),
    deepsleep: builtin("deepsleep", (ms?: any) => {
      if (!isNone(ms)) hal.sleepMs(int(ms));
      return hal.reset(DEEPSLEEP_RESET);
    }),
    disable_irq: builtin("disable_irq", () => disableIrq()),
    enable_irq: builtin("enable_irq", (state: any) => {
      if (state === undefined) throw typeError("function takes 1 positional arguments but 0 were given");
      enableIrq(int(state));
      return None;
    }),
    bitstream: builtin("bitstream", (pin: any, encoding: any, _timing: any, buf: any) => {
      if (int(encoding) !== 0) throw valueError("invalid encoding");
      hal.bitstream(pins.id(pin), getBuffer(buf).bytes.slice());
      return None;
    }),
    IDLE: 1, SLEEP: 2, DEEPSLEEP: 4,
  };
  Object.assign(m, c.resets);
  if (hal.port !== "rp2") Object.assign(m, { HARD_RESET: 2, DEEPSLEEP_RESET: 4, SOFT_RESET: 5 });
  return m;
}

/**
 * Installs a board's hardware and registers the board-only modules (machine in full, and
 * neopixel, dht, onewire and the port's own module). Called by the board runtime at boot.
 */
export function registerBoardModules(hal: Hal): void {
  setHal(hal);
  // time.time()/localtime() read the board's RTC.
  rtcClock.epochMs = () => rtcEpochMs(hal);
  registerBuiltinModule("machine", makeModule);
  registerBuiltinModule("neopixel", neopixelModule);
  registerBuiltinModule("dht", dhtModule);
  registerBuiltinModule("onewire", onewireModule);
  registerBuiltinModule("_onewire", onewireLowModule);
  registerBuiltinModule("ds18x20", ds18x20Module);
  if (hal.port === "rp2") registerBuiltinModule("rp2", rp2Module);
  if (hal.port === "esp32") registerBuiltinModule("esp32", esp32Module);
  if (hal.port === "stm32") registerBuiltinModule("pyb", pybModule);
}
