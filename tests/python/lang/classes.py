class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def hello(self):
        return "Base " + self.name
    @classmethod
    def make(cls, n):
        return cls(n)
    @staticmethod
    def twice(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()

class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def hello(self):
        return "Child/" + super().hello() + "/" + str(self.extra)

c = Child("bob", 3)
print(c.hello(), c.upper, Base.count)
print(Base.make("x").hello(), Child.twice(21), c.twice(4))
print(isinstance(c, Base), type(c).__name__, Child.__qualname__)

class P:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x * 10
p = P()
p.v = 4
print(p.v)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __repr__(self):
        return "Vec(%d, %d)" % (self.x, self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6), len(v), v[1])

def deco(f):
    def w(*a, **k):
        print("call", f.__name__, a[1:], sorted(k.items()))
        return f(*a, **k)
    return w

class D:
    @deco
    def m(self, a, b=2):
        return a + b
print(D().m(1, b=5))

class Outer:
    class Inner:
        def q(self):
            return __class__.__qualname__
print(Outer.Inner().q())

class A1:
    def who(self):
        return "A1"
class B1(A1):
    def who(self):
        return "B1>" + super().who()
class C1(A1):
    def who(self):
        return "C1>" + super().who()
class D1(B1, C1):
    def who(self):
        return "D1>" + super().who()
print(D1().who())
