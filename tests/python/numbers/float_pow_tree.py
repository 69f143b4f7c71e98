# x ** <float literal> inside unboxed float expression trees (compiler/floattree.ts): the
# negative, NaN and int cases must take the generic path and give what it gives.
# (a + b) ** 0.5 prints MicroPython's value: its complex power differs from CPython's in the last digit.
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def length(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


print(V(3.0, 4.0).length(), V(3, 4).length(), V(0.0, -0.0).length())
a, b, n = 2.0, -4.0, 9
print(a ** 0.5, (a * a) ** 0.5, n ** 0.5, (n * 1.0) ** 2.0)
print(b ** 0.5)
print((a - a) ** 0.5, (-0.0) ** 0.5, (a / 4) ** 0.5 + 1.0)
print((a + b) ** 0.5)
c = float("nan")
print((c * 1.0) ** 0.5, (a * 1e308 * 10) ** 0.5)
try:
    (a - a) ** -0.5
except ZeroDivisionError as e:
    print("ZeroDivisionError")
