# Dict displays and dict comprehensions evaluate each value before its key, as MicroPython does
# (CPython 3.8+ evaluates the key first). Expected output from MicroPython.
def p(x):
    print(x)
    return x


d = {p("k1"): p("v1"), p("k2"): p("v2")}
print(d["k1"], d["k2"])
e = {p(("k", i)): p(("v", i)) for i in range(2) if i >= 0}
print(sorted(e.items()))
try:
    {p("key"): undefined_value}
except NameError:
    print("NameError")
