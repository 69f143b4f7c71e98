// uctypes: access binary data in a structured way.
// https://docs.micropython.org/en/latest/library/uctypes.html (behaviour: extmod/moductypes.c)
//
// There is no raw memory in JavaScript, so addresses are modelled (see "Address space" below):
// every ArrayBuffer whose address is taken (addressof) gets a base address in a virtual address
// space, and an address maps back to (buffer, offset). An address nobody owns (uctypes.struct(0,
// ...), bytearray_at(0x1000, 8)) is backed by zero-filled anonymous memory created on demand, so
// such objects read and write consistently and addressof() of them gives the address back.
//
// A descriptor encodes a field as a small int: bits 27..30 are the scalar type (UINT8..FLOAT64),
// bits 0..16 the offset, and for bitfields bits 17..21 the bit position, bits 22..26 the length.
// An aggregate is a tuple whose first item has the kind (STRUCT/PTR/ARRAY) in bits 29..30.

import { PyObject, defineBuiltinType, addMethods, builtin, None, typeOf } from "../runtime/object.ts";
import { newExc, typeError, indexError, overflowError, KeyError, TypeError } from "../runtime/exceptions.ts";
import { getBuffer } from "../runtime/buffer.ts";
import { PyDict, dictGet } from "../runtime/types/dict.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { PyByteArray, mkBytes } from "../runtime/types/bytes.ts";
import { PyFloat, mkFloat, toFloat } from "../runtime/types/float.ts";
import { asInt, normBig, type Int } from "../runtime/types/int.ts";
import { toIndex } from "../runtime/ops.ts";

// ---------------------------------------------------------------- address space

interface Region {
  base: number;
  size: number;
  /** Anonymous memory is owned here; a program's buffer is only referenced weakly. */
  mem: ArrayBuffer | WeakRef<ArrayBuffer>;
}

/** Regions sorted by base address. */
const regions: Region[] = [];
const baseOf = new WeakMap<ArrayBuffer, number>();
/** Where the next program buffer is placed (looks like a 64-bit heap address). */
let nextBase = 0x7f3a_2c00_0000;
const PAGE = 4096;

function regionBuffer(r: Region): ArrayBuffer | undefined {
  return r.mem instanceof ArrayBuffer ? r.mem : r.mem.deref();
}

/** Index of the last region with base <= addr, or -1. */
function findRegion(addr: number): number {
  let lo = 0;
  let hi = regions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].base <= addr) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function insertRegion(r: Region): void {
  regions.splice(findRegion(r.base) + 1, 0, r);
}

/** The address of the first byte of `bytes` (placing its buffer in the address space). */
export function addressOfBytes(bytes: Uint8Array): number {
  const buf = bytes.buffer as ArrayBuffer;
  let base = baseOf.get(buf);
  if (base === undefined) {
    base = nextBase;
    nextBase += Math.ceil((buf.byteLength + 16) / 16) * 16;
    baseOf.set(buf, base);
    insertRegion({ base, size: buf.byteLength, mem: new WeakRef(buf) });
  }
  return base + bytes.byteOffset;
}

/** Zero-filled memory for addresses nobody owns: whole pages, not overlapping other regions. */
function anonymous(addr: number, n: number, after: number): Region {
  const start = Math.floor(addr / PAGE) * PAGE;
  const prev = after >= 0 ? regions[after] : undefined;
  const lo = prev !== undefined ? Math.max(start, prev.base + prev.size) : start;
  const next = regions[after + 1];
  let hi = Math.ceil((addr + Math.max(n, 1)) / PAGE) * PAGE;
  if (next !== undefined && next.base < hi) hi = next.base;
  const buf = new ArrayBuffer(hi - lo);
  baseOf.set(buf, lo);
  const r: Region = { base: lo, size: hi - lo, mem: buf };
  regions.splice(after + 1, 0, r);
  return r;
}

/**
 * `n` bytes of memory at `addr`: a live view when one region holds them all, else a zero-padded
 * copy of what exists (writes to such a copy are lost, as reads past a buffer are garbage).
 */
export function memAt(addr: number, n: number): Uint8Array {
  const i = findRegion(addr);
  const r = i >= 0 ? regions[i] : undefined;
  const buf = r !== undefined ? regionBuffer(r) : undefined;
  if (r === undefined || buf === undefined || addr >= r.base + Math.max(r.size, 1)) {
    if (r !== undefined && buf === undefined) regions.splice(i, 1);
    const a = anonymous(addr, n, r !== undefined && buf === undefined ? i - 1 : i);
    if (addr + n <= a.base + a.size) return new Uint8Array(a.mem as ArrayBuffer, addr - a.base, n);
    return memAt(addr, n);
  }
  const off = addr - r.base;
  if (off + n <= buf.byteLength) return new Uint8Array(buf, off, n);
  const copy = new Uint8Array(n);
  copy.set(new Uint8Array(buf, off));
  return copy;
}

/**
 * The region holding `addr` (anonymous memory when nobody owns it): its base address and a view
 * of all its bytes, for code that touches many addresses in one buffer (viper pointers).
 */
export function regionAt(addr: number): { base: number; mem: Uint8Array } {
  memAt(addr, 1);
  const r = regions[findRegion(addr)];
  return { base: r.base, mem: new Uint8Array(regionBuffer(r) as ArrayBuffer) };
}

function dataView(addr: number, n: number): DataView {
  const m = memAt(addr, n);
  return new DataView(m.buffer, m.byteOffset, n);
}

/** An address argument (mp_obj_get_int_truncated to a pointer). */
function addrArg(x: any): number {
  const v = asInt(x);
  if (v === undefined) throw typeError(`can't convert ${typeOf(x).$name} to int`);
  if (typeof v !== "number" || v < 0) throw overflowError("overflow converting long int to machine word");
  return v;
}

// ---------------------------------------------------------------- descriptor encoding

const LAYOUT_LITTLE_ENDIAN = 0;
const LAYOUT_BIG_ENDIAN = 1;
const LAYOUT_NATIVE = 2;

const UINT8 = 0, INT8 = 1, UINT16 = 2, INT16 = 3, UINT32 = 4, INT32 = 5, UINT64 = 6, INT64 = 7;
const BFUINT8 = 8, BFINT8 = 9, BFUINT16 = 10, BFINT16 = 11, BFUINT32 = 12, BFINT32 = 13;
const FLOAT32 = 14, FLOAT64 = 15;
const STRUCT = 0, PTR = 1, ARRAY = 2;

const VAL_TYPE_BITS = 4;
const AGG_TYPE_BITS = 2;
const OFFSET_BITS = 17;
const LEN_BITS = 22;
const PTR_SIZE = 8;

/** The constant for a type: its code in the top bits of a 31-bit signed int. */
const typeConst = (code: number, nbits: number) => (code << (32 - nbits)) >> 1;
const getType = (x: number, nbits: number) => (x >> (31 - nbits)) & ((1 << nbits) - 1);
const valueMask = (nbits: number) => ~(0x80000000 >> nbits);

function syntaxError() {
  return typeError("syntax error in uctypes descriptor");
}

/** A descriptor word (MP_OBJ_SMALL_INT_VALUE): an int that fits 32 bits. */
function word(x: any): number {
  if (typeof x === "number") return x | 0;
  if (typeof x === "boolean") return x ? 1 : 0;
  throw syntaxError();
}

function scalarSize(valType: number): number {
  return valType === FLOAT32 ? 4 : 1 << ((valType & 7) >> 1);
}

const isDict = (d: any) => d instanceof PyDict;
const isTuple = (d: any) => d instanceof PyTuple;

// ---------------------------------------------------------------- sizeof

interface MaxField {
  v: number;
}

function aggSize(t: any[], layout: number, max: MaxField): number {
  if (t.length < 2) throw syntaxError();
  switch (getType(word(t[0]), AGG_TYPE_BITS)) {
    case STRUCT:
      if (t.length !== 2) throw syntaxError();
      return structSize(t[1], layout, max);
    case PTR:
      if (t.length !== 2) throw syntaxError();
      if (PTR_SIZE > max.v) max.v = PTR_SIZE;
      return PTR_SIZE;
    case ARRAY: {
      const w = word(t[1]);
      const n = w & valueMask(VAL_TYPE_BITS);
      let itemSize: number;
      if (t.length === 2) {
        itemSize = scalarSize(getType(w, VAL_TYPE_BITS));
        if (itemSize > max.v) max.v = itemSize;
      } else if (t.length === 3) {
        itemSize = structSize(t[2], layout, max);
      } else throw syntaxError();
      return itemSize * n;
    }
  }
  throw syntaxError();
}

function structSize(desc: any, layout: number, max: MaxField): number {
  if (!isDict(desc)) {
    if (isTuple(desc)) return aggSize(desc.$a, layout, max);
    if (typeof desc === "number") throw typeError("can't unambiguously get sizeof scalar");
    throw syntaxError();
  }
  let total = 0;
  for (const e of (desc as PyDict).$t.m.values()) {
    const v = e.v;
    let end: number;
    if (typeof v === "number") {
      const valType = getType(v, VAL_TYPE_BITS);
      let offset = v & valueMask(VAL_TYPE_BITS);
      if (valType >= BFUINT8 && valType <= BFINT32) offset &= (1 << OFFSET_BITS) - 1;
      const s = scalarSize(valType);
      if (s > max.v) max.v = s;
      end = offset + s;
    } else {
      if (!isTuple(v)) throw syntaxError();
      const offset = word(v.$a[0]) & valueMask(AGG_TYPE_BITS);
      end = offset + aggSize(v.$a, layout, max);
    }
    if (end > total) total = end;
  }
  // A native layout rounds up to the alignment of the biggest field, as a C compiler does.
  if (layout === LAYOUT_NATIVE && max.v > 0) total = Math.ceil(total / max.v) * max.v;
  return total;
}

function uctypes_sizeof(obj: any, layoutArg?: any): number {
  if (obj instanceof PyByteArray) return obj.$n;
  let layout = LAYOUT_NATIVE;
  let desc = obj;
  if (obj instanceof UStruct) {
    if (layoutArg !== undefined) throw newExc(TypeError);
    desc = obj.$desc;
    layout = obj.$flags;
  } else if (layoutArg !== undefined) {
    layout = toIndex(layoutArg);
  }
  return structSize(desc, layout, { v: 0 });
}

// ---------------------------------------------------------------- scalar load / store

/** Reads a scalar; `little` false means big-endian. */
function loadScalar(valType: number, addr: number, little: boolean): any {
  const dv = dataView(addr, scalarSize(valType));
  switch (valType) {
    case UINT8: return dv.getUint8(0);
    case INT8: return dv.getInt8(0);
    case UINT16: return dv.getUint16(0, little);
    case INT16: return dv.getInt16(0, little);
    case UINT32: return dv.getUint32(0, little);
    case INT32: return dv.getInt32(0, little);
    case UINT64: return normBig(dv.getBigUint64(0, little));
    case INT64: return normBig(dv.getBigInt64(0, little));
    case FLOAT32: return mkFloat(dv.getFloat32(0, little));
    case FLOAT64: return mkFloat(dv.getFloat64(0, little));
  }
  throw syntaxError();
}

/** An int value to store (mp_obj_get_int_truncated). */
function intValue(v: any): Int {
  const i = asInt(v);
  if (i === undefined) throw typeError(`can't convert ${typeOf(v).$name} to int`);
  return i;
}

/** The low 32 bits of an int, as an unsigned number. */
function low32(i: Int): number {
  return typeof i === "number" ? Number(BigInt.asUintN(32, BigInt(i))) : Number(BigInt.asUintN(32, i));
}

function storeScalar(valType: number, addr: number, little: boolean, v: any): void {
  const dv = dataView(addr, scalarSize(valType));
  if (valType === FLOAT32 || valType === FLOAT64) {
    const f = v instanceof PyFloat ? v.$v : toFloat(v);
    if (valType === FLOAT32) dv.setFloat32(0, f, little);
    else dv.setFloat64(0, f, little);
    return;
  }
  const i = intValue(v);
  switch (valType) {
    case UINT8:
    case INT8:
      dv.setUint8(0, low32(i) & 0xff);
      return;
    case UINT16:
    case INT16:
      dv.setUint16(0, low32(i) & 0xffff, little);
      return;
    case UINT32:
    case INT32:
      dv.setUint32(0, low32(i), little);
      return;
    case UINT64:
    case INT64:
      dv.setBigUint64(0, BigInt.asUintN(64, BigInt(i)), little);
      return;
  }
  throw syntaxError();
}

// ---------------------------------------------------------------- bitfields

function loadBits(valType: number, addr: number, little: boolean): number {
  const dv = dataView(addr, scalarSize(valType));
  switch (valType & 6) {
    case UINT8: return dv.getUint8(0);
    case UINT16: return dv.getUint16(0, little);
    default: return dv.getUint32(0, little);
  }
}

function storeBits(valType: number, addr: number, little: boolean, v: number): void {
  const dv = dataView(addr, scalarSize(valType));
  switch (valType & 6) {
    case UINT8: dv.setUint8(0, v & 0xff); return;
    case UINT16: dv.setUint16(0, v & 0xffff, little); return;
    default: dv.setUint32(0, v >>> 0, little);
  }
}

/** Loads (v === undefined) or stores a bitfield field whose descriptor word is `w`. */
function bitfield(self: UStruct, valType: number, w: number, v: any): any {
  const pos = (w >> OFFSET_BITS) & 31;
  const len = (w >> LEN_BITS) & 31;
  const addr = self.$addr + (w & ((1 << OFFSET_BITS) - 1));
  const little = self.$flags !== LAYOUT_BIG_ENDIAN;
  const old = loadBits(valType, addr, little);
  const mask = len >= 32 ? 0xffffffff : (2 ** len - 1);
  if (v === undefined) return Math.floor(old / 2 ** pos) % (mask + 1);
  const nv = (low32(intValue(v)) & mask) >>> 0;
  const cleared = (old & ~(mask << pos)) >>> 0;
  storeBits(valType, addr, little, (cleared | (nv << pos)) >>> 0);
  return v;
}

// ---------------------------------------------------------------- struct objects

export class UStruct extends PyObject {
  constructor(public $addr: number, public $desc: any, public $flags: number) {
    super();
  }
}
const ustructType = defineBuiltinType("struct", UStruct.prototype);
(UStruct.prototype as any).$hk = 2;

function mkStruct(addr: number, desc: any, flags: number): UStruct {
  return new UStruct(addr, desc, flags);
}

/** Field access: load when `v` is undefined, else store (MicroPython's uctypes_struct_attr_op). */
function fieldOp(self: UStruct, name: string, v: any): any {
  if (!isDict(self.$desc)) throw typeError("struct: no fields");
  const d = dictGet(self.$desc, name);
  if (d === undefined) throw newExc(KeyError, name);
  if (typeof d === "number") {
    const valType = getType(d, VAL_TYPE_BITS);
    const offset = d & valueMask(VAL_TYPE_BITS);
    if (valType >= BFUINT8 && valType <= BFINT32) return bitfield(self, valType, offset, v);
    const little = self.$flags !== LAYOUT_BIG_ENDIAN;
    if (v === undefined) return loadScalar(valType, self.$addr + offset, little);
    storeScalar(valType, self.$addr + offset, little, v);
    return v;
  }
  if (!isTuple(d) || v !== undefined) throw syntaxError();
  const sub: any[] = d.$a;
  const w = word(sub[0]);
  const addr = self.$addr + (w & valueMask(AGG_TYPE_BITS));
  switch (getType(w, AGG_TYPE_BITS)) {
    case STRUCT:
      return mkStruct(addr, sub[1], self.$flags);
    case ARRAY:
      // An array of UINT8 is a bytearray over the same memory.
      if (sub.length === 2 && getType(word(sub[1]), VAL_TYPE_BITS) === UINT8) {
        const n = aggSize(sub, self.$flags, { v: 0 });
        const m = memAt(addr, n);
        return new PyByteArray(m, n);
      }
      return mkStruct(addr, d, self.$flags);
    case PTR:
      return mkStruct(addr, d, self.$flags);
  }
  return None;
}

/** The pointer stored at addr (native, 8 bytes). */
function loadPtr(addr: number): number {
  return Number(dataView(addr, PTR_SIZE).getBigUint64(0, true));
}

function subscrOp(self: UStruct, index: any, v: any): any {
  if (!isTuple(self.$desc)) throw typeError("struct: can't index");
  const t: any[] = self.$desc.$a;
  const agg = getType(word(t[0]), AGG_TYPE_BITS);
  const i = toIndex(index);
  if (agg === ARRAY) {
    const w = word(t[1]);
    const valType = getType(w, VAL_TYPE_BITS);
    if (i >= (w & valueMask(VAL_TYPE_BITS))) throw indexError("struct: index out of range");
    if (t.length === 2) {
      const addr = self.$addr + scalarSize(valType) * i;
      const little = self.$flags !== LAYOUT_BIG_ENDIAN;
      if (v === undefined) return loadScalar(valType, addr, little);
      storeScalar(valType, addr, little, v);
      return v;
    }
    if (v !== undefined) throw typeError("'struct' object doesn't support item assignment");
    const size = structSize(t[2], self.$flags, { v: 0 });
    return mkStruct(self.$addr + size * i, t[2], self.$flags);
  }
  if (agg === PTR) {
    if (v !== undefined) throw typeError("'struct' object doesn't support item assignment");
    const p = loadPtr(self.$addr);
    if (typeof t[1] === "number") {
      const valType = getType(t[1], VAL_TYPE_BITS);
      return loadScalar(valType, p + scalarSize(valType) * i, true);
    }
    const size = structSize(t[1], self.$flags, { v: 0 });
    return mkStruct(p + size * i, t[1], self.$flags);
  }
  throw syntaxError();
}

function struct_repr(self: UStruct): string {
  const d = self.$desc;
  let kind = "ERROR";
  if (isDict(d)) kind = "STRUCT";
  else if (isTuple(d)) {
    const agg = getType(word(d.$a[0]), AGG_TYPE_BITS);
    kind = agg === PTR ? "PTR" : agg === ARRAY ? "ARRAY" : "unk";
  }
  return `<struct ${kind} ${self.$addr.toString(16)}>`;
}

function struct_int(self: UStruct): any {
  const d = self.$desc;
  if (isTuple(d) && getType(word(d.$a[0]), AGG_TYPE_BITS) === PTR) return loadPtr(self.$addr);
  throw typeError("can't convert struct to int");
}

ustructType.$new = (_cls, args: any[], kw: any) => {
  if ((kw !== null && kw !== undefined && Object.keys(kw).length > 0) || args.length < 2 || args.length > 3)
    throw typeError(`function takes 2 or 3 positional arguments but ${args.length} were given`);
  const flags = args.length === 3 ? toIndex(args[2]) : LAYOUT_NATIVE;
  return mkStruct(addrArg(args[0]), args[1], flags);
};

const structProto = ustructType.$proto;
structProto.$getattr = function (this: UStruct, name: string) {
  return fieldOp(this, name, undefined);
};
structProto.$getBuffer = function (this: UStruct) {
  const size = structSize(this.$desc, this.$flags, { v: 0 });
  return { bytes: memAt(this.$addr, size), readonly: false, typecode: "B" };
};

addMethods(ustructType, {
  __setattr__: builtin("__setattr__", (self: UStruct, name: string, v: any) => (fieldOp(self, name, v), None)),
  __getitem__: builtin("__getitem__", (self: UStruct, i: any) => subscrOp(self, i, undefined)),
  __setitem__: builtin("__setitem__", (self: UStruct, i: any, v: any) => (subscrOp(self, i, v), None)),
  __repr__: builtin("__repr__", struct_repr),
  __int__: builtin("__int__", struct_int),
  // hash() of a struct is an unsupported unary op in MicroPython.
  __hash__: None,
});

// ---------------------------------------------------------------- module functions

function uctypes_addressof(obj: any): number {
  return addressOfBytes(getBuffer(obj).bytes);
}

function uctypes_bytearray_at(addr: any, size: any): any {
  const n = toIndex(size);
  return new PyByteArray(memAt(addrArg(addr), n), n);
}

function uctypes_bytes_at(addr: any, size: any): any {
  const n = toIndex(size);
  return mkBytes(memAt(addrArg(addr), n).slice());
}

export function makeModule(): Record<string, any> {
  const t = (code: number) => typeConst(code, VAL_TYPE_BITS);
  return {
    struct: ustructType,
    sizeof: builtin("sizeof", uctypes_sizeof),
    addressof: builtin("addressof", uctypes_addressof),
    bytes_at: builtin("bytes_at", uctypes_bytes_at),
    bytearray_at: builtin("bytearray_at", uctypes_bytearray_at),
    NATIVE: LAYOUT_NATIVE,
    LITTLE_ENDIAN: LAYOUT_LITTLE_ENDIAN,
    BIG_ENDIAN: LAYOUT_BIG_ENDIAN,
    VOID: t(UINT8),
    UINT8: t(UINT8), INT8: t(INT8), UINT16: t(UINT16), INT16: t(INT16),
    UINT32: t(UINT32), INT32: t(INT32), UINT64: t(UINT64), INT64: t(INT64),
    BFUINT8: t(BFUINT8), BFINT8: t(BFINT8), BFUINT16: t(BFUINT16), BFINT16: t(BFINT16),
    BFUINT32: t(BFUINT32), BFINT32: t(BFINT32),
    BF_POS: OFFSET_BITS,
    BF_LEN: LEN_BITS,
    FLOAT32: t(FLOAT32), FLOAT64: t(FLOAT64),
    // C type aliases of the 64-bit unix port (MICROPY_PY_UCTYPES_NATIVE_C_TYPES).
    SHORT: t(INT16), USHORT: t(UINT16), INT: t(INT32), UINT: t(UINT32),
    LONG: t(INT64), ULONG: t(UINT64), LONGLONG: t(INT64), ULONGLONG: t(UINT64),
    PTR: typeConst(PTR, AGG_TYPE_BITS),
    ARRAY: typeConst(ARRAY, AGG_TYPE_BITS),
  };
}
