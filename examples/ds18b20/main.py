# Two DS18B20 temperature sensors on one 1-Wire bus (GP22, with a 4.7k pull-up to 3V3), read
# as in MicroPython's onewire tutorial: scan() finds both ROMs with the 1-Wire search, then
# every second convert_temp() starts a conversion on all of them at once (SKIP ROM), and after
# the 750 ms it takes at 12 bits, read_temp(rom) reads each sensor's scratchpad (MATCH ROM).
# Try it: `upy board examples/ds18b20`; the JavaScript API can set "temp1"/"temp2" readings.
import time
import machine
import onewire, ds18x20

dat = machine.Pin(22)
ds = ds18x20.DS18X20(onewire.OneWire(dat))

roms = ds.scan()
print("found devices:", [bytes(r).hex() for r in roms])

while True:
    ds.convert_temp()
    time.sleep_ms(750)
    print("temperatures:", " ".join("%.4f" % ds.read_temp(rom) for rom in roms))
    time.sleep_ms(250)
