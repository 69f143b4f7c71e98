# tuple, slice and range
t = (1, 2, 3, 2)
print(t, (1,), (), t[1:], t[::-1], t.count(2), t.index(2), t.index(2, 2))
print(t + (5,), t * 2, 3 * (0,), t < (1, 2, 4), (1, 2) == (1, 2), 2 in t)
print(hash((1, 2)) == hash((1, 2)), hash((1,)) == hash((1.0,)), hash(()) == hash(()))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple())
d = {(1, 2): "a", (1, (2, 3)): "b"}
print(d[(1, 2)], d[1, (2, 3)])
try:
    hash((1, []))
except TypeError:
    print("TypeError")


class T(tuple):
    pass


print(T([1, 2]), len(T("abc")), T((1,)) == (1,))

s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s.indices(5), slice(5).indices(10), slice(None, None, -1).indices(4))

r = range(1, 20, 3)
print(r, range(5), len(r), r[2], r[-1], r[1:4], r[::-1], list(r[::2]))
print(7 in r, 8 in r, r.index(10), r.count(4), list(reversed(r)))
print(range(0) == range(5, 2), range(1, 2) == range(1, 3, 5), bool(range(0)), list(range(5, 0, -2)))
print(r.start, r.stop, r.step)
try:
    range(1, 2, 0)
except ValueError:
    print("ValueError")
try:
    r[100]
except IndexError:
    print("IndexError")
