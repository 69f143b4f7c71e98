# deque: a fixed-size ring buffer (MicroPython needs maxlen).
from collections import deque

d = deque((), 3)
print(len(d), bool(d))
for i in range(5):
    d.append(i)
    print(list(d), d[0], d[-1], len(d))
d.appendleft(10)
print(list(d))
print(d.pop(), d.popleft(), list(d))
d.extend("ab")
print(list(d), [x for x in d])
d[1] = "z"
print(d[1], d[-2])
while d:
    print(d.popleft())
for f in (d.pop, d.popleft):
    try:
        f()
    except IndexError:
        print("IndexError")
for k in (3, -4):
    try:
        d[k]
    except IndexError:
        print("IndexError")
try:
    deque((), -1)
except ValueError:
    print("ValueError")
try:
    d["x"]
except TypeError:
    print("TypeError")

# a long run through the ring buffer
d = deque(range(100), 7)
print(list(d))
for i in range(20):
    d.appendleft(d.pop())
print(list(d))
