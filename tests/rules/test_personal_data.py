"""personal-data: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


def test_resident_id_with_valid_checksum_is_flagged_and_masked():
    (f,) = lint("当事人身份证号码为110101199003074477。", "personal-data")
    assert f.severity == "error" and "110101199003074477" not in f.en and "110" in f.en


def test_id_shaped_number_with_bad_checksum_is_not_an_id():
    assert [f for f in lint("编号110101199003074478。", "personal-data") if "ID" in f.en] == []


def test_bank_card_with_luhn_and_mobile_are_flagged_masked():
    found = lint("收款卡号6222 0212 3456 7894，手机13912345678。", "personal-data")
    assert len(found) == 2
    assert all("13912345678" not in f.en and "6222021234567894" not in f.en for f in found)


def test_office_phones_in_the_supervision_block_are_intended():
    text = ("关于巡察整改进展情况的通报\n\n一、整改情况\n\n1.问题。整改结果：已完成。\n\n"
            "欢迎监督。联系电话：0791-6123456，13912345678；电子邮箱：jd@example.cn。\n\n中共某局党组\n2025年10月9日\n")
    assert lint(text, "personal-data") == []


def test_landline_is_not_a_mobile():
    assert lint("办公电话0812-3866910。", "personal-data") == []


@pytest.mark.parametrize("written", ["158-6745-3421", "158 6745 3421", "+86 158-6745-3421", "15867453421"])
def test_the_mask_is_computed_on_the_digits(written):
    (f,) = lint(f"经核实，当事人（{written}）已退赔。", "personal-data")
    assert "158****3421" in f.en and "6745" not in f.en


@pytest.mark.parametrize("text", [
    "值班电话 | 13912345678（工作日8:00-20:00） | 17759012345（工作日8:00-20:00） |",  # a table row
    "举报电话：13912345678（上午8:30—11:30）、17759012345。",
    "举报受理电话：17669612345；电子邮箱：17669612345@163.com。",  # the e-mail's name is the number
])
def test_numbers_given_as_channels_with_their_hours_or_as_an_address_are_published_on_purpose(text):
    assert lint(text, "personal-data") == []


def test_a_mobile_after_a_channels_hours_but_in_another_sentence_is_still_personal():
    assert len(lint("值班电话：0791-6123456（工作日）。当事人手机13912345678已退回。", "personal-data")) == 1
