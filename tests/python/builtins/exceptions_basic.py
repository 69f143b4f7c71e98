# Exception str/repr/args and MicroPython's derived attributes.
# Hand-written expected output: MicroPython's repr of a one-argument exception keeps the
# tuple's trailing comma (ValueError('x',)), str(KeyError('k')) is k without quotes, .errno
# and .value alias args[0] on every exception, and str(OSError(2)) reads "[Errno 2] ENOENT".
print(repr(IndexError()), repr(ValueError("x")), repr(IndexError(1, "test", [100, 200])))
print(str(IndexError()) == "", str(IndexError("foo")), str(IndexError(1, "test")))
a = IndexError(1, "test", [100, 200])
print(a.args, type(a.args))
print(StopIteration().value, StopIteration(1, 2).value, OSError().errno, OSError(1, "msg").errno)
print(str(KeyError("k")), repr(KeyError("k")))
print(str(OSError(2)), str(OSError(5, "details")), str(OSError(9999)), str(OSError(2, "a", "b")))
e = ValueError("v")
e.extra = 5
print(e.extra)


class MyError(Exception):
    pass


class WithInit(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


class WithStr(Exception):
    def __str__(self):
        return "custom"


m = MyError("boom", 2)
print(repr(m), str(m), m.args, isinstance(m, Exception))
w = WithInit(1, 2)
print(w.args, w.b, repr(w))
print(str(WithStr("x")), repr(WithStr("x")))
try:
    raise MyError
except MyError as e:
    print("caught", repr(e), e.args)
try:
    raise WithInit(3, 4)
except Exception as e:
    print("caught", e, e.b)


class Val(Exception):
    def __init__(self):
        self.value = 42


print(Val().value)
try:
    raise KeyError("missing")
except LookupError as e:
    print(type(e).__name__, e)
print(issubclass(KeyError, LookupError), issubclass(OSError, Exception), issubclass(Exception, BaseException))
