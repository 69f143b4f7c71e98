def f(a, b=2, *args, c=3, d, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, d=4))
print(f(1, 2, 3, 4, d=5, e=6))
print(f(*[1, 2, 3], **{"d": 7, "z": 0}))
try:
    f(1)
except TypeError:
    print("TypeError missing kwonly")
try:
    f()
except TypeError:
    print("TypeError missing positional")

def g(x, y):
    return x - y
print(g(y=1, x=10), g(*(5, 3)))
try:
    g(1)
except TypeError:
    print("TypeError")
try:
    g(1, 2, 3)
except TypeError:
    print("TypeError too many")

def h(a, /, b, *, c):
    return a + b + c
print(h(1, b=2, c=3))

def star(*a):
    return a
print(star(), star(1), star(*"ab", 3, *[4]))

def kws(**k):
    return sorted(k)
print(kws(), kws(a=1, **{"b": 2}))

def default_once(l=[]):
    l.append(1)
    return len(l)
print(default_once(), default_once())

print((lambda *a, **k: (a, k))(1, x=2))
print(list(map(lambda x: x + 1, [1, 2])))
o = [3, 1, 2]
o.sort(reverse=True)
print(o)
print("-".join(str(i) for i in [1, 2, 3]))
print(max([1, 5, 2], key=lambda v: -v))
