# rp2.asm_pio: the words, EXECCTRL and SHIFTCTRL of assembled programs, and the assembler's
# errors. The expected output comes from MicroPython's own assembler (ports/rp2/modules/rp2.py)
# run under CPython with the PIO constants stubbed, so the encodings are MicroPython's.
# The failures print in the order MicroPython iterates the FAILS dict (its hash-table slot order).
import rp2
from rp2 import PIO, asm_pio

# A module global with an operand's name: the assembler must still see the operand.
x = 99


def show(name, prog):
    print(name, [hex(w) for w in prog[0]], hex(prog[4]), hex(prog[5]), prog[6], prog[7], prog[8])


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


show("blink_1hz", blink_1hz)


@asm_pio(sideset_init=PIO.OUT_LOW, out_shiftdir=PIO.SHIFT_LEFT, autopull=True, pull_thresh=24)
def ws2812():
    T1 = 2
    T2 = 5
    T3 = 3
    wrap_target()
    label("bitloop")
    out(x, 1)               .side(0)    [T3 - 1]
    jmp(not_x, "do_zero")   .side(1)    [T1 - 1]
    jmp("bitloop")          .side(1)    [T2 - 1]
    label("do_zero")
    nop()                   .side(0)    [T2 - 1]
    wrap()


show("ws2812", ws2812)


@asm_pio(sideset_init=PIO.OUT_LOW)
def pwm_prog():
    pull(noblock) .side(0)
    mov(x, osr)
    mov(y, isr)
    label("pwmloop")
    jmp(x_not_y, "skip")
    nop()         .side(1)
    label("skip")
    jmp(y_dec, "pwmloop")


show("pwm", pwm_prog)


@asm_pio(autopush=True, push_thresh=8, in_shiftdir=PIO.SHIFT_RIGHT, fifo_join=PIO.JOIN_RX)
def uart_rx_mini():
    wait(0, pin, 0)
    set(x, 7)                 [10]
    label("bitloop")
    in_(pins, 1)
    jmp(x_dec, "bitloop")     [6]


show("uart_rx_mini", uart_rx_mini)


@asm_pio(in_shiftdir=PIO.SHIFT_RIGHT)
def uart_rx():
    label("start")
    wait(0, pin, 0)
    set(x, 7)                 [10]
    label("bitloop")
    in_(pins, 1)
    jmp(x_dec, "bitloop")     [6]
    jmp(pin, "good_stop")
    irq(block, 4)
    wait(1, pin, 0)
    jmp("start")
    label("good_stop")
    push(block)


show("uart_rx", uart_rx)


@asm_pio(sideset_init=PIO.OUT_HIGH, out_init=PIO.OUT_HIGH, out_shiftdir=PIO.SHIFT_RIGHT)
def uart_tx():
    pull()
    set(x, 7)  .side(0)       [7]
    label("bitloop")
    out(pins, 1)              [6]
    jmp(x_dec, "bitloop")
    nop()      .side(1)       [6]


show("uart_tx", uart_tx)


@asm_pio()
def wait_pin_low():
    wrap_target()
    wait(0, pin, 0)
    irq(block, rel(0))
    wait(1, pin, 0)
    wrap()


show("wait_pin_low", wait_pin_low)


@asm_pio(out_init=(PIO.OUT_LOW,) * 2, sideset_init=(PIO.OUT_LOW, PIO.OUT_HIGH), side_pindir=True)
def operands():
    mov(pins, invert(x))
    mov(y, reverse(pins))
    mov(exec, x)
    mov(pc, status)
    mov(isr, null)
    mov(osr, invert(osr))  .side(2)
    out(exec, 16)
    out(pindirs, 2)
    out(pc, 5)
    out(isr, 32)
    out(null, 3)
    in_(osr, 7)
    in_(null, 32)
    in_(isr, 1)
    set(pindirs, 3)        .side(1) [1]
    set(y, 17)
    push()
    push(iffull)
    push(iffull, noblock)
    pull(ifempty, block)
    pull(noblock)
    irq(clear, 3)
    irq(noblock, rel(2))
    irq(5)
    wait(1, gpio, 28)
    wait(0, irq, rel(1))
    jmp(not_y, "end")
    jmp(y_dec, "end")
    jmp(not_osre, "end")
    label("end")
    word(0x1234)


show("operands", operands)


@asm_pio(push_thresh=0, pull_thresh=31, autopush=1, fifo_join=PIO.JOIN_TX)
def empty():
    pass


show("empty", empty)


def fails(name, **kw):
    try:
        asm_pio(**kw)(FAILS[name])
    except Exception as e:
        print(name, type(e).__name__, e)


def bad_delay():
    nop() [32]


def bad_delay_side():
    nop().side(0) [16]


def no_sideset():
    nop().side(1)


def big_sideset():
    nop().side(2)


def dup_label():
    label("a")
    label("a")


def unknown_label():
    jmp("nowhere")


def bad_count():
    in_(pins, 0)


def bad_count2():
    out(pins, 33)


FAILS = {
    "bad_delay": bad_delay, "bad_delay_side": bad_delay_side, "no_sideset": no_sideset,
    "big_sideset": big_sideset, "dup_label": dup_label, "unknown_label": unknown_label,
    "bad_count": bad_count, "bad_count2": bad_count2,
}
for name in FAILS:
    fails(name, sideset_init=PIO.OUT_LOW) if name in ("bad_delay_side", "big_sideset") else fails(name)

# The names are only bound while assembling.
print(x, set)
print(rp2.asm_pio_encode("set(0, 1)", 0))
print(rp2.asm_pio_encode("nop() [3]", 0), rp2.asm_pio_encode("out(x, 8)", 1), rp2.asm_pio_encode("pull()", 0))
try:
    rp2.asm_pio_encode("nop()\nnop()", 0)
except rp2.PIOASMError as e:
    print("PIOASMError", e)
