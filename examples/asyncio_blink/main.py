# asyncio: one task blinks the LED on GP15, another watches the button on GP14 and changes
# the blink speed on each press. Both share the board through `await asyncio.sleep_ms`.
from machine import Pin
import asyncio

led = Pin(15, Pin.OUT, value=0)
button = Pin(14, Pin.IN, Pin.PULL_UP)
period = [500]


async def blink():
    while True:
        led.toggle()
        await asyncio.sleep_ms(period[0])


async def watch_button():
    last = button.value()
    while True:
        now = button.value()
        if last == 1 and now == 0:
            period[0] = 100 if period[0] == 500 else 500
            print("blink period", period[0], "ms")
        last = now
        await asyncio.sleep_ms(20)


async def main():
    asyncio.create_task(blink())
    await watch_button()


asyncio.run(main())
