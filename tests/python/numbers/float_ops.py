# float arithmetic and printing (outputs agree with CPython for these values)
print(1 / 3, 2 / 3, 0.1 + 0.2, 1e16, 1e15, 1.5e-7, 1e-5, 0.0001, 1e22)
print(float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 100.0, 123456789.123)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 10, 2 ** -2, 4 ** 0.5, (-8) ** 2.0)
print(1.5 + 1, 1 + 1.5, 3 * 0.5, 0.5 * 3, 1 - 0.25, 1.0 == 1, hash(1.0) == hash(1))
print(round(2.5), round(3.5), round(-2.5), round(1.2345, 2), round(12345.0, -2))
print(float(" 1.5 "), float("1e5"), float("-.5"), float("INF"), float("nan"), float(3), float(True))
print(abs(-1.5), -(1.5), +1.5, 1.5 < 2, 2.5 >= 2.5, 1.0 != 1.0)
x = 1.5
x += 1
x *= 2
x /= 4
print(x, type(x))
for v in ("abc", "1.5x", "", "1e"):
    try:
        float(v)
    except ValueError:
        print(repr(v), "ValueError")
for op in ("1.0 / 0", "1.0 // 0", "1.0 % 0", "0.0 ** -1"):
    try:
        eval(op)
    except ZeroDivisionError:
        print(op, "ZeroDivisionError")
print(int(2.5e10), float(2**70), 1e300 * 1e10, -1e300 * 1e10)
