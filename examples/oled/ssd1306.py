# A small SSD1306 OLED driver (I2C) on top of framebuf, with the same interface as
# micropython-lib's ssd1306 module: SSD1306_I2C(width, height, i2c, addr=0x3C).
import framebuf

_INIT = (
    0xAE,  # display off
    0x20, 0x00,  # horizontal addressing
    0x40,  # start line 0
    0xA1,  # segment remap
    0xA8, 63,  # multiplex ratio (height - 1)
    0xC8,  # COM scan direction
    0xD3, 0x00,  # display offset
    0xDA, 0x12,  # COM pins
    0xD5, 0x80,  # clock divide
    0xD9, 0xF1,  # pre-charge
    0xDB, 0x30,  # VCOM level
    0x81, 0xFF,  # contrast
    0xA4,  # follow RAM
    0xA6,  # not inverted
    0x8D, 0x14,  # charge pump on
    0xAF,  # display on
)


class SSD1306_I2C(framebuf.FrameBuffer):
    def __init__(self, width, height, i2c, addr=0x3C, external_vcc=False):
        self.width = width
        self.height = height
        self.i2c = i2c
        self.addr = addr
        self.pages = height // 8
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)
        for c in _INIT:
            self.write_cmd(c)
        self.fill(0)
        self.show()

    def write_cmd(self, cmd):
        self.i2c.writeto(self.addr, bytes((0x80, cmd)))

    def poweroff(self):
        self.write_cmd(0xAE)

    def poweron(self):
        self.write_cmd(0xAF)

    def contrast(self, value):
        self.write_cmd(0x81)
        self.write_cmd(value)

    def invert(self, on):
        self.write_cmd(0xA7 if on else 0xA6)

    def show(self):
        for c in (0x21, 0, self.width - 1, 0x22, 0, self.pages - 1):
            self.write_cmd(c)
        self.i2c.writevto(self.addr, (b"\x40", self.buffer))
