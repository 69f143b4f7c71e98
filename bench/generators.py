# Generators and generator expressions.
def gen(n):
    for i in range(n):
        yield i * 2

def bench(n):
    t = 0
    for v in gen(n):
        t += v
    t += sum(x for x in range(n) if x % 3 == 0)
    return t
