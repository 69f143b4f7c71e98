# coroutines driven by hand (no asyncio)
class Awaitable:
    def __await__(self):
        v = yield "suspended"
        return v

async def inner():
    got = await Awaitable()
    return got * 2

async def outer():
    r = await inner()
    return r + 1

c = outer()
print(c.send(None))
try:
    c.send(20)
except StopIteration as e:
    print("result", e.args[0])

class ACM:
    async def __aenter__(self):
        print("aenter")
        return 1
    async def __aexit__(self, *a):
        print("aexit")

class AIter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= 3:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    async with ACM() as v:
        print("in", v)
    async for x in AIter():
        print("item", x)
    return "ok"
m = main()
try:
    m.send(None)
except StopIteration as e:
    print(e.args[0])
