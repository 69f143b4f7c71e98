# A file on sys.path replaces an extensible built-in module (os, time, json...) but never a
# non-extensible one (sys, micropython); `uos` is always the built-in os; an empty sys.path forces
# the built-in; built-in modules are not listed in sys.modules. As MicroPython's importer.
# Expected output from MicroPython.
import os
import sys

base = "ext_mods_tmp"


def clean():
    try:
        for n in os.listdir(base):
            os.remove(base + "/" + n)
        os.rmdir(base)
    except OSError:
        pass


clean()
os.mkdir(base)
with open(base + "/json.py", "w") as f:
    f.write("print('json from file')\nimport sys\n_p = sys.path\nsys.path = ()\nfrom json import *\nsys.path = _p\nextra = 1\n")
with open(base + "/micropython.py", "w") as f:
    f.write("print('never runs')\n")
sys.path.insert(0, base)

import micropython

print(hasattr(micropython, "__file__"))
import json

print(hasattr(json, "__file__"), json.extra, json.dumps([1]))
import ujson

print(hasattr(ujson, "extra"), ujson.dumps({}))
print(sorted(sys.modules))
sys.path.pop(0)
clean()
print(base in os.listdir())
