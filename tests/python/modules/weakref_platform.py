# weakref.ref / weakref.finalize without collection, and platform's strings.
# Expected output written by hand (MicroPython's unix port builds lack weakref; CPython's
# messages and platform strings differ).
import weakref, platform


class A:
    pass


for v in (None, False, 0, "", ()):
    try:
        weakref.ref(v)
    except TypeError as e:
        print(repr(v), e)

a = A()
r = weakref.ref(a)
print(r() is a, type(r).__name__)

f = weakref.finalize(a, lambda *args, **kw: (args, sorted(kw.items())), 1, 2, k=3)
print(f.alive)
obj, func, args, kw = f.peek()
print(obj is a, args, kw)
print(f())
print(f.alive, f.peek(), f())
g = weakref.finalize(a, print, "never")
print(g.detach()[0] is a, g.alive, g())

print(type(platform.platform()).__name__, platform.platform().startswith("Linux-"))
print(type(platform.python_compiler()).__name__, platform.libc_ver())
