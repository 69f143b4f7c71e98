# Tasks, gather, cancellation, wait_for, Event and Lock (CPython and MicroPython agree here).
import asyncio


async def work(name, n, delay):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(delay)
    return name * 2


async def fails(delay):
    await asyncio.sleep(delay)
    raise ValueError("bad")


async def forever():
    try:
        while True:
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("forever cancelled")
        raise


async def main():
    # interleaving and results
    print(await asyncio.gather(work("a", 2, 0.06), work("b", 3, 0.04)))
    # return_exceptions
    r = await asyncio.gather(fails(0.001), work("c", 1, 0), return_exceptions=True)
    print(type(r[0]).__name__, r[1])
    # an exception propagates out of gather
    try:
        await asyncio.gather(fails(0.001), work("d", 1, 0.05))
    except ValueError as e:
        print("gather raised", e)
    # cancel a task
    t = asyncio.create_task(forever())
    await asyncio.sleep(0.01)
    print(t.done(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaited cancelled task")
    print(t.done())
    # wait_for: in time and too late
    print(await asyncio.wait_for(work("e", 1, 0.001), 1))
    try:
        await asyncio.wait_for(forever(), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    # Event
    ev = asyncio.Event()

    async def waiter(i):
        await ev.wait()
        print("woken", i)

    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    print("set")
    ev.set()
    for t in ts:
        await t
    print(ev.is_set())
    # Lock
    lock = asyncio.Lock()

    async def locker(i):
        async with lock:
            print("locked", i)
            await asyncio.sleep(0.002)
            print("unlock", i)

    await asyncio.gather(locker(1), locker(2), locker(3))
    print(lock.locked())
    return 42


print(asyncio.run(main()))
