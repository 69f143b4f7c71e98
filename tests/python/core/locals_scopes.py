# locals(), dir() and exec() without dicts: MicroPython's mp_locals is the namespace of the running
# top-level code or class body (so locals() in a function is the module's), while globals() is
# the function's own module. Expected output from MicroPython (CPython differs inside functions).
x = 1
def f():
    y = 2
    return sorted(k for k in locals() if not k.startswith("__")), "y" in dir()
print(f())
exec("z = 5")
print(z)
def g():
    exec("w = 6")
    return eval("x + 1")
print(g(), "w" in globals())
class C:
    a = 1
    print("a" in locals())
