import codecs

import pytest

from rectlint.decode import decode, encode
from rectlint.errors import InputError

TEXT = "整改情况：一是完成整改。\r\n二是建立台账。\r\n"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
])
def test_supported_encodings_decode_to_the_same_text(data, encoding):
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.newline == "\r\n"
    assert encode(decoded, decoded.text) == data


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03binary\xff\xfe",
    bytes(range(256)),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
])
def test_binary_is_an_input_error(data):
    with pytest.raises(InputError, match="binary|cannot decode"):
        decode(data, "x.txt")


def test_undecodable_bytes_are_an_input_error_not_a_guess():
    with pytest.raises(InputError):
        decode(b"\xff\xff\xff\xfe\x80\x80", "x.txt")


def test_utf16_bom_with_odd_length_is_an_input_error():
    with pytest.raises(InputError):
        decode(codecs.BOM_UTF16_LE + "整改".encode("utf-16-le") + b"\x00", "x.txt")


def test_empty_input_decodes_to_empty_text():
    assert decode(b"").text == ""
