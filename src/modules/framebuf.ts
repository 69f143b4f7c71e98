// framebuf: https://docs.micropython.org/en/latest/library/framebuf.html
// (MicroPython's extmod/modframebuf.c): drawing primitives over any writable buffer.
//
// A FrameBuffer keeps the buffer object, not its bytes: every drawing call takes a fresh view
// of the bytes (a bytearray may have been reallocated since). Pixel layouts:
//   MONO_VLSB  1 bit/pixel, each byte a vertical run of 8 pixels, LSB at the top
//   MONO_HLSB  1 bit/pixel, each byte a horizontal run of 8 pixels, MSB at the left
//   MONO_HMSB  1 bit/pixel, each byte a horizontal run of 8 pixels, LSB at the left
//   RGB565     16 bits/pixel, little-endian
//   GS2_HMSB, GS4_HMSB, GS8  2, 4, 8 bits/pixel
// Drawing must produce exactly MicroPython's pixels, so the line, ellipse and polygon rasterisers
// follow the same integer steps as modframebuf.c.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, isInstance } from "../runtime/object.ts";
import { newExc, ValueError, typeError, valueError } from "../runtime/exceptions.ts";
import { getBuffer, getWritableBuffer, itemSize, readItem, type BufferInfo } from "../runtime/buffer.ts";
import { isTrue, toIndex } from "../runtime/ops.ts";
import { PyList } from "../runtime/types/list.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { PyBytes } from "../runtime/types/bytes.ts";

// Format numbers are MicroPython's (programs may store them).
const MVLSB = 0;
const RGB565 = 1;
const GS4_HMSB = 2;
const MHLSB = 3;
const MHMSB = 4;
const GS2_HMSB = 5;
const GS8 = 6;

/** The drawing state of a frame buffer, or of a (buffer, w, h, format[, stride]) tuple. */
interface Surface {
  u8: Uint8Array;
  width: number;
  height: number;
  stride: number;
  format: number;
}

export class PyFrameBuffer extends PyObject {
  $bufObj: any = undefined;
  $width = 0;
  $height = 0;
  $stride = 0;
  $format = 0;

  $getBuffer(): BufferInfo {
    return getBuffer(this.$bufObj);
  }
}

const frameBufferType = defineBuiltinType("FrameBuffer", PyFrameBuffer.prototype);

// ---------------------------------------------------------------- pixels by format

function setPixel(s: Surface, x: number, y: number, col: number): void {
  const u8 = s.u8;
  switch (s.format) {
    case MVLSB: {
      const i = (y >> 3) * s.stride + x;
      const bit = 1 << (y & 7);
      u8[i] = col !== 0 ? u8[i] | bit : u8[i] & ~bit;
      return;
    }
    case MHLSB:
    case MHMSB: {
      const p = x + y * s.stride;
      const i = p >> 3;
      const bit = 1 << (s.format === MHMSB ? x & 7 : 7 - (x & 7));
      u8[i] = col !== 0 ? u8[i] | bit : u8[i] & ~bit;
      return;
    }
    case RGB565: {
      const i = (x + y * s.stride) << 1;
      u8[i] = col & 0xff;
      u8[i + 1] = (col >> 8) & 0xff;
      return;
    }
    case GS2_HMSB: {
      const i = (x + y * s.stride) >> 2;
      const shift = (x & 3) << 1;
      u8[i] = (u8[i] & ~(3 << shift)) | ((col & 3) << shift);
      return;
    }
    case GS4_HMSB: {
      const i = (x + y * s.stride) >> 1;
      u8[i] = x & 1 ? (col & 0x0f) | (u8[i] & 0xf0) : ((col << 4) & 0xff) | (u8[i] & 0x0f);
      return;
    }
    default: // GS8
      u8[x + y * s.stride] = col & 0xff;
  }
}

/** The pixel's value (out-of-range reads, e.g. through a short palette, give 0). */
function getPixel(s: Surface, x: number, y: number): number {
  const u8 = s.u8;
  switch (s.format) {
    case MVLSB:
      return ((u8[(y >> 3) * s.stride + x] ?? 0) >> (y & 7)) & 1;
    case MHLSB:
    case MHMSB: {
      const p = x + y * s.stride;
      return ((u8[p >> 3] ?? 0) >> (s.format === MHMSB ? x & 7 : 7 - (x & 7))) & 1;
    }
    case RGB565: {
      const i = (x + y * s.stride) << 1;
      return (u8[i] ?? 0) | ((u8[i + 1] ?? 0) << 8);
    }
    case GS2_HMSB:
      return ((u8[(x + y * s.stride) >> 2] ?? 0) >> ((x & 3) << 1)) & 3;
    case GS4_HMSB: {
      const v = u8[(x + y * s.stride) >> 1] ?? 0;
      return x & 1 ? v & 0x0f : v >> 4;
    }
    default:
      return u8[x + y * s.stride] ?? 0;
  }
}

/** Fills an already clipped rectangle. */
function fillRectRaw(s: Surface, x: number, y: number, w: number, h: number, col: number): void {
  if (s.format === GS8) {
    for (let r = 0; r < h; r++) {
      const p = x + (y + r) * s.stride;
      s.u8.fill(col & 0xff, p, p + w);
    }
    return;
  }
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) setPixel(s, xx, yy, col);
}

function setPixelChecked(s: Surface, x: number, y: number, col: number, mask: number): void {
  if (mask !== 0 && x >= 0 && x < s.width && y >= 0 && y < s.height) setPixel(s, x, y, col);
}

/** Fills a rectangle clipped to the surface. */
function fillRect(s: Surface, x: number, y: number, w: number, h: number, col: number): void {
  if (h < 1 || w < 1 || x + w <= 0 || y + h <= 0 || y >= s.height || x >= s.width) return;
  const xend = Math.min(s.width, x + w);
  const yend = Math.min(s.height, y + h);
  x = Math.max(x, 0);
  y = Math.max(y, 0);
  fillRectRaw(s, x, y, xend - x, yend - y, col);
}

// ---------------------------------------------------------------- construction

/**
 * Validates (buffer, width, height, format[, stride]) and returns the surface; `writable`
 * asks for a writable buffer (FrameBuffer) rather than a readable one (blit sources).
 */
function makeSurface(args: any[], writable: boolean): Surface & { bufObj: any } {
  const width = toIndex(args[1]);
  const height = toIndex(args[2]);
  const format = toIndex(args[3]);
  let stride = args.length >= 5 ? toIndex(args[4]) : width;
  if (width < 1 || height < 1 || width > 0xffff || height > 0xffff || stride > 0xffff || stride < width)
    throw newExc(ValueError);
  let bpp = 1;
  let heightReq = height;
  let widthReq = width;
  let stridesReq = height - 1;
  switch (format) {
    case MVLSB:
      heightReq = (height + 7) & ~7;
      stridesReq = heightReq - 8;
      break;
    case MHLSB:
    case MHMSB:
      stride = (stride + 7) & ~7;
      widthReq = (width + 7) & ~7;
      break;
    case GS2_HMSB:
      stride = (stride + 3) & ~3;
      widthReq = (width + 3) & ~3;
      bpp = 2;
      break;
    case GS4_HMSB:
      stride = (stride + 1) & ~1;
      widthReq = (width + 1) & ~1;
      bpp = 4;
      break;
    case GS8:
      bpp = 8;
      break;
    case RGB565:
      bpp = 16;
      break;
    default:
      throw valueError("invalid format");
  }
  const u8 = (writable ? getWritableBuffer(args[0]) : getBuffer(args[0])).bytes;
  if (Math.floor(((stridesReq * stride + (heightReq - stridesReq) * widthReq) * bpp) / 8) > u8.length)
    throw newExc(ValueError);
  return { u8, width, height, stride, format, bufObj: args[0] };
}

function initFrameBuffer(self: PyFrameBuffer, args: any[]): void {
  if (args.length < 4 || args.length > 5)
    throw typeError(`function takes ${args.length < 4 ? 4 : 5} positional arguments but ${args.length} were given`);
  const s = makeSurface(args, true);
  self.$bufObj = s.bufObj;
  self.$width = s.width;
  self.$height = s.height;
  self.$stride = s.stride;
  self.$format = s.format;
}

frameBufferType.$new = (cls: PyType, args: any[]) => {
  const o: PyFrameBuffer = new PyFrameBuffer();
  if (cls !== frameBufferType) {
    // A Python subclass: its __init__ calls FrameBuffer.__init__ (super().__init__(...)).
    Object.setPrototypeOf(o, cls.$proto);
    return o;
  }
  initFrameBuffer(o, args);
  return o;
};

/** The surface of a FrameBuffer (or subclass instance), with a fresh view of its bytes. */
function surf(self: PyFrameBuffer): Surface {
  if (self.$bufObj === undefined) throw valueError("FrameBuffer not initialised");
  return {
    u8: getBuffer(self.$bufObj).bytes,
    width: self.$width,
    height: self.$height,
    stride: self.$stride,
    format: self.$format,
  };
}

/** A blit source or palette: a FrameBuffer, or a (buffer, w, h, format[, stride]) tuple/list. */
function readonlySurface(x: any): Surface {
  if (isInstance(x, frameBufferType)) return surf(x);
  if (!(x instanceof PyTuple || x instanceof PyList)) throw typeError("object not a tuple or list");
  const items = x.$a;
  if (items.length < 4 || items.length > 5) throw newExc(ValueError);
  return makeSurface(items, false);
}

// ---------------------------------------------------------------- line, ellipse, polygon

/** Bresenham's line, stepping as modframebuf.c does (the end point is drawn last). */
function drawLine(s: Surface, x1: number, y1: number, x2: number, y2: number, col: number): void {
  let dx = x2 - x1;
  let sx = 1;
  if (dx <= 0) {
    dx = -dx;
    sx = -1;
  }
  let dy = y2 - y1;
  let sy = 1;
  if (dy <= 0) {
    dy = -dy;
    sy = -1;
  }
  const steep = dy > dx;
  if (steep) {
    [x1, y1] = [y1, x1];
    [dx, dy] = [dy, dx];
    [sx, sy] = [sy, sx];
  }
  let e = 2 * dy - dx;
  for (let i = 0; i < dx; i++) {
    if (steep) {
      if (y1 >= 0 && y1 < s.width && x1 >= 0 && x1 < s.height) setPixel(s, y1, x1, col);
    } else if (x1 >= 0 && x1 < s.width && y1 >= 0 && y1 < s.height) setPixel(s, x1, y1, col);
    while (e >= 0) {
      y1 += sy;
      e -= 2 * dx;
    }
    x1 += sx;
    e += 2 * dy;
  }
  setPixelChecked(s, x2, y2, col, 1);
}

// Quadrants: Q2 Q1 / Q3 Q4.
const ELLIPSE_FILL = 0x10;
const ELLIPSE_ALL = 0x0f;

function ellipsePoints(s: Surface, cx: number, cy: number, x: number, y: number, col: number, mask: number): void {
  if (mask & ELLIPSE_FILL) {
    if (mask & 1) fillRect(s, cx, cy - y, x + 1, 1, col);
    if (mask & 2) fillRect(s, cx - x, cy - y, x + 1, 1, col);
    if (mask & 4) fillRect(s, cx - x, cy + y, x + 1, 1, col);
    if (mask & 8) fillRect(s, cx, cy + y, x + 1, 1, col);
  } else {
    setPixelChecked(s, cx + x, cy - y, col, mask & 1);
    setPixelChecked(s, cx - x, cy - y, col, mask & 2);
    setPixelChecked(s, cx - x, cy + y, col, mask & 4);
    setPixelChecked(s, cx + x, cy + y, col, mask & 8);
  }
}

/** The midpoint ellipse: the flat part (|slope| < 1) first, then the steep part. */
function drawEllipse(s: Surface, cx: number, cy: number, a: number, b: number, col: number, mask: number): void {
  const twoA2 = 2 * a * a;
  const twoB2 = 2 * b * b;
  let x = a;
  let y = 0;
  let xchange = b * b * (1 - 2 * a);
  let ychange = a * a;
  let err = 0;
  let stopx = twoB2 * a;
  let stopy = 0;
  while (stopx >= stopy) {
    ellipsePoints(s, cx, cy, x, y, col, mask);
    y++;
    stopy += twoA2;
    err += ychange;
    ychange += twoA2;
    if (2 * err + xchange > 0) {
      x--;
      stopx -= twoB2;
      err += xchange;
      xchange += twoB2;
    }
  }
  x = 0;
  y = b;
  xchange = b * b;
  ychange = a * a * (1 - 2 * b);
  err = 0;
  stopx = 0;
  stopy = twoA2 * b;
  while (stopx <= stopy) {
    ellipsePoints(s, cx, cy, x, y, col, mask);
    x++;
    stopx += twoB2;
    err += xchange;
    xchange += twoB2;
    if (2 * err + ychange > 0) {
      y--;
      stopy -= twoA2;
      err += ychange;
      ychange += twoA2;
    }
  }
}

/** The polygon's vertices as a flat array [x0, y0, x1, y1, ...] from any buffer of numbers. */
function polyCoords(coords: any): number[] {
  const buf = getBuffer(coords);
  const size = itemSize(buf.typecode);
  const n = Math.floor(buf.bytes.length / (size * 2)) * 2;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = toIndex(readItem(buf.typecode, buf.bytes, i * size, size));
  return out;
}

/** Scan-line fill (integer version of alienryderflex.com/polygon_fill), edges walked backwards. */
function fillPoly(s: Surface, x: number, y: number, p: number[], col: number): void {
  const n = p.length >> 1;
  let ymin = Infinity;
  let ymax = -Infinity;
  for (let i = 0; i < n; i++) {
    ymin = Math.min(ymin, p[2 * i + 1]);
    ymax = Math.max(ymax, p[2 * i + 1]);
  }
  const nodes: number[] = [];
  for (let row = ymin; row <= ymax; row++) {
    nodes.length = 0;
    let px1 = p[0];
    let py1 = p[1];
    for (let i = n - 1; i >= 0; i--) {
      const px2 = p[2 * i];
      const py2 = p[2 * i + 1];
      // The bottom pixel of an edge is left out so a shared vertex is not counted twice.
      if (py1 !== py2 && ((py1 > row && py2 <= row) || (py1 <= row && py2 > row))) {
        nodes.push(Math.trunc((32 * px1 + Math.trunc((32 * (px2 - px1) * (row - py1)) / (py2 - py1)) + 16) / 32));
      } else if (row === Math.max(py1, py2)) {
        // Local minima and horizontal edges: draw the pixels the rule above misses.
        if (py1 < py2) setPixelChecked(s, x + px2, y + py2, col, 1);
        else if (py2 < py1) setPixelChecked(s, x + px1, y + py1, col, 1);
        else drawLine(s, x + px1, y + py1, x + px2, y + py2, col);
      }
      px1 = px2;
      py1 = py2;
    }
    if (nodes.length === 0) continue;
    nodes.sort((a, b) => a - b);
    for (let i = 0; i + 1 < nodes.length; i += 2) fillRect(s, x + nodes[i], y + row, nodes[i + 1] - nodes[i] + 1, 1, col);
  }
}

function outlinePoly(s: Surface, x: number, y: number, p: number[], col: number): void {
  let px1 = p[0];
  let py1 = p[1];
  for (let i = (p.length >> 1) - 1; i >= 0; i--) {
    const px2 = p[2 * i];
    const py2 = p[2 * i + 1];
    drawLine(s, x + px1, y + py1, x + px2, y + py2, col);
    px1 = px2;
    py1 = py2;
  }
}

// ---------------------------------------------------------------- the font

// The 8x8 font of MicroPython's framebuf (PetMe128), characters 32..127: 8 bytes per glyph,
// one byte per column with the LSB at the top. Stored base64-encoded.
const FONT_B64 =
  "AAAAAAAAAAAAAABPTwAAAAAHBwAABwcAFH9/FBR/fxQAJC5razoSAABjMxgMZmMAADJ/TU13clAAAAAEBgMBAAAAHD5jQQAA" +
  "AABBYz4cAAAIKj4cHD4qCAAICD4+CAgAAACA4GAAAAAACAgICAgIAAAAAGBgAAAAAEBgMBgMBgIAPn9JRX8+AABARH9/QEAA" +
  "AGJzUUlPRgAAImNJSX82AAAYGBQWf38QACdnRUV9OQAAPn9JSXsyAAADA3l9BwMAADZ/SUl/NgAAJm9JSX8+AAAAACQkAAAA" +
  "AACA5GQAAAAACBw2Y0FBAAAUFBQUFBQAAEFBYzYcCAAAAgNRWQ8GAAA+f0FNTy4AAHx+Cwt+fAAAf39JSX82AAA+f0FBYyIA" +
  "AH9/QWM+HAAAf39JSUFBAAB/fwkJAQEAAD5/QUl7OgAAf38ICH9/AAAAQX9/QQAAACBgQX8/AQAAf38cNmNBAAB/f0BAQEAA" +
  "AH9/BgwGf38Af38OHH9/AAA+f0FBfz4AAH9/CQkPBgAAHj8hYX9eAAB/fxk5b0YAACZvSUl7MgAAAQF/fwEBAAA/f0BAfz8A" +
  "AB8/YGA/HwAAf38wGDB/fwBjdxwcd2MAAAcPeHgPBwAAYXFZTUdDAAAAf39BQQAAAAIGDBgwYEAAAEFBf38AAAAIDAYGDAgA" +
  "wMDAwMDAwMAAAAEDBgQAAAAgdFRUfHgAAH9/RER8OAAAOHxERGwoAAA4fEREf38AADh8VFRcWAAACH5/CQMCAACYvKSk/HwA" +
  "AH9/BAR8eAAAAAB9fQAAAABAwICA/X0AAH9/MDhsRAAAAEF/f0AAAAB8fBgwGHx8AHx8BAR8eAAAOHxERHw4AAD8/CQkPBgA" +
  "ABg8JCT8/AAAfHwEBAwIAABIXFRUdCAABAQ/f0RkIAAAPHxAQHw8AAAcPGBgPBwAABx8MBgwfBwARGw4OGxEAACcvKCg/HwA" +
  "AERkdFxMRAAACAg+d0FBAAAAAP//AAAAAEFBdz4ICAAAAgMBAwIDAapVqlWqVapV";

function decodeBase64(s: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    acc = ((acc << 6) | alphabet.indexOf(s[i])) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

let font: Uint8Array | null = null;

function drawText(s: Surface, text: Uint8Array, x0: number, y0: number, col: number): void {
  if (font === null) font = decodeBase64(FONT_B64);
  for (let k = 0; k < text.length; k++) {
    let ch = text[k];
    if (ch < 32 || ch > 127) ch = 127;
    const base = (ch - 32) * 8;
    for (let j = 0; j < 8; j++, x0++) {
      if (x0 < 0 || x0 >= s.width) continue;
      for (let bits = font[base + j], y = y0; bits !== 0; bits >>= 1, y++) {
        if (bits & 1 && y >= 0 && y < s.height) setPixel(s, x0, y, col);
      }
    }
  }
}

// ---------------------------------------------------------------- methods

function framebuf_init(self: PyFrameBuffer, ...args: any[]): any {
  initFrameBuffer(self, args);
  return None;
}

function framebuf_fill(self: PyFrameBuffer, col: any): any {
  const s = surf(self);
  fillRectRaw(s, 0, 0, s.width, s.height, toIndex(col));
  return None;
}

function framebuf_fill_rect(self: PyFrameBuffer, x: any, y: any, w: any, h: any, col: any): any {
  fillRect(surf(self), toIndex(x), toIndex(y), toIndex(w), toIndex(h), toIndex(col));
  return None;
}

function framebuf_pixel(self: PyFrameBuffer, xa: any, ya: any, col: any): any {
  const s = surf(self);
  const x = toIndex(xa);
  const y = toIndex(ya);
  if (x >= 0 && x < s.width && y >= 0 && y < s.height) {
    if (col === undefined) return getPixel(s, x, y);
    setPixel(s, x, y, toIndex(col));
  }
  return None;
}

function framebuf_hline(self: PyFrameBuffer, x: any, y: any, w: any, col: any): any {
  fillRect(surf(self), toIndex(x), toIndex(y), toIndex(w), 1, toIndex(col));
  return None;
}

function framebuf_vline(self: PyFrameBuffer, x: any, y: any, h: any, col: any): any {
  fillRect(surf(self), toIndex(x), toIndex(y), 1, toIndex(h), toIndex(col));
  return None;
}

function framebuf_rect(self: PyFrameBuffer, xa: any, ya: any, wa: any, ha: any, ca: any, fill: any): any {
  const s = surf(self);
  const [x, y, w, h, col] = [toIndex(xa), toIndex(ya), toIndex(wa), toIndex(ha), toIndex(ca)];
  if (fill !== undefined && isTrue(fill)) {
    fillRect(s, x, y, w, h, col);
  } else {
    fillRect(s, x, y, w, 1, col);
    fillRect(s, x, y + h - 1, w, 1, col);
    fillRect(s, x, y, 1, h, col);
    fillRect(s, x + w - 1, y, 1, h, col);
  }
  return None;
}

function framebuf_line(self: PyFrameBuffer, x1: any, y1: any, x2: any, y2: any, col: any): any {
  drawLine(surf(self), toIndex(x1), toIndex(y1), toIndex(x2), toIndex(y2), toIndex(col));
  return None;
}

function framebuf_ellipse(self: PyFrameBuffer, cx: any, cy: any, xr: any, yr: any, ca: any, fill: any, m: any): any {
  const s = surf(self);
  const [x, y, a, b, col] = [toIndex(cx), toIndex(cy), toIndex(xr), toIndex(yr), toIndex(ca)];
  let mask = fill !== undefined && isTrue(fill) ? ELLIPSE_FILL : 0;
  mask |= m !== undefined ? toIndex(m) & ELLIPSE_ALL : ELLIPSE_ALL;
  if (a === 0 && b === 0) setPixelChecked(s, x, y, col, mask & ELLIPSE_ALL);
  else drawEllipse(s, x, y, a, b, col, mask);
  return None;
}

function framebuf_poly(self: PyFrameBuffer, xa: any, ya: any, coords: any, ca: any, fill: any): any {
  const s = surf(self);
  const x = toIndex(xa);
  const y = toIndex(ya);
  const p = polyCoords(coords);
  if (p.length === 0) return None;
  const col = toIndex(ca);
  if (fill !== undefined && isTrue(fill)) fillPoly(s, x, y, p, col);
  else outlinePoly(s, x, y, p, col);
  return None;
}

function framebuf_blit(self: PyFrameBuffer, source: any, xa: any, ya: any, keyArg: any, paletteArg: any): any {
  const s = surf(self);
  const src = readonlySurface(source);
  const x = toIndex(xa);
  const y = toIndex(ya);
  // The key is compared as an unsigned 32-bit value: -1 (the default) matches no colour.
  const key = keyArg === undefined ? -1 >>> 0 : toIndex(keyArg) >>> 0;
  const pal = paletteArg !== undefined && paletteArg !== None ? readonlySurface(paletteArg) : null;
  if (x >= s.width || y >= s.height || -x >= src.width || -y >= src.height) return None;
  const x0 = Math.max(0, x);
  const x0end = Math.min(s.width, x + src.width);
  const y0end = Math.min(s.height, y + src.height);
  for (let y0 = Math.max(0, y), y1 = Math.max(0, -y); y0 < y0end; y0++, y1++) {
    for (let cx0 = x0, cx1 = Math.max(0, -x); cx0 < x0end; cx0++, cx1++) {
      let col = getPixel(src, cx1, y1);
      if (pal !== null) col = getPixel(pal, col, 0);
      if (col >>> 0 !== key) setPixel(s, cx0, y0, col);
    }
  }
  return None;
}

function framebuf_scroll(self: PyFrameBuffer, xs: any, ys: any): any {
  const s = surf(self);
  const xstep = toIndex(xs);
  const ystep = toIndex(ys);
  if (Math.abs(xstep) >= s.width || Math.abs(ystep) >= s.height) return None;
  // Copy away from the direction of motion so no pixel is read after being overwritten.
  const [sx, xend, dx] = xstep < 0 ? [0, s.width + xstep, 1] : [s.width - 1, xstep - 1, -1];
  const [sy, yend, dy] = ystep < 0 ? [0, s.height + ystep, 1] : [s.height - 1, ystep - 1, -1];
  for (let y = sy; y !== yend; y += dy) {
    for (let x = sx; x !== xend; x += dx) setPixel(s, x, y, getPixel(s, x - xstep, y - ystep));
  }
  return None;
}

const utf8 = new TextEncoder();

function framebuf_text(self: PyFrameBuffer, text: any, x: any, y: any, col: any): any {
  let bytes: Uint8Array;
  if (typeof text === "string") bytes = utf8.encode(text);
  else if (text instanceof PyBytes) bytes = text.$b;
  else throw typeError("can't convert to str implicitly");
  // The text stops at a NUL byte, as in MicroPython (C strings).
  const nul = bytes.indexOf(0);
  if (nul >= 0) bytes = bytes.subarray(0, nul);
  drawText(surf(self), bytes, toIndex(x), toIndex(y), col === undefined ? 1 : toIndex(col));
  return None;
}

addMethods(frameBufferType, {
  __init__: builtin("__init__", framebuf_init),
  fill: builtin("fill", framebuf_fill),
  fill_rect: builtin("fill_rect", framebuf_fill_rect),
  pixel: builtin("pixel", framebuf_pixel),
  hline: builtin("hline", framebuf_hline),
  vline: builtin("vline", framebuf_vline),
  rect: builtin("rect", framebuf_rect),
  line: builtin("line", framebuf_line),
  ellipse: builtin("ellipse", framebuf_ellipse),
  poly: builtin("poly", framebuf_poly),
  blit: builtin("blit", framebuf_blit),
  scroll: builtin("scroll", framebuf_scroll),
  text: builtin("text", framebuf_text),
});

/** FrameBuffer1(buffer, width, height[, stride]): the old MONO_VLSB-only constructor. */
function framebuf_FrameBuffer1(buf: any, width: any, height: any, stride: any): any {
  const o = new PyFrameBuffer();
  initFrameBuffer(o, [buf, width, height, MVLSB, stride === undefined ? width : stride]);
  return o;
}

export function makeModule(): Record<string, any> {
  return {
    FrameBuffer: frameBufferType,
    FrameBuffer1: builtin("FrameBuffer1", framebuf_FrameBuffer1),
    MVLSB: MVLSB,
    MONO_VLSB: MVLSB,
    RGB565: RGB565,
    GS2_HMSB: GS2_HMSB,
    GS4_HMSB: GS4_HMSB,
    GS8: GS8,
    MONO_HLSB: MHLSB,
    MONO_HMSB: MHMSB,
  };
}
