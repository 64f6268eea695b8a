"""The driver/worker wire format: exact round trips, and refusal of everything hostile."""

from __future__ import annotations

import ast
import io
import json
import math
import pickle
import socket
import struct
import sys
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from autograder.sandbox import codec
from autograder.sandbox.codec import (
    MAX_DEPTH,
    MAX_FRAME,
    MAX_NODES,
    CodecError,
    Unsupported,
    decode,
    encode,
    recv_frame,
    recv_message,
    send_frame,
    send_message,
)
from tests.conftest import load_module

# ------------------------------------------------------------------------------------ helpers


def roundtrip(value):
    return decode(encode(value))


def assert_same(got, want):
    """Equal values *and* identical types all the way down (-0.0 and nan included)."""
    assert type(got) is type(want), f"{type(got).__name__} != {type(want).__name__}"
    if isinstance(want, np.ndarray):
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_array_equal(got, want)
    elif isinstance(want, (float, np.floating)):
        if math.isnan(want):
            assert math.isnan(got)
        else:
            assert got == want and math.copysign(1, got) == math.copysign(1, want)
    elif isinstance(want, (list, tuple)):
        assert len(got) == len(want)
        for g, w in zip(got, want, strict=True):
            assert_same(g, w)
    elif isinstance(want, dict):
        assert list(got) == list(want)
        for key in want:
            assert_same(got[key], want[key])
    else:
        assert got == want


def npy(arr, *, allow_pickle=False) -> bytes:
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=allow_pickle)
    return buf.getvalue()


def build(header, blobs=()) -> bytes:
    """A payload around a raw header (bytes) or a header object, bypassing the encoder."""
    raw = header if isinstance(header, bytes) else json.dumps(header).encode()
    return struct.pack(">I", len(raw)) + raw + b"".join(blobs)


def message(body, blobs=(), lengths=None) -> bytes:
    lengths = [len(b) for b in blobs] if lengths is None else lengths
    return build({"v": 1, "blobs": lengths, "body": body}, blobs)


def nested_body(levels: int):
    body = 0
    for _ in range(levels):
        body = {"$list": [body]}
    return body


def nested_list(levels: int):
    value = 0
    for _ in range(levels):
        value = [value]
    return value


PWNED: list[str] = []


def _pwn(tag):
    PWNED.append(tag)
    return tag


class Bomb:
    """Unpickling this records a side effect, proving that pickle ran."""

    def __reduce__(self):
        return (_pwn, ("unpickled",))


# -------------------------------------------------------------------------------- round trips


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        -7,
        2**62,
        -(10**99),
        "",
        'héllo ✓ \n"quoted" {not: json}',
        1.5,
        -0.0,
        0.0,
        1e-310,
        1.7976931348623157e308,
        float("nan"),
        float("inf"),
        float("-inf"),
        [],
        (),
        {},
        (1,),
        [1, (2.0, [None, {"a": (True, "x")}]), {}],
        {"w": [0.5, -0.0], "b": (1, 2), "": None, "$f": "not a tag", "nested": {"t": ()}},
    ],
    ids=repr,
)
def test_python_values_round_trip_exactly(value):
    assert_same(roundtrip(value), value)


@pytest.mark.parametrize("dtype", [np.float64, np.int64, np.bool_, np.float32, np.complex128])
@pytest.mark.parametrize("shape", [(), (3,), (2, 3, 4)])
def test_arrays_round_trip_with_dtype_and_shape(dtype, shape):
    rng = np.random.default_rng(0)
    arr = np.asarray(rng.standard_normal(shape) * 10).astype(dtype)
    if dtype is np.complex128:
        arr = np.asarray(arr + 1j * arr)
    got = roundtrip(arr)
    assert_same(got, arr)
    assert got.flags.c_contiguous and got.flags.writeable and got.flags.owndata


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.float16, np.uint64, np.complex64])
def test_other_numeric_dtypes_round_trip(dtype):
    arr = np.arange(6).reshape(2, 3).astype(dtype)
    assert_same(roundtrip(arr), arr)


def test_special_layouts_round_trip_as_plain_c_arrays():
    base = np.arange(24.0).reshape(4, 6)
    for arr in (base.T, base[:, ::2], np.asfortranarray(base), np.zeros((0, 3)), base[::-1]):
        got = roundtrip(arr)
        assert_same(got, np.array(arr))
        assert got.flags.c_contiguous


def test_non_native_byte_order_arrives_native():
    arr = np.arange(5, dtype=">i4")
    got = roundtrip(arr)
    assert got.dtype == np.dtype("int32") and got.dtype.isnative
    assert got.tolist() == [0, 1, 2, 3, 4]
    # a hand-made big-endian blob, as a hostile worker might send it
    got = decode(message({"$npy": 0}, [npy(np.array([1.5, -2.0], dtype=">f8"))]))
    assert got.dtype.isnative and got.tolist() == [1.5, -2.0]


@pytest.mark.parametrize(
    "scalar",
    [
        np.float64(1.5),
        np.float64("nan"),
        np.int64(-3),
        np.bool_(True),
        np.float32(0.25),
        np.complex128(1 - 2j),
        np.uint8(255),
        np.int32(7),
    ],
    ids=repr,
)
def test_numpy_scalars_keep_their_type(scalar):
    assert_same(roundtrip(scalar), scalar)


def test_exact_types_are_preserved():
    got = roundtrip([(1, 2), np.float64(2.0), 2.0, True, 1, np.bool_(False), np.int64(1)])
    assert [type(v) for v in got] == [tuple, np.float64, float, bool, int, np.bool_, np.int64]
    assert type(roundtrip(np.array(3.0))) is np.ndarray
    assert roundtrip(np.array(3.0)).shape == ()


def test_decoded_arrays_do_not_alias_the_payload():
    payload = bytearray(encode(np.zeros(4)))
    got = decode(payload)
    payload[-8:] = b"\xff" * 8
    got[0] = 1.0  # writable
    assert got.tolist() == [1.0, 0.0, 0.0, 0.0]


def test_unsupported_values_name_their_type():
    class Foo:
        pass

    got = roundtrip({"model": Foo(), "s": {1}, "c": 1j, "b": b"raw"})
    assert got["model"] == Unsupported(f"{__name__}.{Foo.__qualname__}")
    assert got["model"].type_name.endswith("<locals>.Foo")
    assert got["s"] == Unsupported("builtins.set")
    assert got["c"] == Unsupported("builtins.complex")
    assert got["b"] == Unsupported("builtins.bytes")
    assert roundtrip(Unsupported("x.Y")) == Unsupported("x.Y")


@pytest.mark.parametrize(
    "arr, name",
    [
        (np.array([{"a": 1}, None], dtype=object), "ndarray[object]"),
        (np.array(["ab", "c"]), "ndarray[<U2]"),
        (np.array(["2024-01-01"], dtype="datetime64[D]"), "ndarray[datetime64[D]]"),
        (np.zeros(2, dtype=[("x", "f8"), ("y", "i4")]), "ndarray[[('x', '<f8'), ('y', '<i4')]]"),
        (np.zeros(2, dtype="V4"), "ndarray[|V4]"),
    ],
)
def test_arrays_of_unsupported_dtypes_are_not_saved(arr, name):
    assert roundtrip(arr) == Unsupported(name)


def test_unsupported_numpy_scalars():
    assert roundtrip(np.str_("a")) == Unsupported("numpy.str_")
    assert roundtrip(np.datetime64("2024-01-01")) == Unsupported("numpy.datetime64")


# ------------------------------------------------------------------- student-controlled types


class LyingArray(np.ndarray):
    def __eq__(self, other):
        return True

    def __array_finalize__(self, obj):
        pass

    def tolist(self):
        raise AssertionError("the encoder called a student method")


class LyingFloat(float):
    def __eq__(self, other):
        return True

    def __sub__(self, other):
        return 0.0

    def __float__(self):
        return 123.0

    def __repr__(self):
        return "Infinity"

    __hash__ = float.__hash__


class LyingDict(dict):
    def items(self):
        return [("fake", 1)]

    def keys(self):
        return ["fake"]

    def __iter__(self):
        return iter(["fake"])

    def __getitem__(self, key):
        return 1


class LyingList(list):
    def __iter__(self):
        return iter(["fake"])

    def __len__(self):
        return 1


class LyingTuple(tuple):
    def __iter__(self):
        return iter(["fake"])


class LyingStr(str):
    def __str__(self):
        return "fake"


class DistinctStr(str):
    """Equal only to itself, so a dict can hold it next to the plain str it spells."""

    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other


class LyingInt(int):
    def __int__(self):
        return 0

    def __index__(self):
        return 0


def test_ndarray_subclass_arrives_as_plain_array_with_real_data():
    data = np.arange(6.0).reshape(2, 3)
    got = roundtrip({"a": data.view(LyingArray)})["a"]
    assert type(got) is np.ndarray
    assert got.tolist() == data.tolist()
    assert not np.array_equal(got, np.zeros((2, 3)))


def test_float_subclass_arrives_as_float_with_real_value():
    got = roundtrip([LyingFloat(0.25), LyingFloat("nan")])
    assert type(got[0]) is float and type(got[1]) is float
    assert got[0] == 0.25 and (got[0] - 0.25) == 0.0
    assert math.isnan(got[1])


def test_dict_subclass_arrives_as_dict_with_real_items():
    got = roundtrip(LyingDict({"a": 1.0, "b": [2]}))
    assert type(got) is dict
    assert got == {"a": 1.0, "b": [2]}


def test_other_builtin_subclasses_arrive_as_builtins_with_real_data():
    got = roundtrip([LyingList([1, 2]), LyingTuple((3, 4)), LyingStr("real"), LyingInt(7)])
    assert [type(v) for v in got] == [list, tuple, str, int]
    assert got == [[1, 2], (3, 4), "real", 7]


def test_lying_dunder_class_is_not_believed_nor_called():
    calls = []

    class Impostor:
        @property
        def __class__(self):
            calls.append("__class__")
            return float

    obj = Impostor()
    assert isinstance(obj, float)  # what a naive isinstance-based encoder would believe
    calls.clear()
    got = roundtrip(obj)
    assert got == Unsupported(f"{__name__}.{Impostor.__qualname__}")
    assert calls == []


def test_type_name_ignores_metaclass_properties():
    calls = []

    class Meta(type):
        @property
        def __module__(cls):
            calls.append("__module__")
            return "innocent"

    class Sneaky(metaclass=Meta):
        pass

    assert Sneaky.__module__ == "innocent"  # a naive lookup runs the property
    calls.clear()
    got = roundtrip(Sneaky())
    assert got == Unsupported(f"{__name__}.{Sneaky.__qualname__}")
    assert calls == []


def test_numpy_scalar_subclasses():
    class F64(np.float64):
        def __float__(self):
            return 9.0

    class Mixin:
        pass

    # numpy mis-types these (dtype object), and np.generic.tobytes on one crashes the
    # interpreter, so only the float base's data is trusted and the rest is refused
    class MixedFloat(Mixin, np.float64):
        pass

    class MixedInt(Mixin, np.int64):
        pass

    got = roundtrip([F64(1.5), MixedFloat(2.5), MixedInt(3)])
    assert_same(got[0], np.float64(1.5))
    assert_same(got[1], np.float64(2.5))
    assert got[2] == Unsupported(f"{__name__}.{MixedInt.__qualname__}")


# ----------------------------------------------------------------------- encoder refusals


def test_encoder_refusals():
    with pytest.raises(CodecError, match="only str keys"):
        encode({1: "a"})
    with pytest.raises(CodecError, match="digits"):
        encode(10**100)
    with pytest.raises(CodecError, match="duplicate"):
        encode({DistinctStr("k"): 1, "k": 2})
    with pytest.raises(CodecError, match="cap"):
        encode(np.zeros(1000), max_bytes=4000)
    with pytest.raises(CodecError, match="surrogate"):
        encode("\ud800")


def test_depth_limit_is_symmetric():
    assert_same(roundtrip(nested_list(MAX_DEPTH)), nested_list(MAX_DEPTH))
    with pytest.raises(CodecError, match="nested"):
        encode(nested_list(MAX_DEPTH + 1))
    cyclic: list = []
    cyclic.append(cyclic)
    with pytest.raises(CodecError, match="nested"):
        encode(cyclic)
    assert decode(message(nested_body(MAX_DEPTH))) == nested_list(MAX_DEPTH)
    with pytest.raises(CodecError, match="nested"):
        decode(message(nested_body(MAX_DEPTH + 1)))


def test_node_limit_is_symmetric():
    with pytest.raises(CodecError, match="values"):
        encode([0] * MAX_NODES)
    with pytest.raises(CodecError, match="values"):
        decode(message({"$list": [0] * MAX_NODES}))


# ---------------------------------------------------------------------- hostile payloads


def test_pickle_bearing_npy_is_refused_without_unpickling():
    blob = npy(np.array([Bomb()], dtype=object), allow_pickle=True)
    PWNED.clear()
    np.load(io.BytesIO(blob), allow_pickle=True)  # control: this blob really is a bomb
    assert PWNED == ["unpickled"]
    PWNED.clear()
    for tag in ("$npy", "$scalar"):
        with pytest.raises(CodecError, match="dtype"):
            decode(message({tag: 0}, [blob]))
    assert PWNED == []


def test_raw_pickle_blob_is_refused_without_unpickling():
    blob = pickle.dumps(Bomb())
    PWNED.clear()
    with pytest.raises(CodecError, match=r"\.npy"):
        decode(message({"$npy": 0}, [blob]))
    assert PWNED == []


def test_npz_archive_blob_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("arr_0.npy", npy(np.zeros(2)))
    with pytest.raises(CodecError):
        decode(message({"$npy": 0}, [buf.getvalue()]))


def test_npy_header_lying_about_size_is_refused_before_allocating():
    blob = npy(np.zeros(1))
    huge = blob.replace(b"(1,)", b"(10000000000000,)").replace(b"    \n", b"\n")
    start = time.monotonic()
    with pytest.raises(CodecError, match="does not match"):
        decode(message({"$npy": 0}, [huge]))
    assert time.monotonic() - start < 0.5


def _npy_with_header(header: str, data: bytes = b"") -> bytes:
    text = header.encode("latin1")
    text += b" " * (-(10 + len(text) + 1) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text + data


def _hostile_payloads():
    good_blob = npy(np.arange(3.0))
    body_ok = {"v": 1, "blobs": [], "body": None}
    code_header = "{'descr': __import__('os').getcwd(), 'fortran_order': False, 'shape': (1,), }"
    subarray_header = "{'descr': [('', '<f8', (2,))], 'fortran_order': False, 'shape': (1,), }"
    cases = {
        "empty": b"",
        "short": b"\x00\x00",
        "header_len_too_big": struct.pack(">I", 1000) + b"{}",
        "not_json": build(b"\x00\x01{not json"),
        "not_utf8": build(b'{"v":1,"blobs":[],"body":"\xff"}'),
        "header_is_list": build([1, 2]),
        "header_is_string": build("hello"),
        "header_extra_key": build({**body_ok, "x": 1}),
        "header_missing_key": build({"v": 1, "body": None}),
        "duplicate_header_key": build(b'{"v":1,"blobs":[],"body":null,"body":1}'),
        "wrong_version": build({"v": 2, "blobs": [], "body": None}),
        "bool_version": build(b'{"v":true,"blobs":[],"body":null}'),
        "json_nan": build(b'{"v":1,"blobs":[],"body":{"$f":NaN}}'),
        "json_infinity": build(b'{"v":1,"blobs":[],"body":{"$f":-Infinity}}'),
        "float_overflow": build(b'{"v":1,"blobs":[],"body":{"$f":1e999}}'),
        "bare_float": message(1.5),
        "untagged_list": message([1, 2]),
        "unknown_tag": message({"$pickle": "gASV"}),
        "two_tags": message({"$list": [], "$tuple": []}),
        "f_with_int": message({"$f": 1}),
        "f_with_bad_string": message({"$f": "NaN"}),
        "list_tag_not_array": message({"$list": {"a": 1}}),
        "dict_pair_not_pair": message({"$dict": [["a", 1, 2]]}),
        "dict_key_not_str": message({"$dict": [[1, 2]]}),
        "dict_duplicate_key": message({"$dict": [["a", 1], ["a", 2]]}),
        "lone_surrogate": build(b'{"v":1,"blobs":[],"body":"\\ud800"}'),
        "unsupported_not_str": message({"$unsupported": 5}),
        "unsupported_too_long": message({"$unsupported": "x" * 1000}),
        "int_200_digits": build(b'{"v":1,"blobs":[],"body":' + b"9" * 200 + b"}"),
        "negative_int_200_digits": build(b'{"v":1,"blobs":[],"body":-' + b"9" * 200 + b"}"),
        "blob_len_200_digits": build(b'{"v":1,"blobs":[' + b"1" * 200 + b'],"body":null}'),
        "npy_index_out_of_range": message({"$npy": 1}, [good_blob]),
        "npy_index_negative": message({"$npy": -1}, [good_blob]),
        "npy_index_bool": build(b'{"v":1,"blobs":[%d],"body":{"$npy":true}}' % len(good_blob))
        + good_blob,
        "npy_index_str": message({"$npy": "0"}, [good_blob]),
        "blob_referenced_twice": message({"$list": [{"$npy": 0}, {"$npy": 0}]}, [good_blob]),
        "blob_never_referenced": message(None, [good_blob]),
        "blob_lengths_short": message({"$npy": 0}, [good_blob + b"trailing"], [len(good_blob)]),
        "blob_lengths_long": message({"$npy": 0}, [good_blob], [len(good_blob) + 8]),
        "blob_length_negative": message(None, [b""], [-1]),
        "blobs_not_list": build({"v": 1, "blobs": 3, "body": None}),
        "scalar_not_0d": message({"$scalar": 0}, [good_blob]),
        "npy_truncated_data": message({"$npy": 0}, [good_blob[:-4]]),
        "npy_bad_magic": message({"$npy": 0}, [b"\x93NUMPX" + good_blob[6:]]),
        "npy_version_9": message({"$npy": 0}, [good_blob[:6] + b"\x09\x00" + good_blob[8:]]),
        "npy_unicode": message({"$npy": 0}, [npy(np.array(["abc"]))]),
        "npy_bytes": message({"$npy": 0}, [npy(np.array([b"abc"]))]),
        "npy_datetime": message({"$npy": 0}, [npy(np.array([1], dtype="M8[s]"))]),
        "npy_timedelta": message({"$npy": 0}, [npy(np.array([1], dtype="m8[s]"))]),
        "npy_void": message({"$npy": 0}, [npy(np.zeros(2, dtype="V8"))]),
        "npy_structured": message({"$npy": 0}, [npy(np.zeros(2, dtype=[("a", "<f8")]))]),
        "npy_subarray_dtype": message(
            {"$npy": 0},
            [_npy_with_header(subarray_header, bytes(16))],
        ),
        "npy_negative_shape": message(
            {"$npy": 0},
            [_npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }")],
        ),
        "npy_code_in_header": message(
            {"$npy": 0},
            [_npy_with_header(code_header, bytes(8))],
        ),
        "npy_zero_times_huge_dims": message(
            {"$npy": 0},
            [
                _npy_with_header(
                    "{'descr': '<f8', 'fortran_order': False, "
                    "'shape': (0, 10000000000000000000000), }"
                )
            ],
        ),
        "json_too_deep": build(b"[" * 50_000 + b"]" * 50_000),
        "json_too_many_values": build(b"[" + b"{}," * 900_000 + b"{}]"),
    }
    return list(cases.items())


@pytest.mark.parametrize(
    "payload", [p for _, p in _hostile_payloads()], ids=[name for name, _ in _hostile_payloads()]
)
def test_hostile_payload_is_refused(payload):
    with pytest.raises(CodecError):
        decode(payload)


def test_the_hostile_helpers_produce_valid_messages_when_honest():
    """Guards the test above: refusals must come from the hostile part, not the harness."""
    blob = npy(np.arange(3.0))
    assert decode(message({"$npy": 0}, [blob])).tolist() == [0.0, 1.0, 2.0]
    assert (
        decode(message({"$list": [{"$npy": 0}, {"$scalar": 1}]}, [blob, npy(np.array(2))]))[1] == 2
    )
    assert decode(build(b'{"v":1,"blobs":[],"body":' + b"9" * 100 + b"}")) == int("9" * 100)
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"
    assert decode(message({"$npy": 0}, [_npy_with_header(header, bytes(8))])).tolist() == [0.0]
    assert decode(message({"$dict": [["a", {"$f": "nan"}]]}))["a"] != 0


def test_oversized_payload_is_refused_by_decode():
    payload = encode(np.zeros(100))
    with pytest.raises(CodecError, match="cap"):
        decode(payload, max_bytes=len(payload) - 1)
    assert decode(payload, max_bytes=len(payload)).shape == (100,)


def test_decode_refuses_non_bytes():
    with pytest.raises(CodecError):
        decode("not bytes")


# ------------------------------------------------------------------------------- framing


@pytest.fixture
def pair():
    a, b = socket.socketpair()
    yield a, b
    a.close()
    b.close()


def test_messages_round_trip_over_a_socket(pair):
    a, b = pair
    value = {"x": np.arange(12.0).reshape(3, 4), "y": (np.int64(2), [None, -0.0])}
    send_message(a, value)
    assert_same(recv_message(b, deadline=time.monotonic() + 2), value)
    assert b.gettimeout() is None  # the deadline did not leave a timeout behind


def test_large_frame_is_read_in_chunks(pair):
    a, b = pair
    value = np.arange(3 * 2**20 // 8, dtype=np.float64)  # larger than the socket buffer
    sender = threading.Thread(target=send_message, args=(a, value))
    sender.start()
    try:
        got = recv_message(b, deadline=time.monotonic() + 5)
    finally:
        sender.join(5)
    assert_same(got, value)


def test_announced_length_above_cap_is_refused_without_reading_the_body(pair):
    a, b = pair
    a.sendall(struct.pack(">Q", MAX_FRAME + 1))
    start = time.monotonic()
    with pytest.raises(CodecError, match="cap"):
        recv_frame(b, deadline=time.monotonic() + 10)
    assert time.monotonic() - start < 1.0
    a.sendall(struct.pack(">Q", 11) + b"x" * 11)
    with pytest.raises(CodecError):
        recv_message(b, max_bytes=10, deadline=time.monotonic() + 10)


def test_eof_mid_frame_raises_eoferror(pair):
    a, b = pair
    a.sendall(struct.pack(">Q", 100) + b"x" * 10)
    a.close()
    with pytest.raises(EOFError):
        recv_frame(b, deadline=time.monotonic() + 2)


def test_eof_inside_the_length_prefix_raises_eoferror(pair):
    a, b = pair
    a.sendall(b"\x00\x00\x00")
    a.shutdown(socket.SHUT_WR)
    with pytest.raises(EOFError):
        recv_frame(b)


def test_silent_peer_times_out_at_the_deadline(pair):
    _, b = pair
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        recv_frame(b, deadline=start + 0.2)
    elapsed = time.monotonic() - start
    assert 0.15 <= elapsed < 2.0
    assert b.gettimeout() is None


def test_stalling_peer_times_out_mid_body(pair):
    a, b = pair
    a.sendall(struct.pack(">Q", 100) + b"x" * 5)
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        recv_frame(b, deadline=start + 0.2)
    assert time.monotonic() - start < 2.0


def test_expired_deadline_fails_at_once_even_with_data_waiting(pair):
    a, b = pair
    send_frame(a, b"ready")
    with pytest.raises(TimeoutError):
        recv_frame(b, deadline=time.monotonic() - 1)


def test_send_frame_refuses_oversized_payload_and_writes_nothing(pair):
    a, b = pair
    with pytest.raises(CodecError, match="cap"):
        send_frame(a, b"x" * 11, max_bytes=10)
    b.setblocking(False)
    with pytest.raises(BlockingIOError):
        b.recv(1)


def test_send_deadline_bounds_a_peer_that_never_reads(pair):
    a, _ = pair
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        send_frame(a, bytes(8 * 2**20), deadline=start + 0.2)
    assert time.monotonic() - start < 2.0
    assert a.gettimeout() is None


def test_empty_frame_round_trips_but_is_not_a_message(pair):
    a, b = pair
    send_frame(a, b"")
    assert recv_frame(b) == b""
    send_frame(a, b"")
    with pytest.raises(CodecError):
        recv_message(b)


# ------------------------------------------------------------------------ standalone use


def test_codec_is_standalone_stdlib_and_numpy_only():
    path = Path(codec.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import: the worker loads this file by path"
            roots.add(node.module.split(".")[0])
    assert roots <= set(sys.stdlib_module_names) | {"numpy"}, roots

    # the worker's copy, loaded by path, speaks the same format as the driver's
    worker_codec = load_module(path)
    value = {"a": np.arange(3), "b": (1.5, np.float32(2))}
    assert_same(decode(worker_codec.encode(value)), value)
    assert_same(worker_codec.decode(encode(value)), value)
