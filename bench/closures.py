# Closures and nonlocal state.
def counter():
    c = 0
    def inc(k):
        nonlocal c
        c += k
        return c
    return inc

def bench(n):
    f = counter()
    t = 0
    for i in range(n):
        t = f(i & 7)
    return t
