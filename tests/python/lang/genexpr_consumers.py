# tuple/list/set(genexpr) with the builtin types collect the items inline (compiler/codegen.ts
# collectGenExpr); shadowed names, StopIteration in the body, and evaluation order still behave
# as with a generator.
log = []


def src(n):
    log.append("src")
    return range(n)


def consumer():
    log.append("consumer")
    return tuple


print(consumer()(x * x for x in src(4)), log)
print(list(c for c in "hello" if c != "l"), sorted(set(i % 3 for i in [1, 2, 3, 4])))
print(tuple(x for x in ()), list(x for x in []), set(x for x in ""))

it = iter([1, 2])
try:
    print(tuple(next(it) for _ in range(3)))
except RuntimeError as e:
    print("RuntimeError", e)

try:
    list(1 // x for x in [1, 0])
except ZeroDivisionError:
    print("ZeroDivisionError")


def f():
    def tuple(g):
        return ("shadowed", list(g))

    return tuple(i for i in range(2))


print(f())
list = lambda g: "global shadow"
print(list(i for i in range(2)))
del list
print(list(x + y for x in [1, 2] for y in [10, 20]))
print(sorted(set(w[0] for w in "the quick brown fox".split())))
