# Small-int arithmetic in a tight loop.
def bench(n):
    t = 0
    for i in range(n):
        t = (t + i * 7 - (i >> 2)) % 1000003
        if i & 1:
            t ^= i
    return t
