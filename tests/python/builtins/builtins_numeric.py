# Expected output is CPython's except for two MicroPython messages: divmod by zero
# ("divide by zero") and max() of an empty sequence ("arg is an empty sequence"), and
# round(2.675, 2): MicroPython rounds 2.675 * 100 (which is exactly 267.5 in binary) to even, 2.68.
# abs, divmod, pow, round, sum, bin/oct/hex, min/max with ints and floats
print(abs(-5), abs(5), abs(-2**70), abs(True), abs(-1.5))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print(divmod(2**70, 3), divmod(-2**70, 7))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(pow(2, 10), pow(3, 4, 7), pow(3, 4, -5), pow(2, 100, 1000007), pow(0, 0, 1))
try:
    pow(2, "x", 3)
except TypeError:
    print("TypeError")
print(round(7), round(15, -1), round(25, -1), round(-25, -1), round(123456, -3))
print(round(2.5), round(3.5), round(-2.5), round(0.4), round(1e20))
print(round(1.25, 1), round(2.675, 2))
print(type(round(2.5)), type(round(2.5, 0)))
print(sum([]), sum([1, 2, 3]), sum((1, 2), 10), sum([0.5, 0.25]), sum(range(101)))
print(bin(5), bin(-5), bin(0), oct(8), oct(-8), hex(255), hex(-255), hex(2**64))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("abc"))
print(min([1, 2], key=lambda x: -x), max([], default="empty"))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash(True) == 1)
print(chr(65), chr(0x1F600) == "\U0001F600", ord("A"), ord("\u00e9"), ord(b"a"))
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
