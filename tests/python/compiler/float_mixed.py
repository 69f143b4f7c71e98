# Unboxed float expression trees with int leaves (under / or beside a float) and augmented
# assignments to names and attributes.
class P:
    def __init__(self, x):
        self.x = x


def f(v, s, u):
    a = v / s - 2.3
    b = v / u
    c = 1.5 * v + s
    d = v * 2.0 - u
    e = (v - 1) / 2.4
    return a, b, c, d, e


for args in [(3, 1.5, 2), (3.0, 2, 4), (True, 1.5, 2), (10**20, 1.5, 3), (0, 0.5, 1), (2, 1.5, 7.25)]:
    print(f(*args))
for args in [(1, 0, 0), (1.0, 0.0, 1), (1, -0.0, 1)]:
    try:
        print(f(*args))
    except ZeroDivisionError:
        print("ZeroDivisionError")
try:
    f("a", 1.0, 1)
except TypeError:
    print("TypeError")

x = 1.5
x += 2
print(x)
x *= 2.5
print(x)
x -= 1
print(x)
x /= 4
print(x)
n = 3
n += 2
print(n)
n /= 2
print(n)
n = 7
n *= 2.0
print(n)
p = P(2.5)
p.x += 1
print(p.x)
p.x /= 2
print(p.x)
p.x *= p.x
print(p.x)
p.x -= 0.25
print(p.x)
q = P(3)
q.x += 4
print(q.x)
q.x /= 2
print(q.x)
l = P([1])
l.x += [2]
print(l.x)
try:
    q.x /= 0
except ZeroDivisionError:
    print("ZeroDivisionError")


class Prop:
    @property
    def x(self):
        print("get")
        return 1.5

    @x.setter
    def x(self, v):
        print("set", v)


pp = Prop()
pp.x += 1.0
pp.x *= 2


def g(a, b):
    z = a
    z += a * b
    z -= b / 2
    return z


print(g(1.5, 2), g(2, 3), g(2, 0.5))
print(-0.0 * 1, 0 * -1.0, 1e308 * 10, -(1e308 * 10))
