# List, dict and set comprehensions.
def bench(n):
    t = 0
    for j in range(n // 100 + 1):
        sq = [i * i for i in range(100)]
        ev = {i: v for i, v in enumerate(sq) if v % 2 == 0}
        st = {v % 17 for v in sq}
        t += len(sq) + len(ev) + len(st)
    return t
