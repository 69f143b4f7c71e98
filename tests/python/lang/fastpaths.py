# Code generator fast paths (generator expressions as iterator objects, loops over lists and
# tuples by index, unboxed float expression trees) must keep Python's semantics.

# ---- generator expressions
def f(pool, idx):
    return tuple(pool[i] for i in idx)
print(f("abcdef", [1, 3, 5]))
g = (x * 2 for x in range(5) if x % 2)
print(g.__class__.__name__, next(g), list(g), list(g))
g = (x for x in range(3))
print(g.send(None))
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("ValueError", e)
print(list(g))
g = (x for x in range(3))
print(g.close(), list(g))
g = (next(g) for i in range(3))
try:
    next(g)
except ValueError as e:
    print(e)
def h():
    yield from (i * i for i in range(4))
print(list(h()))
print(sum(sum(x for x in row) for row in [[1, 2], [3, 4]]))
fs = list(lambda: i for i in range(3))
print([f() for f in fs])
a, b = (k for k in "xy")
print(a, b)
print(sorted(v + i for i, v in enumerate([5, 6, 7])))
g = (x for x in [1])
print(g is iter(g))
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []), max(len(s) for s in ["a", "abc"]))
try:
    (x for x in 5)
except TypeError:
    print("TypeError at creation")

# ---- for loops over lists and tuples
l = [1, 2, 3]
for x in l:
    if x < 5:
        l.append(x + 3)
    print(x, end=" ")
print()
for x in (1, 2):
    print(x)
else:
    print("else")
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
class L(list):
    def __iter__(self):
        return iter([9, 9])
for x in L([1, 2, 3]):
    print(x)
print([x for x in L([1, 2])])
print([x * 2 for x in [1, 2, 3] if x != 2], [x * y for x in (1, 2) for y in [10, 20]])
print({x: y for x, y in [(1, 2)]}, [c for c in "héllo"])
for x in []:
    print("no")
else:
    print("empty else")
for i in [1, 2, 3]:
    if i == 2:
        break
else:
    print("not here")
print(i)
l = [1, 2, 3, 4]
for x in l:
    l.remove(x)
print(l)

# ---- float expression trees
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Q:
    @property
    def x(self):
        print("getter")
        return 2.5
def fl(a, b, p, q):
    r1 = a * b + a / 3
    r2 = p.x * q.x + p.y * q.y
    r3 = (a - b) ** 2 + (p.x - q.y) ** 2
    r4 = -a * 2 + 1.5
    return r1, r2, r3, r4
print(fl(1.5, 2.25, P(1.0, 2.0), P(3.0, 4.0)))
print(fl(3, 4, P(1, 2), P(3, 4)))
print(fl(2**60, 3, P(1, 2), P(3, 4)))
print(fl(1.5, 2, P(1.5, 2), P(3, 4.5)))
def fg(a, b):
    return a * b + a / b
try:
    print(fg(1.0, 0.0))
except ZeroDivisionError:
    print("ZeroDivisionError")
print(fg(1e308, 10.0), fg(-0.0, 1.0))
def fh(q, c):
    return q.x * 2.0 + c.x * 1.0
print(fh(Q(), P(1.0, 2)))
class V:
    def __init__(s, v):
        s.v = v
    def __mul__(s, o):
        print("mul")
        return V(s.v * o)
    def __add__(s, o):
        print("add")
        return V(s.v + o.v)
    def __repr__(s):
        return "V(%r)" % s.v
def fk(a, b):
    return a * 2.0 + b * 3.0
print(fk(V(1.0), V(2.0)))
x = 1.5
y = x * x + x / 2.0
print(y)
def fm(z):
    return z * 0.5 + z
print(fm(True), fm(2), fm(4.0))
def fn(a, b):
    return a + b * 2
print(fn("ab", "c"), fn([1], [2]), fn(1.0, 2.0), fn(1, 2.0))
def fu(a):
    return -a + a * 2.0
print(fu(1.5), fu(-0.0))
