# __dict__ of instances, classes and modules are live views
import sys

class Foo:
    a = 1
    b = "bar"
    def __init__(self):
        self.x = 1
        self.y = "y"

o = Foo()
print(o.__dict__ == {"x": 1, "y": "y"})
d = o.__dict__
d["z"] = 3
print(o.z)
o.w = 4
print(sorted(d.keys()))
del d["x"]
print(hasattr(o, "x"))
print(Foo.__dict__["a"], Foo.__dict__["b"])
print("from_bytes" in int.__dict__)
print(type(sys.__dict__), sys.__dict__["__name__"])
print(type(Foo.__bases__), Foo.__bases__ == (object,))
try:
    (1).__dict__
except AttributeError:
    print("AttributeError")
