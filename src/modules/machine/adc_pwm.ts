// machine.ADC and machine.PWM (rp2's PWM, modelled on its hardware, is in pwm_rp2.ts).
// https://docs.micropython.org/en/latest/library/machine.ADC.html, machine.PWM.html

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../../runtime/object.ts";
import { typeError, valueError, runtimeError } from "../../runtime/exceptions.ts";
import type { Kw } from "../../runtime/call.ts";
import type { PinApi } from "./pin.ts";
import type { Hal } from "./hal.ts";
import { makePwmRp2 } from "./pwm_rp2.ts";
import { kwMethod, parseArgs, int, isNone, bool, type Param } from "./common.ts";

// ---------------------------------------------------------------- ADC

class PyAdc extends PyObject {
  $pin = -1;
  $channel = 0;
  $atten = 0;
  $width = 12;
}

/** esp32 attenuation → full-scale voltage (µV). */
const ATTEN_FS = [1_100_000, 1_500_000, 2_200_000, 3_300_000];

export function makeAdc(hal: Hal, pins: PinApi): PyType {
  const t = defineBuiltinType("ADC", PyAdc.prototype);
  const adcChannels = new Map<number, number>();
  const channelPin = new Map<number, number>();
  // The board's ADC pins (profile data reached through the HAL's names).
  const rp2 = hal.port === "rp2";
  if (rp2) for (let i = 0; i < 4; i++) channelPin.set(i, 26 + i);

  const uv = (self: PyAdc): number => {
    if (rp2 && self.$channel === 4) return Math.round((0.706 - (hal.temperature() - 27) * 0.001721) * 1e6);
    return hal.analogRead(self.$pin);
  };
  const raw12 = (self: PyAdc) => Math.max(0, Math.min(4095, Math.round((uv(self) / 3_300_000) * 4095)));

  t.$new = (_cls: PyType, args: any[], kw: Kw) => {
    const a = parseArgs(args, kw, [["id"], ["atten", None, true]]);
    const o = new PyAdc();
    const id = a[0];
    if (rp2 && typeof id === "number" && !(id >= 26 && id <= 29)) {
      if (id < 0 || id > 4) throw valueError("invalid channel");
      o.$channel = id;
      o.$pin = channelPin.get(id) ?? -1;
    } else {
      const pin = pins.id(id);
      o.$pin = pin;
      if (rp2) {
        if (pin < 26 || pin > 29) throw valueError("Pin doesn't have ADC capabilities");
        o.$channel = pin - 26;
      } else if (hal.port === "esp32") {
        if (!((pin >= 32 && pin <= 39) || [0, 2, 4, 12, 13, 14, 15, 25, 26, 27].includes(pin))) throw valueError("invalid pin");
        o.$atten = isNone(a[1]) ? 0 : int(a[1]);
        if (o.$atten < 0 || o.$atten > 3) throw valueError("invalid attenuation");
      }
    }
    if (o.$pin >= 0) hal.pinConfigure(o.$pin, 4 /* Analog */, 0, null);
    void adcChannels;
    return o;
  };

  addMethods(t, {
    read_u16: builtin("read_u16", (self: PyAdc) => {
      if (hal.port === "esp32") {
        const v = Math.max(0, Math.min(1, uv(self) / ATTEN_FS[self.$atten]));
        return Math.round(v * 65535);
      }
      const r = raw12(self);
      return (r << 4) | (r >> 8);
    }),
    read_uv: builtin("read_uv", (self: PyAdc) => {
      if (hal.port === "esp32") return Math.min(uv(self), ATTEN_FS[self.$atten]);
      return Math.round((raw12(self) * 3_300_000) / 4095);
    }),
    __repr__: builtin("__repr__", (self: PyAdc) =>
      hal.port === "esp32" ? `ADC(Pin(${self.$pin}), atten=${self.$atten})` : `<ADC channel=${self.$channel}>`,
    ),
  });
  if (hal.port === "esp32") {
    addMethods(t, {
      read: builtin("read", (self: PyAdc) => {
        const v = Math.max(0, Math.min(1, uv(self) / ATTEN_FS[self.$atten]));
        return Math.round(v * ((1 << self.$width) - 1));
      }),
      atten: builtin("atten", (self: PyAdc, a: any) => {
        const v = int(a);
        if (v < 0 || v > 3) throw valueError("invalid attenuation");
        self.$atten = v;
        return None;
      }),
      width: builtin("width", (self: PyAdc, w: any) => {
        const v = int(w);
        if (v < 0 || v > 3) throw valueError("invalid bit-width");
        self.$width = 9 + v;
        return None;
      }),
    });
    Object.assign(t.$proto, { ATTN_0DB: 0, ATTN_2_5DB: 1, ATTN_6DB: 2, ATTN_11DB: 3, WIDTH_9BIT: 0, WIDTH_10BIT: 1, WIDTH_11BIT: 2, WIDTH_12BIT: 3 });
  }
  if (rp2) t.$proto.CORE_TEMP = 4;
  return t;
}

// ---------------------------------------------------------------- PWM

class PyPwm extends PyObject {
  $pin = 0;
  $freq = 0;
  $duty = 0; // u16
  $dutyNs: number | null = null;
  $invert = false;
  $active = false;
}

const PWM_PARAMS: Param[] = [["freq", None, true], ["duty_u16", None, true], ["duty_ns", None, true], ["invert", None, true], ["duty", None, true]];

export function makePwm(hal: Hal, pins: PinApi): PyType {
  if (hal.port === "rp2") return makePwmRp2(hal, pins);
  const t = defineBuiltinType("PWM", PyPwm.prototype);
  const esp = hal.port === "esp32";
  const defaultFreq = esp ? 5000 : 1907;

  const apply = (self: PyPwm) => {
    self.$active = true;
    let d = self.$dutyNs !== null ? (self.$dutyNs * self.$freq) / 1e9 : self.$duty / 65535;
    d = Math.max(0, Math.min(1, d));
    if (self.$invert) d = 1 - d;
    hal.pwm(self.$pin, { freq: self.$freq, duty: d });
  };

  const setFreq = (self: PyPwm, f: number) => {
    if (esp) {
      if (f < 1 || f > 40_000_000) throw valueError("frequency must be from 1Hz to 40MHz");
    } else if (f > 62_500_000) throw valueError("freq too large");
    else if (f < 8) throw valueError("freq too small");
    self.$freq = f;
  };

  const setDutyU16 = (self: PyPwm, d: number) => {
    if (esp && (d < 0 || d > 65535)) throw valueError("duty_u16 must be from 0 to 65535");
    self.$duty = Math.max(0, Math.min(65535, d));
    self.$dutyNs = null;
  };

  const init = (self: PyPwm, a: any[]) => {
    const [freq, du16, dns, invert, duty] = a;
    if (!isNone(freq)) setFreq(self, int(freq));
    if (!isNone(invert)) self.$invert = bool(invert);
    if (!isNone(du16)) setDutyU16(self, int(du16));
    else if (!isNone(dns)) self.$dutyNs = int(dns);
    else if (!isNone(duty) && esp) self.$duty = Math.round((int(duty) * 65535) / 1023);
    if (self.$freq === 0) self.$freq = defaultFreq;
    if (!isNone(freq) || !isNone(du16) || !isNone(dns) || !isNone(duty) || esp) apply(self);
  };

  t.$new = (_cls: PyType, args: any[], kw: Kw) => {
    if (args.length === 0) throw typeError("function missing 1 required positional arguments");
    const o = new PyPwm();
    o.$pin = pins.id(args[0]);
    if (esp) o.$duty = 32768;
    init(o, parseArgs(args, kw, PWM_PARAMS, 1));
    return o;
  };

  const active = (self: PyPwm) => {
    if (esp && !self.$active) throw runtimeError("PWM is inactive");
  };

  addMethods(t, {
    init: kwMethod("init", PWM_PARAMS, (self, a) => (init(self, a), None)),
    deinit: builtin("deinit", (self: PyPwm) => {
      if (self.$active) hal.pwm(self.$pin, null);
      self.$active = false;
      return None;
    }),
    freq: builtin("freq", (self: PyPwm, f?: any) => {
      if (f === undefined) return self.$freq;
      setFreq(self, int(f));
      apply(self);
      return None;
    }),
    duty_u16: builtin("duty_u16", (self: PyPwm, d?: any) => {
      if (d === undefined) {
        active(self);
        if (self.$dutyNs !== null) return Math.min(65535, Math.round((self.$dutyNs * self.$freq * 65535) / 1e9));
        return self.$active ? self.$duty : 0;
      }
      setDutyU16(self, int(d));
      apply(self);
      return None;
    }),
    duty_ns: builtin("duty_ns", (self: PyPwm, d?: any) => {
      if (d === undefined) {
        active(self);
        if (self.$dutyNs !== null) return self.$dutyNs;
        return self.$active ? Math.round((self.$duty / 65535) * (1e9 / self.$freq)) : 0;
      }
      const ns = int(d);
      if (esp && (ns < 0 || ns > 1e9 / self.$freq)) throw valueError(`duty_ns must be from 0 to ${Math.round(1e9 / self.$freq)} ns`);
      self.$dutyNs = Math.max(0, ns);
      apply(self);
      return None;
    }),
    __repr__: builtin("__repr__", (self: PyPwm) => {
      if (esp) {
        if (!self.$active) return `PWM(Pin(${self.$pin}))`;
        const duty = self.$dutyNs !== null ? `duty_ns=${self.$dutyNs}` : `duty_u16=${self.$duty}`;
        return `PWM(Pin(${self.$pin}), freq=${self.$freq}, ${duty}${self.$invert ? ", invert=True" : ""})`;
      }
      return `<PWM slice=${(self.$pin >> 1) & 7} channel=${self.$pin & 1} invert=${self.$invert ? 1 : 0}>`;
    }),
  });
  if (esp) {
    addMethods(t, {
      duty: builtin("duty", (self: PyPwm, d?: any) => {
        if (d === undefined) {
          active(self);
          return Math.round((self.$duty * 1023) / 65535);
        }
        const v = int(d);
        if (v < 0 || v > 1023) throw valueError("duty must be from 0 to 1023");
        self.$duty = Math.round((v * 65535) / 1023);
        self.$dutyNs = null;
        apply(self);
        return None;
      }),
    });
  }
  return t;
}
