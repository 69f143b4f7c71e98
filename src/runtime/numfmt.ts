// Number → string: float repr/str exactly like MicroPython, and the numeric part of format
// specs (str.format, format()) and %-formatting. The strings code parses its own templates and
// calls in here for each numeric field.
//
// Floats follow MicroPython's py/formatfloat.c (the "exact" variant used by the unix port): the
// decimal mantissa is the correctly rounded value of f at the wanted number of digits, and when
// more than 16 significant digits are asked for (repr asks for up to 19), the shortest of 16,
// 17, ... digits that reads back as f is used, padded with zeros. So repr(8640.12) is
// '8640.120000000001' (16 digits) where CPython prints '8640.12', and '%.20f' % 0.1 is
// '0.10000000000000000000'. Output longer than MicroPython's 33-character buffer is cut the same
// way ('%f' % 1e30 falls back to 'g').
/* eslint-disable @typescript-eslint/no-explicit-any */

import { valueError } from "./exceptions.ts";

// ---------------------------------------------------------------- float core (mp_format_float)

const MODE_E = 1;
const MODE_G = 2;
const MODE_F = 4;
const MAX_MANTISSA_DIGITS = 19;
const SAFE_MANTISSA_DIGITS = 16;
/** `prec` value asking for repr's shortest round-tripping output. */
export const REPR_PREC = 99;
/** MicroPython formats floats into a 36-byte buffer, of which mp_format_float may use 33. */
const BUF_SIZE = 33;

/**
 * Formats a float like MicroPython's mp_format_float: `fmt` is one of e E f F g G, `prec` the
 * precision (-1 = default 6, REPR_PREC = repr), `sign` '' or '+' or ' ' for non-negative values.
 */
export function formatFloatRaw(f: number, fmt: string, prec: number, sign: string): string {
  let bufSize = BUF_SIZE;
  if (f < 0 || (f === 0 && 1 / f < 0)) {
    f = -f;
    sign = "-";
  }
  if (sign !== "") bufSize--;
  const upper = fmt === "E" || fmt === "F" || fmt === "G";
  if (f !== f) return sign + (upper ? "NAN" : "nan");
  if (f === Infinity) return sign + (upper ? "INF" : "inf");
  const lo = fmt.toLowerCase();
  let mode = lo === "f" ? MODE_F : lo === "g" ? MODE_G : MODE_E;
  if (prec < 0) prec = 6;
  let maxExpZeros = prec < bufSize - 3 ? prec : bufSize - 3;
  if (prec === REPR_PREC) {
    prec = MAX_MANTISSA_DIGITS;
    maxExpZeros = 16;
  }
  // e: the decimal exponent of f (10**e <= f < 10**(e+1)), only needed in 'f' mode.
  let e = 0;
  if (mode === MODE_F && f !== 0) {
    e = decimalExponent(f);
    if (e > 0 && e + prec + 2 > bufSize) {
      mode = MODE_G;
      prec++;
    }
  }
  let maxDigits = prec;
  let leadZeros = 0;
  let trailZeros = 0;
  if (mode === MODE_F) {
    if (maxDigits > bufSize - 3) maxDigits = bufSize - 3;
    if (e < 0) {
      if (maxDigits > 2 && e < -2) {
        leadZeros = (-e < maxDigits ? -e : maxDigits) - 2;
        maxDigits -= leadZeros;
      } else {
        maxDigits++;
      }
    } else {
      maxDigits += e + 1;
    }
  } else if (mode !== MODE_G || maxDigits === 0) {
    maxDigits++;
  }
  if (maxDigits > MAX_MANTISSA_DIGITS) {
    trailZeros = maxDigits - MAX_MANTISSA_DIGITS;
    maxDigits = MAX_MANTISSA_DIGITS;
  }
  const overhead = mode === MODE_F ? 3 : 8;
  if (trailZeros > bufSize - maxDigits - overhead) trailZeros = bufSize - maxDigits - overhead;

  // Try the fewest digits first (up to 16), then more until the output reads back as f.
  let numDigits = SAFE_MANTISSA_DIGITS < maxDigits ? SAFE_MANTISSA_DIGITS : maxDigits;
  for (;;) {
    const extraZeros = trailZeros + (maxDigits - numDigits);
    let prefix = "";
    let dec = 0;
    let mant: string;
    let ee = e;
    if (f === 0) {
      mant = "0";
    } else if (mode === MODE_F) {
      let decexp = numDigits - 1;
      if (e < 0) {
        if (leadZeros > 0) {
          prefix = "0." + "0".repeat(leadZeros);
          decexp += leadZeros + 1;
          dec = 255;
        }
      } else {
        decexp -= e;
        dec = e;
      }
      mant = roundScaled(f, decexp);
    } else {
      // 'e'/'g': the first numDigits significant digits, correctly rounded.
      const s = f.toExponential(numDigits - 1);
      const ei = s.indexOf("e");
      mant = numDigits > 1 ? s[0] + s.slice(2, ei) : s.slice(0, ei);
      ee = +s.slice(ei + 1);
    }
    const out = prefix + formatMantissa(mant, numDigits, maxExpZeros, extraZeros, dec, ee, mode, upper);
    if (numDigits >= maxDigits || Number(out) === f) return sign + out;
    numDigits++;
  }
}

/** floor(log10(f)) exactly, for finite f > 0. */
function decimalExponent(f: number): number {
  const s = f.toExponential(19); // 20 digits never round up to the next power of 10
  return +s.slice(s.indexOf("e") + 1);
}

/** The decimal digits of round-half-up(f * 10**p), for finite f > 0 (no sign, maybe "0"). */
function roundScaled(f: number, p: number): string {
  if (p >= 0 && p <= 100 && f < 1e21) {
    const s = f.toFixed(p);
    const dot = s.indexOf(".");
    const d = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
    let i = 0;
    while (i < d.length - 1 && d.charCodeAt(i) === 48) i++;
    return d.slice(i);
  }
  // Exact rational arithmetic: f = m * 2**k.
  const [m, k] = floatParts(f);
  let num = m;
  let den = 1n;
  if (k >= 0) num <<= BigInt(k);
  else den <<= BigInt(-k);
  if (p >= 0) num *= 10n ** BigInt(p);
  else den *= 10n ** BigInt(-p);
  return ((2n * num + den) / (2n * den)).toString();
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A finite float as an integer mantissa and a binary exponent: f = m * 2**k (m >= 0). */
export function floatParts(f: number): [bigint, number] {
  f64[0] = f;
  const hi = u32[LITTLE ? 1 : 0];
  const lo = u32[LITTLE ? 0 : 1];
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp === 0) return [m, -1074];
  m |= 1n << 52n;
  return [m, bexp - 1075];
}

/**
 * Lays out a decimal mantissa (mp_format_mantissa): `mant` holds the digits of the integer
 * mantissa, which stands for numDigits digits (one more when rounding carried over).
 */
function formatMantissa(
  mant: string, numDigits: number, maxExpZeros: number, trailingZeros: number,
  dec: number, e: number, mode: number, upper: boolean,
): string {
  if (mant !== "0" && mant.length > numDigits) {
    if (mode === MODE_F) {
      numDigits++;
      dec++;
    } else {
      mant = mant.slice(0, -1);
      e++;
    }
  }
  let out = "";
  if (mode === MODE_G && e !== 0) {
    if (e >= 0) {
      if (e < maxExpZeros) {
        dec += e;
        if (dec >= numDigits) trailingZeros = dec - (numDigits - 1);
        e = 0;
      }
    } else if (e >= -4) {
      let cnt = 0;
      while (e < 0 && mant.length > 0 && mant.charCodeAt(mant.length - 1) === 48) {
        mant = mant.slice(0, -1);
        cnt++;
        e++;
      }
      if (mant === "") mant = "0";
      numDigits -= cnt;
      out = "0." + "0".repeat(Math.max(0, cnt - e - 1));
      dec = 255;
      e = 0;
    }
  }
  // numDigits digits (zero-padded on the left), with a dot after digit `dec`.
  const digits = mant.length >= numDigits ? mant.slice(mant.length - numDigits) : "0".repeat(numDigits - mant.length) + mant;
  let dot = dec >= 255;
  if (dec + 1 < numDigits) {
    dot = true;
    out += digits.slice(0, dec + 1) + "." + digits.slice(dec + 1);
  } else {
    out += digits;
  }
  if (trailingZeros > 0) {
    dec -= numDigits - 1;
    while (trailingZeros-- > 0) {
      if (dec-- === 0) {
        out += ".";
        dot = true;
      }
      out += "0";
    }
  }
  if (mode === MODE_G && dot) {
    let end = out.length;
    while (end > 0 && out.charCodeAt(end - 1) === 48) end--;
    if (end > 0 && out[end - 1] === ".") end--;
    out = out.slice(0, end);
  }
  if ((e !== 0 || mode === MODE_E) && mode !== MODE_F) {
    out += upper ? "E" : "e";
    if (e >= 0) out += "+";
    else {
      out += "-";
      e = -e;
    }
    out += e < 10 ? "0" + e : String(e);
  }
  return out;
}

// ---------------------------------------------------------------- repr / str

/** repr() and str() of a float, as MicroPython prints them. */
export function floatRepr(f: number): string {
  // Fast path: integral values below 1e16 print as the integer plus ".0".
  if (Number.isInteger(f) && f < 1e16 && f > -1e16 && (f !== 0 || 1 / f > 0)) return String(f) + ".0";
  const s = formatFloatRaw(f, "g", REPR_PREC, "");
  return needsDecimal(s) ? s + ".0" : s;
}

function needsDecimal(s: string): boolean {
  return s.indexOf(".") < 0 && s.indexOf("e") < 0 && s.indexOf("n") < 0;
}

// ---------------------------------------------------------------- padding

/** Pads `s` to `width` (mp_print_strn): align '<' '>' '^', fill char, optional digit grouping. */
function pad(s: string, width: number, align: string, fill: string, grouping: string): string {
  let n = width - s.length;
  if (n <= 0) return s;
  if (fill === "0" && grouping !== "") {
    // Zero padding continues the grouping pattern ("0,000" / "0000_0000") leftwards; the
    // result never starts with a separator (an extra zero is added instead).
    const cyc = grouping === "_" ? "0000_" : "000,";
    const size = cyc.length;
    let w = width;
    if (w % size === 0) {
      n++;
      w++;
    }
    const start = size - 1 - (w % size);
    let p = "";
    for (let i = 0; i < n; i++) p += cyc[(start + i) % size];
    return alignPad(s, p, n, align);
  }
  const p = fill.repeat(n);
  return alignPad(s, p, n, align);
}

function alignPad(s: string, p: string, n: number, align: string): string {
  if (align === "<") return s + p;
  if (align === "^") {
    const left = n >> 1;
    return p.slice(0, left) + s + p.slice(left);
  }
  return p + s;
}

// ---------------------------------------------------------------- format specs

/** A parsed `[[fill]align][sign][#][0][width][,|_][.precision][type]`. */
export interface ParsedSpec {
  /** '' when not given. */
  fill: string;
  /** '' | '<' | '>' | '=' | '^' */
  align: string;
  /** '' | '+' | '-' | ' ' */
  sign: string;
  /** '#' given */
  alt: boolean;
  /** '0' given before the width */
  zero: boolean;
  /** -1 when not given */
  width: number;
  /** '' | ',' | '_' */
  grouping: string;
  /** -1 when not given */
  precision: number;
  /** '' or the type character */
  type: string;
}

const TYPES = "bcdeEfFgGnosxX%";

/** Parses a format spec (after ':'), with MicroPython's leniency and error. */
export function parseSpec(spec: string): ParsedSpec {
  const r: ParsedSpec = { fill: "", align: "", sign: "", alt: false, zero: false, width: -1, grouping: "", precision: -1, type: "" };
  let i = 0;
  const cp0 = spec.codePointAt(0);
  const c0len = cp0 !== undefined && cp0 > 0xffff ? 2 : 1;
  if (isAlign(spec[0])) r.align = spec[i++];
  else if (spec.length > c0len && isAlign(spec[c0len])) {
    r.fill = spec.slice(0, c0len);
    r.align = spec[c0len];
    i = c0len + 1;
  }
  if (spec[i] === "+" || spec[i] === "-" || spec[i] === " ") r.sign = spec[i++];
  if (spec[i] === "#") {
    r.alt = true;
    i++;
  }
  if (spec[i] === "0") r.zero = true;
  let j = i;
  while (j < spec.length && spec.charCodeAt(j) >= 48 && spec.charCodeAt(j) <= 57) j++;
  if (j > i) r.width = parseInt(spec.slice(i, j), 10);
  i = j;
  if (spec[i] === "," || spec[i] === "_") r.grouping = spec[i++];
  if (spec[i] === ".") {
    i++;
    j = i;
    while (j < spec.length && spec.charCodeAt(j) >= 48 && spec.charCodeAt(j) <= 57) j++;
    r.precision = j > i ? parseInt(spec.slice(i, j), 10) : 0;
    i = j;
  }
  if (i < spec.length && TYPES.includes(spec[i])) r.type = spec[i++];
  if (i < spec.length) throw valueError("invalid format specifier");
  return r;
}

function isAlign(c: string | undefined): boolean {
  return c === "<" || c === ">" || c === "=" || c === "^";
}

/** Resolved padding for a numeric field: MicroPython's defaults ('0' implies '=' alignment). */
function numPadding(spec: ParsedSpec): { fill: string; align: string } {
  let align = spec.align;
  let fill = spec.fill;
  if (spec.zero) {
    if (align === "") align = "=";
    if (fill === "") fill = "0";
  }
  if (align === "") align = ">";
  if (fill === "") fill = " ";
  return { fill, align };
}

/** Formats an int (number | bigint) for a spec of type '' b c d n o x X (str.format / format()). */
export function formatInt(v: number | bigint, spec: ParsedSpec): string {
  const t = spec.type;
  if (t === "e" || t === "E" || t === "f" || t === "F" || t === "g" || t === "G" || t === "%")
    return formatFloat(Number(v), spec);
  if (t === "c") {
    if (spec.sign === "+" || spec.sign === " ") throw valueError("sign not allowed with integer format specifier 'c'");
    const { fill, align } = numPadding(spec);
    return pad(String.fromCodePoint(Number(v)), spec.width, align === "=" ? ">" : align, fill, "");
  }
  let base = 10;
  if (t === "b") base = 2;
  else if (t === "o") base = 8;
  else if (t === "x" || t === "X") base = 16;
  else if (t !== "" && t !== "d" && t !== "n") throw valueError(`unknown format code '${t}' for object of type 'int'`);
  const { fill, align } = numPadding(spec);
  let prefix = "";
  if (spec.alt) prefix = base === 2 ? "0b" : base === 8 ? "0o" : base === 16 ? "0x" : "";
  if (t === "X") prefix = prefix.toUpperCase();
  return intField(v, base, t === "X", spec.sign, prefix, spec.grouping, spec.width, align, fill, 0);
}

/**
 * The int field of mp_print_mp_int: sign, prefix and grouped digits, padded; `prec` (from
 * %-formatting) zero-pads the digits to at least that many characters.
 */
function intField(
  v: number | bigint, base: number, upper: boolean, signOpt: string, prefix: string,
  grouping: string, width: number, align: string, fill: string, prec: number,
): string {
  const neg = v < 0;
  let digits = (neg ? -v : v).toString(base);
  if (upper) digits = digits.toUpperCase();
  if (grouping !== "") digits = group(digits, base === 10 ? 3 : 4, grouping);
  const sign = neg ? "-" : signOpt === "+" ? "+" : signOpt === " " ? " " : "";
  if (align !== "<" && align !== "^" && fill === "0" && prec > 0) {
    if (prec > width) width = prec;
    prec = 0;
  }
  if (prec > 1) {
    // Zero-pad the digits to prec, then align in width with spaces.
    let body = sign + prefix + pad(digits, prec, ">", "0", "");
    if (body.length < width) body = align === "<" ? body + " ".repeat(width - body.length) : " ".repeat(width - body.length) + body;
    return body;
  }
  if (align === "=") return sign + prefix + pad(digits, width - sign.length - prefix.length, ">", fill, grouping);
  return pad(sign + prefix + digits, width, align, fill, grouping);
}

function group(digits: string, n: number, sep: string): string {
  let out = "";
  let i = digits.length;
  while (i > n) {
    out = sep + digits.slice(i - n, i) + out;
    i -= n;
  }
  return digits.slice(0, i) + out;
}

/** Formats a float for a spec of type '' e E f F g G n % (str.format / format()). */
export function formatFloat(v: number, spec: ParsedSpec): string {
  let t = spec.type;
  if (t === "" || t === "n") t = "g";
  if (!"eEfFgG%".includes(t)) throw valueError(`unknown format code '${t}' for object of type 'float'`);
  const { fill, align } = numPadding(spec);
  const sign = spec.sign === "+" || spec.sign === " " ? spec.sign : "";
  // MicroPython groups only the zero padding of floats, never their digits.
  const s = t === "%" ? formatFloatRaw(v * 100, "f", spec.precision, sign) + "%" : formatFloatRaw(v, t, spec.precision, sign);
  return padFloat(s, spec.width, align, fill, spec.grouping);
}

/** Pads a formatted float (mp_print_float): '=' puts the padding after the sign. */
function padFloat(s: string, width: number, align: string, fill: string, grouping: string): string {
  if (align === "=" && s.length > 0 && (s[0] === "-" || s[0] === "+" || s[0] === " "))
    return s[0] + pad(s.slice(1), width - 1, ">", fill, grouping);
  return pad(s, width, align === "=" ? ">" : align, fill, grouping);
}

/** Formats an int, bool or float value for a format spec; null when v is not a number. */
export function formatNumber(v: any, spec: ParsedSpec): string | null {
  if (typeof v === "number" || typeof v === "bigint") return formatInt(v, spec);
  if (typeof v === "boolean") return formatInt(v ? 1 : 0, spec);
  return null;
}

// ---------------------------------------------------------------- %-formatting

/** The flags and numbers of one `%` conversion. */
export interface PercentSpec {
  /** '-' flag */
  left: boolean;
  /** '+' flag */
  plus: boolean;
  /** ' ' flag */
  space: boolean;
  /** '#' flag */
  alt: boolean;
  /** '0' flag */
  zero: boolean;
  /** -1 when not given */
  width: number;
  /** -1 when not given */
  prec: number;
}

/** %d %i %u %o %x %X of an int (number | bigint), as MicroPython's str % does. */
export function percentInt(v: number | bigint, type: string, p: PercentSpec): string {
  const base = type === "o" ? 8 : type === "x" || type === "X" ? 16 : 10;
  let prefix = "";
  if (p.alt) prefix = base === 8 ? "0o" : base === 16 ? (type === "X" ? "0X" : "0x") : "";
  const fill = p.zero && !p.left ? "0" : " ";
  const align = p.left ? "<" : p.zero ? "=" : ">";
  const sign = p.plus ? "+" : p.space ? " " : "";
  return intField(v, base, type === "X", sign, prefix, "", p.width, align, fill, p.prec < 0 ? 0 : p.prec);
}

/** %e %E %f %F %g %G of a float. */
export function percentFloat(v: number, type: string, p: PercentSpec): string {
  const sign = p.plus ? "+" : p.space ? " " : "";
  const s = formatFloatRaw(v, type, p.prec, sign);
  if (p.left) return pad(s, p.width, "<", " ", "");
  if (p.zero) return padFloat(s, p.width, "=", "0", "");
  return pad(s, p.width, ">", " ", "");
}
