# a[i] op= v: exact lists with an index in range are updated in place (compiler/codegen_stmt.ts);
# everything else goes through __getitem__/__setitem__.
# Expected output from MicroPython (its IndexError message for a store is "list index out of range").
c = [1, 2, 3]
c[0] -= 1
c[-1] *= 3
c[1] += 0.5
i = 2
c[i] //= 2
print(c)
d = {"k": 1}
d["k"] += 2
print(d)
l = [[1]]
l[0] += [2]
print(l)


class L(list):
    pass


m = L([5])
m[0] += 1
print(m)


class Shrink:
    def __iadd__(self, other):
        del t[:]
        return "done"


t = [Shrink()]
try:
    t[0] += 1
except IndexError as e:
    print("IndexError", e)
t = [0]
for k in (5, "x", 1.0):
    try:
        t[k] += 1
    except (IndexError, TypeError) as e:
        print(type(e).__name__)
