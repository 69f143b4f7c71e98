# Training run for the start-up code cache (scripts/build.mjs): touches the common runtime paths
# once, so their compiled bytecode is in dist/upy-core.*.cache. Output is discarded.
class Vec:
    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __repr__(self):
        return "Vec(%.2f, %r)" % (self.x, self.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


class Sub(Vec):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.tag = kw.get("y", None)

    @property
    def norm(self):
        return self.dot(self) ** 0.5

    @staticmethod
    def make(n):
        return [Sub(float(i), y=i / 2) for i in range(n)]


def gen(n):
    for i in range(n):
        yield i * i


def deleg(n):
    yield from gen(n)
    return n


def work(n):
    v = Vec()
    for s in Sub.make(n):
        v = v + s
        v.norm if isinstance(v, Sub) else s.norm
    d = {}
    for w in ("alpha beta gamma delta " * n).split():
        d[w] = d.get(w, 0) + 1
    st = {i % 7 for i in range(n)} | set((1, 2)) - {3}
    lst = sorted([x for x in deleg(n) if x % 2], reverse=True)
    lst.append(len(lst))
    lst.extend(range(3))
    t = tuple(lst[1:4]) + (1,)
    big = 2**100 // 3 + 7 * 10**30 - n
    s = "-".join(str(x) for x in lst[:5]).upper().replace("1", "one").strip()
    s += "{} {:>8.3f} {!r} %d %s %x".format(s[:3], 3.14159, t) % (n, "x", 255)
    f = "%s|%5d|%-4s|%.3e" % (s[:2], n, "ab", 1.5e-7) + f"{n:04d}{big % 97}"
    try:
        {}["missing"]
    except KeyError as e:
        f += repr(e)
    try:
        raise ValueError("v")
    except (TypeError, ValueError):
        pass
    finally:
        n += 1
    b = bytes(range(10)) + bytearray(b"xyz")
    m = max(lst), min(lst), sum(lst), abs(-n), divmod(n, 7), round(2.567, 2), hash("k")
    z = list(zip(lst, map(str, lst), enumerate(reversed(lst))))
    return v, d, st, lst, t, big, s, f, b, m, z, sorted(d.items(), key=lambda kv: -kv[1]), any(lst), all(lst)


for _ in range(3):
    r = work(40)
print(r[0], len(r[1]), sorted(r[2]), r[3][:3], r[4], r[5] % 1000, r[6][:10], len(r[9]))
