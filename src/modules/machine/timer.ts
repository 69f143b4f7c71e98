// machine.Timer, machine.RTC, machine.WDT: all on board time (virtual or wall clock).

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../../runtime/object.ts";
import { valueError, typeError } from "../../runtime/exceptions.ts";
import { toArray } from "../../runtime/ops.ts";
import { mkTuple } from "../../runtime/types/tuple.ts";
import type { Kw } from "../../runtime/call.ts";
import { WDT_RESET, type Hal } from "./hal.ts";
import { kwMethod, parseArgs, int, float, isNone, bool, schedule, callHard, checkCallable, type Param } from "./common.ts";

const ONE_SHOT = 0;
const PERIODIC = 1;

class PyTimer extends PyObject {
  $id = -1;
  $mode = PERIODIC;
  $periodUs = 0;
  $callback: any = None;
  $hard = false;
  $handle = 0;
  $next = 0;
}

export function makeTimer(hal: Hal): PyType {
  const t = defineBuiltinType("Timer", PyTimer.prototype);
  const params: Param[] = [["mode", PERIODIC, true], ["callback", None, true], ["period", -1, true], ["tick_hz", 1000, true], ["freq", None, true], ["hard", false, true]];

  const stop = (self: PyTimer) => {
    if (self.$handle !== 0) hal.clearTimer(self.$handle);
    self.$handle = 0;
  };

  const fire = (self: PyTimer) => {
    self.$handle = 0;
    if (self.$mode === PERIODIC) {
      self.$next += self.$periodUs;
      self.$handle = hal.setTimer(self.$next, () => fire(self));
    }
    if (self.$callback === None) return;
    if (self.$hard) {
      if (!callHard(self.$callback, self)) stop(self);
    } else schedule(self.$callback, self);
  };

  const init = (self: PyTimer, a: any[]) => {
    const [mode, callback, period, tickHz, freq, hard] = a;
    stop(self);
    self.$mode = int(mode);
    if (self.$mode !== ONE_SHOT && self.$mode !== PERIODIC) throw valueError("invalid mode");
    checkCallable(callback);
    self.$callback = callback;
    self.$hard = bool(hard);
    if (!isNone(freq)) {
      const f = float(freq);
      if (!(f > 0)) throw valueError("freq must be positive");
      self.$periodUs = Math.floor(1e6 / f);
    } else {
      const p = int(period);
      self.$periodUs = p < 0 ? 0xffffffff * 1000 : Math.floor((p * 1e6) / int(tickHz));
    }
    if (self.$periodUs < 1) self.$periodUs = 1;
    self.$next = hal.nowUs() + self.$periodUs;
    self.$handle = hal.setTimer(self.$next, () => fire(self));
    return None;
  };

  t.$new = (_cls: PyType, args: any[], kw: Kw) => {
    const o = new PyTimer();
    let rest = args;
    if (args.length > 0) {
      o.$id = int(args[0]);
      rest = args.slice(1);
    }
    if (hal.port === "rp2" && o.$id !== -1) throw valueError("Timer doesn't exist");
    if (hal.port === "esp32" && (o.$id < -1 || o.$id > 3))
      throw valueError(`Timer(${o.$id}) doesn't exist, there are only 4 hardware timers`);
    if (rest.length > 0 || (kw !== null && Object.keys(kw).length > 0)) init(o, parseArgs(rest, kw, params));
    return o;
  };

  addMethods(t, {
    init: kwMethod("init", params, (self, a) => init(self, a)),
    deinit: builtin("deinit", (self: PyTimer) => (stop(self), None)),
    value: builtin("value", (self: PyTimer) => (self.$handle === 0 ? 0 : Math.max(0, Math.round((self.$next - hal.nowUs()) / 1000)))),
    __repr__: builtin("__repr__", (self: PyTimer) => {
      const mode = self.$mode === ONE_SHOT ? "ONE_SHOT" : "PERIODIC";
      if (hal.port === "rp2") return `Timer(mode=${mode}, tick_hz=1000000, period=${self.$periodUs})`;
      return `Timer(mode=${mode}, period=${Math.round(self.$periodUs / 1000)})`;
    }),
  });
  Object.assign(t.$proto, { ONE_SHOT, PERIODIC });
  return t;
}

// ---------------------------------------------------------------- RTC

class PyRtc extends PyObject {}

/** A board's RTC starts at 2021-01-01 00:00:00 at power-on, as ports/rp2/main.c sets it. */
const RTC_START_MS = Date.UTC(2021, 0, 1);
/** RTC time = RTC_START_MS + board time + this offset (ms); datetime(...) moves it. */
let rtcOffsetMs = 0;

/** The RTC as ms since 1970 on this board's clock (time.time() and friends read it). */
export function rtcEpochMs(hal: Hal): number {
  return RTC_START_MS + hal.nowUs() / 1000 + rtcOffsetMs;
}

export function makeRtc(hal: Hal): PyType {
  const t = defineBuiltinType("RTC", PyRtc.prototype);
  const single = new PyRtc();
  t.$new = () => single;
  const get = () => {
    const d = new Date(Math.floor(rtcEpochMs(hal) / 1000) * 1000);
    const wd = (d.getUTCDay() + 6) % 7;
    return mkTuple([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), wd, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0]);
  };
  /** Sets the clock from (year, month, day, weekday, hours, minutes, seconds, subseconds). */
  const set = (dt: any, hourAt: number) => {
    const a = toArray(dt);
    if (a.length !== 8) throw valueError(`requested length 8 but object has length ${a.length}`);
    const v = a.map((x: any) => int(x));
    const ms = Date.UTC(v[0], v[1] - 1, v[2], v[hourAt], v[hourAt + 1], v[hourAt + 2]);
    rtcOffsetMs = ms - RTC_START_MS - hal.nowUs() / 1000;
  };
  addMethods(t, {
    datetime: builtin("datetime", (_self: PyRtc, dt?: any) => (dt === undefined ? get() : (set(dt, 4), None))),
  });
  if (hal.port !== "rp2") addMethods(t, { init: builtin("init", (_self: PyRtc, dt: any) => (set(dt, hal.port === "esp32" ? 3 : 4), None)) });
  return t;
}

// ---------------------------------------------------------------- WDT

class PyWdt extends PyObject {
  $timeoutMs = 5000;
  $handle = 0;
}

export function makeWdt(hal: Hal): PyType {
  const t = defineBuiltinType("WDT", PyWdt.prototype);
  const maxMs = hal.port === "rp2" ? 8388 : Infinity;
  let active: PyWdt | null = null;
  const arm = (w: PyWdt) => {
    if (w.$handle !== 0) hal.clearTimer(w.$handle);
    w.$handle = hal.setTimer(hal.nowUs() + w.$timeoutMs * 1000, () => hal.reset(WDT_RESET));
  };
  t.$new = (_cls: PyType, args: any[], kw: Kw) => {
    const a = parseArgs(args, kw, [["id", 0], ["timeout", 5000]]);
    const id = int(a[0]);
    if (id !== 0) throw valueError(`WDT(${id}) doesn't exist`);
    const ms = int(a[1]);
    if (ms > maxMs) throw valueError(`timeout exceeds ${maxMs}`);
    const w = active ?? new PyWdt();
    w.$timeoutMs = Math.max(1, ms);
    active = w;
    arm(w);
    return w;
  };
  addMethods(t, {
    feed: builtin("feed", (self: PyWdt) => (arm(self), None)),
  });
  return t;
}
