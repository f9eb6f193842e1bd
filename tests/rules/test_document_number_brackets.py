"""document-number-brackets: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint


@pytest.mark.parametrize("text", ["依据某政发[2025]27号执行。", "依据某政发（2025）27号执行。", "依据某政发(2025)27号执行。", "依据某政发【2025】27号。"])
def test_document_number_brackets(text):
    (f,) = lint(text, "document-number-brackets")
    assert f.suggestion == "〔2025〕"


@pytest.mark.parametrize("text", ["依据某政发〔2025〕27号执行。", "资金（2025年度）已拨付。", "（2025）年度计划"])
def test_document_number_brackets_fine(text):
    assert lint(text, "document-number-brackets") == []


def test_fix_puts_the_year_in_hexagonal_brackets():
    assert fixed("依据某政发[2025]27号文件执行。", "document-number-brackets") == "依据某政发〔2025〕27号文件执行。"
