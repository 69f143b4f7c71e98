# websocket framing over a real TCP connection on loopback (as webrepl uses it).
import socket, websocket, random


def listen_any():
    for _ in range(20):
        port = random.randint(20000, 60000)
        s = socket.socket()
        try:
            s.bind(socket.getaddrinfo("127.0.0.1", port)[0][-1])
            s.listen(1)
            return s, port
        except OSError:
            s.close()
    raise SystemExit("no free port")


srv, port = listen_any()
cli = socket.socket()
cli.connect(socket.getaddrinfo("127.0.0.1", port)[0][-1])
conn, _ = srv.accept()

ws_srv = websocket.websocket(conn)
ws_cli = websocket.websocket(cli)
print(ws_cli.write(b"hello"))
print(ws_srv.read(5))
ws_srv.write(b"line\nnext\n")
print(ws_cli.readline(), ws_cli.readline())
big = b"z" * 1000
ws_cli.write(big)
print(ws_srv.read(1000) == big)
# a masked frame, as browsers send them
cli.write(b"\x81\x83abcd" + bytes(x ^ y for x, y in zip(b"xyz", b"abc")))
print(ws_srv.read(3))
# a ping is consumed; a close frame ends the stream and is answered
cli.write(b"\x89\x00\x88\x00")
print(ws_srv.read(1))
print(cli.recv(2))
ws_cli.close()
ws_srv.close()
srv.close()
print(cli.fileno(), conn.fileno())
