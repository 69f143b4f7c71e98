# OrderedDict: a dict whose popitem() takes the last item and whose == sees order.
# Expected output written by hand: MicroPython's repr is OrderedDict({...}) (CPython 3.12's too,
# but older CPythons print a list of pairs), and an OrderedDict never equals a plain dict in
# MicroPython (CPython compares them as dicts).
from collections import OrderedDict

d = OrderedDict([(10, 20), ("b", 100), (1, 2)])
print(d, len(d), list(d.keys()), list(d.values()))
del d["b"]
d["abc"] = 123
print(list(d.items()))
print(d.popitem(), d.popitem(), d)
print(OrderedDict(x=1, y=2), OrderedDict())

x = OrderedDict()
y = OrderedDict()
x["a"] = 1
x["b"] = 2
y["b"] = 2
y["a"] = 1
print(x == y, x != y, x == {"a": 1, "b": 2})
del y["b"]
y["b"] = 2
print(x == y, x != y)
c = x.copy()
print(type(c).__name__, c)
print(isinstance(x, dict))
try:
    OrderedDict().popitem()
except KeyError:
    print("KeyError")
