# close()/throw() of a generator paused in `yield from` reach the inner iterator.
def leaf():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("leaf closed")
        raise

def outer():
    try:
        r = yield from leaf()
        print("result", r)
    except GeneratorExit:
        print("outer closed")
        raise

g = outer()
print(next(g))
g.close()
print(list(g))

# the leaf swallows GeneratorExit: the delegating generator still sees it
def leaf2():
    try:
        yield 1
    except GeneratorExit:
        return 5

def outer2():
    try:
        yield from leaf2()
    except GeneratorExit:
        print("outer2 got GeneratorExit")
        raise

g = outer2()
next(g)
g.close()

# throw() is forwarded to the inner generator
def leaf3():
    while True:
        try:
            yield 1
        except ValueError as e:
            print("leaf3 caught", e.args)
            return 7

def outer3():
    r = yield from leaf3()
    print("leaf3 returned", r)
    yield 8

g = outer3()
next(g)
print(g.throw(ValueError("x")))

# a user iterator's close() is called
class It:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
    def close(self):
        print("It.close")

def outer4():
    yield from It()

g = outer4()
next(g)
g.close()

# a StopIteration raised by a function a builtin iterator calls ends the `yield from`
def f(x):
    if x < 2:
        return x
    raise StopIteration(44)

def outer5():
    print("value", (yield from map(f, range(10))))

print(list(outer5()))

# throw(type, value) passes the value on
def g6():
    try:
        yield 1
    except Exception as e:
        print("got", type(e).__name__, e.args)
        yield 2

g = g6()
next(g)
print(g.throw(ValueError, ValueError(3)))

# throwing a non-exception raises TypeError inside the generator (MicroPython; CPython raises
# it in the caller instead): expected output written by hand for this part
def g7():
    try:
        yield 1
    except TypeError:
        print("TypeError inside")
        yield 2

g = g7()
next(g)
print(g.throw(123))
