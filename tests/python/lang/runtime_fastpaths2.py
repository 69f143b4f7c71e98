# Runtime fast paths added for speed: min/max with two positional arguments, bound builtin
# methods kept in variables, instances with __call__, float ** // % and unary minus without
# dispatch, a Python class's __getitem__, and for-loops over a short range object or a list that
# changes while it is iterated. Each must behave as the general path does. Expected output agreed
# by CPython and MicroPython, except the last two parts (function attributes, incomplete
# exceptions), which are MicroPython's.

# ---- min / max
print(min(3, 1), max(3, 1), min(1, 3), max(1, 3), min(2, 2.0), max(2.0, 2), min(-0.0, 0.0))
print(min("b", "a"), max([1, 2], [1, 3]), min((2, "x"), (1, "y")), max(True, 2))
print(min([5, 3, 9]), max("hello"), min(4, 2, 8, 1), max(range(5)), min({3: 0, 1: 0}))
print(min(1, 2, key=lambda v: -v), max([], default="empty"), min([7], default=0))
for bad in ((), (1, "a"), ([],)):
    try:
        min(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)


class Big:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return self.v < o.v

    def __gt__(self, o):
        return self.v > o.v


print(min(Big(2), Big(1)).v, max(Big(2), Big(1)).v, min(Big(1), Big(1)) is not None)

# ---- bound builtin methods held in variables
data = [1, 2, 3]
push, pop, ins = data.append, data.pop, data.insert
push(4)
ins(0, pop())
print(data, pop(0), data)
d = {}
put, get = d.__setitem__, d.get
put("k", 1)
print(get("k"), get("z", 5), d)
try:
    pop(1, 2, 3)
except TypeError:
    print("TypeError")


# ---- instances with __call__
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, y=10):
        return self.n + x + y


add = Adder(1)
print(add(2), add(2, 3), add(x=5), add(1, y=1))
try:
    add()
except TypeError:
    print("TypeError")


class NotCallable:
    pass


try:
    NotCallable()(1)
except TypeError:
    print("TypeError")

# ---- float operators
print(2.0 ** 2, 2 ** 0.5, 4 ** -0.5, 1.5 ** 2.0, (-2.0) ** 3, 0.0 ** 0, 1.0 ** float("inf"))
print(7.5 // 2, -7.5 // 2, 7 // -2.5, 7.5 % 2, -7.5 % 2, 7.5 % -2, -(2.5), -(-0.0))
for op in (lambda: 0.0 ** -1, lambda: 1.0 // 0, lambda: 1 % 0.0, lambda: 1.5 // 0.0):
    try:
        op()
    except ZeroDivisionError:
        print("ZeroDivisionError")
print(type((-8.0) ** (1 / 3)).__name__, abs(-2.5), abs(2.5))


# ---- a Python class's __getitem__
class Grid:
    def __init__(self):
        self.cells = [[0, 1], [2, 3]]

    def __getitem__(self, i):
        return self.cells[i]


class Sub(list):
    def __getitem__(self, i):
        return "sub"


g = Grid()
print(g[1][0], g[-1], Sub([1, 2])[0], list(Sub([1, 2]))[1])
try:
    NotCallable()[0]
except TypeError:
    print("TypeError")

# ---- loops over a range object used again, and lists changed while iterated
r = range(3)
print([i for i in r], [i * j for i in r for j in r], sum(i for i in r), [i for i in r])
acc = []
for i in r:
    for j in r:
        acc.append(i - j)
print(acc)
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
    if x == 2:
        items.pop(0)
    print(x, items)
items = [1, 2]
for x in items:
    items[:] = [7, 8, 9]
    print(x)
for c in "ab":
    print(c)
for t in (1, 2):
    print(t)


# ---- functions take no new attributes (MicroPython: no function __dict__)
def plain():
    return 1


for attr in ("x", "__name__", "__globals__"):
    try:
        setattr(plain, attr, 5)
        print("set", attr)
    except AttributeError:
        print("AttributeError", attr)
print(plain.__name__, plain())


# ---- an exception subclass is incomplete until its base __init__ runs (MicroPython)
class Early(Exception):
    def __init__(self):
        raise self


class Late(Exception):
    def __init__(self):
        super().__init__("late")
        raise self


for cls in (Early, Late):
    try:
        cls()
    except TypeError:
        print("TypeError")
    except Late as e:
        print("Late", e)
