# Raising and catching exceptions.
def check(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i

def bench(n):
    t = 0
    for i in range(n // 4 + 1):
        try:
            t += check(i)
        except ValueError as e:
            t -= e.args[0]
    return t
