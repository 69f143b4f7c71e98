# deque features only MicroPython has: maxlen is required, and a third argument (flags) of 1
# makes a full deque raise IndexError('full') instead of dropping its oldest item.
# Expected output written by hand (CPython's deque differs).
from collections import deque

try:
    deque(())
except TypeError:
    print("TypeError")

d = deque((), 2, 1)
d.append(1)
d.append(2)
for f in (d.append, d.appendleft):
    try:
        f(3)
    except IndexError as e:
        print("IndexError", e, list(d))
print(d.popleft(), d.pop())
try:
    d.pop()
except IndexError as e:
    print("IndexError", e)
try:
    del d[0]
except TypeError:
    print("TypeError")
print(type(d).__name__)
