# module repr, read-only built-in modules, object.__new__ and object.__delattr__
# (MicroPython behaviour: expected output written by hand)
import sys
import __main__
print(repr(sys))
print(repr(__main__).startswith("<module '__main__'"))
try:
    sys.x = 1
except AttributeError:
    print("AttributeError")
__main__.y = 2
print(y)

class Foo:
    def __init__(self):
        self.attr = 1
o = object.__new__(Foo)
print(isinstance(o, Foo), hasattr(o, "attr"))
for arg in (1, int):
    try:
        object.__new__(arg)
    except TypeError:
        print("TypeError")

o.a = 5
object.__delattr__(o, "a")
print(hasattr(o, "a"))
try:
    object.__delattr__(o, "a")
except AttributeError:
    print("AttributeError")
try:
    del int.to_bytes
except (AttributeError, TypeError):
    print("AttributeError/TypeError")
print(hasattr(int, "to_bytes"))
