// machine.PWM on rp2, modelled on the RP2040's PWM block as ports/rp2/machine_pwm.c drives it:
// 8 slices of two channels (GPIO n is slice (n >> 1) & 7, channel n & 1; PWM(Pin(0)) and
// PWM(Pin(16)) are the same object). A slice has a clock divider (div16: 8.4 fixed point) and a
// wrap value TOP; freq = sys_clk * 16 / div16 / (TOP + 1), a channel's duty is CC / (TOP + 1).
// So freq() and duty_u16()/duty_ns() read back what the hardware really does, quantised, and a
// slice's two channels share one frequency. A slice starts once it has a frequency and a duty.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../../runtime/object.ts";
import { typeError, valueError } from "../../runtime/exceptions.ts";
import type { Kw } from "../../runtime/call.ts";
import type { PinApi } from "./pin.ts";
import type { Hal } from "./hal.ts";
import { kwMethod, parseArgs, int, isNone, bool, type Param } from "./common.ts";

const TOP_MAX = 65534;
const NOT_SET = 0;
const U16 = 1;
const NS = 2;

interface Slice {
  div16: number;
  top: number;
  freqSet: boolean;
  enabled: boolean;
}

class PyPwmRp2 extends PyObject {
  $slice = 0;
  $channel = 0;
  $cc = 0;
  $duty = 0;
  $dutyType = NOT_SET;
  $invert = false;
  $pins = new Set<number>();
}

const PARAMS: Param[] = [["freq", None], ["duty_u16", None, true], ["duty_ns", None, true], ["invert", None, true]];

export function makePwmRp2(hal: Hal, pins: PinApi): PyType {
  const t = defineBuiltinType("PWM", PyPwmRp2.prototype);
  // The hardware's reset state: divider 1.0, TOP 0xffff, disabled.
  const slices: Slice[] = Array.from({ length: 8 }, () => ({ div16: 16, top: 0xffff, freqSet: false, enabled: false }));
  const chans: PyPwmRp2[] = Array.from({ length: 16 }, (_, i) => Object.assign(new PyPwmRp2(), { $slice: i >> 1, $channel: i & 1 }));
  let deferStart = false;

  const sliceHz = (offset: number, div16: number) => Math.floor((16 * hal.cpuFreq + offset) / div16);
  const sliceHzRound = (div16: number) => sliceHz(Math.floor(div16 / 2), div16);
  const sliceHzCeil = (div16: number) => sliceHz(div16 - 1, div16);

  /** Tells the HAL what every pin of a slice outputs. */
  const output = (s: number) => {
    const sl = slices[s];
    const freq = sliceHzRound(sl.div16 * (sl.top + 1));
    for (const ch of [chans[2 * s], chans[2 * s + 1]]) {
      for (const pin of ch.$pins) {
        if (!sl.enabled) hal.pwm(pin, null);
        else {
          const d = Math.min(1, ch.$cc / (sl.top + 1));
          hal.pwm(pin, { freq, duty: ch.$invert ? 1 - d : d });
        }
      }
    }
  };

  const start = (self: PyPwmRp2) => {
    const sl = slices[self.$slice];
    if (deferStart || !sl.freqSet || self.$dutyType === NOT_SET) return;
    sl.enabled = true;
    output(self.$slice);
  };

  const setDutyU16 = (self: PyPwmRp2, d: number) => {
    const top = slices[self.$slice].top;
    const v = Math.max(0, Math.min(65535, d));
    self.$cc = Math.floor((v * (top + 1) + 32767) / 65535);
    self.$duty = v;
    self.$dutyType = U16;
    start(self);
  };

  const setDutyNs = (self: PyPwmRp2, ns: number) => {
    const sl = slices[self.$slice];
    const hz = sliceHzRound(sl.div16);
    self.$cc = Math.min(sl.top + 1, Math.floor((Math.max(0, ns) * hz + 5e8) / 1e9));
    self.$duty = ns;
    self.$dutyType = NS;
    start(self);
  };

  const reapply = (ch: PyPwmRp2) => {
    if (ch.$dutyType === U16) setDutyU16(ch, ch.$duty);
    else if (ch.$dutyType === NS) setDutyNs(ch, ch.$duty);
  };

  const setFreq = (self: PyPwmRp2, f: number) => {
    // A zero or negative frequency divides by zero on the board; refuse it as too small.
    if (f <= 0) throw valueError("freq too small");
    const src = hal.cpuFreq;
    let div16: number;
    let top: number;
    const n = Math.floor((src + Math.floor(f / 2)) / f);
    if (n < TOP_MAX) {
      div16 = 16;
      top = n - 1;
    } else {
      div16 = sliceHzCeil(TOP_MAX * f);
      top = sliceHzRound(div16 * f) - 1;
    }
    if (div16 < 16) throw valueError("freq too large");
    if (div16 >= 256 * 16) throw valueError("freq too small");
    const sl = slices[self.$slice];
    sl.div16 = div16;
    sl.top = (top >>> 0) & 0xffff;
    sl.freqSet = true;
    reapply(self);
    reapply(chans[self.$slice * 2 + (self.$channel ^ 1)]);
    if (sl.enabled) output(self.$slice);
  };

  const init = (self: PyPwmRp2, a: any[]) => {
    deferStart = true;
    try {
      if (!isNone(a[0])) setFreq(self, int(a[0]));
      if (!isNone(a[1])) setDutyU16(self, int(a[1]));
      if (!isNone(a[2])) setDutyNs(self, int(a[2]));
      if (!isNone(a[3])) self.$invert = bool(a[3]);
    } finally {
      deferStart = false;
    }
    start(self);
  };

  t.$new = (_cls: PyType, args: any[], kw: Kw) => {
    if (args.length === 0) throw typeError("function missing 1 required positional arguments");
    const gpio = pins.id(args[0]);
    const self = chans[((gpio >> 1) & 7) * 2 + (gpio & 1)];
    self.$invert = false;
    self.$dutyType = NOT_SET;
    init(self, parseArgs(args, kw, PARAMS, 1));
    self.$pins.add(gpio);
    // gpio_set_function(PWM): the pin follows the slice (if it runs).
    if (slices[self.$slice].enabled) output(self.$slice);
    return self;
  };

  const active = (self: PyPwmRp2) => self.$dutyType !== NOT_SET && slices[self.$slice].freqSet;

  addMethods(t, {
    init: kwMethod("init", PARAMS, (self, a) => (init(self, a), None)),
    deinit: builtin("deinit", (self: PyPwmRp2) => {
      slices[self.$slice].enabled = false;
      output(self.$slice);
      return None;
    }),
    freq: builtin("freq", (self: PyPwmRp2, f?: any) => {
      if (f === undefined) {
        const sl = slices[self.$slice];
        return sl.freqSet ? sliceHzRound(sl.div16 * (sl.top + 1)) : 0;
      }
      setFreq(self, int(f));
      return None;
    }),
    duty_u16: builtin("duty_u16", (self: PyPwmRp2, d?: any) => {
      if (d === undefined) {
        if (!active(self)) return 0;
        const top = slices[self.$slice].top;
        return Math.floor((self.$cc * 65535 + Math.floor((top + 1) / 2)) / (top + 1));
      }
      setDutyU16(self, int(d));
      return None;
    }),
    duty_ns: builtin("duty_ns", (self: PyPwmRp2, d?: any) => {
      if (d === undefined) {
        if (!active(self)) return 0;
        const hz = sliceHzRound(slices[self.$slice].div16);
        return Math.floor((self.$cc * 1e9 + Math.floor(hz / 2)) / hz);
      }
      setDutyNs(self, int(d));
      return None;
    }),
    __repr__: builtin("__repr__", (self: PyPwmRp2) => `<PWM slice=${self.$slice} channel=${self.$channel} invert=${self.$invert ? 1 : 0}>`),
  });
  return t;
}
