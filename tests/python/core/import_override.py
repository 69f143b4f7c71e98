# `import` statements go through a replaced builtins.__import__; __debug__; sys.intern
import builtins
import sys

orig = builtins.__import__
def my_import(name, globals=None, locals=None, fromlist=None, level=0):
    print("import", name, fromlist, level)
    return orig(name, globals, locals, fromlist, level)
builtins.__import__ = my_import
import math
from sys import path
builtins.__import__ = orig
import math
print(math.pi > 3, type(path))
print(__debug__)
try:
    sys.intern(0)
except TypeError:
    print("TypeError")
print(sys.intern("ab") == "ab")
