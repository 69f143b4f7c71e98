# A first program for micropython-ts: run it with `npm start`.
import sys


class Counter:
    def __init__(self, name):
        self.name = name
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1

    def top(self, n):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


text = "the quick brown fox jumps over the lazy dog the fox"
c = Counter("words")
for w in text.split():
    c.add(w)

print("Hello from", sys.implementation.name)
print("top words:", c.top(3))
print("fibonacci:", [x for _, x in zip(range(12), fib())])
print("2**100 =", 2**100)
print(f"pi is about {355 / 113:.6f}")
