# isinstance/issubclass, attribute builtins, callable, len, iter/next, sorted, dir, id, print
class A:
    cls_attr = 1

    def __init__(self):
        self.x = 10

    def meth(self):
        return self.x


class B(A):
    def __len__(self):
        return 3


b = B()
print(isinstance(b, A), isinstance(b, (int, A)), isinstance(1, (str, (float, int))), isinstance(True, int))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, (str, int)), issubclass(B, object))
try:
    issubclass(1, int)
except TypeError:
    print("TypeError")
print(getattr(b, "x"), getattr(b, "nope", "dflt"), hasattr(b, "meth"), hasattr(b, "nope"))
setattr(b, "y", 5)
print(b.y)
delattr(b, "y")
print(hasattr(b, "y"))
try:
    getattr(b, "nope")
except AttributeError as e:
    print("AttributeError", e)
print(getattr(b, "meth")(), getattr(B, "cls_attr"))
print(callable(A), callable(b), callable(b.meth), callable(print), callable(lambda: 0), callable(1))
print(len("abc"), len([1, 2]), len({1: 2}), len(b), len(range(5)), len("\U0001F600x"))
try:
    len(5)
except TypeError as e:
    print("TypeError", e)
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")


def gen():
    yield 1
    return 7


g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
n = [0]


def counter():
    n[0] += 1
    return n[0]


print(list(iter(counter, 4)))
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([1, -3, 2], key=abs))
try:
    sorted([1], None)
except TypeError:
    print("TypeError")
print("x" in dir(b), "meth" in dir(b), "cls_attr" in dir(B), "append" in dir(list))
print(id(b) == id(b), id(1) == id(2), id(None) == id(None))
print(all([]), all([1, 0]), any([]), any([0, 1]), all(x > 0 for x in [1, 2]))
print(1, "a", None, sep="-", end="!\n")
print()
print("no newline", end="")
print()


class W:
    def write(self, s):
        print("write:", repr(s))


print("a", 1, file=W())
print(repr("q"), repr([1, "b"]))
