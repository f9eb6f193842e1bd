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


@pytest.mark.parametrize("char", ["\uf0b7", "\U00031350", "\U0002ebf0"])
def test_private_use_and_new_cjk_characters_in_valid_utf8_are_text(char):
    # Word's symbol bullet (private use), and CJK extension characters newer than some tables.
    text = f"整改情况：{char}建立台账。\n"
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["关于巡察整改情况的通报，现予公布。\n", "2025年巡察整改情况通报\r\n"])
def test_utf16_without_a_bom_is_detected_never_read_as_gb18030(codec, text):
    data = text.encode(codec)
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, codec)
    assert encode(decoded, decoded.text) == data


def test_gbk_and_ascii_are_not_taken_for_utf16():
    assert decode("关于巡察整改情况的通报".encode("gbk")).encoding == "gb18030"
    assert decode(b"Hello world!").encoding == "utf-8"
