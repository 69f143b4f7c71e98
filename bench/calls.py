# Function calls: positional, defaults, keywords, methods, closures.
def add(a, b):
    return a + b

def with_default(a, b=2):
    return a * b

def kw(a, *, scale=1):
    return a * scale

def bench(n):
    t = 0
    for i in range(n):
        t = add(t, i)
        t += with_default(i) + kw(i, scale=2)
    return t
