# namedtuple: fields, construction, tuple behaviour.
from collections import namedtuple

T = namedtuple("Tup", ["foo", "bar"])
for t in T(1, 2), T(bar=1, foo=2), T(3, bar=4):
    print(t)
    print(t[0], t[1], t.foo, t.bar, len(t), bool(t))
    print(t + t, t * 2, list(t), isinstance(t, tuple))
    print(t == (t[0], t[1]), (t[0], t[1]) == t, hash(t) == hash(tuple(t)))
    a, b = t
    print(a, b, "%d-%d" % t)

for args, kw in (((1,), {}), ((1, 2, 3), {}), ((), {"foo": 1}), ((1,), {"foo": 1}), ((1,), {"baz": 3})):
    try:
        T(*args, **kw)
    except TypeError:
        print("TypeError")

t = T(1, 2)
try:
    t.bar = 5
except AttributeError:
    print("AttributeError")
try:
    t[0] = 5
except TypeError:
    print("TypeError")

print(namedtuple("P", "x y z")(1, 2, 3))
print(namedtuple("Q", ("a",))(None))
print(namedtuple("E", [])())

# a class derived from a namedtuple
class Point(namedtuple("Point", "x y")):
    def norm1(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p.norm1(), p.x, p[1])

# field values may be functions
F = namedtuple("F", "f")
print(F(len).f("abc"))
