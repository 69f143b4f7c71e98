# array.array, struct and binascii (the parts where MicroPython agrees with CPython)
import array, struct, binascii
a = array.array("i", [1, -2, 3])
a.append(4)
a.extend([5, 6])
a += array.array("i", [7])
print(a, len(a), a[0], a[-1], a[1:3], list(a), 3 in a)
a[0] = 100
a[1:3] = array.array("i", [9])
print(a)
print(array.array("h"), array.array("B", b"\x01\x02"), array.array("H", [65535]))
print(array.array("b", [-128, 127]), array.array("f", [1.5, -2.25]), array.array("d", [0.1]))
print(array.array("q", [-2**63, 2**63 - 1]), array.array("Q", [2**64 - 1]))
print(array.array("I", [1]) + array.array("I", [2, 3]))
print(array.array("i", [1, 2]) == array.array("i", [1, 2]), array.array("B", [1]) < array.array("B", [2]))
print(bytes(array.array("h", [1, -1])), bytearray(array.array("b", [1, 2])))
m = memoryview(array.array("i", [10, 20, 30]))
print(len(m), m[1], list(m[1:]), m.itemsize)
try:
    array.array("X")
except ValueError:
    print("ValueError")

print(struct.calcsize("<bI"), struct.calcsize(">h2xq"), struct.calcsize("5s"), struct.calcsize("<3H"))
print(struct.pack("<bI", -1, 256), struct.pack(">hH", -2, 65535), struct.pack("<q", -1))
print(struct.pack("<fd", 1.5, -0.25), struct.pack("!i", 123), struct.pack("3s", b"abcdef"))
print(struct.unpack("<bI", b"\x80\x00\x00\x01\x00"), struct.unpack(">Q", b"\xff" * 8))
print(struct.unpack("<2h3s", b"\x01\x00\x02\x00xyz"), struct.unpack("<f", struct.pack("<f", 0.5)))
print(struct.unpack_from("<H", b"\x00\x01\x02", 1), struct.unpack("<e", struct.pack("<e", 1.5)))
buf = bytearray(8)
struct.pack_into("<HH", buf, 2, 1, 0xABCD)
print(buf)
for fmt in "bhiq":
    print(fmt, struct.unpack("<" + fmt, struct.pack("<" + fmt, -2)))

print(binascii.hexlify(b"\x00\xff"), binascii.unhexlify(b"00ff"), binascii.unhexlify("0a0B"))
print(binascii.b2a_base64(b"hello"), binascii.b2a_base64(b"hi", newline=False))
print(binascii.a2b_base64(b"aGVsbG8="), binascii.a2b_base64("aGk="))
print(binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
