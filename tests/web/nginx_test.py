#!/usr/bin/python3
"""renkei behind Debian's nginx with TLS, as docs/web.md sets it up.

Starts a real renkei-server with the demo data on loopback ports, makes a
self-signed certificate with the openssl command, and runs nginx as this
user with a temporary prefix and deploy/nginx/renkei.conf (its ports and
certificate paths replaced). Then, through https: a JSON route, the change
feed as events (one arriving while the stream is open, so nginx must not
buffer it), a body over the limit (JSON 413 from nginx), the redirect from
plain HTTP, and gRPC through grpc_pass. Nothing leaves loopback.

Run: /usr/bin/python3 nginx_test.py --server PATH --conf deploy/nginx/renkei.conf
         --stubs build/python
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

ARGS = None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process, what):
    deadline = time.time() + 30
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port}")


class Server:
    """renkei-server with the demo data, gRPC and HTTP on free ports."""

    def __init__(self, data_dir):
        self.process = subprocess.Popen(
            [ARGS.server, "--demo", "--data_dir", data_dir, "--listen", "127.0.0.1:0",
             "--http", "127.0.0.1:0"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.grpc_port = self.http_port = None
        for line in self.process.stderr:
            match = re.search(r"listening on [0-9.]+:([0-9]+)", line)
            if match:
                self.grpc_port = int(match.group(1))
            match = re.search(r"HTTP on http://[0-9.]+:([0-9]+)/", line)
            if match:
                self.http_port = int(match.group(1))
                break
        if not self.http_port:
            self.process.kill()
            raise RuntimeError("renkei-server did not start")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.stderr.read()
        self.process.stderr.close()
        return self.process.wait(timeout=30)


def site_config(text, ports, cert, key):
    """deploy/nginx/renkei.conf with this test's ports and certificate."""
    text = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", text)
    text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{ports['tls']} ssl http2;")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{ports['plain']};")
    text = text.replace("server 127.0.0.1:8080;", f"server 127.0.0.1:{ports['http']};")
    text = text.replace("server 127.0.0.1:50051;", f"server 127.0.0.1:{ports['grpc']};")
    text = text.replace("/etc/ssl/renkei/fullchain.pem", cert)
    text = text.replace("/etc/ssl/renkei/privkey.pem", key)
    directives = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#"))
    for original in ("8080", "50051", "/etc/ssl/"):
        assert original not in directives, f"{original} left in the configuration"
    return text


def main_config(prefix, site):
    return f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site};
}}
"""


class NginxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="renkei-nginx-")
        cls.server = Server(os.path.join(cls.tmp, "data"))
        cls.nginx = None
        try:
            cls.start_nginx()
        except Exception:
            cls.tearDownClass()
            raise

    @classmethod
    def start_nginx(cls):
        cls.cert = os.path.join(cls.tmp, "cert.pem")
        cls.key = os.path.join(cls.tmp, "key.pem")
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-keyout", cls.key, "-out", cls.cert, "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
            check=True, capture_output=True)
        cls.ports = {"tls": free_port(), "plain": free_port(), "http": cls.server.http_port,
                     "grpc": cls.server.grpc_port}
        with open(ARGS.conf, encoding="utf-8") as f:
            site = site_config(f.read(), cls.ports, cls.cert, cls.key)
        site_path = os.path.join(cls.tmp, "renkei.conf")
        with open(site_path, "w", encoding="utf-8") as f:
            f.write(site)
        conf_path = os.path.join(cls.tmp, "nginx.conf")
        with open(conf_path, "w", encoding="utf-8") as f:
            f.write(main_config(cls.tmp, site_path))
        cls.nginx = subprocess.Popen(
            [ARGS.nginx, "-p", cls.tmp, "-e", os.path.join(cls.tmp, "error.log"),
             "-c", conf_path, "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(cls.ports["tls"], cls.nginx, "nginx")
        cls.tls = ssl.create_default_context(cafile=cls.cert)
        # The first administrator's token, written on the first start.
        with open(os.path.join(cls.tmp, "data", "admin.token"), encoding="ascii") as f:
            cls.token = f.read().strip()

    @classmethod
    def tearDownClass(cls):
        if cls.nginx is not None:
            cls.nginx.send_signal(signal.SIGQUIT)
            try:
                cls.nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                cls.nginx.kill()
        cls.exit_code = cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def https(self, path, method="GET", body=None, headers=None):
        connection = http.client.HTTPSConnection("127.0.0.1", self.ports["tls"],
                                                 context=self.tls, timeout=30)
        headers = dict(headers or {})
        headers.setdefault("Authorization", f"Bearer {self.token}")
        connection.request(method, path, body=body, headers=headers)
        return connection, connection.getresponse()

    def direct(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.ports["http"], timeout=30)
        try:
            connection.request("GET", path, headers={"Authorization": f"Bearer {self.token}"})
            return connection.getresponse().read()
        finally:
            connection.close()

    def test_json_route_through_tls(self):
        connection, response = self.https("/v1/organizations/7")
        body = response.read()
        self.assertEqual(response.status, 200)
        self.assertEqual(response.getheader("Content-Type"), "application/json; charset=utf-8")
        self.assertIn("max-age", response.getheader("Strict-Transport-Security"))
        self.assertEqual(json.loads(body)["name"], "organizations/7")
        self.assertEqual(body, self.direct("/v1/organizations/7"))
        connection.close()

    def test_json_error_and_page_through_tls(self):
        connection, response = self.https("/v1/organizations/999999")
        error = json.loads(response.read())["error"]
        self.assertEqual((response.status, error["status"]), (404, "NOT_FOUND"))
        connection.close()
        connection, response = self.https("/v1/needs", headers={"Authorization": ""})
        error = json.loads(response.read())["error"]
        self.assertEqual((response.status, error["status"]), (401, "UNAUTHENTICATED"))
        connection.close()
        connection, response = self.https("/")
        self.assertIn("<title>ホーム — 連携 renkei</title>", response.read().decode("utf-8"))
        connection.close()

    def test_events_pass_unbuffered(self):
        head = json.loads(self.direct("/v1/system/info"))["revision"]
        connection, response = self.https(
            f"/v1/changes?collections=networks&sinceRevision={head}",
            headers={"Accept": "text/event-stream"})
        self.assertEqual(response.status, 200)
        self.assertTrue(response.getheader("Content-Type").startswith("text/event-stream"))
        # A change made while the stream is open arrives at once.
        post, created = self.https(
            "/v1/networks", "POST", json.dumps({"displayName": "配信試験会"}).encode("utf-8"),
            {"Content-Type": "application/json"})
        self.assertEqual(created.status, 200, created.read())
        created.read()
        post.close()
        lines = []
        deadline = time.time() + 10
        while time.time() < deadline and not any(l.startswith("data: ") for l in lines):
            lines.append(response.readline().decode("utf-8").rstrip("\n"))
        self.assertTrue(any(l.startswith("id: ") for l in lines), lines)
        data = [json.loads(l[6:]) for l in lines if l.startswith("data: ")]
        self.assertEqual(data[0]["network"]["displayName"], "配信試験会")
        connection.close()

    def test_body_over_the_limit_is_a_json_413(self):
        big = json.dumps({"displayName": "x" * (9 << 20)}).encode("utf-8")
        connection, response = self.https("/v1/networks", "POST", big,
                                          {"Content-Type": "application/json"})
        self.assertEqual(response.status, 413)
        self.assertEqual(json.loads(response.read())["error"]["code"], 413)
        connection.close()

    def test_plain_http_redirects(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.ports["plain"], timeout=30)
        connection.request("GET", "/v1/organizations/7")
        response = connection.getresponse()
        self.assertEqual(response.status, 301)
        self.assertTrue(response.getheader("Location").startswith("https://"))
        connection.close()

    def test_grpc_through_grpc_pass(self):
        sys.path.insert(0, ARGS.stubs)
        import grpc
        from renkei.v1 import organization_pb2, organization_pb2_grpc
        with open(self.cert, "rb") as f:
            credentials = grpc.ssl_channel_credentials(root_certificates=f.read())
        with grpc.secure_channel(f"localhost:{self.ports['tls']}", credentials) as channel:
            stub = organization_pb2_grpc.OrganizationServiceStub(channel)
            organization = stub.GetOrganization(
                organization_pb2.GetOrganizationRequest(name="organizations/7"), timeout=30,
                metadata=[("authorization", f"Bearer {self.token}")])
        self.assertEqual(organization.name, "organizations/7")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--conf", required=True)
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--nginx", default="/usr/sbin/nginx")
    ARGS, rest = parser.parse_known_args()
    result = unittest.main(argv=[sys.argv[0]] + rest, exit=False).result
    ok = result.wasSuccessful() and getattr(NginxTest, "exit_code", 1) == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
