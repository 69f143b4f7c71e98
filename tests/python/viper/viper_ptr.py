# Pointer loads and stores in viper functions: little-endian ptr16/ptr32 words, stored values
# truncated to the word size, ptr32 loads zero-extended, pointers kept as integer addresses.
# Expected output written by hand (CPython has no viper).


@micropython.viper
def fill16(p: ptr16, n: int, v: int):
    for i in range(n):
        p[i] = v + i


@micropython.viper
def load32(p: ptr32, i: int) -> int:
    return p[i]


@micropython.viper
def store8(p: ptr8, i: int, v: int):
    p[i] = v


@micropython.viper
def incr(p: ptr8, n: int):
    i = 0
    while i < n:
        p[i] += 1
        i += 1


@micropython.viper
def addr_of(buf) -> int:
    p = ptr8(buf)
    return int(p)


@micropython.viper
def sum8(p: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s += p[i]
    return s


b = bytearray(8)
fill16(b, 4, 0x1234)
print(b)
b = bytearray(b"\xff\xff\xff\xff\x01\x00\x00\x00")
print(load32(b, 0), load32(b, 1))
store8(b, 0, 0x1FF)
store8(b, 1, -2)
print(b)
incr(b, 4)
print(b)
a = addr_of(b)
print(a == addr_of(b), a + 4 == addr_of(memoryview(b)[4:]))
print(sum8(a, 4), sum8(b"\x01\x02\x03", 3))
