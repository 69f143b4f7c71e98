# loops with else, break/continue, augmented assignment, unpacking, del, walrus
for i in [1, 2, 3]:
    if i == 5:
        break
else:
    print("no break")
for i in [1, 2, 3]:
    if i == 2:
        break
else:
    print("not printed")
n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print("even", n)
else:
    print("while else")

a, b, *c = 1, 2, 3, 4, 5
print(a, b, c)
*d, e = "xyz"
print(d, e)
(p, q), r = (1, 2), 3
print(p, q, r)
x = y = [0]
print(x is y)
a, b = b, a
print(a, b)

lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
print(lst)
class O: pass
o = O()
o.v = 5
o.v -= 1
o.v **= 2
print(o.v)
s = "a"
s += "b"
s *= 2
print(s)

d = {"a": 1, "b": 2}
del d["a"]
print(d)
del lst[0], o.v
print(lst, hasattr(o, "v"))

if (m := len(lst)) > 1:
    print("walrus", m)
print([y for x in [1, 2, 3] if (y := x * 2) > 2], y)

k = 7
print(1 < k < 10, 1 < k > 10, k == 7 != 8)
print(k and "yes", 0 or "no", None or 0)
print(-k, +k, ~k, not k)
print(2 ** 10, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2)
print(2 ** 62 * 4, 9007199254740991 + 1, -9007199254740991 - 1)
print(10 - 3 - 2, 2 * 3 + 4 * 5)
big = 9007199254740990
big += 5
print(big)
print(1 if k > 5 else 0, [1, 2][k > 100])
print("x" in "xyz", 3 not in [1, 2])
print(None is None, None is not None)
