# int() parsing and conversions
for s in ("0", "-12", "  42  ", "+7", "1_000", "0x1f", "0o17", "0b101", "00"):
    try:
        print(repr(s), int(s, 0))
    except ValueError:
        print(repr(s), "ValueError")
for s, b in (("ff", 16), ("FF", 16), ("z", 36), ("0x10", 16), ("777", 8), ("101", 2), ("12", 3)):
    print(s, b, int(s, b))
for s in ("", "abc", "1.5", "1e5", "0x", "12a", " "):
    try:
        int(s)
    except ValueError:
        print(repr(s), "ValueError")
print(int(3.99), int(-3.99), int(1e20), int(True), int("123456789012345678901234567890"))
for v in (float("inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__)
class A:
    def __int__(self):
        return 42
print(int(A()))
class MyInt(int):
    pass
m = MyInt(5)
print(m + 1, m * 2, -m, m == 5, isinstance(m, int), type(m).__name__)
print(bool(0), bool(3), bool(""), bool([1]), bool())
try:
    class B(bool):
        pass
except TypeError:
    print("TypeError")
