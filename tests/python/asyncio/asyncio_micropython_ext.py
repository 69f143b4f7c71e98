# MicroPython's own asyncio API: sleep_ms, wait_for_ms, ThreadSafeFlag, the Loop class with
# its exception handler, and the "Task exception wasn't retrieved" report. The expected output
# is written by hand from MicroPython's behaviour (CPython has no sleep_ms/ThreadSafeFlag, and
# its get_event_loop() returns a loop instance, not the Loop class).
import asyncio


async def task(i, ms):
    await asyncio.sleep_ms(ms)
    return i


async def bad():
    raise ValueError(1, 2)


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]), context["future"].done())


async def main():
    print(await asyncio.wait_for_ms(task(1, 1), 100))
    try:
        await asyncio.wait_for_ms(task(2, 100), 1)
    except asyncio.TimeoutError:
        print("timeout")
    flag = asyncio.ThreadSafeFlag()

    async def wait_flag():
        await flag.wait()
        print("flag seen")

    t = asyncio.create_task(wait_flag())
    await asyncio.sleep_ms(1)
    flag.set()
    await t
    # an exception nobody retrieves goes to the handler
    loop = asyncio.get_event_loop()
    print(loop is asyncio.Loop, loop.get_exception_handler())
    loop.set_exception_handler(handler)
    asyncio.create_task(bad())
    await asyncio.sleep_ms(5)
    loop.set_exception_handler(None)
    # an awaited one does not
    t = asyncio.create_task(bad())
    await asyncio.sleep_ms(0)
    try:
        await t
    except ValueError as e:
        print("retrieved", e)
    # a task can't cancel itself
    try:
        asyncio.current_task().cancel()
    except RuntimeError as e:
        print(e)


asyncio.run(main())

# run_forever until stop()
loop = asyncio.new_event_loop()


async def stopper():
    print("stopping")
    loop.stop()


loop.create_task(stopper())
loop.run_forever()
print(loop.run_until_complete(task(7, 0)))
