# Runtime fast paths: builtin types called with one argument, getattr/setattr on plain
# instances, and `yield from` chains stepped directly (results, send, errors, close, return values).

# ---- builtin types with one positional argument
class S(str):
    pass
class I(int):
    pass
print(str("abc"), str(12), str(True), int("42"), int(3.9), int(True), float(2), float("1.5"))
print(list((1, 2)), list("ab"), tuple([1, 2]), tuple("xy"), type(S("q")).__name__, type(I(5)).__name__, I(5) + 1)
t = (1, 2)
print(tuple(t) is t, list([1]) is not [1])
try:
    int("z")
except ValueError:
    print("ValueError")
try:
    float("z")
except ValueError as e:
    print("ValueError")

# ---- getattr / setattr
class M(type):
    x = 1
class C(metaclass=M):
    x = 2
print(getattr(C, "x"), getattr(C, "y", "no"))
setattr(C, "y", 5)
print(C.y, getattr(C, "y"), C().y)
class A:
    z = 3
    def m(self):
        return "m"
a = A()
print(getattr(a, "z"), getattr(a, "m")(), getattr(a, "__class__").__name__, getattr(a, "q", None))
setattr(a, "z", 4)
print(a.z, A.z)
setattr(a, "f", len)
print(a.f("abc"))
for w in ["a", "b", "a", "c", "a"]:
    setattr(a, w, getattr(a, w, 0) + 1)
print(a.a, a.b, a.c)
class P:
    @property
    def p(self):
        return "prop"
    @p.setter
    def p(self, v):
        print("set", v)
pp = P()
setattr(pp, "p", 1)
print(getattr(pp, "p"))
class D:
    def __get__(self, o, t):
        return "desc"
class E:
    d = D()
print(getattr(E(), "d"))
class G:
    def __getattr__(self, n):
        return "ga:" + n
g = G()
g.k = 1
print(getattr(g, "k"), getattr(g, "zz"))

# ---- yield from chains
def leaf(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("leaf got", x)
    return "leafret"
def bad():
    yield 100
    raise ValueError("boom")
def mid(n):
    r = yield from leaf(n)
    print("mid got", r)
    try:
        yield from bad()
    except ValueError as e:
        print("caught", e)
    return "midret"
def top():
    r = yield from mid(3)
    print("top got", r)
gen = top()
print(next(gen), gen.send("s1"), next(gen), next(gen))
try:
    next(gen)
except StopIteration:
    print("stop")
def me():
    yield from inner()
def inner():
    yield 1
    next(gg)
gg = me()
print(next(gg))
try:
    next(gg)
except ValueError as e:
    print("ValueError", e)
def s():
    yield from s2()
def s2():
    yield 1
    raise StopIteration
g3 = s()
next(g3)
try:
    next(g3)
except RuntimeError as e:
    print("RuntimeError", e)
g4 = top()
next(g4)
g4.close()
print("closed")
def gx():
    r = yield from (x * 2 for x in range(3))
    print("r", r)
    yield from [7]
print(list(gx()))
def deep(d):
    if d == 0:
        yield from range(3)
        return "bottom"
    r = yield from deep(d - 1)
    return r + str(d)
def run():
    r = yield from deep(5)
    print(r)
print(list(run()))
