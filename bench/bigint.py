# Big integers: factorials and powers beyond 2**53.
def bench(n):
    t = 0
    for i in range(n // 100 + 1):
        f = 1
        for k in range(2, 60):
            f *= k
        t += (f + 3 ** 40) % 1000000007
    return t
