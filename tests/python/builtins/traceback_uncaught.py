# An uncaught exception prints MicroPython's traceback (to stderr; the test compares both).
def f():
    g()


def g():
    raise ValueError("bad value")


print("start")
f()
