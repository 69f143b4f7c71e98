# int arithmetic: floor semantics, big ints, mixed operands, bools
for a in (7, -7, 0, 2**70, -(2**70)):
    for b in (3, -3, 2**65 + 1, -(2**65 + 1)):
        q = a // b
        r = a % b
        print(a, b, q, r, q * b + r == a)
d = divmod(-17, 5)
print(d)
print(2**64, -(2**64), 2**53 + 1, -(2**53) - 1)
x = 2**53
x = x - 1
print(x, type(x))
print(3**40, 7**-1, (-2)**3)
p = pow(3, 200, 1000)
print(p, pow(-3, 3, 7), pow(5, 3, -7))
print(1 << 70, (1 << 70) >> 68, -5 >> 1, -1 >> 100, 5 << 0)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0x0f, ~5, ~(2**70))
print((2**70 + 5) & 0xff, -(2**70) | 1, (2**70) ^ (2**70 + 1))
print(True + True, True * 10, -True, ~True, True & True, True | False, True ^ True, True & 3)
print(1 + 0.5, 3 / 2, 4 / 2, 7 // 2.0, 7 % 2.5, 2 ** 0.5 > 1.41)
print(2**60 == 2.0**60, 2**60 < 2.0**61, 1 == 1.0, 3 > 2.5)
print(abs(-5), abs(-(2**70)), int(-0.0), -0)
for v in (0, 1, -1, 255, 2**70):
    print(v.bit_length() if hasattr(v, "bit_length") else None)
# MicroPython's message is "divide by zero" (CPython: "integer division or modulo by zero");
# the .exp file has MicroPython's wording.
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 + "a"
except TypeError:
    print("TypeError")
