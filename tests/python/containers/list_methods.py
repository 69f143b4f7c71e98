# list: methods, slicing, slice assignment, operators, sorting
l = [3, 1, 2]
l.append(4)
l.extend((5, 6))
l.extend(range(2))
l.insert(0, -1)
l.insert(-1, 99)
l.insert(100, 7)
print(l)
print(l.pop(), l.pop(0), l.pop(-2))
l.remove(3)
print(l, l.index(2), l.count(1), len(l))
for bad in (lambda: [].pop(), lambda: [1].remove(5), lambda: [1].index(2), lambda: [1][3], lambda: [1][None]):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__)

x = list(range(10))
print(x[2:5], x[::3], x[::-2], x[-3:], x[8:2:-2], x[5:2])
x[2:5] = "ab"
print(x)
x[::2] = [0] * len(x[::2])
print(x)
del x[1::2]
print(x)
del x[-1]
x[0:0] = (7, 8)
print(x)
try:
    x[::2] = [1]
except ValueError:
    print("ValueError")

a = [1, 2]
b = a
a += (3,)
a *= 2
print(a, b is a, [0] * 3, 2 * [1, 2], [1] * -1)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1], [] <= [])
try:
    [1] + (2,)
except TypeError:
    print("TypeError")
try:
    [1] < 1
except TypeError:
    print("TypeError")

r = [1, 2]
r.append(r)
print(r)

words = ["pear", "fig", "apple", "kiwi", "banana"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted("hello", reverse=True))
try:
    [1, "a"].sort()
except TypeError:
    print("TypeError")

it = [1, 2]
for v in it:
    if v < 4:
        it.append(v + 2)
print(it)
print(list(reversed([1, 2, 3])), [1, 2, 3].copy(), 2 in [1, 2], 5 not in [1, 2])
c = [1, 2]
c.clear()
c.reverse()
print(c)


class L(list):
    def total(self):
        return sum(self)


m = L([1, 2, 3])
m.append(4)
print(m, len(m), m.total(), m[1:3], type(m).__name__, isinstance(m, list))
