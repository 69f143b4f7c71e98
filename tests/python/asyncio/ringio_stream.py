# asyncio streams over a micropython.RingIO: the writer waits for room, the reader for data
# (select.poll asks the ring through its stream ioctl). Expected output from MicroPython.
import asyncio
import micropython

ring = micropython.RingIO(8)
stream = asyncio.StreamWriter(ring)


async def producer():
    for i in range(3):
        stream.write(b"chunk%d;" % i)
        await stream.drain()
        print("sent", i)


async def main():
    task = asyncio.create_task(producer())
    got = b""
    while len(got) < 21:
        got += await stream.read(5)
    await task
    print(got)


asyncio.run(main())
