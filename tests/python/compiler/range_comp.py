# Comprehensions over range() (counting loops) and sum() of a generator expression (callGE).
# Sets are printed sorted: their iteration order differs between MicroPython and CPython.
# Dicts print in MicroPython's order (its hash-table slot order), checked on its unix port.
print([i * i for i in range(5)], sorted({i for i in range(10, 0, -3)}), {i: j for i in range(3) for j in range(i)})
print([x for x in range(2, 9, 2) if x != 4], [i for i in range(0)], [i for i in range(3, 1)])
print([i for i in range(-2, 3)], [i for i in range(5, -5, -2)])
n = 2**70
print([i - n for i in range(n, n + 3)])
def f(k):
    return [(i, j) for i in range(k) for j in range(i, k)]
print(f(3))
def g(k):
    return [lambda: i for i in range(k)]
print([h() for h in g(3)])
class R:
    def __index__(self):
        return 3
print([i for i in range(R())])
def range(*a):
    print("myrange", a)
    return [7, 8]
print([i for i in range(3)])
del range
print(sum(x for x in [1, 2, 3]), sum(x * 1.5 for x in range(4)), sum(x for x in range(10) if x % 2))
print(sum(c for c in (2**62, 2**62)), sum(x for x in {1: 2, 3: 4}), sum(x for x in []))
try:
    sum(x for x in [1, "a"])
except TypeError:
    print("TypeError")
def stop():
    raise StopIteration
try:
    sum(stop() for x in [1])
except RuntimeError as e:
    print("RuntimeError", e)
def sum(g):
    return "mysum"
print(sum(x for x in [1]))
