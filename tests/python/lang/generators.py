def gen(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            print("got", got)
        i += 1
    return "done"

g = gen(3)
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.args)

def deleg():
    r = yield from gen(2)
    print("result", r)
    yield 100
print(list(deleg()))

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
f = fin()
print(next(f))
f.close()

print(sum(x * x for x in [1, 2, 3]))
ge = (c.upper() for c in "abc")
print(next(ge), list(ge))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)

def gen_exc():
    try:
        yield 1
    except ValueError as e:
        print("caught in gen", e)
        yield 2
g = gen_exc()
print(next(g))
print(g.throw(ValueError("x")))
