# property, staticmethod, classmethod, super with two arguments, reprs of singletons
class C:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        print("set", v)
        self._x = v

    @x.deleter
    def x(self):
        print("del")

    def gety(self):
        return "y"

    y = property(gety, doc="the y")

    @staticmethod
    def s(a):
        return a * 2

    @classmethod
    def k(cls, a):
        return cls.__name__ + str(a)


c = C()
print(c.x, c.y)
c.x = 5
print(c.x)
del c.x
try:
    c.y = 1
except AttributeError:
    print("AttributeError")
print(C.s(2), c.s(3), C.k(1), c.k(2))
p = property()
print(type(p.getter(len)).__name__, type(p.setter(len)).__name__)
print(staticmethod(len).__func__ is len, classmethod(len).__func__ is len)


class Base:
    def __init__(self, v):
        self.v = v

    def who(self):
        return "Base"


class Derived(Base):
    def __init__(self, v):
        super(Derived, self).__init__(v * 10)

    def who(self):
        return "Derived>" + super(Derived, self).who()


d = Derived(2)
print(d.v, d.who())
try:
    super(Derived, 1)
except TypeError:
    print("TypeError")
print(repr(None), repr(Ellipsis), repr(NotImplemented), repr(...))
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
