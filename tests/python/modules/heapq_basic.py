# heapq: push, pop and heapify keep CPython's (and MicroPython's) heap layout.
import heapq

try:
    heapq.heappop([])
except IndexError:
    print("IndexError")
try:
    heapq.heappush((), 1)
except TypeError:
    print("TypeError")

h = []
for x in (5, 1, 8, 3, 9, 2, 7):
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(len(h))])

h = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(h)
print(h)
h = [(2, "b"), (1, "z"), (1, "a"), (3, "c")]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(4)])
h = ["pear", "apple", "fig"]
heapq.heapify(h)
print(heapq.heappop(h), h)
