#!/usr/bin/python3
"""Another system of the city calling renkei-server from Python.

Uses Debian's python3-grpcio and python3-protobuf with stubs generated from
proto/ by protoc and grpc_python_plugin (the build's renkei_python_stubs
target writes them to build/python), against the real server binary
started on a free loopback port: create, get, list with a filter, watch
changes, and read the field of an error from google.rpc.Status details.

Run: /usr/bin/python3 client_test.py --server PATH --stubs build/python
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

ARGS = None


class Server:
    """renkei-server as a child process on a port the kernel picks."""

    def __init__(self, data_dir):
        self.process = subprocess.Popen(
            [ARGS.server, "--data_dir", data_dir, "--listen", "127.0.0.1:0",
             "--http="],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.address = None
        deadline = time.time() + 60
        for line in self.process.stderr:
            match = re.search(r"listening on ([0-9.]+:[0-9]+)", line)
            if match:
                self.address = match.group(1)
                break
            if time.time() > deadline:
                break
        if self.address is None:
            raise RuntimeError("renkei-server did not start")
        # Keep draining its log so it never blocks on a full pipe.
        threading.Thread(target=self.process.stderr.read, daemon=True).start()

    def stop(self):
        self.process.terminate()
        return self.process.wait(timeout=30)


def bearer_channel(address, token):
    """A channel whose every call carries "authorization: Bearer <token>"."""
    class Bearer(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
        def _add(self, details):
            metadata = list(details.metadata or []) + [("authorization", "Bearer " + token)]
            return details._replace(metadata=metadata)

        def intercept_unary_unary(self, continuation, details, request):
            return continuation(self._add(details), request)

        def intercept_unary_stream(self, continuation, details, request):
            return continuation(self._add(details), request)

    return grpc.intercept_channel(grpc.insecure_channel(address), Bearer())


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="renkei-python-")
        sys.path.insert(0, ARGS.stubs)
        global grpc, pb, status_pb2, error_details_pb2
        import grpc
        from google.rpc import error_details_pb2, status_pb2
        from renkei.v1 import (change_pb2, change_pb2_grpc, common_pb2, network_pb2,
                               network_pb2_grpc, organization_pb2, organization_pb2_grpc)
        pb = argparse.Namespace(**{name: value for name, value in locals().items()
                                   if name.endswith("_pb2") or name.endswith("_grpc")})
        data = os.path.join(cls.tmp, "data")
        cls.server = Server(data)
        with open(os.path.join(data, "admin.token")) as token_file:
            cls.token = token_file.read().strip()
        cls.channel = bearer_channel(cls.server.address, cls.token)
        cls.organizations = pb.organization_pb2_grpc.OrganizationServiceStub(cls.channel)
        cls.networks = pb.network_pb2_grpc.NetworkServiceStub(cls.channel)
        cls.changes = pb.change_pb2_grpc.ChangeServiceStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        cls.exit_code = cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def create_company(self, name, district, request_id=""):
        organization = pb.organization_pb2.Organization(
            kind=pb.organization_pb2.ORGANIZATION_KIND_COMPANY, display_name=name,
            address=pb.common_pb2.Address(prefecture="岩手県", city="一関市", district=district))
        return self.organizations.CreateOrganization(
            pb.organization_pb2.CreateOrganizationRequest(organization=organization,
                                                          request_id=request_id),
            timeout=10)

    def test_0_a_call_without_a_token_is_unauthenticated(self):
        with grpc.insecure_channel(self.server.address) as anonymous:
            stub = pb.organization_pb2_grpc.OrganizationServiceStub(anonymous)
            with self.assertRaises(grpc.RpcError) as raised:
                stub.ListOrganizations(pb.organization_pb2.ListOrganizationsRequest(), timeout=10)
        self.assertEqual(raised.exception.code(), grpc.StatusCode.UNAUTHENTICATED)
        self.assertIn("organizations.read", raised.exception.details())

    def test_1_create_get_and_list_with_a_filter(self):
        created = self.create_company("株式会社一関精工", "千厩", request_id="city-web/1")
        self.assertTrue(created.name.startswith("organizations/"))
        self.create_company("株式会社大東電子", "大東")
        again = self.create_company("株式会社一関精工", "千厩", request_id="city-web/1")
        self.assertEqual(again.name, created.name)

        got = self.organizations.GetOrganization(
            pb.organization_pb2.GetOrganizationRequest(name=created.name), timeout=10)
        self.assertEqual(got.display_name, "株式会社一関精工")
        self.assertEqual(got.etag, created.etag)

        listed = self.organizations.ListOrganizations(
            pb.organization_pb2.ListOrganizationsRequest(district="千厩"), timeout=10)
        self.assertEqual([o.name for o in listed.organizations], [created.name])
        listed = self.organizations.ListOrganizations(
            pb.organization_pb2.ListOrganizationsRequest(name_contains="電子"), timeout=10)
        self.assertEqual([o.display_name for o in listed.organizations], ["株式会社大東電子"])

    def test_2_errors_name_the_field(self):
        with self.assertRaises(grpc.RpcError) as raised:
            self.organizations.CreateOrganization(
                pb.organization_pb2.CreateOrganizationRequest(
                    organization=pb.organization_pb2.Organization(
                        kind=pb.organization_pb2.ORGANIZATION_KIND_COMPANY,
                        display_name="株式会社一関精工", corporate_number="1234567890123")),
                timeout=10)
        error = raised.exception
        self.assertEqual(error.code(), grpc.StatusCode.INVALID_ARGUMENT)
        details = dict(error.trailing_metadata()).get("grpc-status-details-bin")
        self.assertIsNotNone(details)
        status = status_pb2.Status.FromString(details)
        bad_request = error_details_pb2.BadRequest()
        self.assertTrue(status.details[0].Unpack(bad_request))
        self.assertEqual(bad_request.field_violations[0].field, "organization.corporate_number")
        self.assertIn("check digit", bad_request.field_violations[0].description)

    def test_3_watch_changes_from_the_start_and_live(self):
        history = list(self.changes.WatchChanges(
            pb.change_pb2.WatchChangesRequest(since_revision=0, stop_at_head=True), timeout=10))
        self.assertGreaterEqual(len(history), 2)
        self.assertEqual([c.revision for c in history], list(range(1, len(history) + 1)))
        # A new server's first changes are its first administrator and token.
        self.assertEqual(history[0].WhichOneof("record"), "user")
        self.assertEqual(history[0].user.password_hash, "")
        self.assertEqual(history[2].WhichOneof("record"), "organization")
        self.assertEqual(history[2].kind, pb.change_pb2.CHANGE_KIND_CREATED)
        self.assertEqual(history[2].actor.username, "admin")

        # Follow from the head: a change made now arrives on the stream.
        head = history[-1].revision
        stream = self.changes.WatchChanges(
            pb.change_pb2.WatchChangesRequest(since_revision=head, collections=["networks"]),
            timeout=20)
        network = self.networks.CreateNetwork(
            pb.network_pb2.CreateNetworkRequest(
                network=pb.network_pb2.Network(display_name="千厩町工業クラブ")), timeout=10)
        change = next(stream)
        self.assertEqual(change.name, network.name)
        self.assertEqual(change.network.display_name, "千厩町工業クラブ")
        self.assertEqual(change.revision, head + 1)
        stream.cancel()


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--stubs", required=True)
    ARGS, rest = parser.parse_known_args()
    result = unittest.main(argv=[sys.argv[0]] + rest, exit=False).result
    ok = result.wasSuccessful() and getattr(ClientTest, "exit_code", 1) == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
