# uctypes over a bytearray: scalar fields, bitfields, arrays, nested structs, pointers, sizeof.
# Expected output written by hand: uctypes is MicroPython-only (no CPython equivalent).
import uctypes

desc = {
    "a": uctypes.UINT16 | 0,
    "b": uctypes.INT8 | 2,
    "f": uctypes.FLOAT32 | 4,
    "q": uctypes.UINT64 | 8,
    "bf_lo": uctypes.BFUINT8 | 3 | 0 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "bf_hi": uctypes.BFUINT8 | 3 | 4 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "arr": (uctypes.ARRAY | 16, uctypes.UINT16 | 2),
    "bytes": (uctypes.ARRAY | 16, uctypes.UINT8 | 4),
    "sub": (16, {"x": uctypes.UINT8 | 0, "y": uctypes.UINT8 | 1}),
    "recs": (uctypes.ARRAY | 16, 2, {"v": uctypes.UINT16 | 0}),
}
buf = bytearray(20)
s = uctypes.struct(uctypes.addressof(buf), desc, uctypes.LITTLE_ENDIAN)
s.a = 0x1234
s.b = -2
s.f = 1.5
s.q = 1 << 40
s.bf_lo = 5
s.bf_hi = 10
s.arr[0] = 0xBEEF
s.arr[1] = 0x0102
print(buf)
print(hex(s.a), s.b, s.f, s.q, s.bf_lo, s.bf_hi)
print(type(s.bytes), s.bytes)
print(s.sub.x, s.sub.y, s.recs[1].v)
print(uctypes.sizeof(desc, uctypes.LITTLE_ENDIAN), uctypes.sizeof(s.arr))
print(uctypes.sizeof({"a": uctypes.UINT8 | 0, "b": uctypes.UINT32 | 4, "c": uctypes.UINT8 | 8}))

# big-endian view of the same memory
be = uctypes.struct(uctypes.addressof(buf), {"a": uctypes.UINT16 | 0}, uctypes.BIG_ENDIAN)
print(hex(be.a))

# addresses round-trip through bytearray_at / bytes_at
addr = uctypes.addressof(buf)
view = uctypes.bytearray_at(addr + 16, 2)
view[0] = 0x41
print(buf[16], uctypes.bytes_at(addr + 16, 2), uctypes.addressof(view) == addr + 16)

# a pointer field
target = bytearray(b"xyz")
pbuf = bytearray(uctypes.addressof(target).to_bytes(8, "little"))
p = uctypes.struct(uctypes.addressof(pbuf), {"p": (uctypes.PTR | 0, uctypes.UINT8)})
print(p.p[0], p.p[2], int(p.p) == uctypes.addressof(target))

# errors
try:
    s.nope
except KeyError:
    print("KeyError")
for f in (lambda: s[0], lambda: uctypes.sizeof(1), lambda: s.arr[2]):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(uctypes.struct(0, desc))
