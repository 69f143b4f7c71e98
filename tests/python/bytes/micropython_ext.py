# MicroPython behaviour that differs from CPython (expected output written by hand):
# - a bytearray may grow while memoryviews of it exist (CPython raises BufferError), and the
#   views see the new contents;
# - bytes concatenate with any object that has the buffer protocol, but bytes == array.array
#   is False (only bytearray and memoryview compare equal to bytes);
# - array.array accepts the extension typecodes 'O' (objects) and 'P' (pointers);
# - struct packs fewer values than the format asks for (the rest are zero) and has 'O' fields;
# - bytes.hex and binascii.hexlify take a one-character separator (str or bytes).
import array, struct, binascii
buf = bytearray(b"0123")
m = memoryview(buf)
buf.extend(b"4567")
m[0] = 65
print(buf, len(m), bytes(m))
print(b"\x01\x00" == array.array("h", [1]), b"ab" + array.array("b", [99]))
print(bytearray(b"ab") + array.array("B", [99]))
a = array.array("O")
a.append([1])
a.append("x")
print(a[0], a[1], len(a))
p = array.array("P", [1, 2])
print(p[1], memoryview(p).itemsize)
print(struct.pack("<2I", 1))
class A:
    pass
o = A()
print(struct.unpack("<O", struct.pack("<O", o))[0] is o)
print(b"\x01\x02".hex(b"-"), binascii.hexlify(b"\x01\x02", ":"))
print(bytearray(b"ab").hex())
