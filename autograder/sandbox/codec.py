"""The wire format between the trusted grading driver and the untrusted worker.

The worker runs student code, so every byte it sends is treated as hostile. Hence:

* no pickle anywhere: a message is a JSON header plus ``.npy`` blobs, and the blobs are parsed
  here (header via numpy's size-capped reader, data via ``np.frombuffer``), never unpickled;
* every decoded value is built by this module from plain JSON and raw bytes, so the driver only
  ever sees ``None``, ``bool``, ``int``, ``float``, ``str``, ``list``, ``tuple``, ``dict`` (str
  keys), ``numpy.ndarray`` (bool/int/uint/float/complex, native byte order), numpy scalars of
  those kinds, :class:`Unsupported` and :class:`Function` -- no subclass or student type can
  survive the trip;
* frames, ints, nesting depth and value counts are capped, so a hostile peer cannot make the
  driver allocate or compute without bound, and reads honour a deadline.

Message layout (one payload)::

    4-byte big-endian H | H bytes of UTF-8 JSON header | blob 0 | blob 1 | ...

with the header ``{"v": 1, "blobs": [len0, len1, ...], "body": <tree>}``. In the tree, None,
bools, ints and strs are JSON natives and everything else is a one-key tagged object: ``$f``
(float; "nan"/"inf"/"-inf" for non-finite values), ``$list``, ``$tuple``, ``$dict`` (list of
``[key, value]`` pairs), ``$npy`` / ``$scalar`` (index of a blob), ``$unsupported`` (the type
name of a value that cannot be sent), ``$fn`` (the handle of a function the driver passed; see
:class:`Function`). On a socket each payload is preceded by its 8-byte
big-endian length.

This file must import only the standard library and numpy: the worker loads it by path,
outside the ``autograder`` package.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
import re
import socket
import struct
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.lib.format as npy_format

__all__ = [
    "MAX_DEPTH",
    "MAX_FRAME",
    "MAX_INT_DIGITS",
    "MAX_NODES",
    "Bundle",
    "CodecError",
    "Function",
    "Unsupported",
    "decode",
    "encode",
    "fingerprint",
    "recv_frame",
    "recv_message",
    "send_frame",
    "send_message",
]

MAX_FRAME = 64 * 2**20
MAX_DEPTH = 32
MAX_NODES = 100_000
MAX_INT_DIGITS = 100
_INT_CAP = 10**MAX_INT_DIGITS
# bytes of JSON above which ints and floats are vetted as they are parsed: below it, even
# 4300-digit ints (Python's own cap) cost a hostile peer only milliseconds of our time
_CAREFUL_HEADER = 4 << 20
MAX_TYPE_NAME = 200

_VERSION = 1
_HEADER_KEYS = frozenset({"v", "blobs", "body"})
_HEADER_LEN = struct.Struct(">I")
_FRAME_LEN = struct.Struct(">Q")
_CHUNK = 2**20
_ARRAY_KINDS = "biufc"
_MAX_NDIM = 32
# numpy's own default cap on an .npy header, which it parses with ast.literal_eval
_NPY_HEADER_MAX = 10_000
_NPY_PREFIX_MAX = 12 + _NPY_HEADER_MAX
_NON_FINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}
# Each tree value costs at most ~6 of the structural bytes counted below; the cap stops json from
# materialising millions of tiny objects before the node limit could be checked.
_MAX_JSON_STRUCTURE = 8 * MAX_NODES + 64
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# Only numpy's own scalar types are converted with numpy's machinery: student subclasses can
# reach code paths that crash the interpreter (e.g. a mixin placed before np.float64).
_NUMPY_SCALAR_TYPES = frozenset(t for t in np.sctypeDict.values() if issubclass(t, np.generic))


class CodecError(Exception):
    """A message was refused: malformed, oversized, too deep, or of an unsupported type."""


@dataclass(frozen=True)
class Unsupported:
    """Stands in for a value whose type cannot cross the boundary.

    >>> decode(encode({1, 2}))
    Unsupported(type_name='builtins.set')
    """

    type_name: str


@dataclass(frozen=True)
class Function:
    """Stands in for a function the driver passes to a call (a hidden test may hand a student's
    function one of its own). The worker calls it back by ``handle``; the code stays with the
    driver.

    >>> decode(encode([Function(3)]))
    [Function(handle=3)]
    """

    handle: int


MAX_HANDLE = 2**31


def cannot_cross(value: Any) -> str | None:
    """Why ``value`` (an argument the driver is about to send) cannot reach the worker as it
    is, or None when it can: plain data as :func:`decode` returns it, with functions anywhere
    a value may be (they travel as :class:`Function` handles).

    >>> cannot_cross((np.zeros(2), {"f": abs})) is None
    True
    >>> cannot_cross({1, 2})
    'a value of type builtins.set'
    """
    t = type(value)
    if t is list or t is tuple:
        return next((why for item in value if (why := cannot_cross(item))), None)
    if t is dict:
        if any(type(key) is not str for key in value):
            return "a dict with keys that are not str"
        return next((why for item in value.values() if (why := cannot_cross(item))), None)
    if callable(value) or fingerprint(value) is not None:
        return None
    return f"a value of type {_type_name(t)}"


# --------------------------------------------------------------------------------- encoding


def encode(value: Any, *, max_bytes: int = MAX_FRAME) -> bytes:
    """Serialise ``value`` into one payload, refusing (``CodecError``) what cannot be sent.

    Values of other types are not an error: they become :class:`Unsupported` on the other side.

    >>> decode(encode({"w": np.zeros(2), "b": (0.5, None)}))
    {'w': array([0., 0.]), 'b': (0.5, None)}
    """
    encoder = _Encoder(max_bytes)
    return encoder.payload(encoder.tree(value, 0))


class Bundle:
    """Values encoded one at a time, as they come, and sent later as one message that decodes
    to ``{"op": "replies", "list": [value, ...]}``. Each value is captured when added: changing
    it afterwards changes nothing.

    >>> bundle = Bundle(); bundle.add(1.5); bundle.add(np.zeros(1))
    >>> decode(bundle.payload())
    {'op': 'replies', 'list': [1.5, array([0.])]}
    """

    def __init__(self, max_bytes: int = MAX_FRAME) -> None:
        self._encoder = _Encoder(max_bytes)
        self._trees: list[Any] = []

    def __len__(self) -> int:
        return len(self._trees)

    def add(self, value: Any) -> None:
        """Encode ``value`` into the bundle; on CodecError the bundle is as it was."""
        encoder = self._encoder
        mark = (encoder.nodes, encoder.blob_bytes, len(encoder.blobs))
        try:
            self._trees.append(encoder.tree(value, 2))
        except CodecError:
            encoder.nodes, encoder.blob_bytes = mark[:2]
            del encoder.blobs[mark[2]:]
            raise

    def payload(self) -> bytes:
        """The bundle as one payload."""
        return self._encoder.payload({"$dict": [["op", "replies"], ["list", {"$list":
                                                                           self._trees}]]})


class _Encoder:
    # Values may be student objects, so only type(x), issubclass on that type and unbound
    # base-class methods are used: overridden __eq__, __iter__, items(), __class__ never run.

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.blobs: list[bytes] = []
        self.nodes = 0
        self.blob_bytes = 0

    def payload(self, body: Any) -> bytes:
        header = {"v": _VERSION, "blobs": [len(b) for b in self.blobs], "body": body}
        text = json.dumps(header, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:
            raise CodecError("a string contains a lone surrogate") from None
        total = _HEADER_LEN.size + len(raw) + sum(len(b) for b in self.blobs)
        if total > self.max_bytes:
            raise CodecError(f"message of {total} bytes exceeds the {self.max_bytes}-byte cap")
        return b"".join([_HEADER_LEN.pack(len(raw)), raw, *self.blobs])

    def tree(self, x: Any, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise CodecError(f"more than {MAX_NODES} values in one message")
        t = type(x)
        # the common exact types first; subclasses take the careful path below
        if t is float:
            return {"$f": _float_tag(x)}
        if t is np.ndarray:
            return self.array(x)
        if t is str:
            return _check_str(x)
        if x is None or t is bool:
            return x
        # before int/float/str: np.float64 subclasses float and np.str_ subclasses str
        if issubclass(t, np.generic):
            return self.scalar(x, t)
        if issubclass(t, np.ndarray):
            return self.array(np.ndarray.view(x, np.ndarray))
        if t is Unsupported:
            return {"$unsupported": x.type_name}
        if t is Function:
            return {"$fn": x.handle}
        if issubclass(t, int):
            n = int.__int__(x)
            if abs(n) >= _INT_CAP:
                raise CodecError(f"int with more than {MAX_INT_DIGITS} digits")
            return n
        if issubclass(t, float):
            return {"$f": _float_tag(float.__float__(x))}
        if issubclass(t, str):
            return _check_str(str.__str__(x))
        if issubclass(t, (list, tuple, dict)):
            if depth >= MAX_DEPTH:
                raise CodecError(f"containers nested more than {MAX_DEPTH} deep")
            if issubclass(t, list):
                return {"$list": [self.tree(v, depth + 1) for v in list.copy(x)]}
            if issubclass(t, tuple):
                return {"$tuple": [self.tree(v, depth + 1) for v in tuple.__iter__(x)]}
            return {"$dict": self.pairs(x, depth)}
        return {"$unsupported": _type_name(t)}

    def pairs(self, x: dict, depth: int) -> list[list[Any]]:
        out: list[list[Any]] = []
        seen: set[str] = set()
        for key, item in list(dict.items(x)):
            if not issubclass(type(key), str):
                raise CodecError(f"dict key of type {_type_name(type(key))}; only str keys")
            key = _check_str(str.__str__(key))
            if key in seen:  # two str-subclass keys can collapse to the same str
                raise CodecError(f"duplicate dict key {key[:40]!r}")
            seen.add(key)
            out.append([key, self.tree(item, depth + 1)])
        return out

    def scalar(self, x: np.generic, t: type) -> dict[str, Any]:
        if t in _NUMPY_SCALAR_TYPES:
            arr = np.asarray(x)
        elif issubclass(t, float) and issubclass(t, np.float64):
            arr = np.asarray(np.float64(float.__float__(x)))
        else:
            return {"$unsupported": _type_name(t)}
        if not _dtype_ok(arr.dtype):
            return {"$unsupported": _type_name(t)}
        return {"$scalar": self.blob(arr)}

    def array(self, arr: np.ndarray) -> dict[str, Any]:
        if not _dtype_ok(arr.dtype):
            return {"$unsupported": f"ndarray[{arr.dtype}]"[:MAX_TYPE_NAME]}
        if not arr.dtype.isnative:
            arr = arr.astype(arr.dtype.newbyteorder("="))
        # not np.ascontiguousarray: it turns 0-d arrays into 1-d ones
        if not arr.flags.c_contiguous:
            arr = arr.copy(order="C")
        return {"$npy": self.blob(arr)}

    def blob(self, arr: np.ndarray) -> int:
        # checked before copying so a huge array fails fast
        self.blob_bytes += arr.nbytes
        if self.blob_bytes > self.max_bytes:
            raise CodecError(f"arrays exceed the {self.max_bytes}-byte message cap")
        self.blobs.append(_npy_header(arr.dtype.str, arr.shape) + arr.tobytes())
        return len(self.blobs) - 1


@functools.lru_cache(maxsize=4096)
def _npy_header(dtype: str, shape: tuple[int, ...]) -> bytes:
    # what np.save writes before the data of a C-ordered array, made once per dtype and shape
    buf = io.BytesIO()
    npy_format.write_array_header_1_0(buf, {"descr": dtype, "fortran_order": False,
                                            "shape": shape})
    return buf.getvalue()


def _float_tag(f: float) -> float | str:
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    return f


def _type_name(t: type) -> str:
    # type's own descriptors: a metaclass property named __qualname__ would run student code
    try:
        module = type.__dict__["__module__"].__get__(t, type)
        qualname = type.__dict__["__qualname__"].__get__(t, type)
    except Exception:
        return "?"
    if type(module) is not str:
        module = "?"
    return f"{module}.{qualname}"[:MAX_TYPE_NAME]


def _dtype_ok(dt: np.dtype) -> bool:
    return (
        dt.kind in _ARRAY_KINDS and dt.fields is None and dt.subdtype is None and not dt.hasobject
    )


def fingerprint(value: Any) -> bytes | None:
    """A 16-byte digest of a plain value (what :func:`decode` can return), or None for any
    other type. Equal plain values of the same types have equal fingerprints; dict order
    does not matter, but types do (``1``, ``1.0`` and ``np.float64(1)`` all differ).

    >>> fingerprint((np.zeros(2), {"b": 0.5})) == fingerprint((np.zeros(2), {"b": 0.5}))
    True
    >>> fingerprint({1, 2}) is None
    True
    """
    digest = hashlib.blake2b(digest_size=16)
    return digest.digest() if _feed(digest.update, value, 0) else None


_FLOAT = struct.Struct("<d")


def _feed(update, x: Any, depth: int) -> bool:
    # exact types only: a student's subclass could lie about its contents
    t = type(x)
    if t is np.ndarray:
        if not _dtype_ok(x.dtype):
            return False
        update(b"a%s%r" % (x.dtype.str.encode(), x.shape))
        update(x.tobytes())
    elif t is float:
        update(b"f" + _FLOAT.pack(x))
    elif t is int or t is bool or x is None:
        update(b"i%r;" % x)
    elif t is str:
        raw = x.encode("utf-8", "surrogatepass")
        update(b"s%d;" % len(raw) + raw)
    elif t in _NUMPY_SCALAR_TYPES and _dtype_ok(np.dtype(t)):
        update(b"g%s" % np.dtype(t).str.encode() + np.asarray(x).tobytes())
    elif depth >= MAX_DEPTH:
        return False
    elif t is list or t is tuple:
        update(b"%s%d;" % (b"l" if t is list else b"t", len(x)))
        return all(_feed(update, item, depth + 1) for item in x)
    elif t is dict:
        if any(type(key) is not str for key in x):
            return False
        update(b"d%d;" % len(x))
        for key in sorted(x):
            _feed(update, key, depth + 1)
            if not _feed(update, x[key], depth + 1):
                return False
    else:
        return False
    return True


# --------------------------------------------------------------------------------- decoding


def decode(payload: bytes, *, max_bytes: int = MAX_FRAME) -> Any:
    """Rebuild a value from one payload, or raise ``CodecError`` (never anything else).

    >>> decode(encode([1, 2.5, float("nan"), np.int64(3)]))
    [1, 2.5, nan, np.int64(3)]
    >>> try:
    ...     decode(b"not a message")
    ... except CodecError as exc:
    ...     print(exc)
    header length exceeds the message
    """
    if not isinstance(payload, (bytes, bytearray, memoryview)):
        raise CodecError("payload must be bytes")
    data = payload if type(payload) is bytes else bytes(payload)
    size = len(data)
    if size > max_bytes:
        raise CodecError(f"message of {size} bytes exceeds the {max_bytes}-byte cap")
    if size < _HEADER_LEN.size:
        raise CodecError("message shorter than its header length")
    (header_len,) = _HEADER_LEN.unpack_from(data)
    start = _HEADER_LEN.size + header_len
    if start > size:
        raise CodecError("header length exceeds the message")
    header = _parse_header(data[_HEADER_LEN.size : start])
    decoder = _Decoder(_split_blobs(header["blobs"], memoryview(data)[start:]))
    value = decoder.value(header["body"], 0)
    if len(decoder.used) != len(decoder.blobs):
        raise CodecError("a blob is never referenced")
    return value


def _parse_header(raw: bytes) -> dict[str, Any]:
    # Strings are blanked first so brackets inside them do not count; the JSON parser would
    # reject any input where this blanking and its own tokenising disagree. A header shorter
    # than the cap cannot hold that many structural bytes, so it skips the count.
    if len(raw) > _MAX_JSON_STRUCTURE:
        structure = _JSON_STRING.sub(b'""', raw)
        if sum(structure.count(c) for c in (b"[", b"{", b",", b":")) > _MAX_JSON_STRUCTURE:
            raise CodecError("header has too many values")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CodecError("header is not UTF-8") from None
    try:
        # a small header is parsed without the slower int/float hooks: its few ints cannot
        # be costly, and the tree checks ints and floats where it uses them
        careful = {"parse_int": _parse_int, "parse_float": _parse_float} \
            if len(raw) > _CAREFUL_HEADER else {}
        header = json.loads(text, parse_constant=_refuse_constant,
                            object_pairs_hook=_unique_object, **careful)
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"header is not valid JSON ({str(exc)[:80]})") from None
    if type(header) is not dict or header.keys() != _HEADER_KEYS:
        raise CodecError("header must be an object with exactly the keys v, blobs, body")
    if type(header["v"]) is not int or header["v"] != _VERSION:
        raise CodecError("unsupported message version")
    return header


def _parse_int(text: str) -> int:
    # int() is quadratic in the digit count; refuse before converting
    if len(text) - text.startswith("-") > MAX_INT_DIGITS:
        raise CodecError(f"int with more than {MAX_INT_DIGITS} digits")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > 64:
        raise CodecError("float literal too long")
    value = float(text)
    if not math.isfinite(value):
        raise CodecError("float literal out of range")
    return value


def _refuse_constant(name: str) -> float:
    raise CodecError(f"JSON constant {name} is not allowed")


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last duplicate silently; a header with two "blobs" keys is an attack
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise CodecError("duplicate key in a JSON object")
    return obj


def _split_blobs(lengths: Any, rest: memoryview) -> list[memoryview]:
    if type(lengths) is not list or len(lengths) > MAX_NODES:
        raise CodecError("blobs must be a list of lengths")
    if any(type(n) is not int or n < 0 for n in lengths):
        raise CodecError("blob lengths must be non-negative ints")
    if sum(lengths) != len(rest):
        raise CodecError("blob lengths do not match the payload")
    blobs, offset = [], 0
    for n in lengths:
        blobs.append(rest[offset : offset + n])
        offset += n
    return blobs


class _Decoder:
    def __init__(self, blobs: list[memoryview]) -> None:
        self.blobs = blobs
        self.used: set[int] = set()
        self.nodes = 0

    def value(self, node: Any, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise CodecError(f"more than {MAX_NODES} values in one message")
        t = type(node)
        if t is dict and len(node) == 1:  # the common case: a tagged value
            tag = next(iter(node))
            if tag == "$f":
                return _decode_float(node[tag])
            if tag == "$npy":
                return self.array(node[tag])
        if node is None or t is bool:
            return node
        if t is int:
            if abs(node) >= _INT_CAP:
                raise CodecError(f"int with more than {MAX_INT_DIGITS} digits")
            return node
        if t is str:
            return _check_str(node)
        if t is not dict:
            raise CodecError(f"untagged JSON {'array' if t is list else 'number'}")
        if len(node) != 1:
            raise CodecError("a tagged value must have exactly one key")
        ((tag, arg),) = node.items()
        if tag == "$f":
            return _decode_float(arg)
        if tag in ("$list", "$tuple", "$dict"):
            if depth >= MAX_DEPTH:
                raise CodecError(f"containers nested more than {MAX_DEPTH} deep")
            if type(arg) is not list:
                raise CodecError(f"{tag} needs a JSON array")
            if tag == "$list":
                return [self.value(v, depth + 1) for v in arg]
            if tag == "$tuple":
                return tuple(self.value(v, depth + 1) for v in arg)
            return self.dict(arg, depth)
        if tag == "$npy":
            return self.array(arg)
        if tag == "$scalar":
            arr = self.array(arg)
            if arr.ndim != 0:
                raise CodecError("a $scalar blob must hold a 0-d array")
            return arr[()]
        if tag == "$unsupported":
            if type(arg) is not str or not 0 < len(arg) <= MAX_TYPE_NAME:
                raise CodecError("$unsupported needs a short type name")
            return Unsupported(_check_str(arg))
        if tag == "$fn":
            if type(arg) is not int or not 0 <= arg < MAX_HANDLE:
                raise CodecError("$fn needs a handle, a small non-negative int")
            return Function(arg)
        raise CodecError(f"unknown tag {tag[:40]!r}")

    def dict(self, pairs: list[Any], depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for pair in pairs:
            if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
                raise CodecError("a $dict entry must be a [str, value] pair")
            key = _check_str(pair[0])
            if key in out:
                raise CodecError(f"duplicate dict key {key[:40]!r}")
            out[key] = self.value(pair[1], depth + 1)
        return out

    def array(self, index: Any) -> np.ndarray:
        if type(index) is not int or not 0 <= index < len(self.blobs):
            raise CodecError("blob index out of range")
        if index in self.used:
            raise CodecError("a blob is referenced twice")
        self.used.add(index)
        return _load_npy(self.blobs[index])


def _decode_float(arg: Any) -> float:
    if type(arg) is float:
        if not math.isfinite(arg):  # 1e999 parses as inf: non-finite values are tagged
            raise CodecError("float literal out of range")
        return arg
    if type(arg) is str and arg in _NON_FINITE:
        return _NON_FINITE[arg]
    raise CodecError("$f needs a float or 'nan'/'inf'/'-inf'")


def _check_str(s: str) -> str:
    # checked as each string is met, so that one bad string fails its own value only; a lone
    # surrogate would otherwise blow up later, when the driver writes feedback files
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        raise CodecError("string contains a lone surrogate") from None
    return s


def _load_npy(blob: memoryview) -> np.ndarray:
    # np.load is avoided: it would also open .npz archives, and for in-memory files it
    # allocates whatever size the header claims before noticing the data is missing.
    prefix = bytes(blob[:12])
    if prefix[:6] != b"\x93NUMPY" or len(prefix) < 10:
        raise CodecError("not a valid .npy blob (bad magic)")
    if prefix[6:8] == b"\x01\x00":
        start = 10 + int.from_bytes(prefix[8:10], "little")
    elif prefix[6:8] == b"\x02\x00" and len(prefix) == 12:
        start = 12 + int.from_bytes(prefix[8:12], "little")
    else:
        raise CodecError(f"unsupported .npy version {tuple(prefix[6:8])}")
    if start > _NPY_PREFIX_MAX or start > len(blob):
        raise CodecError("not a valid .npy blob (header too long)")
    head = bytes(blob[:start])
    # only short headers are cached: a hostile peer's long ones must not fill the driver's memory
    layout = _npy_layout if start <= 256 else _npy_layout.__wrapped__
    shape, fortran, dtype = layout(head)
    data = blob[start:]
    if len(data) != math.prod(shape) * dtype.itemsize:
        raise CodecError("array data length does not match its .npy header")
    try:
        flat = np.frombuffer(data, dtype=dtype)
        arr = flat.reshape(shape[::-1]).T if fortran else flat.reshape(shape)
        # a fresh, writable, native-endian, C-ordered copy that shares nothing with the payload
        arr = arr.astype(dtype.newbyteorder("="), order="C")
    except (ValueError, TypeError, MemoryError) as exc:
        raise CodecError(f"cannot build the array ({str(exc)[:80]})") from None
    if type(arr) is not np.ndarray:
        raise CodecError("blob did not decode to a plain ndarray")
    return arr


@functools.lru_cache(maxsize=4096)
def _npy_layout(head: bytes) -> tuple[tuple[int, ...], bool, np.dtype]:
    """(shape, fortran_order, dtype) of a whole .npy header, parsed by numpy's size-capped
    reader and checked; a message repeats the same few headers, so each is parsed once."""
    stream = io.BytesIO(head)
    try:
        version = npy_format.read_magic(stream)
        read_header = npy_format.read_array_header_1_0 if version == (1, 0) \
            else npy_format.read_array_header_2_0
        shape, fortran, dtype = read_header(stream, max_header_size=_NPY_HEADER_MAX)
    except Exception as exc:
        raise CodecError(f"not a valid .npy blob ({str(exc)[:80]})") from None
    if not _dtype_ok(dtype):
        raise CodecError(f"array dtype {str(dtype)[:40]} is not bool/int/uint/float/complex")
    if (
        type(shape) is not tuple
        or len(shape) > _MAX_NDIM
        or any(type(d) is not int or d < 0 for d in shape)
        or type(fortran) is not bool
    ):
        raise CodecError("invalid .npy shape")
    return shape, fortran, dtype


# ---------------------------------------------------------------------------------- framing


def send_frame(
    sock: socket.socket,
    payload: bytes,
    *,
    max_bytes: int = MAX_FRAME,
    deadline: float | None = None,
) -> None:
    """Write ``payload`` preceded by its 8-byte big-endian length.

    ``deadline`` (a ``time.monotonic()`` value) bounds the whole write, so a peer that stops
    reading cannot block the sender forever; after a ``TimeoutError`` the stream is unusable.

    >>> a, b = socket.socketpair()
    >>> send_frame(a, b"hi"); recv_frame(b)
    b'hi'
    """
    size = len(payload)
    if size > max_bytes:
        raise CodecError(f"frame of {size} bytes exceeds the {max_bytes}-byte cap")
    prefix = _FRAME_LEN.pack(size)
    if deadline is None:
        sock.sendall(prefix)
        sock.sendall(payload)
        return
    previous = sock.gettimeout()
    try:
        for part in (prefix, payload):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("send deadline passed")
            # since Python 3.5 a socket timeout bounds the whole sendall, not each chunk
            sock.settimeout(remaining)
            try:
                sock.sendall(part)
            except TimeoutError:
                raise TimeoutError("send deadline passed") from None
    finally:
        sock.settimeout(previous)


def recv_frame(
    sock: socket.socket,
    *,
    max_bytes: int = MAX_FRAME,
    deadline: float | None = None,
) -> bytes:
    """Read one frame written by :func:`send_frame` and return its payload.

    Raises ``TimeoutError`` once ``deadline`` (a ``time.monotonic()`` value) passes,
    ``EOFError`` if the peer closes before a whole frame arrived, and ``CodecError`` as soon
    as the announced length exceeds ``max_bytes`` (the body is not read). After any of these
    the stream is out of sync and the peer should be killed.

    >>> a, b = socket.socketpair()
    >>> send_frame(a, b"x" * 3); recv_frame(b, deadline=time.monotonic() + 1)
    b'xxx'
    """
    previous = sock.gettimeout()
    try:
        (size,) = _FRAME_LEN.unpack(_recv_exact(sock, _FRAME_LEN.size, deadline, "frame length"))
        if size > max_bytes:
            raise CodecError(f"peer announced a {size}-byte frame; the cap is {max_bytes}")
        return bytes(_recv_exact(sock, size, deadline, "frame body"))
    finally:
        if deadline is not None:
            sock.settimeout(previous)


def _recv_exact(sock: socket.socket, size: int, deadline: float | None, what: str) -> bytearray:
    # Grown chunk by chunk rather than preallocated: a peer that announces a large frame and
    # then stalls should not cost the driver that memory up front.
    buf = bytearray()
    while len(buf) < size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"deadline passed after {len(buf)} of {size} bytes of {what}")
            # re-armed per chunk so a trickling peer cannot stretch the wait past the deadline
            sock.settimeout(remaining)
        try:
            chunk = sock.recv(min(_CHUNK, size - len(buf)))
        except TimeoutError:
            raise TimeoutError(f"timed out after {len(buf)} of {size} bytes of {what}") from None
        if not chunk:
            raise EOFError(f"peer closed after {len(buf)} of {size} bytes of {what}")
        buf += chunk
    return buf


def send_message(
    sock: socket.socket,
    value: Any,
    *,
    max_bytes: int = MAX_FRAME,
    deadline: float | None = None,
) -> None:
    """Encode ``value`` and send it as one frame.

    >>> a, b = socket.socketpair()
    >>> send_message(a, {"loss": 0.25}); recv_message(b)
    {'loss': 0.25}
    """
    send_frame(sock, encode(value, max_bytes=max_bytes), max_bytes=max_bytes, deadline=deadline)


def recv_message(
    sock: socket.socket,
    *,
    max_bytes: int = MAX_FRAME,
    deadline: float | None = None,
) -> Any:
    """Receive one frame and decode it; see :func:`recv_frame` for the exceptions.

    >>> a, b = socket.socketpair()
    >>> send_message(a, (1, "two")); recv_message(b, deadline=time.monotonic() + 1)
    (1, 'two')
    """
    return decode(recv_frame(sock, max_bytes=max_bytes, deadline=deadline), max_bytes=max_bytes)
