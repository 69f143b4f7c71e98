# tuple/list/set(genexpr) collect straight from the source (runtime/fastiter.ts callGE).
# MicroPython says "isn't iterable" where CPython says "is not iterable".
# Dicts and sets print in MicroPython's order (its hash-table slot order), from its unix port.
print(tuple(x*2 for x in range(5)), list(x for x in [1,2,3] if x>1), sorted(set(x%3 for x in range(10))))
def tuple2(g): return g
print(type(tuple2(x for x in [])).__name__)
tuple = list
print(tuple(x for x in (1,2)))
del tuple
def f():
    raise StopIteration
try:
    print(list(f() for x in [1]))
except RuntimeError as e:
    print("RE", e)
print(sum(x for x in range(4)))
print(tuple((a, b) for a, b in [(1, 2), (3, 4)] if a > 1))
print(list(x for x in range(10, 0, -3)), set(x for x in range(0)), tuple(x for x in "abc"))
print(list(x for x in {1: 2, 3: 4}), list(x * 2 for x in (i for i in range(3))))
class It:
    def __iter__(self): raise StopIteration
try:
    list(x for x in It())
except StopIteration:
    print("SI")
try:
    tuple(x for x in 5)
except TypeError as e:
    print("TE", e)
l = [1, 2, 3]
print(list(l.append(x) or x for x in l if len(l) < 6), l)
print(list(x for x in range(2**60, 2**60 + 2)))
print(sorted(x for x in [3, 1]), any(x for x in [0, 1]))
