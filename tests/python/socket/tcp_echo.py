# Expected output written from MicroPython's unix-port behaviour (sockaddr bytes, <_socket N>
# reprs, EAGAIN from recv on timeout): CPython differs.
# TCP on loopback inside one program: listen, connect, accept, send/recv both ways, stream
# methods (write/read/readline), end of stream, and polling with select.
import socket, select, random, errno


def listen_any():
    # No getsockname on the unix port: pick a random high port, try another if it is taken.
    for _ in range(20):
        port = random.randint(20000, 60000)
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(socket.getaddrinfo("127.0.0.1", port)[0][-1])
            s.listen(1)
            return s, port
        except OSError:
            s.close()
    raise SystemExit("no free port")


srv, port = listen_any()
print(repr(srv).startswith("<_socket "))

cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
cli.connect(socket.getaddrinfo("127.0.0.1", port)[0][-1])
conn, addr = srv.accept()
print(type(addr), len(addr), socket.sockaddr(addr)[0], socket.sockaddr(addr)[1])

print(cli.send(b"hello"))
print(conn.recv(5))
conn.sendall(b"line one\nline two\nrest")
print(cli.readline())
print(cli.readline())
print(cli.read(4))

# polling: nothing to read yet, writable
p = select.poll()
p.register(conn, select.POLLIN)
print(p.poll(0))
cli.write(b"x")
print([(o is conn, ev) for o, ev in p.poll(1000)])
print(conn.recv(10))

# select.select on sockets
r, w, x = select.select([conn], [cli], [], 0)
print(r == [], w == [cli], x)

# non-blocking recv with nothing pending
conn.setblocking(False)
try:
    conn.recv(1)
except OSError as e:
    print("EAGAIN", e.errno == errno.EAGAIN)
print(conn.read(10))  # read() on a non-blocking stream: None
conn.setblocking(True)

# timeouts
conn.settimeout(0.05)
try:
    conn.recv(1)
except OSError as e:
    print("recv timeout", e.errno == errno.EAGAIN)
try:
    conn.read(1)
except OSError as e:
    print("read timeout", e.errno == errno.ETIMEDOUT)
conn.settimeout(None)

# a larger transfer in pieces
data = bytes(range(256)) * 64
cli.sendall(data)
got = b""
while len(got) < len(data):
    got += conn.recv(4096)
print(len(got), got == data)

# readinto
buf = bytearray(4)
cli.send(b"abcd")
print(conn.readinto(buf), buf)

# end of stream
cli.close()
print(conn.recv(10))
print(conn.read())
print(cli.fileno())
conn.close()
srv.close()

# nothing listens there any more
s = socket.socket()
try:
    s.connect(socket.getaddrinfo("127.0.0.1", port)[0][-1])
except OSError as e:
    print("refused", e.errno == errno.ECONNREFUSED)
s.close()
