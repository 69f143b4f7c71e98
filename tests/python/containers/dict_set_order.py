# dict and set iteration order. MicroPython's dicts and sets are open-addressing hash tables
# iterated in slot order (not insertion order as in CPython), so the expected output comes from
# MicroPython's unix port: its hashes (small ints themselves, str the 16-bit qstr hash of the
# UTF-8 bytes, floats truncated to int), table sizes and growth, deletions, and preallocation
# (a display of n items has n slots; a comprehension or dict()/set() starts with none).
# Tuples and objects hashed by identity hash by address in MicroPython (varying from run to
# run), so dicts keyed by them are printed sorted here.

# displays: n slots for n items
print({3: 1, 1: 2, 2: 3}, {'b': 1, 'a': 2, 'zz': 3})
print({1: 'a'}, {5: 0, 4: 0}, {10: 0, 20: 0, 30: 0, 40: 0, 50: 0})
print({'x', 'y', 'z'}, {1, 2, 3, 4, 5, 6, 7}, {-1, -2, -3})

# inserting one at a time: 0 -> 2 -> 4 -> 6 -> 8 ... slots, rehashed in slot order when full
for order in ([10, 3, 7, 1], [1, 7, 3, 10], [7, 10, 1, 3], list(range(12)), list(range(11, -1, -1)),
              [100, 200, 300, 17, 23, 29, 5, 59, 73, 97]):
    d = {}
    for k in order:
        d[k] = k
    print(d)
    s = set()
    for k in order:
        s.add(k)
    print(s)

# str keys, including non-ASCII
d = {}
for w in 'the quick brown fox jumps over the lazy dog and then some more words'.split():
    d[w] = d.get(w, 0) + 1
print(d)
print(set('hello'), set('mississippi'), set('abcdefghijklmnopqrstuvwxyz'))
print({'é': 1, '€': 2, '\U0001f600': 3, 'a': 4, '': 5})
print(hash('abc'), hash(''), hash('é'), hash(b'abc'), hash(1), hash(-7), hash(1.5), hash(-2.5))
print(hash(None), hash(True), hash(False), hash(2**70), hash(1e300), hash(float('inf')))

# deletions, then re-insertions into freed slots
d = {}
for i in range(20):
    d[i * 3] = i
for i in range(0, 60, 9):
    del d[i]
print(d)
d[100] = 'a'
d[1] = 'b'
d[2] = 'c'
print(d)
for k in list(d):
    if k % 2:
        d.pop(k)
print(d, len(d))
s = set(range(30))
for i in range(0, 30, 4):
    s.discard(i)
s.update([40, 41, 77, -5])
print(s)

# growth past several table sizes (17, 23, 29, 37, 47, ...)
d = {}
for i in range(200):
    d[(i * 37) % 211] = i
print(list(d)[:40], len(d))
s = set()
for i in range(120):
    s.add('k%d' % (i * 7))
print(list(s)[:30], len(s))

# negative and big ints, floats
print({-1: 0, -2: 0, -100: 0, 2**40: 0, -2**40: 0, 2**64: 0, 5: 0})
print({1.5: 'a', 2.25: 'b', -0.5: 'c', 7: 'd', 3.0: 'e', 1e20: 'f'})
d = {}
for f in [0.5, 1.5, 2.5, 3.5, 4.5, 5.5]:
    d[f] = 1
print(d)

# tuple keys: compared sorted (MicroPython's tuple hash includes an address)
d = {(1, 2): 'a', (3, 4): 'b', (0, 0): 'c'}
print(sorted(d.items()), (1, 2) in d, d[(3, 4)])

# comprehensions start with no slots, unlike displays
print({x: x for x in [3, 1, 2]}, {3: 3, 1: 1, 2: 2})
print({x for x in [3, 1, 2]}, {3, 1, 2})
print({w: len(w) for w in ['apple', 'kiwi', 'banana', 'fig', 'cherry']})

# dict(), dict.fromkeys, update, kwargs
print(dict(a=1, b=2, c=3, dd=4, eee=5), dict([(5, 'a'), (3, 'b'), (9, 'c')]))
print(dict.fromkeys('hello world'), dict.fromkeys(iter('hello world')))
d = {'p': 1, 'q': 2}
d.update({'r': 3, 's': 4}, t=5)
d.update([('u', 6)])
print(d)
def kw(**k):
    return k
print(kw(a=1, b=2, c=3), kw(zeta=1, alpha=2))

# popitem takes the first filled slot; copy keeps the slots
d = {5: 'a', 1: 'b', 4: 'c', 2: 'd'}
c = d.copy()
print(d.popitem(), d.popitem(), d)
print(c, c == {1: 'b', 2: 'd', 4: 'c', 5: 'a'})
c[9] = 'e'
print(c)
s = {9, 8, 7}
print(s.pop(), s)

# views and iteration follow the same order
d = {'one': 1, 'two': 2, 'three': 3, 'four': 4}
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), [k for k in d])

# set algebra
a = {1, 2, 3, 4, 5, 6}
b = {4, 5, 6, 7, 8, 9}
print(a | b, a & b, a - b, a ^ b)
print(a.union([20, 10]), a.intersection([6, 5, 4, 0]), a.difference([1]), a.symmetric_difference([9, 1]))
print(frozenset('hello'), frozenset([30, 20, 10]))

# json
import json
print(json.dumps({'name': 'x', 'size': 3, 'tags': ['a'], 'ok': True}))
