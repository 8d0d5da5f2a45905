"""ctypes mirror of the public structs and functions of include/alaqat.h.

Only what the header declares is mirrored here; keep the field order and
types in step with the header (tests/python/test_binding.py checks the
results against the CLI, which would catch a layout drift)."""

import ctypes
import ctypes.util
import os
from ctypes import (POINTER, Structure, c_char, c_char_p, c_int, c_longlong,
                    c_size_t, c_uint32, c_void_p)

__all__ = ["lib", "find_library", "AlqError", "AlqDoc", "AlqClaim",
           "AlqMention", "AlqIssue", "AlqResult"]

LIB_NAMES = ("libalaqat.so", "libalaqat.so.0", "libalaqat.dylib")


class AlqError(Structure):  # alq_error
    _fields_ = [("code", c_int),
                ("file", c_char * 512),
                ("offset", c_longlong),
                ("msg", c_char * 512)]


class AlqDoc(Structure):  # alq_doc
    _fields_ = [("id", c_char_p),
                ("text", c_void_p),   # bytes, not NUL-terminated: a pointer
                ("len", c_size_t),
                ("date", c_char_p),
                ("title", c_char_p)]


class AlqClaim(Structure):  # alq_claim
    _fields_ = [("span", c_uint32 * 2),
                ("a", c_char_p),
                ("b", c_char_p),
                ("type", c_char_p),
                ("polarity", c_char_p),
                ("modality", c_char_p),
                ("source", c_char_p),
                ("source_kind", c_char_p),
                ("when", c_char_p),
                ("where", c_char_p),
                ("via", c_char_p),
                ("trigger", c_uint32 * 2),
                ("a_span", c_uint32 * 2),
                ("b_span", c_uint32 * 2),
                ("rule", c_char_p)]


class AlqMention(Structure):  # alq_mention
    _fields_ = [("span", c_uint32 * 2),
                ("id", c_char_p),
                ("type", c_char_p)]


class AlqIssue(Structure):  # alq_issue
    _fields_ = [("code", c_int),
                ("offset", c_longlong),
                ("msg", c_char_p)]


class AlqResult(Structure):  # alq_result
    _fields_ = [("claims", POINTER(AlqClaim)),
                ("nclaims", c_size_t),
                ("mentions", POINTER(AlqMention)),
                ("nmentions", c_size_t),
                ("issues", POINTER(AlqIssue)),
                ("nissues", c_size_t),
                ("date", c_char_p),
                ("title", c_uint32 * 2)]


def _candidates():
    env = os.environ.get("ALAQAT_LIB")
    if env:
        if os.path.isdir(env):
            for n in LIB_NAMES:
                yield os.path.join(env, n)
        else:
            yield env
        return  # an explicit choice is not second-guessed
    here = os.path.dirname(os.path.abspath(__file__))
    for n in LIB_NAMES:
        yield os.path.join(here, n)
    found = ctypes.util.find_library("alaqat")
    if found:
        yield found


def find_library():
    """Path (or soname) of the libalaqat that will be loaded, or None."""
    for c in _candidates():
        if os.sep not in c or os.path.exists(c):
            return c
    return None


def _load():
    tried = []
    for c in _candidates():
        if os.sep in c and not os.path.exists(c):
            tried.append(c + " (missing)")
            continue
        try:
            return ctypes.CDLL(c)
        except OSError as e:
            tried.append("%s (%s)" % (c, e))
    raise OSError("alaqat: cannot load libalaqat; set ALAQAT_LIB to the "
                  "Release build's libalaqat.so (make release) or install it "
                  "(make install). Tried: " + ("; ".join(tried) or "nothing"))


def _declare(l):
    l.alq_version.argtypes = []
    l.alq_version.restype = c_char_p
    l.alq_lexicon_open.argtypes = [POINTER(c_void_p), c_char_p, POINTER(AlqError)]
    l.alq_lexicon_open.restype = c_int
    l.alq_lexicon_free.argtypes = [c_void_p]
    l.alq_lexicon_free.restype = None
    l.alq_extractor_new.argtypes = [POINTER(c_void_p), c_void_p]
    l.alq_extractor_new.restype = c_int
    l.alq_extractor_free.argtypes = [c_void_p]
    l.alq_extractor_free.restype = None
    l.alq_extract.argtypes = [c_void_p, POINTER(AlqDoc), POINTER(POINTER(AlqResult)),
                              POINTER(AlqError)]
    l.alq_extract.restype = c_int
    return l


_lib = None


def lib():
    """The loaded library (loaded on first use, so that importing alaqat
    never fails just because the library is not built yet)."""
    global _lib
    if _lib is None:
        _lib = _declare(_load())
    return _lib
