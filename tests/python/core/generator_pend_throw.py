# MicroPython only: generator.pend_throw() (expected output written by hand)
def gen():
    i = 0
    while True:
        try:
            yield i
        except ValueError:
            print("caught ValueError")
        i += 1

g = gen()
print(next(g))
print(g.pend_throw(ValueError()))
print(next(g))
g = gen()
g.pend_throw(OSError())
try:
    next(g)
except OSError:
    print("OSError at start")
