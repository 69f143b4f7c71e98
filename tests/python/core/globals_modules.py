# globals(), exec(), __import__ and `from pkg import *` work on the module a function belongs to,
# whoever calls it; functions have __globals__. The package is written to a folder here first.
# Expected output from MicroPython (CPython rejects __import__ with level 1 and no globals, and
# its exec() in a function writes to a snapshot of the function's locals).
import os
import sys

base = "globals_pkg_tmp"


def rmtree(p):
    for n in os.listdir(p):
        q = p + "/" + n
        if os.stat(q)[0] & 0x4000:
            rmtree(q)
        else:
            os.remove(q)
    os.rmdir(p)


try:
    rmtree(base)
except OSError:
    pass
os.mkdir(base)
os.mkdir(base + "/gpkg")
with open(base + "/gpkg/__init__.py", "w") as f:
    f.write(
        """__all__ = ["pub", "lazy"]
LEVEL = "package"
def pub():
    return "pub"
def _priv():
    return 1
_lazy = {"lazy": "sub"}
def __getattr__(attr):
    mod = _lazy.get(attr)
    if mod is None:
        raise AttributeError(attr)
    value = getattr(__import__(mod, None, None, True, 1), attr)
    globals()[attr] = value
    return value
def names():
    return sorted(k for k in globals() if not k.startswith("_"))
def run(src):
    exec(src)
    return LEVEL
"""
    )
with open(base + "/gpkg/sub.py", "w") as f:
    f.write("def lazy():\n    return 'lazy'\n")
sys.path.insert(0, base)

from gpkg import *

print(pub(), lazy(), "_priv" in globals())
import gpkg

print(gpkg.names())
print(gpkg.run("LEVEL = 'changed'"), gpkg.LEVEL)
print(gpkg.pub.__globals__ is gpkg.__dict__, pub.__globals__ is globals())
LEVEL = "main"
print(LEVEL, gpkg.LEVEL)


def f():
    return globals()


print(f.__globals__ is globals(), f() is globals())
try:
    f.__globals__ = {}
except AttributeError:
    print("AttributeError")

sys.path.pop(0)
rmtree(base)
print(base in os.listdir())

# exec() in a plain dict: the dict becomes a live view of the namespace the code ran in
env = {"a": 1}
exec("b = a + 1\ndef get():\n    return later\nG = globals()", env)
env["later"] = "seen"
print(env["b"], env["get"](), env["G"] is env)
