# rp2.StateMachine and rp2.PIO on the virtual board: FIFOs, autopull/autopush, jmp, exec, IRQ
# handlers, instruction memory, and MicroPython's errors. Expected output written by hand from
# the RP2040 datasheet's PIO semantics and ports/rp2/rp2_pio.c's messages.
import time
import rp2
from array import array
from machine import Pin
from rp2 import PIO, StateMachine, asm_pio

print(PIO(0), PIO(1), StateMachine(0), StateMachine(7), PIO(1).state_machine(2))
print(PIO.OUT_LOW, PIO.OUT_HIGH, PIO.SHIFT_RIGHT, PIO.JOIN_RX, hex(PIO.IRQ_SM3))


@asm_pio()
def count_down():
    pull()
    mov(x, osr)
    label("loop")
    mov(isr, x)
    push()
    jmp(x_dec, "loop")


sm = StateMachine(0, count_down, freq=1_000_000)
print("offset", count_down[1], count_down[2])
sm.put(3)
print("tx", sm.tx_fifo(), "rx", sm.rx_fifo(), "active", sm.active())
sm.active(1)
print([sm.get() for _ in range(4)])
sm.put(5)
time.sleep_ms(1)
print("rx full", sm.rx_fifo(), sm.tx_fifo())
buf = array("i", [0] * 6)
print(list(sm.get(buf)))
sm.active(0)


@asm_pio()
def invert_echo():
    pull()
    mov(x, invert(osr))
    mov(isr, reverse(x))
    push()


sm = StateMachine(1, invert_echo, freq=10_000)
sm.active(1)
sm.put(0x0F)
print(hex(sm.get()))
sm.put(array("B", [1, 2]), 4)
print(hex(sm.get()), hex(sm.get(None, 28)))
sm.active(0)


@asm_pio(autopull=True, autopush=True, push_thresh=8,
         out_shiftdir=PIO.SHIFT_RIGHT, in_shiftdir=PIO.SHIFT_LEFT)
def bytes_swap():
    out(x, 8)
    in_(x, 8)


sm = StateMachine(2, bytes_swap, freq=125_000_000)
sm.active(1)
sm.put(0x44332211)
print([hex(sm.get()) for _ in range(4)])
b = bytearray(2)
sm.put(b"\x05\x06")
print(sm.get(b), list(b))
sm.active(0)

# exec: a program-less state machine driving GP25 with set instructions (examples/rp2/pio_exec.py).


@asm_pio(set_init=PIO.OUT_LOW)
def nothing():
    pass


sm = StateMachine(3, nothing, set_base=Pin(25))
led = Pin(25)
sm.exec("set(pins, 1)")
print("led", led.value())
sm.exec(0xE000)  # set(pins, 0)
print("led", led.value())
sm.exec("set(x, 7)")
sm.exec("mov(isr, x)")
sm.exec("push()")
print("x via exec", sm.get())

# IRQ: the 1 Hz blink with irq(rel(0)) calls its handler once a second (examples/rp2/pio_1hz.py).


@asm_pio(set_init=PIO.OUT_LOW)
def blink_1hz():
    irq(rel(0))
    set(pins, 1)
    set(x, 31)                  [5]
    label("delay_high")
    nop()                       [29]
    jmp(x_dec, "delay_high")
    nop()
    set(pins, 0)
    set(x, 31)                  [5]
    label("delay_low")
    nop()                       [29]
    jmp(x_dec, "delay_low")


t0 = time.ticks_ms()
ticks = []
sm = StateMachine(4, blink_1hz, freq=2000, set_base=Pin(15))
sm.irq(lambda s: ticks.append((s, time.ticks_diff(time.ticks_ms(), t0) // 100 * 100)))
sm.active(1)
time.sleep_ms(3500)
sm.active(0)
print(ticks)
print("irq flags", sm.irq().flags())

# Instruction memory: 32 slots per PIO.


@asm_pio()
def big():
    for _ in range(30):
        nop()


p = PIO(1)
p.remove_program()
p.add_program(big)
print("big at", big[2])
try:
    p.add_program(big)
except OSError as e:
    print("OSError", e)
p.remove_program(big)
print("removed", big[2])
p.add_program(big)
try:
    p.add_program(count_down)
except OSError as e:
    print("OSError", e)
p.remove_program()

for bad in (lambda: PIO(2), lambda: StateMachine(8), lambda: PIO(0).state_machine(4),
            lambda: StateMachine(0, count_down, freq=1),
            lambda: PIO(1).remove_program(invert_echo),
            lambda: StateMachine(0, count_down).put(array("f", [1.0])),
            lambda: StateMachine(0, [1, 2])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print("done")
