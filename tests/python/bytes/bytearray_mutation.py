# bytearray: mutation, growth, slice assignment and comparisons
a = bytearray(b"abc")
a.append(100)
a.extend(b"ef")
a.extend([103, 104])
a += b"ij"
print(a, len(a))
a[0] = 65
a[1:3] = b"BC"
print(a)
a[1:1] = b"123"
print(a)
a[2:] = b""
print(a)
del a[0]
print(a)
a = bytearray(range(10))
del a[::2]
print(a)
b = bytearray()
for i in range(1000):
    b.append(i & 0xFF)
print(len(b), b[255], b[256], b[-1])
b[:] = b[:10]
print(b)
b[-1:] = b
print(b)
print(bytearray(3), bytearray([1, 2]), bytearray("xy", "utf-8"), bytearray(b"q"))
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < bytearray(b"b"))
print(bytearray(b"a b").split(), bytearray(b"xAx").strip(b"x"), bytearray(b"ab").upper())
print(bytearray(b"ab") + b"cd", type(bytearray(b"ab") + b"cd").__name__, b"ab" + bytearray(b"cd"))
print(bytearray(b"hello").find(b"l"), bytearray(b"hi").decode(), bytearray(b"\x01\x02").hex())
try:
    hash(bytearray())
except TypeError:
    print("TypeError")
c = bytearray(b"xyz")
for i, x in enumerate(c):
    print(i, x)

# memoryview: a window sharing memory
buf = bytearray(b"0123456789")
m = memoryview(buf)
print(len(m), m[0], m[-1], list(m[2:5]), bytes(m[7:]))
m[0] = 65
m[1:3] = b"BC"
print(buf)
s = m[4:8]
s[0] = 0x21
print(buf, s.tobytes(), len(s))
ro = memoryview(b"abc")
try:
    ro[0] = 1
except TypeError:
    print("TypeError")
print(memoryview(b"abc") == b"abc", bytes(memoryview(memoryview(b"xyz"))[1:]))
print(bytearray(memoryview(b"ab")), memoryview(b"ab").itemsize)
