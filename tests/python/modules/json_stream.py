# json.dump / json.load through any object with write() / read()
import json


class W:
    def __init__(self):
        self.buf = ""

    def write(self, s):
        self.buf += s
        return len(s)


class R:
    def __init__(self, t):
        self.t = t

    def read(self, n=-1):
        return self.t


w = W()
json.dump({"a": (1, [2, None])}, w)
print(w.buf)
json.dump([1, "two"], w, separators=(",", ":"))
print(w.buf)
print(json.load(R('{"k": [true, false, null, "x\\u0041"]}')))
print(json.load(R("[1, 2.5]")))
