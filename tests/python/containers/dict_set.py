# dict, views, set and frozenset
# Expected dict order is MicroPython's (its hash-table slot order), from its unix port.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.keys(), d.values(), d.items(), list(d), sorted(d.values()))
print(d.setdefault("a", 9), d.setdefault("e", 5), d.pop("e"), d.pop("e", None))
del d["c"]
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(dict(a=1), dict([(1, 2)]), dict({1: 2}, b=3), dict.fromkeys("ab", 0), dict.fromkeys([1]))
e = d.copy()
d.clear()
print(d, e == {"a": 1, "b": 2, "x": 1, "y": 2, "z": 3}, e != {})
for bad in (lambda: {}["k"], lambda: {}.pop(1), lambda: {}.popitem(), lambda: {[]: 1}):
    try:
        bad()
    except (KeyError, TypeError) as ex:
        print(type(ex).__name__)
print({1: "int", True: "bool", 1.0: "float"})
print({1: 2} | {3: 4})
f = {1: 2}
f |= {1: 5}
print(f)
g = {}
g["self"] = g
print(g)
try:
    for k in f:
        f[k + 1] = 0
except RuntimeError:
    print("RuntimeError")


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter(a=1)
print(c["a"], c["zz"], isinstance(c, dict))

s = {1, 2, 3}
s.add(4)
s.discard(10)
s.remove(1)
print(sorted(s), len(s), 2 in s, set(), frozenset(), frozenset([1]), set("aa"))
print(sorted(s | {9}), s & {2, 3}, sorted(s - {2}), sorted(s ^ {2, 7}))
print(sorted(s.union([8])), sorted(s.intersection((2, 3, 5))), sorted(s.difference([4])), sorted(s.symmetric_difference([4, 5])))
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} >= {2}, {1, 2} == frozenset([2, 1]))
print({1}.issubset([1, 2]), {1, 2}.issuperset([2]), {1}.isdisjoint([2]))
t = {1, 2, 3}
t |= {4}
t &= {1, 2, 4}
t -= {1}
t ^= {2, 6}
print(sorted(t))
u = {5, 6}
u.update([7], (8,))
u.intersection_update([5, 7, 8])
u.difference_update([8])
u.symmetric_difference_update([7, 9])
print(sorted(u))
print(u.pop() in (5, 9), len(u))
try:
    set().pop()
except KeyError:
    print("KeyError")
fs = frozenset([1, 2])
print({fs: "x"}[frozenset([2, 1])], hash(fs) == hash(frozenset([2, 1])), type(fs | {3}).__name__)
try:
    fs.add(3)
except AttributeError:
    print("AttributeError")
print(list(enumerate("ab")), list(enumerate("ab", 5)), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(map(abs, [-1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4, 5])))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda v: v > 1, range(4))))
print(list(reversed((1, 2))), list(reversed(range(3))), list(reversed("abc")))
