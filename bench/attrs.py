# Attribute access and method calls on instances.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

def bench(n):
    p = Point(0, 0)
    t = 0
    for i in range(n):
        p = p.moved(1, -1)
        t += p.norm1()
        p.x = p.x - 1
    return t
