# Fast paths of generated code (compiler perf round 2): comparisons as conditions, fixed-arity
# calls of classes and bound methods, method calls on str and modules, attribute loads.
import math

# ---- comparisons as conditions: ints, floats, mixes, str, bool, big ints, NaN, user classes
vals = [0, 1, -1, 2.5, -0.0, 0.0, 1.0, float("inf"), float("nan"), True, False, 10**20, -(10**20)]
out = []
for a in vals:
    for b in vals:
        r = 0
        if a < b: r |= 1
        if a <= b: r |= 2
        if a > b: r |= 4
        if a >= b: r |= 8
        if a == b: r |= 16
        if a != b: r |= 32
        out.append(r)
print(out)
for a, b in [("a", "b"), ("b", "a"), ("a", "a"), ("", "a"), ("ab", "a")]:
    print(a < b, a <= b, a > b, a >= b, a == b, a != b, "yes" if a < b else "no")
x = 0.5
print("lit", x < 0.7, "t" if x < 0.7 else "f", "t" if x == 0.5 else "f", "t" if "s" == "s" else "f")
try:
    if 1 < "a":
        pass
except TypeError:
    print("TypeError")
try:
    if 1.5 < "a":
        pass
except TypeError:
    print("TypeError")


class C:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print("lt", self.v, o)
        return self.v

    def __eq__(self, o):
        return "eqval"


c = C(3)
if c < 1.5:
    print("c<1.5 true")
if not (C(0) < 2):
    print("C(0)<2 false")
if c == 2.0:
    print("eq truthy")
print(c < 1.5, c == 2.0, 2.0 == c)


class F(float):
    pass


f = F(2.0)
print(f < 3, f == 2, 3 > f, f != 2.0)

# ---- calls with 0-3 arguments: classes, bound methods, callables, errors
class A0:
    pass


class A1:
    def __init__(self, a):
        self.a = a


class A2:
    def __init__(self, a, b=7):
        self.s = (a, b)


class A3:
    def __init__(self, a, b, c):
        self.s = a + b + c


class Bad:
    def __init__(self):
        return 5


class N:
    def __new__(cls, *args):
        print("new", args)
        return 42


print(type(A0()).__name__, A1(1).a, A2(1).s, A2(1, 2).s, A3(1, 2, 3).s, N(1, 2))
for f, args in [(A1, ()), (A1, (1, 2)), (A3, (1, 2)), (Bad, ())]:
    try:
        if len(args) == 0:
            f()
        elif len(args) == 1:
            f(args[0])
        else:
            f(args[0], args[1])
    except TypeError as e:
        print("TypeError", f.__name__)


class M:
    def m0(self):
        return "m0"

    def m2(self, a, b=1):
        return a + b

    @classmethod
    def cm(cls, a):
        return cls.__name__ + str(a)

    @staticmethod
    def sm(a, b):
        return a * b

    def __call__(self, a):
        return ("called", a)


m = M()
bm0, bm2, cm, sm = m.m0, m.m2, m.cm, m.sm
print(bm0(), bm2(1), bm2(1, 2), cm(3), sm(2, 3), m(5), M.cm(4), M.m2(m, 5))
try:
    bm0(1)
except TypeError:
    print("TypeError bm0")
try:
    m.m2(1, 2, 3)
except TypeError:
    print("TypeError m2")
print(len([1, 2, 3]), list((1, 2)), int("5"), str(3), tuple([1]), dict(a=1))


class Sub(list):
    pass


print(Sub([1, 2]), type(Sub()).__name__)

# ---- method calls on str and modules
print(" ".join(["a", "b"]), "a,b".split(","), "abc".upper(), "x".center(5, "*"), "abc".find("c", 1))
s = "hello"
print(s.replace("l", "L"), s.startswith("he"), s.count("l"), s.index("o"))
print(math.sqrt(4.0), math.floor(2.5), math.pow(2, 3))
try:
    "abc".nosuch()
except AttributeError as e:
    print("AttributeError", e)
try:
    math.nosuch(1)
except AttributeError as e:
    print("AttributeError", e)
print("a-b".split("-", 1), "abc".encode(), "{} {}".format(1, 2))

# ---- attribute loads: methods, properties, functions stored on instances, classes
class P:
    k = 5

    def meth(self):
        return "meth"

    @property
    def prop(self):
        return "prop"


def free():
    return "free"


p = P()
p.fn = free
p.num = 1.5
print(p.meth(), p.prop, p.fn(), p.k, p.num, P.k, p.meth.__name__, p.fn is free)
g = p.meth
print(g())
