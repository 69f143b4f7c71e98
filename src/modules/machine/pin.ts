// machine.Pin, machine.PinBase, machine.Signal, the pin IRQ object and time_pulse_us.
// https://docs.micropython.org/en/latest/library/machine.Pin.html
//
// A Pin is one object per GPIO (as on the real ports, Pin(25) is Pin(25)). Reading and writing
// go through the HAL; `pinGet`/`pinSet` are the pin protocol other modules use, so a Python
// PinBase subclass works wherever a pin does (Signal, time_pulse_us).

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, isInstance, typeName } from "../../runtime/object.ts";
import { typeError, valueError, newExc, ValueError } from "../../runtime/exceptions.ts";
import { callMethod } from "../../runtime/attr.ts";
import { isTrue } from "../../runtime/ops.ts";
import { call, type Kw } from "../../runtime/call.ts";
import { host } from "../../runtime/host.ts";
import { PinMode, type Hal } from "./hal.ts";
import { kwMethod, parseArgs, int, isNone, schedule, callHard, checkCallable, type Param } from "./common.ts";
import { portConsts, portPull, halPull, type PortConsts } from "./ports.ts";

// ---------------------------------------------------------------- PinBase (all ports, unix too)

export class PyPinBase extends PyObject {}
export const pinBaseType = defineBuiltinType("PinBase", PyPinBase.prototype);
pinBaseType.$new = (cls: PyType) => {
  if (cls === pinBaseType) throw typeError("cannot create 'PinBase' instances");
  return Object.create(cls.$proto);
};

// ---------------------------------------------------------------- Pin

export class PyPin extends PyObject {
  $id = 0;
  $hal!: Hal;
  $irq: PyIrq | null = null;
}

export class PyIrq extends PyObject {
  $pin!: PyPin;
  $handler: any = None;
  $trigger = 0;
  $flags = 0;
  $hard = false;
}

export const irqType = defineBuiltinType("irq", PyIrq.prototype);

/** Is x a machine.Pin? (Builtin types re-root prototypes, so instanceof cannot tell.) */
export function isPin(x: any): x is PyPin {
  return typeof x === "object" && x !== null && x.$hal !== undefined && typeof x.$id === "number";
}

/** The pin protocol: the level of a Pin or of any object with a value() method. */
export function pinGet(p: any): number {
  if (isPin(p)) return p.$hal.pinRead(p.$id);
  // A Python pin's value() as an int, as MicroPython's PinBase protocol reads it (not 0/1).
  const v = callMethod(p, "value", [], null);
  return typeof v === "number" ? v : isTrue(v) ? 1 : 0;
}

export function pinSet(p: any, v: number): void {
  if (isPin(p)) p.$hal.pinWrite(p.$id, v);
  else callMethod(p, "value", [v], null);
}

export interface PinApi {
  type: PyType;
  /** A Pin from an argument: a Pin, a GPIO number or a name. */
  toPin(x: any): PyPin;
  /** The GPIO id of a pin argument. */
  id(x: any): number;
}

const PIN_PARAMS: Param[] = [["mode", None], ["pull", None], ["value", None, true], ["alt", None, true], ["drive", None, true]];

export function makePin(hal: Hal): PinApi {
  const c: PortConsts = portConsts(hal.port);
  class PyPinT extends PyPin {}
  const pinType = defineBuiltinType("Pin", PyPinT.prototype);
  const cache = new Map<number, PyPin>();
  const modeByValue = new Map<number, [string, PinMode]>();
  for (const [name, [v, m]] of Object.entries(c.modes)) modeByValue.set(v, [name, m]);

  const lookup = (x: any): number => {
    if (isPin(x)) return x.$id;
    if (typeof x === "string") {
      const id = hal.pinByName(x);
      if (id !== null) return id;
      if (hal.port === "esp32") throw valueError("invalid pin");
      throw newExc(ValueError, hal.port === "rp2" ? `unknown named pin "${x}"` : `Pin(${x}) doesn't exist`);
    }
    if (typeof x === "number" || typeof x === "boolean") {
      const id = Number(x);
      if (hal.pinValid(id)) return id;
      if (hal.port === "stm32") throw valueError(`Pin(${id}) doesn't exist`);
      throw valueError("invalid pin");
    }
    if (hal.port === "stm32") throw typeError(`expecting a pin`);
    throw typeError(`can't convert ${typeName(x)} to int`);
  };

  const toPin = (x: any): PyPin => {
    if (isPin(x)) return x;
    const id = lookup(x);
    let p = cache.get(id);
    if (p === undefined) {
      p = new PyPinT();
      p.$id = id;
      p.$hal = hal;
      cache.set(id, p);
    }
    return p;
  };

  const init = (self: PyPin, a: any[]) => {
    const [mode, pull, value] = a;
    let m = PinMode.Unset;
    if (!isNone(mode)) {
      const mv = int(mode);
      const e = modeByValue.get(mv);
      if (e === undefined) {
        if (hal.port === "rp2") throw valueError(`invalid pin af: ${mv}`);
        throw valueError(hal.port === "stm32" ? `invalid pin mode: ${mv}` : "invalid pin mode");
      }
      m = e[1];
    }
    if (m !== PinMode.In && m !== PinMode.Unset && hal.port === "esp32" && self.$id >= 34) throw valueError("pin can only be input");
    const pullBits = isNone(pull) ? 0 : halPull(c, int(pull));
    hal.pinConfigure(self.$id, m, pullBits, isNone(value) ? null : isTrue(value) ? 1 : 0);
    return None;
  };

  pinType.$new = (_cls: PyType, args: any[], kw: Kw) => {
    if (args.length === 0) throw typeError("function missing 1 required positional arguments");
    const p = toPin(args[0]);
    if (args.length > 1 || (kw !== null && Object.keys(kw).length > 0)) init(p, parseArgs(args, kw, PIN_PARAMS, 1));
    return p;
  };

  const value = (self: PyPin, v?: any) => {
    if (v === undefined) return hal.pinRead(self.$id);
    hal.pinWrite(self.$id, isTrue(v) ? 1 : 0);
    return None;
  };

  const modeName = (m: PinMode): string | null => {
    for (const [name, [, hm]] of Object.entries(c.modes)) if (hm === m) return name;
    return null;
  };

  const repr = (self: PyPin): string => {
    const id = self.$id;
    const mode = hal.pinMode(id);
    const pull = hal.pinPull(id);
    if (hal.port === "esp32") return `Pin(${id})`;
    const name = hal.pinName(id);
    if (hal.port === "stm32") {
      const mn = modeName(mode === PinMode.Unset ? PinMode.In : mode) ?? "IN";
      let s = `Pin(Pin.cpu.${name}, mode=Pin.${mn}`;
      if (pull !== 0) s += `, pull=Pin.${pull & 1 ? "PULL_UP" : "PULL_DOWN"}`;
      return s + ")";
    }
    if (mode === PinMode.Unset || mode === PinMode.Alt) return `Pin(${name}, mode=ALT, alt=${mode === PinMode.Unset ? 31 : 4})`;
    let s = `Pin(${name}, mode=${modeName(mode)}`;
    if (pull & 1) s += `, pull=PULL_UP${pull & 2 ? "|PULL_DOWN" : ""}`;
    else if (pull & 2) s += ", pull=PULL_DOWN";
    return s + ")";
  };

  const irq = kwMethod("irq", [["handler", None], ["trigger", c.irq.IRQ_FALLING | c.irq.IRQ_RISING], ["hard", false]], (self: PyPin, a) => {
    let q = self.$irq;
    if (q === null) {
      q = new PyIrq();
      q.$pin = self;
      self.$irq = q;
    }
    const noArgs = a[0] === None && a[1] === (c.irq.IRQ_FALLING | c.irq.IRQ_RISING) && a[2] === false;
    if (noArgs && q.$handler !== None) return q; // irq() with no arguments: just the object
    checkCallable(a[0]);
    q.$handler = a[0];
    q.$trigger = int(a[1]);
    q.$hard = isTrue(a[2]);
    q.$flags = 0;
    const irqObj = q;
    if (a[0] === None || q.$trigger === 0) hal.pinOnEdge(self.$id, null);
    else {
      hal.pinOnEdge(self.$id, (edges) => {
        const f = c.edge(edges) & irqObj.$trigger;
        if (f === 0) return;
        irqObj.$flags = f;
        if (irqObj.$hard) {
          if (!callHard(irqObj.$handler, self)) hal.pinOnEdge(self.$id, null);
        } else schedule(irqObj.$handler, self);
      });
    }
    return q;
  });

  addMethods(pinType, {
    init: kwMethod("init", PIN_PARAMS, (self, a) => init(self, a)),
    value: builtin("value", value),
    __call__: builtin("__call__", value),
    on: builtin("on", (self: PyPin) => (hal.pinWrite(self.$id, 1), None)),
    off: builtin("off", (self: PyPin) => (hal.pinWrite(self.$id, 0), None)),
    high: builtin("high", (self: PyPin) => (hal.pinWrite(self.$id, 1), None)),
    low: builtin("low", (self: PyPin) => (hal.pinWrite(self.$id, 0), None)),
    toggle: builtin("toggle", (self: PyPin) => (hal.pinWrite(self.$id, hal.pinLatch(self.$id) ^ 1), None)),
    irq,
    mode: builtin("mode", (self: PyPin, m?: any) => {
      if (m === undefined) {
        const hm = hal.pinMode(self.$id);
        const e = Object.values(c.modes).find(([, x]) => x === hm);
        return e === undefined ? c.modes.IN[0] : e[0];
      }
      init(self, [m, portPull(c, hal.pinPull(self.$id)) || None, None]);
      return None;
    }),
    pull: builtin("pull", (self: PyPin, p?: any) => {
      if (p === undefined) return portPull(c, hal.pinPull(self.$id));
      hal.pinConfigure(self.$id, PinMode.Unset, isNone(p) ? 0 : halPull(c, int(p)), null);
      return None;
    }),
    name: builtin("name", (self: PyPin) => hal.pinName(self.$id)),
    id: builtin("id", (self: PyPin) => self.$id),
    __repr__: builtin("__repr__", (self: PyPin) => repr(self)),
    __str__: builtin("__str__", (self: PyPin) => repr(self)),
  });
  if (hal.port === "rp2") delete pinType.$proto.id;
  for (const [name, [v]] of Object.entries(c.modes)) pinType.$proto[name] = v;
  for (const [name, v] of Object.entries(c.pulls)) pinType.$proto[name] = v;
  for (const [name, v] of Object.entries(c.irq)) pinType.$proto[name] = v;
  if (hal.port === "esp32") Object.assign(pinType.$proto, { WAKE_LOW: 4, WAKE_HIGH: 5, DRIVE_0: 0, DRIVE_1: 1, DRIVE_2: 2, DRIVE_3: 3 });

  addMethods(irqType, {
    flags: builtin("flags", (self: PyIrq) => self.$flags),
    trigger: builtin("trigger", (self: PyIrq, t?: any) => {
      const old = self.$trigger;
      if (t !== undefined) self.$trigger = int(t);
      return old;
    }),
  });

  return { type: pinType, toPin, id: (x: any) => toPin(x).$id };
}

// ---------------------------------------------------------------- Signal

export class PySignal extends PyObject {
  $pin: any = None;
  $invert = false;
}
export const signalType = defineBuiltinType("Signal", PySignal.prototype);

/** Set by the board's machine module: makes a Pin from Signal's Pin-style arguments. */
let signalPin: ((args: any[], kw: Kw) => any) | null = null;
export function setSignalPinMaker(f: ((args: any[], kw: Kw) => any) | null): void {
  signalPin = f;
}

signalType.$new = (_cls: PyType, args: any[], kw: Kw) => {
  if (args.length === 0) throw typeError("function missing 1 required positional arguments");
  let invert = false;
  let rest: Kw = null;
  if (kw !== null) {
    for (const k of Object.keys(kw)) {
      if (k === "invert") invert = isTrue(kw[k]);
      else (rest ??= Object.create(null))[k] = kw[k];
    }
  }
  const s = new PySignal();
  const first = args[0];
  if (isInstance(first, pinBaseType) || isPin(first) || (args.length === 1 && rest === null && typeof first === "object")) s.$pin = first;
  else {
    if (signalPin === null) throw typeError("");
    s.$pin = signalPin(args, rest);
  }
  s.$invert = invert;
  return s;
};

const signalValue = (self: PySignal, v?: any) => {
  if (v === undefined) return pinGet(self.$pin) ^ (self.$invert ? 1 : 0);
  pinSet(self.$pin, (isTrue(v) ? 1 : 0) ^ (self.$invert ? 1 : 0));
  return None;
};

addMethods(signalType, {
  value: builtin("value", signalValue),
  __call__: builtin("__call__", signalValue),
  on: builtin("on", (self: PySignal) => signalValue(self, true)),
  off: builtin("off", (self: PySignal) => signalValue(self, false)),
});

// ---------------------------------------------------------------- time_pulse_us

/**
 * machine.time_pulse_us(pin, level, timeout_us=1000000): waits for the pin to reach `level`
 * (-2 on timeout), then times how long it stays there (-1 on timeout).
 */
export function timePulseUs(pin: any, level: any, timeout?: any): number {
  const want = isTrue(level) ? 1 : 0;
  const tmo = timeout === undefined ? 1_000_000 : int(timeout);
  if (isPin(pin)) {
    const hal = pin.$hal;
    const id = pin.$id;
    if (!hal.waitUntil(() => hal.pinRead(id) === want, tmo)) return -2;
    const start = hal.nowUs();
    if (!hal.waitUntil(() => hal.pinRead(id) !== want, tmo)) return -1;
    return Math.round(hal.nowUs() - start);
  }
  const us = () => host.monotonicMs() * 1000;
  let start = us();
  while (pinGet(pin) !== want) if (us() - start >= tmo) return -2;
  start = us();
  while (pinGet(pin) === want) if (us() - start >= tmo) return -1;
  return Math.floor(us() - start);
}

export { call };
