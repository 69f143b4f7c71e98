// time: https://docs.micropython.org/en/latest/library/time.html
//
// As on MicroPython's unix port (ports/unix/modtime.c): time() is a float, gmtime()/localtime()
// give 9-tuples (year, month, mday, hour, minute, second, weekday, yearday, isdst) with Monday
// as weekday 0, mktime() reads local time, and clock() exists.
//
// ticks_*(): values wrap around TICKS_PERIOD; ticks_diff/ticks_add do MicroPython's modular
// arithmetic (extmod/modtime.c). The period is 2**30, as on 32-bit boards, so every tick value
// is a small int here.

import { builtin, None, typeOf } from "../runtime/object.ts";
import { newExc, OSError, OverflowError, typeError } from "../runtime/exceptions.ts";
import { host } from "../runtime/host.ts";
import { langHooks } from "../runtime/hooks.ts";
import { RT } from "../runtime/helpers.ts";
import { toIndex, toArray } from "../runtime/ops.ts";
import { PyFloat, mkFloat } from "../runtime/types/float.ts";
import { mkTuple } from "../runtime/types/tuple.ts";

export const TICKS_PERIOD = 2 ** 30;
const TICKS_MASK = TICKS_PERIOD - 1;
const TICKS_HALF = TICKS_PERIOD / 2;

// ---------------------------------------------------------------- argument conversion

/** mp_obj_get_float: int, bool or float (or __float__) as a JS number. */
export function getFloat(x: any): number {
  if (typeof x === "number") return x;
  if (x instanceof PyFloat) return x.$v;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "bigint") return Number(x);
  const f = typeof x === "object" ? x.__float__ : undefined;
  if (f !== undefined) return getFloat(f(x));
  throw typeError(`can't convert ${typeOf(x).$name} to float`);
}

/** mp_obj_get_int: an int that must fit a machine word. */
export function getInt(x: any): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") throw newExc(OverflowError, "overflow converting long int to machine word");
  if (x instanceof PyFloat) throw typeError("can't convert float to int");
  return toIndex(x);
}

/** x mod TICKS_PERIOD, for any integer-valued number. */
function wrap(x: number): number {
  if ((x | 0) === x) return x & TICKS_MASK;
  const r = x % TICKS_PERIOD;
  return r < 0 ? r + TICKS_PERIOD : r;
}

// ---------------------------------------------------------------- sleeping

/** Waits, running pending scheduled callbacks first (MicroPython's mp_handle_pending). */
function delayMs(ms: number): void {
  if (RT.intr[0] !== 0) langHooks.checkIntr();
  if (ms > 0) host.sleepMs(ms);
  if (RT.intr[0] !== 0) langHooks.checkIntr();
}

function time_sleep(s: any) {
  const v = getFloat(s);
  if (v < 0) throw newExc(OSError, 22);
  delayMs(v * 1000);
  return None;
}

function time_sleep_ms(ms: any) {
  const v = getInt(ms);
  delayMs(v >= 0 ? v : 0);
  return None;
}

function time_sleep_us(us: any) {
  const v = getInt(us);
  delayMs(v > 0 ? v / 1000 : 0);
  return None;
}

// ---------------------------------------------------------------- ticks

const time_ticks_ms = () => wrap(Math.floor(host.monotonicMs()));
const time_ticks_us = () => wrap(Math.floor(host.monotonicMs() * 1000));

function time_ticks_diff(end: any, start: any): number {
  const d = toIndex(end) - toIndex(start);
  return wrap(d + TICKS_HALF) - TICKS_HALF;
}

function time_ticks_add(ticks: any, delta: any): number {
  const d = getInt(delta);
  if (d <= -TICKS_HALF || d >= TICKS_HALF) throw newExc(OverflowError, "ticks interval overflow");
  return wrap(toIndex(ticks) + d);
}

// ---------------------------------------------------------------- wall clock

/**
 * A board's real-time clock (set by the board's machine module; machine.RTC moves it). With
 * one, time() counts whole seconds, gmtime()/localtime() are the same UTC 8-tuple and mktime()
 * reads UTC, as on the ports whose clock is an RTC (ports/rp2/modtime.c, extmod/modtime.c).
 */
export const rtcClock: { epochMs: (() => number) | null } = { epochMs: null };

function rtcTuple(secs: any) {
  let s: number;
  if (secs === undefined || secs === None) s = Math.floor(rtcClock.epochMs!() / 1000);
  else if (secs instanceof PyFloat) throw typeError("can't convert float to int");
  else s = Number(toIndex(secs));
  return mkTuple(utcFields(s * 1000));
}

/** (year, month, mday, hour, minute, second, weekday, yearday) in UTC. */
function utcFields(ms: number): number[] {
  const t = new Date(ms);
  const y = t.getUTCFullYear(), m = t.getUTCMonth(), d = t.getUTCDate();
  return [y, m + 1, d, t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), (t.getUTCDay() + 6) % 7, yearDay(y, m, d)];
}

function rtcMktime(a: any[]) {
  const ms = Date.UTC(getInt(a[0]), getInt(a[1]) - 1, getInt(a[2]), getInt(a[3]), getInt(a[4]), getInt(a[5]));
  return Math.floor(ms / 1000);
}

function time_time() {
  if (rtcClock.epochMs !== null) return Math.floor(rtcClock.epochMs() / 1000);
  return mkFloat(host.epochMs() / 1000);
}

function time_time_ns() {
  const ns = BigInt(Math.floor((rtcClock.epochMs ?? host.epochMs)() * 1000)) * 1000n;
  return Number.isSafeInteger(Number(ns)) ? Number(ns) : ns;
}

/** The timestamp argument of gmtime/localtime in ms (now when absent). */
function stampMs(secs: any): number {
  if (secs === undefined) return Math.floor(host.epochMs() / 1000) * 1000;
  const ms = Math.trunc(getFloat(secs)) * 1000;
  if (!(Math.abs(ms) <= 8.64e15)) throw newExc(OverflowError, "timestamp out of range for platform time_t");
  return ms;
}

/** Days since Jan 1 of the same year, 1-based. */
function yearDay(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

function time_gmtime(secs?: any) {
  if (rtcClock.epochMs !== null) return rtcTuple(secs);
  const f = utcFields(stampMs(secs));
  f.push(0);
  return mkTuple(f);
}

/** Is daylight saving time in effect at this local date (offset below the year's standard)? */
function isDst(t: Date): number {
  const y = t.getFullYear();
  const std = Math.max(new Date(y, 0, 1).getTimezoneOffset(), new Date(y, 6, 1).getTimezoneOffset());
  return t.getTimezoneOffset() < std ? 1 : 0;
}

function time_localtime(secs?: any) {
  if (rtcClock.epochMs !== null) return rtcTuple(secs);
  const t = new Date(stampMs(secs));
  const y = t.getFullYear(), m = t.getMonth(), d = t.getDate();
  return mkTuple([y, m + 1, d, t.getHours(), t.getMinutes(), t.getSeconds(),
    (t.getDay() + 6) % 7, yearDay(y, m, d), isDst(t)]);
}

function time_mktime(tuple: any) {
  const a = toArray(tuple);
  if (a.length < 8 || a.length > 9) throw typeError("mktime needs a tuple of length 8 or 9");
  if (rtcClock.epochMs !== null) return rtcMktime(a);
  const t = new Date(2000, 0, 1);
  // Set the fields one by one: Date normalises out-of-range values as C's mktime does.
  t.setFullYear(getInt(a[0]), getInt(a[1]) - 1, getInt(a[2]));
  t.setHours(getInt(a[3]), getInt(a[4]), getInt(a[5]), 0);
  const ms = t.getTime();
  if (ms !== ms) throw newExc(OverflowError, "invalid mktime usage");
  return Math.floor(ms / 1000);
}

function time_clock() {
  return mkFloat(host.monotonicMs() / 1000);
}

export function makeModule(): Record<string, any> {
  return {
    clock: builtin("clock", time_clock),
    gmtime: builtin("gmtime", time_gmtime),
    localtime: builtin("localtime", time_localtime),
    mktime: builtin("mktime", time_mktime),
    time: builtin("time", time_time),
    time_ns: builtin("time_ns", time_time_ns),
    sleep: builtin("sleep", time_sleep),
    sleep_ms: builtin("sleep_ms", time_sleep_ms),
    sleep_us: builtin("sleep_us", time_sleep_us),
    ticks_ms: builtin("ticks_ms", time_ticks_ms),
    ticks_us: builtin("ticks_us", time_ticks_us),
    ticks_cpu: builtin("ticks_cpu", time_ticks_us),
    ticks_add: builtin("ticks_add", time_ticks_add),
    ticks_diff: builtin("ticks_diff", time_ticks_diff),
  };
}
