"""alaqat: relation claims between armed and political organizations in
Arabic news, with evidence (a ctypes binding over libalaqat).

    >>> import alaqat
    >>> claims = alaqat.extract(text, doc_id="doc1", date="2015-07-01")
    >>> claims[0]["a"], claims[0]["type"], claims[0]["b"]

Claims are dicts with the fields of CLAIMS.md (doc, span, a, b, type,
polarity, modality, source, source_kind, when, where, via) plus trigger and
rule, in the order the CLI writes them, so ``json.loads`` of a line of
``alaqat extract`` equals the dict. **Spans are byte offsets** ``[start,
end)`` into the UTF-8 encoding of the text; use :func:`span_text`,
:func:`str_span` or :class:`ByteIndex` to get ``str`` positions.
"""

import bisect
import ctypes
import threading

from . import _capi
from .store import Store, StoreError

__all__ = ["extract", "mentions", "Extractor", "Result", "AlaqatError",
           "version", "span_text", "str_span", "ByteIndex", "library_path",
           "Store", "StoreError"]
__version__ = "0.1.0"


class AlaqatError(Exception):
    """A failure reported by libalaqat (alq_error): ``code`` is one of the
    ALQ_E* codes (negative), ``file`` and ``offset`` locate it when known."""

    def __init__(self, code, msg, file=None, offset=None):
        super().__init__(msg)
        self.code = code
        self.msg = msg
        self.file = file
        self.offset = offset


def _raise(rc, err, what):
    msg = err.msg.decode("utf-8", "replace") or "%s failed (code %d)" % (what, rc)
    file = err.file.decode("utf-8", "replace") or None
    off = err.offset if err.offset >= 0 else None
    where = (file + ": " if file else "") + ("byte %d: " % off if off is not None else "")
    raise AlaqatError(rc, where + msg, file, off)


def _s(p):
    return None if p is None else p.decode("utf-8", "replace")


def _bytes(text):
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    if isinstance(text, str):
        return text.encode("utf-8")
    raise TypeError("text must be str or bytes, not %s" % type(text).__name__)


def _cstr(s, name):
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    if isinstance(s, str):
        return s.encode("utf-8")
    raise TypeError("%s must be str or None" % name)


def version():
    """The library's version string (alq_version)."""
    return _capi.lib().alq_version().decode()


def library_path():
    """Which libalaqat is (or would be) loaded."""
    return _capi.find_library()


class Result:
    """Everything one call found: ``claims`` and ``mentions`` (lists of
    dicts), ``issues`` (dicts: code, offset, msg; e.g. invalid UTF-8 bytes,
    extraction goes on around them), ``date`` (the dateline found or given)
    and ``title`` (``[start, end)`` bytes of the headline, or None)."""

    __slots__ = ("claims", "mentions", "issues", "date", "title")

    def __init__(self, claims, mentions, issues, date, title):
        self.claims, self.mentions, self.issues = claims, mentions, issues
        self.date, self.title = date, title

    def __repr__(self):
        return "Result(%d claims, %d mentions, %d issues, date=%r)" % (
            len(self.claims), len(self.mentions), len(self.issues), self.date)


class Extractor:
    """Keeps the lexicons open for many documents.

    ``data_dir``: the lexicon directory (None: $ALAQAT_DATA, else the one
    compiled into the library). One extractor serves one call at a time (a
    lock serializes calls); use one per thread for parallelism. Close it with
    :meth:`close` or a ``with`` block (it is also freed when collected)."""

    def __init__(self, data_dir=None):
        self._lib = _capi.lib()
        self._lex = None
        self._ex = None
        self._lock = threading.Lock()
        err = _capi.AlqError()
        lex = ctypes.c_void_p()
        rc = self._lib.alq_lexicon_open(ctypes.byref(lex), _cstr(data_dir, "data_dir"),
                                        ctypes.byref(err))
        if rc != 0:
            _raise(rc, err, "alq_lexicon_open")
        self._lex = lex
        ex = ctypes.c_void_p()
        rc = self._lib.alq_extractor_new(ctypes.byref(ex), lex)
        if rc != 0:
            self.close()
            raise AlaqatError(rc, "alq_extractor_new failed (code %d)" % rc)
        self._ex = ex

    def close(self):
        """Frees the extractor and the lexicons; further calls raise."""
        lib = getattr(self, "_lib", None)
        if lib is None:
            return
        if getattr(self, "_ex", None):
            lib.alq_extractor_free(self._ex)
            self._ex = None
        if getattr(self, "_lex", None):
            lib.alq_lexicon_free(self._lex)
            self._lex = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def run(self, text, doc_id="doc", date=None, title=None):
        """Extracts from one document and returns a :class:`Result`.

        ``text``: str (encoded as UTF-8) or bytes (used as is; invalid UTF-8
        is reported in ``issues``). ``date``: the dateline "YYYY-MM-DD" when
        known (relative times resolve against it), else the extractor looks
        for one in the text. ``title``: a headline from metadata, optional."""
        data = _bytes(text)
        did = _cstr(doc_id, "doc_id")
        if did is None:
            raise TypeError("doc_id must be a str")
        buf = ctypes.create_string_buffer(data, len(data)) if data else None
        doc = _capi.AlqDoc(did, ctypes.cast(buf, ctypes.c_void_p) if buf else None,
                           len(data), _cstr(date, "date"), _cstr(title, "title"))
        out = ctypes.POINTER(_capi.AlqResult)()
        err = _capi.AlqError()
        with self._lock:
            if not self._ex:
                raise ValueError("alaqat: the extractor is closed")
            rc = self._lib.alq_extract(self._ex, ctypes.byref(doc), ctypes.byref(out),
                                       ctypes.byref(err))
            if rc != 0:
                _raise(rc, err, "alq_extract")
            # Results are borrowed until the next call: copy them now.
            return self._copy(out.contents, data, doc_id if isinstance(doc_id, str)
                              else did.decode("utf-8", "replace"))

    @staticmethod
    def _copy(r, data, doc_id):
        claims = []
        for i in range(r.nclaims):
            c = r.claims[i]
            claims.append({
                "doc": doc_id,
                "span": [c.span[0], c.span[1]],
                "a": _s(c.a), "b": _s(c.b),
                "type": _s(c.type),
                "polarity": _s(c.polarity),
                "modality": _s(c.modality),
                "source": _s(c.source),
                "source_kind": _s(c.source_kind),
                "when": _s(c.when),
                "where": _s(c.where),
                "via": _s(c.via),
                "trigger": [c.trigger[0], c.trigger[1]],
                "rule": _s(c.rule),
            })
        ments = []
        for i in range(r.nmentions):
            m = r.mentions[i]
            s, e = m.span[0], m.span[1]
            ments.append({
                "doc": doc_id,
                "span": [s, e],
                "text": data[s:e].decode("utf-8", "replace"),
                "id": _s(m.id),
                "type": _s(m.type),
            })
        issues = [{"code": r.issues[i].code, "offset": r.issues[i].offset,
                   "msg": _s(r.issues[i].msg)} for i in range(r.nissues)]
        title = [r.title[0], r.title[1]] if r.title[1] > r.title[0] else None
        return Result(claims, ments, issues, _s(r.date), title)

    def extract(self, text, doc_id="doc", date=None, title=None):
        """The claims of one document (list of dicts, as the CLI writes)."""
        return self.run(text, doc_id, date, title).claims

    def mentions(self, text, doc_id="doc", date=None, title=None):
        """The entity mentions of one document: dicts with doc, span, text
        (the span's bytes decoded), id and type."""
        return self.run(text, doc_id, date, title).mentions


_default = {}
_default_lock = threading.Lock()


def _shared(data_dir):
    key = data_dir
    with _default_lock:
        ex = _default.get(key)
        if ex is None:
            ex = _default[key] = Extractor(data_dir)
        return ex


def extract(text, doc_id="doc", date=None, data_dir=None, title=None):
    """Claims of one document as a list of dicts (see module doc). The
    lexicons are loaded once per ``data_dir`` and kept for later calls."""
    return _shared(data_dir).extract(text, doc_id, date, title)


def mentions(text, doc_id="doc", date=None, data_dir=None, title=None):
    """Entity mentions of one document as a list of dicts (doc, span, text,
    id, type)."""
    return _shared(data_dir).mentions(text, doc_id, date, title)


# ---- byte offsets <-> str indices ---------------------------------------

def span_text(text, span):
    """The text a byte span covers (``text`` str or bytes)."""
    b = _bytes(text)
    return b[span[0]:span[1]].decode("utf-8", "replace")


class ByteIndex:
    """Converts UTF-8 byte offsets of ``text`` (a str) to str indices and
    back, O(log n) per conversion after an O(n) setup."""

    def __init__(self, text):
        self.text = text
        starts, pos = [], 0
        for ch in text:
            starts.append(pos)
            o = ord(ch)
            pos += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        starts.append(pos)
        self._starts = starts

    def to_str(self, byte_offset):
        """str index of the character that starts at (or contains)
        ``byte_offset``; len(text) at the end."""
        return bisect.bisect_right(self._starts, byte_offset) - 1

    def to_bytes(self, str_index):
        return self._starts[str_index]

    def span(self, span):
        """A byte span as a (start, end) str slice."""
        return self.to_str(span[0]), self.to_str(span[1])


def str_span(text, span):
    """A byte span of ``text`` (str) as (start, end) str indices, so that
    ``text[start:end] == span_text(text, span)``."""
    return ByteIndex(text).span(span)
